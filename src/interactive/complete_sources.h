/* complete_sources.h: candidate generators used by complete.c (internal to src/interactive). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_INTERACTIVE_COMPLETE_SOURCES_H
#define WHELK_INTERACTIVE_COMPLETE_SOURCES_H

#include <stdbool.h>

#include "base/vec.h"
#include "interactive/complete.h"

/* Each appends fresh strings to out. */
void csrc_files(const struct complete_hooks *hk, const char *word,
		bool exec_only, struct vec *out);
void csrc_path(const struct complete_hooks *hk, const char *prefix, struct vec *out);
void csrc_users(const char *prefix, struct vec *out);
void csrc_words(const char *const *words, const char *prefix, struct vec *out);
/** Sort with strcmp and drop duplicates (freeing them). */
void csrc_sort_unique(struct vec *v);

#endif
