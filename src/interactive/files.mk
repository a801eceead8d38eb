# src/interactive/files.mk: the sources of libinteractive.a (layer 5: base and parser only).
src_interactive_libinteractive_a_SOURCES += \
	src/interactive/complete.c src/interactive/complete.h \
	src/interactive/complete_list.c \
	src/interactive/complete_sources.c src/interactive/complete_sources.h \
	src/interactive/histexpand.c src/interactive/histexpand.h \
	src/interactive/history.c src/interactive/history.h \
	src/interactive/lineedit.h \
	src/interactive/lineedit.c src/interactive/lineedit_plain.c \
	src/interactive/lineedit_rl.c src/interactive/rl_dlopen.h \
	src/interactive/prompt.c src/interactive/prompt.h \
	src/interactive/suggest.c src/interactive/suggest.h
