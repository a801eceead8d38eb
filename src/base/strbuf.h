/* strbuf.h: a growable byte buffer, always NUL-terminated. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_STRBUF_H
#define WHELK_BASE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *data;	/* owned; NUL-terminated once anything was added; may be NULL when empty */
	size_t len;	/* bytes used, not counting the NUL */
	size_t cap;	/* bytes allocated */
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_init(struct strbuf *sb);
/** Make room for at least extra more bytes (plus the NUL). */
void sb_reserve(struct strbuf *sb, size_t extra);
void sb_putc(struct strbuf *sb, char c);
void sb_append(struct strbuf *sb, const char *s);
void sb_appendn(struct strbuf *sb, const char *s, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
/** Empty the buffer, keep the memory. */
void sb_clear(struct strbuf *sb);
/** Shorten to len bytes (len <= sb->len). */
void sb_truncate(struct strbuf *sb, size_t len);
/** The contents ("" when empty); borrowed, valid until the next change. */
const char *sb_str(const struct strbuf *sb);
/** Hand the string to the caller (never NULL) and reset the buffer. */
char *sb_finish(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
