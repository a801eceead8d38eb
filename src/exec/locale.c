/* locale.c: LC_ALL, LC_CTYPE, LC_COLLATE and LANG take effect the moment they are assigned (XCU 2.5.3). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "base/mbchar.h"
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
	if (mb_deferred.ctx == sh)	/* a load still deferred is superseded */
		mb_locale_defer(NULL, NULL);
	apply(sh, LC_CTYPE, 1, "LC_CTYPE");
	apply(sh, LC_COLLATE, 2, "LC_COLLATE");
}

static void load_deferred(void *ctx)
{
	locale_update(ctx);
}

/*
 * The environment's locale, at startup: loaded by the first operation that
 * depends on it (mb_locale_ready(), base/mbchar.h), not before.  Until a
 * locale variable changes the variables stay those imported, so loading
 * from them then gives what loading now would.  The C locale (LC_ALL=C, or
 * nothing set) needs no load at all and defers nothing.
 */
void locale_update_deferred(struct shell *sh)
{
	if (strcmp(category_value(sh, "LC_CTYPE"), "C") == 0 &&
	    strcmp(category_value(sh, "LC_COLLATE"), "C") == 0 && !sh->locale_set)
		return;
	mb_locale_defer(load_deferred, sh);
}

void locale_forget(struct shell *sh)
{
	if (mb_deferred.ctx == sh)
		mb_locale_defer(NULL, NULL);
}
