/* getopts.c: the getopts builtin (XCU getopts) — one option per call, state in OPTIND. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "parser/parser.h"

/*
 * getopts optstring name [arg...]
 *
 * OPTIND is the index of the next argument to look at (1 = $1).  Inside a
 * group like -abc the position within the argument is remembered in the
 * shell (sh->vscratch.getopts_char), valid only while OPTIND still has the
 * value getopts left there: a script that sets OPTIND=1 starts over.
 * A leading ':' in optstring selects silent error reporting: no messages,
 * and the option letter goes to OPTARG.
 */

struct gstate {
	struct shell *sh;
	const char *optstring;
	const char *name;	/* the variable to set */
	char **args;		/* the arguments scanned */
	long nargs;
	long optind;		/* next argument (1-based) */
	size_t pos;		/* position inside args[optind - 2], 0 = none */
	bool silent;
};

static long current_optind(struct shell *sh)
{
	const char *s = var_get(sh, "OPTIND");
	char *end;
	long v = s ? strtol(s, &end, 10) : 1;
	if (!s || *end || v < 1)
		v = 1;
	return v;
}

static int finish(struct gstate *g, const char *optvar, const char *optarg)
{
	struct shell *sh = g->sh;
	char num[24];
	snprintf(num, sizeof num, "%ld", g->optind);
	sh->vscratch.getopts_optind = g->optind;
	sh->vscratch.getopts_char = g->pos;
	if (optarg)
		var_set(sh, "OPTARG", optarg, 0);
	else
		var_unset(sh, "OPTARG");
	if (var_set(sh, "OPTIND", num, 0) < 0 ||
	    var_set(sh, g->name, optvar, 0) < 0)
		return 2;
	return 0;
}

static bool want_messages(struct gstate *g)
{
	const char *opterr = var_get(g->sh, "OPTERR");
	return !g->silent && !(opterr && strcmp(opterr, "0") == 0);
}

/* Find the next option letter, or return false at the end of options. */
static bool next_letter(struct gstate *g, char *letter)
{
	if (g->pos == 0) {
		if (g->optind > g->nargs)
			return false;
		const char *a = g->args[g->optind - 1];
		if (a[0] != '-' || a[1] == '\0')
			return false;
		g->optind++;
		if (strcmp(a, "--") == 0)
			return false;
		g->pos = 1;
	}
	const char *a = g->args[g->optind - 2];
	*letter = a[g->pos++];
	if (a[g->pos] == '\0')
		g->pos = 0;
	return true;
}

static int take_argument(struct gstate *g, char letter)
{
	char opt[2] = { letter, '\0' };
	if (g->pos != 0) {	/* -bfoo */
		const char *a = g->args[g->optind - 2] + g->pos;
		g->pos = 0;
		return finish(g, opt, a);
	}
	if (g->optind <= g->nargs)	/* -b foo */
		return finish(g, opt, g->args[g->optind++ - 1]);
	if (g->silent)
		return finish(g, ":", opt);
	if (want_messages(g))
		builtin_error(g->sh, "option requires an argument -- %c", letter);
	return finish(g, "?", NULL);
}

static int one_option(struct gstate *g)
{
	char letter;
	if (!next_letter(g, &letter)) {
		int r = finish(g, "?", NULL);
		return r ? r : 1;
	}
	const char *spec = letter != ':' ? strchr(g->optstring, letter) : NULL;
	char opt[2] = { letter, '\0' };
	if (!spec) {
		if (g->silent)
			return finish(g, "?", opt);
		if (want_messages(g))
			builtin_error(g->sh, "illegal option -- %c", letter);
		return finish(g, "?", NULL);
	}
	if (spec[1] == ':')
		return take_argument(g, letter);
	return finish(g, opt, NULL);
}

int builtin_getopts(struct shell *sh, int argc, char **argv)
{
	int i = bopt_none(sh, argc, argv);
	if (i < 0)
		return 2;
	if (argc - i < 2)
		return bopt_usage(sh);
	if (!parse_is_name(argv[i + 1])) {
		builtin_error(sh, "%s: bad variable name", argv[i + 1]);
		return 2;
	}
	struct gstate g = { sh, argv[i], argv[i + 1], NULL, 0, 1, 0, false };
	g.silent = g.optstring[0] == ':';
	if (argc - i > 2) {
		g.args = argv + i + 2;
		g.nargs = argc - i - 2;
	} else {
		struct vec *p = shell_params(sh);
		g.args = (char **)p->items;
		g.nargs = (long)p->len;
	}
	g.optind = current_optind(sh);
	if (g.optind == sh->vscratch.getopts_optind)
		g.pos = sh->vscratch.getopts_char;
	if (g.pos && (g.optind < 2 || g.optind - 2 >= g.nargs ||
		      g.pos >= strlen(g.args[g.optind - 2])))
		g.pos = 0;	/* the arguments changed under us */
	return one_option(&g);
}
