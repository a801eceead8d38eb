/* shquote.h: quoting strings so the shell reads them back as one word (set -x, proc, export -p, completion). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_SHQUOTE_H
#define WHELK_BASE_SHQUOTE_H

#include <stdbool.h>
#include <stdio.h>

#include "base/strbuf.h"

/**
 * Does s read back as itself when written unquoted?  True when it is not
 * empty and holds only letters, digits, bytes >= 0x80 and _ . / : , + @ % = -
 * (none of which starts an expansion, a pattern, a comment or an operator).
 */
bool shq_is_safe(const char *s);
/** Append s in single quotes, each ' written as '\'' (XCU 2.2.2). */
void shq_quote(struct strbuf *sb, const char *s);
/** Write s to out as shq_quote would append it (`set`, `trap`, `alias` listings). */
void shq_fputs(const char *s, FILE *out);
/** Append s as it is when shq_is_safe(s), else shq_quote(s). */
void shq_word(struct strbuf *sb, const char *s);

/* Where text is inserted in a word being typed (completion). */
enum shq_context {
	SHQ_UNQUOTED,	/* outside quotes */
	SHQ_SINGLE,	/* after an unclosed ' */
	SHQ_DOUBLE,	/* after an unclosed " */
};
/**
 * Append s so that, inserted at a point of a word in context ctx, it reads
 * back as itself and leaves the quoting state as it was: outside quotes each
 * byte special to the shell gets a backslash (XCU 2.2.1); inside '...' a '
 * closes, is escaped and reopens (2.2.2); inside "..." $ ` " and \ get a
 * backslash (2.2.3).
 */
void shq_in_context(struct strbuf *sb, const char *s, enum shq_context ctx);

#endif
