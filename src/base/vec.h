/* vec.h: a growable array of pointers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_VEC_H
#define WHELK_BASE_VEC_H

#include <stddef.h>

struct vec {
	void **items;	/* owned array from base/pool.c (never free() it or
			   put a malloc'd array here); the elements'
			   ownership is the user's */
	size_t len;
	size_t cap;
};

#define VEC_INIT { NULL, 0, 0 }

void vec_init(struct vec *v);
/* vec_push when the array is full: it grows first (vec.c). */
void vec_push_grow(struct vec *v, void *item);
/** Append item.  Inline: a tree's words and nodes are pushed one by one,
    and most pushes find room. */
static inline void vec_push(struct vec *v, void *item)
{
	if (v->len < v->cap)
		v->items[v->len++] = item;
	else
		vec_push_grow(v, item);
}
/** Make room for n more items (one allocation instead of a series). */
void vec_reserve(struct vec *v, size_t n);
/** vec_push for a vector that outlives the syntax tree being parsed:
    its array never comes from the current pool arena (base/pool.h). */
void vec_push_heap(struct vec *v, void *item);
/** Remove and return the last item (NULL when empty). */
void *vec_pop(struct vec *v);
/** Ensure items[len] exists and is NULL (for argv-style arrays); len unchanged. */
void vec_terminate(struct vec *v);
/** Free the array (not the items). */
void vec_free(struct vec *v);
/** Call fn on each item, then free the array. */
void vec_free_all(struct vec *v, void (*fn)(void *));

#endif
