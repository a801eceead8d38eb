/* registry.h: the builtin table — the one header the exec layer takes from builtins. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BUILTINS_REGISTRY_H
#define WHELK_BUILTINS_REGISTRY_H

#include <stddef.h>

struct shell;

/**
 * A builtin gets the shell and its argv (argv[0] is its name; argv[argc] is
 * NULL) and returns an exit status.  Output goes to stdout/stderr through
 * stdio; the caller flushes stdout afterwards and turns a write error into a
 * message and status 1.  Usage errors: a message and status 2.
 */
typedef int (*builtin_fn)(struct shell *sh, int argc, char **argv);

/*
 * What the rest of the shell needs to know about a builtin is a flag in its
 * table row, never a comparison of its name: adding a builtin is one row.
 */
enum builtin_flag {
	BUILTIN_REGULAR = 0,
	/* XCU 2.14 special builtins behave differently: their errors exit a
	   non-interactive shell, their variable assignments persist, and
	   they are found before functions (XCU 2.9.1.1). */
	BUILTIN_SPECIAL = 1 << 0,
	/* XCU 2.8.1: a special builtin whose nonzero status is passed on
	   (eval, exit, return, ...) rather than being an error that exits
	   a non-interactive shell. */
	BUILTIN_PASSES_STATUS = 1 << 1,
	/* Changes nothing in the shell and reads no input: `$(name args)`
	   with plain literal words may run it in the shell itself, its
	   output captured through a pipe, instead of in a subshell. */
	BUILTIN_PURE = 1 << 2,
	/* A standard utility that is not intrinsic (XCU 1.7 of Issue 8):
	   `command -v` names the file found in PATH, as yash does. */
	BUILTIN_PATH_UTILITY = 1 << 3,
	/* With no operands (or only -p) it lists the trap actions, and in a
	   command substitution it lists the parent's (XCU 2.14 trap). */
	BUILTIN_LISTS_TRAPS = 1 << 4,
	/* exec: with no command operand its redirections stay on the shell
	   and its variable assignments are exported. */
	BUILTIN_REDIRECTS_SHELL = 1 << 5,
	/* command: its operands name a command that it runs, so
	   `command exec 3<f` is still exec. */
	BUILTIN_RUNS_OPERAND = 1 << 6,
};

/*
 * What a builtin's operands are, for Tab completion (repl.c passes this to
 * the completer, which may not see this table): bits 8-11 of the flags.
 */
enum builtin_operands {
	OPERANDS_FILES,		/* the default */
	OPERANDS_DIRS,		/* cd */
	OPERANDS_VARNAMES,	/* unset, export, readonly, read */
	OPERANDS_JOBS,		/* fg, bg, disown: every operand a job */
	OPERANDS_PIDS,		/* jobs, wait: pids, or jobs written %... */
	OPERANDS_KILL,		/* kill: -SIGNAL (or -s SIGNAL), then pids */
	OPERANDS_TRAP,		/* trap: an action, then signal names */
	OPERANDS_HELP,		/* help: builtin and keyword names */
	OPERANDS_PROC,		/* proc: a subcommand, then its options */
	OPERANDS_SET,		/* set: option names after -o and +o */
};
#define BUILTIN_OPERANDS(k) ((unsigned)(k) << 8)

struct builtin {
	const char *name;
	builtin_fn fn;
	unsigned flags;		/* enum builtin_flag | BUILTIN_OPERANDS() */
	const char *usage;	/* "cd [-L|-P] [dir]" */
	const char *summary;	/* one line, for `help` */
};

static inline enum builtin_operands builtin_operands(const struct builtin *b)
{
	return (enum builtin_operands)((b->flags >> 8) & 0xf);
}

/** bsearch the sorted table; NULL when name is not a builtin. */
const struct builtin *builtin_find(const char *name);
/** The whole table (sorted by name, strcmp) and its length. */
const struct builtin *builtin_table(size_t *count);

#endif
