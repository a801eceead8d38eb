/* glob.h: pathname expansion (XCU 2.6.6). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_GLOB_H
#define WHELK_EXEC_GLOB_H

#include <stddef.h>

#include "base/vec.h"

/**
 * Expand pat (escaped form, see pattern.h) into the pathnames it matches,
 * appended to out as malloc'd strings, sorted (strcoll order), and return how
 * many were added — 0 when nothing matches (the caller then keeps the word,
 * after quote removal).  Components are matched one directory at a time;
 * a leading '.' in a component must be matched explicitly; unreadable
 * directories simply match nothing.
 */
size_t glob_expand(const char *pat, struct vec *out);

/* glob_expand_flags: pattern.h's PM_EXTGLOB and PM_NOCASE, and these. */
enum {
	GLOB_DOT = 0x100,	/* dotglob: * ? [ match a leading '.' (never
				   the entries "." and "..") */
	GLOB_STAR = 0x200,	/* globstar: a component "**" matches any
				   number of directories (and, last, of
				   files); symbolic links are not followed */
};
size_t glob_expand_flags(const char *pat, int flags, struct vec *out);

#endif
