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

#endif
