# src/interactive/local.mk: layer 5 — the line-input seam and its backends, prompts, history, completion.
noinst_LIBRARIES += src/interactive/libinteractive.a
src_interactive_libinteractive_a_SOURCES =
src_interactive_libinteractive_a_CFLAGS = $(AM_CFLAGS) $(LINEEDIT_CFLAGS)
include src/interactive/files.mk
