/* prompt.h: prompt backslash escapes (\u \h \w \$ ...) — the first of the two passes that turn PS1 into what the terminal shows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_INTERACTIVE_PROMPT_H
#define WHELK_INTERACTIVE_PROMPT_H

#include <stdbool.h>
#include <time.h>

#include "base/strbuf.h"

/*
 * A prompt is made in two passes, so that no text is ever expanded twice:
 *
 *  1. prompt_escapes() (here) replaces the backslash escapes users know from
 *     bash and, for PS1, `!` by the history number (XCU 2.5.3 PS1: "!!"
 *     gives a literal "!").  With PROMPT_PROTECT every character an escape
 *     produced that would be special in pass 2 ($ ` \) is preceded by a
 *     backslash, so a directory named `$(rm -rf ~)` shown by \w stays text.
 *  2. the caller (repl.c) applies parameter expansion, command substitution
 *     and arithmetic expansion the way a here-document body gets them: the
 *     protecting backslashes go away, `$HOME` in PS1 expands, and what an
 *     expansion produced is never looked at again.
 *
 * Escapes: \u user, \h host up to the first '.', \H host, \w working
 * directory with $HOME shown as ~, \W its last component, \$ '#' for root
 * else '$', \n newline, \t HH:MM:SS, \T hh:MM:SS (12-hour), \d "Tue May 26",
 * \j number of jobs, \! history number, \# command number, \e ESC, \a BEL,
 * \\ backslash, \[ \] begin/end a sequence of invisible characters
 * (terminal colours): with PROMPT_MARK_INVISIBLE they become the line
 * editor's markers \001 and \002 so the editor does not count them in the
 * prompt's width; otherwise they vanish.  Any other \c stays as written.
 */

struct prompt_info {
	const char *user;	/* borrowed: login name */
	const char *host;	/* borrowed: full host name */
	const char *cwd;	/* borrowed, may be NULL: $PWD */
	const char *home;	/* borrowed, may be NULL: $HOME */
	bool root;		/* effective uid 0 */
	unsigned long histnum;	/* number the next history entry gets */
	unsigned long cmdnum;	/* commands run in this shell, plus one */
	unsigned jobs;		/* jobs in the job table */
	time_t now;
};

enum {
	PROMPT_PROTECT = 1 << 0,	/* backslash-protect $ ` \ in escape output */
	PROMPT_MARK_INVISIBLE = 1 << 1,	/* \[ \] -> \001 \002 */
	PROMPT_BANG = 1 << 2,		/* ! -> history number, !! -> ! (PS1) */
};

/** Append the escape-expanded ps to out. */
void prompt_escapes(struct strbuf *out, const char *ps,
		    const struct prompt_info *info, int flags);

/** The default PS1: "\u@\h:\w\$ " (shown as user@host:dir$ , or # for root). */
#define PROMPT_DEFAULT_PS1 "\\u@\\h:\\w\\$ "

#endif
