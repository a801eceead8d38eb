/* jobs.c: the job table — jobs, their processes, and what their statuses mean. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "jobs/jobs.h"

struct jobs *jobs_create(void)
{
	struct jobs *jt = xcalloc(1, sizeof *jt);
	vec_init(&jt->list);
	jt->trace_fd = -1;
	jt->tty_fd = -1;
	jt->wake_rd = -1;
	jt->ra.fd = -1;
	/* The private fds the table keeps move if a redirection takes their
	   numbers (fdutil.h); jt lives as long as the shell. */
	fd_own(&jt->trace_fd);
	fd_own(&jt->tty_fd);
	fd_own(&jt->wake_rd);
	/* shell_pgid is set when job control takes the terminal (tty.c),
	   the only time it is used: no getpgrp at every start. */
	return jt;
}

static void job_destroy(struct job *j)
{
	free(j->procs);
	free(j->text);
	free(j);
}

void jobs_forget_all(struct jobs *jt)
{
	for (size_t i = 0; i < jt->list.len; i++)
		job_destroy(jt->list.items[i]);
	jt->list.len = 0;
	if (jt->reported_any) {
		memset(jt->reported, 0, sizeof jt->reported);
		jt->reported_any = false;
	}
}

void job_forget_reported(struct jobs *jt, struct job *j)
{
	for (size_t k = 0; j->async && k < j->nprocs; k++) {
		struct job_reported *r = &jt->reported[jt->reported_next];
		r->pid = j->procs[k].pid;
		r->status = j->procs[k].status;
		jt->reported_next = (jt->reported_next + 1) % JOBS_REPORTED;
		jt->reported_any = true;
	}
	job_free(jt, j);
}

bool jobs_take_reported(struct jobs *jt, pid_t pid, int *raw)
{
	for (size_t i = 0; pid > 0 && i < JOBS_REPORTED; i++)
		if (jt->reported[i].pid == pid) {
			*raw = jt->reported[i].status;
			jt->reported[i].pid = 0;
			return true;
		}
	return false;
}

void jobs_destroy(struct jobs *jt)
{
	if (!jt)
		return;
	jobs_forget_all(jt);
	sig_wake_close(jt);
	fd_disown(&jt->trace_fd);
	fd_disown(&jt->tty_fd);
	fd_disown(&jt->wake_rd);
	vec_free(&jt->list);
	free(jt->ra.buf);
	free(jt);
}

bool job_is_ours(const struct jobs *jt, const struct job *j)
{
	return j->gen == jt->gen;
}

/* Numbers go up from the newest job, so creating a job costs O(1) even with
   thousands of finished background jobs still remembered. */
struct job *job_new(struct jobs *jt, bool async)
{
	struct job *j = xcalloc(1, sizeof *j);
	j->async = async;
	j->gen = jt->gen;
	if (jt->list.len == 0)
		j->id = 1;
	else
		j->id = ((struct job *)jt->list.items[jt->list.len - 1])->id + 1;
	vec_push(&jt->list, j);
	return j;
}

void job_free(struct jobs *jt, struct job *j)
{
	for (size_t i = jt->list.len; i-- > 0;)
		if (jt->list.items[i] == j) {
			memmove(&jt->list.items[i], &jt->list.items[i + 1],
				(jt->list.len - i - 1) * sizeof(void *));
			jt->list.len--;
			break;
		}
	job_destroy(j);
}

struct job *job_by_id(const struct jobs *jt, int id)
{
	for (size_t i = 0; i < jt->list.len; i++) {
		struct job *j = jt->list.items[i];
		if (j->id == id)
			return j;
	}
	return NULL;
}

struct job_proc *job_proc_of(struct job *j, pid_t pid)
{
	for (size_t k = 0; k < j->nprocs; k++)
		if (j->procs[k].pid == pid)
			return &j->procs[k];
	return NULL;
}

struct job *job_by_pid(const struct jobs *jt, pid_t pid)
{
	for (size_t i = jt->list.len; i-- > 0;) {
		struct job *j = jt->list.items[i];
		if (job_proc_of(j, pid))
			return j;
	}
	return NULL;
}

enum job_state job_state(const struct job *j)
{
	bool stopped = false;
	for (size_t k = 0; k < j->nprocs; k++) {
		if (j->procs[k].state == PROC_RUNNING)
			return JOB_RUNNING;
		if (j->procs[k].state == PROC_STOPPED)
			stopped = true;
	}
	return stopped ? JOB_STOPPED : JOB_DONE;
}

int job_decode_status(int raw)
{
	if (WIFEXITED(raw))
		return WEXITSTATUS(raw);
	if (WIFSIGNALED(raw))
		return 128 + WTERMSIG(raw);
	if (WIFSTOPPED(raw))
		return 128 + WSTOPSIG(raw);
	return 1;
}

int job_status(const struct job *j, bool pipefail)
{
	if (j->nprocs == 0)
		return 0;
	if (pipefail)
		for (size_t k = j->nprocs; k-- > 0;) {
			int st = job_decode_status(j->procs[k].status);
			if (st != 0)
				return st;
		}
	return job_decode_status(j->procs[j->nprocs - 1].status);
}

void job_set_text(struct job *j, char *text)
{
	free(j->text);
	j->text = text;
}

void job_touch(struct jobs *jt, struct job *j)
{
	j->seq = ++jt->seq;
}

bool jobs_any_stopped(const struct jobs *jt)
{
	for (size_t i = 0; i < jt->list.len; i++)
		if (job_state(jt->list.items[i]) == JOB_STOPPED)
			return true;
	return false;
}

/*
 * Current and previous job.  A job the user can name has been started in
 * the background or stopped (seq > 0); the transient records of
 * foreground commands and command substitutions never are.  Stopped jobs
 * come first — `fg` with no operand resumes what Ctrl-Z just stopped even
 * when background jobs were started later — then recency.
 */
static bool ranks_above(const struct job *a, const struct job *b)
{
	bool sa = job_state(a) == JOB_STOPPED, sb = job_state(b) == JOB_STOPPED;
	if (sa != sb)
		return sa;
	return a->seq > b->seq;
}

static struct job *best_except(const struct jobs *jt, const struct job *skip)
{
	struct job *best = NULL;
	for (size_t i = 0; i < jt->list.len; i++) {
		struct job *j = jt->list.items[i];
		if (j == skip || j->seq == 0 || j->nprocs == 0)
			continue;
		if (!best || ranks_above(j, best))
			best = j;
	}
	return best;
}

struct job *job_current(const struct jobs *jt)
{
	return best_except(jt, NULL);
}

struct job *job_previous(const struct jobs *jt)
{
	struct job *cur = job_current(jt);
	return cur ? best_except(jt, cur) : NULL;
}

/* %string: the command begins with it; %?string: contains it. */
static struct job *job_by_text(const struct jobs *jt, const char *s,
			       bool anywhere, const char **why)
{
	struct job *found = NULL;
	size_t n = strlen(s);
	for (size_t i = 0; i < jt->list.len; i++) {
		struct job *j = jt->list.items[i];
		if (j->seq == 0 || !j->text)
			continue;
		bool hit = anywhere ? strstr(j->text, s) != NULL
				    : strncmp(j->text, s, n) == 0;
		if (!hit)
			continue;
		if (found) {
			*why = "ambiguous job spec";
			return NULL;
		}
		found = j;
	}
	if (!found)
		*why = "no such job";
	return found;
}

static struct job *job_by_number(const struct jobs *jt, const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);
	if (*end || n <= 0 || n > 1000000000L)
		return NULL;
	struct job *j = job_by_id(jt, (int)n);
	return j && j->seq && j->nprocs ? j : NULL;
}

struct job *job_find(const struct jobs *jt, const char *spec,
		     const char **why)
{
	struct job *j;
	*why = "no such job";
	if (spec[0] != '%')
		return NULL;
	const char *s = spec + 1;
	if (!*s || !strcmp(s, "%") || !strcmp(s, "+"))
		j = job_current(jt);
	else if (!strcmp(s, "-"))
		j = job_previous(jt);
	else if (*s >= '0' && *s <= '9')
		j = job_by_number(jt, s);
	else if (*s == '?')
		return job_by_text(jt, s + 1, true, why);
	else
		return job_by_text(jt, s, false, why);
	return j;
}
