/* pattern.h: shell pattern matching (XCU 2.13) for case, ${x#pat} and globbing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_PATTERN_H
#define WHELK_EXEC_PATTERN_H

#include <stdbool.h>
#include <sys/types.h>

/*
 * Patterns arrive in "escaped form": expansion puts a backslash before every
 * character that was quoted in the source, so `"*"x*` becomes `\*x*`.  A
 * backslash always makes the next character literal.  Special: * ? [...]
 * with ! or ^ negation, ranges, and classes [:alpha:] etc.  A [ without a
 * matching ] is an ordinary character.
 *
 * Matching never backtracks exponentially: time is O(len(pattern) *
 * len(subject)) at worst (`*a*a*a*b` against 10,000 a's is instant).
 */

enum {
	PM_PERIOD = 1,	/* a leading '.' must be matched explicitly (glob) */
	PM_EXTGLOB = 2,	/* ?( ) *( ) +( ) @( ) !( ) are groups (extglob.h) */
	PM_NOCASE = 4,	/* letters match either case (nocasematch,
			   nocaseglob) */
};

/** Does the whole string match? */
bool pattern_match(const char *pat, const char *str, int flags);
/**
 * Length of the shortest (longest=false) or longest prefix of str that
 * matches pat, or -1 when none does.  (${x#pat}, ${x##pat})
 */
ssize_t pattern_match_prefix(const char *pat, const char *str, bool longest);
/**
 * Start index of the shortest or longest suffix of str matching pat, or -1.
 * (${x%pat}, ${x%%pat})
 */
ssize_t pattern_match_suffix(const char *pat, const char *str, bool longest);
/** The same two with PM_EXTGLOB / PM_NOCASE flags. */
ssize_t pattern_prefix_flags(const char *pat, const char *str, bool longest,
			     int flags);
ssize_t pattern_suffix_flags(const char *pat, const char *str, bool longest,
			     int flags);
/**
 * A pattern compiled once for matching against many strings (globbing a
 * directory of 10,000 entries compiles its component once, not 10,000
 * times).  pattern_compile returns an owned handle; free with pattern_free.
 */
struct pattern;
struct pattern *pattern_compile(const char *pat);
/** With PM_EXTGLOB, an extended pattern is kept for extglob.c. */
struct pattern *pattern_compile_flags(const char *pat, int flags);
/** pattern_match with a compiled pattern. */
bool pattern_matches(const struct pattern *p, const char *str, int flags);
void pattern_free(struct pattern *p);
/** Does pat contain an unescaped * ? or [ ? (Then it is worth globbing;
    an extended pattern's @( ) and +( ) count with PM_EXTGLOB.) */
bool pattern_has_magic_flags(const char *pat, int flags);
/** Does pat contain an unescaped * ? or [ ? (Then it is worth globbing.) */
bool pattern_has_magic(const char *pat);
/** Quote removal on escaped form: a new string without the escaping backslashes. */
char *pattern_unescape(const char *pat);

#endif
