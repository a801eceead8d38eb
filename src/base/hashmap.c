/* hashmap.c: a string-keyed hash table with chaining (see hashmap.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "base/hashmap.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

void hm_init(struct hashmap *hm)
{
	hm->buckets = NULL;
	hm->nbuckets = hm->count = 0;
}

size_t hm_hash(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h ^= *p;
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

static struct hm_entry **hm_slot(const struct hashmap *hm, const char *key)
{
	if (!hm->nbuckets)
		return NULL;
	struct hm_entry **pp = &hm->buckets[hm_hash(key) & (hm->nbuckets - 1)];
	while (*pp && strcmp((*pp)->key, key) != 0)
		pp = &(*pp)->next;
	return pp;
}

void *hm_get(const struct hashmap *hm, const char *key)
{
	struct hm_entry **pp = hm_slot(hm, key);
	return pp && *pp ? (*pp)->value : NULL;
}

/* Rehash every entry into n buckets (a power of two). */
static void hm_rehash(struct hashmap *hm, size_t n)
{
	struct hm_entry **b = xcalloc(n, sizeof *b);
	for (size_t i = 0; i < hm->nbuckets; i++) {
		struct hm_entry *e = hm->buckets[i], *next;
		for (; e; e = next) {
			next = e->next;
			size_t j = hm_hash(e->key) & (n - 1);
			e->next = b[j];
			b[j] = e;
		}
	}
	free(hm->buckets);
	hm->buckets = b;
	hm->nbuckets = n;
}

/* Double the bucket count (16 to start). */
static void hm_grow(struct hashmap *hm)
{
	hm_rehash(hm, hm->nbuckets ? hm->nbuckets * 2 : 16);
}

void hm_reserve(struct hashmap *hm, size_t n)
{
	size_t want = hm->nbuckets ? hm->nbuckets : 16;
	while (n > want * 3 / 4)
		want = xadd(want, want);
	if (want > hm->nbuckets)
		hm_rehash(hm, want);
}

void **hm_ref(struct hashmap *hm, const char *key)
{
	struct hm_entry **pp = hm_slot(hm, key);
	if (pp && *pp)
		return &(*pp)->value;
	if (hm->count + 1 > hm->nbuckets * 3 / 4) {
		hm_grow(hm);
		pp = hm_slot(hm, key);
	}
	/* The entry and its key share one allocation (the key is stored
	   right after the struct): half the mallocs and frees per insert. */
	size_t klen = strlen(key);
	struct hm_entry *e = xmalloc(xadd(sizeof *e, klen + 1));
	e->key = memcpy((char *)(e + 1), key, klen + 1);
	e->value = NULL;
	e->next = NULL;
	*pp = e;
	hm->count++;
	return &e->value;
}

bool hm_link(struct hashmap *hm, struct hm_entry *e)
{
	struct hm_entry **pp = hm_slot(hm, e->key);
	if (pp && *pp)
		return false;
	if (hm->count + 1 > hm->nbuckets * 3 / 4) {
		hm_grow(hm);
		pp = hm_slot(hm, e->key);
	}
	e->next = NULL;
	*pp = e;
	hm->count++;
	return true;
}

/* Entries from hm_link are not the map's to free. */
static void entry_free(struct hm_entry *e)
{
	if (e->key == (char *)(e + 1))
		free(e);
}

void *hm_put(struct hashmap *hm, const char *key, void *value)
{
	void **slot = hm_ref(hm, key);
	void *old = *slot;
	*slot = value;
	return old;
}

void *hm_remove(struct hashmap *hm, const char *key)
{
	struct hm_entry **pp = hm_slot(hm, key);
	if (!pp || !*pp)
		return NULL;
	struct hm_entry *e = *pp;
	void *v = e->value;
	*pp = e->next;
	entry_free(e);	/* and its key, which lives in the same block */
	hm->count--;
	return v;
}

void hm_foreach(const struct hashmap *hm,
		void (*fn)(const char *key, void *value, void *ctx), void *ctx)
{
	for (size_t i = 0; i < hm->nbuckets; i++)
		for (struct hm_entry *e = hm->buckets[i]; e; e = e->next)
			fn(e->key, e->value, ctx);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **hm_sorted_keys(const struct hashmap *hm)
{
	const char **keys = xcalloc(hm->count + 1, sizeof *keys);
	size_t n = 0;
	for (size_t i = 0; i < hm->nbuckets; i++)
		for (struct hm_entry *e = hm->buckets[i]; e; e = e->next)
			keys[n++] = e->key;
	qsort(keys, n, sizeof *keys, cmp_str);
	keys[n] = NULL;
	return keys;
}

void hm_free(struct hashmap *hm, void (*fn)(void *value))
{
	for (size_t i = 0; i < hm->nbuckets; i++) {
		struct hm_entry *e = hm->buckets[i], *next;
		for (; e; e = next) {
			next = e->next;
			if (fn)
				fn(e->value);
			entry_free(e);	/* and its key */
		}
	}
	free(hm->buckets);
	hm_init(hm);
}
