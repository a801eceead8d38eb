/* test_exec.c: the evaluator end to end in-process — redirection staging never damages files, fds are restored, unwinding, limits. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exec/shell.h"

extern char **environ;

static char dir[64];

static void setup(void)
{
	strcpy(dir, "/tmp/whelk-test-exec.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(chdir(dir), 0);
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(chdir("/"), 0);
	ck_assert_int_eq(system(cmd), 0);
}

/* Run text in a fresh shell with stdout captured in a file. */
static int run(const char *text, char *out, size_t outlen)
{
	struct shell *sh = shell_create(environ);
	sh->script_name = "test";
	/* Not main's -c: the last command must not replace the test. */
	sh->eval_depth = 1;
	fflush(stdout);
	int saved = dup(1);
	int fd = open("out.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 1);
	int status = shell_run_string(sh, "test", text);
	if (sh->unwind == UNWIND_EXIT)
		status = sh->exit_status;
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	ssize_t n = pread(fd, out, outlen - 1, 0);
	out[n > 0 ? n : 0] = '\0';
	close(fd);
	shell_destroy(sh);
	return status;
}

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int count_fds(void)
{
	int n = 0;
	DIR *d = opendir("/proc/self/fd");
	if (!d)
		return -1;
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

START_TEST(test_simple_and_status)
{
	char out[256];
	ck_assert_int_eq(run("echo hi; false", out, sizeof out), 1);
	ck_assert_str_eq(out, "hi\n");
	ck_assert_int_eq(run("/bin/sh -c 'exit 4'", out, sizeof out), 4);
	ck_assert_int_eq(run("nonexistent_cmd_xyz 2>/dev/null", out,
			     sizeof out), 127);
}
END_TEST

/* set -C refuses an existing file and leaves its contents alone. */
START_TEST(test_noclobber_keeps_file)
{
	char out[256];
	run("echo keep > f", out, sizeof out);
	ck_assert_int_eq(run("set -C; echo lost > f 2>/dev/null", out,
			     sizeof out), 2);
	ck_assert_str_eq(slurp("f"), "keep\n");
	ck_assert_int_eq(run("set -C; echo new >| f", out, sizeof out), 0);
	ck_assert_str_eq(slurp("f"), "new\n");
}
END_TEST

/* A failed redirection runs nothing. */
START_TEST(test_failed_redirection)
{
	char out[256];
	ck_assert_int_eq(run("echo ran > /nonexistent/dir/x 2>/dev/null; "
			     "echo $?", out, sizeof out), 0);
	ck_assert_str_eq(out, "2\n");
	ck_assert_int_eq(run("touch g; : > /nonexistent/x > g 2>/dev/null",
			     out, sizeof out), 2);
}
END_TEST

/* Builtins' redirections are undone, leaving no fd behind. */
START_TEST(test_fds_restored)
{
	char out[256];
	int before = count_fds();
	run("echo a > f1; { echo b; echo c >&2; } > f2 2>&1; "
	    "f() { echo d; }; f 3>f3", out, sizeof out);
	ck_assert_int_eq(count_fds(), before);
	ck_assert_str_eq(slurp("f2"), "b\nc\n");
	ck_assert_str_eq(out, "d\n");
}
END_TEST

/* A here-document larger than a pipe goes through a temporary file. */
START_TEST(test_big_heredoc)
{
	char out[256];
	size_t n = 200000;
	char *text = malloc(n + 64);
	strcpy(text, "wc -c <<EOF\n");
	size_t off = strlen(text);
	memset(text + off, 'x', n);
	strcpy(text + off + n, "\nEOF\n");
	ck_assert_int_eq(run(text, out, sizeof out), 0);
	ck_assert_int_eq(atol(out), (long)n + 1);
	free(text);
}
END_TEST

START_TEST(test_break_continue)
{
	char out[256];
	run("for i in 1 2 3; do for j in a b; do continue 2; echo no; done; "
	    "done; echo $i$j", out, sizeof out);
	ck_assert_str_eq(out, "3a\n");
	run("for i in 1 2 3; do while :; do break 9; done; done; echo $i",
	    out, sizeof out);
	ck_assert_str_eq(out, "1\n");
}
END_TEST

/* Runaway recursion is a clean error, not a stack overflow. */
START_TEST(test_recursion_limit)
{
	char out[256];
	int st = run("f() { f; }; f 2>/dev/null; echo not-reached", out,
		     sizeof out);
	ck_assert_int_eq(st, 1);	/* a run-time limit: status 1 (issue 7) */
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_exit_unwinds)
{
	char out[256];
	ck_assert_int_eq(run("f() { while :; do exit 5; done; }; f; echo no",
			     out, sizeof out), 5);
	ck_assert_str_eq(out, "");
}
END_TEST

static Suite *exec_suite(void)
{
	Suite *s = suite_create("exec");
	TCase *t = tcase_create("exec");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 30);
	tcase_add_test(t, test_simple_and_status);
	tcase_add_test(t, test_noclobber_keeps_file);
	tcase_add_test(t, test_failed_redirection);
	tcase_add_test(t, test_fds_restored);
	tcase_add_test(t, test_big_heredoc);
	tcase_add_test(t, test_break_continue);
	tcase_add_test(t, test_recursion_limit);
	tcase_add_test(t, test_exit_unwinds);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(exec_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
