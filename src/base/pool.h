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
 * POOL_MAX_BLOCK bytes, carved from 64 KiB chunks: an allocation or a free
 * is a few instructions.  Memory freed to the pool stays in the pool for
 * the next tree (it is never given back to the system; its high-water mark
 * is the largest tree alive at once).  Bigger blocks go to malloc.
 *
 * A block remembers its class, so pool_free needs no size and a block may
 * be shrunk in place.  Blocks are aligned for pointers and size_t (8
 * bytes), not for long double.  Sanitizer builds give every block its own
 * malloc and free it at once, so AddressSanitizer sees each use after free.
 */
#define POOL_MAX_BLOCK 256

/** size bytes, uninitialised; never NULL (out of memory is fatal). */
void *pool_alloc(size_t size);
/** size bytes, zeroed. */
void *pool_zalloc(size_t size);
/**
 * Resize a block from the pool (NULL: a new one), keeping its first bytes:
 * in place while the size class still holds it.  Out of memory is fatal.
 */
void *pool_realloc(void *p, size_t size);
/** Give back a block from pool_alloc/pool_zalloc; NULL is ignored. */
void pool_free(void *p);

#endif
