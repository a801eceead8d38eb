/* lexer.h: tokens of the shell language (XCU 2.3 token recognition, 2.10.1 lexical conventions). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PARSER_LEXER_H
#define WHELK_PARSER_LEXER_H

#include <stdbool.h>

#include "parser/ast.h"

/*
 * The lexer turns bytes into tokens.  It knows nothing about reserved words:
 * "if" is a TK_WORD whose literal text happens to be "if", and the parser
 * decides, from where it stands in the grammar, whether that is a reserved
 * word (XCU 2.4).  It does know operators, quoting, IO_NUMBER (digits right
 * before < or >) and the {name} form before < or >.
 */
enum token_type {
	TK_EOF,
	TK_NEWLINE,
	TK_WORD,
	TK_IO_NUMBER,	/* 2 in 2>file */
	TK_IO_NAME,	/* {fd} in {fd}>file (ksh/bash extension) */
	TK_AND,		/* &  */
	TK_AND_IF,	/* && */
	TK_PIPE,	/* |  */
	TK_OR_IF,	/* || */
	TK_SEMI,	/* ;  */
	TK_DSEMI,	/* ;; */
	TK_SEMI_AND,	/* ;& (Issue 8) */
	TK_DSEMI_AND,	/* ;;& (bash: test the next patterns too) */
	TK_LPAREN,	/* (  */
	TK_RPAREN,	/* )  */
	TK_LESS,	/* <  */
	TK_GREAT,	/* >  */
	TK_DLESS,	/* << */
	TK_DLESSDASH,	/* <<- */
	TK_DGREAT,	/* >> */
	TK_LESSAND,	/* <& */
	TK_GREATAND,	/* >& */
	TK_LESSGREAT,	/* <> */
	TK_CLOBBER,	/* >| */
	TK_TLESS,	/* <<< (ksh, bash: here-string) */
	TK_ANDGREAT,	/* &>  (bash: > and 2>&1; not under set -o posix) */
	TK_ANDDGREAT,	/* &>> (bash: >> and 2>&1; not under set -o posix) */
	TK_PIPE_AND,	/* |&  (bash: 2>&1 |; not under set -o posix) */
};

struct token {
	enum token_type type;
	struct src_range range;
	struct word *word;	/* owned, may be NULL: TK_WORD only */
	const char *lit;	/* borrowed from word: its text when the word is
				   one unquoted literal, else NULL */
	int io_number;		/* TK_IO_NUMBER */
	char *io_name;		/* owned: TK_IO_NAME, the name inside { } */
	bool alias_ok;		/* eligible for alias substitution because the
				   previous alias ended in a blank */
	bool alias_checked;	/* alias substitution was already tried */
	signed char kw;		/* index in the parser's reserved-word table
				   when lit spells one, else -1 */
};

/** The operator's spelling ("&&", "newline", "end of file", ...). */
const char *lex_token_name(enum token_type t);

/**
 * For tests and the fuzzer: lex a whole string into a readable token stream,
 * e.g. "WORD(echo) WORD(hi) SEMI NEWLINE EOF".  Returns a malloc'd string;
 * on a lexical error the stream ends in "ERROR(message)".
 */
char *lex_dump_string(const char *text);

#endif
