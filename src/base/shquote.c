/* shquote.c: quoting strings so the shell reads them back as one word (see shquote.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "base/shquote.h"

#include <string.h>

bool shq_is_safe(const char *s)
{
	if (!*s)
		return false;	/* an empty word must be written '' */
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9');
		if (!alnum && c < 0x80 && !strchr("_./:,+@%=-", c))
			return false;
	}
	return true;
}

void shq_quote(struct strbuf *sb, const char *s)
{
	/* Inside '...' nothing is special except ' itself, which must close
	   the quotes, be escaped, and reopen them. */
	sb_putc(sb, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sb_append(sb, "'\\''");
		else
			sb_putc(sb, *s);
	}
	sb_putc(sb, '\'');
}

void shq_word(struct strbuf *sb, const char *s)
{
	if (shq_is_safe(s))
		sb_append(sb, s);
	else
		shq_quote(sb, s);
}
