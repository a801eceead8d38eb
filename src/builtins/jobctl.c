/* jobctl.c: the job-control builtins jobs, fg, bg and disown (XCU 2.14 / jobs, fg, bg; disown as in bash). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * These are thin: the job layer (src/jobs/) owns the table, the terminal
 * and the signals; a builtin only picks the jobs its operands name
 * (job_find: %n %+ %% %- %string %?string), asks the layer to move them,
 * and reports.  The default job is the current one, "+" in `jobs`.
 */
#include <stdio.h>

#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/* The job an operand names (NULL operand: the current job); reported. */
static struct job *pick(struct shell *sh, const char *spec)
{
	const char *why = "no current job";
	struct job *j;
	if (!spec) {
		j = job_current(sh->jobs);
	} else {
		j = job_find(sh->jobs, spec, &why);
		if (!j && spec[0] != '%') {
			/* bash accepts a bare number or name too. */
			char buf[64];
			snprintf(buf, sizeof buf, "%%%s", spec);
			j = job_find(sh->jobs, buf, &why);
		}
	}
	if (!j && spec)
		builtin_error(sh, "%s: %s", spec, why);
	else if (!j)
		builtin_error(sh, "%s", why);
	return j;
}

/* ------------------------------------------------------------------ jobs */

/* Listing a job counts as telling the user: a finished job is then
   forgotten (XCU jobs), a stop is not announced again. */
static void show(struct shell *sh, struct job *j, int how)
{
	job_print(sh->jobs, j, how, stdout);
	if (how & JOB_PRINT_PGID)
		return;
	j->notified = true;
	if (job_state(j) == JOB_DONE)
		job_free(sh->jobs, j);
}

int builtin_jobs(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "lp", seen);
	if (i < 0)
		return 2;
	int how = seen['p'] ? JOB_PRINT_PGID : seen['l'] ? JOB_PRINT_LONG : 0;
	struct jobs *jt = sh->jobs;
	jobs_reap_all(jt);	/* even under set -o noreap: jobs collects */
	(void)jobs_changes_pending(jt);	/* show states as they are */
	if (i < argc) {
		int status = 0;
		for (; i < argc; i++) {
			struct job *j = pick(sh, argv[i]);
			if (j)
				show(sh, j, how);
			else
				status = 1;
		}
		return status;
	}
	for (size_t k = 0; k < jt->list.len;) {
		struct job *j = jt->list.items[k];
		size_t before = jt->list.len;
		if (j->seq && j->nprocs)
			show(sh, j, how);
		if (jt->list.len == before)
			k++;
	}
	return 0;
}

/* ---------------------------------------------------------------- fg, bg */

static bool have_job_control(struct shell *sh)
{
	if (sh->jobs->monitor)
		return true;
	builtin_error(sh, "no job control");
	return false;
}

/*
 * What fg and bg share before they touch a job: no options, and job control
 * on.  Returns the index of the first operand, or -status (-2 usage, -1 no
 * job control).
 */
static int fg_bg_start(struct shell *sh, int argc, char **argv)
{
	int i = bopt_none(sh, argc, argv);
	if (i < 0)
		return -2;
	if (!have_job_control(sh))
		return -1;
	return i;
}

/*
 * fg: the job gets the terminal (with the modes it had when it stopped)
 * and SIGCONT, and the shell waits for it as for any foreground command.
 * Its status is fg's status.
 */
int builtin_fg(struct shell *sh, int argc, char **argv)
{
	int i = fg_bg_start(sh, argc, argv);
	if (i < 0)
		return -i;
	struct job *j = pick(sh, i < argc ? argv[i] : NULL);
	if (!j)
		return 1;
	if (job_state(j) == JOB_DONE) {
		builtin_error(sh, "%%%d: job has terminated", j->id);
		return 1;
	}
	printf("%s\n", j->text ? j->text : "");
	fflush(stdout);
	j->async = false;
	job_continue(sh->jobs, j, true);
	job_wait_fg(sh->jobs, j);
	int status = job_status(j, sh->opt.pipefail);
	if (job_state(j) == JOB_DONE)
		job_free(sh->jobs, j);
	return status;
}

/* bg: SIGCONT without the terminal; "[1]+ sleep 100 &" for each job. */
int builtin_bg(struct shell *sh, int argc, char **argv)
{
	int i = fg_bg_start(sh, argc, argv);
	if (i < 0)
		return -i;
	int status = 0;
	do {
		struct job *j = pick(sh, i < argc ? argv[i] : NULL);
		if (!j) {
			status = 1;
			continue;
		}
		if (job_state(j) == JOB_DONE) {
			builtin_error(sh, "%%%d: job has terminated", j->id);
			status = 1;
			continue;
		}
		/* A job already running in the background: nothing to do,
		   and no error (as dash and yash). */
		if (job_state(j) != JOB_RUNNING)
			job_continue(sh->jobs, j, false);
		printf("[%d]+ %s &\n", j->id, j->text ? j->text : "");
	} while (++i < argc);
	fflush(stdout);
	return status;
}

/* ---------------------------------------------------------------- disown */

/* One job: -h keeps it but spares it the hangup; otherwise forget it. */
static void disown_one(struct shell *sh, struct job *j, const bool *seen)
{
	if (seen['r'] && job_state(j) != JOB_RUNNING)
		return;
	if (seen['h'])
		j->nohup = true;
	else
		job_free(sh->jobs, j);
}

/*
 * disown [-ahr] [job...]: the shell forgets the job — no notice, no
 * SIGHUP when the shell hangs up, `wait` no longer knows it.  The
 * processes go on; when they end, the reaper collects them silently.
 */
int builtin_disown(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "ahr", seen);
	if (i < 0)
		return 2;
	struct jobs *jt = sh->jobs;
	if (seen['a'] || (seen['r'] && i >= argc)) {
		for (size_t k = jt->list.len; k-- > 0;) {
			struct job *j = jt->list.items[k];
			if (j->seq && j->nprocs)
				disown_one(sh, j, seen);
		}
		return 0;
	}
	int status = 0;
	do {
		struct job *j = pick(sh, i < argc ? argv[i] : NULL);
		if (j)
			disown_one(sh, j, seen);
		else
			status = 1;
	} while (++i < argc);
	return status;
}
