/* proc_limits.c: `proc limits` — soft and hard resource limits, and for open files the headroom before EMFILE. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/fdutil.h"
#include "exec/shell.h"

/*
 * Each resource has a soft limit (what the kernel enforces) and a hard
 * limit (the ceiling an unprivileged process may raise the soft one to:
 * `ulimit -S` / `ulimit -H`).  Limits are inherited across fork and kept
 * across execve.  RLIMIT_NOFILE is special in a way people meet: open(2),
 * pipe(2), dup(2) fail with EMFILE once no fd number below the soft limit
 * is free — so the headroom is the number of free fd numbers below the
 * soft limit.  An fd above it (opened before `ulimit -n` lowered the
 * limit) is in use but takes no number the process could still get.
 */
struct resource {
	const char *name;	/* prlimit(1) / our stable name */
	const char *kernel;	/* the line in /proc/PID/limits */
	int rlimit;		/* for getrlimit(2) on ourselves */
	const char *units;
};

static const struct resource resources[] = {
	{ "as", "Max address space", RLIMIT_AS, "bytes" },
	{ "core", "Max core file size", RLIMIT_CORE, "bytes" },
	{ "cpu", "Max cpu time", RLIMIT_CPU, "seconds" },
	{ "data", "Max data size", RLIMIT_DATA, "bytes" },
	{ "fsize", "Max file size", RLIMIT_FSIZE, "bytes" },
	{ "locks", "Max file locks", RLIMIT_LOCKS, "locks" },
	{ "memlock", "Max locked memory", RLIMIT_MEMLOCK, "bytes" },
	{ "msgqueue", "Max msgqueue size", RLIMIT_MSGQUEUE, "bytes" },
	{ "nice", "Max nice priority", RLIMIT_NICE, "" },
	{ "nofile", "Max open files", RLIMIT_NOFILE, "files" },
	{ "nproc", "Max processes", RLIMIT_NPROC, "processes" },
	{ "rss", "Max resident set", RLIMIT_RSS, "bytes" },
	{ "rtprio", "Max realtime priority", RLIMIT_RTPRIO, "" },
	{ "rttime", "Max realtime timeout", RLIMIT_RTTIME, "us" },
	{ "sigpending", "Max pending signals", RLIMIT_SIGPENDING, "signals" },
	{ "stack", "Max stack size", RLIMIT_STACK, "bytes" },
};

#define NRES (sizeof resources / sizeof resources[0])

static const struct resource *find_resource(const char *name)
{
	for (size_t i = 0; i < NRES; i++)
		if (strcasecmp(resources[i].name, name) == 0 ||
		    strcasecmp(resources[i].kernel, name) == 0)
			return &resources[i];
	return NULL;
}

static void limit_value(struct pv_out *o, const char *key, long long v)
{
	if (v < 0)
		pv_str(o, key, "unlimited");
	else
		pv_num(o, key, v);
}

struct limits_req {
	bool want[NRES];	/* which resources to show */
	pid_t pid;
	bool syscalls;		/* ask getrlimit (the shell itself) */
};

/* One row per wanted resource, from getrlimit or /proc/PID/limits. */
static void limit_rows(const struct proc_ctx *c, struct pv_out *o,
		       const struct limits_req *q,
		       const struct proc_limit *lims, size_t n)
{
	for (size_t i = 0; i < NRES; i++) {
		const struct resource *r = &resources[i];
		long long soft = -2, hard = -2;
		if (!q->want[i])
			continue;
		if (q->syscalls) {
			struct rlimit rl;
			if (getrlimit(r->rlimit, &rl) == 0) {
				soft = rl.rlim_cur == RLIM_INFINITY ? -1 :
					(long long)rl.rlim_cur;
				hard = rl.rlim_max == RLIM_INFINITY ? -1 :
					(long long)rl.rlim_max;
			}
		}
		for (size_t k = 0; !q->syscalls && k < n; k++)
			if (strcmp(lims[k].name, r->kernel) == 0) {
				soft = lims[k].soft;
				hard = lims[k].hard;
			}
		if (soft == -2)
			continue;	/* a kernel without this limit */
		pv_row(o, "pid %ld", (long)q->pid);
		pv_pid(c, o, q->pid);
		pv_str(o, "resource", r->name);
		limit_value(o, "soft", soft);
		limit_value(o, "hard", hard);
		pv_str(o, "units", r->units[0] ? r->units : "-");
		pv_str(o, "description", r->kernel + 4);
	}
}

/* Open fds: fd/ entries, or fcntl probing for ourselves without /proc;
   *below: how many of them are below the soft limit (-1: unlimited). */
static int count_fds(struct proc_ctx *c, const struct proc_pid *p,
		     long long soft, long long *count, long long *below)
{
	struct proc_fd *fds;
	size_t n;
	/* Our own directory fds are not the shell's (only real fds count). */
	int skip[2] = { c->root.fd, p ? p->fd : -1 };
	size_t nskip = c->root.fixture ? 0 : 2;
	if (p && p->fd >= 0) {
		int e = proc_read_fds(p, skip, nskip, &fds, &n);
		if (e)
			return e;
		*count = (long long)n;
		*below = 0;
		for (size_t i = 0; i < n; i++)
			*below += soft < 0 || fds[i].fd < soft;
		proc_fds_free(fds, n);
		return 0;
	}
	/* Without /proc only the numbers below the limit are probed (an
	   fd above it is rare: it predates the `ulimit -n`). */
	long long limit = soft < 0 || soft > 65536 ? 65536 : soft;
	*count = 0;
	for (int fd = 0; fd < limit; fd++)
		if (fd != c->root.fd && fd_is_open(fd))
			++*count;
	*below = *count;
	return 0;
}

static void nofile_section(struct proc_ctx *c, struct pv_out *o,
			   const struct limits_req *q, const struct proc_pid *p,
			   long long soft)
{
	long long used, below;
	int e = count_fds(c, p, soft, &used, &below);
	pv_section(o, "open_files", true);
	pv_row(o, "pid %ld", (long)q->pid);
	pv_num(o, "pid", q->pid);
	if (e) {
		pv_missing(o, "fds_in_use", e);
		pv_missing(o, "headroom", e);
		return;
	}
	pv_num(o, "fds_in_use", used);
	if (soft < 0)
		pv_str(o, "headroom", "unlimited");
	else
		pv_num(o, "headroom", soft - below);
	if (soft >= 0 && c->multi)
		sb_printf(&o->notes, "pid %ld: ", (long)q->pid);
	if (soft >= 0)
		sb_printf(&o->notes, "After %lld more open fds, open/pipe/dup "
			  "fail with EMFILE (\"Too many open files\").\n",
			  soft - below);
}

static long long nofile_soft(const struct limits_req *q,
			     const struct proc_limit *lims, size_t n)
{
	struct rlimit rl;
	if (q->syscalls)
		return getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
			rl.rlim_cur != RLIM_INFINITY ? (long long)rl.rlim_cur : -1;
	for (size_t k = 0; k < n; k++)
		if (strcmp(lims[k].name, "Max open files") == 0)
			return lims[k].soft;
	return -1;
}

static int parse_args(struct proc_ctx *c, int argc, char **argv,
		      const char **target, struct limits_req *q)
{
	int i = 0;
	bool any = false;
	*target = NULL;
	if (argc > 0 && !find_resource(argv[0]))
		*target = argv[i++];
	for (; i < argc; i++) {
		const struct resource *r = find_resource(argv[i]);
		if (!r) {
			builtin_error(c->sh, "limits: %s: unknown resource",
				      argv[i]);
			return PROC_EXIT_USAGE;
		}
		q->want[r - resources] = any = true;
	}
	for (size_t k = 0; !any && k < NRES; k++)
		q->want[k] = true;
	return 0;
}

static void limits_of(struct proc_ctx *c, struct pv_out *o,
		      struct limits_req *q, pid_t target)
{
	struct proc_pid p = { -1, 0, &c->root };
	struct proc_limit *lims = NULL;
	size_t n = 0;
	q->syscalls = target == PROC_SELF &&
		(!c->root.fixture || c->root.error);
	q->pid = q->syscalls ? getpid() : target;
	if (!(q->syscalls && c->root.error)) {
		if (proc_open_target(c, &p, target) != 0)
			return;
		q->pid = p.pid;
	}
	int e = q->syscalls ? 0 : proc_read_limits(&p, &lims, &n);
	if (e) {
		pv_warn(o, "pid %ld: limits: %s", (long)q->pid, proc_reason(e));
		c->status = PROC_EXIT_UNAVAIL;
	} else {
		pv_section(o, "limits", false);
		limit_rows(c, o, q, lims, n);
		if (q->want[find_resource("nofile") - resources])
			nofile_section(c, o, q, &p, nofile_soft(q, lims, n));
	}
	free(lims);
	proc_pid_close(&p);
}

int proc_cmd_limits(struct proc_ctx *c, int argc, char **argv)
{
	struct limits_req q;
	struct proc_target t;
	struct pv_out o;
	const char *target;
	memset(&q, 0, sizeof q);
	int r = parse_args(c, argc, argv, &target, &q);
	if (r)
		return r;
	r = proc_target_resolve(c, target, &t);
	if (r)
		return r;
	c->multi = t.n > 1;
	pv_init(&o, "limits", c);
	bool unavailable = proc_unavailable(c);
	for (size_t i = 0; i < t.n; i++)
		if (!unavailable || t.pids[i] == PROC_SELF)
			limits_of(c, &o, &q, t.pids[i]);
		else
			proc_target_unavailable(c, t.pids[i]);
	proc_target_free(&t);
	pv_emit(&o);
	return 0;
}
