/* locale.c: LC_ALL, LC_CTYPE, LC_COLLATE and LANG take effect the moment they are assigned (XCU 2.5.3). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "exec/shell.h"

/*
 * XCU 2.5.3 says these variables govern the shell's own character handling
 * and that assigning them in the shell changes it at once.  The shell reads
 * its own variables, exported or not (as bash, ksh and zsh do), not
 * environ: `LC_ALL=C.UTF-8` on a line of its own, or `LC_ALL=C cmd` for a
 * builtin or function (undone when the assignment is), both work.
 *
 * Two categories follow the variables:
 *   LC_CTYPE    characters (multibyte or not), [[:alpha:]] and friends;
 *   LC_COLLATE  the order of pathname expansion results, [=e=].
 * LC_NUMERIC, LC_MESSAGES and the others stay "C": printf and arithmetic
 * read and write numbers the portable way, and the shell's messages are
 * English anyway.  A locale the system does not have gives "C", silently
 * (a script that asks for en_US.UTF-8 on a machine without it still runs,
 * bytewise).
 */

/* The value POSIX picks for one category: LC_ALL, then LC_xxx, then LANG,
   each only when set and not empty; "C" when none is. */
static const char *category_value(struct shell *sh, const char *own)
{
	const char *names[] = { "LC_ALL", own, "LANG" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v = var_get(sh, names[i]);
		if (v && *v)
			return v;
	}
	return "C";
}

/* Loading a locale costs tens of thousands of instructions (a UTF-8
   LC_CTYPE is most of a `whelk -c :`); asking for the one in effect, as
   importing LANG and then LC_ALL may, costs a string comparison. */
static void apply(struct shell *sh, int category, unsigned bit,
		  const char *own)
{
	const char *want = category_value(sh, own);
	/* A process starts in "C": while the shell never set this category,
	   LC_ALL=C (how scripts and the bench run) costs no setlocale call
	   at all — not even the dynamic loader binding it. */
	if (!(sh->locale_set & bit) && strcmp(want, "C") == 0)
		return;
	const char *now = setlocale(category, NULL);
	if (now && strcmp(now, want) == 0)
		return;
	sh->locale_set |= bit;
	if (!setlocale(category, want))
		setlocale(category, "C");
}

bool locale_is_variable(const char *name)
{
	if (name[0] != 'L')
		return false;
	return strcmp(name, "LANG") == 0 || strcmp(name, "LC_ALL") == 0
	       || strcmp(name, "LC_CTYPE") == 0
	       || strcmp(name, "LC_COLLATE") == 0;
}

void locale_update(struct shell *sh)
{
	apply(sh, LC_CTYPE, 1, "LC_CTYPE");
	apply(sh, LC_COLLATE, 2, "LC_COLLATE");
}
