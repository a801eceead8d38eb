/* suggest.c: autosuggestions — the newest matching history entry, else a unique completion (see suggest.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/suggest.h"

#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"

/* The newest entry that extends text on the same line (an entry that
   goes on past a newline would be accepted only in part). */
static char *from_history(const struct history *h, const char *text, size_t n)
{
	if (h->count == 0)
		return NULL;
	for (unsigned long i = hist_last(h); i >= hist_first(h) && i > 0; i--) {
		const char *e = hist_get(h, i);
		if (e && strncmp(e, text, n) == 0 && e[n] && !strchr(e + n, '\n'))
			return xstrdup(e);
	}
	return NULL;
}

/* text with its last word completed, when exactly one candidate fits. */
static char *from_completion(const struct complete_hooks *complete,
			     const char *text, size_t n)
{
	struct completion c;
	char *out = NULL;
	if (complete_line(complete, text, n, &c) == 1 && c.unique &&
	    c.replacement && c.start <= n) {
		struct strbuf sb = STRBUF_INIT;
		sb_appendn(&sb, text, c.start);
		sb_append(&sb, c.replacement);
		if (sb.len > n && strncmp(sb_str(&sb), text, n) == 0)
			out = sb_finish(&sb);
		else
			sb_free(&sb);
	}
	completion_free(&c);
	return out;
}

char *suggest_line(const struct history *h, const struct complete_hooks *complete,
		   const char *text)
{
	size_t n = strlen(text);
	if (n == 0 || strchr(text, '\n'))
		return NULL;
	char *s = from_history(h, text, n);
	if (!s && complete)
		s = from_completion(complete, text, n);
	return s;
}
