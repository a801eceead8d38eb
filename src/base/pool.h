/* pool.h: small blocks for syntax trees — freed blocks are kept by size class and handed out again without malloc. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_POOL_H
#define WHELK_BASE_POOL_H

#include <stddef.h>

/*
 * A script is parsed one complete command at a time, run, and its tree
 * freed: tens of small nodes and words per line, all alive for a moment.
 * malloc and free cost about a hundred instructions each for that pattern
 * (glibc's per-thread cache holds 7 blocks of a size; a freed tree
 * overflows it).  The pool keeps a free list per 16-byte size class, up to
 * POOL_MAX_BLOCK bytes, carved from chunks (1 KiB first, doubling up to
 * 64 KiB): an allocation or a free is a few instructions.  Memory freed
 * to the pool stays in the pool for the next tree (it is never given back
 * to the system; its high-water mark is the largest tree alive at once).  Bigger blocks go to malloc.
 *
 * A block remembers its class, so pool_free needs no size and a block may
 * be shrunk in place.  Blocks are aligned for pointers and size_t (8
 * bytes), not for long double.  Sanitizer builds give every block its own
 * malloc and free it at once, so AddressSanitizer sees each use after free.
 */
#define POOL_MAX_BLOCK 256

/* The free tail of the current arena's chunk (see the arenas below):
   pool_alloc's inline fast path bumps it.  NULL when no arena is current
   (and, in sanitizer builds, its left stays 0). */
struct pool_bump {
	char *next;
	size_t left;
};
extern struct pool_bump *pool_bump_current;
/* The first word of an arena block's 8-byte header (pool.c). */
#define POOL_ARENA_MAGIC 0xa4e4a5edu

/* pool_alloc when the current arena's chunk has no room, or no arena is
   current (pool.c). */
void *pool_alloc_slow(size_t size);

/**
 * size bytes, uninitialised; never NULL (out of memory is fatal).  Inline:
 * a parse allocates a block or two per token, and with an arena current
 * (the parser's case) the common one is a bump of a pointer.  The block's
 * header is two unsigned: the arena magic and the size (for pool_realloc).
 */
static inline void *pool_alloc(size_t size)
{
	struct pool_bump *b = pool_bump_current;
	if (b && size <= 0xffffffffu) {
		size_t need = (size + 2 * sizeof(unsigned) + 7) & ~(size_t)7;
		if (need <= b->left) {
			unsigned *h = (unsigned *)(void *)b->next;
			b->next += need;
			b->left -= need;
			h[0] = POOL_ARENA_MAGIC;
			h[1] = (unsigned)size;
			return h + 2;
		}
	}
	return pool_alloc_slow(size);
}

/** size bytes, zeroed.  Inline too: with a constant size the compiler
    clears the block with a few stores instead of a memset call. */
static inline void *pool_zalloc(size_t size)
{
	void *p = pool_alloc(size);
	__builtin_memset(p, 0, size);
	return p;
}
/**
 * Resize a block from the pool (NULL: a new one), keeping its first bytes:
 * in place while the size class still holds it.  Out of memory is fatal.
 */
void *pool_realloc(void *p, size_t size);
/** Give back a block from pool_alloc/pool_zalloc; NULL is ignored.  A
    block of an arena is left alone (its arena frees it). */
void pool_free(void *p);
/** A copy of s (NUL-terminated) / of s[0..n) plus a NUL, as a pool block. */
char *pool_strdup(const char *s);
char *pool_strndup(const char *s, size_t n);

/*
 * Arenas: one syntax tree's memory, freed at once.  The parser makes an
 * arena current while it reads one complete command; every pool_alloc
 * meanwhile bumps a pointer in the arena's chunks (no free list, no
 * class), pool_free of such a block does nothing, and the whole tree goes
 * with one pool_arena_unref — no walk over its nodes and words.  An arena
 * is reference-counted: the command's root holds one reference, and each
 * function definition still alive that was parsed in it holds another
 * (ast_node_ref), so a function body outlives the command that defined it.
 *
 * Only code that builds trees may run while an arena is current: whatever
 * else allocates from the pool then (a hook the parser calls, a vector
 * that outlives the command) runs with the arena set aside
 * (pool_arena_use(NULL) and back).  Sanitizer builds give each arena block
 * its own malloc, freed with the arena, so a use after the arena is gone
 * is reported.
 */
struct pool_arena;

/** A new arena holding one reference. */
struct pool_arena *pool_arena_create(void);
void pool_arena_ref(struct pool_arena *a);
/** Drop a reference; the last one frees every block of the arena. */
void pool_arena_unref(struct pool_arena *a);
/** Make a (may be NULL) the current arena; returns the one it replaces. */
struct pool_arena *pool_arena_use(struct pool_arena *a);
/** The current arena, or NULL. */
struct pool_arena *pool_arena_current(void);
/** Is p (from pool_alloc) a block of some arena?  Inline: every
    word_destroy of a tree built in an arena asks. */
static inline int pool_in_arena(const void *p)
{
	return p && ((const unsigned *)p)[-2] == POOL_ARENA_MAGIC;
}
/**
 * Hand the malloc'd block p (e.g. a strbuf's finished text) to the tree
 * being built: with an arena current, the arena frees p with itself and p
 * is returned as is; without one, p is copied to a pool block of n bytes
 * and freed.  Either way the result is freed by pool_free (or the arena).
 */
void *pool_adopt(void *p, size_t n);

#endif
