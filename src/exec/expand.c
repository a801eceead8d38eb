/* expand.c: the word-expansion driver (XCU 2.6) — walks a word tree into a marked buffer, then splits, globs and removes quotes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <inttypes.h>
#include <pwd.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/shquote.h"
#include "base/strbuf.h"
#include "exec/arith_eval.h"
#include "exec/eval.h"
#include "exec/expand.h"
#include "exec/expand_internal.h"
#include "exec/pattern.h"
#include "exec/shell.h"
#include "parser/arith.h"
#include "parser/parser.h"

/*
 * XCU 2.6 order: tilde expansion, parameter expansion, command
 * substitution and arithmetic expansion happen together, left to right, as
 * the tree is walked (expand_part); then field splitting, pathname
 * expansion and quote removal run over the finished buffer (split.c).
 * Quote removal costs nothing: the parser already took the quotes off and
 * recorded "this was quoted" in the tree, which becomes a mark per byte.
 */

/* ------------------------------------------------------ marked buffer */

void xbuf_init(struct xbuf *b)
{
	b->data = NULL;
	b->marks = NULL;
	b->len = 0;
	b->cap = 0;
}

/*
 * One freed block of 1 KiB to 256 KiB is kept for the next buffer.  A loop
 * expanding a long value (`set -- $line`) needed a fresh block of that size
 * per command, and every malloc of 1 KiB or more makes glibc consolidate its
 * fast bins — the hundreds of small field strings just freed — so each of
 * the next command's fields came back the slow way: a third of the time of
 * such a loop was malloc.
 */
#define XBUF_SPARE_MIN 1024
#define XBUF_SPARE_MAX (256 * 1024)
static struct xbuf xbuf_spare;

/*
 * And a few blocks of the smallest size (XBUF_MIN bytes of text): most
 * words expand to a few bytes, and a malloc and a free per expanded word
 * were a tenth of a script's run time.  At most XBUF_NSMALL are kept (a
 * command expands its words one after another; nested expansions hold a
 * few at once).
 */
#define XBUF_MIN 64
#define XBUF_NSMALL 8
static char *xbuf_small[XBUF_NSMALL];
static size_t xbuf_nsmall;

void xbuf_free(struct xbuf *b)
{
	if (b->cap == XBUF_MIN && xbuf_nsmall < XBUF_NSMALL) {
		xbuf_small[xbuf_nsmall++] = b->data;
	} else if (b->cap * 2 >= XBUF_SPARE_MIN && b->cap * 2 <= XBUF_SPARE_MAX &&
	    b->cap > xbuf_spare.cap) {
		free(xbuf_spare.data);
		xbuf_spare = *b;
	} else {
		free(b->data);		/* marks live in the same block */
	}
	xbuf_init(b);
}

void xbuf_clear(struct xbuf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/*
 * The bytes and their marks share one allocation (marks = data + cap):
 * every expansion that needs a buffer costs one malloc and one free, not
 * two of each.  Growing copies both halves into a new block, as two
 * reallocs would have (at worst) done anyway.
 */
static void xbuf_grow(struct xbuf *b, size_t extra)
{
	size_t need = xadd(xadd(b->len, extra), 1);
	if (need <= b->cap)
		return;
	if (!b->data && need <= XBUF_MIN && xbuf_nsmall > 0) {
		b->data = xbuf_small[--xbuf_nsmall];
		b->marks = (unsigned char *)b->data + XBUF_MIN;
		b->cap = XBUF_MIN;
		b->len = 0;
		return;
	}
	if (!b->data && need <= xbuf_spare.cap) {
		*b = xbuf_spare;
		xbuf_init(&xbuf_spare);
		b->len = 0;
		return;
	}
	size_t cap = b->cap ? b->cap : XBUF_MIN;
	while (cap < need)
		cap = xadd(cap, cap);
	char *block = xmalloc(xadd(cap, cap));
	if (b->data) {
		memcpy(block, b->data, b->len + 1);
		memcpy(block + cap, b->marks, b->len);
		free(b->data);
	}
	b->data = block;
	b->marks = (unsigned char *)block + cap;
	b->cap = cap;
}

void xbuf_add(struct xbuf *b, const char *s, size_t n, enum xmark m)
{
	xbuf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	memset(b->marks + b->len, m, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void xbuf_mark(struct xbuf *b, enum xmark m)
{
	xbuf_add(b, "", 1, m);	/* the placeholder byte is a NUL */
}

/* Decimal digits of v into buf (at least 24 bytes); returns the length.
   (snprintf costs more than the rest of a $((i + 1)) together.) */
size_t expand_fmt_int(char *buf, intmax_t v)
{
	char tmp[24];
	size_t n = 0;
	uintmax_t u = v < 0 ? -(uintmax_t)v : (uintmax_t)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	size_t len = 0;
	if (v < 0)
		buf[len++] = '-';
	while (n)
		buf[len++] = tmp[--n];
	buf[len] = '\0';
	return len;
}

/* --------------------------------------------------------------- tilde */

/*
 * XCU 2.6.1: ~ is $HOME (when HOME is unset, whelk asks the password
 * database, as dash and bash do); ~name is name's home directory.  The
 * result is never split or globbed.  When name is unknown the word is
 * left as it was written.
 */
static int expand_tilde(struct xctx *x, const struct word *w, bool quoted)
{
	const char *user = w->tilde.user;
	const char *home = NULL;
	if (quoted) {
		/* not a tilde-prefix inside "..." */
	} else if (user[0] == '\0') {
		home = var_get(x->sh, "HOME");
		if (!home) {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
	} else {
		struct passwd *pw = getpwnam(user);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home) {
		enum xmark m = quoted ? XMARK_QUO : XMARK_LIT;
		xbuf_add(&x->buf, "~", 1, m);
		xbuf_add(&x->buf, user, strlen(user), m);
		return 0;
	}
	if (home[0] == '\0')
		xbuf_mark(&x->buf, XMARK_EMPTYQ);
	xbuf_add(&x->buf, home, strlen(home), XMARK_QUO);
	return 0;
}

/* ------------------------------------------------ command substitution */

/*
 * XCU 2.6.3: run the program, take its output, remove every trailing
 * newline.  NUL bytes cannot live in a shell string; like dash, drop them.
 */
static int expand_cmdsub(struct xctx *x, const struct word *w, bool quoted)
{
	if (w->cmdsub.procsub) {	/* <(...) >(...): a file name */
		int fd = eval_procsub(x->sh, w->cmdsub.program,
				      w->cmdsub.procsub);
		if (fd < 0)
			return -1;
		char name[32];
		int n = snprintf(name, sizeof name, "/dev/fd/%d", fd);
		xbuf_add(&x->buf, name, (size_t)n, XMARK_QUO);
		return 0;
	}
	struct strbuf out = STRBUF_INIT;
	int status = eval_cmdsub(x->sh, w->cmdsub.program, &out);
	x->sh->last_status = status;
	size_t n = out.len;
	while (n > 0 && out.data[n - 1] == '\n')
		n--;
	enum xmark m = quoted ? XMARK_QUO : XMARK_EXP;
	const char *s = out.data;
	while (n > 0) {
		const char *nul = memchr(s, '\0', n);
		size_t chunk = nul ? (size_t)(nul - s) : n;
		xbuf_add(&x->buf, s, chunk, m);
		if (!nul)
			break;
		n -= chunk + 1;
		s = nul + 1;
	}
	sb_free(&out);
	return 0;
}

/* --------------------------------------------------------- arithmetic */

/* An array element a[sub] of an arithmetic expression (the subscript is
   evaluated, or is the key of an associative array). */
static const char *arith_get_elem(struct shell *sh, const char *name)
{
	char *base, *sub;
	if (!var_split_element(name, &base, &sub))
		return NULL;
	bool err;
	const char *v = var_elem_get(sh, base, sub, &err);
	free(base);
	free(sub);
	return v;
}

static const char *arith_get(void *ctx, const char *name)
{
	if (strchr(name, '['))
		return arith_get_elem(ctx, name);
	return var_get(ctx, name);
}

static int arith_set(void *ctx, const char *name, const char *value)
{
	char *base, *sub;
	if (strchr(name, '[') && var_split_element(name, &base, &sub)) {
		int r = var_elem_set(ctx, base, sub, value, false);
		free(base);
		free(sub);
		return r;
	}
	return var_set(ctx, name, value, 0);
}

static void arith_error(struct shell *sh, const struct word *w, const char *msg)
{
	char *text = word_to_text(w->arith.expr);
	shell_error(sh, "%s: %s", text, msg);
	free(text);
}

/*
 * XCU 2.6.4: an expression of plain text is parsed once, on its first
 * evaluation (word_arith_tree); otherwise ($x or $(...) inside) expand it
 * to a string first and parse that.  The result is a decimal number, split like any other
 * unquoted expansion (expand_arith); (( )) and for (( )) take the value.
 */
int expand_arith_value(struct shell *sh, const struct word *w, int64_t *value)
{
	struct arith_node *tree = word_arith_tree(w), *own = NULL;
	char *err = NULL;
	if (!tree) {
		char *text;
		if (expand_to_string(sh, w->arith.expr, 0, true, &text) < 0)
			return -1;
		tree = own = arith_parse(text, &err);
		free(text);
	}
	struct arith_vars vars = { sh, arith_get, arith_set, sh->opt.nounset };
	*value = 0;
	if (tree)
		arith_eval(tree, &vars, value, &err);
	arith_destroy(own);
	if (err) {
		arith_error(sh, w, err);
		free(err);
		return -1;
	}
	return 0;
}

int expand_arith_text(struct shell *sh, const char *text, int64_t *value)
{
	char *err = NULL;
	struct arith_node *tree = arith_parse(text, &err);
	struct arith_vars vars = { sh, arith_get, arith_set, sh->opt.nounset };
	*value = 0;
	if (tree)
		arith_eval(tree, &vars, value, &err);
	arith_destroy(tree);
	if (err) {
		if (sh->current_builtin)
			builtin_error(sh, "%s: %s", text, err);
		else
			shell_error(sh, "%s: %s", text, err);
		free(err);
		return -1;
	}
	return 0;
}

static int expand_arith(struct xctx *x, const struct word *w, bool quoted)
{
	int64_t value;
	if (expand_arith_value(x->sh, w, &value) < 0)
		return -1;
	char num[24];
	size_t n = expand_fmt_int(num, value);
	xbuf_add(&x->buf, num, n, quoted ? XMARK_QUO : XMARK_EXP);
	return 0;
}

/* ------------------------------------------------------ the tree walk */

static int expand_dquote(struct xctx *x, const struct word *w, bool arg)
{
	size_t before = x->buf.len;
	bool zero_at = x->zero_at;
	x->zero_at = false;
	for (size_t i = 0; i < w->parts.len; i++)
		if (expand_part(x, w->parts.items[i], true, arg) < 0)
			return -1;
	/* "" is an empty field; "$@" with no parameters is no field at all. */
	if (x->buf.len == before && !x->zero_at)
		xbuf_mark(&x->buf, XMARK_EMPTYQ);
	x->zero_at = zero_at || x->zero_at;
	return 0;
}

static void expand_text(struct xctx *x, const struct word *w, bool quoted,
			bool arg)
{
	enum xmark m = quoted ? XMARK_QUO : arg ? XMARK_EXP : XMARK_LIT;
	if (w->type == WORD_SQUOTE) {
		m = XMARK_QUO;
		if (w->lit.len == 0)
			xbuf_mark(&x->buf, XMARK_EMPTYQ);
	}
	xbuf_add(&x->buf, w->lit.text, w->lit.len, m);
}

/* Is element e of name=( ... ) written [key]=value? */
static bool elem_keyed(const struct word *e)
{
	const struct word *f = e->type == WORD_LIST && e->parts.len ?
		e->parts.items[0] : e;
	return f->type == WORD_LITERAL && f->lit.text[0] == '[';
}

/* [key]=value, expanded whole (no splitting), written back quoted. */
static int array_keyed(struct shell *sh, const struct word *e, struct strbuf *sb)
{
	char *s;
	if (expand_to_string(sh, e, 0, false, &s) < 0)
		return -1;
	char *end = strstr(s, "]=");
	char *plus = strstr(s, "]+=");
	if (plus && (!end || plus < end))
		end = plus;
	if (!end) {
		shq_quote(sb, s);	/* no '=': a plain value */
	} else {
		*end = '\0';
		sb_putc(sb, '[');
		shq_word(sb, s + 1);
		sb_append(sb, end == plus ? "]+=" : "]=");
		shq_word(sb, end + 2 + (end == plus));
	}
	free(s);
	return 0;
}

/*
 * name=( ... ): each element expanded — split and globbed like a
 * command's arguments, or [key]=value kept whole — and written back in
 * shell quoting as "(e1 e2 ...)", the text var_assign_compound reads
 * (and set -x shows).
 */
static int expand_array(struct xctx *x, const struct word *w)
{
	struct strbuf sb = STRBUF_INIT;
	sb_putc(&sb, '(');
	int r = 0;
	for (size_t i = 0; i < w->parts.len && r == 0; i++) {
		const struct word *e = w->parts.items[i];
		if (elem_keyed(e)) {
			sb_append(&sb, sb.len > 1 ? " " : "");
			r = array_keyed(x->sh, e, &sb);
			continue;
		}
		struct vec one = VEC_INIT, fields = VEC_INIT;
		vec_push(&one, (void *)e);
		r = expand_words(x->sh, &one, &fields);
		for (size_t k = 0; k < fields.len; k++) {
			sb_append(&sb, sb.len > 1 ? " " : "");
			shq_word(&sb, fields.items[k]);
		}
		vec_free(&one);
		vec_free_all(&fields, free);
	}
	sb_putc(&sb, ')');
	if (r == 0)
		xbuf_add(&x->buf, sb.data, sb.len, XMARK_QUO);
	sb_free(&sb);
	return r;
}

int expand_part(struct xctx *x, const struct word *w, bool quoted, bool arg)
{
	switch (w->type) {
	case WORD_LITERAL:
	case WORD_SQUOTE:
		expand_text(x, w, quoted, arg);
		return 0;
	case WORD_DQUOTE:
		return expand_dquote(x, w, arg);
	case WORD_PARAM:
		return expand_param(x, w, quoted);
	case WORD_CMDSUB:
		return expand_cmdsub(x, w, quoted);
	case WORD_ARITH:
		return expand_arith(x, w, quoted);
	case WORD_TILDE:
		return expand_tilde(x, w, quoted);
	case WORD_LIST:
		for (size_t i = 0; i < w->parts.len; i++)
			if (expand_part(x, w->parts.items[i], quoted, arg) < 0)
				return -1;
		return 0;
	case WORD_ARRAY:
		return expand_array(x, w);
	}
	return 0;
}

static void xctx_init(struct xctx *x, struct shell *sh, int flags)
{
	x->sh = sh;
	xbuf_init(&x->buf);
	x->flags = flags;
	x->zero_at = false;
}

/* ------------------------------------------------------ flat results */

char *expand_flatten(const struct xbuf *b)
{
	char *s = xmalloc(xadd(b->len, 1));
	size_t n = 0;
	if (b->len == 0) {	/* data may be NULL: no memchr/memcpy on it */
		s[0] = '\0';
		return s;
	}
	if (!memchr(b->marks, XMARK_EMPTYQ, b->len) &&
	    !memchr(b->marks, XMARK_BREAK, b->len)) {
		memcpy(s, b->data, b->len);	/* the usual case */
		s[b->len] = '\0';
		return s;
	}
	for (size_t i = 0; i < b->len; i++) {
		/* a BREAK's placeholder is the joining character, or NUL */
		if (b->marks[i] == XMARK_EMPTYQ ||
		    (b->marks[i] == XMARK_BREAK && b->data[i] == '\0'))
			continue;
		s[n++] = b->data[i];
	}
	s[n] = '\0';
	return s;
}

char *expand_escape_pattern(const struct xbuf *b)
{
	struct strbuf sb = STRBUF_INIT;
	sb_reserve(&sb, b->len);
	for (size_t i = 0; i < b->len; i++) {
		switch (b->marks[i]) {
		case XMARK_EMPTYQ:
			break;
		case XMARK_BREAK:
			if (b->data[i])
				sb_putc(&sb, b->data[i]);
			break;
		case XMARK_QUO:
			/* Only ASCII bytes can be pattern syntax: a quoted
			   non-ASCII byte needs no backslash, and none may
			   split a multibyte character in two. */
			if ((unsigned char)b->data[i] < 0x80)
				sb_putc(&sb, '\\');
			sb_putc(&sb, b->data[i]);
			break;
		default:
			sb_putc(&sb, b->data[i]);
			break;
		}
	}
	return sb_finish(&sb);
}

int expand_to_string(struct shell *sh, const struct word *w, int flags,
		     bool quoted, char **out)
{
	struct xctx x;
	xctx_init(&x, sh, flags);
	int r = expand_part(&x, w, quoted, false);
	*out = r < 0 ? NULL : expand_flatten(&x.buf);
	xbuf_free(&x.buf);
	return r;
}

/* ------------------------------------------------------ public face */

int expand_word_str(struct shell *sh, const struct word *w, int flags,
		    char **out)
{
	return expand_to_string(sh, w, flags, false, out);
}

int expand_word_pattern(struct shell *sh, const struct word *w, char **out)
{
	struct xctx x;
	xctx_init(&x, sh, 0);
	int r = expand_part(&x, w, false, false);
	*out = r < 0 ? NULL : expand_escape_pattern(&x.buf);
	xbuf_free(&x.buf);
	return r;
}

int expand_heredoc(struct shell *sh, const struct redir *r, char **out)
{
	if (!r->body) {
		*out = xstrdup("");
		return 0;
	}
	return expand_to_string(sh, r->body, 0, true, out);
}

/* Expanded bytes gathered before a write (and the length from which a
   literal part is written directly, from the tree). */
#define HEREDOC_CHUNK 65536

static int heredoc_flush(struct xctx *x, int fd)
{
	if (x->buf.len == 0)
		return 0;
	char *s = expand_flatten(&x->buf);
	int r = fd_write_all(fd, s, strlen(s));
	free(s);
	xbuf_clear(&x->buf);
	if (r < 0)
		shell_error(x->sh, "cannot write here-document: %s",
			    strerror(errno));
	return r < 0 ? -1 : 0;
}

/* Each part expanded on its own gives the same bytes as the body expanded
   whole: the body is one double-quoted word (no splitting, no globbing),
   and flattening maps marks to bytes one by one. */
int expand_heredoc_to_fd(struct shell *sh, const struct word *body, int fd)
{
	const struct word *const *parts = (const struct word *const *)&body;
	size_t n = 1;
	if (body->type == WORD_DQUOTE) {
		parts = (const struct word *const *)body->parts.items;
		n = body->parts.len;
	}
	struct xctx x;
	xctx_init(&x, sh, 0);
	int r = 0;
	for (size_t i = 0; i < n && r == 0; i++) {
		const struct word *w = parts[i];
		bool text = (w->type == WORD_LITERAL || w->type == WORD_SQUOTE) &&
			    w->lit.len >= HEREDOC_CHUNK;
		if (!text)
			r = expand_part(&x, w, true, false);
		if (r == 0 && (text || x.buf.len >= HEREDOC_CHUNK))
			r = heredoc_flush(&x, fd);
		if (r == 0 && text && fd_write_all(fd, w->lit.text, w->lit.len) < 0) {
			shell_error(sh, "cannot write here-document: %s",
				    strerror(errno));
			r = -1;
		}
	}
	if (r == 0)
		r = heredoc_flush(&x, fd);
	xbuf_free(&x.buf);
	return r;
}

char *expand_text_as_heredoc(struct shell *sh, const char *name, const char *text)
{
	char *err = NULL;
	struct word *w = parse_heredoc_text(name, text, &err);
	free(err);
	if (!w)
		return NULL;
	char *out = NULL;
	if (expand_to_string(sh, w, 0, true, &out) < 0)
		out = NULL;
	word_destroy(w);
	return out;
}

/* A word that is one piece of unquoted text with nothing to glob needs no
   buffer: the common case of command names and plain arguments. */
static bool plain_literal(const struct shell *sh, const struct word *w)
{
	if (w->type == WORD_SQUOTE)
		return true;
	if (w->type != WORD_LITERAL)
		return false;
	if (sh->opt.noglob)
		return true;
	/* One pass (most words are short: a loop beats strpbrk and three
	   strchr calls, and binds no more libc functions at startup). */
	bool open = false;
	for (const char *s = w->lit.text; *s; s++) {
		if (*s == '*' || *s == '?' || (*s == '(' && sh->opt.extglob))
			return false;
		if (*s == '[')
			open = true;
		else if (*s == ']' && open)
			return false;	/* "[" alone is the test command */
	}
	return true;
}

/* One word into fields: every stage after brace expansion. */
static int expand_one(struct xctx *x, const struct word *w, struct vec *fields)
{
	struct shell *sh = x->sh;
	if (plain_literal(sh, w)) {
		vec_push(fields, xmemdup(w->lit.text, w->lit.len + 1));
		return 0;
	}
	xbuf_clear(&x->buf);
	x->zero_at = false;
	int r = expand_part(x, w, false, false);
	if (r == 0 && w->decl)	/* export x=$y: as an assignment */
		vec_push(fields, expand_flatten(&x->buf));
	else if (r == 0)
		r = expand_fields(sh, &x->buf, !sh->opt.noglob, fields);
	return r;
}

int expand_words(struct shell *sh, const struct vec *words, struct vec *fields)
{
	struct xctx x;
	xctx_init(&x, sh, 0);
	int r = 0;
	for (size_t i = 0; i < words->len && r == 0; i++) {
		const struct word *w = words->items[i];
		struct vec braced = VEC_INIT;
		if (sh->opt.braceexpand && !w->decl && expand_braces(w, &braced)) {
			for (size_t k = 0; k < braced.len && r == 0; k++)
				r = expand_one(&x, braced.items[k], fields);
			expand_braces_free(&braced);
			continue;
		}
		r = expand_one(&x, w, fields);
	}
	xbuf_free(&x.buf);
	return r;
}

int expand_match_flags(const struct shell *sh)
{
	return (sh->opt.extglob ? PM_EXTGLOB : 0) |
	       (sh->opt.nocasematch ? PM_NOCASE : 0);
}
