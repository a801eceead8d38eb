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

void shq_fputs(const char *s, FILE *out)
{
	struct strbuf sb = STRBUF_INIT;
	shq_quote(&sb, s);
	fputs(sb_str(&sb), out);
	sb_free(&sb);
}

void shq_in_context(struct strbuf *sb, const char *s, enum shq_context ctx)
{
	for (; *s; s++) {
		if (ctx == SHQ_SINGLE && *s == '\'')
			sb_append(sb, "'\\''");
		else if (ctx == SHQ_DOUBLE && strchr("$`\"\\", *s))
			sb_printf(sb, "\\%c", *s);
		else if (ctx == SHQ_UNQUOTED &&
			 strchr(" \t\n\\'\"$`&|;<>()*?[]!{}#", *s))
			sb_printf(sb, "\\%c", *s);
		else
			sb_putc(sb, *s);
	}
}

void shq_word(struct strbuf *sb, const char *s)
{
	if (shq_is_safe(s))
		sb_append(sb, s);
	else
		shq_quote(sb, s);
}
