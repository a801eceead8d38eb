# src/builtins/vars.mk: variable, read, getopts, alias and directory builtins.
src_libshell_a_SOURCES += \
	src/builtins/alias.c \
	src/builtins/cd.c \
	src/builtins/declare.c \
	src/builtins/export.c \
	src/builtins/getopts.c \
	src/builtins/mapfile.c \
	src/builtins/read.c
