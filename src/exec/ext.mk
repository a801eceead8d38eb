# src/exec/ext.mk: extensions of ksh and bash (issue 10) — [[ ]], select, brace expansion, extended patterns, the file tests test shares.
src_libshell_a_SOURCES += \
	src/exec/brace.c \
	src/exec/cond.c \
	src/exec/extglob.c src/exec/extglob.h \
	src/exec/rematch.c \
	src/exec/select.c \
	src/exec/testops.c src/exec/testops.h
