/* brace.c: brace expansion (ksh, bash) — {a,b}, nested, {1..10}, {01..10}, {a..z}, {10..1..3} — on the word tree before any other expansion. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "exec/expand.h"

/*
 * Brace expansion comes first, before tilde and parameter expansion, and
 * sees only unquoted literal text: the word's top-level parts are laid out
 * as a sequence of items, each an unquoted byte or an opaque part ("...",
 * '...', $x, $(...): never looked into).  The first '{' that has a
 * matching '}' with a ',' between them at the same depth (or a sequence
 * a..b[..step] as all of its content) is expanded: each alternative is put
 * between the text before and after the braces, and every result is
 * expanded again, so nested and later braces expand too (left to right,
 * as bash: a{b,c}d{e,f} gives abde abdf acde acdf).  A '{' without that
 * is literal, and the search goes on after it.
 *
 * The results are new WORD_LIST words whose literal parts are new and
 * whose other parts are borrowed from the original word (brace_free).
 */

enum { BRACE_MAX_RESULTS = 1 << 20 };

struct item {
	int c;				/* a byte, or -1 for an opaque part */
	const struct word *part;	/* borrowed: c == -1 */
};

struct seq {
	struct item *v;		/* owned */
	size_t n;
};

static void seq_push(struct seq *s, size_t *cap, struct item it)
{
	if (s->n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		s->v = xreallocarray(s->v, *cap, sizeof *s->v);
	}
	s->v[s->n++] = it;
}

static void lay_out(const struct word *w, struct seq *s, size_t *cap)
{
	if (w->type == WORD_LITERAL) {
		for (size_t i = 0; i < w->lit.len; i++)
			seq_push(s, cap, (struct item){ (unsigned char)w->lit.text[i], NULL });
	} else if (w->type == WORD_LIST) {
		for (size_t i = 0; i < w->parts.len; i++)
			lay_out(w->parts.items[i], s, cap);
	} else {
		seq_push(s, cap, (struct item){ -1, w });
	}
}

/* The '}' matching the '{' at open, and the top-level commas before it. */
static size_t close_of(const struct seq *s, size_t open, bool *comma)
{
	int depth = 0;
	*comma = false;
	for (size_t i = open; i < s->n; i++) {
		int c = s->v[i].c;
		if (c == '{')
			depth++;
		else if (c == '}' && --depth == 0)
			return i;
		else if (c == ',' && depth == 1)
			*comma = true;
	}
	return SIZE_MAX;
}

/* The literal text s[from, to), or NULL when an opaque part is in it. */
static char *text_of(const struct seq *s, size_t from, size_t to)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = from; i < to; i++) {
		if (s->v[i].c < 0) {
			sb_free(&sb);
			return NULL;
		}
		sb_putc(&sb, (char)s->v[i].c);
	}
	return sb_finish(&sb);
}

static bool parse_int(const char *s, intmax_t *v, size_t *width)
{
	char *end;
	if (!*s || !(*s == '-' || *s == '+' || (*s >= '0' && *s <= '9')))
		return false;
	*v = strtoimax(s, &end, 10);
	if (*end || end == s || (end == s + 1 && (*s == '-' || *s == '+')))
		return false;
	const char *d = s + (*s == '-' || *s == '+');
	/* {01..10}: a leading zero asks for padding to the longest end */
	*width = d[0] == '0' && d[1] ? strlen(s) : 0;
	return true;
}

/*
 * {a..b} or {a..b..step} as the whole content: the list of values, as
 * strings, or false when the content is not a sequence.
 */
static bool sequence(const char *t, struct vec *vals)
{
	const char *dots = strstr(t, "..");
	if (!dots)
		return false;
	char *a = xstrndup(t, (size_t)(dots - t));
	const char *rest = dots + 2, *dots2 = strstr(rest, "..");
	char *b = dots2 ? xstrndup(rest, (size_t)(dots2 - rest)) : xstrdup(rest);
	intmax_t x, y, step = 1;
	size_t wa, wb, ws;
	bool ok = true;
	if (dots2 && !parse_int(dots2 + 2, &step, &ws))
		ok = false;
	if (step < 0)
		step = -step;
	if (step == 0)
		step = 1;
	if (ok && parse_int(a, &x, &wa) && parse_int(b, &y, &wb)) {
		size_t width = wa > wb ? wa : wb;
		uintmax_t count = (uintmax_t)(x < y ? y - x : x - y) / (uintmax_t)step + 1;
		if (count > BRACE_MAX_RESULTS)
			count = BRACE_MAX_RESULTS;
		for (intmax_t v = x; count-- > 0; v += x <= y ? step : -step) {
			struct strbuf sb = STRBUF_INIT;
			sb_printf(&sb, v < 0 ? "-%0*jd" : "%0*jd",
				  width ? (int)width - (v < 0) : 0, v < 0 ? -v : v);
			vec_push(vals, sb_finish(&sb));
		}
	} else if (ok && strlen(a) == 1 && strlen(b) == 1) {
		int ca = (unsigned char)a[0], cb = (unsigned char)b[0];
		for (int c = ca; ca <= cb ? c <= cb : c >= cb;
		     c += ca <= cb ? (int)step : -(int)step) {
			char s[2] = { (char)c, '\0' };
			vec_push(vals, xstrdup(s));
			if (step > 255)
				break;
		}
	} else {
		ok = false;
	}
	free(a);
	free(b);
	return ok;
}

static void expand_seq(struct seq *s, struct vec *out, bool *did);

/* prefix s[0, open) + middle + suffix s[close+1, n), expanded again. */
static void combine(const struct seq *s, size_t open, size_t close,
		    const struct item *mid, size_t nmid, struct vec *out, bool *did)
{
	struct seq t = { NULL, 0 };
	size_t cap = 0;
	for (size_t i = 0; i < open; i++)
		seq_push(&t, &cap, s->v[i]);
	for (size_t i = 0; i < nmid; i++)
		seq_push(&t, &cap, mid[i]);
	for (size_t i = close + 1; i < s->n; i++)
		seq_push(&t, &cap, s->v[i]);
	*did = true;
	expand_seq(&t, out, did);
}

/* Expand the braces at [open, close]; false when they are literal. */
static bool expand_at(struct seq *s, size_t open, size_t close, bool comma,
		      struct vec *out, bool *did)
{
	if (comma) {
		size_t from = open + 1;
		int depth = 0;
		for (size_t i = open + 1; i <= close; i++) {
			int c = s->v[i].c;
			if (c == '{')
				depth++;
			else if (c == '}' && depth > 0)
				depth--;
			else if ((c == ',' && depth == 0) || i == close) {
				combine(s, open, close, s->v + from, i - from, out, did);
				from = i + 1;
			}
		}
		return true;
	}
	char *t = text_of(s, open + 1, close);
	struct vec vals = VEC_INIT;
	bool ok = t && sequence(t, &vals);
	free(t);
	for (size_t k = 0; k < vals.len; k++) {
		const char *v = vals.items[k];
		size_t n = strlen(v);
		struct item *mid = xreallocarray(NULL, n ? n : 1, sizeof *mid);
		for (size_t i = 0; i < n; i++)
			mid[i] = (struct item){ (unsigned char)v[i], NULL };
		combine(s, open, close, mid, n, out, did);
		free(mid);
	}
	vec_free_all(&vals, free);
	return ok;
}

/* The sequence as a new word (literal runs merged; opaque parts borrowed). */
static struct word *word_of(const struct seq *s)
{
	struct word *w = word_create(WORD_LIST);
	struct strbuf lit = STRBUF_INIT;
	for (size_t i = 0; i <= s->n; i++) {
		if (i < s->n && s->v[i].c >= 0) {
			sb_putc(&lit, (char)s->v[i].c);
			continue;
		}
		if (lit.len) {
			vec_push(&w->parts, word_create_text(WORD_LITERAL, lit.data, lit.len));
			sb_clear(&lit);
		}
		if (i < s->n)
			vec_push(&w->parts, (void *)s->v[i].part);
	}
	sb_free(&lit);
	return w;
}

/* Takes s (frees its items); *did is set when some braces expanded. */
static void expand_seq(struct seq *s, struct vec *out, bool *did)
{
	for (size_t i = 0; i < s->n && out->len < BRACE_MAX_RESULTS; i++) {
		bool comma;
		size_t close;
		if (s->v[i].c != '{' || (close = close_of(s, i, &comma)) == SIZE_MAX)
			continue;
		if (expand_at(s, i, close, comma, out, did)) {
			free(s->v);
			return;
		}
	}
	vec_push(out, word_of(s));
	free(s->v);
}

/* A cheap test first: an unquoted '{' in some literal part. */
static bool has_brace(const struct word *w)
{
	if (w->type == WORD_LITERAL)
		return memchr(w->lit.text, '{', w->lit.len) != NULL;
	if (w->type == WORD_LIST)
		for (size_t i = 0; i < w->parts.len; i++)
			if (has_brace(w->parts.items[i]))
				return true;
	return false;
}

bool expand_braces(const struct word *w, struct vec *out)
{
	if (!has_brace(w))
		return false;
	struct seq s = { NULL, 0 };
	size_t cap = 0;
	bool did = false;
	lay_out(w, &s, &cap);
	expand_seq(&s, out, &did);
	if (!did) {	/* nothing expanded: use the word itself */
		expand_braces_free(out);
		return false;
	}
	return true;
}

void expand_braces_free(struct vec *words)
{
	for (size_t i = 0; i < words->len; i++) {
		struct word *w = words->items[i];
		for (size_t k = 0; k < w->parts.len; k++) {
			struct word *part = w->parts.items[k];
			if (part->type == WORD_LITERAL)	/* ours; the rest borrowed */
				word_destroy(part);
		}
		w->parts.len = 0;
		word_destroy(w);
	}
	vec_free(words);
}
