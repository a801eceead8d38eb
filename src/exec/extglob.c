/* extglob.c: extended patterns of ksh and bash — ?(…) *(…) +(…) @(…) !(…) — and case-folded matching. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "exec/extglob.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "base/alloc.h"
#include "base/mbchar.h"
#include "exec/bracket.h"
#include "exec/pattern.h"

/*
 * A pattern with a group in it ("@(a|b)*.c") is matched by a backtracking
 * matcher over the pattern text itself (escaped form, pattern.h), not by
 * pattern.c's element lists: a group may match a run of any length, so the
 * "only the last star matters" argument of pattern.c does not hold.  The
 * matcher m() walks the pattern left to right; at a star or a group it
 * tries every length for it and matches the rest after each.  A group
 * matches a piece of the subject when
 *   @(p|q)  one alternative matches it whole,
 *   ?(p|q)  it is empty, or as @,
 *   +(p|q)  an alternative matches a non-empty start and the rest is
 *           again +(p|q) or empty,
 *   *(p|q)  it is empty, or as +,
 *   !(p|q)  no alternative matches it.
 * Each alternative is itself a pattern (groups nest).  Backtracking alone
 * takes time exponential in the number of groups and stars (bash takes
 * seconds for "*(a|aa)*(a|aa)c" against 30 a's); so every failed match of
 * a piece of pattern against a piece of subject is remembered (a hash set
 * of the four offsets) and never tried again, which bounds the work by the
 * number of such pairs.  The recursion depth is bounded (EG_MAX_DEPTH) so
 * a hostile pattern fails to match instead of overflowing the stack.
 * Plain patterns never come here.
 *
 * Characters: bytes in a single-byte locale, decoded characters in a
 * multibyte one (? and [...] consume whole characters).  With PM_NOCASE
 * letters compare case-insensitively (nocasematch, nocaseglob).
 */

enum { EG_MAX_DEPTH = 10000, EG_MEMO_MAX = 1 << 20 };

/* A failed match: pattern [p, pe) against subject [s, se), as offsets. */
struct fail {
	uint32_t p, pe, s, se;
};

struct eg {
	const char *start;	/* borrowed: the subject's first byte */
	const char *pat;	/* borrowed: the pattern's first byte */
	int flags;		/* PM_* */
	bool wide;		/* multibyte locale */
	unsigned depth;
	struct fail *memo;	/* owned, may be NULL: open addressing;
				   an entry with pe == 0 is free */
	size_t cap, n;
};

static size_t fail_hash(const struct fail *f, size_t cap)
{
	uint64_t h = f->p * 0x9E3779B97F4A7C15u;
	h ^= (h >> 29) + f->pe * 0xBF58476D1CE4E5B9u;
	h ^= (h >> 31) + f->s * 0x94D049BB133111EBu;
	h ^= (h >> 27) + f->se * 0x9E3779B97F4A7C15u;
	return (size_t)(h ^ (h >> 33)) & (cap - 1);
}

static bool fail_eq(const struct fail *a, const struct fail *b)
{
	return a->p == b->p && a->pe == b->pe && a->s == b->s && a->se == b->se;
}

static struct fail *fail_slot(struct fail *tab, size_t cap, const struct fail *f)
{
	size_t i = fail_hash(f, cap);
	while (tab[i].pe != 0 && !fail_eq(&tab[i], f))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static bool fail_known(const struct eg *e, const struct fail *f)
{
	return e->memo && fail_slot(e->memo, e->cap, f)->pe != 0;
}

/* Remember a failure (pe > p, so pe is never 0); past EG_MEMO_MAX
   entries nothing more is remembered (still correct, only slower). */
static void fail_add(struct eg *e, const struct fail *f)
{
	if (2 * (e->n + 1) > e->cap) {
		if (e->cap >= EG_MEMO_MAX)
			return;
		size_t cap = e->cap ? 2 * e->cap : 256;
		struct fail *tab = xcalloc(cap, sizeof *tab);
		for (size_t i = 0; i < e->cap; i++)
			if (e->memo[i].pe != 0)
				*fail_slot(tab, cap, &e->memo[i]) = e->memo[i];
		free(e->memo);
		e->memo = tab;
		e->cap = cap;
	}
	*fail_slot(e->memo, e->cap, f) = *f;
	e->n++;
}

static bool m(struct eg *e, const char *p, const char *pe, const char *s,
	      const char *se);

bool extglob_is_group(const char *p)
{
	return p[0] && strchr("?*+@!", p[0]) && p[1] == '(';
}

/* The position after the pattern character or bracket expression at p. */
static const char *skip_elem(const char *p, const char *pe)
{
	if (*p == '\\' && p + 1 < pe)
		return p + 2;
	if (*p == '[') {
		struct charset cs;
		const char *after = bracket_parse(p, &cs, false);
		if (after) {
			bracket_free(&cs);
			if (after <= pe)
				return after;
		}
	}
	return p + 1;
}

/* The ')' closing the group whose '(' is at open, or NULL. */
static const char *group_close(const char *open, const char *pe)
{
	int nest = 0;
	for (const char *p = open; p < pe; p = skip_elem(p, pe)) {
		if (*p == '(')
			nest++;
		else if (*p == ')' && --nest == 0)
			return p;
	}
	return NULL;
}

bool extglob_has_group(const char *pat)
{
	const char *pe = pat + strlen(pat);
	for (const char *p = pat; p < pe; p = skip_elem(p, pe))
		if (extglob_is_group(p) && group_close(p + 1, pe))
			return true;
	return false;
}

/* The character at s (s < se) and its length in bytes. */
static uint32_t take(const struct eg *e, const char *s, const char *se,
		     size_t *len)
{
	if (!e->wide || (unsigned char)*s < 0x80) {
		*len = 1;
		return (unsigned char)*s;
	}
	return mb_decode(s, (size_t)(se - s), len);
}

static uint32_t fold(const struct eg *e, uint32_t c)
{
	if (!(e->flags & PM_NOCASE))
		return c;
	return c < 128 || e->wide ? (uint32_t)towlower((wint_t)c) : c;
}

/* Does any alternative of the group body [b, close) match [s, k) whole? */
static bool any_alt(struct eg *e, const char *b, const char *close,
		    const char *s, const char *k)
{
	int nest = 0;
	const char *alt = b;
	for (const char *p = b;; p = skip_elem(p, close)) {
		if (p == close || (*p == '|' && nest == 0)) {
			if (m(e, alt, p, s, k))
				return true;
			if (p == close)
				return false;
			alt = p + 1;
		} else if (*p == '(') {
			nest++;
		} else if (*p == ')') {
			nest--;
		}
	}
}

/* One or more matches of the group's alternatives, back to back.  Its
   failures are remembered too (the top bit of p tells them from m's). */
static bool repeat(struct eg *e, const char *b, const char *close,
		   const char *s, const char *k)
{
	struct fail key = { (uint32_t)(b - e->pat) | 0x80000000u,
			    (uint32_t)(close - e->pat), (uint32_t)(s - e->start),
			    (uint32_t)(k - e->start) };
	if (fail_known(e, &key))
		return false;
	for (const char *mid = s + 1; mid <= k; mid++)
		if (any_alt(e, b, close, s, mid) &&
		    (mid == k || repeat(e, b, close, mid, k)))
			return true;
	fail_add(e, &key);
	return false;
}

static bool group(struct eg *e, char kind, const char *b, const char *close,
		  const char *s, const char *k)
{
	switch (kind) {
	case '@': return any_alt(e, b, close, s, k);
	case '?': return s == k || any_alt(e, b, close, s, k);
	case '+': return repeat(e, b, close, s, k);
	case '*': return s == k || repeat(e, b, close, s, k);
	default:  return !any_alt(e, b, close, s, k);	/* '!' */
	}
}

/* PM_PERIOD: at the start of the subject a '.' needs a literal '.'. */
static bool hidden(const struct eg *e, const char *s, const char *se)
{
	return (e->flags & PM_PERIOD) && s == e->start && s < se && *s == '.';
}

/* A group at p: every length of subject for it, then the rest. */
static bool m_group(struct eg *e, const char *p, const char *close,
		    const char *pe, const char *s, const char *se)
{
	if (p[0] == '!' && hidden(e, s, se))
		return false;
	for (const char *k = s; k <= se; k++)
		if (group(e, p[0], p + 2, close, s, k) && m(e, close + 1, pe, k, se))
			return true;
	return false;
}

/* One character element at p against the subject at *s: advance both. */
static bool m_char(struct eg *e, const char **pp, const char *pe,
		   const char **sp, const char *se)
{
	const char *p = *pp, *s = *sp;
	size_t len;
	if (s == se)
		return false;
	uint32_t c = take(e, s, se, &len);
	if (*p == '?') {
		*pp = p + 1;
	} else if (*p == '[') {
		struct charset cs;
		const char *after = bracket_parse(p, &cs, e->wide);
		if (after && after <= pe) {
			bool in = bracket_has(&cs, c, e->wide) ||
				  ((e->flags & PM_NOCASE) &&
				   (bracket_has(&cs, (uint32_t)towlower((wint_t)c), e->wide) ||
				    bracket_has(&cs, (uint32_t)towupper((wint_t)c), e->wide)));
			bracket_free(&cs);
			*pp = after;
			*sp = s + len;
			return in && !hidden(e, s, se);
		}
		if (after)
			bracket_free(&cs);
		*pp = p + 1;
		if (c != '[')
			return false;
	} else {
		const char *q = p;
		uint32_t pc = bracket_take_char(&q, e->wide);
		*pp = q;
		if (fold(e, pc) != fold(e, c))
			return false;
		*sp = s + len;
		return true;
	}
	*sp = s + len;
	return !hidden(e, s, se);
}

/* Does the pattern [p, pe) match the subject [s, se) whole? */
static bool m(struct eg *e, const char *p, const char *pe, const char *s,
	      const char *se)
{
	struct fail key = { (uint32_t)(p - e->pat), (uint32_t)(pe - e->pat),
			    (uint32_t)(s - e->start), (uint32_t)(se - e->start) };
	bool memo = p < pe;
	if (memo && fail_known(e, &key))
		return false;
	if (++e->depth > EG_MAX_DEPTH) {
		e->depth--;
		return false;
	}
	bool r = true;
	while (p < pe) {
		const char *close;
		if (extglob_is_group(p) && (close = group_close(p + 1, pe))) {
			r = m_group(e, p, close, pe, s, se);
			goto out;
		}
		if (*p == '*') {
			while (p < pe && *p == '*' && !extglob_is_group(p))
				p++;
			r = false;
			if (hidden(e, s, se))
				goto out;
			for (const char *k = s; k <= se && !r; k++)
				r = m(e, p, pe, k, se);
			goto out;
		}
		if (!m_char(e, &p, pe, &s, se)) {
			r = false;
			goto out;
		}
	}
	r = s == se;
out:
	e->depth--;
	if (!r && memo)
		fail_add(e, &key);
	return r;
}

/* Match pat against [str, str + len) whole; start is where the subject
   begins (PM_PERIOD looks at it). */
static bool match_from(const char *pat, const char *start, const char *str,
		       size_t len, int flags)
{
	struct eg e = { start, pat, flags, mb_locale_is_multibyte(), 0, NULL, 0, 0 };
	bool r = m(&e, pat, pat + strlen(pat), str, str + len);
	free(e.memo);
	return r;
}

bool extglob_match(const char *pat, const char *str, size_t len, int flags)
{
	return match_from(pat, str, str, len, flags);
}

ssize_t extglob_prefix(const char *pat, const char *str, bool longest, int flags)
{
	size_t n = strlen(str);
	for (size_t i = 0; i <= n; i++) {
		size_t k = longest ? n - i : i;
		if (extglob_match(pat, str, k, flags))
			return (ssize_t)k;
	}
	return -1;
}

ssize_t extglob_suffix(const char *pat, const char *str, bool longest, int flags)
{
	size_t n = strlen(str);
	for (size_t i = 0; i <= n; i++) {
		size_t k = longest ? i : n - i;
		if (match_from(pat, str + k, str + k, n - k, flags))
			return (ssize_t)k;
	}
	return -1;
}
