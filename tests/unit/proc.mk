# tests/unit/proc.mk: /proc parsers on fixture trees (check), and the proc builtin's script suite.
check_PROGRAMS += tests/unit/test_proc tests/unit/proc_driver
TESTS += tests/unit/test_proc tests/proc/run.sh
tests_unit_test_proc_SOURCES = tests/unit/test_proc.c
tests_unit_test_proc_CFLAGS = $(WHELK_UNIT_CFLAGS) \
	-DPROC_FIXTURES='"$(abs_top_builddir)/tests/fixtures/proc"'
tests_unit_test_proc_LDADD = src/proc/libproc.a src/base/libbase.a $(CHECK_LIBS)

# The proc builtin linked alone (its sources, not libshell.a), so it can be
# tested while the rest of the shell is being written.
tests_unit_proc_driver_SOURCES = tests/unit/proc_driver.c \
	src/builtins/proc.c src/builtins/proc_fds.c src/builtins/proc_info.c \
	src/builtins/proc_ipc.c \
	src/builtins/proc_limits.c src/builtins/proc_mem.c \
	src/builtins/proc_out.c src/builtins/proc_ps.c src/builtins/proc_sigs.c \
	src/builtins/proc_target.c src/builtins/proc_tree.c \
	src/builtins/opts.c
tests_unit_proc_driver_CFLAGS = $(AM_CFLAGS)
tests_unit_proc_driver_LDADD = src/proc/libproc.a src/jobs/libjobs.a \
	src/base/libbase.a

check_PROGRAMS += tests/proc/json_check
tests_proc_json_check_SOURCES = tests/proc/json_check.c
tests_proc_json_check_LDADD = src/base/libbase.a
# tests/proc/run.sh finds the programs and the fixture trees in the build
# tree (the current directory when the harness runs it).
EXTRA_DIST += tests/proc/run.sh

# The fixture trees are built in the build tree from their committed form
# (regular files plus a LINKS list: see tests/unit/fixtures/mkproc.sh), every
# time `make check` runs, so they are always fresh and the tarball holds no
# symbolic link that points out of it.
check_DATA = tests/fixtures/proc/.made
tests/fixtures/proc/.made: FORCE
	$(SHELL) $(srcdir)/tests/unit/fixtures/mkproc.sh \
		$(srcdir)/tests/unit/fixtures/proc tests/fixtures/proc
	touch $@
EXTRA_DIST += tests/unit/fixtures
clean-local: clean-local-fixtures
clean-local-fixtures:
	rm -rf tests/fixtures
