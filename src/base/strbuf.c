/* strbuf.c: a growable byte buffer (see strbuf.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

void sb_init(struct strbuf *sb)
{
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

void sb_reserve(struct strbuf *sb, size_t extra)
{
	size_t need = xadd(xadd(sb->len, extra), 1);
	if (need <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 32;
	while (cap < need)
		cap = xadd(cap, cap);
	sb->data = xrealloc(sb->data, cap);
	sb->cap = cap;
	sb->data[sb->len] = '\0';	/* "always NUL-terminated", even when
					   only reserved */
}

void sb_appendn(struct strbuf *sb, const char *s, size_t n)
{
	/* Room for n bytes and the NUL is the common case: test it without
	   sb_reserve's overflow-checked arithmetic (len < cap, so the sum
	   cannot wrap when n < cap - len). */
	if (n >= sb->cap - sb->len)
		sb_reserve(sb, n);
	if (n)
		memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void sb_putc(struct strbuf *sb, char c)
{
	/* The lexer calls this once per byte: the fast path is one compare. */
	if (sb->len + 1 >= sb->cap)
		sb_reserve(sb, 1);
	sb->data[sb->len++] = c;
	sb->data[sb->len] = '\0';
}

void sb_append(struct strbuf *sb, const char *s)
{
	sb_appendn(sb, s, strlen(s));
}

/*
 * Format into a small stack buffer first: most messages fit, so they cost
 * one vsnprintf; a longer one is formatted again straight into the buffer.
 */
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	char small[256];
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		sb_appendn(sb, small, (size_t)n);
		return;
	}
	sb_reserve(sb, (size_t)n);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void sb_clear(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->data)
		sb->data[0] = '\0';
}

void sb_truncate(struct strbuf *sb, size_t len)
{
	if (len < sb->len) {
		sb->len = len;
		sb->data[len] = '\0';
	}
}

const char *sb_str(const struct strbuf *sb)
{
	return sb->data ? sb->data : "";
}

char *sb_finish(struct strbuf *sb)
{
	char *s = sb->data ? sb->data : xstrdup("");
	sb_init(sb);
	return s;
}

void sb_free(struct strbuf *sb)
{
	free(sb->data);
	sb_init(sb);
}
