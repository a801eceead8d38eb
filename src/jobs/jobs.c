/* jobs.c: the job table — jobs, their processes, and what their statuses mean. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/alloc.h"
#include "jobs/jobs.h"

struct jobs *jobs_create(void)
{
	struct jobs *jt = xcalloc(1, sizeof *jt);
	vec_init(&jt->list);
	jt->trace_fd = -1;
	jt->tty_fd = -1;
	jt->shell_pgid = getpgrp();
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
}

void jobs_destroy(struct jobs *jt)
{
	if (!jt)
		return;
	jobs_forget_all(jt);
	vec_free(&jt->list);
	free(jt);
}

/* Numbers go up from the newest job, so creating a job costs O(1) even with
   thousands of finished background jobs still remembered. */
struct job *job_new(struct jobs *jt, bool async)
{
	struct job *j = xcalloc(1, sizeof *j);
	j->async = async;
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
