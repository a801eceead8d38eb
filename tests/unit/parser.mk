# tests/unit/parser.mk: unit tests of the parser layer (sources, lexer, parser, AST dump/text).
check_PROGRAMS += tests/unit/test_lexer tests/unit/test_parser tests/unit/test_source
TESTS += tests/unit/test_lexer tests/unit/test_parser tests/unit/test_source

tests_unit_test_lexer_SOURCES = tests/unit/test_lexer.c
tests_unit_test_lexer_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_lexer_LDADD = src/parser/libparser.a src/base/libbase.a $(CHECK_LIBS)

tests_unit_test_parser_SOURCES = tests/unit/test_parser.c
tests_unit_test_parser_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_parser_LDADD = src/parser/libparser.a src/base/libbase.a $(CHECK_LIBS)

tests_unit_test_source_SOURCES = tests/unit/test_source.c
tests_unit_test_source_CFLAGS = $(WHELK_UNIT_CFLAGS)
tests_unit_test_source_LDADD = src/parser/libparser.a src/base/libbase.a $(CHECK_LIBS)
