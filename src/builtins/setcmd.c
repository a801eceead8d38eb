/* setcmd.c: the set and shift special builtins (XCU 2.14) — options, positional parameters, variable listing. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/shquote.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/* Plain `set`: every variable, sorted, as name='value'. */
static void list_variables(struct shell *sh)
{
	const char **names = var_names(sh);
	for (const char **n = names; *n; n++) {
		struct var *v = var_lookup(sh, *n);
		if (!v || !v->value)
			continue;
		printf("%s=", *n);
		shq_fputs(v->value, stdout);
		putchar('\n');
	}
	free(names);
}

/* Options whose change must reach other layers. */
static void options_changed(struct shell *sh)
{
	jobs_sync_options(sh->jobs, sh->opt.monitor, sh->opt.notify,
			  sh->opt.proctrace, sh->opt.noreap);
}

/* -o name / +o name, or the listings when name is missing. */
static int set_o(struct shell *sh, bool on, const char *name)
{
	if (!name) {
		shell_print_options(sh, !on);
		return 0;
	}
	if (shell_set_option_name(sh, name, on) < 0) {
		builtin_error(sh, "%s: bad option name", name);
		return 2;
	}
	return 0;
}

/* One "-abc" / "+abc" word; *i advances past a consumed -o argument. */
static int set_letters(struct shell *sh, int argc, char **argv, int *i)
{
	const char *w = argv[*i];
	bool on = w[0] == '-';
	for (const char *c = w + 1; *c; c++) {
		if (*c == 'o') {
			const char *name = *i + 1 < argc ? argv[*i + 1] : NULL;
			if (name)
				(*i)++;
			if (set_o(sh, on, name) != 0)
				return 2;
			continue;
		}
		if (*c == 'i' || shell_set_option_letter(sh, *c, on) < 0)
			return bopt_invalid(sh, on ? '-' : '+', *c);
	}
	return 0;
}

/*
 * set [-abCefhmnuvx] [-o name] [--] [arg...] (XCU 2.14 set).  The one
 * builtin that reads its options itself rather than through bopt: "+x"
 * turns an option off, -o's argument is optional (alone it lists the
 * options) and a lone "-" means something.  Options end
 * at the first word not starting with - or +, or at "--"; any words left
 * become $1...  "--" alone clears them.  A lone "-" turns off -x and -v
 * and ends the options (historical, as dash).
 */
int builtin_set(struct shell *sh, int argc, char **argv)
{
	if (argc == 1) {
		list_variables(sh);
		return 0;
	}
	int i = 1;
	bool params = false;
	for (; i < argc; i++) {
		const char *w = argv[i];
		if (strcmp(w, "--") == 0) {
			params = true;
			i++;
			break;
		}
		if (strcmp(w, "-") == 0) {
			sh->opt.xtrace = sh->opt.verbose = false;
			params = i + 1 < argc;
			i++;
			break;
		}
		if ((w[0] != '-' && w[0] != '+') || !w[1])
			break;
		int rc = set_letters(sh, argc, argv, &i);
		options_changed(sh);
		if (rc)
			return rc;
	}
	if (i < argc || params)
		/* Moves the command's expanded words instead of copying
		   them (`set -- $line` allocates each field once); set
		   reads argv no more after this. */
		shell_take_params(sh, argc - i, argv + i);
	return 0;
}

/* shift [n]: n > $# is an error (status 2; a special builtin's error). */
int builtin_shift(struct shell *sh, int argc, char **argv)
{
	long n = 1;
	int i = bopt_none(sh, argc, argv);
	if (i < 0 || bopt_number_operand(sh, argc, argv, i, 0, &n) != 0)
		return 2;
	struct vec *p = shell_params(sh);
	if ((size_t)n > p->len) {
		builtin_error(sh, "can't shift that many");
		return 2;
	}
	if (n == 0)	/* nothing moves (and items may be NULL) */
		return 0;
	for (long k = 0; k < n; k++)
		free(p->items[k]);
	memmove(p->items, p->items + n, (p->len - (size_t)n) * sizeof(void *));
	p->len -= (size_t)n;
	return 0;
}
