# src/exec/files.mk: the evaluator — shell lifecycle, tree walk, simple commands, PATH, redirections, pipelines, $( ), traps.
src_libshell_a_SOURCES += \
	src/exec/cmdsub.c \
	src/exec/command.c \
	src/exec/dynvars.c \
	src/exec/eval.c src/exec/eval.h \
	src/exec/exec_int.h \
	src/exec/path.c \
	src/exec/pipeline.c \
	src/exec/redir.c src/exec/redir.h \
	src/exec/shell.c \
	src/exec/suggest.c \
	src/exec/timing.c \
	src/exec/trap.c
