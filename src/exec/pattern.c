/* pattern.c: shell pattern matching (XCU 2.13) in time O(pattern x subject), never exponential. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "exec/pattern.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "base/alloc.h"
#include "base/mbchar.h"
#include "exec/bracket.h"
#include "exec/extglob.h"

/*
 * A pattern is first compiled into a list of elements, each of which
 * consumes exactly one character (a literal, '?', a bracket expression) or
 * any run of characters ('*').  Two matchers then run over that list:
 *
 *  - pattern_match uses the classic "remember the last star" loop: when an
 *    element fails after a '*', restart just after that star, with the star
 *    eating one more character.  Only the LAST star needs remembering: a
 *    later star can absorb anything an earlier one could, so giving up the
 *    earlier choice loses nothing.  That makes the worst case O(m * n)
 *    instead of the exponential blow-up of naive recursive backtracking
 *    (`*a*a*a*a*a*a*a*a*b` against 10,000 a's).
 *
 *  - the prefix/suffix searches of ${x#p} ${x##p} ${x%p} ${x%%p} simulate
 *    the pattern as a nondeterministic automaton: state i means "the first
 *    i elements are matched".  One pass over the subject tells, after every
 *    character, whether the whole pattern has matched so far — that is every
 *    matching prefix at once, in O(m * n).  Suffixes are the same run on
 *    the reversed element list and the reversed subject.
 *
 * Characters are what LC_CTYPE says (XCU 2.13.1).  In a single-byte
 * locale (C, POSIX) every byte is a character and the matcher runs over the
 * bytes as they are.  In a multibyte locale (UTF-8) the pattern's literals
 * and bracket members are decoded to wide characters when compiled, and a
 * subject that holds a non-ASCII byte is decoded once into an array of
 * characters (base/mbchar.h: a byte that starts no valid character is a
 * character of its own), so ? and [...] consume whole characters and the
 * prefix/suffix lengths land on character boundaries.  An all-ASCII
 * subject needs no decoding even then: its bytes are its characters.
 *
 * Bracket expressions live in bracket.c.
 */

enum elem_kind { E_LIT, E_ANY, E_STAR, E_SET };

struct elem {
	unsigned char kind;	/* enum elem_kind */
	uint32_t c;		/* E_LIT: the character; E_SET: the index
				   into compiled.sets */
};

/* A 256-bit membership table. */
struct compiled {
	struct elem *elems;	/* owned */
	size_t n;
	struct charset *sets;	/* owned */
	size_t nsets;
	size_t last_star;	/* index of the last E_STAR, or SIZE_MAX */
	bool wide;		/* compiled for a multibyte locale */
	bool nocase;		/* PM_NOCASE: letters match either case */
};

static void compile(const char *pat, struct compiled *cp)
{
	size_t len = strlen(pat);
	cp->elems = xreallocarray(NULL, len + 1, sizeof *cp->elems);
	cp->n = 0;
	cp->sets = NULL;
	cp->nsets = 0;
	cp->wide = mb_locale_is_multibyte();
	cp->nocase = false;
	size_t sets_cap = 0;
	const char *p = pat;
	while (*p) {
		struct elem e = { E_LIT, 0 };
		struct charset cs;
		const char *after;
		if (*p == '*') {
			p++;
			if (cp->n && cp->elems[cp->n - 1].kind == E_STAR)
				continue;
			e.kind = E_STAR;
		} else if (*p == '?') {
			p++;
			e.kind = E_ANY;
		} else if (*p == '[' && (after = bracket_parse(p, &cs, cp->wide))) {
			if (cp->nsets == sets_cap) {
				sets_cap = sets_cap ? 2 * sets_cap : 4;
				cp->sets = xreallocarray(cp->sets, sets_cap,
							 sizeof *cp->sets);
			}
			cp->sets[cp->nsets] = cs;
			e.kind = E_SET;
			e.c = (uint32_t)cp->nsets++;
			p = after;
		} else {
			e.c = bracket_take_char(&p, cp->wide);
		}
		cp->elems[cp->n++] = e;
	}
	cp->last_star = SIZE_MAX;
	for (size_t i = 0; i < cp->n; i++)
		if (cp->elems[i].kind == E_STAR)
			cp->last_star = i;
}

static void compiled_free(struct compiled *cp)
{
	for (size_t i = 0; i < cp->nsets; i++)
		bracket_free(&cp->sets[i]);
	free(cp->elems);
	free(cp->sets);
}

/* PM_NOCASE: does e match c in either case? */
static bool elem_matches_nocase(const struct compiled *cp,
				const struct elem *e, uint32_t c)
{
	uint32_t lo = c < 128 || cp->wide ? (uint32_t)towlower((wint_t)c) : c;
	uint32_t up = c < 128 || cp->wide ? (uint32_t)towupper((wint_t)c) : c;
	switch (e->kind) {
	case E_LIT: {
		uint32_t l = e->c < 128 || cp->wide ? (uint32_t)towlower((wint_t)e->c) : e->c;
		return l == lo;
	}
	case E_ANY: return true;
	case E_SET: return bracket_has(&cp->sets[e->c], c, cp->wide) ||
			   bracket_has(&cp->sets[e->c], lo, cp->wide) ||
			   bracket_has(&cp->sets[e->c], up, cp->wide);
	default: return false;
	}
}

/* Does element e match the character c? */
static inline bool elem_matches(const struct compiled *cp,
				const struct elem *e, uint32_t c)
{
	if (cp->nocase)
		return elem_matches_nocase(cp, e, c);
	switch (e->kind) {
	case E_LIT: return e->c == c;
	case E_ANY: return true;
	case E_SET: return bracket_has(&cp->sets[e->c], c, cp->wide);
	default: return false;
	}
}

/*
 * The string being matched, as characters: its bytes, or (a multibyte
 * locale and a non-ASCII byte in the string) the decoded characters and
 * the byte offset where each starts.  Short strings decode into the
 * struct itself, so matching a file name costs no allocation.
 */
struct subject {
	const unsigned char *bytes;	/* borrowed */
	uint32_t *chars;	/* NULL: the bytes are the characters */
	size_t *offs;		/* with chars: n + 1 offsets */
	size_t n;		/* characters */
	uint32_t small_chars[64];
	size_t small_offs[65];
};

static inline void subject_init(struct subject *sj, const char *s,
				size_t len, bool wide)
{
	sj->bytes = (const unsigned char *)s;
	sj->chars = NULL;
	sj->offs = NULL;
	sj->n = len;
	size_t i = 0;
	if (wide)
		while (i < len && sj->bytes[i] < 0x80)
			i++;
	if (i == len || !wide)
		return;
	bool small = len <= 64;
	sj->chars = small ? sj->small_chars
			  : xreallocarray(NULL, len, sizeof *sj->chars);
	sj->offs = small ? sj->small_offs
			 : xreallocarray(NULL, len + 1, sizeof *sj->offs);
	size_t n = 0;
	for (i = 0; i < len; n++) {
		size_t l;
		sj->offs[n] = i;
		sj->chars[n] = mb_decode(s + i, len - i, &l);
		i += l;
	}
	sj->offs[n] = len;
	sj->n = n;
}

static inline void subject_free(struct subject *sj)
{
	if (sj->chars && sj->chars != sj->small_chars) {
		free(sj->chars);
		free(sj->offs);
	}
}

/* Character i of the subject. */
static inline uint32_t char_at(const struct subject *sj, size_t i)
{
	return sj->chars ? sj->chars[i] : sj->bytes[i];
}

/* Byte offset of character i (i may be n). */
static size_t offset_of(const struct subject *sj, size_t i)
{
	return sj->chars ? sj->offs[i] : i;
}

/* The "last star" matcher over the subject (see the top of the file). */
static bool match_elems(const struct compiled *cp, const struct subject *sj,
			int flags)
{
	size_t n = sj->n;
	size_t ei = 0, si = 0;
	size_t star_e = SIZE_MAX, star_s = 0;
	/* PM_PERIOD, XCU 2.14.3: a leading '.' is matched only by a literal
	   '.' that begins the pattern (so "*.[!a]" never matches "..").  Then
	   no star or bracket below can reach it. */
	if ((flags & PM_PERIOD) && n > 0 && char_at(sj, 0) == '.' &&
	    !(cp->n > 0 && cp->elems[0].kind == E_LIT && cp->elems[0].c == '.'))
		return false;
	while (si < n) {
		const struct elem *e = ei < cp->n ? &cp->elems[ei] : NULL;
		if (e && e->kind == E_STAR && ei == cp->last_star) {
			/* The last star: every element after it eats exactly
			   one character, so they can only match the last
			   (cp->n - ei - 1) characters.  Jump there instead of
			   retrying every length ("*.txt" against a long
			   name is one comparison per byte, not a scan per
			   start). */
			size_t tail = cp->n - ei - 1;
			if (n - si < tail)
				return false;
			for (ei++, si = n - tail; si < n; ei++, si++)
				if (!elem_matches(cp, &cp->elems[ei],
						  char_at(sj, si)))
					return false;
			return true;
		}
		if (e && e->kind == E_STAR) {
			star_e = ++ei;
			star_s = si;
			continue;
		}
		if (e && elem_matches(cp, e, char_at(sj, si))) {
			ei++;
			si++;
			continue;
		}
		if (star_e == SIZE_MAX)
			return false;
		ei = star_e;	/* retry: the last star eats one more char */
		si = ++star_s;
	}
	while (ei < cp->n && cp->elems[ei].kind == E_STAR)
		ei++;
	return ei == cp->n;
}

static bool match_string(const struct compiled *cp, const char *str,
			 int flags)
{
	struct compiled folded;
	if ((flags & PM_NOCASE) && !cp->nocase) {
		folded = *cp;	/* a shallow copy that only sets the flag */
		folded.nocase = true;
		cp = &folded;
	}
	struct subject sj;
	subject_init(&sj, str, strlen(str), cp->wide);
	bool r = match_elems(cp, &sj, flags);
	subject_free(&sj);
	return r;
}

/* Extended patterns go to extglob.c (a pattern without a group stays here). */
static bool use_extglob(const char *pat, int flags)
{
	return (flags & PM_EXTGLOB) && extglob_has_group(pat);
}

bool pattern_match(const char *pat, const char *str, int flags)
{
	if (use_extglob(pat, flags))
		return extglob_match(pat, str, strlen(str), flags);
	/* A pattern without * ? [ or \ (case a|b), matched case-sensitively,
	   matches exactly its own bytes: no automaton to build. */
	if (!(flags & PM_NOCASE) && !strpbrk(pat, "*?[\\"))
		return strcmp(pat, str) == 0;
	struct compiled cp;
	compile(pat, &cp);
	bool r = match_string(&cp, str, flags);
	compiled_free(&cp);
	return r;
}

struct pattern {
	struct compiled cp;
	char *ext;		/* owned, may be NULL: an extended pattern's
				   text (matched by extglob.c, cp unused) */
};

struct pattern *pattern_compile_flags(const char *pat, int flags)
{
	struct pattern *p = xmalloc(sizeof *p);
	p->ext = use_extglob(pat, flags) ? xstrdup(pat) : NULL;
	compile(p->ext ? "" : pat, &p->cp);
	return p;
}

struct pattern *pattern_compile(const char *pat)
{
	return pattern_compile_flags(pat, 0);
}

bool pattern_matches(const struct pattern *p, const char *str, int flags)
{
	if (p->ext)
		return extglob_match(p->ext, str, strlen(str), flags);
	return match_string(&p->cp, str, flags);
}

void pattern_free(struct pattern *p)
{
	if (p) {
		compiled_free(&p->cp);
		free(p->ext);
		free(p);
	}
}

/* --------------------------------------------------- prefix / suffix */

/* Follow the free moves of the automaton: a star may match nothing. */
static void close_stars(const struct compiled *cp, uint8_t *st)
{
	for (size_t i = 0; i < cp->n; i++)
		if (st[i] && cp->elems[i].kind == E_STAR)
			st[i + 1] = 1;
}

/* One character: from cur to next (both m+1 states). */
static bool step(const struct compiled *cp, const uint8_t *cur, uint8_t *next,
		 uint32_t c)
{
	bool any = false;
	memset(next, 0, cp->n + 1);
	for (size_t i = 0; i < cp->n; i++) {
		if (!cur[i])
			continue;
		const struct elem *e = &cp->elems[i];
		if (e->kind == E_STAR)
			next[i] = 1, any = true;
		else if (elem_matches(cp, e, c))
			next[i + 1] = 1, any = true;
	}
	close_stars(cp, next);
	return any;
}

/*
 * Run the automaton over the subject's n characters, read forwards (dir =
 * 1) or backwards (dir = -1, from the last).  Returns the shortest or
 * longest count of characters read after which the pattern had matched, or
 * -1.
 */
static ssize_t run_automaton(const struct compiled *cp,
			     const struct subject *sj, int dir, bool longest)
{
	size_t n = sj->n;
	uint8_t *cur = xcalloc(cp->n + 1, 2);
	uint8_t *next = cur + cp->n + 1;
	ssize_t found = -1;
	cur[0] = 1;
	close_stars(cp, cur);
	for (size_t k = 0;; k++) {
		if (cur[cp->n]) {
			found = (ssize_t)k;
			if (!longest)
				break;
		}
		if (k == n)
			break;
		uint32_t c = char_at(sj, dir > 0 ? k : n - 1 - k);
		if (!step(cp, cur, next, c))
			break;	/* no live state: nothing longer can match */
		uint8_t *t = cur;
		cur = next;
		next = t;
	}
	free(cur < next ? cur : next);
	return found;
}

ssize_t pattern_match_prefix(const char *pat, const char *str, bool longest)
{
	return pattern_prefix_flags(pat, str, longest, 0);
}

ssize_t pattern_match_suffix(const char *pat, const char *str, bool longest)
{
	return pattern_suffix_flags(pat, str, longest, 0);
}

ssize_t pattern_prefix_flags(const char *pat, const char *str, bool longest,
			     int flags)
{
	if (use_extglob(pat, flags))
		return extglob_prefix(pat, str, longest, flags);
	struct compiled cp;
	compile(pat, &cp);
	cp.nocase = flags & PM_NOCASE;
	struct subject sj;
	subject_init(&sj, str, strlen(str), cp.wide);
	ssize_t k = run_automaton(&cp, &sj, 1, longest);
	ssize_t r = k < 0 ? -1 : (ssize_t)offset_of(&sj, (size_t)k);
	subject_free(&sj);
	compiled_free(&cp);
	return r;
}

ssize_t pattern_suffix_flags(const char *pat, const char *str, bool longest,
			     int flags)
{
	if (use_extglob(pat, flags))
		return extglob_suffix(pat, str, longest, flags);
	struct compiled cp;
	compile(pat, &cp);
	cp.nocase = flags & PM_NOCASE;
	/* Reverse the elements: every element consumes one char or a run,
	   so the reversed list matches exactly the reversed strings. */
	for (size_t i = 0, j = cp.n; i + 1 < j; i++, j--) {
		struct elem t = cp.elems[i];
		cp.elems[i] = cp.elems[j - 1];
		cp.elems[j - 1] = t;
	}
	struct subject sj;
	subject_init(&sj, str, strlen(str), cp.wide);
	ssize_t k = run_automaton(&cp, &sj, -1, longest);
	ssize_t r = k < 0 ? -1 : (ssize_t)offset_of(&sj, sj.n - (size_t)k);
	subject_free(&sj);
	compiled_free(&cp);
	return r;
}

/* ------------------------------------------------------------ helpers */

bool pattern_has_magic_flags(const char *pat, int flags)
{
	return pattern_has_magic(pat) || use_extglob(pat, flags);
}

bool pattern_has_magic(const char *pat)
{
	for (const char *p = pat; *p; p++) {
		if (*p == '\\') {
			if (!*++p)
				break;
		} else if (*p == '*' || *p == '?' || *p == '[') {
			return true;
		}
	}
	return false;
}

char *pattern_unescape(const char *pat)
{
	char *out = xmalloc(strlen(pat) + 1);
	char *o = out;
	for (const char *p = pat; *p; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		*o++ = *p;
	}
	*o = '\0';
	return out;
}
