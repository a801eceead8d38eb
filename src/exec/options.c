/* options.c: the table of shell options — one place for `whelk -e`, `set -e` and `set -o errexit`. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "exec/shell.h"

/*
 * XCU 2.14 `set` lists the letters and -o names POSIX defines; pipefail is
 * Issue 8; emacs, vi, ignoreeof, nolog and histexpand (-H, on by default
 * in interactive shells) are the names bash and dash users expect;
 * braceexpand (-B), extglob, nullglob, failglob, dotglob, nocaseglob,
 * nocasematch, globstar and posix are bash's (bash sets most of them
 * with shopt; whelk's shopt maps onto this table), and so are
 * expand_aliases and lastpipe;
 * autosuggest (fish-style suggestions at the prompt) and proctrace are
 * whelk's own (proctrace narrates every fork, pipe, dup2,
 * execve, setpgid, tcsetpgrp, waitpid).  Letter 0 means "no letter".
 * The order here is the order of `set -o` listings and of $-.
 */
struct option_def {
	const char *name;
	char letter;
	size_t offset;		/* of the bool inside struct shell_opts */
};

#define OPT(name, letter, field) { name, letter, offsetof(struct shell_opts, field) }

static const struct option_def options[] = {
	OPT("allexport", 'a', allexport),
	OPT("autosuggest", 0, autosuggest),
	OPT("notify", 'b', notify),
	OPT("braceexpand", 'B', braceexpand),
	OPT("noclobber", 'C', noclobber),
	OPT("dotglob", 0, dotglob),
	OPT("emacs", 0, emacs),
	OPT("errexit", 'e', errexit),
	OPT("expand_aliases", 0, expand_aliases),
	OPT("extglob", 0, extglob),
	OPT("failglob", 0, failglob),
	OPT("noglob", 'f', noglob),
	OPT("globstar", 0, globstar),
	OPT("hashall", 'h', hashall),
	OPT("histexpand", 'H', histexpand),
	OPT("ignoreeof", 0, ignoreeof),
	OPT("interactive", 'i', interactive),
	OPT("lastpipe", 0, lastpipe),
	OPT("monitor", 'm', monitor),
	OPT("nocaseglob", 0, nocaseglob),
	OPT("nocasematch", 0, nocasematch),
	OPT("noexec", 'n', noexec),
	OPT("noreap", 0, noreap),
	OPT("nolog", 0, nolog),
	OPT("nounset", 'u', nounset),
	OPT("nullglob", 0, nullglob),
	OPT("pipefail", 0, pipefail),
	OPT("posix", 0, posix),
	OPT("proctrace", 0, proctrace),
	OPT("stdin", 's', stdin_input),
	OPT("verbose", 'v', verbose),
	OPT("vi", 0, vi),
	OPT("xtrace", 'x', xtrace),
};

#define NOPTIONS (sizeof options / sizeof options[0])

const char *shell_option_name(size_t i)
{
	return i < NOPTIONS ? options[i].name : NULL;
}

static bool *opt_field(struct shell_opts *o, const struct option_def *d)
{
	return (bool *)((char *)o + d->offset);
}

static bool opt_value(const struct shell_opts *o, const struct option_def *d)
{
	return *(const bool *)((const char *)o + d->offset);
}

/* emacs and vi exclude each other, as in every shell with both.  posix
   turns brace expansion (XCU 2.6: {a,b} is literal text) and extended
   patterns (a value "@(x)" globs as itself) off; turning posix off again
   leaves them off. */
static void set_one(struct shell *sh, const struct option_def *d, bool on)
{
	*opt_field(&sh->opt, d) = on;
	if (on && d->offset == offsetof(struct shell_opts, posix)) {
		sh->opt.braceexpand = false;
		sh->opt.extglob = false;
	}
	if (on && d->offset == offsetof(struct shell_opts, vi))
		sh->opt.emacs = false;
	if (on && d->offset == offsetof(struct shell_opts, emacs))
		sh->opt.vi = false;
}

int shell_set_option_letter(struct shell *sh, char letter, bool on)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (options[i].letter == letter && letter) {
			set_one(sh, &options[i], on);
			return 0;
		}
	return -1;
}

int shell_option_value(const struct shell *sh, const char *name)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (strcmp(options[i].name, name) == 0)
			return opt_value(&sh->opt, &options[i]);
	return -1;
}

int shell_set_option_name(struct shell *sh, const char *name, bool on)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (strcmp(options[i].name, name) == 0) {
			set_one(sh, &options[i], on);
			return 0;
		}
	return -1;
}

char *shell_option_letters(const struct shell *sh)
{
	char buf[NOPTIONS + 1];
	size_t n = 0;
	for (size_t i = 0; i < NOPTIONS; i++)
		if (options[i].letter && opt_value(&sh->opt, &options[i]))
			buf[n++] = options[i].letter;
	buf[n] = '\0';
	return xstrdup(buf);
}

void shell_print_options(const struct shell *sh, bool reinput)
{
	for (size_t i = 0; i < NOPTIONS; i++) {
		bool on = opt_value(&sh->opt, &options[i]);
		if (reinput)
			printf("set %co %s\n", on ? '-' : '+', options[i].name);
		else
			printf("%-15s %s\n", options[i].name, on ? "on" : "off");
	}
}
