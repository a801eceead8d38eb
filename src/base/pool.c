/* pool.c: size-classed free lists for the many small, short-lived blocks of syntax trees (see pool.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/pool.h"

#if defined(__SANITIZE_ADDRESS__)
#define POOL_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_CACHE 0
#endif
#endif
#ifndef POOL_CACHE
#define POOL_CACHE 1
#endif

#define GRAIN 16
#define NCLASS (POOL_MAX_BLOCK / GRAIN)	/* class k: blocks of (k+1)*GRAIN */
#define CHUNK 65536
#define BIG NCLASS			/* header value of a malloc'd block */

/* Each block starts with a header holding its class; the caller's bytes
   follow.  A free block's first word links the free list.  The magic
   number lets pool_free hand a block that did not come from the pool to
   free() (glibc's chunk header before it never holds this value); a
   sanitizer build reports the read instead, which is the bug to fix. */
#define MAGIC 0xb10c5eedu

struct hdr {
	unsigned magic;
	unsigned cls;
};

struct free_block {
	struct free_block *next;
};

static struct {
	struct free_block *free[NCLASS];
	char *chunk;		/* the unused tail of the current chunk */
	size_t left;		/* its bytes */
} pool;

static void *carve(size_t cls)
{
	size_t n = (cls + 1) * GRAIN;
	if (!POOL_CACHE)
		return xmalloc(n);
	if (pool.left < n) {
		/* The tail of the old chunk (less than one block) is lost. */
		pool.chunk = xmalloc(CHUNK);
		pool.left = CHUNK;
	}
	void *b = pool.chunk;
	pool.chunk += n;
	pool.left -= n;
	return b;
}

void *pool_alloc(size_t size)
{
	size_t need = size + sizeof(struct hdr);
	struct hdr *h;
	if (need < size || need > POOL_MAX_BLOCK) {
		h = xmalloc(xadd(size, sizeof *h));
		h->magic = MAGIC;
		h->cls = BIG;
		return h + 1;
	}
	size_t cls = (need - 1) / GRAIN;
	struct free_block *f = pool.free[cls];
	if (f) {
		pool.free[cls] = f->next;
		h = (struct hdr *)f;
	} else {
		h = carve(cls);
	}
	h->magic = MAGIC;
	h->cls = (unsigned)cls;
	return h + 1;
}

void *pool_zalloc(size_t size)
{
	void *p = pool_alloc(size);
	memset(p, 0, size);
	return p;
}

void *pool_realloc(void *p, size_t size)
{
	if (!p)
		return pool_alloc(size);
	struct hdr *h = (struct hdr *)p - 1;
	if (h->cls >= BIG) {
		h = xrealloc(h, xadd(size, sizeof *h));
		return h + 1;
	}
	size_t have = (h->cls + 1) * GRAIN - sizeof *h;
	if (size <= have)
		return p;
	void *n = pool_alloc(size);
	memcpy(n, p, have);
	pool_free(p);
	return n;
}

void pool_free(void *p)
{
	if (!p)
		return;
	struct hdr *h = (struct hdr *)p - 1;
	if (h->magic != MAGIC) {	/* a malloc'd block, by mistake */
		free(p);
		return;
	}
	size_t cls = h->cls;
	if (cls >= BIG || !POOL_CACHE) {
		free(h);
		return;
	}
	struct free_block *f = (struct free_block *)h;
	f->next = pool.free[cls];
	pool.free[cls] = f;
}
