# tests/robust/local.mk: the robustness suite (issue 7, run by make check) and `make valgrind`.
check_PROGRAMS += tests/robust/maxrss
tests_robust_maxrss_SOURCES = tests/robust/maxrss.c
TESTS += tests/robust/run.sh
EXTRA_DIST += tests/robust/run.sh tests/robust/valgrind-whelk.in

# Every builtin in the table with hostile arguments (issue 15, section 1).
check_PROGRAMS += tests/robust/builtin_names
tests_robust_builtin_names_SOURCES = tests/robust/builtin_names.c
tests_robust_builtin_names_LDADD = $(WHELK_CORE_LIBS)
TESTS += tests/robust/builtin-args.sh
EXTRA_DIST += tests/robust/builtin-args.sh
CLEANFILES += tests/robust/robust.log tests/robust/valgrind-whelk

# make valgrind: every golden case (tests/posix) with whelk under valgrind
# memcheck (--leak-check=full), one log per process in
# tests/robust/vg-logs.  Fails when any log holds an error or a definitely
# lost block.  Cases that start "$(readlink /proc/$$/exe)" get the wrapper
# instead (under valgrind that link names memcheck itself).  A golden case
# may also fail on its 10 s timeout under valgrind's slowdown: those are
# listed, not fatal (make check runs them at full speed).  Takes about
# 18 minutes on 2 CPUs (VG_JOBS sets the parallelism); see
# docs/ROBUSTNESS.md for the last result.
VG_JOBS = 2
valgrind: whelk
	@rm -rf tests/robust/vg-logs tests/robust/vg-cases
	@$(MKDIR_P) tests/robust/vg-logs tests/robust/vg-cases
	@sed -e 's|@WHELK@|$(abs_builddir)/whelk|' \
	    -e 's|@VG_LOGDIR@|$(abs_builddir)/tests/robust/vg-logs|' \
	    $(srcdir)/tests/robust/valgrind-whelk.in > tests/robust/valgrind-whelk
	@chmod +x tests/robust/valgrind-whelk
	@for f in $(srcdir)/tests/posix/*.cases; do \
	    sed 's|$$(readlink /proc/$$$$/exe)|$(abs_builddir)/tests/robust/valgrind-whelk|g' \
	        "$$f" > tests/robust/vg-cases/$${f##*/}; done
	@$(srcdir)/tests/posix/run -j $(VG_JOBS) \
	    -s $(abs_builddir)/tests/robust/valgrind-whelk \
	    tests/robust/vg-cases/*.cases > tests/robust/vg-cases.log 2>&1; \
	grep -E '^FAIL|passed, [0-9]+ failed' tests/robust/vg-cases.log | tail -n 40; \
	bad=$$(find tests/robust/vg-logs -type f -size +0 | wc -l); \
	n=$$(ls tests/robust/vg-logs | wc -l); \
	echo "valgrind: $$n processes checked, $$bad with findings"; \
	if [ "$$bad" -gt 0 ]; then \
	    find tests/robust/vg-logs -type f -size +0 | head -n 5 | \
	        while read -r l; do echo "== $$l"; head -n 40 "$$l"; done; \
	    exit 1; fi
.PHONY: valgrind
