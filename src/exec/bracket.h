/* bracket.h: bracket expressions of shell patterns (XBD 9.3.5, XCU 2.13.1), bytes or locale characters. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_BRACKET_H
#define WHELK_EXEC_BRACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wctype.h>

/*
 * The pattern matcher (pattern.c) compiles each [...] of a pattern into a
 * struct charset and asks bracket_has() about every character it meets.
 * Characters are bytes in a single-byte locale ("wide" false) and decoded
 * wide characters in a multibyte one (base/mbchar.h, where an invalid byte
 * b is MB_BAD_BYTE | b).
 *
 * Ranges compare character values (the byte, or the wide character's code
 * point: the order bash uses with its default globasciiranges; POSIX
 * leaves ranges outside the POSIX locale unspecified); [:class:] uses
 * <ctype.h> for bytes and <wctype.h> for wide characters in the current
 * locale; a collating symbol [.c.] is the character c and may end a range
 * ([[.0.]-[.2.]]); an equivalence class [=c=] holds c and every character
 * that collates equal to it (LC_COLLATE).
 */

/* A 256-bit membership table. */
struct byteset {
	uint8_t bits[32];
};

/* One member of a bracket expression beyond ASCII (multibyte locale). */
enum member_kind { M_RANGE, M_CLASS, M_EQUIV };
struct member {
	unsigned char kind;	/* enum member_kind */
	uint32_t lo, hi;	/* M_RANGE: lo..hi (one character: lo == hi);
				   M_EQUIV: lo */
	wctype_t class;		/* M_CLASS */
};

/*
 * A bracket expression.  In a single-byte locale bits holds every byte's
 * membership, negation applied.  In a multibyte locale bits covers ASCII
 * only (negation applied) and the other characters are looked up in
 * members, then negated.
 */
struct charset {
	struct byteset bits;
	bool negate;
	struct member *members;	/* owned, may be NULL */
	size_t nmembers, cap;
};

/**
 * Parse the bracket expression whose '[' is at pat (escaped form, see
 * pattern.h).  Returns the position after its ']' with cs filled in (free
 * with bracket_free), or NULL when there is no closing ']' (then the '['
 * is an ordinary character and cs holds nothing to free).
 */
const char *bracket_parse(const char *pat, struct charset *cs, bool wide);
void bracket_free(struct charset *cs);
/** bracket_has for a non-ASCII character of a multibyte locale. */
bool bracket_has_wide(const struct charset *cs, uint32_t c);

/** Is character c in cs?  (Inline: the byte case is one table look-up.) */
static inline bool bracket_has(const struct charset *cs, uint32_t c,
			       bool wide)
{
	if (c < 128 || !wide)
		return cs->bits.bits[c >> 3] & (1u << (c & 7));
	return bracket_has_wide(cs, c);
}

/** bracket_take_char for a non-ASCII character of a multibyte locale. */
uint32_t bracket_take_wide(const char **pp);

/**
 * The pattern character at *pp, honouring a backslash escape, and move
 * *pp past it: a byte, or with wide a decoded character.
 */
static inline uint32_t bracket_take_char(const char **pp, bool wide)
{
	const char *p = *pp;
	if (*p == '\\' && p[1] != '\0')
		p++;
	if (!wide || (unsigned char)*p < 0x80) {
		*pp = p + 1;
		return (unsigned char)*p;
	}
	*pp = p;
	return bracket_take_wide(pp);
}

#endif
