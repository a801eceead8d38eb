/* proc_target.c: what a proc TARGET names — a pid, self, or every process of a job — and opening it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/signames.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

const char *proc_gone_reason(const struct proc_stat *st)
{
	if (st->state == 'Z' || st->state == 'X')
		return "a zombie: its memory and files were released at exit";
	if (st->flags & PROC_PF_KTHREAD)
		return "a kernel thread: no user memory or files";
	return NULL;
}

void proc_exit_words(int status, char buf[64])
{
	char name[16];
	if (WIFSIGNALED(status)) {
		const char *n = sig_name(WTERMSIG(status), name);
		snprintf(buf, 64, "killed by SIG%s%s", n ? n : "?",
			 WCOREDUMP(status) ? " (core dumped)" : "");
	} else {
		snprintf(buf, 64, "exited %d", WEXITSTATUS(status));
	}
}

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

const char *proc_job_column(struct proc_ctx *c, pid_t pid, char buf[32])
{
	if (pid == c->shell)
		return "shell";
	if (pid == c->self)
		return "subshell";
	return proc_job_label(c, pid, buf);
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

/*
 * Job specs (XCU 3.204 "Job Control Job ID"): %% and %+ the current job,
 * %- the previous one, %N job N, %name a job whose command begins with
 * name, %?text one whose command contains text.  Every process of the job
 * (each pipeline member) becomes part of the target.
 *
 * The spec is resolved by the job layer (job_find, job_current and
 * job_previous in src/jobs/jobs.h), so `proc ps %+` and `fg %+` always
 * agree on which job is meant.
 */
static struct jobs *job_table(struct proc_ctx *c)
{
	return c->sh ? c->sh->jobs : NULL;
}

static struct job *job_at(struct jobs *jt, size_t i)
{
	return jt->list.items[i];
}

/* rank 0: current job (%+), rank 1: previous job (%-), as jobs shows them. */
static struct job *job_ranked(struct jobs *jt, int rank)
{
	return rank == 0 ? job_current(jt) : job_previous(jt);
}

static int resolve_job(struct proc_ctx *c, const char *spec,
		       struct proc_target *t)
{
	struct jobs *jt = job_table(c);
	const char *why = "no such job";
	struct job *j = jt ? job_find(jt, spec, &why) : NULL;
	if (!j) {
		builtin_error(c->sh, "%s: %s", spec, why);
		return PROC_EXIT_NOPROC;
	}
	for (size_t i = 0; i < j->nprocs; i++)
		if (j->procs[i].state != PROC_DONE)
			target_add(t, j->procs[i].pid);
	if (t->n == 0) {
		builtin_error(c->sh, "%s: the job has finished", spec);
		return PROC_EXIT_NOPROC;
	}
	return 0;
}

const char *proc_job_label(struct proc_ctx *c, pid_t pid, char buf[32])
{
	struct jobs *jt = job_table(c);
	if (!jt || pid <= 0)
		return NULL;
	for (size_t i = jt->list.len; i-- > 0;) {
		struct job *j = job_at(jt, i);
		for (size_t k = 0; k < j->nprocs; k++) {
			if (j->procs[k].pid != pid)
				continue;
			snprintf(buf, 32, "%%%d%s", j->id,
				 j == job_ranked(jt, 0) ? "+" :
				 j == job_ranked(jt, 1) ? "-" : "");
			return buf;
		}
	}
	return NULL;
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
	/* The shell's own pid is "self": system calls can answer for it.
	   Under a /proc of another PID namespace, getpid() and $$ are
	   numbers of our namespace: they mean this process and the shell. */
	if (c->foreign_ns && pid == getpid())
		pid = c->self;
	else if (c->foreign_ns && c->sh && pid == c->sh->pid)
		pid = c->shell;
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

void proc_target_unavailable(struct proc_ctx *c, pid_t pid)
{
	builtin_error(c->sh, "pid %ld: unavailable without /proc",
		      (long)pid);
	note_status(c, PROC_EXIT_UNAVAIL);
}

int proc_open_target(struct proc_ctx *c, struct proc_pid *p, pid_t pid)
{
	int e = proc_pid_open(p, &c->root, pid);
	long shown = (long)proc_real_pid(c, pid);
	if (!e)
		return 0;
	if (c->root.error) {
		if (pid == PROC_SELF)
			note_status(c, PROC_EXIT_UNAVAIL);
		else
			proc_target_unavailable(c, pid);
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
