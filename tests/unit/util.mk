# tests/unit/util.mk: unit tests of the pure algorithms (arithmetic, patterns, globbing) and the standalone builtins.
# The module sources are compiled into each test directly, so a half-written
# module elsewhere in the same library never blocks these tests.
check_PROGRAMS += tests/unit/test_arith
TESTS += tests/unit/test_arith
tests_unit_test_arith_SOURCES = tests/unit/test_arith.c \
	src/parser/arith.c src/exec/arith_eval.c
tests_unit_test_arith_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_arith_LDADD = src/base/libbase.a $(CHECK_LIBS)

check_PROGRAMS += tests/unit/test_pattern
TESTS += tests/unit/test_pattern
tests_unit_test_pattern_SOURCES = tests/unit/test_pattern.c src/exec/pattern.c src/exec/extglob.c \
	src/exec/bracket.c
tests_unit_test_pattern_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_pattern_LDADD = src/base/libbase.a $(CHECK_LIBS)

check_PROGRAMS += tests/unit/test_glob
TESTS += tests/unit/test_glob
tests_unit_test_glob_SOURCES = tests/unit/test_glob.c src/exec/glob.c \
	src/exec/pattern.c src/exec/extglob.c src/exec/bracket.c
tests_unit_test_glob_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_glob_LDADD = src/base/libbase.a $(CHECK_LIBS)

# The builtins, called directly with a zeroed struct shell; the test file
# provides builtin_error (which collects messages for comparison).
check_PROGRAMS += tests/unit/test_util_builtins
TESTS += tests/unit/test_util_builtins
tests_unit_test_util_builtins_SOURCES = tests/unit/test_util_builtins.c \
	src/builtins/echo.c src/builtins/escape.c src/builtins/printf.c \
	src/builtins/test.c src/exec/testops.c src/builtins/true.c src/builtins/kill.c \
	src/builtins/ulimit.c src/builtins/umask.c src/builtins/opts.c
tests_unit_test_util_builtins_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_util_builtins_LDADD = src/jobs/libjobs.a src/base/libbase.a \
	$(CHECK_LIBS)
