# src/builtins/util.mk: the standalone builtins (echo printf test umask ulimit kill let true false).
src_libshell_a_SOURCES += \
	src/builtins/echo.c \
	src/builtins/kill.c \
	src/builtins/let.c \
	src/builtins/escape.c src/builtins/escape.h \
	src/builtins/printf.c \
	src/builtins/test.c \
	src/builtins/true.c \
	src/builtins/ulimit.c \
	src/builtins/umask.c \
	src/parser/arith_tree.h
