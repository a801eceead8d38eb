/* exec_int.h: private interfaces between the evaluator's files (eval, command, pipeline, cmdsub, trap, path). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_EXEC_INT_H
#define WHELK_EXEC_EXEC_INT_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/vec.h"
#include "parser/ast.h"

struct shell;
struct path_names;
struct job;

/* Deepest nesting of function calls, eval, `.` and trap actions together:
   each level costs a few C stack frames, and 1000 of them fit easily in
   the default 8 MiB stack (XCU leaves the limit to us; issue 7). */
#define EVAL_MAX_DEPTH 1000

/* Flags down the tree walk. */
enum {
	/*
	 * Nothing runs in this process after this node: a simple command
	 * that is an external utility may execve in place instead of forking
	 * (the last command of -c, of a subshell, of a pipeline stage).
	 */
	EVAL_EXIT = 1,
	/* We are the forked process of a ( subshell ): run its body here. */
	EVAL_IN_CHILD = 2,
};

/* eval.c */
int eval_run(struct shell *sh, struct ast_node *n, int flags);
/** The words of for / select (or "$@" without `in`) into vals; -1 after
    an expansion error (already made fatal). */
int eval_for_values(struct shell *sh, struct ast_node *n, struct vec *vals);
/** One pass of a for or select loop n: set its variable to value, run
    the body; true when the loop ends here (*status is its status). */
bool eval_loop_pass(struct shell *sh, struct ast_node *n, const char *value,
		    int *status);
/* select.c: select name [in words]; do list; done */
int eval_select(struct shell *sh, struct ast_node *n);
/** A compound command or function body with its trailing redirections. */
int eval_with_redirs(struct shell *sh, struct ast_node *n, int flags);
/** set -e: after a command that counts (not in a tested context). */
void eval_check_errexit(struct shell *sh, int status);
/** XCU 2.8.1: a fatal error exits a non-interactive shell; an interactive
    one drops the rest of the command line (UNWIND_ABANDON). */
void eval_fatal(struct shell *sh, int status);
/** A forked child is done: EXIT trap, flush, _exit.  Never returns. */
_Noreturn void eval_child_exit(struct shell *sh, int status);
/** In a freshly forked child that keeps running shell code. */
void eval_enter_subshell(struct shell *sh);

/* cmdsub.c */
/** w expands without side effects or errors (unless set -u): literals,
    quotes, plain $name — in the shell as in a child, the same fields. */
bool eval_word_is_pure(const struct word *w);

/* cond.c: [[ expression ]] */
int eval_cond_cmd(struct shell *sh, struct ast_node *n);
/* rematch.c: store what =~ matched (m[0..n), n == 0: no match). */
void rematch_set(struct shell *sh, const char *subject, const regmatch_t *m,
		 size_t n);

/* command.c */
int eval_simple(struct shell *sh, struct ast_node *n, int flags);
/** set -x of a command that is not a simple command ((( )), [[ ]]): PS4
    and the command's text as written (its words unexpanded). */
void eval_xtrace_node(struct shell *sh, const struct ast_node *n);
/** set -x: PS4, then text, as one line. */
void eval_xtrace_text(struct shell *sh, const char *text);
/** Call a function (def is a NODE_FUNCDEF) with argv[1..] as $1... */
int eval_call_function(struct shell *sh, struct ast_node *def, int argc,
		       char **argv);

/* dynvars.c: the variables the shell computes (VAR_DYNAMIC). */
struct var;
/** Create RANDOM, SECONDS, _, UID... and set HOSTNAME, SHLVL... */
void dynvars_init(struct shell *sh);
/** The value of dynamic variable v named name; buf may hold it. */
const char *dynvar_value(struct shell *sh, const char *name, struct var *v,
			 char *buf, size_t size);
/** A dynamic variable was assigned value: seed RANDOM, restart SECONDS. */
void dynvar_assigned(struct shell *sh, const char *name, const char *value);
/** A dynamic variable is being unset: its magic ends. */
void dynvar_unset(struct shell *sh, const char *name);
/** Is name a dynamic variable that refuses assignment (UID, EUID)? */
bool dynvar_readonly(const struct shell *sh, const char *name);
/** $_ becomes arg (before a simple command runs), unless set -o posix. */
void dynvar_set_last_arg(struct shell *sh, const char *arg);

/* pipeline.c */
int eval_pipeline(struct shell *sh, struct ast_node *n, int flags);
/** timing.c: a pipeline with the `time` prefix — run it (eval_pipeline),
    then write its times to stderr as TIMEFORMAT says. */
int eval_timed(struct shell *sh, struct ast_node *n, int flags);
/** `cmd &`: start an and-or list asynchronously; sets $!. */
int eval_async(struct shell *sh, struct ast_node *n);
/**
 * A job spec alone as a command under job control (`%1`, `%vim`,
 * `%?str`, as in bash, ksh and zsh): `fg spec`, or `bg spec` for
 * `%1 &`.  Returns the builtin's status.  (command.c)
 */
int eval_job_spec_command(struct shell *sh, const char *spec, bool bg);
/** Wait for a foreground job, free it, return its status. */
int eval_wait_fg(struct shell *sh, struct job *j);
/** Give j the text of n for jobs/notices/trace (when anyone may look). */
void eval_name_job(struct shell *sh, struct job *j, const struct ast_node *n);

/* trap.c */
/** Run the actions of signals caught since the last safe point. */
void trap_run_pending(struct shell *sh);
/** Run the EXIT trap once (status is $? inside it); returns the status the
    shell should exit with (an `exit n` inside the trap changes it). */
int trap_run_exit(struct shell *sh, int status);
/** Subshell entry: non-ignored traps are reset (XCU 2.11). */
void trap_reset_subshell(struct shell *sh);
/** Is any trap action (including EXIT) set? */
bool trap_any_set(const struct shell *sh);
void trap_free_all(struct shell *sh);

/* path.c */
/** Search PATH (or the given path list) without the hash table. */
char *path_find(const char *name, const char *pathlist);
/** path_search that neither remembers nor forgets a location (path.c). */
char *path_search_quiet(struct shell *sh, const char *name);
/** Describe the result of a failed exec (126/127) and print it. */
int path_exec_error(struct shell *sh, const char *name, int err);

/* suggest.c */
/**
 * " (did you mean ls?)" — up to three builtins, functions, aliases or
 * commands in PATH within two edits of name, nearest first — or NULL (not
 * an interactive shell, a name with '/', nothing near).  Fresh string.
 */
char *path_suggest(struct shell *sh, const char *name);
/** Free the cached listing of PATH (sh->path_names). */
void path_names_free(struct path_names *pn);

#endif
