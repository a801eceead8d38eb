/* test_jobs.c: unit tests of the job table — numbering, current/previous job, job specs, state words, statuses, trace lines, real children. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/alloc.h"
#include "jobs/jobs.h"

/* A job with one fake process in the given state (no real child). */
static struct job *fake(struct jobs *jt, const char *text, enum proc_state st,
			int raw)
{
	struct job *j = job_new(jt, true);
	j->procs = xcalloc(1, sizeof *j->procs);
	j->cap = j->nprocs = 1;
	j->procs[0].pid = 100000 + j->id;
	j->procs[0].state = st;
	j->procs[0].status = raw;
	job_set_text(j, xstrdup(text));
	job_touch(jt, j);
	return j;
}

/* Raw wait statuses, built as the kernel encodes them (Linux layout). */
#define EXITED(n) ((n) << 8)
#define KILLED(s) (s)
#define STOPPED(s) (((s) << 8) | 0x7f)

START_TEST(test_numbering)
{
	struct jobs *jt = jobs_create();
	struct job *a = job_new(jt, true), *b = job_new(jt, true);
	ck_assert_int_eq(a->id, 1);
	ck_assert_int_eq(b->id, 2);
	job_free(jt, a);
	struct job *c = job_new(jt, true);
	ck_assert_int_eq(c->id, 3);	/* after the newest, like bash */
	job_free(jt, b);
	job_free(jt, c);
	ck_assert_int_eq(job_new(jt, false)->id, 1);	/* empty: from 1 */
	jobs_destroy(jt);
}
END_TEST

START_TEST(test_current_previous)
{
	struct jobs *jt = jobs_create();
	ck_assert_ptr_null(job_current(jt));
	struct job *a = fake(jt, "sleep 1", PROC_RUNNING, 0);
	struct job *b = fake(jt, "sleep 2", PROC_RUNNING, 0);
	ck_assert_ptr_eq(job_current(jt), b);
	ck_assert_ptr_eq(job_previous(jt), a);
	/* a stopped job is current even when older */
	a->procs[0].state = PROC_STOPPED;
	a->procs[0].status = STOPPED(SIGTSTP);
	ck_assert_ptr_eq(job_current(jt), a);
	ck_assert_ptr_eq(job_previous(jt), b);
	/* a transient (foreground) record is never current */
	struct job *fg = job_new(jt, false);
	ck_assert_ptr_eq(job_current(jt), a);
	job_free(jt, fg);
	/* touching makes a job the most recent */
	a->procs[0].state = PROC_RUNNING;
	job_touch(jt, a);
	ck_assert_ptr_eq(job_current(jt), a);
	ck_assert_ptr_eq(job_previous(jt), b);
	jobs_destroy(jt);
}
END_TEST

START_TEST(test_specs)
{
	struct jobs *jt = jobs_create();
	struct job *a = fake(jt, "sleep 10", PROC_RUNNING, 0);
	struct job *b = fake(jt, "sleep 20 | cat", PROC_RUNNING, 0);
	struct job *c = fake(jt, "make all", PROC_RUNNING, 0);
	const char *why = NULL;
	ck_assert_ptr_eq(job_find(jt, "%1", &why), a);
	ck_assert_ptr_eq(job_find(jt, "%2", &why), b);
	ck_assert_ptr_eq(job_find(jt, "%%", &why), c);
	ck_assert_ptr_eq(job_find(jt, "%+", &why), c);
	ck_assert_ptr_eq(job_find(jt, "%", &why), c);
	ck_assert_ptr_eq(job_find(jt, "%-", &why), b);
	ck_assert_ptr_eq(job_find(jt, "%make", &why), c);
	ck_assert_ptr_eq(job_find(jt, "%?cat", &why), b);
	ck_assert_ptr_eq(job_find(jt, "%?10", &why), a);
	ck_assert_ptr_null(job_find(jt, "%sleep", &why));
	ck_assert_str_eq(why, "ambiguous job spec");
	ck_assert_ptr_null(job_find(jt, "%?sleep", &why));
	ck_assert_str_eq(why, "ambiguous job spec");
	ck_assert_ptr_null(job_find(jt, "%9", &why));
	ck_assert_str_eq(why, "no such job");
	ck_assert_ptr_null(job_find(jt, "%nothing", &why));
	ck_assert_str_eq(why, "no such job");
	ck_assert_ptr_null(job_find(jt, "1", &why));
	ck_assert_ptr_null(job_find(jt, "%1x", &why));
	jobs_destroy(jt);
}
END_TEST

START_TEST(test_state_text)
{
	struct jobs *jt = jobs_create();
	char buf[64];
	struct job *j = fake(jt, "x", PROC_RUNNING, 0);
	ck_assert_str_eq(job_state_text(j, buf), "Running");
	j->procs[0].state = PROC_STOPPED;
	j->procs[0].status = STOPPED(SIGTSTP);
	ck_assert_str_eq(job_state_text(j, buf), "Stopped");
	j->procs[0].status = STOPPED(SIGTTIN);
	ck_assert_str_eq(job_state_text(j, buf), "Stopped(SIGTTIN)");
	j->procs[0].state = PROC_DONE;
	j->procs[0].status = EXITED(0);
	ck_assert_str_eq(job_state_text(j, buf), "Done");
	j->procs[0].status = EXITED(3);
	ck_assert_str_eq(job_state_text(j, buf), "Done(3)");
	j->procs[0].status = KILLED(SIGTERM);
	ck_assert_str_eq(job_state_text(j, buf), "Terminated");
	j->procs[0].status = KILLED(SIGKILL);
	ck_assert_str_eq(job_state_text(j, buf), "Killed");
	j->procs[0].status = KILLED(SIGSEGV) | 0x80;	/* core dumped */
	ck_assert_str_eq(job_state_text(j, buf),
			 "Segmentation fault (core dumped)");
	jobs_destroy(jt);
}
END_TEST

START_TEST(test_statuses)
{
	ck_assert_int_eq(job_decode_status(EXITED(0)), 0);
	ck_assert_int_eq(job_decode_status(EXITED(42)), 42);
	ck_assert_int_eq(job_decode_status(KILLED(SIGTERM)), 143);
	ck_assert_int_eq(job_decode_status(KILLED(SIGINT)), 130);
	ck_assert_int_eq(job_decode_status(STOPPED(SIGTSTP)), 128 + SIGTSTP);
	struct jobs *jt = jobs_create();
	struct job *j = fake(jt, "a | b", PROC_DONE, EXITED(3));
	j->procs = xreallocarray(j->procs, 2, sizeof *j->procs);
	j->cap = j->nprocs = 2;
	j->procs[1] = (struct job_proc){ 1, PROC_DONE, EXITED(0) };
	ck_assert_int_eq(job_status(j, false), 0);	/* the last one */
	ck_assert_int_eq(job_status(j, true), 3);	/* pipefail */
	jobs_destroy(jt);
}
END_TEST

/* Read what was written to a pipe (the trace fd) as one string. */
static char *drain(int fd)
{
	static char buf[4096];
	ssize_t n = read(fd, buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

START_TEST(test_trace_lines)
{
	struct jobs *jt = jobs_create();
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	jt->trace_fd = p[1];
	char prefix[32];
	snprintf(prefix, sizeof prefix, "whelk[%ld]: ", (long)getpid());
	int fds[2];
	ck_assert_int_eq(job_pipe(jt, fds), 0);
	char want[128];
	snprintf(want, sizeof want, "%spipe2(O_CLOEXEC) = [%d, %d]\n", prefix, fds[0],
		 fds[1]);
	ck_assert_str_eq(drain(p[0]), want);
	job_close(jt, fds[0]);
	snprintf(want, sizeof want, "%sclose(%d)\n", prefix, fds[0]);
	ck_assert_str_eq(drain(p[0]), want);
	job_dup2(jt, fds[1], fds[1]);
	snprintf(want, sizeof want, "%sdup2(%d, %d)\n", prefix, fds[1], fds[1]);
	ck_assert_str_eq(drain(p[0]), want);
	job_close(jt, fds[1]);
	drain(p[0]);
	job_kill(jt, getpid(), 0);
	snprintf(want, sizeof want, "%skill(%ld, 0)\n", prefix, (long)getpid());
	ck_assert_str_eq(drain(p[0]), want);
	jt->trace_fd = -1;
	close(p[0]);
	close(p[1]);
	jobs_destroy(jt);
}
END_TEST

/* Real children: fork through the layer, reap, and read the statuses. */
START_TEST(test_fork_and_reap)
{
	struct jobs *jt = jobs_create();
	struct job *j = job_new(jt, true);
	for (int i = 0; i < 20; i++) {
		pid_t pid = job_fork(jt, j, JOB_FORK_NOINT);
		ck_assert_int_ge(pid, 0);
		if (pid == 0)
			_exit(i);
	}
	ck_assert_int_eq(job_wait(jt, j, false), 0);
	ck_assert_int_eq(job_state(j), JOB_DONE);
	for (int i = 0; i < 20; i++)
		ck_assert_int_eq(job_decode_status(j->procs[i].status), i);
	ck_assert_int_lt(jobs_reap(jt, false), 1);	/* nothing left */
	jobs_destroy(jt);
}
END_TEST

static Suite *jobs_suite(void)
{
	Suite *s = suite_create("jobs");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_numbering);
	tcase_add_test(tc, test_current_previous);
	tcase_add_test(tc, test_specs);
	tcase_add_test(tc, test_state_text);
	tcase_add_test(tc, test_statuses);
	tcase_add_test(tc, test_trace_lines);
	tcase_add_test(tc, test_fork_and_reap);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(jobs_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
