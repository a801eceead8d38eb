/* diag.h: diagnostics — every message whelk prints about an error goes through here. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_DIAG_H
#define WHELK_BASE_DIAG_H

#include <stdarg.h>

/*
 * Message shapes (one write(2) per message, so lines from several processes
 * never interleave mid-line):
 *   diag_msg("x: %s", "y")              ->  whelk: x: y
 *   diag_at("t.sh", 3, "x: %s", "y")    ->  whelk: t.sh: line 3: x: y
 * A NULL or empty file in diag_at means "no location" (interactive input).
 */
void diag_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_at(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_vat(const char *file, long line, const char *fmt, va_list ap);

#endif
