/* complete_sources.h: candidate generators used by complete.c (internal to src/interactive). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_INTERACTIVE_COMPLETE_SOURCES_H
#define WHELK_INTERACTIVE_COMPLETE_SOURCES_H

#include <stdbool.h>

#include "base/vec.h"
#include "interactive/complete.h"

/* Which directory entries csrc_files keeps. */
enum csrc_filter {
	CSRC_ALL,
	CSRC_EXEC,		/* directories and executables (a command name) */
	CSRC_DIRS,		/* directories only (cd) */
};

/* Each appends fresh strings to out. */
void csrc_files(const struct complete_hooks *hk, const char *word,
		enum csrc_filter filter, struct vec *out);
void csrc_cdpath(const struct complete_hooks *hk, const char *word, struct vec *out);
void csrc_path(const struct complete_hooks *hk, const char *prefix, struct vec *out);
void csrc_users(const char *prefix, struct vec *out);
void csrc_signals(bool dash, bool with_exit, struct vec *out);
/** Sort with strcmp and drop duplicates (freeing them). */
void csrc_sort_unique(struct vec *v);

#endif
