/* eval.c: the tree walker — one eval_* function per node type (XCU 2.9), set -e, unwinding. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "base/alloc.h"
#include "exec/eval.h"
#include "exec/exec_int.h"
#include "exec/expand.h"
#include "exec/pattern.h"
#include "exec/redir.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/* ------------------------------------------------ waiting for a job */

/*
 * The command text `jobs`, the notices and the process trace show.  Made
 * only when someone may look at it: every background job, foreground jobs
 * only under job control (they may be stopped) or while tracing.
 */
void eval_name_job(struct shell *sh, struct job *j, const struct ast_node *n)
{
	if (j->async || sh->jobs->monitor || sh->jobs->trace_fd >= 0)
		job_set_text(j, ast_to_text(n));
}

/* Did the job end because of Ctrl-C? */
static bool died_of_sigint(const struct job *j)
{
	for (size_t k = 0; k < j->nprocs; k++) {
		int st = j->procs[k].status;
		if (WIFSIGNALED(st) && WTERMSIG(st) == SIGINT)
			return true;
	}
	return false;
}

/*
 * Ctrl-Z stopped a foreground command inside a loop typed at the prompt:
 * the stopped command is a job (fg resumes it alone), and the loops
 * around it in the same function body are left, so the prompt comes back
 * after the rest of the command line — bash's rule.  A loop of builtins
 * cannot be stopped: the shell ignores SIGTSTP (Ctrl-C ends it).  Scripts
 * and subshells (jobs->interactive is false there) go on with the loop.
 */
static void leave_loops_when_stopped(struct shell *sh)
{
	if (sh->jobs->interactive && sh->loop_depth > 0 &&
	    sh->unwind == UNWIND_NONE) {
		sh->unwind = UNWIND_BREAK;
		sh->unwind_count = sh->loop_depth;
	}
}

int eval_wait_fg(struct shell *sh, struct job *j)
{
	job_wait_fg(sh->jobs, j);
	int status = job_status(j, sh->opt.pipefail);
	if (j->nprocs > 1) {
		sh->pipestatus.len = 0;
		for (size_t i = 0; i < j->nprocs; i++)
			vec_push(&sh->pipestatus, (void *)(intptr_t)
				 job_decode_status(j->procs[i].status));
		sh->pipestatus_dirty = true;
	}
	/* A job stopped under job control stays in the table (fg/bg). */
	if (job_state(j) != JOB_DONE) {
		leave_loops_when_stopped(sh);
		return status;
	}
	/* Ctrl-C killed the foreground job: at the prompt, the rest of the
	   command line is abandoned too (as in bash and dash). */
	if (sh->jobs->interactive && died_of_sigint(j) &&
	    sh->unwind == UNWIND_NONE)
		sh->unwind = UNWIND_INTERRUPT;
	job_free(sh->jobs, j);
	return status;
}

/* --------------------------------------------------- errors and set -e */

void eval_fatal(struct shell *sh, int status)
{
	sh->last_status = status;
	/* XCU 2.8.1: an interactive shell does not exit, and does no more
	   of the command in which the error occurred: like dash, the rest
	   of the command line is dropped. */
	if (sh->opt.interactive && !sh->in_subshell) {
		if (sh->unwind == UNWIND_NONE || sh->unwind == UNWIND_BREAK ||
		    sh->unwind == UNWIND_CONTINUE)
			sh->unwind = UNWIND_ABANDON;
		return;
	}
	if (sh->unwind != UNWIND_EXIT) {
		sh->unwind = UNWIND_EXIT;
		sh->unwind_fatal = true;
		sh->exit_status = status;
	}
}

/*
 * set -e (XCU 2.14): a command that fails exits the shell, except where
 * its status is being tested — the condition of if/while/until, any
 * command of an && || list but the last, a pipeline after `!`.  Those
 * contexts raise sh->errexit_suppressed for everything they run, including
 * function bodies called from them (as dash and bash do).
 */
void eval_check_errexit(struct shell *sh, int status)
{
	if (status == 0 || !sh->opt.errexit || sh->errexit_suppressed)
		return;
	if (sh->unwind != UNWIND_NONE)
		return;
	sh->unwind = UNWIND_EXIT;
	sh->exit_status = status;
}

_Noreturn void eval_child_exit(struct shell *sh, int status)
{
	if (sh->unwind == UNWIND_EXIT)
		status = sh->exit_status;
	sh->unwind = UNWIND_NONE;
	shell_exit(sh, status);
}

void eval_enter_subshell(struct shell *sh)
{
	sh->in_subshell = true;
	sh->jobs->gen++;	/* also without a fork: the jobs are the parent's */
	trap_reset_subshell(sh);
}

/* ----------------------------------------------------------- lists */

static int eval_list(struct shell *sh, struct ast_node *n, int flags)
{
	int status = sh->last_status;
	struct vec *items = &n->list.items;
	if (items->len == 0)
		return status;
	for (size_t i = 0; i < items->len; i++) {
		struct list_item *it = items->items[i];
		bool last = i + 1 == items->len;
		if (it->async) {
			/* $? is 0 after `cmd &` (XCU 2.9.3.1), or nonzero
			   when the fork failed: set it before the next item. */
			status = eval_async(sh, it->cmd);
			sh->last_status = status;
		} else
			status = eval_run(sh, it->cmd, last ? flags : 0);
		if (eval_should_unwind(sh))
			break;
	}
	return status;
}

static int eval_andor(struct shell *sh, struct ast_node *n, int flags)
{
	sh->errexit_suppressed++;
	int status = eval_run(sh, n->binary.left, 0);
	sh->errexit_suppressed--;
	if (eval_should_unwind(sh))
		return status;
	bool go = n->type == NODE_AND ? status == 0 : status != 0;
	if (!go)
		return status;
	return eval_run(sh, n->binary.right, flags);
}

/* ----------------------------------------------------- compound commands */

static int eval_cond(struct shell *sh, struct ast_node *cond)
{
	sh->errexit_suppressed++;
	int status = eval_run(sh, cond, 0);
	sh->errexit_suppressed--;
	return status;
}

static int eval_if(struct shell *sh, struct ast_node *n, int flags)
{
	int c = eval_cond(sh, n->if_.cond);
	if (eval_should_unwind(sh))
		return c;
	if (c == 0)
		return eval_run(sh, n->if_.then_part, flags);
	if (n->if_.else_part)
		return eval_run(sh, n->if_.else_part, flags);
	return 0;
}

/*
 * After the body of a loop: does the loop stop?  `break n` and `continue n`
 * count down one level per enclosing loop (XCU 2.14 break/continue); the
 * loop where the count reaches zero absorbs the unwind.
 */
static bool eval_loop_stops(struct shell *sh)
{
	switch (sh->unwind) {
	case UNWIND_NONE:
		return false;
	case UNWIND_BREAK:
		if (--sh->unwind_count <= 0)
			sh->unwind = UNWIND_NONE;
		return true;
	case UNWIND_CONTINUE:
		if (--sh->unwind_count <= 0) {
			sh->unwind = UNWIND_NONE;
			return false;
		}
		return true;
	default:
		return true;
	}
}

/* A safe point: collect finished background children (no zombies, and
   their statuses kept for `wait`), then run pending traps. */
static void eval_pending_traps(struct shell *sh)
{
	if (sig_chld_seen)
		jobs_reap(sh->jobs, false);
	if (sig_any_pending)
		trap_run_pending(sh);
}

static int eval_while(struct shell *sh, struct ast_node *n)
{
	int status = 0;
	bool until = n->type == NODE_UNTIL;
	sh->loop_depth++;
	for (;;) {
		int c = eval_cond(sh, n->loop.cond);
		/* `continue` in the condition starts the next iteration: the
		   condition runs again, the body does not (dash, bash). */
		bool cont = sh->unwind == UNWIND_CONTINUE;
		if (eval_loop_stops(sh))
			break;
		if (cont) {
			eval_pending_traps(sh);
			continue;
		}
		if (eval_should_unwind(sh))
			break;
		if ((c == 0) == until)
			break;
		status = eval_run(sh, n->loop.body, 0);
		if (eval_loop_stops(sh))
			break;
		eval_pending_traps(sh);
	}
	sh->loop_depth--;
	return status;
}

int eval_for_values(struct shell *sh, struct ast_node *n, struct vec *vals)
{
	if (n->for_.has_in) {
		if (expand_words(sh, &n->for_.words, vals) < 0) {
			vec_free_all(vals, free);
			eval_fatal(sh, 2);
			return -1;
		}
		return 0;
	}
	struct vec *params = shell_params(sh);
	for (size_t i = 0; i < params->len; i++)
		vec_push(vals, xstrdup(params->items[i]));
	return 0;
}

bool eval_loop_pass(struct shell *sh, struct ast_node *n, const char *value,
		    int *status)
{
	if (var_set(sh, n->for_.var, value, 0) < 0) {
		*status = 1;
		eval_fatal(sh, 1);
		return true;
	}
	*status = eval_run(sh, n->for_.body, 0);
	if (eval_loop_stops(sh))
		return true;
	eval_pending_traps(sh);
	return false;
}

static int eval_for(struct shell *sh, struct ast_node *n)
{
	struct vec vals = VEC_INIT;
	sh->lineno = n->range.begin.line;
	if (eval_for_values(sh, n, &vals) < 0)
		return 2;
	int status = 0;
	sh->loop_depth++;
	for (size_t i = 0; i < vals.len; i++)
		if (eval_loop_pass(sh, n, vals.items[i], &status))
			break;
	sh->loop_depth--;
	vec_free_all(&vals, free);
	return status;
}

/*
 * (( expression )) (extension, as ksh and bash): status 0 when the value is
 * not zero, 1 when it is zero.  A bad expression is this command's failure
 * (status 1, as in bash), not an expansion error that ends a script.
 */
static int eval_arith(struct shell *sh, struct ast_node *n)
{
	sh->lineno = n->range.begin.line;
	if (sh->opt.xtrace)
		eval_xtrace_node(sh, n);
	int64_t v;
	int status = expand_arith_value(sh, n->arith.expr, &v) < 0 ? 1 : v == 0;
	eval_check_errexit(sh, status);
	return status;
}

/* One of the three parts of for (( )): 0, or -1 after an error. */
static int arith_for_part(struct shell *sh, const struct word *w, int64_t *v)
{
	*v = 1;
	return w ? expand_arith_value(sh, w, v) : 0;
}

/* for (( init; cond; step )) body: init once; while cond is not zero, the
   body and then step ("continue" runs step too).  No cond: loop until break. */
static int eval_arith_for(struct shell *sh, struct ast_node *n)
{
	int64_t v;
	sh->lineno = n->range.begin.line;
	if (arith_for_part(sh, n->afor.init, &v) < 0)
		return 1;
	int status = 0;
	sh->loop_depth++;
	for (;;) {
		if (arith_for_part(sh, n->afor.cond, &v) < 0) {
			status = 1;
			break;
		}
		if (v == 0)
			break;
		status = eval_run(sh, n->afor.body, 0);
		if (eval_loop_stops(sh))
			break;
		eval_pending_traps(sh);
		if (arith_for_part(sh, n->afor.step, &v) < 0) {
			status = 1;
			break;
		}
	}
	sh->loop_depth--;
	return status;
}

/* Does any pattern of a case item match?  -1 on an expansion error. */
static int case_item_matches(struct shell *sh, struct case_item *ci,
			     const char *subject)
{
	for (size_t k = 0; k < ci->patterns.len; k++) {
		char *pat;
		if (expand_word_pattern(sh, ci->patterns.items[k], &pat) < 0)
			return -1;
		bool m = pattern_match(pat, subject, expand_match_flags(sh));
		free(pat);
		if (m)
			return 1;
	}
	return 0;
}

/* XCU 2.9.4.3: the first matching item runs; `;&` falls through into the
   next item's body without testing its patterns; `;;&` (bash) goes on
   testing the patterns of the items after it. */
static int eval_case(struct shell *sh, struct ast_node *n, int flags)
{
	char *subject;
	sh->lineno = n->range.begin.line;
	if (expand_word_str(sh, n->case_.subject, 0, &subject) < 0) {
		eval_fatal(sh, 2);
		return 2;
	}
	int status = 0;
	struct vec *items = &n->case_.items;
	for (size_t i = 0; i < items->len; i++) {
		int m = case_item_matches(sh, items->items[i], subject);
		if (m < 0) {
			status = 2;
			eval_fatal(sh, 2);
			break;
		}
		if (!m)
			continue;
		for (; i < items->len; i++) {
			struct case_item *ci = items->items[i];
			status = ci->body ? eval_run(sh, ci->body, flags) : 0;
			if (ci->term != CASE_FALLTHROUGH || eval_should_unwind(sh))
				break;
		}
		/* ;;& (bash): go on testing the items after this one */
		if (i < items->len && ((struct case_item *)items->items[i])->term
		    == CASE_CONTINUE && !eval_should_unwind(sh))
			continue;
		break;
	}
	free(subject);
	return status;
}

static int eval_subshell(struct shell *sh, struct ast_node *n, int flags)
{
	if ((flags & EVAL_EXIT) && !trap_any_set(sh)) {
		/* Nothing follows in this process (and no trap of ours is
		   waiting to run): the subshell needs no process of its own. */
		eval_enter_subshell(sh);
		return eval_with_redirs(sh, n, flags | EVAL_IN_CHILD);
	}
	struct job *j = job_new(sh->jobs, false);
	eval_name_job(sh, j, n);
	fflush(stdout);
	fflush(stderr);
	var_environ_warm(sh);	/* built once in the parent, not per child */
	pid_t pid = job_fork(sh->jobs, j, JOB_FORK_FG);
	if (pid == 0) {
		eval_enter_subshell(sh);
		int st = eval_with_redirs(sh, n, EVAL_EXIT | EVAL_IN_CHILD);
		eval_child_exit(sh, st);
	}
	if (pid < 0) {
		job_free(sh->jobs, j);
		return 2;
	}
	int status = eval_wait_fg(sh, j);
	eval_check_errexit(sh, status);
	return status;
}

static int eval_funcdef(struct shell *sh, struct ast_node *n)
{
	struct ast_node *old = hm_put(&sh->functions, n->func.name,
				      ast_node_ref(n));
	if (old)
		ast_node_destroy(old);
	if (sh->opt.hashall)
		path_hash_commands(sh, n->func.body);
	return 0;
}

/* ------------------------------------------------- redirections around */

static int eval_compound(struct shell *sh, struct ast_node *n, int flags)
{
	switch (n->type) {
	case NODE_BRACE:
		return eval_run(sh, n->group.body, flags);
	case NODE_SUBSHELL:
		/* Only in the subshell's own process (see eval_subshell). */
		return eval_run(sh, n->group.body, flags & EVAL_EXIT);
	case NODE_IF:
		return eval_if(sh, n, flags);
	case NODE_WHILE:
	case NODE_UNTIL:
		return eval_while(sh, n);
	case NODE_FOR:
		return eval_for(sh, n);
	case NODE_CASE:
		return eval_case(sh, n, flags);
	case NODE_ARITH:
		return eval_arith(sh, n);
	case NODE_ARITH_FOR:
		return eval_arith_for(sh, n);
	case NODE_COND:
		return eval_cond_cmd(sh, n);
	case NODE_SELECT:
		return eval_select(sh, n);
	default:
		return eval_run(sh, n, flags);
	}
}

int eval_with_redirs(struct shell *sh, struct ast_node *n, int flags)
{
	/* A ( subshell )'s redirections belong to its own process. */
	if (n->type == NODE_SUBSHELL && !(flags & EVAL_IN_CHILD))
		return eval_subshell(sh, n, flags);
	if (n->redirs.len == 0)
		return eval_compound(sh, n, flags);
	/* A subshell's process ends with it: its redirections stay in place
	   to the end, so its EXIT trap runs inside them, and its last
	   command may still replace the process. */
	bool for_good = n->type == NODE_SUBSHELL && (flags & EVAL_EXIT);
	struct redir_plan plan = REDIR_PLAN_INIT;
	struct redir_undo undo = REDIR_UNDO_INIT;
	if (redir_stage(sh, &n->redirs, &plan) < 0 ||
	    redir_apply(sh, &plan, for_good ? NULL : &undo) < 0) {
		redir_plan_free(&plan);
		redir_undo(sh, &undo);
		eval_check_errexit(sh, REDIR_FAILED_STATUS);
		return REDIR_FAILED_STATUS;
	}
	redir_plan_free(&plan);
	if (for_good)
		return eval_compound(sh, n, flags);
	/* The fds are ours until undone: nothing may execve in place. */
	int status = eval_compound(sh, n, flags & ~EVAL_EXIT);
	redir_undo(sh, &undo);
	return status;
}

/* -------------------------------------------------------------- dispatch */

int eval_run(struct shell *sh, struct ast_node *n, int flags)
{
	int status;
	if (!n)
		return 0;
	/* set -n takes effect at once, even later in the same list (as
	   dash and bash); an interactive shell ignores it (XCU set -n). */
	if (sh->opt.noexec && !sh->opt.interactive)
		return sh->last_status;
	size_t procsubs = sh->procsubs.len;
	switch (n->type) {
	case NODE_SIMPLE:
		status = eval_simple(sh, n, flags);
		break;
	case NODE_PIPELINE:
		status = n->pipeline.timed ? eval_timed(sh, n, flags)
					   : eval_pipeline(sh, n, flags);
		break;
	case NODE_AND:
	case NODE_OR:
		status = eval_andor(sh, n, flags);
		break;
	case NODE_LIST:
		status = eval_list(sh, n, flags);
		break;
	case NODE_SUBSHELL:
		status = eval_subshell(sh, n, flags);
		break;
	case NODE_FUNCDEF:
		status = eval_funcdef(sh, n);
		break;
	default:
		status = eval_with_redirs(sh, n, flags);
		break;
	}
	if (sh->procsubs.len > procsubs)	/* <(...) of this command */
		procsub_close_from(sh, procsubs);
	sh->last_status = status;
	if (n->type == NODE_SIMPLE || n->type == NODE_SUBSHELL) {
		/* PIPESTATUS of a command that is not a pipeline of several:
		   its own status (no allocation after the first). */
		if (sh->pipestatus.len != 1)
			var_pipestatus_record(sh, &status, 1);
		sh->pipestatus.items[0] = (void *)(intptr_t)status;
		sh->pipestatus_dirty = true;
	}
	eval_pending_traps(sh);
	return status;
}

int eval_node(struct shell *sh, struct ast_node *n)
{
	return eval_run(sh, n, 0);
}
