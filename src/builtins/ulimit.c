/* ulimit.c: the ulimit builtin (XCU ulimit, with the resources bash and dash offer) over getrlimit/setrlimit. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"

/*
 * Every process carries a soft and a hard limit per resource (getrlimit(2)).
 * The kernel enforces the soft one; a process may raise its soft limit up
 * to the hard one, and lower the hard one, but only a privileged process
 * may raise a hard limit.  Limits are inherited across fork and execve,
 * which is why `ulimit` must be a builtin: run as a child it would change
 * only itself.
 *
 *   ulimit [-H|-S] [-a | -RESOURCE...] [value | unlimited | hard | soft]
 *
 * Without -H or -S a new value sets both limits and printing shows the
 * soft one.  Sizes are in the units users know from bash and dash: 512-byte
 * blocks for -f and -c (XCU ulimit: -f counts 512-byte blocks), kilobytes
 * for memory sizes, and the raw count for the rest.
 */

struct resource {
	char opt;
	int id;			/* RLIMIT_*; -1: pipe size (read-only) */
	unsigned factor;	/* bytes (or units) per displayed unit */
	const char *name;	/* description for -a */
	const char *unit;	/* NULL: a plain count */
};

static const struct resource resources[] = {
#ifdef RLIMIT_RTTIME
	{ 'R', RLIMIT_RTTIME, 1, "real-time non-blocking time", "microseconds" },
#endif
	{ 'c', RLIMIT_CORE, 512, "core file size", "blocks" },
	{ 'd', RLIMIT_DATA, 1024, "data seg size", "kbytes" },
#ifdef RLIMIT_NICE
	{ 'e', RLIMIT_NICE, 1, "scheduling priority", NULL },
#endif
	{ 'f', RLIMIT_FSIZE, 512, "file size", "blocks" },
#ifdef RLIMIT_SIGPENDING
	{ 'i', RLIMIT_SIGPENDING, 1, "pending signals", NULL },
#endif
#ifdef RLIMIT_MEMLOCK
	{ 'l', RLIMIT_MEMLOCK, 1024, "max locked memory", "kbytes" },
#endif
#ifdef RLIMIT_RSS
	{ 'm', RLIMIT_RSS, 1024, "max memory size", "kbytes" },
#endif
	{ 'n', RLIMIT_NOFILE, 1, "open files", NULL },
	{ 'p', -1, 512, "pipe size", "512 bytes" },
#ifdef RLIMIT_MSGQUEUE
	{ 'q', RLIMIT_MSGQUEUE, 1, "POSIX message queues", "bytes" },
#endif
#ifdef RLIMIT_RTPRIO
	{ 'r', RLIMIT_RTPRIO, 1, "real-time priority", NULL },
#endif
	{ 's', RLIMIT_STACK, 1024, "stack size", "kbytes" },
	{ 't', RLIMIT_CPU, 1, "cpu time", "seconds" },
#ifdef RLIMIT_NPROC
	{ 'u', RLIMIT_NPROC, 1, "max user processes", NULL },
#endif
	{ 'v', RLIMIT_AS, 1024, "virtual memory", "kbytes" },
#ifdef RLIMIT_LOCKS
	{ 'x', RLIMIT_LOCKS, 1, "file locks", NULL },
#endif
};

#define NRES (sizeof resources / sizeof resources[0])

static const struct resource *find_resource(char opt)
{
	for (size_t i = 0; i < NRES; i++)
		if (resources[i].opt == opt)
			return &resources[i];
	return NULL;
}

enum { LIM_SOFT = 1, LIM_HARD = 2 };

static rlim_t get_limit(const struct resource *r, int which)
{
	if (r->id < 0)	/* the pipe buffer is not a limit: PIPE_BUF */
		return PIPE_BUF;
	struct rlimit rl;
	if (getrlimit(r->id, &rl) != 0)
		return RLIM_INFINITY;
	return which & LIM_HARD ? rl.rlim_max : rl.rlim_cur;
}

static void print_value(rlim_t v, unsigned factor)
{
	if (v == RLIM_INFINITY)
		puts("unlimited");
	else
		printf("%ju\n", (uintmax_t)(v / factor));
}

/* One line of the -a listing: "open files                          (-n) 1024". */
static void print_labelled(const struct resource *r, int which)
{
	char label[64];
	if (r->unit)
		snprintf(label, sizeof label, "(%s, -%c)", r->unit, r->opt);
	else
		snprintf(label, sizeof label, "(-%c)", r->opt);
	/* name and label fill 40 columns (at least one space between), so
	   the values line up as in bash. */
	int pad = 40 - (int)strlen(r->name) - (int)strlen(label);
	printf("%s%*s%s ", r->name, pad > 1 ? pad : 1, "", label);
	print_value(get_limit(r, which), r->factor);
}

/* "unlimited", "hard", "soft" or a decimal count in the display unit. */
static bool parse_value(struct shell *sh, const struct resource *r,
			const char *arg, rlim_t *out)
{
	if (strcmp(arg, "unlimited") == 0) {
		*out = RLIM_INFINITY;
		return true;
	}
	if (strcmp(arg, "hard") == 0 || strcmp(arg, "soft") == 0) {
		*out = get_limit(r, arg[0] == 'h' ? LIM_HARD : LIM_SOFT);
		return true;
	}
	char *end;
	errno = 0;
	uintmax_t v = (arg[0] >= '0' && arg[0] <= '9')
		? strtoumax(arg, &end, 10) : 0;
	if (!(arg[0] >= '0' && arg[0] <= '9') || *end != '\0'
	    || errno == ERANGE || v > (uintmax_t)(rlim_t)-1 / r->factor
	    || (rlim_t)(v * r->factor) == RLIM_INFINITY) {
		builtin_error(sh, "%s: invalid number", arg);
		return false;
	}
	*out = (rlim_t)(v * r->factor);
	return true;
}

static int set_limit(struct shell *sh, const struct resource *r, int which,
		     rlim_t v)
{
	struct rlimit rl;
	if (r->id < 0 || getrlimit(r->id, &rl) != 0) {
		builtin_error(sh, "%s: cannot modify limit", r->name);
		return 1;
	}
	if (which & LIM_SOFT)
		rl.rlim_cur = v;
	if (which & LIM_HARD)
		rl.rlim_max = v;
	if (setrlimit(r->id, &rl) != 0) {
		builtin_error(sh, "%s: cannot modify limit: %s", r->name,
			      strerror(errno));
		return 1;
	}
	return 0;
}

struct ulimit_args {
	int which;		/* LIM_SOFT | LIM_HARD as given by -S -H */
	bool all;		/* -a */
	const struct resource *res[NRES + 1];
	size_t nres;
};

/* Parse the options (-H -S -a and one letter per resource); returns the
   index of the first operand or -1. */
static int parse_options(struct shell *sh, int argc, char **argv,
			 struct ulimit_args *ua)
{
	char spec[NRES + 4] = "HSa";
	for (size_t k = 0; k < NRES; k++)
		spec[3 + k] = resources[k].opt;
	struct bopt o;
	int c;
	bopt_init(&o, argc, argv, spec, 0);
	while ((c = bopt_next(sh, &o)) != 0) {
		const struct resource *r = find_resource((char)c);
		if (c == '?')
			return -1;
		if (c == 'H' || c == 'S')
			ua->which |= c == 'H' ? LIM_HARD : LIM_SOFT;
		else if (c == 'a')
			ua->all = true;
		else if (r && ua->nres < NRES)
			ua->res[ua->nres++] = r;
	}
	return o.ind;
}

int builtin_ulimit(struct shell *sh, int argc, char **argv)
{
	struct ulimit_args ua = { 0 };
	int i = parse_options(sh, argc, argv, &ua);
	if (i < 0)
		return 2;
	if (i + 1 < argc)
		return bopt_too_many(sh);
	if (ua.all) {
		for (size_t k = 0; k < NRES; k++)
			print_labelled(&resources[k], ua.which);
		return 0;
	}
	if (ua.nres == 0)
		ua.res[ua.nres++] = find_resource('f');	/* XCU default */
	if (i == argc) {
		for (size_t k = 0; k < ua.nres; k++) {
			if (ua.nres > 1)
				print_labelled(ua.res[k], ua.which);
			else
				print_value(get_limit(ua.res[k], ua.which),
					    ua.res[k]->factor);
		}
		return 0;
	}
	int status = 0;
	int which = ua.which ? ua.which : LIM_SOFT | LIM_HARD;
	for (size_t k = 0; k < ua.nres; k++) {
		rlim_t v;
		if (!parse_value(sh, ua.res[k], argv[i], &v))
			return 2;
		status |= set_limit(sh, ua.res[k], which, v);
	}
	return status;
}
