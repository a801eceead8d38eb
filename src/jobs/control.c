/* control.c: moving jobs between foreground, background and stopped — fg/bg's engine, the foreground wait, hangup. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <termios.h>

#include "base/signames.h"
#include "jobs/jobs.h"
#include "jobs/jobs_int.h"

int job_signal(struct jobs *jt, struct job *j, int signo)
{
	/* Under job control the job is a process group: one kill(-pgid)
	   reaches every process of the pipeline at once. */
	if (j->pgid)
		return job_kill(jt, -j->pgid, signo);
	int r = 0;
	for (size_t k = 0; k < j->nprocs; k++)
		if (j->procs[k].state != PROC_DONE &&
		    job_kill(jt, j->procs[k].pid, signo) < 0)
			r = -1;
	return r;
}

int job_continue(struct jobs *jt, struct job *j, bool foreground)
{
	if (foreground)
		job_give_terminal(jt, j);
	int r = job_signal(jt, j, SIGCONT);
	/* The kernel will report WIFCONTINUED too; do not wait for it. */
	for (size_t k = 0; k < j->nprocs; k++)
		if (j->procs[k].state == PROC_STOPPED)
			j->procs[k].state = PROC_RUNNING;
	j->notified = true;
	if (!foreground) {
		j->async = true;
		job_touch(jt, j);
	}
	return r;
}

void job_started_bg(struct jobs *jt, struct job *j)
{
	job_touch(jt, j);
	j->notified = true;
	if (jt->interactive && j->nprocs) {
		fprintf(stderr, "[%d] %ld\n", j->id,
			(long)j->procs[j->nprocs - 1].pid);
		fflush(stderr);
	}
}

/*
 * XCU 2.11 leaves it to us, and every interactive shell does it: say why a
 * foreground command died, unless it was Ctrl-C (the user knows) or
 * SIGPIPE (a normal end for the writer of a pipeline).  Ctrl-C gets a
 * newline, so the prompt does not start after the echoed ^C.
 */
static void report_death(const struct job *j)
{
	int sig = 0;
	int raw = 0;
	for (size_t k = 0; k < j->nprocs; k++) {
		int st = j->procs[k].status;
		if (WIFSIGNALED(st) && WTERMSIG(st) != SIGPIPE &&
		    (sig == 0 || sig == SIGINT)) {
			sig = WTERMSIG(st);
			raw = st;
		}
	}
	if (sig == SIGINT) {
		fputc('\n', stderr);
	} else if (sig) {
		const char *d = sig_describe(sig);
		fputs(d ? d : "Killed", stderr);
#ifdef WCOREDUMP
		if (WCOREDUMP(raw))
			fputs(" (core dumped)", stderr);
#endif
		fputc('\n', stderr);
	}
	fflush(stderr);
}

void job_wait_fg(struct jobs *jt, struct job *j)
{
	job_wait(jt, j, false);
	job_reclaim_terminal(jt, j);
	if (job_state(j) == JOB_STOPPED) {
		/* Ctrl-Z: the job becomes current, and the user at the
		   prompt is told now, once (XCU 2.11: "the shell shall write
		   a message").  A script with set -m only sees it in `jobs`,
		   as in bash, dash and yash. */
		job_touch(jt, j);
		if (!jt->interactive)
			return;
		if (jt->tty_fd >= 0)	/* after the ^Z the terminal echoed */
			fputc('\n', stderr);
		job_print(jt, j, JOB_PRINT_CHANGED, stderr);
		j->notified = true;
		fflush(stderr);
	} else if (jt->interactive) {
		report_death(j);
	}
}

void jobs_hangup(struct jobs *jt)
{
	/* The shell is going away: if the terminal is still there, leave
	   it in the shell's (cooked) modes, not a line editor's raw ones. */
	if (jt->tty_fd >= 0 && jt->shell_tmodes_saved)
		tty_set_modes(jt, &jt->shell_tmodes);
	for (size_t i = 0; i < jt->list.len; i++) {
		struct job *j = jt->list.items[i];
		if (job_state(j) == JOB_DONE || j->nohup)
			continue;
		job_signal(jt, j, SIGHUP);
		if (job_state(j) == JOB_STOPPED)
			job_signal(jt, j, SIGCONT);
	}
}

bool jobs_exit_refused(struct jobs *jt)
{
	if (!jt->interactive || !jobs_any_stopped(jt))
		return false;
	if (jt->exit_warned > 0) {
		/* Second try: leave, but take the stopped jobs along — a
		   stopped job in an orphaned group would wait forever. */
		for (size_t i = 0; i < jt->list.len; i++) {
			struct job *j = jt->list.items[i];
			if (job_state(j) == JOB_STOPPED) {
				job_signal(jt, j, SIGHUP);
				job_signal(jt, j, SIGCONT);
			}
		}
		return false;
	}
	fputs("There are stopped jobs.\n", stderr);
	fflush(stderr);
	jt->exit_warned = 2;
	return true;
}
