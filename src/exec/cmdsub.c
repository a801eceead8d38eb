/* cmdsub.c: command substitution (XCU 2.6.3) — run a program in a subshell and capture its standard output. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <unistd.h>

#include "base/fdutil.h"
#include "base/strbuf.h"
#include "exec/eval.h"
#include "exec/exec_int.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/* The child: its stdout is the pipe's write end; it never returns. */
static _Noreturn void cmdsub_child(struct shell *sh, struct ast_node *program,
				   int p[2])
{
	job_close(sh->jobs, p[0]);
	if (p[1] != 1) {
		job_dup2(sh->jobs, p[1], 1);
		job_close(sh->jobs, p[1]);
	}
	eval_enter_subshell(sh);
	int status = eval_run(sh, program, EVAL_EXIT);
	eval_child_exit(sh, status);
}

/* Everything the child writes, until it closes the pipe (EOF). */
static void read_all(int fd, struct strbuf *out)
{
	for (;;) {
		sb_reserve(out, 4096);
		ssize_t n = fd_read(fd, out->data + out->len,
				    out->cap - out->len - 1);
		if (n <= 0)
			break;
		out->len += (size_t)n;
		out->data[out->len] = '\0';
	}
}

int eval_cmdsub(struct shell *sh, struct ast_node *program, struct strbuf *out)
{
	int p[2];
	sh->cmdsub_count++;
	if (!program)
		return 0;
	if (job_pipe(sh->jobs, p) < 0) {
		shell_error(sh, "cannot create pipe");
		return 2;
	}
	struct job *j = job_new(sh->jobs, false);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = job_fork(sh->jobs, j, JOB_FORK_NOJOB);
	if (pid == 0)
		cmdsub_child(sh, program, p);
	job_close(sh->jobs, p[1]);
	if (pid < 0) {
		job_close(sh->jobs, p[0]);
		job_free(sh->jobs, j);
		return 2;
	}
	read_all(p[0], out);
	job_close(sh->jobs, p[0]);
	return eval_wait_fg(sh, j);
}
