# src/builtins/core.mk: the evaluator's builtins — flow control, eval/./exec, set/shift, trap, command/type/hash, wait/times.
src_libshell_a_SOURCES += \
	src/builtins/cmdsearch.c \
	src/builtins/dirstack.c \
	src/builtins/evalcmd.c \
	src/builtins/flow.c \
	src/builtins/setcmd.c \
	src/builtins/shopt.c \
	src/builtins/trapcmd.c \
	src/builtins/waitcmd.c
