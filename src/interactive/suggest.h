/* suggest.h: autosuggestions — the rest of the line the user is probably typing (history first, then a unique completion). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_INTERACTIVE_SUGGEST_H
#define WHELK_INTERACTIVE_SUGGEST_H

#include "interactive/complete.h"
#include "interactive/history.h"

/**
 * What text (the whole line typed so far, cursor at its end) probably
 * becomes: the newest history entry that starts with text and goes on
 * within the same line, else — when completing the last word has exactly
 * one candidate — text with that word completed.  NULL when neither gives
 * more than text.  Malloc'd; it always starts with text.  complete may
 * be NULL (history only).
 */
char *suggest_line(const struct history *h, const struct complete_hooks *complete,
		   const char *text);

#endif
