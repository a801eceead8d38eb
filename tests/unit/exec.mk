# tests/unit/exec.mk: unit tests of the evaluator (redirection staging, fds, unwinding, limits), run in-process.
check_PROGRAMS += tests/unit/test_exec
TESTS += tests/unit/test_exec
tests_unit_test_exec_SOURCES = tests/unit/test_exec.c
tests_unit_test_exec_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_exec_LDADD = $(WHELK_CORE_LIBS) $(CHECK_LIBS)
