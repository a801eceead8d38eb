/* test_jobs.c: the jobs layer — job table, status decoding, fork/spawn/reap (no zombies, no lost status), signal flags. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs/jobs.h"

extern char **environ;

/* ------------------------------------------------------------ the table */

START_TEST(test_ids_and_lookup)
{
	struct jobs *jt = jobs_create();
	struct job *a = job_new(jt, true);
	struct job *b = job_new(jt, false);
	ck_assert_int_eq(a->id, 1);
	ck_assert_int_eq(b->id, 2);
	ck_assert_ptr_eq(job_by_id(jt, 2), b);
	ck_assert_ptr_null(job_by_id(jt, 3));
	job_free(jt, a);
	ck_assert_ptr_null(job_by_id(jt, 1));
	struct job *c = job_new(jt, false);
	ck_assert_int_eq(c->id, 3);	/* numbers go up from the newest */
	jobs_destroy(jt);
}
END_TEST

START_TEST(test_decode_status)
{
	ck_assert_int_eq(job_decode_status(0), 0);
	ck_assert_int_eq(job_decode_status(3 << 8), 3);
	ck_assert_int_eq(job_decode_status(SIGTERM), 128 + SIGTERM);
}
END_TEST

START_TEST(test_status_pipefail)
{
	struct jobs *jt = jobs_create();
	struct job *j = job_new(jt, false);
	/* Three finished processes: exit 2, exit 0, exit 0. */
	j->procs = calloc(3, sizeof *j->procs);
	j->nprocs = j->cap = 3;
	for (int i = 0; i < 3; i++)
		j->procs[i].state = PROC_DONE;
	j->procs[0].status = 2 << 8;
	ck_assert_int_eq(job_status(j, false), 0);
	ck_assert_int_eq(job_status(j, true), 2);
	ck_assert_int_eq(job_state(j), JOB_DONE);
	j->procs[1].state = PROC_RUNNING;
	ck_assert_int_eq(job_state(j), JOB_RUNNING);
	jobs_destroy(jt);
}
END_TEST

/* ------------------------------------------------------------ spawning */

START_TEST(test_spawn_and_wait)
{
	struct jobs *jt = jobs_create();
	struct job *j = job_new(jt, false);
	char *argv[] = { "sh", "-c", "exit 7", NULL };
	struct spawn_req req = { "/bin/sh", argv, environ, NULL, 0, 0 };
	int err;
	pid_t pid = job_spawn(jt, j, &req, &err);
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(err, 0);
	job_wait(jt, j, false);
	ck_assert_int_eq(job_status(j, false), 7);
	jobs_destroy(jt);
}
END_TEST

START_TEST(test_spawn_missing)
{
	struct jobs *jt = jobs_create();
	struct job *j = job_new(jt, false);
	char *argv[] = { "nope", NULL };
	struct spawn_req req = { "/nonexistent/nope", argv, environ, NULL, 0,
				 0 };
	int err;
	ck_assert_int_eq(job_spawn(jt, j, &req, &err), -1);
	ck_assert_int_eq(err, ENOENT);
	ck_assert_uint_eq(j->nprocs, 0);	/* reaped and forgotten */
	errno = 0;
	ck_assert_int_eq(waitpid(-1, NULL, WNOHANG), -1);
	ck_assert_int_eq(errno, ECHILD);	/* no zombie left */
	jobs_destroy(jt);
}
END_TEST

/* The plan's dup2 happens in the child: its stdout goes to the pipe. */
START_TEST(test_spawn_actions)
{
	struct jobs *jt = jobs_create();
	struct job *j = job_new(jt, false);
	int p[2];
	ck_assert_int_eq(job_pipe(jt, p), 0);
	struct fd_action acts[] = { { 1, p[1] }, { 7, -1 } };
	char *argv[] = { "sh", "-c", "echo hi", NULL };
	struct spawn_req req = { "/bin/sh", argv, environ, acts, 2, 0 };
	int err;
	ck_assert_int_gt(job_spawn(jt, j, &req, &err), 0);
	close(p[1]);
	char buf[16] = "";
	ck_assert_int_eq(read(p[0], buf, sizeof buf - 1), 3);
	ck_assert_str_eq(buf, "hi\n");
	close(p[0]);
	job_wait(jt, j, false);
	ck_assert_int_eq(job_status(j, false), 0);
	jobs_destroy(jt);
}
END_TEST

/* 500 children exit at once: every status is kept, none is lost. */
START_TEST(test_many_children)
{
	enum { N = 500 };
	struct jobs *jt = jobs_create();
	struct job *jobs[N];
	for (int i = 0; i < N; i++) {
		jobs[i] = job_new(jt, true);
		pid_t pid = job_fork(jt, jobs[i], 0);
		if (pid == 0)
			_exit(i % 200);
		ck_assert_int_gt(pid, 0);
	}
	for (int i = 0; i < N; i++) {
		job_wait(jt, jobs[i], false);
		ck_assert_int_eq(job_status(jobs[i], false), i % 200);
	}
	errno = 0;
	ck_assert_int_eq(waitpid(-1, NULL, WNOHANG), -1);
	ck_assert_int_eq(errno, ECHILD);
	jobs_destroy(jt);
}
END_TEST

START_TEST(test_signal_death)
{
	struct jobs *jt = jobs_create();
	struct job *j = job_new(jt, false);
	pid_t pid = job_fork(jt, j, 0);
	/* (Not SIGTERM: the check framework catches that one and the child
	   would inherit its handler.) */
	if (pid == 0) {
		raise(SIGUSR2);
		_exit(0);
	}
	job_wait(jt, j, false);
	ck_assert_int_eq(job_status(j, false), 128 + SIGUSR2);
	jobs_destroy(jt);
}
END_TEST

/* ------------------------------------------------------------- signals */

START_TEST(test_signal_flags)
{
	struct jobs *jt = jobs_create();
	ck_assert_int_eq(sig_set_disp(jt, SIGUSR1, SIGD_CATCH), 0);
	ck_assert(sig_any_caught(jt));
	raise(SIGUSR1);
	ck_assert_int_eq(sig_pending[SIGUSR1], 1);
	ck_assert_int_eq(sig_take_pending(), SIGUSR1);
	ck_assert_int_eq(sig_take_pending(), 0);
	ck_assert_int_eq(sig_set_disp(jt, SIGUSR1, SIGD_DEFAULT), 0);
	ck_assert_int_eq(sig_set_disp(jt, SIGKILL, SIGD_CATCH), -1);
	jobs_destroy(jt);
}
END_TEST

/* The child of a shell that catches USR1 gets SIG_DFL back; one that
   ignores it (trap '') keeps ignoring it (XCU 2.11). */
START_TEST(test_child_dispositions)
{
	struct jobs *jt = jobs_create();
	sig_set_disp(jt, SIGUSR1, SIGD_CATCH);
	sig_set_disp(jt, SIGUSR2, SIGD_IGNORE_USER);
	struct job *j = job_new(jt, false);
	pid_t pid = job_fork(jt, j, 0);
	if (pid == 0) {
		struct sigaction a, b;
		sigaction(SIGUSR1, NULL, &a);
		sigaction(SIGUSR2, NULL, &b);
		_exit(a.sa_handler == SIG_DFL && b.sa_handler == SIG_IGN ? 0 : 1);
	}
	job_wait(jt, j, false);
	ck_assert_int_eq(job_status(j, false), 0);
	sig_set_disp(jt, SIGUSR1, SIGD_DEFAULT);
	sig_set_disp(jt, SIGUSR2, SIGD_DEFAULT);
	jobs_destroy(jt);
}
END_TEST

static Suite *jobs_suite(void)
{
	Suite *s = suite_create("jobs");
	TCase *t = tcase_create("table");
	tcase_add_test(t, test_ids_and_lookup);
	tcase_add_test(t, test_decode_status);
	tcase_add_test(t, test_status_pipefail);
	suite_add_tcase(s, t);
	t = tcase_create("spawn");
	tcase_set_timeout(t, 30);
	tcase_add_test(t, test_spawn_and_wait);
	tcase_add_test(t, test_spawn_missing);
	tcase_add_test(t, test_spawn_actions);
	tcase_add_test(t, test_many_children);
	tcase_add_test(t, test_signal_death);
	suite_add_tcase(s, t);
	t = tcase_create("signals");
	tcase_add_test(t, test_signal_flags);
	tcase_add_test(t, test_child_dispositions);
	suite_add_tcase(s, t);
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
