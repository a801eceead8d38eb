/* cmdsub.c: command substitution (XCU 2.6.3) — run a program in a subshell and capture its standard output. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/strbuf.h"
#include "builtins/registry.h"
#include "exec/expand.h"
#include "exec/eval.h"
#include "exec/exec_int.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/*
 * `$(trap)` lists the parent's traps: XCU 2.11 lets a substitution that
 * holds a single trap command keep them (and scripts save traps this way:
 * saved=$(trap)).  Only a listing (`trap`, `trap -p ...`) keeps them: a
 * trap command that sets traps runs in an ordinary, reset subshell.
 */
static bool is_trap_listing(struct ast_node *program)
{
	if (program->type != NODE_LIST || program->list.items.len != 1)
		return false;
	struct list_item *it = program->list.items.items[0];
	struct ast_node *c = it->cmd;
	if (c->type != NODE_SIMPLE || c->simple.words.len == 0 ||
	    c->simple.assigns.len != 0)
		return false;
	const struct word *w = c->simple.words.items[0];
	const struct builtin *b = w->type == WORD_LITERAL ?
				  builtin_find(w->lit.text) : NULL;
	if (!b || !(b->flags & BUILTIN_LISTS_TRAPS))
		return false;
	if (c->simple.words.len == 1)
		return true;
	w = c->simple.words.items[1];
	return w->type == WORD_LITERAL && strcmp(w->lit.text, "-p") == 0;
}

/* The child: its stdout is the pipe's write end; it never returns. */
static _Noreturn void cmdsub_child(struct shell *sh, struct ast_node *program,
				   int p[2])
{
	job_close(sh->jobs, p[0]);
	if (p[1] != 1) {
		job_dup2(sh->jobs, p[1], 1);
		job_close(sh->jobs, p[1]);
	} else {		/* already fd 1: drop job_pipe's close-on-exec */
		fd_set_cloexec(1, false);
	}
	bool listing = is_trap_listing(program);
	if (listing)
		sh->in_subshell = true;
	else
		eval_enter_subshell(sh);
	int status = eval_run(sh, program, listing ? 0 : EVAL_EXIT);
	if (listing)		/* kept to be listed, not to run here */
		trap_reset_subshell(sh);
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

/* ------------------------------------------------- without a process */

/*
 * `$(echo $i)` is the commonest command substitution, and a fork costs a
 * hundred times more than echo.  A substitution may run in the shell
 * itself when running it here is indistinguishable from a subshell:
 *  - the program is one simple command, no assignments, no redirections;
 *  - the command is one of a few builtins that change no shell state and
 *    whose output is bounded by their arguments (so it fits in a pipe the
 *    shell reads only afterwards: 4 KiB, the smallest a Linux pipe gets);
 *  - its words expand without side effects or errors: literals, quotes and
 *    plain $name (no ${x=y}, no $(( )), no nested $( ), not under set -u);
 *  - no function of that name, no set -x (the trace would differ).
 */
#define INLINE_MAX_OUTPUT 4000

bool eval_word_is_pure(const struct word *w)
{
	switch (w->type) {
	case WORD_LITERAL:
	case WORD_SQUOTE:
		return true;
	case WORD_PARAM:
		return w->param.op == PARAM_PLAIN;
	case WORD_DQUOTE:
	case WORD_LIST:
		for (size_t i = 0; i < w->parts.len; i++)
			if (!eval_word_is_pure(w->parts.items[i]))
				return false;
		return true;
	default:
		return false;
	}
}

static bool inline_builtin(const char *name)
{
	const struct builtin *b = builtin_find(name);
	return b && (b->flags & BUILTIN_PURE);
}

static struct ast_node *inline_candidate(struct shell *sh,
					 struct ast_node *program)
{
	if (sh->opt.nounset || sh->opt.xtrace || program->type != NODE_LIST ||
	    program->list.items.len != 1)
		return NULL;
	struct list_item *it = program->list.items.items[0];
	struct ast_node *c = it->cmd;
	if (it->async || c->type != NODE_SIMPLE || c->redirs.len ||
	    c->simple.assigns.len || c->simple.words.len == 0)
		return NULL;
	const struct word *w0 = c->simple.words.items[0];
	if (w0->type != WORD_LITERAL || !inline_builtin(w0->lit.text) ||
	    hm_get(&sh->functions, w0->lit.text))
		return NULL;
	for (size_t i = 0; i < c->simple.words.len; i++)
		if (!eval_word_is_pure(c->simple.words.items[i]))
			return NULL;
	return c;
}

#ifdef __GLIBC__
/*
 * The builtins that may run here (BUILTIN_PURE: echo, pwd, test, true,
 * false) write through stdio's stdout and nothing else, and they run as
 * builtins whatever PATH holds (classify).  With glibc, stdout is a plain
 * variable: pointing it at a memory stream for the builtin's run captures
 * its output without the pipe, the dup2 pair, the write, the two reads and
 * the three closes — ten system calls per $(echo ...).  One stream over a
 * fixed buffer serves every substitution (both made at the first: a static
 * buffer would spread the shell's other static variables over three more
 * pages, page faults at every start).  Output that
 * does not fit is not lost: the caller runs the builtin again through the
 * pipe (a pure builtin run twice is not seen to be).  -1 then, or when no
 * stream could be made.
 */
#define MEMOUT_SIZE 8192
static FILE *memout;
static char *memout_buf;

static int run_in_memory(struct shell *sh, int argc, char **argv,
			 struct strbuf *out)
{
	if (!memout) {
		if (!memout_buf)
			memout_buf = xmalloc(MEMOUT_SIZE);
		memout = fmemopen(memout_buf, MEMOUT_SIZE, "w");
		if (!memout)
			return -1;
	}
	if (fflush(stdout) != 0)
		clearerr(stdout);
	rewind(memout);
	FILE *real = stdout;
	stdout = memout;
	int status = shell_run_argv(sh, argc, argv, 0);
	stdout = real;
	long len = fflush(memout) == 0 && !ferror(memout) ? ftell(memout) : -1;
	if (len < 0 || len >= MEMOUT_SIZE - 1) {
		clearerr(memout);
		return -1;
	}
	sb_appendn(out, memout_buf, (size_t)len);
	return status;
}
#endif

/* Run the builtin with fd 1 on a pipe, then read what it wrote. */
static int run_captured(struct shell *sh, int argc, char **argv,
			struct strbuf *out)
{
#ifdef __GLIBC__
	int st = run_in_memory(sh, argc, argv, out);
	if (st >= 0)
		return st;
#endif
	int p[2];
	fflush(stdout);
	int saved = fd_dup_high(STDOUT_FILENO);
	if (job_pipe(sh->jobs, p) < 0) {
		if (saved >= 0)
			close(saved);
		return -1;
	}
	/* With fd 1 (or 0) closed, the pipe takes it: the read end would be
	   replaced by the dup2 below (the builtin then dies of SIGPIPE), the
	   write end closed under the builtin.  Both go above the user's fds. */
	for (int i = 0; i < 2; i++) {
		if (p[i] <= STDERR_FILENO) {
			int high = fd_move_high(p[i]);
			if (high >= 0)
				p[i] = high;
		}
	}
	job_dup2(sh->jobs, p[1], STDOUT_FILENO);
	job_close(sh->jobs, p[1]);
	int status = shell_run_argv(sh, argc, argv, 0);
	fflush(stdout);
	if (saved >= 0) {
		job_dup2(sh->jobs, saved, STDOUT_FILENO);
		close(saved);
	} else {
		close(STDOUT_FILENO);
	}
	read_all(p[0], out);
	job_close(sh->jobs, p[0]);
	return status;
}

/* Returns the status, or -1 when the substitution needs a process. */
static int cmdsub_inline(struct shell *sh, struct ast_node *program,
			 struct strbuf *out)
{
	struct ast_node *c = inline_candidate(sh, program);
	if (!c)
		return -1;
	struct vec fields = VEC_INIT;
	if (expand_words(sh, &c->simple.words, &fields) < 0 || !fields.len) {
		vec_free_all(&fields, free);
		return -1;
	}
	size_t total = 0;
	for (size_t i = 0; i < fields.len; i++)
		total += strlen(fields.items[i]) + 1;
	int status = -1;
	if (total <= INLINE_MAX_OUTPUT) {
		vec_terminate(&fields);
		status = run_captured(sh, (int)fields.len,
				      (char **)fields.items, out);
	}
	vec_free_all(&fields, free);
	return status;
}

/* ------------------------------------------------------- $(< file) */

/*
 * $(< file) (ksh, bash): the file's contents, read by the shell itself —
 * no process.  In POSIX the command is a redirection alone, whose output
 * is empty: under set -o posix it keeps that meaning.  Returns the
 * status, or -1 when program is not of that form.
 */
static int cmdsub_file(struct shell *sh, struct ast_node *program,
		       struct strbuf *out)
{
	if (sh->opt.posix || program->type != NODE_LIST ||
	    program->list.items.len != 1)
		return -1;
	struct list_item *it = program->list.items.items[0];
	struct ast_node *c = it->cmd;
	if (it->async || c->type != NODE_SIMPLE || c->simple.words.len ||
	    c->simple.assigns.len || c->redirs.len != 1)
		return -1;
	const struct redir *r = c->redirs.items[0];
	if (r->op != REDIR_IN || r->fd_var || (r->fd != -1 && r->fd != 0))
		return -1;
	char *path;
	if (expand_word_str(sh, r->target, 0, &path) < 0)
		return 1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		shell_error(sh, "cannot open %s: %s", path, strerror(errno));
		free(path);
		return 1;
	}
	free(path);
	read_all(fd, out);
	close(fd);
	return 0;
}

/* ------------------------------------------------------ in a subshell */

int eval_cmdsub(struct shell *sh, struct ast_node *program, struct strbuf *out)
{
	int p[2];
	sh->cmdsub_count++;
	if (!program)
		return 0;
	int st = cmdsub_file(sh, program, out);
	if (st < 0)
		st = cmdsub_inline(sh, program, out);
	if (st >= 0)
		return st;
	if (job_pipe(sh->jobs, p) < 0) {
		shell_error(sh, "cannot create pipe");
		return 2;
	}
	struct job *j = job_new(sh->jobs, false);
	fflush(stdout);
	fflush(stderr);
	/* The child will most likely exec: build the environment here, once
	   for the whole loop this $( ) may sit in, not in every child. */
	var_environ_warm(sh);
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

/* ------------------------------------------------ process substitution */

/*
 * <(list) and >(list) (ksh, bash): the list runs asynchronously with its
 * stdout (for <) or stdin (for >) on a pipe, and the word becomes
 * /dev/fd/N, N being the shell's end of that pipe.  N is not close-on-exec,
 * so the command that expanded the word inherits it and can open the name;
 * eval_run closes N when that command is done (procsub_close_from), so the
 * list sees end of file or SIGPIPE.  The list is not a job: no notice, and
 * the shell does not wait for it (it is reaped when it ends); $! is its pid,
 * as in bash.  Returns N, or -1 after a message.
 */
int eval_procsub(struct shell *sh, struct ast_node *program, char dir)
{
	int p[2];
	if (job_pipe(sh->jobs, p) < 0) {
		shell_error(sh, "cannot create pipe");
		return -1;
	}
	int ours = dir == '<' ? p[0] : p[1], theirs = dir == '<' ? p[1] : p[0];
	int target = dir == '<' ? STDOUT_FILENO : STDIN_FILENO;
	struct job *j = job_new(sh->jobs, true);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = job_fork(sh->jobs, j, JOB_FORK_NOJOB);
	if (pid == 0) {
		eval_enter_subshell(sh);
		job_close(sh->jobs, ours);
		procsub_close_from(sh, 0);	/* the other lists' ends */
		if (theirs != target) {
			job_dup2(sh->jobs, theirs, target);
			job_close(sh->jobs, theirs);
		} else {	/* pipe ends may be made close-on-exec */
			fd_set_cloexec(target, false);
		}
		eval_child_exit(sh, eval_run(sh, program, EVAL_EXIT));
	}
	job_close(sh->jobs, theirs);
	if (pid < 0) {
		job_close(sh->jobs, ours);
		job_free(sh->jobs, j);
		return -1;
	}
	sh->last_bg_pid = pid;
	job_free(sh->jobs, j);
	int fd = fd_move_high(ours);
	if (fd < 0) {
		shell_error(sh, "process substitution: %s", strerror(errno));
		job_close(sh->jobs, ours);
		return -1;
	}
	fd_set_cloexec(fd, false);
	vec_push(&sh->procsubs, (void *)(intptr_t)fd);
	return fd;
}

void procsub_close_from(struct shell *sh, size_t mark)
{
	while (sh->procsubs.len > mark)
		close((int)(intptr_t)sh->procsubs.items[--sh->procsubs.len]);
}
