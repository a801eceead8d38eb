# src/builtins/local.mk: layer 4 — the builtin table and one file per builtin or family.
# Each group of builtins lists its files in its own fragment.
src_libshell_a_SOURCES += \
	src/builtins/builtins.h \
	src/builtins/opts.c src/builtins/opts.h \
	src/builtins/registry.c src/builtins/registry.h
include src/builtins/core.mk
include src/builtins/vars.mk
include src/builtins/util.mk
include src/builtins/jobctl.mk
include src/builtins/proc.mk
include src/builtins/interactive.mk
