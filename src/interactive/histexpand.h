/* histexpand.h: history expansion as bash users know it (!!, !n, !str, ^old^new, word designators, modifiers) — a pure function of a line and the history list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_INTERACTIVE_HISTEXPAND_H
#define WHELK_INTERACTIVE_HISTEXPAND_H

#include "interactive/history.h"

/*
 * A line typed at an interactive prompt is expanded before the parser sees
 * it (repl.c decides when; this module only computes).  A reference is
 *
 *	!EVENT[[:]WORDS][:MODIFIER]...
 *
 * EVENT   !! the previous entry, !n entry n, !-n n entries back, !str the
 *	   newest entry starting with str, !?str? the newest containing str,
 *	   !# the line typed so far; a designator or modifier right after
 *	   the ! (!$, !^, !*, !%, !:2) means the previous entry.
 * WORDS   (entries are split into words as the shell would: quotes kept
 *	   together, | ; & < > ( ) and redirection operators apart)
 *	   0 the first word, n the n-th, ^ = 1, $ the last, % the word the
 *	   last !?str? matched, x-y, -y = 0-y, x* = x-$, * = 1-$ (may be
 *	   empty), x- = x-$ without the last.  The colon may be left out
 *	   before ^ $ * %.
 * MODIFIER h t r e (head, tail, root, extension of a path), p (print,
 *	   do not run), q (quote), x (quote each blank-separated word),
 *	   s/old/new/ (any delimiter; & in new is old; an empty old is the
 *	   last one or the last !?str?; the last delimiter may be left out
 *	   at the end of the line), & (repeat the last s), g or a before s
 *	   or & (every occurrence), G (once in each word).
 *
 * ^old^new^ at the start of a line is !!:s^old^new^.  A ! stays as it is
 * when followed by a blank, =, ( or the end of the line, inside single
 * quotes, after a backslash, before the " that closes a double-quoted
 * string, and in $!, ${!name} and a [!...] bracket expression.
 */

/* What one expansion leaves for the next (the & modifier, empty olds). */
struct hx_state {
	char *subst_old;	/* owned, may be NULL: the last s's old */
	char *subst_new;	/* owned, may be NULL: the last s's new */
	char *search;		/* owned, may be NULL: the last !?str? */
	char *search_word;	/* owned, may be NULL: the word it matched */
};

enum hx_status {
	HX_SAME,	/* no reference: run the line as typed */
	HX_EXPANDED,	/* *out: show it, enter it in history, run it */
	HX_PRINT,	/* *out, with :p: show it and enter it, do not run */
	HX_ERROR,	/* *out: the message ("!foo: event not found") */
};

/* Longest expansion accepted (!# doubles the line each time it appears). */
#define HX_MAX_LINE (1024 * 1024)

/**
 * Expand line against h (whose newest entry is the previous command).
 * On every status but HX_SAME, *out is set and owned by the caller.
 */
enum hx_status hx_expand(struct hx_state *st, const struct history *h,
			 const char *line, char **out);
void hx_state_finish(struct hx_state *st);

#endif
