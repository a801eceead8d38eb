# tests/unit/interactive.mk: unit tests of the interactive layer (prompt escapes, history file, completion).
check_PROGRAMS += tests/unit/test_interactive
TESTS += tests/unit/test_interactive
tests_unit_test_interactive_SOURCES = tests/unit/test_interactive.c
tests_unit_test_interactive_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_interactive_LDADD = src/interactive/libinteractive.a \
	src/base/libbase.a $(LINEEDIT_LIBS) $(CHECK_LIBS)
