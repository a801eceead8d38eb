/* parser.h: the recursive-descent parser for the XCU 2.10 shell grammar. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PARSER_PARSER_H
#define WHELK_PARSER_PARSER_H

#include <stdbool.h>

#include "parser/ast.h"
#include "parser/source.h"

/*
 * Use:
 *	struct parser *p = parser_create(src);
 *	for (;;) {
 *		struct ast_node *cmd;
 *		enum parse_status st = parser_next(p, &cmd);
 *		if (st == PARSE_EOF) break;
 *		if (st != PARSE_OK) { report parser_error(p); ... }
 *		source_sync(src); run cmd; ast_node_destroy(cmd);
 *	}
 * parser_next() reads exactly one complete command (XCU 2.10.2
 * complete_command: a list up to and including its newline, plus any
 * here-document bodies) and never reads past that newline — which is what
 * makes aliases defined by one line apply to the next, `set -v`, reading a
 * script from a pipe shared with the commands it runs, and interactive use
 * work.  Blank lines and comment-only lines are skipped (a NODE_LIST with no
 * items is never returned).
 */

enum parse_status {
	PARSE_OK,		/* *out is a complete command (a NODE_LIST) */
	PARSE_EOF,		/* end of input, nothing parsed */
	PARSE_ERROR,		/* syntax error: see parser_error() */
	PARSE_INCOMPLETE,	/* input ended inside a command: open quote,
				   missing fi/done/esac/}/), unterminated
				   here-doc, trailing | && || */
};

struct parser;

/** Alias lookup hook: returns the alias value (borrowed) or NULL. */
typedef const char *(*parser_alias_fn)(void *ctx, const char *name);

/** Warning hook: the input named name, at line, is odd but accepted. */
typedef void (*parser_warn_fn)(void *ctx, const char *name, unsigned line,
			       const char *msg);

/** Syntax options hook: PARSE_SYN_* flags, asked before each complete
    command (so `shopt -s extglob` applies from the next command on). */
enum {
	PARSE_SYN_EXTGLOB = 1,	/* extended patterns ?( ) *( ) +( ) @( ) !( ) */
	PARSE_SYN_POSIX = 2,	/* set -o posix: no &>, &>>, |& operators */
};
typedef int (*parser_syntax_fn)(void *ctx);

/** src is borrowed. */
struct parser *parser_create(struct source *src);
void parser_destroy(struct parser *p);
void parser_set_alias_hook(struct parser *p, parser_alias_fn fn, void *ctx);
/**
 * count (borrowed, may be NULL) is the number of aliases defined: while it
 * is 0 the alias hook is not asked at all, and a word in command position
 * costs no lookup (most scripts define no alias).
 */
void parser_set_alias_count(struct parser *p, const size_t *count);
void parser_set_warn_hook(struct parser *p, parser_warn_fn fn, void *ctx);
void parser_set_syntax_hook(struct parser *p, parser_syntax_fn fn, void *ctx);

enum parse_status parser_next(struct parser *p, struct ast_node **out);

/**
 * After PARSE_ERROR or PARSE_INCOMPLETE: the message without location, e.g.
 * "syntax error: unexpected 'fi'" or "syntax error: unexpected end of file
 * (expecting 'done')", and the line of the offending token.  After an error,
 * parser_recover() skips the rest of the current line so an interactive
 * shell can go on.
 */
const char *parser_error(const struct parser *p);
unsigned parser_error_line(const struct parser *p);
void parser_recover(struct parser *p);

/** Maximum nesting depth of any construct before "too deeply nested". */
#define PARSER_MAX_DEPTH 1000

/**
 * Parse a whole string as a program (for eval, `.`, command substitution
 * text, tests).  Returns a NODE_LIST or NULL with *err set (malloc'd message
 * with "line N: " prefix) — *err is NULL on success.
 */
struct ast_node *parse_string(const char *name, const char *text, char **err);

/**
 * Parse text as the body of an unquoted here-document (XCU 2.7.4: $, ` and
 * \ are special, " is plain text) into a word, for text that the shell
 * expands the same way without it being a here-document: PS1, PS2, PS4 and
 * $ENV.  No delimiter is looked for: all of text is the body.  Returns NULL
 * with *err set (malloc'd, "line N: " prefix) when the text does not parse.
 */
struct word *parse_heredoc_text(const char *name, const char *text, char **err);

/** Is s a valid NAME (XCU 3.235: [_A-Za-z][_A-Za-z0-9]*)? */
bool parse_is_name(const char *s);
/** Is s one of the reserved words (XCU 2.4, and [[ function select time
    of ksh and bash)?  The one list: `type` and completion ask here. */
bool parse_reserved_word(const char *s);

struct strbuf;
/** Decode the inside of $'...' (Issue 8 escapes; also ${x@E}). */
void word_decode_dollar_single(struct strbuf *out, const char *s, size_t n);

#endif
