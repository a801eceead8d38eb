# src/parser/local.mk: layer 1 — input sources, lexer, word trees, parser, AST, arithmetic parser.
noinst_LIBRARIES += src/parser/libparser.a
src_parser_libparser_a_SOURCES = \
	src/parser/arith.c src/parser/arith.h \
	src/parser/ast.c src/parser/ast.h \
	src/parser/ast_print.c \
	src/parser/lexer.c src/parser/lexer.h \
	src/parser/parser.c src/parser/parser.h src/parser/parser_internal.h \
	src/parser/source.c src/parser/source.h src/parser/source_internal.h \
	src/parser/word.c
