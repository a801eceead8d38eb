/* reap.c: the only waitpid caller — collecting child statuses into the job table. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <sys/wait.h>

#include "jobs/jobs.h"
#include "jobs/jobs_int.h"

/* Store one status in the process it belongs to.  A pid we never started
   (a child inherited across exec) is reaped and ignored. */
static void record(struct jobs *jt, pid_t pid, int raw)
{
	struct job *j = job_by_pid(jt, pid);
	if (!j)
		return;
	struct job_proc *p = job_proc_of(j, pid);
	if (WIFSTOPPED(raw))
		p->state = PROC_STOPPED;
	else if (WIFCONTINUED(raw))
		p->state = PROC_RUNNING;
	else
		p->state = PROC_DONE;
	if (!WIFCONTINUED(raw))
		p->status = raw;
	j->notified = false;
}

/* "waitpid(-1) = 1240 exited 0" (calls that found nothing are not shown);
   asked: the pid asked for, -1 for any child. */
static void trace_wait(const struct jobs *jt, pid_t asked, pid_t pid,
		       int raw)
{
	struct tline t;
	tl_begin(&t);
	tl_str(&t, "waitpid(");
	tl_num(&t, asked);
	tl_str(&t, ") = ");
	tl_num(&t, pid);
	tl_str(&t, " ");
	tl_status(&t, raw);
	tl_end(jt, &t);
}

/*
 * set -o noreap: a finished background child is left a zombie (state Z
 * in `proc ps`) until `wait` or `jobs` collects it, so the course's
 * zombie is one command away.  waitpid(-1) would take it with the others,
 * so children are waited for one pid at a time: those of foreground jobs
 * at every safe point, a job's own when someone waits for that job.
 * (A child the table does not know stays unreaped until jobs_reap_all.)
 */
static int reap_pid(struct jobs *jt, pid_t pid, bool block)
{
	int raw;
	int flags = jt->monitor ? WUNTRACED | WCONTINUED : 0;
	pid_t r = waitpid(pid, &raw, flags | (block ? 0 : WNOHANG));
	if (r <= 0)
		return r;
	if (TRACING(jt))
		trace_wait(jt, pid, r, raw);
	record(jt, r, raw);
	return 1;
}

static int reap_unheld(struct jobs *jt)
{
	int n = 0;
	sig_chld_seen = 0;
	for (size_t i = 0; i < jt->list.len; i++) {
		struct job *j = jt->list.items[i];
		for (size_t k = 0; !j->async && k < j->nprocs; k++)
			if (j->procs[k].state != PROC_DONE &&
			    reap_pid(jt, j->procs[k].pid, false) > 0)
				n++;
	}
	return n;
}

/* Wait (blocking) for the first unfinished process of j. */
static int reap_job(struct jobs *jt, struct job *j)
{
	for (size_t k = 0; k < j->nprocs; k++)
		if (j->procs[k].state == PROC_RUNNING)
			return reap_pid(jt, j->procs[k].pid, true);
	return 0;
}

/*
 * waitpid(-1): any child, so one call drains statuses of background jobs
 * too; none is lost even when 500 children exit at once, because we loop
 * until the kernel has nothing more (WNOHANG returns 0).  Stopped (and
 * continued) children are reported only under job control.
 */
int jobs_reap(struct jobs *jt, bool block)
{
	if (jt->noreap && !block)
		return reap_unheld(jt);
	int n = 0;
	int flags = jt->monitor ? WUNTRACED | WCONTINUED : 0;
	sig_chld_seen = 0;
	for (;;) {
		int raw;
		pid_t pid = waitpid(-1, &raw,
				    flags | (block && n == 0 ? 0 : WNOHANG));
		if (pid == 0)
			return n;
		if (pid < 0)
			return n > 0 ? n : -1;
		if (TRACING(jt))
			trace_wait(jt, -1, pid, raw);
		record(jt, pid, raw);
		n++;
	}
}

void jobs_reap_all(struct jobs *jt)
{
	bool held = jt->noreap;
	jt->noreap = false;
	while (jobs_reap(jt, false) > 0)
		;
	jt->noreap = held;
}

/* Give up on processes the kernel says are not our children (ECHILD): a
   process reaped behind our back must not hang the shell. */
static void mark_lost(struct job *j)
{
	for (size_t k = 0; k < j->nprocs; k++)
		if (j->procs[k].state == PROC_RUNNING) {
			j->procs[k].state = PROC_DONE;
			j->procs[k].status = 127 << 8;
		}
}

int job_wait(struct jobs *jt, struct job *j, bool interruptible)
{
	while (job_state(j) == JOB_RUNNING) {
		if (interruptible && sig_any_pending)
			return -1;
		int r = jt->noreap ? reap_job(jt, j) : jobs_reap(jt, true);
		if (r < 0 && errno == ECHILD)
			mark_lost(j);
	}
	return 0;
}
