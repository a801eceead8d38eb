/* json_check.c: a strict JSON (RFC 8259) validator for the proc builtin's -j output, so tests need no jq. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/*
 * usage: json_check [KEY=VALUE...] < text
 * Exit 0 when stdin is exactly one JSON value (then whitespace), and every
 * KEY=VALUE names a top-level member whose raw text is VALUE (e.g.
 * schema=1, view='"ps"').  Otherwise a message and exit 1.
 */
struct p {
	const char *s;
	size_t i;
	int depth;
};

static bool value(struct p *p);

static void ws(struct p *p)
{
	while (p->s[p->i] == ' ' || p->s[p->i] == '\n' || p->s[p->i] == '\t' ||
	       p->s[p->i] == '\r')
		p->i++;
}

static bool lit(struct p *p, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(p->s + p->i, w, n) != 0)
		return false;
	p->i += n;
	return true;
}

/* RFC 8259 section 8.1: text is UTF-8.  One multi-byte sequence at p->i
   (left on its last byte): no stray continuation byte, overlong form,
   surrogate or value beyond U+10FFFF. */
static bool utf8(struct p *p)
{
	const unsigned char *u = (const unsigned char *)p->s + p->i;
	size_t n;
	unsigned long v, min;
	if ((u[0] & 0xe0) == 0xc0)
		n = 2, v = u[0] & 0x1f, min = 0x80;
	else if ((u[0] & 0xf0) == 0xe0)
		n = 3, v = u[0] & 0x0f, min = 0x800;
	else if ((u[0] & 0xf8) == 0xf0)
		n = 4, v = u[0] & 0x07, min = 0x10000;
	else
		return false;
	for (size_t k = 1; k < n; k++) {
		if ((u[k] & 0xc0) != 0x80)
			return false;
		v = v << 6 | (u[k] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return false;
	p->i += n - 1;
	return true;
}

static bool string(struct p *p)
{
	if (p->s[p->i] != '"')
		return false;
	for (p->i++;; p->i++) {
		unsigned char c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			return true;
		}
		if (c < 0x20)
			return false;	/* includes the terminating NUL */
		if (c >= 0x80 && !utf8(p))
			return false;
		if (c == '\\') {
			c = (unsigned char)p->s[++p->i];
			if (c == 'u') {
				for (int k = 1; k <= 4; k++)
					if (!isxdigit((unsigned char)p->s[p->i + k]))
						return false;
				p->i += 4;
			} else if (!strchr("\"\\/bfnrt", c) || !c) {
				return false;
			}
		}
	}
}

static bool digits(struct p *p)
{
	size_t start = p->i;
	while (isdigit((unsigned char)p->s[p->i]))
		p->i++;
	return p->i > start;
}

static bool number(struct p *p)
{
	if (p->s[p->i] == '-')
		p->i++;
	if (p->s[p->i] == '0')
		p->i++;
	else if (!digits(p))
		return false;
	if (p->s[p->i] == '.') {
		p->i++;
		if (!digits(p))
			return false;
	}
	if (p->s[p->i] == 'e' || p->s[p->i] == 'E') {
		p->i++;
		if (p->s[p->i] == '+' || p->s[p->i] == '-')
			p->i++;
		if (!digits(p))
			return false;
	}
	return true;
}

static bool container(struct p *p, char open, char close, bool obj)
{
	p->i++;
	if (++p->depth > 64)
		return false;
	ws(p);
	if (p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return true;
	}
	for (;;) {
		ws(p);
		if (obj) {
			if (!string(p))
				return false;
			ws(p);
			if (p->s[p->i++] != ':')
				return false;
		}
		if (!value(p))
			return false;
		ws(p);
		char c = p->s[p->i++];
		if (c == close)
			break;
		if (c != ',')
			return false;
	}
	(void)open;
	p->depth--;
	return true;
}

static bool value(struct p *p)
{
	ws(p);
	switch (p->s[p->i]) {
	case '{': return container(p, '{', '}', true);
	case '[': return container(p, '[', ']', false);
	case '"': return string(p);
	case 't': return lit(p, "true");
	case 'f': return lit(p, "false");
	case 'n': return lit(p, "null");
	default: return number(p);
	}
}

/* Is there a top-level member "key": raw (an exact, simple check)? */
static bool has_member(const char *text, const char *kv)
{
	const char *eq = strchr(kv, '=');
	char want[256];
	if (!eq)
		return false;
	snprintf(want, sizeof want, "\"%.*s\":%s", (int)(eq - kv), kv,
		 eq + 1);
	return strstr(text, want) != NULL;
}

int main(int argc, char **argv)
{
	size_t cap = 1 << 16, len = 0, r;
	char *buf = xmalloc(cap);
	while ((r = fread(buf + len, 1, cap - len - 1, stdin)) > 0) {
		len += r;
		if (len + 1 == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	struct p p = { buf, 0, 0 };
	bool ok = value(&p);
	ws(&p);
	if (!ok || p.s[p.i] != '\0') {
		fprintf(stderr, "json_check: invalid JSON at byte %zu\n", p.i);
		return 1;
	}
	for (int i = 1; i < argc; i++)
		if (!has_member(buf, argv[i])) {
			fprintf(stderr, "json_check: no member %s\n", argv[i]);
			return 1;
		}
	free(buf);
	return 0;
}
