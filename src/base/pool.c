/* pool.c: size-classed free lists for the many small, short-lived blocks of syntax trees (see pool.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <limits.h>
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
/* Chunks for the size classes: the first is small, each next one twice
   as big up to CHUNK_MAX.  `whelk -c :` needs a few blocks; a first chunk
   of 64 KiB cost about three page faults at every start (malloc writes
   the heap's top header past it, on a fresh page), where a script that
   needs more reaches 64 KiB chunks after six mallocs. */
#define CHUNK_MIN 1024
#define CHUNK_MAX 65536
#define BIG NCLASS			/* header value of a malloc'd block */

/* Each block starts with a header holding its class; the caller's bytes
   follow.  A free block's first word links the free list.  The magic
   number lets pool_free hand a block that did not come from the pool to
   free() (glibc's chunk header before it never holds this value); a
   sanitizer build reports the read instead, which is the bug to fix. */
#define MAGIC 0xb10c5eedu
#define ARENA_MAGIC POOL_ARENA_MAGIC	/* a block of an arena: cls is its size */

struct hdr {
	unsigned magic;
	unsigned cls;
};

struct free_block {
	struct free_block *next;
};

struct arena_chunk;
struct pool_arena;

struct pool_bump *pool_bump_current;

static struct {
	struct free_block *free[NCLASS];
	char *chunk;		/* the unused tail of the current chunk */
	size_t left;		/* its bytes */
	size_t chunk_size;	/* of the last chunk (0: none yet) */
	struct pool_arena *current;	/* the arena pool_alloc uses, or NULL */
	struct arena_chunk *spare;	/* the first chunk of the last arena
					   freed, kept for the next one: most
					   commands fit in one chunk, so a
					   script's commands reuse it */
	struct pool_arena *spare_arena;	/* the last arena freed, for the
					   next command's */
} pool;

static void *carve(size_t cls)
{
	size_t n = (cls + 1) * GRAIN;
	if (!POOL_CACHE)
		return xmalloc(n);
	if (pool.left < n) {
		/* The tail of the old chunk (less than one block) is lost. */
		if (pool.chunk_size < CHUNK_MAX)
			pool.chunk_size = pool.chunk_size ? 2 * pool.chunk_size : CHUNK_MIN;
		pool.chunk = xmalloc(pool.chunk_size);
		pool.left = pool.chunk_size;
	}
	void *b = pool.chunk;
	pool.chunk += n;
	pool.left -= n;
	return b;
}

/* ------------------------------------------------------------ arenas */

#define ARENA_CHUNK 4096

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;			/* bytes after this header */
};

struct pool_arena {
	struct pool_bump bump;		/* the free tail of the current chunk
					   and its bytes (pool_alloc in pool.h
					   bumps it while the arena is current) */
	unsigned refs;
	struct arena_chunk *chunks;	/* owned, newest first */
	void **adopted;			/* owned malloc'd blocks (pool_adopt) */
	size_t nadopted, capadopted;
};


struct pool_arena *pool_arena_create(void)
{
	struct pool_arena *a = pool.spare_arena;
	if (a)
		pool.spare_arena = NULL;
	else
		a = xcalloc(1, sizeof *a);
	a->refs = 1;
	return a;
}

void pool_arena_ref(struct pool_arena *a)
{
	a->refs++;
}

void pool_arena_unref(struct pool_arena *a)
{
	if (!a || --a->refs > 0)
		return;
	if (pool.current == a)
		pool_arena_use(NULL);
	for (size_t i = 0; i < a->nadopted; i++)
		free(a->adopted[i]);
	free(a->adopted);
	struct arena_chunk *c = a->chunks;
	while (c) {
		struct arena_chunk *next = c->next;
		if (POOL_CACHE && !pool.spare && c->size == ARENA_CHUNK - sizeof *c)
			pool.spare = c;
		else
			free(c);
		c = next;
	}
	if (POOL_CACHE && !pool.spare_arena) {	/* the next command's */
		memset(a, 0, sizeof *a);
		pool.spare_arena = a;
	} else {
		free(a);
	}
}

struct pool_arena *pool_arena_use(struct pool_arena *a)
{
	struct pool_arena *old = pool.current;
	pool.current = a;
	pool_bump_current = a ? &a->bump : NULL;
	return old;
}

struct pool_arena *pool_arena_current(void)
{
	return pool.current;
}

static void arena_keep(struct pool_arena *a, void *p)
{
	if (a->nadopted == a->capadopted) {
		a->capadopted = a->capadopted ? 2 * a->capadopted : 8;
		a->adopted = xreallocarray(a->adopted, a->capadopted, sizeof *a->adopted);
	}
	a->adopted[a->nadopted++] = p;
}

/* need bytes (a header included), 8-aligned, from the current arena. */
static struct hdr *arena_alloc(struct pool_arena *a, size_t need)
{
	need = (need + 7) & ~(size_t)7;
	if (!POOL_CACHE) {	/* sanitizers: a malloc per block */
		struct hdr *h = xmalloc(need);
		arena_keep(a, h);
		return h;
	}
	if (a->bump.left < need) {
		struct arena_chunk *c;
		if (need > ARENA_CHUNK / 4) {
			/* A big block (a long text) gets a chunk of its own;
			   the current chunk's tail stays in use. */
			c = xmalloc(xadd(sizeof *c, need));
			c->size = need;
			c->next = a->chunks;
			a->chunks = c;
			return (struct hdr *)(c + 1);
		}
		if (pool.spare) {
			c = pool.spare;
			pool.spare = NULL;
		} else {
			c = xmalloc(ARENA_CHUNK);
			c->size = ARENA_CHUNK - sizeof *c;
		}
		c->next = a->chunks;
		a->chunks = c;
		a->bump.next = (char *)(c + 1);
		a->bump.left = c->size;
	}
	struct hdr *h = (struct hdr *)a->bump.next;
	a->bump.next += need;
	a->bump.left -= need;
	return h;
}

void *pool_adopt(void *p, size_t n)
{
	if (pool.current) {
		arena_keep(pool.current, p);
		return p;
	}
	void *q = pool_alloc(n);
	memcpy(q, p, n);
	free(p);
	return q;
}

char *pool_strndup(const char *s, size_t n)
{
	char *d = pool_alloc(xadd(n, 1));
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *pool_strdup(const char *s)
{
	return pool_strndup(s, strlen(s));
}

/* ------------------------------------------------------------- blocks */

static void *heap_alloc(size_t size);

void *pool_alloc_slow(size_t size)
{
	size_t need = size + sizeof(struct hdr);
	struct hdr *h;
	if (pool.current && need >= size && size <= UINT_MAX) {
		h = arena_alloc(pool.current, need);
		h->magic = ARENA_MAGIC;
		h->cls = (unsigned)size;	/* for pool_realloc */
		return h + 1;
	}
	return heap_alloc(size);
}

/* A block from the size classes (or malloc when big), whatever arena is
   current. */
static void *heap_alloc(size_t size)
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

void *pool_realloc(void *p, size_t size)
{
	if (!p)
		return pool_alloc(size);
	struct hdr *h = (struct hdr *)p - 1;
	if (h->magic == ARENA_MAGIC) {
		/* Grows in the current arena (a tree's vector, while its
		   command is parsed); the old block stays in its arena. */
		if (size <= h->cls)
			return p;
		void *n = pool_alloc(size);
		memcpy(n, p, h->cls);
		return n;
	}
	/* A block from the classes stays one, even while an arena is
	   current: it may belong to something that outlives the tree. */
	if (h->cls >= BIG) {
		h = xrealloc(h, xadd(size, sizeof *h));
		return h + 1;
	}
	size_t have = (h->cls + 1) * GRAIN - sizeof *h;
	if (size <= have)
		return p;
	void *n = heap_alloc(size);
	memcpy(n, p, have);
	pool_free(p);
	return n;
}

void pool_free(void *p)
{
	if (!p)
		return;
	struct hdr *h = (struct hdr *)p - 1;
	if (h->magic == ARENA_MAGIC)
		return;
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
