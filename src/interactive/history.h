/* history.h: the command history list and whelk's history file format (one format for every line editor). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_INTERACTIVE_HISTORY_H
#define WHELK_INTERACTIVE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

/*
 * The list: entries numbered with increasing "event numbers" (XCU fc:
 * "history numbers"), the first entry ever added being 1.  When more than
 * `max` entries are held, the oldest are dropped; numbers never restart.
 *
 * The file ($HISTFILE, default ~/.whelk_history) holds one entry per line,
 * oldest first, in this encoding:
 *	backslash  -> \\        newline -> \n
 * and every other byte as itself.  So a multi-line command (an `if` typed
 * over three lines) stays ONE line in the file and ONE entry in history.
 * A command is appended as it is entered with a single write(2) on an
 * O_APPEND descriptor: two shells writing the same file interleave whole
 * lines and never lose each other's entries (POSIX guarantees atomic
 * positioning for O_APPEND; one write of a short line lands in one piece).
 * The file is created with mode 0600: history can hold secrets.
 *
 * A damaged file (a bad escape, a NUL byte, an unreadable file) gives one
 * warning and the lines that can be read; never a crash.
 */

#define HIST_DEFAULT_SIZE 500	/* HISTSIZE when unset or invalid (as bash) */

struct history {
	char **entries;		/* owned ring of owned strings, oldest first */
	size_t count;		/* entries held */
	size_t max;		/* at most this many (>= 1) */
	size_t head;		/* index in entries of the oldest */
	unsigned long first;	/* event number of the oldest */
};

void hist_init(struct history *h, size_t max);
void hist_finish(struct history *h);
/** Change the capacity (HISTSIZE changed); drops the oldest as needed. */
void hist_set_max(struct history *h, size_t max);
/** Append a copy of line (without its final newline); returns its number. */
unsigned long hist_add(struct history *h, const char *line);
/** The entry numbered n, or NULL when it is not held.  Borrowed. */
const char *hist_get(const struct history *h, unsigned long n);
/** Number of the oldest / newest entry; newest < oldest when empty. */
unsigned long hist_first(const struct history *h);
unsigned long hist_last(const struct history *h);
/** Number the next added entry will get (the `!` of PS1). */
unsigned long hist_next(const struct history *h);
/** Drop the newest entry (fc replaces its own invocation). */
void hist_remove_last(struct history *h);
/**
 * Delete the entries numbered from..to (clamped to those held); the later
 * ones move down, so their numbers shrink by as many (as bash's history -d).
 */
void hist_delete(struct history *h, unsigned long from, unsigned long to);
/** Forget everything; numbering continues. */
void hist_clear(struct history *h);

/** Parse HISTSIZE: a decimal >= 1, else HIST_DEFAULT_SIZE. */
size_t hist_parse_size(const char *value);

/* -------------------------------------------------------------- the file */

/** Append the file encoding of line (no newline added) to sb. */
void hist_encode(struct strbuf *sb, const char *line);
/**
 * Decode one file line (without its newline) into sb.  Returns false when
 * it is malformed (an unknown escape or a trailing lone backslash: those
 * bytes are then kept as they are).
 */
bool hist_decode(struct strbuf *sb, const char *line, size_t len);

/**
 * Load path into h (entries added in order).  Returns the number of entries
 * loaded; 0 for a file that does not exist yet; -1 with errno set when it
 * exists but cannot be read (a directory: EISDIR) — the caller reports
 * that.  Malformed lines are still loaded (as decoded as far as possible,
 * with one warning "whelk: history: PATH: line N: ..."); lines holding NUL
 * bytes are skipped.
 */
long hist_load_file(struct history *h, const char *path);
/** Append one entry to path (created 0600); 0, or -1 with errno set. */
int hist_append_file(const char *path, const char *line);
/** Append h's entries from..to (those held) with one write; 0 or -1. */
int hist_append_range(const struct history *h, const char *path,
		      unsigned long from, unsigned long to);
/**
 * Rewrite path so it holds only h's entries (written to path.tmp, then
 * rename(2): readers never see a half-written file).  0 or -1.
 */
int hist_write_file(const struct history *h, const char *path);

#endif
