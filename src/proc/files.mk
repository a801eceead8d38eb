# src/proc/files.mk: the /proc readers (pure parsers + openat-relative file access).
src_proc_libproc_a_SOURCES += \
	src/proc/proc.h \
	src/proc/parse.c \
	src/proc/read.c \
	src/proc/root.c
