/* extglob.h: extended patterns ?(…) *(…) +(…) @(…) !(…) (ksh, bash extglob). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_EXTGLOB_H
#define WHELK_EXEC_EXTGLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Patterns are in pattern.h's escaped form; flags are pattern.h's PM_*.
 * pattern.c sends a pattern here only when PM_EXTGLOB is given and
 * extglob_has_group() finds a group in it.
 */

/** Is p the start of a group: one of ? * + @ ! followed by '('? */
bool extglob_is_group(const char *p);
/** Does pat hold a complete (closed) group outside brackets and escapes? */
bool extglob_has_group(const char *pat);
/** Does pat match str[0..len) whole? */
bool extglob_match(const char *pat, const char *str, size_t len, int flags);
/** As pattern_match_prefix / pattern_match_suffix. */
ssize_t extglob_prefix(const char *pat, const char *str, bool longest, int flags);
ssize_t extglob_suffix(const char *pat, const char *str, bool longest, int flags);

#endif
