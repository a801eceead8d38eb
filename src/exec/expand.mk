# src/exec/expand.mk: variables and word expansion (XCU 2.5, 2.6).
src_libshell_a_SOURCES += \
	src/exec/expand.c src/exec/expand.h src/exec/expand_internal.h \
	src/exec/locale.c \
	src/exec/param.c \
	src/exec/param_ext.c \
	src/exec/split.c \
	src/exec/vars.c \
	src/exec/vars_array.c
