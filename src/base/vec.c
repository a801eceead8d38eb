/* vec.c: a growable array of pointers (see vec.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "base/vec.h"

#include <stdlib.h>

#include "base/alloc.h"
#include "base/pool.h"

void vec_init(struct vec *v)
{
	v->items = NULL;
	v->len = v->cap = 0;
}

static void vec_grow(struct vec *v, size_t need)
{
	if (need <= v->cap)
		return;
	size_t cap = v->cap ? v->cap * 2 : 4;
	while (cap < need)
		cap *= 2;
	/* The arrays come from the pool: most are small and short-lived (a
	   command's words, its expanded fields). */
	if (cap > (size_t)-1 / sizeof *v->items)
		alloc_die();
	v->items = pool_realloc(v->items, cap * sizeof *v->items);
	v->cap = cap;
}

void vec_reserve(struct vec *v, size_t n)
{
	vec_grow(v, xadd(v->len, n));
}

void vec_push_grow(struct vec *v, void *item)
{
	vec_grow(v, xadd(v->len, 1));
	v->items[v->len++] = item;
}

void vec_push_heap(struct vec *v, void *item)
{
	struct pool_arena *a = pool_arena_use(NULL);
	vec_push(v, item);
	pool_arena_use(a);
}

void *vec_pop(struct vec *v)
{
	return v->len ? v->items[--v->len] : NULL;
}

void vec_terminate(struct vec *v)
{
	vec_grow(v, xadd(v->len, 1));
	v->items[v->len] = NULL;
}

void vec_free(struct vec *v)
{
	pool_free(v->items);
	vec_init(v);
}

void vec_free_all(struct vec *v, void (*fn)(void *))
{
	for (size_t i = 0; i < v->len; i++)
		fn(v->items[i]);
	vec_free(v);
}
