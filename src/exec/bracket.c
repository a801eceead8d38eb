/* bracket.c: bracket expressions of shell patterns (XBD 9.3.5), parsed once, asked about each character (see bracket.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "exec/bracket.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/alloc.h"
#include "base/mbchar.h"

static void set_add(struct byteset *s, unsigned c)
{
	s->bits[c >> 3] |= (uint8_t)(1u << (c & 7));
}

static void member_push(struct charset *cs, struct member m)
{
	if (cs->nmembers == cs->cap) {
		cs->cap = cs->cap ? 2 * cs->cap : 4;
		cs->members = xreallocarray(cs->members, cs->cap,
					    sizeof *cs->members);
	}
	cs->members[cs->nmembers++] = m;
}

/* Characters lo..hi: bytes in the table, the rest (wide) as a member. */
static inline void add_range(struct charset *cs, uint32_t lo, uint32_t hi,
			     bool wide)
{
	unsigned limit = wide ? 127 : 255;
	for (uint32_t c = lo; c <= hi && c <= limit; c++)
		set_add(&cs->bits, c);
	if (wide && hi > 127)
		member_push(cs, (struct member){ M_RANGE, lo > 128 ? lo : 128,
						 hi, 0 });
}

/* [:name:] classes (XCU 2.13.1 refers to XBD 9.3.5 bracket expressions).
   Tested through a switch, not a table of pointers to isalpha and the
   rest: each such pointer is a symbol the dynamic loader looks up at every
   start of the shell (twelve lookups, about 6,000 instructions). */
static const char *const classes[] = {
	"alnum", "alpha", "blank", "cntrl", "digit", "graph",
	"lower", "print", "punct", "space", "upper", "xdigit",
};

static bool class_has(size_t i, int c)
{
	switch (i) {
	case 0: return isalnum(c);
	case 1: return isalpha(c);
	case 2: return isblank(c);
	case 3: return iscntrl(c);
	case 4: return isdigit(c);
	case 5: return isgraph(c);
	case 6: return islower(c);
	case 7: return isprint(c);
	case 8: return ispunct(c);
	case 9: return isspace(c);
	case 10: return isupper(c);
	default: return isxdigit(c);
	}
}

/* Add the class named by [name, name+len) to cs; unknown names add
   nothing. */
static void add_class(struct charset *cs, const char *name, size_t len,
		      bool wide)
{
	mb_locale_ready();	/* wctype() answers for the current locale */
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
		if (strlen(classes[i]) != len
		    || strncmp(classes[i], name, len) != 0)
			continue;
		for (unsigned c = 1; c < (wide ? 128u : 256u); c++)
			if (class_has(i, (int)c))
				set_add(&cs->bits, c);
		if (wide)
			member_push(cs, (struct member){
				M_CLASS, 0, 0, wctype(classes[i]) });
		return;
	}
}

uint32_t bracket_take_wide(const char **pp)
{
	size_t len;
	uint32_t c = mb_decode(*pp, strnlen(*pp, MB_LEN_MAX), &len);
	*pp += len;
	return c;
}

/* The text of "[:x:]", "[=x=]" or "[.x.]" at p (which points at '['):
   *start and *end delimit x.  False when p does not start one. */
static bool bracket_special(const char *p, const char **start,
			    const char **end)
{
	char kind = p[1];
	if (kind != ':' && kind != '=' && kind != '.')
		return false;
	const char *e = p + 2;
	while (*e && !(e[0] == kind && e[1] == ']'))
		e++;
	if (!*e)
		return false;
	*start = p + 2;
	*end = e;
	return true;
}

/* Is [start, end) exactly one character?  Then *c is it. */
static bool one_char(const char *start, const char *end, bool wide,
		     uint32_t *c)
{
	if (start == end)
		return false;
	const char *p = start;
	*c = bracket_take_char(&p, wide);
	return p == end;
}

/* Every character that collates equal to c (LC_COLLATE): c itself, and in
   a multibyte locale any other character wcscoll() puts level with it. */
static void add_equiv(struct charset *cs, uint32_t c, bool wide)
{
	if (!wide || c < 128 || (c & MB_BAD_BYTE))
		add_range(cs, c, c, wide);
	else
		member_push(cs, (struct member){ M_EQUIV, c, c, 0 });
}

enum term { T_CHAR, T_DONE, T_NONE };

/*
 * One term of a bracket expression at *pp: a class or equivalence class
 * (added to cs: T_DONE), a character or collating symbol (in *c: T_CHAR),
 * or a collating symbol naming no single character (T_NONE: matches
 * nothing).  When class_ok is false only a T_CHAR term is accepted (a range
 * end), and T_NONE is returned with *pp unchanged for anything else.
 */
static enum term bracket_term(const char **pp, struct charset *cs, bool wide,
			      bool class_ok, uint32_t *c)
{
	const char *p = *pp, *start, *end;
	if (*p == '[' && bracket_special(p, &start, &end)) {
		if (p[1] == '.') {
			*pp = end + 2;
			return one_char(start, end, wide, c) ? T_CHAR : T_NONE;
		}
		if (!class_ok)
			return T_NONE;
		*pp = end + 2;
		if (p[1] == ':')
			add_class(cs, start, (size_t)(end - start), wide);
		else if (one_char(start, end, wide, c))
			add_equiv(cs, *c, wide);
		return T_DONE;
	}
	*c = bracket_take_char(pp, wide);
	return T_CHAR;
}

const char *bracket_parse(const char *pat, struct charset *cs, bool wide)
{
	const char *p = pat + 1;
	bool negate = (*p == '!' || *p == '^');
	if (negate)
		p++;
	memset(cs, 0, sizeof *cs);
	bool first = true;	/* a ']' right after [ or [! is a member */
	while (*p && (*p != ']' || first)) {
		first = false;
		uint32_t lo, hi;
		if (bracket_term(&p, cs, wide, true, &lo) != T_CHAR)
			continue;
		const char *q = p + 1;
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0'
		    && bracket_term(&q, cs, wide, false, &hi) == T_CHAR) {
			p = q;
			add_range(cs, lo, hi, wide);
		} else {
			add_range(cs, lo, lo, wide);
		}
	}
	if (*p != ']') {
		free(cs->members);
		return NULL;
	}
	if (negate)
		for (size_t i = 0; i < sizeof cs->bits.bits; i++)
			cs->bits.bits[i] = (uint8_t)~cs->bits.bits[i];
	cs->negate = negate;
	return p + 1;
}

/* Compile pat (escaped form) into elements; consecutive stars become one. */

static bool members_have(const struct charset *cs, uint32_t c)
{
	for (size_t i = 0; i < cs->nmembers; i++) {
		const struct member *m = &cs->members[i];
		if (m->kind == M_RANGE) {
			if (m->lo <= c && c <= m->hi)
				return true;
		} else if (c & MB_BAD_BYTE) {
			continue;	/* no class holds an invalid byte */
		} else if (m->kind == M_CLASS) {
			if (m->class && iswctype((wint_t)c, m->class))
				return true;
		} else {
			wchar_t a[2] = { (wchar_t)c, 0 };
			wchar_t b[2] = { (wchar_t)m->lo, 0 };
			if (c == m->lo || wcscoll(a, b) == 0)
				return true;
		}
	}
	return false;
}

/* Does element e (not a star) match character c? */

bool bracket_has_wide(const struct charset *cs, uint32_t c)
{
	return members_have(cs, c) != cs->negate;
}

void bracket_free(struct charset *cs)
{
	free(cs->members);
	cs->members = NULL;
}
