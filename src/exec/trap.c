/* trap.c: trap actions (XCU 2.11) — run at safe points, the EXIT trap exactly once, reset in subshells. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "exec/exec_int.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/*
 * sh->traps_set counts the non-NULL entries of sh->traps, so that the
 * questions asked at every fork and every exec-in-place ("any trap to
 * reset?", "any trap that must still run?") cost one comparison in a
 * script with no traps instead of a walk over JOBS_NSIG slots.
 */
void trap_set_action(struct shell *sh, int s, const char *action)
{
	if (sh->traps[s]) {
		free(sh->traps[s]);
		sh->traps_set--;
	}
	sh->traps[s] = action ? xstrdup(action) : NULL;
	if (action)
		sh->traps_set++;
}

void trap_free_all(struct shell *sh)
{
	for (int s = 0; sh->traps_set > 0 && s < JOBS_NSIG; s++)
		trap_set_action(sh, s, NULL);
	trap_forget_parent(sh);
}

void trap_forget_parent(struct shell *sh)
{
	if (!sh->parent_traps)
		return;
	for (int s = 0; s < JOBS_NSIG; s++)
		free(sh->parent_traps[s]);
	free(sh->parent_traps);
	sh->parent_traps = NULL;
}

const char *trap_listed_action(const struct shell *sh, int s)
{
	if (sh->traps[s] || !sh->parent_traps)
		return sh->traps[s];
	return sh->parent_traps[s];
}

int trap_default_disp(const struct shell *sh, int s)
{
	if (!sh->opt.interactive || sh->in_subshell)
		return SIGD_DEFAULT;
	switch (s) {
	case SIGINT:
	case SIGHUP:
		return SIGD_CATCH;
	case SIGQUIT:
	case SIGTERM:
		return SIGD_IGNORE_SHELL;
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		return sh->jobs->monitor ? SIGD_IGNORE_SHELL : SIGD_DEFAULT;
	default:
		return SIGD_DEFAULT;
	}
}

bool trap_any_set(const struct shell *sh)
{
	if (sh->traps_set == 0)
		return false;
	for (int s = 0; s < JOBS_NSIG; s++)
		if (sh->traps[s] && *sh->traps[s])
			return true;
	return false;
}

/* Run one action with $? preserved around it (XCU 2.11: "the value of $?
   after the trap action completes shall be the value it had before"),
   unless the action exits the shell. */
static void run_action(struct shell *sh, const char *action)
{
	int saved = sh->last_status;
	int outer_status = sh->trap_status, outer_depth = sh->trap_depth;
	char *copy = xstrdup(action);	/* the action may replace itself */
	unsigned line = sh->lineno;
	sh->trap_status = saved;	/* for exit / return without n */
	sh->trap_depth = sh->func_depth + 1;
	shell_run_string(sh, "trap", copy);
	sh->trap_status = outer_status;
	sh->trap_depth = outer_depth;
	free(copy);
	sh->lineno = line;
	if (sh->unwind != UNWIND_EXIT)
		sh->last_status = saved;
}

/*
 * Ctrl-C reached the interactive shell itself (it catches SIGINT when no
 * trap is set, repl.c): whatever runs — a loop of builtins, a `wait`, a
 * `read` — the rest of the command line is abandoned and the prompt comes
 * back with $? 130, as in bash.  The newline moves the prompt off the
 * line where the terminal echoed ^C.  A subshell has SIGINT at its
 * default, so this is only ever the shell at the prompt.
 */
static void interrupt_command_line(struct shell *sh)
{
	if (!sh->opt.interactive || sh->in_subshell ||
	    sh->unwind == UNWIND_INTERRUPT)	/* the newline is out already:
						   a job died of the same ^C */
		return;
	fputc('\n', stderr);
	fflush(stderr);
	if (sh->unwind == UNWIND_NONE || sh->unwind == UNWIND_BREAK ||
	    sh->unwind == UNWIND_CONTINUE || sh->unwind == UNWIND_RETURN ||
	    sh->unwind == UNWIND_ABANDON)
		sh->unwind = UNWIND_INTERRUPT;
	sh->last_status = 128 + SIGINT;
}

/*
 * A safe point: the shell is between commands, so running shell code is
 * harmless.  Signals whose trap was reset (or is '') since they arrived
 * are dropped.
 */
void trap_run_pending(struct shell *sh)
{
	int s;
	while ((s = sig_take_pending()) != 0) {
		if (sh->unwind == UNWIND_EXIT)
			continue;
		const char *act = s < JOBS_NSIG ? sh->traps[s] : NULL;
		if (s == SIGINT && !act)
			interrupt_command_line(sh);
		if (s == SIGHUP && !act && sh->jobs->interactive) {
			/* The terminal hung up (or kill -HUP): an interactive
			   shell passes it on to its jobs, then leaves. */
			jobs_hangup(sh->jobs);
			shell_exit(sh, 128 + SIGHUP);
		}
		if (act && *act)
			run_action(sh, act);
	}
}

int trap_run_exit(struct shell *sh, int status)
{
	char *act = sh->traps[0];
	if (!act)
		return status;
	sh->traps[0] = NULL;	/* exactly once, even if it calls exit */
	sh->traps_set--;
	sh->unwind = UNWIND_NONE;
	sh->last_status = status;
	sh->eval_depth++;	/* never exec in place from here */
	sh->trap_status = status;
	sh->trap_depth = sh->func_depth + 1;
	if (*act)
		shell_run_string(sh, "trap", act);
	sh->trap_depth = 0;
	sh->eval_depth--;
	free(act);
	if (sh->unwind == UNWIND_EXIT)
		status = sh->exit_status;
	sh->unwind = UNWIND_NONE;
	return status;
}

/*
 * XCU 2.11: a subshell resets every trap that is not an ignore ('').  The
 * actions are kept aside, never run, only so that `trap` in the subshell
 * lists the parent's traps until the subshell changes one (XCU 2.14 trap,
 * Issue 8): `traps=$(trap)` saves the shell's traps for later.
 */
void trap_reset_subshell(struct shell *sh)
{
	for (int s = 0; sh->traps_set > 0 && s < JOBS_NSIG; s++) {
		if (!sh->traps[s] || !*sh->traps[s])
			continue;
		if (!sh->parent_traps)
			sh->parent_traps = xcalloc(JOBS_NSIG, sizeof *sh->parent_traps);
		free(sh->parent_traps[s]);
		sh->parent_traps[s] = xstrdup(sh->traps[s]);
		trap_set_action(sh, s, NULL);
		if (s > 0 && s < JOBS_NSIG &&
		    sh->jobs->disp[s] == SIGD_CATCH)
			sig_set_disp(sh->jobs, s, SIGD_DEFAULT);
	}
}
