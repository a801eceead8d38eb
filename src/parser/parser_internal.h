/* parser_internal.h: state shared by lexer.c, word.c and parser.c (private to src/parser/). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PARSER_PARSER_INTERNAL_H
#define WHELK_PARSER_PARSER_INTERNAL_H

#include <stdbool.h>

#include "base/pool.h"
#include "base/strbuf.h"
#include "base/vec.h"
#include "parser/ast.h"
#include "parser/lexer.h"
#include "parser/parser.h"
#include "parser/source.h"
#include "parser/source_internal.h"

/* An alias being read: its text is read before the rest of the input. */
struct alias_frame {
	char *name;		/* owned */
	char *text;		/* owned copy of the value */
	size_t pos;		/* next byte of text */
	bool trailing_blank;	/* value ends in a blank (XCU 2.3.1) */
	bool source_bytes;	/* not an alias: bytes the lexer had read ahead
				   from the source (they advance positions) */
	struct vec chain;	/* char * (owned): this alias and the ones whose
				   substitution produced it — none of them is
				   substituted again inside this text */
	struct alias_frame *next;	/* owned: the frame below */
};

/* A byte pushed back, with the position it was read at. */
struct pushback {
	int c;
	struct src_pos pos;
	bool from_alias;
};

#define LX_PUSHBACK_MAX 8
#define LX_HISTORY 8

struct parser {
	struct source *src;		/* borrowed */
	/* ---- byte input (lexer.c) */
	struct alias_frame *aliases;	/* owned stack, may be NULL */
	struct pushback pb[LX_PUSHBACK_MAX];
	int npb;
	struct src_pos pos;		/* position of the next byte */
	struct src_pos hist[LX_HISTORY];	/* positions before recent reads */
	bool hist_alias[LX_HISTORY];
	unsigned nhist;
	bool last_from_alias;		/* the byte just read came from alias text */
	struct vec heredocs;		/* struct redir * (borrowed): read at the next newline */
	struct strbuf *rec;		/* borrowed, may be NULL: every byte read is
					   also appended here, every byte pushed back
					   taken off (a here-doc delimiter as written) */
	/* ---- tokens */
	struct token tok;		/* the lookahead token, when have_tok */
	bool have_tok;
	struct src_pos last_end;	/* end of the last consumed token */
	bool alias_next;		/* the next word is alias-eligible (trailing blank) */
	struct vec active_aliases;	/* char * (owned): aliases being read when
					   the current token started */
	parser_alias_fn alias_fn;	/* may be NULL */
	const size_t *alias_count;	/* borrowed, may be NULL: no lookup while 0 */
	void *alias_ctx;		/* borrowed */
	parser_warn_fn warn_fn;		/* may be NULL */
	void *warn_ctx;			/* borrowed */
	parser_syntax_fn syntax_fn;	/* may be NULL */
	void *syntax_ctx;		/* borrowed */
	/* ---- syntax options, read from syntax_fn before each complete command */
	bool extglob;			/* ?( ) *( ) +( ) @( ) !( ) are parts of
					   words (always inside [[ ]]) */
	bool posix;			/* set -o posix: &> and |& are not
					   operators */
	/* ---- state */
	unsigned depth;			/* nesting depth (PARSER_MAX_DEPTH) */
	bool keep_pos;			/* nested text: pos was set by the caller */
	bool in_backquote_dq;		/* a `...` inside "..." is being read (\" rule) */
	char *err;			/* owned, may be NULL: the sticky error */
	unsigned err_line;
	bool incomplete;		/* the error is "input ended too early" */
};

/* ---- lexer.c: bytes */
int lx_getc_slow(struct parser *p);
void lx_ungetc_slow(struct parser *p, int c);
int lx_getc_bnl_slow(struct parser *p);

/*
 * The next byte.  Most bytes of a script come straight from the source's
 * buffer with nothing above it (no pushed-back byte, no alias text, no
 * recording, no set -v echo): that case is inline here and costs a load,
 * a test and the position update; everything else (a newline, a NUL, a
 * refill, the other layers) goes through lx_getc_slow in lexer.c, which
 * gives exactly the same result.
 */
static inline int lx_getc(struct parser *p)
{
	struct source *s = p->src;
	if (p->npb == 0 && !p->aliases && !p->rec && source_plain(s)) {
		int c = s->buf[s->pos];
		if (c != '\n' && c != '\0') {
			s->pos++;
			s->col++;
			unsigned i = p->nhist++ % LX_HISTORY;
			p->hist[i] = p->pos;
			p->hist_alias[i] = false;
			p->last_from_alias = false;
			p->pos.col++;
			return c;
		}
	}
	return lx_getc_slow(p);
}

/*
 * Push back the byte just read.  When it came from the source's buffer
 * and nothing sits above the source, the buffer position just steps back
 * (the inverse of lx_getc's fast path); otherwise lx_ungetc_slow keeps it
 * with its position on the pushback stack.
 */
static inline void lx_ungetc(struct parser *p, int c)
{
	struct source *s = p->src;
	unsigned i = (p->nhist - 1) % LX_HISTORY;
	if (c >= 0 && c != '\n' && p->npb == 0 && !p->aliases && !p->rec &&
	    !p->hist_alias[i] && s->npb == 0 && !s->synced && s->echo_fd < 0 &&
	    s->pos > 0 && s->buf[s->pos - 1] == c && s->col > 1) {
		s->pos--;
		s->col--;
		p->nhist--;
		p->pos = p->hist[i];
		return;
	}
	lx_ungetc_slow(p, c);
}

/** lx_getc that removes backslash-newline pairs (line continuation, XCU 2.2.1). */
static inline int lx_getc_bnl(struct parser *p)
{
	int c = lx_getc(p);
	return c == '\\' ? lx_getc_bnl_slow(p) : c;
}

int lx_peekc(struct parser *p);
/** Take a run of source bytes not marked in stop[] (see lexer.c); *n may be 0. */
const unsigned char *lx_take_run(struct parser *p, const bool stop[256], size_t *n);
/** The same for a run of bytes marked in go[] (which must not mark '\n',
    NUL or '\\'). */
const unsigned char *lx_take_while(struct parser *p, const bool go[256], size_t *n);
void lx_push_alias(struct parser *p, const char *name, const char *text);
/** Give back text read ahead from position at: it is read again, with its
    positions, before the rest of the input. */
void lx_unread(struct parser *p, const char *text, struct src_pos at);
void lx_clear_input(struct parser *p);
bool lx_alias_active(const struct parser *p, const char *name);
/** Read the next token into p->tok. */
void lx_next(struct parser *p);
void lx_token_free(struct token *t);

/* ---- parser.c: errors and nested programs */
void parse_fail(struct parser *p, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void parse_fail_eof(struct parser *p, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/** A warning about the input at line: passed to the warning hook, if any. */
void parse_warn(struct parser *p, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/** Parse a $( ... ) body from the current input, up to and including ')'. */
struct ast_node *parse_cmdsub_body(struct parser *p);
/** Parse a `...` body with a nested parser starting at position at; errors copied to p. */
struct ast_node *parse_nested_text(struct parser *p, const char *text, struct src_pos at);
struct parser *parser_create_nested(struct parser *parent, struct source *src);

/* ---- word.c: word trees */
enum word_mode {
	WM_NORMAL,	/* an unquoted word in a command */
	WM_DQUOTE,	/* inside "..." (called after the opening quote) */
	WM_HEREDOC,	/* an unquoted here-document body: to end of input */
	WM_ARG,		/* ${x-word} outside "..." or any trim pattern */
	WM_ARG_DQ,	/* ${x-word} inside "..." */
	WM_ARG_HD,	/* ${x-word} in a here-document body: as WM_ARG_DQ,
			   but \" inside `...` keeps its backslash */
	WM_ARITH,	/* $(( ... )) up to the closing )) */
	WM_REGEX,	/* the right side of =~ in [[ ]]: as WM_NORMAL, but
			   ( ) | < > & ; are plain bytes inside parentheses
			   and | is one outside them */
	WM_ARITH_SEMI,	/* the first two parts of for (( a; b; c )): an
			   arithmetic text up to a ';' outside parentheses */
	WM_SUBSCRIPT,	/* the subscript of ${a[...]} or a[...]=: up to the
			   matching ']', quoting as in an unquoted word */
};

/** The bytes that end a run of plain bytes in an unquoted word (operators,
    blanks, quotes, $, `, backslash, newline, NUL). */
extern const bool *const word_stop_normal;
/** $name, "$name", "text" or 'text' alone, cut from bytes in hand (see word.c). */
struct word *word_lex_quick(struct parser *p, const unsigned char *b, size_t n,
			    struct src_pos at, const bool end[256], size_t *len);
/** Read a word in mode (first byte not yet read).  NULL on error. */
struct word *word_lex(struct parser *p, enum word_mode mode);
/**
 * An arithmetic text (first byte not yet read) in mode WM_ARITH (up to "))")
 * or WM_ARITH_SEMI (up to ';'), as a WORD_ARITH word whose tree is parsed
 * now when the text is plain.  NULL on error.
 */
struct word *word_lex_arith(struct parser *p, enum word_mode mode,
			    struct src_pos at);
/** Mark tilde prefixes (XCU 2.6.1); assign: also after '=' and ':'. */
struct word *word_tilde(struct word *w, bool assign);
/**
 * If *w is NAME=value (the = unquoted, NAME a valid name): returns the name
 * (fresh) and replaces *w by the value's word, with tilde prefixes marked
 * as in an assignment (after = and each :); *w's old word is freed.
 * Otherwise returns NULL and leaves *w alone.
 */
char *word_split_assign(struct word **w);
/** The same, also for name+=value and name[subscript]=value (then
    *subscript and *append are set; both may be NULL to refuse them). */
char *word_split_assignment(struct word **w, struct word **subscript,
			    bool *append);
/** The plain text of a word that is a single unquoted literal, else NULL. */
const char *word_literal_text(const struct word *w);
/** Here-doc delimiter: the text after quote removal; *quoted set when any quoting. */
char *word_heredoc_delim(const struct word *w, bool *quoted);
/** Here-doc delimiter from the word as written (n bytes): quote removal only. */
char *word_unquote_delim(const char *s, size_t n);
/** Parse a here-doc body text (unquoted delimiter) into a word; takes text
    (malloc'd, text[len] == '\0'). */
struct word *word_parse_heredoc(struct parser *p, char *text, size_t len,
				unsigned line);

#endif
