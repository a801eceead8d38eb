/* notify.c: how jobs are shown — the jobs listing and the notices ([1]+  Done  cmd) of state changes. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "base/signames.h"
#include "jobs/jobs.h"

/* The status that speaks for a finished job: its last process's. */
static int final_status(const struct job *j)
{
	return j->nprocs ? j->procs[j->nprocs - 1].status : 0;
}

static const char *stopped_text(const struct job *j, char buf[64])
{
	for (size_t k = 0; k < j->nprocs; k++) {
		int st = j->procs[k].status;
		if (j->procs[k].state != PROC_STOPPED || !WIFSTOPPED(st))
			continue;
		if (WSTOPSIG(st) == SIGTSTP)
			return "Stopped";
		char nb[16];
		const char *name = sig_name(WSTOPSIG(st), nb);
		snprintf(buf, 64, "Stopped(SIG%s)", name ? name : "?");
		return buf;
	}
	return "Stopped";
}

const char *job_state_text(const struct job *j, char buf[64])
{
	switch (job_state(j)) {
	case JOB_RUNNING:
		return "Running";
	case JOB_STOPPED:
		return stopped_text(j, buf);
	default:
		break;
	}
	int st = final_status(j);
	if (WIFSIGNALED(st)) {
		const char *d = sig_describe(WTERMSIG(st));
		snprintf(buf, 64, "%s%s", d ? d : "Killed",
#ifdef WCOREDUMP
			 WCOREDUMP(st) ? " (core dumped)" :
#endif
			 "");
		return buf;
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) != 0) {
		snprintf(buf, 64, "Done(%d)", WEXITSTATUS(st));
		return buf;
	}
	return "Done";
}

static char job_mark(const struct jobs *jt, const struct job *j)
{
	if (j == job_current(jt))
		return '+';
	if (j == job_previous(jt))
		return '-';
	return ' ';
}

/* jobs -l: the first process on the job's line, the others below it. */
static void print_long(const struct jobs *jt, const struct job *j,
		       const char *state, FILE *out)
{
	fprintf(out, "[%d]%c %5ld %-24s%s%s\n", j->id, job_mark(jt, j),
		(long)(j->nprocs ? j->procs[0].pid : 0), state,
		j->text ? j->text : "",
		job_state(j) == JOB_RUNNING ? " &" : "");
	for (size_t k = 1; k < j->nprocs; k++)
		fprintf(out, "     %5ld\n", (long)j->procs[k].pid);
}

void job_print(const struct jobs *jt, const struct job *j, int how, FILE *out)
{
	char buf[64];
	if (how & JOB_PRINT_PGID) {
		pid_t p = j->pgid ? j->pgid : j->nprocs ? j->procs[0].pid : 0;
		fprintf(out, "%ld\n", (long)p);
		return;
	}
	const char *state = job_state_text(j, buf);
	if (how & JOB_PRINT_LONG) {
		print_long(jt, j, state, out);
		return;
	}
	fprintf(out, "[%d]%c  %-24s%s%s\n", j->id, job_mark(jt, j), state,
		j->text ? j->text : "",
		job_state(j) == JOB_RUNNING ? " &" : "");
}

/* A change nobody was told about: stopped, or done (background). */
static bool unreported(const struct job *j)
{
	return !j->notified && j->nprocs && j->seq &&
	       job_state(j) != JOB_RUNNING;
}

bool jobs_changes_pending(struct jobs *jt)
{
	if (jt->list.len)
		while (jobs_reap(jt, false) > 0)
			;
	for (size_t i = 0; i < jt->list.len; i++)
		if (unreported(jt->list.items[i]))
			return true;
	return false;
}

void jobs_notify(struct jobs *jt)
{
	if (!jobs_changes_pending(jt))
		return;
	for (size_t i = 0; i < jt->list.len;) {
		struct job *j = jt->list.items[i];
		if (!unreported(j)) {
			i++;
			continue;
		}
		job_print(jt, j, JOB_PRINT_CHANGED, stderr);
		j->notified = true;
		if (job_state(j) == JOB_DONE)
			job_forget_reported(jt, j);
		else
			i++;
	}
	fflush(stderr);
}

void jobs_before_prompt(struct jobs *jt)
{
	if (jt->exit_warned > 0)
		jt->exit_warned--;
	jobs_notify(jt);
}
