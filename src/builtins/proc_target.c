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
#include "jobs/jobs.h"

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
 * The job table (src/jobs/jobs.h) is read directly, without calling into
 * libjobs.  Current and previous job: the table keeps no such marks yet, so
 * (as the shells do when nothing is stopped) the current job is the most
 * recent one — the most recent stopped job if there is one — and the
 * previous job the next most recent by the same rule.
 */
static struct jobs *job_table(struct proc_ctx *c)
{
	return c->sh ? c->sh->jobs : NULL;
}

static struct job *job_at(struct jobs *jt, size_t i)
{
	return jt->list.items[i];
}

/* Stopped: nothing running, something stopped (as job_state() says; read
   here from the records so this file needs no libjobs code). */
static bool job_stopped(const struct job *j)
{
	bool stopped = false;
	for (size_t i = 0; i < j->nprocs; i++) {
		if (j->procs[i].state == PROC_RUNNING)
			return false;
		stopped |= j->procs[i].state == PROC_STOPPED;
	}
	return stopped;
}

/* rank 0: current job, rank 1: previous job (NULL when none). */
static struct job *job_ranked(struct jobs *jt, int rank)
{
	struct job *best[2] = { NULL, NULL };
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = jt->list.len; i-- > 0;) {
			struct job *j = job_at(jt, i);
			bool stopped = job_stopped(j);
			if ((pass == 0) != stopped || j == best[0] ||
			    j == best[1])
				continue;
			if (!best[0])
				best[0] = j;
			else if (!best[1])
				best[1] = j;
		}
	}
	return best[rank];
}

/* The one job a spec names, or NULL (unknown, or ambiguous). */
static struct job *job_find(struct jobs *jt, const char *spec)
{
	const char *s = spec + 1;
	struct job *found = NULL;
	if (!jt || jt->list.len == 0)
		return NULL;
	if (!*s || strcmp(s, "%") == 0 || strcmp(s, "+") == 0)
		return job_ranked(jt, 0);
	if (strcmp(s, "-") == 0)
		return job_ranked(jt, 1);
	pid_t n;
	bool num = parse_pid(s, &n);
	for (size_t i = 0; i < jt->list.len; i++) {
		struct job *j = job_at(jt, i);
		const char *text = j->text ? j->text : "";
		bool hit = num ? j->id == (int)n :
			s[0] == '?' ? strstr(text, s + 1) != NULL :
			strncmp(text, s, strlen(s)) == 0;
		if (!hit)
			continue;
		if (found)
			return NULL;	/* ambiguous: %sl with two sleeps */
		found = j;
	}
	return found;
}

static int resolve_job(struct proc_ctx *c, const char *spec,
		       struct proc_target *t)
{
	struct job *j = job_find(job_table(c), spec);
	if (!j) {
		builtin_error(c->sh, "%s: no such job", spec);
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
