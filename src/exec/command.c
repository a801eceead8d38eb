/* command.c: simple commands (XCU 2.9.1) — expansion, assignments, command search, builtins, functions, external utilities. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/shquote.h"
#include "base/strbuf.h"
#include "builtins/registry.h"
#include "exec/eval.h"
#include "exec/exec_int.h"
#include "exec/expand.h"
#include "exec/redir.h"
#include "exec/shell.h"
#include "jobs/jobs.h"
#include "parser/parser.h"

/*
 * One simple command on its way to running.  eval_simple() fills it from
 * the tree; shell_run_argv() (for `command` and `exec`) fills it from an
 * already expanded argv.
 */
struct simple {
	int argc;
	char **argv;		/* borrowed: NULL-terminated fields */
	struct assign **assigns;	/* borrowed: the assignments */
	char **values;		/* owned strings: expanded assignment values */
	char **subs;		/* owned, may be NULL: expanded subscripts
				   of a[i]=v (NULL entries for plain ones) */
	size_t nassign;
	struct redir_plan plan;	/* staged redirections */
	int flags;		/* EVAL_EXIT, and SHELL_CMD_* << 8 */
};

#define CMDF(f) ((f) << 8)

enum cmd_kind {
	CK_SPECIAL,
	CK_FUNCTION,
	CK_BUILTIN,
	CK_EXTERNAL,
};

/* The result of the XCU 2.9.1.1 command search. */
struct resolved {
	enum cmd_kind kind;
	const struct builtin *b;	/* CK_SPECIAL, CK_BUILTIN */
	struct ast_node *fn;		/* CK_FUNCTION (borrowed) */
};

/* --------------------------------------------------------- set -x */

/* PS4 is expanded like the body of a here-document (parameters, $( ),
   $(( ))); the common "+ " needs no parsing at all. */
static char *ps4_text(struct shell *sh)
{
	const char *ps4 = var_get(sh, "PS4");
	if (!ps4)
		return xstrdup("");
	if (!strpbrk(ps4, "$`\\"))
		return xstrdup(ps4);
	/* Trace nothing while PS4 itself is expanded: a $( ) in PS4 would
	   trace its own commands, each trace expanding PS4 again -- an
	   unbounded chain of forks (bash does the same). */
	bool saved_xtrace = sh->opt.xtrace;
	sh->opt.xtrace = false;
	char *out = expand_text_as_heredoc(sh, "PS4", ps4);
	sh->opt.xtrace = saved_xtrace;
	return out ? out : xstrdup(ps4);
}

/*
 * PS4, then the assignments and words, each quoted when the shell would
 * not read it back as it is ('a b', 'c$d', '' — bash's and yash's form), so
 * a trace can be pasted back as a command.  A command name holding '=' is
 * quoted too, or it would read back as an assignment.  One write, so lines
 * from several processes don't interleave.
 */
static void xtrace(struct shell *sh, const struct simple *c)
{
	int saved = sh->last_status;
	char *ps4 = ps4_text(sh);
	sh->last_status = saved;
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, ps4);
	free(ps4);
	const char *sep = "";
	for (size_t i = 0; i < c->nassign; i++) {
		const struct assign *a = c->assigns[i];
		sb_printf(&sb, "%s%s", sep, a->name);
		if (c->subs && c->subs[i])
			sb_printf(&sb, "[%s]", c->subs[i]);
		sb_append(&sb, a->append ? "+=" : "=");
		if (a->value->type == WORD_ARRAY)
			sb_append(&sb, c->values[i]);	/* (quoted words) */
		else if (*c->values[i])
			shq_word(&sb, c->values[i]);
		sep = " ";
	}
	for (int i = 0; i < c->argc; i++) {
		sb_append(&sb, sep);
		if (i == 0 && strchr(c->argv[0], '='))
			shq_quote(&sb, c->argv[0]);
		else
			shq_word(&sb, c->argv[i]);
		sep = " ";
	}
	sb_putc(&sb, '\n');
	fflush(stderr);
	(void)fd_write(STDERR_FILENO, sb.data, sb.len);
	sb_free(&sb);
}

void eval_xtrace_text(struct shell *sh, const char *text)
{
	int saved = sh->last_status;
	char *ps4 = ps4_text(sh);
	sh->last_status = saved;
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%s%s\n", ps4, text);
	free(ps4);
	fflush(stderr);
	(void)fd_write(STDERR_FILENO, sb.data, sb.len);
	sb_free(&sb);
}

void eval_xtrace_node(struct shell *sh, const struct ast_node *n)
{
	char *text = ast_to_text(n);
	eval_xtrace_text(sh, text);
	free(text);
}

/* ------------------------------------------------------ command search */

/*
 * XCU 2.9.1.1, by name only: a name with a slash is a file; otherwise
 * special builtins, then functions, then (regular) builtins, then a PATH
 * search (done later, after the command's own assignments: `PATH=x cmd`
 * searches x).  `exec` only ever runs a file.
 */
static void classify(struct shell *sh, const struct simple *c,
		     struct resolved *r)
{
	const char *name = c->argv[0];
	int cmdf = c->flags >> 8;
	memset(r, 0, sizeof *r);
	r->kind = CK_EXTERNAL;
	if (strchr(name, '/') || (cmdf & SHELL_CMD_EXEC))
		return;
	r->b = builtin_find(name);
	if (r->b && (r->b->flags & BUILTIN_SPECIAL)) {
		r->kind = CK_SPECIAL;
		return;
	}
	if (!(cmdf & SHELL_CMD_NO_FUNCTIONS))
		r->fn = hm_get(&sh->functions, name);
	if (r->fn)
		r->kind = CK_FUNCTION;
	else if (r->b)
		r->kind = CK_BUILTIN;
}

/* ---------------------------------------------------------- assignments */

/*
 * XCU 2.9.1: assignments are expanded and performed left to right, so
 * `a=1 b=$a cmd` gives b=1.  Before a special builtin (or with no command
 * name) they stay; before anything else they are exported for the
 * command's duration and put back afterwards — even if a function changed
 * them (as dash).  `x=1 exec cmd` exports x to cmd.
 */
static int assign_one(struct shell *sh, const char *name, const char *value,
		      bool persist, int flags, struct vec *saves)
{
	if (persist)
		return var_set(sh, name, value, flags);
	struct var *v = var_lookup(sh, name);
	if (v && (v->flags & VAR_READONLY))
		return var_set(sh, name, value, 0);	/* the message */
	vec_push(saves, var_save_create(sh, name));
	return var_set(sh, name, value, VAR_EXPORT);
}

/* a[i]=v, a+=v, a=( ... ), a+=( ... ) (extensions, issue 10 item 2):
   always in the shell itself, also before a command (as bash). */
static int assign_ext(struct shell *sh, const struct assign *a,
		      struct simple *c, size_t i, bool persist, int flags,
		      struct vec *saves)
{
	const char *value = c->values[i];
	if (a->subscript) {
		if (expand_word_str(sh, a->subscript, 0, &c->subs[i]) < 0)
			return -1;
		return var_elem_set(sh, a->name, c->subs[i], value, a->append);
	}
	if (a->value->type == WORD_ARRAY)
		return var_assign_compound(sh, a->name, value, a->append);
	if (persist)
		return var_append(sh, a->name, value, flags);
	const char *old = var_get(sh, a->name);
	char *joined = xmalloc(xadd(strlen(old ? old : ""), strlen(value) + 1));
	strcpy(joined, old ? old : "");
	strcat(joined, value);
	int r = assign_one(sh, a->name, joined, persist, flags, saves);
	free(joined);
	return r;
}

static int assign_all(struct shell *sh, const struct vec *as,
		      struct simple *c, bool persist, int flags,
		      struct vec *saves)
{
	c->assigns = (struct assign **)as->items;
	c->values = xcalloc(as->len + 1, sizeof(char *));
	for (size_t i = 0; i < as->len; i++) {
		struct assign *a = as->items[i];
		if (expand_word_str(sh, a->value, EXPAND_ASSIGN,
				    &c->values[i]) < 0)
			return -1;
		c->nassign = i + 1;
		if (a->subscript && !c->subs)
			c->subs = xcalloc(as->len + 1, sizeof(char *));
		int r = a->subscript || a->append || a->value->type == WORD_ARRAY ?
			assign_ext(sh, a, c, i, persist, flags, saves) :
			assign_one(sh, a->name, c->values[i], persist, flags, saves);
		if (r < 0)
			return -1;
	}
	return 0;
}

static void assign_restore(struct shell *sh, struct vec *saves)
{
	for (size_t i = saves->len; i-- > 0;)
		var_save_restore(sh, saves->items[i]);
	vec_free(saves);
}

/* ---------------------------------------------------------- builtins */

static int run_builtin(struct shell *sh, const struct builtin *b, int argc,
		       char **argv)
{
	const char *saved = sh->current_builtin;
	sh->current_builtin = b->name;
	int status = b->fn(sh, argc, argv);
	/* Builtins write through stdio; a write error (a full disk, a
	   closed stdout) is the builtin's failure (registry.h). */
	if (fflush(stdout) == EOF || ferror(stdout)) {
		builtin_error(sh, "write error: %s", strerror(errno));
		clearerr(stdout);
		status = 1;
	}
	sh->current_builtin = saved;
	return status;
}

/* XCU 2.8.1: a nonzero status of a special builtin is an error that exits
   a non-interactive shell (unless run through `command`), except for the
   builtins that pass a status on (BUILTIN_PASSES_STATUS). */
static bool status_is_error(const struct builtin *b)
{
	return !(b->flags & BUILTIN_PASSES_STATUS);
}

static int run_special(struct shell *sh, struct simple *c,
		       const struct builtin *b)
{
	bool via_command = (c->flags >> 8) & SHELL_CMD_NO_FUNCTIONS;
	struct redir_undo undo = REDIR_UNDO_INIT;
	/* `exec` with only redirections (and perhaps the "--" that ends
	   its options) changes the shell's own fds. */
	bool permanent = (b->flags & BUILTIN_REDIRECTS_SHELL) &&
			 (c->argc == 1 ||
			  (c->argc == 2 && strcmp(c->argv[1], "--") == 0));
	if (redir_apply(sh, &c->plan, permanent ? NULL : &undo) < 0) {
		redir_undo(sh, &undo);
		if (!via_command)
			eval_fatal(sh, REDIR_FAILED_STATUS);
		return REDIR_FAILED_STATUS;
	}
	sh->builtin_fatal = false;
	sh->unwind_fatal = false;
	int status = run_builtin(sh, b, c->argc, c->argv);
	redir_undo(sh, &undo);
	/* `command eval x=2` with x read-only, `command . bad`: an error in
	   what the builtin ran fails it but leaves the shell (as dash). */
	if (via_command && sh->unwind == UNWIND_EXIT && sh->unwind_fatal) {
		sh->unwind = UNWIND_NONE;
		sh->unwind_fatal = false;
		status = sh->exit_status;
	}
	bool fatal = sh->builtin_fatal ||
		     (status != 0 && status_is_error(b));
	sh->builtin_fatal = false;
	if (fatal && !via_command)
		eval_fatal(sh, status);
	return status;
}

/* The flags of argv[i] when it names a builtin, else 0. */
static unsigned builtin_flags_of(const struct simple *c, int i)
{
	const struct builtin *b = i < c->argc ? builtin_find(c->argv[i]) : NULL;
	return b ? b->flags : 0;
}

/* `command exec 3<f` (perhaps `command -p command -- exec --`): exec with
   no command, whose redirections the command prefix does not undo. */
static bool command_exec_only(const struct simple *c)
{
	int i = 0;
	while (builtin_flags_of(c, i) & BUILTIN_RUNS_OPERAND) {
		i++;
		while (i < c->argc && (strcmp(c->argv[i], "-p") == 0 ||
				       strcmp(c->argv[i], "--") == 0))
			i++;
	}
	if (i == 0 || !(builtin_flags_of(c, i) & BUILTIN_REDIRECTS_SHELL))
		return false;
	i++;
	return i == c->argc || (i + 1 == c->argc && strcmp(c->argv[i], "--") == 0);
}

static int run_regular(struct shell *sh, struct simple *c,
		       const struct resolved *r)
{
	struct redir_undo undo = REDIR_UNDO_INIT;
	int status = REDIR_FAILED_STATUS;
	bool permanent = r->kind == CK_BUILTIN && command_exec_only(c);
	if (redir_apply(sh, &c->plan, permanent ? NULL : &undo) == 0) {
		if (r->kind == CK_FUNCTION)
			status = eval_call_function(sh, r->fn, c->argc, c->argv);
		else
			status = run_builtin(sh, r->b, c->argc, c->argv);
	}
	redir_undo(sh, &undo);
	return status;
}

/* A message about the command goes where the command's stderr would
   have gone: `nosuch 2>/dev/null` is silent. */
static int exec_failed(struct shell *sh, struct simple *c, int err)
{
	struct redir_undo undo = REDIR_UNDO_INIT;
	redir_apply(sh, &c->plan, &undo);
	int status = path_exec_error(sh, c->argv[0], err);
	redir_undo(sh, &undo);
	return status;
}

/* ----------------------------------------------------- functions */

int eval_call_function(struct shell *sh, struct ast_node *def, int argc,
		       char **argv)
{
	if (sh->func_depth + sh->eval_depth >= EVAL_MAX_DEPTH) {
		/* A run-time limit (issue 7): status 1, as bash's FUNCNEST;
		   a syntax error would be 2. */
		shell_error(sh, "%s: function nesting too deep", argv[0]);
		eval_fatal(sh, 1);
		return 1;
	}
	/* Hold the definition: the body may redefine or unset itself. */
	ast_node_ref(def);
	/* The arguments become $1...: moved, not copied, when they are the
	   calling command's own fields (vars.c, frame_push_take). */
	frame_push_take(sh, argc - 1, argv + 1);
	int saved_loops = sh->loop_depth;
	sh->loop_depth = 0;	/* break/continue don't reach the caller's
				   loops (as in dash) */
	sh->func_depth++;
	int status = eval_with_redirs(sh, def->func.body, 0);
	sh->func_depth--;
	sh->loop_depth = saved_loops;
	if (sh->unwind == UNWIND_RETURN) {
		sh->unwind = UNWIND_NONE;
		status = sh->exit_status;
	}
	frame_pop(sh);
	ast_node_destroy(def);
	return status;
}

/* ----------------------------------------------------- external commands */

/*
 * ENOEXEC: the file is executable but not a binary the kernel knows — by
 * tradition a shell script without #!.  It runs in a fresh whelk (as dash
 * hands it to /bin/sh), so no function or variable of ours leaks into it.
 * A file with a NUL byte in its first line is binary garbage: refuse it.
 */
static bool looks_binary(const char *path)
{
	char buf[256];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = fd_read(fd, buf, sizeof buf);
	close(fd);
	for (ssize_t i = 0; i < n && buf[i] != '\n'; i++)
		if (buf[i] == '\0')
			return true;
	return false;
}

static char **script_argv(const char *path, char **argv)
{
	size_t n = 0;
	while (argv[n])
		n++;
	char **v = xcalloc(n + 2, sizeof *v);
	v[0] = argv[0];
	v[1] = (char *)path;
	for (size_t i = 1; i < n; i++)
		v[i + 1] = argv[i];
	return v;
}

#define SELF_EXE "/proc/self/exe"

static pid_t spawn_script(struct shell *sh, struct job *j,
			  struct spawn_req *req, int *err)
{
	if (looks_binary(req->path)) {
		*err = ENOEXEC;
		return -1;
	}
	char **v = script_argv(req->path, (char **)req->argv);
	struct spawn_req r2 = *req;
	r2.path = SELF_EXE;
	r2.argv = v;
	pid_t pid = job_spawn(sh->jobs, j, &r2, err);
	free(v);
	return pid;
}

/* The last command: become it.  Nothing of ours is left to run. */
static _Noreturn void exec_in_place(struct shell *sh, struct simple *c,
				    const char *path, char **env)
{
	fflush(stdout);
	fflush(stderr);
	int err = 0;
	/* The new program gets the dispositions the shell inherited, not
	   an interactive shell's own ignores of QUIT, TERM, TSTP... (execve
	   itself only resets the caught ones). */
	sig_reset_in_child(sh->jobs);
	if (job_apply_actions(sh->jobs, c->plan.acts, c->plan.n) < 0)
		err = errno;
	if (!err) {
		job_execve(sh->jobs, path, c->argv, env);
		err = errno;
	}
	if (err == ENOEXEC && !looks_binary(path)) {
		char **v = script_argv(path, c->argv);
		job_execve(sh->jobs, SELF_EXE, v, env);
		free(v);
	}
	int status = path_exec_error(sh, c->argv[0], err);
	shell_exit(sh, status);
}

/* A foreground command's text for `jobs` (it may be stopped) and the
   process trace; made only when job control or the trace is on. */
static void name_command_job(struct shell *sh, struct job *j, char **argv)
{
	if (!sh->jobs->monitor && sh->jobs->trace_fd < 0)
		return;
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; argv[i]; i++)
		sb_printf(&sb, i ? " %s" : "%s", argv[i]);
	job_set_text(j, sb_finish(&sb));
}

static int run_external(struct shell *sh, struct simple *c, const char *path)
{
	char **env = var_environ(sh);
	/* A forked child of an interactive shell (a pipeline stage) may
	   exec in place too: only the shell at the prompt must stay. */
	bool last = (c->flags & EVAL_EXIT) && !trap_any_set(sh) &&
		    (!sh->opt.interactive || sh->in_subshell);
	if (last || ((c->flags >> 8) & SHELL_CMD_EXEC))
		exec_in_place(sh, c, path, env);
	struct job *j = job_new(sh->jobs, false);
	name_command_job(sh, j, c->argv);
	struct spawn_req req = {
		path, c->argv, env, c->plan.acts, c->plan.n, JOB_FORK_FG
	};
	fflush(stdout);
	fflush(stderr);
	int err;
	pid_t pid = job_spawn(sh->jobs, j, &req, &err);
	if (pid < 0 && err == ENOEXEC)
		pid = spawn_script(sh, j, &req, &err);
	var_environ_free(env);
	if (pid < 0) {
		job_free(sh->jobs, j);
		/* err 0: the fork itself failed (reported); status 2 as dash. */
		return err ? exec_failed(sh, c, err) : 2;
	}
	return eval_wait_fg(sh, j);
}

/* ------------------------------------------------------------- running */

int eval_job_spec_command(struct shell *sh, const char *spec, bool bg)
{
	const struct builtin *b = builtin_find(bg ? "bg" : "fg");
	char *argv[] = { (char *)b->name, (char *)spec, NULL };
	return run_builtin(sh, b, 2, argv);
}

static int run_path(struct shell *sh, struct simple *c)
{
	bool exec = (c->flags >> 8) & SHELL_CMD_EXEC;
	if (c->argc == 1 && c->argv[0][0] == '%' && sh->jobs->monitor &&
	    !exec) {
		struct redir_undo undo = REDIR_UNDO_INIT;
		int status = 1;
		if (redir_apply(sh, &c->plan, &undo) == 0)
			status = eval_job_spec_command(sh, c->argv[0], false);
		redir_undo(sh, &undo);
		return status;
	}
	char *path = path_search(sh, c->argv[0],
				 (c->flags >> 8) & SHELL_CMD_DEFAULT_PATH);
	int status = path ? run_external(sh, c, path)
			  : exec_failed(sh, c, ENOENT);
	free(path);
	if (status >= 126 && exec)
		eval_fatal(sh, status);
	return status;
}

static int run_classified(struct shell *sh, struct simple *c,
			  const struct resolved *r)
{
	switch (r->kind) {
	case CK_SPECIAL:
		return run_special(sh, c, r->b);
	case CK_FUNCTION:
	case CK_BUILTIN:
		return run_regular(sh, c, r);
	default:
		return run_path(sh, c);
	}
}

static void simple_free(struct simple *c)
{
	for (size_t i = 0; i < c->nassign; i++) {
		free(c->values[i]);
		if (c->subs)
			free(c->subs[i]);
	}
	free(c->values);
	free(c->subs);
	redir_plan_free(&c->plan);
}

/* A redirection error: a special builtin's exits the shell (XCU 2.8.1). */
static int redir_failed(struct shell *sh, struct simple *c)
{
	if (c->argc > 0) {
		const struct builtin *b = builtin_find(c->argv[0]);
		if (b && (b->flags & BUILTIN_SPECIAL))
			eval_fatal(sh, REDIR_FAILED_STATUS);
	}
	return REDIR_FAILED_STATUS;
}

/*
 * Assignments, with the command's redirections in effect when there are
 * any (XCU 2.9.1 performs redirections before expanding assignments:
 * `x=$(cmd 2>&1) 2>/dev/null`).  Returns 0, or -1 (fatal error set).
 */
static int do_assignments(struct shell *sh, struct ast_node *n,
			  struct simple *c, const struct resolved *r,
			  struct vec *saves)
{
	if (n->simple.assigns.len == 0)
		return 0;
	bool persist = c->argc == 0 || r->kind == CK_SPECIAL;
	int flags = builtin_flags_of(c, 0) & BUILTIN_REDIRECTS_SHELL ?
		    VAR_EXPORT : 0;
	struct redir_undo undo = REDIR_UNDO_INIT;
	if (c->plan.n)
		redir_apply(sh, &c->plan, &undo);
	int rc = assign_all(sh, &n->simple.assigns, c, persist, flags, saves);
	redir_undo(sh, &undo);
	if (rc < 0)
		eval_fatal(sh, 2);
	return rc;
}

/* Can expanding w change the shell: ${x=w}, ${x?w}, $((x=1))? */
static bool word_has_effects(const struct word *w)
{
	if (!w)
		return false;
	switch (w->type) {
	case WORD_PARAM:
		return w->param.op == PARAM_ASSIGN || w->param.op == PARAM_ERROR ||
		       word_has_effects(w->param.arg);
	case WORD_ARITH:
		return true;
	case WORD_DQUOTE:
	case WORD_LIST:
		for (size_t i = 0; i < w->parts.len; i++)
			if (word_has_effects(w->parts.items[i]))
				return true;
		return false;
	default:	/* text, tilde, and $( ) (a subshell of its own) */
		return false;
	}
}

/*
 * XCU 2.9.1: with no command name, the redirections are performed in a
 * subshell environment, so `< ${x=/nonexistent}` leaves x unset (yash).
 * Only words that could change the shell need the process: the files a
 * redirection creates or truncates are the same either way.  Returns the
 * subshell's status (1 when a redirection failed), or -1 when no subshell
 * is needed.
 */
static int redirs_in_subshell(struct shell *sh, const struct vec *redirs)
{
	bool effects = false;
	for (size_t i = 0; i < redirs->len && !effects; i++) {
		const struct redir *r = redirs->items[i];
		effects = (r->op != REDIR_HEREDOC && word_has_effects(r->target)) ||
			  (r->op == REDIR_HEREDOC && word_has_effects(r->body));
	}
	if (!effects)
		return -1;
	struct job *j = job_new(sh->jobs, false);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = job_fork(sh->jobs, j, JOB_FORK_FG);
	if (pid == 0) {
		eval_enter_subshell(sh);
		struct redir_plan plan = REDIR_PLAN_INIT;
		int st = redir_stage(sh, redirs, &plan) < 0 ?
			 REDIR_FAILED_STATUS : 0;
		redir_plan_free(&plan);
		eval_child_exit(sh, st);
	}
	if (pid < 0) {
		job_free(sh->jobs, j);
		return 1;
	}
	return eval_wait_fg(sh, j);
}

/* XCU 2.9.1 steps: words, redirections, assignments, then the command. */
static int simple_steps(struct shell *sh, struct ast_node *n,
			struct simple *c, struct vec *fields)
{
	unsigned subs = sh->cmdsub_count;
	if (expand_words(sh, &n->simple.words, fields) < 0) {
		eval_fatal(sh, 2);
		return 2;
	}
	vec_terminate(fields);
	c->argc = (int)fields->len;
	c->argv = (char **)fields->items;
	int sub = c->argc == 0 ? redirs_in_subshell(sh, &n->redirs) : -1;
	if (sub > 0)
		return sub;
	if (sub < 0 && redir_stage(sh, &n->redirs, &c->plan) < 0)
		return redir_failed(sh, c);
	struct resolved r;
	memset(&r, 0, sizeof r);
	if (c->argc)
		classify(sh, c, &r);
	struct vec saves = VEC_INIT;
	int status = 2;
	if (do_assignments(sh, n, c, &r, &saves) == 0) {
		if (sh->opt.xtrace)
			xtrace(sh, c);
		if (c->argc)
			dynvar_set_last_arg(sh, c->argv[c->argc - 1]);
		if (c->argc)
			status = run_classified(sh, c, &r);
		else	/* no command: the status of the last $( ) */
			status = subs != sh->cmdsub_count ? sh->last_status : 0;
	}
	assign_restore(sh, &saves);
	return status;
}

int eval_simple(struct shell *sh, struct ast_node *n, int flags)
{
	struct simple c;
	struct vec fields = VEC_INIT;
	memset(&c, 0, sizeof c);
	c.flags = flags & EVAL_EXIT;
	sh->lineno = n->range.begin.line;
	/* Let `set` and function calls take the fields (shell_take_params);
	   a command run inside this one (a function body) installs its own
	   fields and gives ours back when it ends. */
	struct vec *outer = sh->cmd_fields;
	sh->cmd_fields = &fields;
	int status = simple_steps(sh, n, &c, &fields);
	sh->cmd_fields = outer;
	simple_free(&c);
	vec_free_all(&fields, free);
	eval_check_errexit(sh, status);
	return status;
}

int shell_run_argv(struct shell *sh, int argc, char **argv, int flags)
{
	struct simple c;
	struct resolved r;
	memset(&c, 0, sizeof c);
	if (argc == 0)
		return 0;
	c.argc = argc;
	c.argv = argv;
	c.flags = CMDF(flags);
	classify(sh, &c, &r);
	return run_classified(sh, &c, &r);
}
