/* pipeline.c: pipelines (XCU 2.9.2) and asynchronous lists (XCU 2.9.3) — one process per stage, wired with pipe and dup2. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "builtins/registry.h"
#include "exec/eval.h"
#include "exec/exec_int.h"
#include "exec/expand.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/*
 * The child's end of the wiring.  in/out are the pipe ends this stage
 * uses (-1: inherit the shell's).  The kernel subtlety: a pipe end may
 * itself have landed on fd 0 or 1 (if the shell had them closed), so dup2
 * only when the number differs, and close the original only then.  Pipes
 * are close-on-exec (job_pipe): dup2 clears the flag on the copy, and an
 * end that is already in place gets it cleared by hand.
 */
static void wire_end(struct shell *sh, int end, int to)
{
	if (end < 0)
		return;
	if (end == to) {
		fd_set_cloexec(end, false);
		return;
	}
	job_dup2(sh->jobs, end, to);
	job_close(sh->jobs, end);
}

static void wire_child(struct shell *sh, int in, int out, int other)
{
	if (other >= 0)
		job_close(sh->jobs, other);
	wire_end(sh, in, 0);
	wire_end(sh, out, 1);
}

static void stdin_devnull(struct shell *sh);

static _Noreturn void run_stage(struct shell *sh, struct ast_node *cmd,
				int in, int out, int other, bool devnull)
{
	/* First stage of `a | b &` without job control: XCU 2.9.3.1. */
	if (devnull)
		stdin_devnull(sh);
	wire_child(sh, in, out, other);
	eval_enter_subshell(sh);
	int status = eval_run(sh, cmd, EVAL_EXIT);
	eval_child_exit(sh, status);
}

/*
 * An external command stage (`tr a b`, `wc -l`) starts the way a simple
 * command does: job_spawn (vfork), the child dup2s the pipe ends into
 * place (they are close-on-exec, so nothing else needs closing) and
 * execs.  Only when the shell can do the stage's own work without a
 * subshell: no assignments or redirections, words that expand without
 * side effects or errors, a name that is neither a builtin nor a function
 * and is found in PATH, a foreground job, no set -x or set -u (their
 * output comes from the stage).  Returns the pid, -1 when no process
 * could be made (reported), 0 when the stage must be forked instead — also
 * after a failed execve, so that the forked stage reports it as usual.
 */
static pid_t spawn_stage(struct shell *sh, struct job *j, struct ast_node *cmd,
			 int in, int out, int forkflags)
{
	if (forkflags != JOB_FORK_FG || sh->opt.xtrace || sh->opt.nounset ||
	    cmd->type != NODE_SIMPLE || cmd->redirs.len ||
	    cmd->simple.assigns.len || cmd->simple.words.len == 0)
		return 0;
	for (size_t i = 0; i < cmd->simple.words.len; i++)
		if (!eval_word_is_pure(cmd->simple.words.items[i]))
			return 0;
	struct vec fields = VEC_INIT;
	pid_t pid = 0;
	char *path = NULL;
	if (expand_words(sh, &cmd->simple.words, &fields) < 0 || !fields.len)
		goto out;
	const char *name = fields.items[0];
	if (builtin_find(name) || hm_get(&sh->functions, name))
		goto out;
	path = path_search_quiet(sh, name);
	if (!path)
		goto out;
	vec_terminate(&fields);
	struct fd_action acts[2];
	size_t n = 0;
	if (in >= 0)
		acts[n++] = (struct fd_action){ .fd = 0, .src = in };
	if (out >= 0)
		acts[n++] = (struct fd_action){ .fd = 1, .src = out };
	char **env = var_environ(sh);
	struct spawn_req req = {
		path, (char **)fields.items, env, acts, n, forkflags
	};
	int err;
	pid = job_spawn(sh->jobs, j, &req, &err);
	if (pid < 0 && err)
		pid = 0;
	var_environ_free(env);
out:
	free(path);
	vec_free_all(&fields, free);
	return pid;
}

/*
 * Start every stage of the pipeline in job j.  For stage i: a new pipe
 * unless it is the last; the child reads the previous pipe's read end and
 * writes this pipe's write end.  The parent closes each end as soon as the
 * children that need it exist, so that EOF and SIGPIPE work.
 */
static int start_stages(struct shell *sh, struct job *j, struct vec *cmds,
			int forkflags, int *last_read)
{
	int prev_read = -1;
	size_t nfork = last_read ? cmds->len - 1 : cmds->len;
	for (size_t i = 0; i < nfork; i++) {
		int p[2] = { -1, -1 };
		bool last = i + 1 == cmds->len;
		if (!last && job_pipe(sh->jobs, p) < 0) {
			shell_error(sh, "cannot create pipe");
			if (prev_read >= 0)
				job_close(sh->jobs, prev_read);
			return -1;
		}
		pid_t pid = spawn_stage(sh, j, cmds->items[i], prev_read,
					p[1], forkflags);
		if (pid == 0) {
			pid = job_fork(sh->jobs, j, forkflags);
			if (pid == 0)
				run_stage(sh, cmds->items[i], prev_read, p[1],
					  p[0], i == 0 && (forkflags & JOB_FORK_NOINT));
		}
		if (prev_read >= 0)
			job_close(sh->jobs, prev_read);
		if (p[1] >= 0)
			job_close(sh->jobs, p[1]);
		prev_read = p[0];
		if (pid < 0) {
			if (prev_read >= 0)
				job_close(sh->jobs, prev_read);
			return -1;
		}
	}
	if (last_read)
		*last_read = prev_read;
	return 0;
}

/*
 * shopt -s lastpipe (bash): without job control the last stage runs in the
 * shell itself, reading the pipe on its standard input, so that
 * `cmd | read x` sets x.  The shell's own fd 0 is kept at a high
 * descriptor meanwhile and put back after.
 */
static int run_last_here(struct shell *sh, struct ast_node *cmd, int in)
{
	/* With fd 0 closed, the pipe may have landed there (in == 0). */
	int saved = in != 0 && fd_is_open(0) ? fd_dup_high(0) : -1;
	if (in != 0) {
		job_dup2(sh->jobs, in, 0);
		job_close(sh->jobs, in);
	}
	int status = eval_run(sh, cmd, 0);
	if (saved >= 0) {
		job_dup2(sh->jobs, saved, 0);
		job_close(sh->jobs, saved);
	} else {
		job_close(sh->jobs, 0);
	}
	return status;
}

/* The rest of a lastpipe pipeline: its last stage here, then the wait.
   With pipefail the status is the last stage's unless that is 0. */
static int lastpipe_finish(struct shell *sh, struct job *j,
			   struct ast_node *n, int last_read)
{
	struct vec *cmds = &n->pipeline.cmds;
	int status = run_last_here(sh, cmds->items[cmds->len - 1], last_read);
	int job_status = eval_wait_fg(sh, j);
	return status == 0 && sh->opt.pipefail ? job_status : status;
}

static int run_pipeline_job(struct shell *sh, struct ast_node *n, bool async)
{
	struct job *j = job_new(sh->jobs, async);
	int forkflags = async ? (sh->jobs->monitor ? 0 : JOB_FORK_NOINT)
			      : JOB_FORK_FG;
	eval_name_job(sh, j, n);
	fflush(stdout);
	fflush(stderr);
	var_environ_warm(sh);	/* once here, not once per stage */
	bool here = !async && sh->opt.lastpipe && !sh->jobs->monitor;
	int last_read = -1;
	int rc = start_stages(sh, j, &n->pipeline.cmds, forkflags,
			      here ? &last_read : NULL);
	if (here && rc == 0)
		return lastpipe_finish(sh, j, n, last_read);
	if (async) {
		if (j->nprocs) {
			sh->last_bg_pid = j->procs[j->nprocs - 1].pid;
			job_started_bg(sh->jobs, j);
		} else {
			job_free(sh->jobs, j);
		}
		return rc < 0 ? 2 : 0;
	}
	if (rc < 0 && j->nprocs == 0) {
		job_free(sh->jobs, j);
		return 2;
	}
	int status = eval_wait_fg(sh, j);
	return rc < 0 ? 2 : status;
}

int eval_pipeline(struct shell *sh, struct ast_node *n, int flags)
{
	bool bang = n->pipeline.bang;
	int status;
	if (bang)
		sh->errexit_suppressed++;
	if (n->pipeline.cmds.len == 1)
		status = eval_run(sh, n->pipeline.cmds.items[0],
				  bang ? 0 : flags);
	else
		status = run_pipeline_job(sh, n, false);
	if (bang) {
		sh->errexit_suppressed--;
		return status == 0 ? 1 : 0;
	}
	if (n->pipeline.cmds.len > 1)
		eval_check_errexit(sh, status);
	return status;
}

/*
 * `cmd &` (XCU 2.9.3.1): without job control the command's stdin is
 * /dev/null before its own redirections, and SIGINT/SIGQUIT are ignored
 * in it.  A pipeline's stages become the job's processes directly; any
 * other and-or list runs in one forked subshell.
 */
static void stdin_devnull(struct shell *sh)
{
	int fd = job_open(sh->jobs, "/dev/null", O_RDONLY, 0);
	if (fd > 0) {
		job_dup2_named(sh->jobs, fd, "/dev/null", 0);
		job_close(sh->jobs, fd);
	}
}

/* `%1 &`: one literal word that is a job spec, nothing else. */
static const char *async_job_spec(const struct shell *sh,
				  const struct ast_node *n)
{
	if (!sh->jobs->monitor || n->type != NODE_SIMPLE || n->redirs.len ||
	    n->simple.assigns.len || n->simple.words.len != 1)
		return NULL;
	const struct word *w = n->simple.words.items[0];
	if (w->type != WORD_LITERAL || w->lit.text[0] != '%')
		return NULL;
	return w->lit.text;
}

int eval_async(struct shell *sh, struct ast_node *n)
{
	bool monitor = sh->jobs->monitor;
	const char *spec = async_job_spec(sh, n);
	if (spec)
		return eval_job_spec_command(sh, spec, true);
	if (n->type == NODE_PIPELINE && n->pipeline.cmds.len > 1 &&
	    !n->pipeline.bang && !n->pipeline.timed)
		return run_pipeline_job(sh, n, true);
	struct job *j = job_new(sh->jobs, true);
	eval_name_job(sh, j, n);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = job_fork(sh->jobs, j, monitor ? 0 : JOB_FORK_NOINT);
	if (pid == 0) {
		if (!monitor)
			stdin_devnull(sh);
		eval_enter_subshell(sh);
		int status = eval_run(sh, n, EVAL_EXIT);
		eval_child_exit(sh, status);
	}
	if (pid < 0) {
		job_free(sh->jobs, j);
		return 2;
	}
	sh->last_bg_pid = pid;
	job_started_bg(sh->jobs, j);
	return 0;
}
