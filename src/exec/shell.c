/* shell.c: the shell's lifecycle — create, run a source one complete command at a time, report errors, exit. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "exec/eval.h"
#include "exec/exec_int.h"
#include "exec/expand.h"
#include "exec/shell.h"
#include "jobs/jobs.h"
#include "parser/parser.h"
#include "parser/source.h"

/* ------------------------------------------------------------ lifecycle */

struct shell *shell_create(char **environ_in)
{
	struct shell *sh = xcalloc(1, sizeof *sh);
	hm_init(&sh->functions);
	hm_init(&sh->aliases);
	hm_init(&sh->cmd_hash);
	sh->jobs = jobs_create();
	sh->pid = getpid();
	sh->ppid = getppid();
	sh->start_time = time(NULL);
	sh->opt.expand_aliases = true;	/* XCU 2.3.1: also in scripts */
	sh->arg0 = xstrdup("whelk");
	vars_init(sh, environ_in);
	return sh;
}

static void free_function(void *v)
{
	ast_node_destroy(v);
}

void shell_destroy(struct shell *sh)
{
	if (!sh)
		return;
	vars_finish(sh);
	vec_free_all(&sh->dirstack, free);
	hm_free(&sh->functions, free_function);
	hm_free(&sh->aliases, free);
	hm_free(&sh->cmd_hash, free);
	path_names_free(sh->path_names);
	trap_free_all(sh);
	procsub_close_from(sh, 0);
	vec_free(&sh->procsubs);
	jobs_destroy(sh->jobs);
	free(sh->arg0);
	free(sh);
}

/*
 * The end of the shell (or of a forked subshell): the EXIT trap runs exactly
 * once — trap_run_exit clears it before running it, so an `exit` inside
 * the trap ends here again without running it twice.  Buffered builtin
 * output is flushed; _exit then skips atexit handlers and stdio, which in a
 * forked child belong to the parent.
 */
_Noreturn void shell_exit(struct shell *sh, int status)
{
	/* An `exit n` inside a trap action unwound the command that was
	   running when the signal came: n, not that command's status. */
	if (sh->unwind == UNWIND_EXIT)
		status = sh->exit_status;
	status = trap_run_exit(sh, status);
	fflush(stdout);
	fflush(stderr);
	/* The process that reads the descriptor after us starts right
	   after the last line read took. */
	job_readahead_sync(sh->jobs);
	_exit(status & 0xff);
}

bool eval_should_unwind(const struct shell *sh)
{
	return sh->unwind != UNWIND_NONE;
}

/* ------------------------------------------------------------- messages */

void shell_verror(struct shell *sh, const char *fmt, va_list ap)
{
	diag_vat(sh->opt.interactive ? NULL : sh->script_name,
		 (long)sh->lineno, fmt, ap);
}

void shell_error(struct shell *sh, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	shell_verror(sh, fmt, ap);
	va_end(ap);
}

void builtin_error(struct shell *sh, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	shell_error(sh, "%s: %s", sh->current_builtin ? sh->current_builtin
			: "whelk", sb_str(&sb));
	sb_free(&sb);
}

/* ---------------------------------------------------- running a source */

static const char *alias_hook(void *ctx, const char *name)
{
	struct shell *sh = ctx;
	/* shopt -u expand_aliases (bash): aliases are kept but not used. */
	return sh->opt.expand_aliases ? hm_get(&sh->aliases, name) : NULL;
}

/* An interactive shell's own input has no name to show (as syntax_error). */
static void warn_hook(void *ctx, const char *name, unsigned line, const char *msg)
{
	struct shell *sh = ctx;
	diag_at(sh->opt.interactive && !sh->eval_depth ? NULL : name, (long)line,
		"%s", msg);
}

/* The options that change how text is read, asked before each command. */
static int syntax_hook(void *ctx)
{
	struct shell *sh = ctx;
	return (sh->opt.extglob ? PARSE_SYN_EXTGLOB : 0) |
	       (sh->opt.posix ? PARSE_SYN_POSIX : 0);
}

void shell_parser_hooks(struct shell *sh, struct parser *p)
{
	parser_set_alias_hook(p, alias_hook, sh);
	parser_set_alias_count(p, &sh->aliases.count);
	parser_set_warn_hook(p, warn_hook, sh);
	parser_set_syntax_hook(p, syntax_hook, sh);
}

/* -c text: is the command just parsed the last one?  Only string sources
   are peeked: on a pipe, a peeked byte would be stolen from the commands
   that read the rest of the script. */
static bool at_end(struct source *src)
{
	int c = source_getc(src);
	if (c < 0)
		return true;
	source_ungetc(src, c);
	return false;
}

static int syntax_error(struct shell *sh, struct parser *p,
			const char *name)
{
	diag_at(sh->opt.interactive && !sh->eval_depth ? NULL : name,
		(long)parser_error_line(p), "%s", parser_error(p));
	sh->last_status = 2;
	/* XCU 2.8.1: a syntax error exits a non-interactive shell. */
	if (!sh->opt.interactive) {
		sh->unwind = UNWIND_EXIT;
		sh->unwind_fatal = true;
		sh->exit_status = 2;
	}
	return 2;
}

/*
 * Parse one complete command, run it, repeat (DESIGN.md "data flow"):
 * aliases defined by one command apply to the next, set -v echoes what is
 * read as it is read, and source_sync() gives back read-ahead so a command
 * reading our stdin sees the rest of the script.
 */
static int run_source(struct shell *sh, struct source *src, bool peek_end)
{
	struct parser *p = parser_create(src);
	shell_parser_hooks(sh, p);
	int status = 0;
	unsigned saved_line = sh->lineno;
	for (;;) {
		source_set_echo(src, sh->opt.verbose ? 2 : -1);
		/* The script may be read from the descriptor read just read. */
		job_readahead_sync(sh->jobs);
		struct ast_node *cmd;
		enum parse_status st = parser_next(p, &cmd);
		if (st == PARSE_EOF)
			break;
		if (st != PARSE_OK) {
			status = syntax_error(sh, p, source_name(src));
			break;
		}
		source_sync(src);
		if (sh->opt.noexec && !sh->opt.interactive) {
			ast_node_destroy(cmd);
			continue;
		}
		int flags = peek_end && at_end(src) ? EVAL_EXIT : 0;
		status = eval_run(sh, cmd, flags);
		ast_node_destroy(cmd);
		if (eval_should_unwind(sh))
			break;
	}
	parser_destroy(p);
	sh->lineno = saved_line;
	/* exit (perhaps inside a trap action) decides the status. */
	if (sh->unwind == UNWIND_EXIT)
		status = sh->exit_status;
	return status;
}

static bool too_deep(struct shell *sh)
{
	if (sh->eval_depth + sh->func_depth < EVAL_MAX_DEPTH)
		return false;
	shell_error(sh, "eval nesting too deep");
	sh->last_status = 1;	/* a run-time limit: 1, not a syntax error's 2 */
	eval_fatal(sh, 1);
	return true;
}

int shell_run_string(struct shell *sh, const char *name, const char *text)
{
	if (too_deep(sh))
		return 2;
	/* The first, outermost call is main.c's -c: its last command may
	   replace the shell (no fork).  eval, `.` and traps nest deeper. */
	bool top = sh->eval_depth == 0 && sh->func_depth == 0;
	struct source *src = source_from_string(name, text, strlen(text));
	sh->eval_depth++;
	int status = run_source(sh, src, top && !sh->opt.interactive);
	sh->eval_depth--;
	source_destroy(src);
	return status;
}

int shell_run_fd(struct shell *sh, const char *name, int fd)
{
	if (too_deep(sh))
		return 2;
	struct source *src = source_from_fd(name, fd);
	sh->eval_depth++;
	int status = run_source(sh, src, false);
	if (source_error(src)) {
		shell_error(sh, "%s: read error", name);
		status = 2;
	}
	sh->eval_depth--;
	source_destroy(src);
	return status;
}

char *shell_prompt_expand(struct shell *sh, const char *ps)
{
	if (sh->prompt_expand)
		return sh->prompt_expand(sh, ps);
	char *out = expand_text_as_heredoc(sh, "prompt", ps);
	return out ? out : xstrdup(ps);
}
