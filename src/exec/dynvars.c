/* dynvars.c: the variables whose value the shell computes when they are read — RANDOM, SECONDS, $_, UID... — and the ones it sets at startup (issue 10 item 12). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "exec/exec_int.h"
#include "exec/expand_internal.h"
#include "exec/shell.h"

/*
 * A dynamic variable is an ordinary entry of sh->vars marked VAR_DYNAMIC:
 * var_get() asks dynvar_value() for its value, and var_set() tells
 * dynvar_assigned() about an assignment.  So `unset RANDOM` removes the
 * entry and with it the magic (bash), and `local`, `export` and `${x+set}`
 * need nothing special.
 *
 *   RANDOM         0..32767 from a linear congruential generator;
 *                  RANDOM=n seeds it (the same seed, the same sequence)
 *   SRANDOM        32 random bits from getrandom(2), not seedable
 *   SECONDS        seconds since the shell started; SECONDS=n counts on
 *                  from n
 *   EPOCHSECONDS   time(2); EPOCHREALTIME with microseconds
 *   _              the last argument of the previous simple command
 *   UID, EUID      getuid(), geteuid(): read-only
 *
 * Under set -o posix the magic is off: these are plain variables (unset
 * until assigned), because a conforming script may use the names for its
 * own purposes (XCU 2.5.3 reserves none of them).
 */

enum dyn_kind {
	DYN_RANDOM,
	DYN_SRANDOM,
	DYN_SECONDS,
	DYN_EPOCHSECONDS,
	DYN_EPOCHREALTIME,
	DYN_LASTARG,
	DYN_UID,
	DYN_EUID,
};

static const char *const dyn_names[] = {
	[DYN_RANDOM] = "RANDOM",
	[DYN_SRANDOM] = "SRANDOM",
	[DYN_SECONDS] = "SECONDS",
	[DYN_EPOCHSECONDS] = "EPOCHSECONDS",
	[DYN_EPOCHREALTIME] = "EPOCHREALTIME",
	[DYN_LASTARG] = "_",
	[DYN_UID] = "UID",
	[DYN_EUID] = "EUID",
};

#define NDYN (sizeof dyn_names / sizeof dyn_names[0])

static int dyn_kind_of(const char *name)
{
	for (size_t i = 0; i < NDYN; i++)
		if (strcmp(dyn_names[i], name) == 0)
			return (int)i;
	return -1;
}

/*
 * The next RANDOM: the high bits of a 32-bit LCG (the low bits of an LCG
 * repeat with short periods).  A forked subshell starts from a state mixed
 * with its own pid, so that `(echo $RANDOM)` twice, or in a loop, gives
 * different numbers (bash reseeds subshells too).
 */
static uint32_t strong_random(void);

static unsigned next_random(struct var_scratch *vs)
{
	pid_t pid = getpid();
	if (vs->random_pid == 0) {	/* the first $RANDOM: seed it now */
		vs->random_state = strong_random();
		vs->random_pid = pid;
	} else if (pid != vs->random_pid) {
		vs->random_pid = pid;
		vs->random_state ^= (uint32_t)pid * 2654435761u;
	}
	vs->random_state = vs->random_state * 1103515245u + 12345u;
	return (vs->random_state >> 16) & 0x7fff;
}

static uint32_t strong_random(void)
{
	uint32_t v;
	if (getrandom(&v, sizeof v, 0) == (ssize_t)sizeof v)
		return v;
	struct timespec ts;	/* no entropy source: better than nothing */
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint32_t)ts.tv_nsec ^ (uint32_t)getpid() << 16;
}

const char *dynvar_value(struct shell *sh, const char *name, struct var *v,
			 char *buf, size_t size)
{
	struct var_scratch *vs = &sh->vscratch;
	struct timespec ts;
	switch (dyn_kind_of(name)) {
	case DYN_RANDOM:
		snprintf(buf, size, "%u", next_random(vs));
		return buf;
	case DYN_SRANDOM:
		snprintf(buf, size, "%" PRIu32, strong_random());
		return buf;
	case DYN_SECONDS:
		snprintf(buf, size, "%jd", vs->seconds_base +
			 (intmax_t)(time(NULL) - vs->seconds_at));
		return buf;
	case DYN_EPOCHSECONDS:
		snprintf(buf, size, "%jd", (intmax_t)time(NULL));
		return buf;
	case DYN_EPOCHREALTIME:
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(buf, size, "%jd.%06ld", (intmax_t)ts.tv_sec,
			 ts.tv_nsec / 1000);
		return buf;
	case DYN_LASTARG:	/* `_=x` stands until the next command */
		return vs->last_arg_valid || !v->value ? sb_str(&vs->last_arg)
						       : v->value;
	case DYN_UID:
		snprintf(buf, size, "%ju", (uintmax_t)getuid());
		return buf;
	case DYN_EUID:
		snprintf(buf, size, "%ju", (uintmax_t)geteuid());
		return buf;
	default:
		return v->value;
	}
}

bool dynvar_readonly(const struct shell *sh, const char *name)
{
	int k = sh->opt.posix ? -1 : dyn_kind_of(name);
	return k == DYN_UID || k == DYN_EUID;
}

void dynvar_assigned(struct shell *sh, const char *name, const char *value)
{
	struct var_scratch *vs = &sh->vscratch;
	if (sh->opt.posix || !value)
		return;
	switch (dyn_kind_of(name)) {
	case DYN_RANDOM:
		vs->random_state = (uint32_t)strtoul(value, NULL, 10);
		vs->random_pid = getpid();
		break;
	case DYN_SECONDS:
		vs->seconds_base = strtoimax(value, NULL, 10);
		vs->seconds_at = time(NULL);
		break;
	case DYN_LASTARG:
		vs->last_arg_valid = false;
		break;
	default:
		break;
	}
}

void dynvar_unset(struct shell *sh, const char *name)
{
	if (dyn_kind_of(name) == DYN_LASTARG)
		sh->vscratch.last_arg_magic = false;
}

/* Called before every simple command: no lookup, one copy of a short
   string into a buffer that keeps its memory. */
void dynvar_set_last_arg(struct shell *sh, const char *arg)
{
	if (sh->opt.posix || !sh->vscratch.last_arg_magic)
		return;
	sb_clear(&sh->vscratch.last_arg);
	sb_append(&sh->vscratch.last_arg, arg);
	sh->vscratch.last_arg_valid = true;
}

/* OSTYPE as bash spells it: the kernel's name in lower case, "-gnu" for a
   GNU C library system ("linux-gnu"). */
static void set_ostype(struct shell *sh, const struct utsname *u)
{
	struct strbuf sb = STRBUF_INIT;
	for (const char *s = u->sysname; *s; s++)	/* ASCII */
		sb_putc(&sb, *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s);
#ifdef __GLIBC__
	sb_append(&sb, "-gnu");
#endif
	var_set(sh, "OSTYPE", sb_str(&sb), 0);
	sb_free(&sb);
}

/* SHLVL: one more than inherited (1 when it was not a number), exported. */
static void set_shlvl(struct shell *sh)
{
	/* Digits by hand: strtol and snprintf would be two more libc
	   functions for the dynamic loader to bind at every start. */
	const char *old = var_get(sh, "SHLVL");
	const char *s = old ? old : "";
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;	/* what strtol would skip */
	int n = 0;
	if (*s == '+')
		s++;
	const char *digits = s;
	while (*s >= '0' && *s <= '9' && n <= 998)
		n = n * 10 + (*s++ - '0');
	if (s == digits || *s || n > 998)
		n = 0;
	char buf[8];
	expand_fmt_int(buf, n + 1);
	var_set(sh, "SHLVL", buf, VAR_EXPORT);
}

void dynvars_init(struct shell *sh)
{
	struct var_scratch *vs = &sh->vscratch;
	vs->random_pid = 0;	/* seeded by the first $RANDOM, not by every start */
	vs->seconds_at = time(NULL);
	vs->seconds_base = 0;
	vs->last_arg_magic = true;
	for (size_t i = 0; i < NDYN; i++) {
		var_set(sh, dyn_names[i], NULL, 0);	/* create, no value */
		struct var *v = var_lookup(sh, dyn_names[i]);
		if (v)
			v->flags |= VAR_DYNAMIC;
	}
	/* An inherited RANDOM or SECONDS counts as an assignment. */
	const char *const seeded[] = { "RANDOM", "SECONDS" };
	for (size_t i = 0; i < 2; i++) {
		struct var *v = var_lookup(sh, seeded[i]);
		if (v && v->value)
			dynvar_assigned(sh, seeded[i], v->value);
	}
	struct utsname u;
	if (uname(&u) == 0) {
		var_set(sh, "HOSTNAME", u.nodename, 0);
		var_set(sh, "HOSTTYPE", u.machine, 0);
		set_ostype(sh, &u);
	}
	set_shlvl(sh);
	var_set(sh, "WHELK_VERSION", PACKAGE_VERSION, 0);
}
