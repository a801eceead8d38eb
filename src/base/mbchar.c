/* mbchar.c: characters of the current locale's encoding over byte strings (see mbchar.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "base/mbchar.h"

#include <string.h>
#include <wchar.h>

struct mb_deferred mb_deferred;

void mb_locale_defer(void (*load)(void *ctx), void *ctx)
{
	mb_deferred.load = load;
	mb_deferred.ctx = ctx;
}

void mb_locale_load(void)
{
	struct mb_deferred d = mb_deferred;
	mb_deferred.load = NULL;	/* before: the loader may ask again */
	if (d.load)
		d.load(d.ctx);
}

uint32_t mb_decode(const char *s, size_t n, size_t *len)
{
	unsigned char b = (unsigned char)*s;
	if (b < 0x80 || !mb_locale_is_multibyte()) {
		*len = 1;
		return b;
	}
	/* A fresh shift state per character: every character stands alone,
	   so an invalid byte cannot disturb the decoding of the next one. */
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t r = mbrtowc(&wc, s, n, &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*len = 1;
		return MB_BAD_BYTE | b;
	}
	*len = r;
	return (uint32_t)wc;
}

size_t mb_charlen(const char *s, size_t n)
{
	size_t len;
	mb_decode(s, n, &len);
	return len;
}

size_t mb_count(const char *s)
{
	size_t n = strlen(s);
	if (!mb_locale_is_multibyte())
		return n;
	size_t count = 0;
	for (size_t i = 0; i < n; count++)
		i += mb_charlen(s + i, n - i);
	return count;
}

bool mb_set_has(const char *set, const char *c, size_t len)
{
	size_t n = strlen(set);
	for (size_t i = 0; i < n;) {
		size_t l = mb_charlen(set + i, n - i);
		if (l == len && memcmp(set + i, c, len) == 0)
			return true;
		i += l;
	}
	return false;
}
