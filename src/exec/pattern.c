/* pattern.c: shell pattern matching (XCU 2.13) in time O(pattern x subject), never exponential. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "exec/pattern.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

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
 * Matching is by bytes (as dash): ranges compare byte values, classes use
 * <ctype.h> in the current locale.
 */

enum elem_kind { E_LIT, E_ANY, E_STAR, E_SET };

struct elem {
	unsigned char kind;	/* enum elem_kind */
	unsigned char c;	/* E_LIT: the byte */
	unsigned set;		/* E_SET: index into compiled.sets */
};

/* A bracket expression as a 256-bit membership table. */
struct byteset {
	uint8_t bits[32];
};

struct compiled {
	struct elem *elems;	/* owned */
	size_t n;
	struct byteset *sets;	/* owned */
	size_t nsets;
	size_t last_star;	/* index of the last E_STAR, or SIZE_MAX */
};

static void set_add(struct byteset *s, unsigned c)
{
	s->bits[c >> 3] |= (uint8_t)(1u << (c & 7));
}

static bool set_has(const struct byteset *s, unsigned char c)
{
	return s->bits[c >> 3] & (1u << (c & 7));
}

/* [:name:] classes (XCU 2.13.1 refers to XBD 9.3.5 bracket expressions). */
static const struct {
	const char *name;
	int (*fn)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/* Add the class named by [name, name+len) to s; unknown names add nothing. */
static void add_class(struct byteset *s, const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
		if (strlen(classes[i].name) != len
		    || strncmp(classes[i].name, name, len) != 0)
			continue;
		for (unsigned c = 1; c < 256; c++)
			if (classes[i].fn((int)c))
				set_add(s, c);
		return;
	}
}

/* One bracket element's character, honouring a backslash escape. */
static unsigned char take_char(const char **pp)
{
	const char *p = *pp;
	if (*p == '\\' && p[1] != '\0')
		p++;
	*pp = p + 1;
	return (unsigned char)*p;
}

/*
 * Parse "[:class:]", "[=c=]" or "[.c.]" at p (which points at '['), adding
 * to s.  Returns the position after it, or NULL when p does not start one.
 */
static const char *parse_bracket_special(const char *p, struct byteset *s)
{
	char kind = p[1];
	if (kind != ':' && kind != '=' && kind != '.')
		return NULL;
	const char *start = p + 2;
	const char *end = start;
	while (*end && !(end[0] == kind && end[1] == ']'))
		end++;
	if (!*end)
		return NULL;
	if (kind == ':')
		add_class(s, start, (size_t)(end - start));
	else if (end - start == 1)	/* one collating element: itself */
		set_add(s, (unsigned char)*start);
	return end + 2;
}

/*
 * Parse a bracket expression whose '[' is at pat.  Returns the position
 * after its ']' with the members in s (negation applied), or NULL when
 * there is no closing ']' (then the '[' is an ordinary character).
 */
static const char *parse_bracket(const char *pat, struct byteset *s)
{
	const char *p = pat + 1;
	bool negate = (*p == '!' || *p == '^');
	if (negate)
		p++;
	memset(s, 0, sizeof *s);
	bool first = true;	/* a ']' right after [ or [! is a member */
	while (*p && (*p != ']' || first)) {
		first = false;
		const char *after = *p == '[' ? parse_bracket_special(p, s) : NULL;
		if (after) {
			p = after;
			continue;
		}
		unsigned char lo = take_char(&p);
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
			p++;
			unsigned char hi = take_char(&p);
			for (unsigned c = lo; c <= hi; c++)
				set_add(s, c);
		} else {
			set_add(s, lo);
		}
	}
	if (*p != ']')
		return NULL;
	if (negate)
		for (size_t i = 0; i < sizeof s->bits; i++)
			s->bits[i] = (uint8_t)~s->bits[i];
	return p + 1;
}

/* Compile pat (escaped form) into elements; consecutive stars become one. */
static void compile(const char *pat, struct compiled *cp)
{
	size_t len = strlen(pat);
	cp->elems = xreallocarray(NULL, len + 1, sizeof *cp->elems);
	cp->n = 0;
	cp->sets = NULL;
	cp->nsets = 0;
	size_t sets_cap = 0;
	const char *p = pat;
	while (*p) {
		struct elem e = { E_LIT, 0, 0 };
		struct byteset bs;
		const char *after;
		if (*p == '*') {
			p++;
			if (cp->n && cp->elems[cp->n - 1].kind == E_STAR)
				continue;
			e.kind = E_STAR;
		} else if (*p == '?') {
			p++;
			e.kind = E_ANY;
		} else if (*p == '[' && (after = parse_bracket(p, &bs))) {
			if (cp->nsets == sets_cap) {
				sets_cap = sets_cap ? 2 * sets_cap : 4;
				cp->sets = xreallocarray(cp->sets, sets_cap,
							 sizeof *cp->sets);
			}
			cp->sets[cp->nsets] = bs;
			e.kind = E_SET;
			e.set = (unsigned)cp->nsets++;
			p = after;
		} else {
			e.c = take_char(&p);
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
	free(cp->elems);
	free(cp->sets);
}

/* Does element e (not a star) match byte c? */
static bool elem_matches(const struct compiled *cp, const struct elem *e,
			 unsigned char c)
{
	switch (e->kind) {
	case E_LIT: return e->c == c;
	case E_ANY: return true;
	case E_SET: return set_has(&cp->sets[e->set], c);
	default: return false;
	}
}

/* The "last star" matcher over [s, s+n) (see the top of the file). */
static bool match_elems(const struct compiled *cp, const char *s, size_t n,
			int flags)
{
	size_t ei = 0, si = 0;
	size_t star_e = SIZE_MAX, star_s = 0;
	/* PM_PERIOD: a leading '.' only matches a literal '.' element. */
	bool period = (flags & PM_PERIOD) && n > 0 && s[0] == '.';
	while (si < n) {
		const struct elem *e = ei < cp->n ? &cp->elems[ei] : NULL;
		if (e && e->kind == E_STAR && ei == cp->last_star) {
			/* The last star: every element after it eats exactly
			   one byte, so they can only match the last
			   (cp->n - ei - 1) bytes.  Jump there instead of
			   retrying every length ("*.txt" against a long
			   name is one comparison per byte, not a scan per
			   start). */
			size_t tail = cp->n - ei - 1;
			if (n - si < tail)
				return false;
			size_t at = n - tail;
			if (period && si == 0 && at > 0)
				return false;	/* '*' may not eat the '.' */
			for (ei++, si = at; si < n; ei++, si++)
				if (!elem_matches(cp, &cp->elems[ei],
						  (unsigned char)s[si])
				    || (period && si == 0
					&& cp->elems[ei].kind != E_LIT))
					return false;
			return true;
		}
		if (e && e->kind == E_STAR) {
			ei++;
			if (!(period && si == 0)) {	/* '*' may not eat it */
				star_e = ei;
				star_s = si;
			}
			continue;
		}
		unsigned char c = (unsigned char)s[si];
		if (e && elem_matches(cp, e, c)
		    && !(period && si == 0 && e->kind != E_LIT)) {
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

bool pattern_match(const char *pat, const char *str, int flags)
{
	struct compiled cp;
	compile(pat, &cp);
	bool r = match_elems(&cp, str, strlen(str), flags);
	compiled_free(&cp);
	return r;
}

struct pattern {
	struct compiled cp;
};

struct pattern *pattern_compile(const char *pat)
{
	struct pattern *p = xmalloc(sizeof *p);
	compile(pat, &p->cp);
	return p;
}

bool pattern_matches(const struct pattern *p, const char *str, int flags)
{
	return match_elems(&p->cp, str, strlen(str), flags);
}

void pattern_free(struct pattern *p)
{
	if (p) {
		compiled_free(&p->cp);
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
		 unsigned char c)
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
 * Run the automaton over the n bytes at s, read forwards (dir = 1, from
 * s[0]) or backwards (dir = -1, from s[n-1]).  Returns the shortest or
 * longest count of bytes read after which the pattern had matched, or -1.
 */
static ssize_t run_automaton(const struct compiled *cp, const char *s,
			     size_t n, int dir, bool longest)
{
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
		unsigned char c = (unsigned char)(dir > 0 ? s[k] : s[n - 1 - k]);
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
	struct compiled cp;
	compile(pat, &cp);
	ssize_t r = run_automaton(&cp, str, strlen(str), 1, longest);
	compiled_free(&cp);
	return r;
}

ssize_t pattern_match_suffix(const char *pat, const char *str, bool longest)
{
	struct compiled cp;
	compile(pat, &cp);
	/* Reverse the elements: every element consumes one char or a run,
	   so the reversed list matches exactly the reversed strings. */
	for (size_t i = 0, j = cp.n; i + 1 < j; i++, j--) {
		struct elem t = cp.elems[i];
		cp.elems[i] = cp.elems[j - 1];
		cp.elems[j - 1] = t;
	}
	size_t n = strlen(str);
	ssize_t len = run_automaton(&cp, str, n, -1, longest);
	compiled_free(&cp);
	return len < 0 ? -1 : (ssize_t)n - len;
}

/* ------------------------------------------------------------ helpers */

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
