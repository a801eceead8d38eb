/* shquote.h: quoting strings so the shell reads them back as one word (set -x, proc, export -p). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_SHQUOTE_H
#define WHELK_BASE_SHQUOTE_H

#include <stdbool.h>

#include "base/strbuf.h"

/**
 * Does s read back as itself when written unquoted?  True when it is not
 * empty and holds only letters, digits, bytes >= 0x80 and _ . / : , + @ % = -
 * (none of which starts an expansion, a pattern, a comment or an operator).
 */
bool shq_is_safe(const char *s);
/** Append s in single quotes, each ' written as '\'' (XCU 2.2.2). */
void shq_quote(struct strbuf *sb, const char *s);
/** Append s as it is when shq_is_safe(s), else shq_quote(s). */
void shq_word(struct strbuf *sb, const char *s);

#endif
