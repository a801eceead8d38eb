/* shopt.c: bash's shopt builtin — its option names are set -o options of whelk's one option table. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"

/*
 * whelk keeps one table of options (exec/options.c).  The names bash sets
 * with shopt are in it too, so `shopt -s nullglob` and `set -o nullglob`
 * are the same switch; shopt lists only these names unless -o asks for the
 * set -o ones.
 *
 *   shopt [name...]          list (all, or the names given): "name  on|off";
 *                            status 1 when a named option is off
 *   shopt -s|-u name...      turn on / off
 *   shopt -p [name...]       list as shopt -s / shopt -u commands
 *   shopt -q name...         no output: status 0 when all are on
 *   shopt -o ...             the same over the set -o names
 */
static const char *const shopt_names[] = {
	"dotglob", "expand_aliases", "extglob", "failglob", "globstar",
	"lastpipe", "nocaseglob", "nocasematch", "nullglob",
};

#define NSHOPT (sizeof shopt_names / sizeof shopt_names[0])

struct shopt_opts {
	bool set, unset, print, quiet, set_o;
};

/* The i-th name shopt lists (NULL past the last). */
static const char *listed_name(const struct shopt_opts *o, size_t i)
{
	if (o->set_o)
		return shell_option_name(i);
	return i < NSHOPT ? shopt_names[i] : NULL;
}

static bool known(const struct shopt_opts *o, const char *name)
{
	for (size_t i = 0; listed_name(o, i); i++)
		if (strcmp(listed_name(o, i), name) == 0)
			return true;
	return false;
}

static void print_one(const struct shopt_opts *o, const char *name, bool on)
{
	if (o->print)
		printf("%s %s %s\n", o->set_o ? "set" : "shopt",
		       o->set_o ? (on ? "-o" : "+o") : (on ? "-s" : "-u"), name);
	else
		printf("%-15s\t%s\n", name, on ? "on" : "off");
}

/* No names: list every option (with -s / -u only those on / off). */
static int list_all(struct shell *sh, const struct shopt_opts *o)
{
	for (size_t i = 0; listed_name(o, i); i++) {
		const char *name = listed_name(o, i);
		bool on = shell_option_value(sh, name) == 1;
		if ((o->set && !on) || (o->unset && on))
			continue;
		if (!o->quiet)
			print_one(o, name, on);
	}
	return 0;
}

static int parse(struct shell *sh, int argc, char **argv,
		 struct shopt_opts *o)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "supqo", seen);
	if (i < 0)
		return -1;
	*o = (struct shopt_opts){ seen['s'], seen['u'], seen['p'], seen['q'],
				  seen['o'] };
	if (o->set && o->unset) {
		builtin_error(sh, "cannot set and unset options at once");
		return bopt_usage(sh), -1;
	}
	return i;
}

int builtin_shopt(struct shell *sh, int argc, char **argv)
{
	struct shopt_opts o;
	int i = parse(sh, argc, argv, &o);
	if (i < 0)
		return 2;
	if (i == argc)
		return list_all(sh, &o);
	int status = 0;
	for (; i < argc; i++) {
		if (!known(&o, argv[i])) {
			builtin_error(sh, "%s: invalid shell option name",
				      argv[i]);
			status = 1;
			continue;
		}
		if (o.set || o.unset) {
			shell_set_option_name(sh, argv[i], o.set);
			continue;
		}
		bool on = shell_option_value(sh, argv[i]) == 1;
		if (!on)
			status = 1;
		if (!o.quiet)
			print_one(&o, argv[i], on);
	}
	return status;
}
