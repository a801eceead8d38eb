/* prompt.c: the backslash escapes of PS1/PS2/PS4 (see prompt.h for the two-pass design). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/prompt.h"

#include <string.h>

/* Append text an escape produced; in PROTECT mode, quote $ ` \ for pass 2. */
static void put_text(struct strbuf *out, const char *s, size_t n, int flags)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		if ((flags & PROMPT_PROTECT) && strchr("$`\\", s[i]))
			sb_putc(out, '\\');
		sb_putc(out, s[i]);
	}
}

static void put_str(struct strbuf *out, const char *s, int flags)
{
	if (s)
		put_text(out, s, strlen(s), flags);
}

/* \w: the directory with a leading $HOME replaced by ~ (only at a '/'). */
static void put_cwd(struct strbuf *out, const struct prompt_info *info,
		    bool last_only, int flags)
{
	const char *cwd = info->cwd ? info->cwd : "";
	const char *home = info->home;
	size_t hl = home ? strlen(home) : 0;
	if (hl > 1 && strncmp(cwd, home, hl) == 0 &&
	    (cwd[hl] == '\0' || cwd[hl] == '/')) {
		if (last_only && cwd[hl] == '\0') {
			sb_putc(out, '~');
			return;
		}
		if (!last_only) {
			sb_putc(out, '~');
			put_str(out, cwd + hl, flags);
			return;
		}
	}
	if (last_only) {
		const char *slash = strrchr(cwd, '/');
		if (slash && slash[1])
			cwd = slash + 1;
		else if (slash)
			cwd = "/";
	}
	put_str(out, cwd, flags);
}

static void put_time(struct strbuf *out, const char *fmt, time_t now, int flags)
{
	struct tm tm;
	char buf[64];
	if (!localtime_r(&now, &tm))
		return;
	size_t n = strftime(buf, sizeof buf, fmt, &tm);
	put_text(out, buf, n, flags);
}

static void put_host(struct strbuf *out, const char *host, bool full, int flags)
{
	if (!host)
		return;
	size_t n = full ? strlen(host) : strcspn(host, ".");
	put_text(out, host, n, flags);
}

/* One escape \c; returns false when c is not one. */
static bool put_escape(struct strbuf *out, char c,
		       const struct prompt_info *info, int flags)
{
	switch (c) {
	case 'u': put_str(out, info->user, flags); break;
	case 'h': put_host(out, info->host, false, flags); break;
	case 'H': put_host(out, info->host, true, flags); break;
	case 'w': put_cwd(out, info, false, flags); break;
	case 'W': put_cwd(out, info, true, flags); break;
	case '$': put_str(out, info->root ? "#" : "$", flags); break;
	case 'n': sb_putc(out, '\n'); break;
	case 't': put_time(out, "%H:%M:%S", info->now, flags); break;
	case 'T': put_time(out, "%I:%M:%S", info->now, flags); break;
	case 'd': put_time(out, "%a %b %d", info->now, flags); break;
	case 'j': sb_printf(out, "%u", info->jobs); break;
	case '!': sb_printf(out, "%lu", info->histnum); break;
	case '#': sb_printf(out, "%lu", info->cmdnum); break;
	case 'e': sb_putc(out, '\033'); break;
	case 'a': sb_putc(out, '\a'); break;
	case '\\': put_str(out, "\\", flags); break;
	case '[':
		if (flags & PROMPT_MARK_INVISIBLE)
			sb_putc(out, '\001');
		break;
	case ']':
		if (flags & PROMPT_MARK_INVISIBLE)
			sb_putc(out, '\002');
		break;
	default:
		return false;
	}
	return true;
}

void prompt_escapes(struct strbuf *out, const char *ps,
		    const struct prompt_info *info, int flags)
{
	sb_append(out, "");
	for (const char *p = ps; *p; p++) {
		if (*p == '!' && (flags & PROMPT_BANG)) {
			if (p[1] == '!') {
				sb_putc(out, '!');
				p++;
			} else {
				sb_printf(out, "%lu", info->histnum);
			}
		} else if (*p != '\\') {
			sb_putc(out, *p);
		} else if (p[1] == '\0') {
			put_str(out, "\\", flags);	/* a lone final backslash */
		} else if (put_escape(out, p[1], info, flags)) {
			p++;
		} else {
			/* Unknown: leave "\c" as written; pass 2 sees the
			   user's own backslash (so \` stays a backquote). */
			sb_putc(out, '\\');
			sb_putc(out, p[1]);
			p++;
		}
	}
}
