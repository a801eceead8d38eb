# src/interactive/local.mk: layer 5 — the line-input seam and its backends, prompts, history, completion.
noinst_LIBRARIES += src/interactive/libinteractive.a
src_interactive_libinteractive_a_SOURCES =
# readline's pkg-config flags carry their own -D_XOPEN_SOURCE=600, which
# would clash with ours (AM_CPPFLAGS) under -Werror: keep only the rest.
src_interactive_libinteractive_a_CFLAGS = $(AM_CFLAGS) \
	$(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=%,$(LINEEDIT_CFLAGS))
include src/interactive/files.mk
