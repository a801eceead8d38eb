# tests/unit/histexpand.mk: unit tests of history expansion (src/interactive/histexpand.c).
check_PROGRAMS += tests/unit/test_histexpand
TESTS += tests/unit/test_histexpand
tests_unit_test_histexpand_SOURCES = tests/unit/test_histexpand.c
tests_unit_test_histexpand_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_histexpand_LDADD = src/interactive/libinteractive.a \
	src/base/libbase.a $(LINEEDIT_LIBS) $(CHECK_LIBS)
