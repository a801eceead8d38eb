/* alloc.h: checked allocators — overflow-checked sizes, a clean exit on OOM. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_ALLOC_H
#define WHELK_BASE_ALLOC_H

#include <stddef.h>

/*
 * Every allocation in whelk goes through these wrappers.  On failure they
 * print "whelk: out of memory" and _exit(2): a shell that cannot allocate
 * cannot keep its promises, but it must never abort() (core dump, SIGABRT
 * status) nor exit 0.
 */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/** realloc for arrays: checks nmemb * size for overflow. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
void *xmemdup(const void *p, size_t n);
/** a + b, or the OOM exit when it overflows. */
size_t xadd(size_t a, size_t b);

/** The OOM exit itself (also used by code that detects overflow). */
_Noreturn void alloc_die(void);

#endif
