/* escape.c: backslash escapes of echo, printf %b and printf formats, and the write-error check they share. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/escape.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "base/mbchar.h"
#include "base/strbuf.h"
#include "exec/shell.h"

/* Up to max octal digits at *sp, consumed. */
static unsigned octal(const char **sp, int max)
{
	unsigned v = 0;
	const char *s = *sp;
	for (int i = 0; i < max && *s >= '0' && *s <= '7'; i++, s++)
		v = v * 8 + (unsigned)(*s - '0');
	*sp = s;
	return v;
}

/* The one-letter escapes (XBD 5 File Format Notation, plus \e as dash);
   -1 for any other character. */
static int simple_escape(char c)
{
	switch (c) {
	case '\\': return '\\';
	case 'a': return '\a';
	case 'b': return '\b';
	case 'e': return 033;
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	case 'v': return '\v';
	default: return -1;
	}
}

/* Up to max hex digits at *sp, consumed; *count gets how many. */
static uint32_t hex(const char **sp, int max, int *count)
{
	uint32_t v = 0;
	const char *s = *sp;
	int i = 0;
	for (; i < max; i++, s++) {
		int d = *s >= '0' && *s <= '9' ? *s - '0'
			: *s >= 'a' && *s <= 'f' ? *s - 'a' + 10
			: *s >= 'A' && *s <= 'F' ? *s - 'A' + 10 : -1;
		if (d < 0)
			break;
		v = v * 16 + (uint32_t)d;
	}
	*sp = s;
	*count = i;
	return v;
}

/*
 * The character with code point cp in the locale's encoding (UTF-8 in a
 * UTF-8 locale).  A character the locale cannot encode (anything past
 * ASCII in the C locale) is written back as the escape, \uXXXX or
 * \UXXXXXXXX in upper case, as bash does.
 */
static void put_code_point(struct strbuf *out, uint32_t cp, char letter)
{
	char buf[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	mb_locale_ready();
	size_t n = cp <= WCHAR_MAX ? wcrtomb(buf, (wchar_t)cp, &st) : (size_t)-1;
	if (n != (size_t)-1 && cp != 0)
		sb_appendn(out, buf, n);
	else if (cp != 0)
		sb_printf(out, letter == 'u' ? "\\u%04" PRIX32 : "\\U%08" PRIX32, cp);
}

/* \xHH (one or two digits), \uHHHH (one to four), \UHHHHHHHH (one to
   eight) at *sp (after the backslash); false when no digit follows. */
static bool hex_escape(const char **sp, struct strbuf *out)
{
	char letter = **sp;
	const char *s = *sp + 1;
	int count;
	uint32_t v = hex(&s, letter == 'x' ? 2 : letter == 'u' ? 4 : 8, &count);
	if (count == 0)
		return false;
	if (letter == 'x')
		sb_putc(out, (char)v);
	else
		put_code_point(out, v, letter);
	*sp = s;
	return true;
}

bool escape_one(const char **sp, struct strbuf *out, enum escape_mode mode)
{
	const char *s = *sp + 1;	/* after the backslash */
	char c = *s;
	int simple = simple_escape(c);
	if (simple >= 0) {
		sb_putc(out, (char)simple);
		*sp = s + 1;
		return true;
	}
	if (c == 'c' && mode == ESCAPE_ECHO) {
		*sp = s + 1;
		return false;
	}
	if ((c == 'x' || c == 'u' || c == 'U') && hex_escape(&s, out)) {
		*sp = s;
		return true;
	}
	if (c >= '0' && c <= '7') {
		/* echo/%b: "\0" takes up to three more digits (XCU echo
		   \0num); otherwise 1-3 digits make the byte. */
		if (mode == ESCAPE_ECHO && c == '0')
			s++;
		sb_putc(out, (char)(octal(&s, 3) & 0xff));
		*sp = s;
		return true;
	}
	sb_putc(out, '\\');	/* unknown or trailing: keep the backslash */
	*sp = s;
	return true;
}

bool escape_string(const char *s, struct strbuf *out, enum escape_mode mode)
{
	while (*s) {
		if (*s != '\\') {
			const char *start = s;
			while (*s && *s != '\\')
				s++;
			sb_appendn(out, start, (size_t)(s - start));
			continue;
		}
		if (!escape_one(&s, out, mode))
			return false;
	}
	return true;
}

int builtin_flush_stdout(struct shell *sh)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	int err = errno ? errno : EIO;
	clearerr(stdout);
	builtin_error(sh, "write error: %s", strerror(err));
	return 1;
}
