/* proc_target.c: what a proc TARGET names — a pid, self, or every process of a job — and opening it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "exec/shell.h"

pid_t proc_real_pid(const struct proc_ctx *c, pid_t pid)
{
	return pid == PROC_SELF ? c->self : pid;
}

static void target_add(struct proc_target *t, pid_t pid)
{
	t->pids = xreallocarray(t->pids, t->n + 1, sizeof *t->pids);
	t->pids[t->n++] = pid;
}

void proc_target_free(struct proc_target *t)
{
	free(t->pids);
	free(t->job);
	t->pids = NULL;
	t->job = NULL;
	t->n = 0;
}

/*
 * Job specs (XCU 3.204 "Job Control Job ID"): %% and %+ the current job,
 * %- the previous one, %N job N, %name a job whose command begins with
 * name, %?text one whose command contains text.  Every process of the job
 * (each pipeline member) becomes part of the target.
 *
 * The job table (src/jobs/jobs.h) is the one source of truth; until it is
 * linked into this file, a job spec is reported as unknown.
 */
static int resolve_job(struct proc_ctx *c, const char *spec,
		       struct proc_target *t)
{
	(void)t;
	builtin_error(c->sh, "%s: no such job", spec);
	return PROC_EXIT_NOPROC;
}

const char *proc_job_label(struct proc_ctx *c, pid_t pid, char buf[32])
{
	(void)c;
	(void)pid;
	(void)buf;
	return NULL;
}

static bool parse_pid(const char *s, pid_t *pid)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v <= 0 || v > 0x7fffffffL)
		return false;
	*pid = (pid_t)v;
	return true;
}

int proc_target_resolve(struct proc_ctx *c, const char *arg,
			struct proc_target *t)
{
	memset(t, 0, sizeof *t);
	pid_t pid;
	if (!arg || strcmp(arg, "self") == 0 || strcmp(arg, "$$") == 0) {
		target_add(t, PROC_SELF);
		return 0;
	}
	if (arg[0] == '%') {
		t->job = xstrdup(arg);
		return resolve_job(c, arg, t);
	}
	if (!parse_pid(arg, &pid)) {
		builtin_error(c->sh, "%s: not a pid, job or self", arg);
		return PROC_EXIT_USAGE;
	}
	/* The shell's own pid is "self": system calls can answer for it. */
	target_add(t, pid == c->self ? PROC_SELF : pid);
	return 0;
}

bool proc_unavailable(struct proc_ctx *c)
{
	if (!c->root.error)
		return false;
	if (c->status < PROC_EXIT_UNAVAIL) {
		if (c->root.error == ENOTSUP)
			builtin_error(c->sh, "%s is not mounted (not procfs); "
				      "only the shell's own state is available",
				      c->root.path);
		else
			builtin_error(c->sh, "%s: %s; only the shell's own "
				      "state is available", c->root.path,
				      strerror(c->root.error));
	}
	c->status = PROC_EXIT_UNAVAIL;
	return true;
}

/* Record a status without lowering a worse one (3 > 1 > 0). */
static void note_status(struct proc_ctx *c, int st)
{
	if (st > c->status)
		c->status = st;
}

int proc_open_target(struct proc_ctx *c, struct proc_pid *p, pid_t pid)
{
	int e = proc_pid_open(p, &c->root, pid);
	long shown = (long)proc_real_pid(c, pid);
	if (!e)
		return 0;
	if (c->root.error) {
		note_status(c, PROC_EXIT_UNAVAIL);
	} else if (e == EPERM) {
		/* hidepid=invisible: the directory is missing for us, but
		   kill(pid, 0) proved the process exists. */
		builtin_error(c->sh, "pid %ld exists but is hidden "
			      "(/proc mounted with hidepid)", shown);
		note_status(c, PROC_EXIT_NOPROC);
	} else if (e == ENOENT || e == ESRCH) {
		builtin_error(c->sh, "pid %ld: no such process", shown);
		note_status(c, PROC_EXIT_NOPROC);
	} else {
		builtin_error(c->sh, "pid %ld: %s", shown, proc_reason(e));
		note_status(c, PROC_EXIT_UNAVAIL);
	}
	return e;
}
