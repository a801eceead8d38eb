/* redir.h: redirection staging (XCU 2.7) — open everything first, then apply in the shell (with undo) or in a child. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_REDIR_H
#define WHELK_EXEC_REDIR_H

#include <stddef.h>

#include "base/vec.h"
#include "jobs/jobs.h"

struct shell;

/*
 * Redirections happen in two steps:
 *
 *  1. staging (redir_stage): expand the targets, open the files (at high
 *     close-on-exec fds; under a limit of 10 fds or fewer, at the lowest
 *     fd no redirection of the command names), write here-documents into a pipe or an unlinked
 *     temporary file.  Every error is found here, in the shell, before any
 *     process is created or any fd of the command is touched — so a failed
 *     redirection never runs the command and never damages a file it was
 *     not asked to open.  The result is a plan: a list of
 *     "fd := copy of src" / "close fd" steps, in source order.
 *
 *  2. applying the plan: in a child about to execve (job_apply_actions:
 *     just dup2, safe in a vfork child), or in the shell itself for
 *     builtins, functions and compound commands (redir_apply, which first
 *     saves each fd it changes at fd >= 10 with close-on-exec, so that
 *     redir_undo can put everything back).
 */
struct redir_plan {
	struct fd_action *acts;	/* owned array of n steps */
	size_t n;
	size_t cap;
	int *opened;		/* owned: high fds staging opened (closed by
				   redir_plan_free) */
	size_t nopened;
	size_t opencap;
	const struct vec *redirs;	/* borrowed, during redir_stage only:
					   the command's redirections, whose
					   fds a low staged fd must avoid */
	struct vec names;		/* owned strings: the acts' names */
	struct jobs *jobs;		/* borrowed, may be NULL: narrates
					   redir_plan_free's closes */
};

/* What redir_apply changed, to put back. */
struct redir_undo {
	struct fd_action *saved;	/* owned: {fd, copy or -1 if it was
					   closed} */
	size_t n;
	size_t cap;
};

#define REDIR_PLAN_INIT { NULL, 0, 0, NULL, 0, 0, NULL, VEC_INIT, NULL }
#define REDIR_UNDO_INIT { NULL, 0, 0 }

/*
 * The status of a command whose redirection failed.  XCU 2.8.2 asks only
 * for "greater than zero"; dash and yash use 2 (bash 1), and so does whelk.
 */
#define REDIR_FAILED_STATUS 2

/**
 * Stage redirs (struct redir *).  Returns 0, or -1 after printing the
 * message (the plan is then empty; the caller decides the status,
 * REDIR_FAILED_STATUS, or exits).
 */
int redir_stage(struct shell *sh, const struct vec *redirs,
		struct redir_plan *plan);
/** Close the fds staging opened and free the plan. */
void redir_plan_free(struct redir_plan *plan);

/**
 * Apply a plan to the shell's own fds.  undo NULL: permanently (`exec`).
 * Returns 0, or -1 after a message (whatever was applied is in undo).
 */
int redir_apply(struct shell *sh, const struct redir_plan *plan,
		struct redir_undo *undo);
/** Restore the saved fds (in reverse order) and free undo's memory. */
void redir_undo(struct shell *sh, struct redir_undo *undo);

#endif
