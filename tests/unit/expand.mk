# tests/unit/expand.mk: unit tests of variables, expansion stages, read and getopts.
# The test compiles the expansion sources itself with stand-ins for the
# evaluator (expand_stubs.c), so it does not wait for the whole shell.
check_PROGRAMS += tests/unit/test_expand
TESTS += tests/unit/test_expand
tests_unit_test_expand_SOURCES = tests/unit/test_expand.c tests/unit/expand_stubs.c \
	src/exec/vars.c src/exec/dynvars.c src/exec/locale.c src/exec/expand.c \
	src/exec/brace.c src/exec/param.c src/exec/param_ext.c \
	src/exec/split.c src/exec/vars_array.c \
	src/exec/options.c src/exec/pattern.c src/exec/extglob.c src/exec/bracket.c src/exec/glob.c \
	src/exec/arith_eval.c src/parser/arith.c \
	src/builtins/read.c src/builtins/getopts.c src/builtins/opts.c
tests_unit_test_expand_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_expand_LDADD = src/jobs/libjobs.a src/base/libbase.a $(CHECK_LIBS)
