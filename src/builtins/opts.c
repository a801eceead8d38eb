/* opts.c: the one option scanner every builtin uses — XBD 12.2 syntax, one wording for its errors. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/opts.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/registry.h"
#include "exec/shell.h"

void bopt_init(struct bopt *o, int argc, char **argv, const char *spec,
	       int flags)
{
	*o = (struct bopt){ .argc = argc, .argv = argv, .spec = spec,
			    .flags = flags, .ind = 1 };
}

/* The running builtin's table entry (NULL when a unit test calls one). */
static const struct builtin *running(const struct shell *sh)
{
	return sh->current_builtin ? builtin_find(sh->current_builtin) : NULL;
}

/* A usage error of a special builtin exits a non-interactive shell (XCU
   2.8.1); run_special() in exec/command.c reads the mark.  A regular
   builtin's error must not set it: `eval 'read -x'` is not eval's error. */
static int usage_status(struct shell *sh)
{
	const struct builtin *b = running(sh);
	if (b && (b->flags & BUILTIN_SPECIAL))
		sh->builtin_fatal = true;
	return 2;
}

int bopt_usage(struct shell *sh)
{
	const struct builtin *b = running(sh);
	if (b && b->usage)
		builtin_error(sh, "usage: %s", b->usage);
	return usage_status(sh);
}

int bopt_invalid(struct shell *sh, char sign, int letter)
{
	builtin_error(sh, "%c%c: invalid option", sign, letter);
	return bopt_usage(sh);
}

int bopt_too_many(struct shell *sh)
{
	builtin_error(sh, "too many arguments");
	return bopt_usage(sh);
}

/* Does the word at o->ind start a new group of options? */
static bool starts_options(const struct bopt *o, const char *w)
{
	if (w[0] != '-' || w[1] == '\0')
		return false;	/* an operand, "-" included */
	if ((o->flags & BOPT_NUMBERS) && w[1] >= '0' && w[1] <= '9')
		return false;
	return true;
}

/* The argument of option c: the rest of the word, else the next word. */
static int take_argument(struct shell *sh, struct bopt *o, int c)
{
	if (*o->rest) {
		o->arg = o->rest;
	} else if (o->ind < o->argc) {
		o->arg = o->argv[o->ind++];
	} else {
		builtin_error(sh, "-%c: option requires an argument", c);
		bopt_usage(sh);
		return '?';
	}
	o->rest = NULL;
	return c;
}

int bopt_next(struct shell *sh, struct bopt *o)
{
	if (!o->rest || !*o->rest) {
		if (o->ind >= o->argc || !starts_options(o, o->argv[o->ind]))
			return 0;
		const char *w = o->argv[o->ind++];
		if (strcmp(w, "--") == 0)
			return 0;
		o->rest = w + 1;
	}
	int c = (unsigned char)*o->rest++;
	const char *at = c != ':' ? strchr(o->spec, c) : NULL;
	o->arg = NULL;
	if (!at) {
		bopt_invalid(sh, '-', c);
		return '?';
	}
	if (at[1] == ':')
		return take_argument(sh, o, c);
	return c;
}

int bopt_scan(struct shell *sh, int argc, char **argv, const char *spec,
	      bool *seen)
{
	struct bopt o;
	bopt_init(&o, argc, argv, spec, 0);
	int c;
	while ((c = bopt_next(sh, &o)) != 0) {
		if (c == '?')
			return -1;
		if (seen)
			seen[c & 127] = true;
	}
	return o.ind;
}

int bopt_none(struct shell *sh, int argc, char **argv)
{
	return bopt_scan(sh, argc, argv, "", NULL);
}

int bopt_number_operand(struct shell *sh, int argc, char **argv, int first,
			long min, long *out)
{
	if (argc - first > 1)
		return bopt_too_many(sh);
	if (first < argc)
		return bopt_number(sh, argv[first], min, LONG_MAX, out);
	return 0;
}

int bopt_number(struct shell *sh, const char *s, long min, long max,
		long *out)
{
	char *end;
	errno = 0;
	long n = strtol(s, &end, 10);
	bool digits = (s[0] >= '0' && s[0] <= '9') ||
		      (s[0] == '+' && s[1] >= '0' && s[1] <= '9');
	if (!digits || *end || errno || n < min || n > max) {
		builtin_error(sh, "Illegal number: %s", s);
		return usage_status(sh);
	}
	*out = n;
	return 0;
}
