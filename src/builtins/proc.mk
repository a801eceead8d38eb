# src/builtins/proc.mk: the proc builtin — dispatch, one file per subcommand, output formats.
src_libshell_a_SOURCES += \
	src/builtins/proc.c src/builtins/proc.h \
	src/builtins/proc_internal.h \
	src/builtins/proc_fds.c \
	src/builtins/proc_info.c \
	src/builtins/proc_ipc.c \
	src/builtins/proc_limits.c \
	src/builtins/proc_mem.c \
	src/builtins/proc_out.c \
	src/builtins/proc_ps.c \
	src/builtins/proc_sigs.c \
	src/builtins/proc_target.c \
	src/builtins/proc_tree.c
