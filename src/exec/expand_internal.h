/* expand_internal.h: the marked buffer shared by expand.c, param.c and split.c (private to src/exec). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_EXPAND_INTERNAL_H
#define WHELK_EXEC_EXPAND_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/vec.h"
#include "parser/ast.h"

struct shell;

/*
 * Expansion writes every byte of a word's result into one buffer, and next
 * to each byte a mark saying where it came from.  The later stages need
 * exactly that and nothing more (XCU 2.6):
 *   - field splitting looks only at bytes that came from an unquoted
 *     expansion (XMARK_EXP) — literal text is never split;
 *   - pathname expansion treats * ? [ as special only when unquoted
 *     (XMARK_LIT or XMARK_EXP);
 *   - quote removal is free: quotes were never copied into the buffer.
 * Two zero-width marks carry structure: XMARK_EMPTYQ says "a quoted empty
 * string was here" ("" must still make a field), XMARK_BREAK ends a field
 * ("$@" makes one field per parameter).  Their byte in data is a
 * placeholder and never reaches a result.
 *
 * One buffer per word, no allocation per character: this is the hot path
 * of every command.
 */
enum xmark {
	XMARK_LIT,	/* unquoted literal text: globbed, never split */
	XMARK_QUO,	/* quoted: neither split nor globbed */
	XMARK_EXP,	/* result of an unquoted expansion: split and globbed */
	XMARK_EMPTYQ,	/* zero width: a quoted empty string */
	XMARK_BREAK,	/* zero width: field boundary ("$@") */
};

struct xbuf {
	char *data;		/* owned; NUL-terminated */
	unsigned char *marks;	/* in data's block (data + cap): one
				   enum xmark per byte of data */
	size_t len;
	size_t cap;
};

/* Expansion of one word in progress. */
struct xctx {
	struct shell *sh;	/* borrowed */
	struct xbuf buf;
	int flags;		/* EXPAND_ASSIGN */
	bool zero_at;		/* "$@" with no parameters was expanded:
				   the enclosing "..." makes no field */
};

void xbuf_init(struct xbuf *b);
void xbuf_free(struct xbuf *b);
void xbuf_clear(struct xbuf *b);
void xbuf_add(struct xbuf *b, const char *s, size_t n, enum xmark m);
void xbuf_mark(struct xbuf *b, enum xmark m);

/** Walk a word tree into x->buf.  quoted: inside "...".  arg: the word is
    the argument of ${x-word} etc., whose unquoted literal text is split
    like an expansion result.  0 or -1 (message printed). */
int expand_part(struct xctx *x, const struct word *w, bool quoted, bool arg);

/** ${...} and $name (param.c). */
int expand_param(struct xctx *x, const struct word *w, bool quoted);

/** Append the positional parameters for $@ / $* (param.c). */
void expand_append_params(struct xctx *x, bool star, bool quoted);

/** A list of values joined or split as $@ / $* are (param.c). */
void expand_append_list(struct xctx *x, char *const *items, size_t n,
			bool star, bool quoted);

/* The extension forms of ${...} (param_ext.c, issue 10 item 4). */
struct ext_args;
/** Expand the pattern and replacement words of w once; -1 after an
    error (*out is set either way: free it with param_ext_free). */
int param_ext_prepare(struct xctx *x, const struct word *w, struct ext_args **out);
void param_ext_free(struct ext_args *a);
/** One string through w's operator: an owned result, NULL after an error. */
char *param_ext_apply(struct xctx *x, const struct word *w, const char *name,
		      const struct ext_args *a, const char *s);
/** ${x:o:l} of one string s (characters): an owned *out, or -1. */
int param_ext_substr(struct xctx *x, const struct word *w, const char *s,
		     char **out);
/** The arithmetic value of w ("" and NULL: 0); -1 after an error. */
int param_eval_word(struct xctx *x, const struct word *w, int64_t *v);
/** The offset/length of ${x:o:l} applied to count items: -1 after an
    error (a negative length of a list, an end before the start). */
int param_substr_range(struct xctx *x, const struct word *w, size_t count,
		       bool list, size_t *start, size_t *n);


/** A word to a plain string, sharing the caller's shell (no split, no glob). */
int expand_to_string(struct shell *sh, const struct word *w, int flags,
		     bool quoted, char **out);

/** Field splitting + pathname expansion + quote removal of a finished
    buffer into fields (split.c).  -1 when failglob found a pattern that
    matched nothing (message printed), else 0. */
int expand_fields(struct shell *sh, const struct xbuf *b, bool glob,
		  struct vec *fields);

/** The buffer flattened: BREAK becomes a space (no split, no glob). */
char *expand_flatten(const struct xbuf *b);

/** The buffer in pattern.h's escaped form: quoted bytes get a backslash. */
char *expand_escape_pattern(const struct xbuf *b);

/** Decimal text of v in buf (24 bytes at least); returns its length. */
size_t expand_fmt_int(char *buf, intmax_t v);

/** Is c one of the IFS characters (ifs may be NULL: unset = default)? */
bool expand_is_ifs_space(char c);

#endif
