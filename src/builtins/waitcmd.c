/* waitcmd.c: the wait builtin (XCU 2.14 wait, 2.11; bash's wait -n) and times — children's statuses and CPU times. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <unistd.h>

#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/* A trapped signal interrupted the wait: 128+n, the trap runs at the next
   safe point, right after this builtin (XCU 2.11).  An interactive shell
   catches SIGINT for itself (Ctrl-C): 130 too. */
static int interrupted_status(struct shell *sh)
{
	for (int s = 1; s < JOBS_NSIG; s++)
		if (sig_pending[s] && (sh->traps[s] || s == SIGINT))
			return 128 + s;
	return 128;
}

/* Wait for every background job; 0 when all are done. */
static int wait_all(struct shell *sh)
{
	struct jobs *jt = sh->jobs;
	for (;;) {
		struct job *running = NULL;
		for (size_t i = 0; i < jt->list.len && !running; i++) {
			struct job *j = jt->list.items[i];
			if (j->async && job_state(j) == JOB_RUNNING &&
			    job_is_ours(jt, j))
				running = j;
		}
		if (!running)
			break;
		if (job_wait(jt, running, true) < 0)
			return interrupted_status(sh);
	}
	/* Their statuses have been waited for: forget the finished jobs. */
	for (size_t i = jt->list.len; i-- > 0;) {
		struct job *j = jt->list.items[i];
		if (j->async && job_state(j) == JOB_DONE)
			job_free(jt, j);
	}
	return 0;
}

/* One operand: a pid or a job spec.  127 when unknown (XCU wait). */
static int wait_one(struct shell *sh, const char *arg)
{
	struct jobs *jt = sh->jobs;
	struct job *j;
	pid_t pid = 0;
	if (arg[0] == '%') {
		const char *why;
		j = job_find(jt, arg, &why);
		if (!j) {
			builtin_error(sh, "%s: %s", arg, why);
			return 127;
		}
	} else {
		char *end;
		long n = strtol(arg, &end, 10);
		if (!*arg || *end || n <= 0 || n > INT_MAX) {
			builtin_error(sh, "%s: not a pid or valid job spec", arg);
			return 2;
		}
		pid = (pid_t)n;
		j = job_by_pid(jt, pid);
	}
	int raw;
	/* (a subshell inherits the table of reported statuses too: they
	   are its parent's) */
	if (!j && jt->gen == 0 && jobs_take_reported(jt, pid, &raw))
		return job_decode_status(raw);
	if (!j || !job_is_ours(jt, j))	/* a subshell waits for no job of its parent */
		return 127;
	if (job_wait(jt, j, true) < 0)
		return interrupted_status(sh);
	int status = pid ? job_decode_status(job_proc_of(j, pid)->status)
			 : job_status(j, sh->opt.pipefail);
	if (job_state(j) == JOB_DONE)
		job_free(jt, j);
	return status;
}

/* Is j one of the jobs named by the operands (all jobs when none)? */
static bool named(struct shell *sh, struct job *j, int argc, char **argv)
{
	if (argc == 0)
		return true;
	for (int k = 0; k < argc; k++) {
		const char *why;
		struct job *o = argv[k][0] == '%'
			? job_find(sh->jobs, argv[k], &why)
			: job_by_pid(sh->jobs, (pid_t)strtol(argv[k], NULL, 10));
		if (o == j)
			return true;
	}
	return false;
}

/*
 * wait -n [id...] (bash, zsh): wait until one of the background jobs (or
 * of those named) has finished, and return its status; a job that had
 * already finished but was not waited for counts at once.  127 when there
 * is no such job.
 */
static int wait_next(struct shell *sh, int argc, char **argv)
{
	struct jobs *jt = sh->jobs;
	for (;;) {
		bool running = false;
		for (size_t i = 0; i < jt->list.len; i++) {
			struct job *j = jt->list.items[i];
			if (!j->async || !job_is_ours(jt, j) ||
			    !named(sh, j, argc, argv))
				continue;
			if (job_state(j) == JOB_DONE) {
				int status = job_status(j, sh->opt.pipefail);
				job_free(jt, j);
				return status;
			}
			running |= job_state(j) == JOB_RUNNING;
		}
		if (!running)
			return 127;
		if (jobs_reap(jt, true) < 0) {
			if (errno != EINTR)
				return 127;
			if (sig_any_pending)
				return interrupted_status(sh);
		}
	}
}

int builtin_wait(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "n", seen);
	if (i < 0)
		return 2;
	if (seen['n'])
		return wait_next(sh, argc - i, argv + i);
	if (i >= argc)
		return wait_all(sh);
	int status = 0;
	for (; i < argc; i++) {
		status = wait_one(sh, argv[i]);
		if (status > 128 && sig_any_pending)
			break;
	}
	return status;
}

static void print_time(clock_t t, long hz, char end)
{
	long ms = (long)((double)t * 1000.0 / (double)hz);
	printf("%ldm%ld.%03lds%c", ms / 60000, (ms / 1000) % 60, ms % 1000, end);
}

/* times: user and system time of the shell, then of its children. */
int builtin_times(struct shell *sh, int argc, char **argv)
{
	int i = bopt_none(sh, argc, argv);
	if (i < 0)
		return 2;
	if (i < argc)
		return bopt_too_many(sh);
	struct tms t;
	long hz = sysconf(_SC_CLK_TCK);
	if (times(&t) == (clock_t)-1 || hz <= 0)
		return 1;
	print_time(t.tms_utime, hz, ' ');
	print_time(t.tms_stime, hz, '\n');
	print_time(t.tms_cutime, hz, ' ');
	print_time(t.tms_cstime, hz, '\n');
	return 0;
}
