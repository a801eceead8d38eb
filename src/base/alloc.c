/* alloc.c: checked allocators (see alloc.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "base/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Noreturn void alloc_die(void)
{
	static const char msg[] = "whelk: out of memory\n";
	/* write(2) rather than stdio: stdio may itself need memory. */
	ssize_t r = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)r;
	_exit(2);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		alloc_die();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		alloc_die();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		alloc_die();
	return p;
}

void *xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	if (size && nmemb > SIZE_MAX / size)
		alloc_die();
	return xrealloc(ptr, nmemb * size);
}

size_t xadd(size_t a, size_t b)
{
	if (a > SIZE_MAX - b)
		alloc_die();
	return a + b;
}

void *xmemdup(const void *p, size_t n)
{
	void *q = xmalloc(n);
	if (n)
		memcpy(q, p, n);
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *q = xmalloc(xadd(len, 1));
	memcpy(q, s, len);
	q[len] = '\0';
	return q;
}

char *xstrdup(const char *s)
{
	return xmemdup(s, xadd(strlen(s), 1));
}
