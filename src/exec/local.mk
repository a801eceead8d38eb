# src/exec/local.mk: layer 3 — shell state, expansion, redirection, evaluation.
# exec and builtins form one library (libshell.a): the evaluator calls builtins
# through registry.h and builtins call back into the evaluator.
noinst_LIBRARIES += src/libshell.a
src_libshell_a_SOURCES = \
	src/exec/arith_eval.c src/exec/arith_eval.h \
	src/exec/bracket.c src/exec/bracket.h \
	src/exec/glob.c src/exec/glob.h \
	src/exec/options.c \
	src/exec/pattern.c src/exec/pattern.h \
	src/exec/shell.h \
	src/exec/hist_iface.h
include src/exec/files.mk
include src/exec/expand.mk
include src/exec/ext.mk
