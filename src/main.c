/* main.c: whelk's entry point — the command line, then a script, a -c string, or the interactive loop. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Start here when reading whelk (docs/TOUR.md walks the whole path).
 *
 *   whelk [-abCefhimnuvx] [-o option]... [script [arg...]]
 *   whelk [options] -c command_string [command_name [arg...]]
 *   whelk [options] -s [arg...]
 *
 * main() does four things: it creates the shell state (shell_create imports
 * the environment as variables — never as code), applies the options, decides
 * where commands come from (XCU sh: -c string, a script file, or standard
 * input), and hands over to the evaluator (exec/) or to the interactive loop
 * (repl.c).  It never returns normally: shell_exit() runs the EXIT trap once
 * and exits with the right status.
 */
#include "config.h"
#include "version.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/fdutil.h"
#include "exec/shell.h"
#include "interactive/prompt.h"
#include "jobs/jobs.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/source.h"
#include "repl.h"

extern char **environ;

/* What the command line asked for, before the shell starts running. */
struct invocation {
	const char *command;	/* -c string, or NULL */
	const char *script;	/* script operand, or NULL */
	int nargs;		/* operands after command/script */
	char **args;		/* borrowed from argv */
	const char *arg0;	/* $0 */
	bool dump_ast;		/* --dump-ast: print the tree of each command */
	bool force_interactive;	/* -i */
	bool no_profile;	/* --noprofile: skip /etc/profile, ~/.profile */
	bool no_rc;		/* --norc: skip $ENV or ~/.whelkrc */
	bool no_monitor;	/* +m / +o monitor: no job control even when
				   interactive */
	bool no_histexpand;	/* +H / +o histexpand: no history expansion
				   even when interactive */
	bool no_braceexpand;	/* +B / +o braceexpand: none even when
				   interactive */
};

static void usage(FILE *out)
{
	fputs("usage: whelk [-abCefhimnuvx] [-o option]... [script [arg...]]\n"
	      "       whelk [options] -c command_string [command_name [arg...]]\n"
	      "       whelk [options] -s [arg...]\n"
	      "\n"
	      "  -c STRING      run STRING as a script\n"
	      "  -s             read commands from standard input\n"
	      "  -i             interactive shell\n"
	      "  -l, --login    login shell: read /etc/profile and ~/.profile\n"
	      "  -n             check syntax only (with --dump-ast: print the parse tree)\n"
	      "  -o OPTION      set an option by name (set -o lists them)\n"
	      "  -abCefhmuvx    set options as `set` does (+x turns one off)\n"
	      "  --dump-ast     print each command's syntax tree with line:column ranges\n"
	      "  --noprofile    a login shell skips /etc/profile and ~/.profile\n"
	      "  --norc         an interactive shell skips $ENV (or ~/.whelkrc)\n"
	      "  --help         this help\n"
	      "  --version      version and the line editor built in\n"
	      "\n"
	      "Options for proctrace, pipefail and the rest: set -o.  Builtins: help.\n",
	      out);
}

static _Noreturn void usage_error(const char *fmt, const char *arg)
{
	fputs("whelk: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	usage(stderr);
	exit(2);
}

/* A long option: --help, --version, --login, --dump-ast, --noprofile, --norc. */
static void long_option(struct shell *sh, struct invocation *inv, const char *opt)
{
	if (strcmp(opt, "--help") == 0) {
		usage(stdout);
		exit(0);
	} else if (strcmp(opt, "--version") == 0) {
		/* WHELK_GIT_DESCRIBE (version.h) is empty in a release tarball. */
		printf("whelk %s%s%s%s (line editor: %s)\n", PACKAGE_VERSION,
		       WHELK_GIT_DESCRIBE[0] ? " (git " : "", WHELK_GIT_DESCRIBE,
		       WHELK_GIT_DESCRIBE[0] ? ")" : "", WHELK_LINE_EDITOR);
		exit(0);
	} else if (strcmp(opt, "--login") == 0) {
		sh->opt.login = true;
	} else if (strcmp(opt, "--dump-ast") == 0) {
		inv->dump_ast = true;
	} else if (strcmp(opt, "--noprofile") == 0) {
		inv->no_profile = true;
	} else if (strcmp(opt, "--norc") == 0) {
		inv->no_rc = true;
	} else {
		usage_error("unknown option '%s'", opt);
	}
}

/*
 * One -xyz or +xyz cluster.  'c' takes the command string from the first
 * operand (XCU sh: "-c command_string [command_name [argument...]]"), 'o'
 * takes the next argument as an option name.  Returns how many argv entries
 * were used beyond this one.
 */
static int letter_options(struct shell *sh, struct invocation *inv,
			  char **argv, int i, bool *want_c)
{
	const char *arg = argv[i];
	bool on = arg[0] == '-';
	int used = 0;
	for (const char *p = arg + 1; *p; p++) {
		if (*p == 'c' && on) {
			*want_c = true;
		} else if (*p == 'l' && on) {
			sh->opt.login = true;
		} else if (*p == 'i') {
			inv->force_interactive = on;
		} else if (*p == 'o') {
			const char *name = argv[i + 1 + used];
			if (!name) {
				/* `whelk -o` alone lists the options, like set -o. */
				shell_print_options(sh, !on);
				exit(0);
			}
			used++;
			if (!on && strcmp(name, "monitor") == 0)
				inv->no_monitor = true;
			if (!on && strcmp(name, "histexpand") == 0)
				inv->no_histexpand = true;
			if (!on && strcmp(name, "braceexpand") == 0)
				inv->no_braceexpand = true;
			if (shell_set_option_name(sh, name, on) < 0)
				usage_error("%s: unknown option name", name);
		} else if (*p == 'm' && !on) {
			inv->no_monitor = true;
			sh->opt.monitor = false;
		} else if (*p == 'H' && !on) {
			inv->no_histexpand = true;
			sh->opt.histexpand = false;
		} else if (*p == 'B' && !on) {
			inv->no_braceexpand = true;
			sh->opt.braceexpand = false;
		} else if (shell_set_option_letter(sh, *p, on) < 0) {
			char bad[2] = { *p, '\0' };
			usage_error("-%s: unknown option", bad);
		}
	}
	return used;
}

/* Fill inv and sh->opt from argv; returns nothing, exits on usage errors. */
static void parse_command_line(struct shell *sh, struct invocation *inv,
			       int argc, char **argv)
{
	bool want_c = false;
	int i = 1;
	while (i < argc) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
			i++;
			break;
		}
		if (a[0] == '-' && a[1] == '-') {
			long_option(sh, inv, a);
			i++;
		} else if ((a[0] == '-' || a[0] == '+') && a[1]) {
			i += 1 + letter_options(sh, inv, argv, i, &want_c);
		} else {
			break;
		}
	}
	if (want_c) {
		if (i >= argc)
			usage_error("%s", "-c: option requires an argument");
		inv->command = argv[i++];
		if (i < argc)
			inv->arg0 = argv[i++];
	} else if (i < argc && !sh->opt.stdin_input) {
		inv->script = argv[i++];
		inv->arg0 = inv->script;
	}
	inv->nargs = argc - i;
	inv->args = argv + i;
	if (!inv->command && !inv->script)
		sh->opt.stdin_input = true;
}

/*
 * whelk -n --dump-ast: parse each complete command and print its tree.  The
 * teaching window into the parser: every node and word part with its
 * line:column range.
 */
static int dump_ast(struct source *src)
{
	struct parser *p = parser_create(src);
	int status = 0;
	for (;;) {
		struct ast_node *cmd;
		enum parse_status st = parser_next(p, &cmd);
		if (st == PARSE_EOF)
			break;
		if (st != PARSE_OK) {
			diag_at(source_name(src), parser_error_line(p), "%s",
				parser_error(p));
			status = 2;
			break;
		}
		ast_dump(stdout, cmd);
		ast_node_destroy(cmd);
	}
	parser_destroy(p);
	fflush(stdout);
	return status;
}

static struct source *open_input(const struct invocation *inv, int *fd_out)
{
	*fd_out = -1;
	if (inv->command)
		return source_from_string("-c", inv->command, strlen(inv->command));
	if (inv->script) {
		int fd = open(inv->script, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			int err = errno;
			diag_msg("%s: %s", inv->script, strerror(err));
			exit(err == ENOENT ? 127 : 126);
		}
		*fd_out = fd;
		return source_from_fd(inv->script, fd);
	}
	return source_from_fd("stdin", STDIN_FILENO);
}

/* Run a script file: its fd moves above 9 (users own 0–9) with close-on-exec. */
static int run_script(struct shell *sh, const char *name)
{
	int fd = open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;
		diag_msg("%s: %s", name, strerror(err));
		return err == ENOENT ? 127 : 126;
	}
	int high = fd_move_high(fd);
	if (high >= 0)
		return shell_run_fd(sh, name, high);	/* closes it */
	int status = shell_run_fd(sh, name, fd);
	close(fd);
	return status;
}

static bool decide_interactive(const struct invocation *inv)
{
	if (inv->force_interactive)
		return true;
	return !inv->command && !inv->script && isatty(STDIN_FILENO) &&
	       isatty(STDERR_FILENO);
}

/* Started as "sh" (a link named sh, or "-sh" from login): set -o posix. */
static bool started_as_sh(const char *arg0)
{
	const char *base = arg0;	/* after the last '/' */
	for (const char *s = arg0; *s; s++)
		if (*s == '/')
			base = s + 1;
	if (*base == '-')
		base++;
	return strcmp(base, "sh") == 0;
}

int main(int argc, char **argv)
{
	struct shell *sh = shell_create(environ);
	sh->prompt_expand = repl_prompt_text;
	struct invocation inv = { .arg0 = argv[0] ? argv[0] : "whelk" };
	if (argv[0] && argv[0][0] == '-')
		sh->opt.login = true;	/* login(1) convention: argv[0] "-whelk" */
	if (started_as_sh(inv.arg0))
		(void)shell_set_option_name(sh, "posix", true);
	parse_command_line(sh, &inv, argc, argv);

	if (inv.dump_ast) {
		int fd;
		struct source *src = open_input(&inv, &fd);
		int status = dump_ast(src);
		source_destroy(src);
		if (fd >= 0)
			close(fd);
		return status;
	}

	free(sh->arg0);
	sh->arg0 = xstrdup(inv.arg0);
	shell_set_params(sh, inv.nargs, inv.args);
	sh->opt.interactive = decide_interactive(&inv);
	/* Job control is on by default in an interactive shell (XCU sh -m);
	   the jobs layer learns the options given on the command line. */
	if (sh->opt.interactive && !inv.no_monitor)
		sh->opt.monitor = true;
	if (sh->opt.interactive && !inv.no_histexpand)	/* as bash */
		sh->opt.histexpand = true;
	/* Brace expansion at the prompt, not in scripts: XCU 2.6 makes
	   `echo {a,b}` print {a,b}, and a script may rely on that. */
	if (sh->opt.interactive && !sh->opt.posix && !inv.no_braceexpand)
		sh->opt.braceexpand = true;
	sh->jobs->interactive = sh->opt.interactive;
	jobs_sync_options(sh->jobs, sh->opt.monitor, sh->opt.notify,
			  sh->opt.proctrace, sh->opt.noreap);

	/* An interactive shell's prompt shows who and where (issue 5); a PS1
	   from the environment or a profile file still wins. */
	if (sh->opt.interactive && !getenv("PS1"))
		(void)var_set(sh, "PS1", PROMPT_DEFAULT_PS1, 0);
	int status;
	if (sh->opt.interactive && !sh->opt.noexec && !inv.command &&
	    !inv.script) {
		repl_startup_files(sh, inv.no_profile, inv.no_rc);
		status = repl_run(sh);
	} else {
		/* `whelk -i -c cmd` is interactive (prompts are not shown, but
		   $- has i and startup files are read) and runs cmd. */
		if ((sh->opt.login && !inv.no_profile) || sh->opt.interactive)
			repl_startup_files(sh, inv.no_profile,
					   inv.no_rc || !sh->opt.interactive);
		if (inv.command) {
			sh->script_name = "-c";
			status = shell_run_string(sh, "-c", inv.command);
		} else if (inv.script) {
			sh->script_name = inv.script;
			status = run_script(sh, inv.script);
		} else {
			sh->script_name = "stdin";
			status = shell_run_fd(sh, "stdin", STDIN_FILENO);
		}
	}
	shell_exit(sh, status);
}
