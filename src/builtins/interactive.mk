src_libshell_a_SOURCES += \
	src/builtins/fc.c \
	src/builtins/help.c src/builtins/help.h
