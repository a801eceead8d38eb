/* hashmap.h: a string-keyed hash table (variables, functions, aliases, PATH cache). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_HASHMAP_H
#define WHELK_BASE_HASHMAP_H

#include <stdbool.h>
#include <stddef.h>

struct hm_entry {
	char *key;		/* owned copy of the key, stored in the same
				   allocation as the entry (never freed apart);
				   an entry whose key is elsewhere was linked
				   by hm_link and is its caller's memory */
	void *value;		/* the user's */
	struct hm_entry *next;	/* owned; bucket chain */
};

struct hashmap {
	struct hm_entry **buckets;	/* owned; may be NULL while empty */
	size_t nbuckets;
	size_t count;
};

#define HASHMAP_INIT { NULL, 0, 0 }

void hm_init(struct hashmap *hm);
/** The value stored under key, or NULL. */
void *hm_get(const struct hashmap *hm, const char *key);
/** Store value under key; returns the previous value (NULL if none). */
void *hm_put(struct hashmap *hm, const char *key, void *value);
/** The value slot of key, made (holding NULL) when key is absent: a
    lookup and an insert for the price of one hash.  The caller stores a
    non-NULL value there before anything else uses the map (a NULL value
    reads as absent, and hm_ref on it again returns the same slot). */
void **hm_ref(struct hashmap *hm, const char *key);
/**
 * Link an entry the caller made (e->key and e->value set; the key not
 * right after the struct, which is how the map tells such an entry from
 * its own): the map never frees it, and it must outlive the map or its
 * removal.  False, and nothing linked, when the key is already there.
 * For many entries in one allocation (the imported environment).
 */
bool hm_link(struct hashmap *hm, struct hm_entry *e);
/** Make room for n entries without rehashing (e.g. before importing environ). */
void hm_reserve(struct hashmap *hm, size_t n);
/** Remove key; returns its value (NULL if absent). */
void *hm_remove(struct hashmap *hm, const char *key);
/** Visit every entry (order unspecified); fn must not change the map. */
void hm_foreach(const struct hashmap *hm,
		void (*fn)(const char *key, void *value, void *ctx), void *ctx);
/** The keys, sorted with strcmp, in a fresh NULL-terminated array (strings borrowed). */
const char **hm_sorted_keys(const struct hashmap *hm);
/** Free the table; fn (may be NULL) is called on each value. */
void hm_free(struct hashmap *hm, void (*fn)(void *value));
/** FNV-1a: also used where code wants a stable string hash. */
size_t hm_hash(const char *s);

#endif
