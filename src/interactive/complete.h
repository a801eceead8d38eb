/* complete.h: Tab completion — which word is being completed, its candidates, and how to quote them back into the line. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_INTERACTIVE_COMPLETE_H
#define WHELK_INTERACTIVE_COMPLETE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/vec.h"

/*
 * The line editor hands us the line and the cursor.  complete_analyze()
 * re-lexes the text before the cursor just enough (quotes, backslashes,
 * operators, reserved words, $( ... ) and `...`) to know the word under
 * the cursor, its unquoted text, whether it is a command name, the command
 * it is an argument of, and the word before it.  complete_line() then picks
 * the kind of candidates:
 *
 *   $NAME / ${NAME          variables                  (hooks->variables)
 *   ~user                   login names                (getpwent)
 *   %job after fg bg kill wait disown jobs             (hooks->jobs)
 *   proc SUB / proc SUB -   subcommands, their options (hooks->proc_words)
 *   set -o / set +o NAME    option names               (hooks->options)
 *   kill -SIG, kill -s SIG, trap ACTION SIG...   signal names
 *   help NAME               builtins and keywords      (hooks->help_topics)
 *   unset export readonly read NAME   variable names, without $
 *   cd / pushd DIR          directories, also under each $CDPATH entry
 *   a command name          builtins, functions, aliases (hooks->commands)
 *                           and executables in $PATH; also the word after
 *                           command, exec, type, sudo, env, nice, nohup,
 *                           time and xargs (past their options), and the
 *                           first word inside $( and `
 *   anything else           file names (directories get a '/'); ~/, $VAR/
 *                           and ${VAR}/ in the directory part are expanded
 *                           to find them and kept as typed
 *
 * and turns them into replacement text for the word: the user's own typed
 * characters are kept byte for byte and the rest is quoted in the quoting
 * state the cursor is in (outside quotes: backslashes; inside "...": \ before
 * $ ` " \; inside '...': '\'' for a quote).  A unique match is finished off:
 * the open quote is closed and a space appended, or '/' for a directory.
 * complete_list.c shows a long list as readline does: a query first, then
 * screenfuls with --More--.
 *
 * The layer rule keeps this module away from the shell's state: whatever it
 * needs from the shell comes through these hooks, filled in by repl.c.
 */
/* What a command's operands are, as far as completion cares. */
enum complete_operands {
	CO_FILES,		/* file names: the default */
	CO_DIRS,		/* directories (cd) */
	CO_VARNAMES,		/* variable names (unset, export, read) */
	CO_JOBS,		/* every operand a job (fg, bg, disown) */
	CO_PIDS,		/* pids, or jobs when the word starts with % */
	CO_KILL,		/* -SIGNAL or -s SIGNAL, then as CO_PIDS */
	CO_TRAP,		/* an action, then signal names */
	CO_HELP,		/* help topics */
	CO_PROC,		/* proc: a subcommand, then its options */
	CO_SET,			/* set: option names after -o and +o */
};

struct complete_hooks {
	void *ctx;
	/* Each appends fresh strings (xstrdup) that begin with prefix;
	   any may be NULL. */
	void (*commands)(void *ctx, const char *prefix, struct vec *out);
	void (*variables)(void *ctx, const char *prefix, struct vec *out);
	void (*jobs)(void *ctx, const char *prefix, struct vec *out);	/* "%1" */
	void (*options)(void *ctx, const char *prefix, struct vec *out);
	void (*help_topics)(void *ctx, const char *prefix, struct vec *out);
	/* proc's subcommands (sub NULL) or one subcommand's options; the
	   strings need not begin with anything. */
	void (*proc_words)(void *ctx, const char *sub, struct vec *out);
	/* A variable's value (PATH, HOME, CDPATH) or NULL; borrowed. */
	const char *(*getvar)(void *ctx, const char *name);
	/* What the operands of command name are (the shell answers from its
	   builtin table; CO_FILES for anything else). */
	enum complete_operands (*operands)(void *ctx, const char *name);
};

enum complete_kind {
	COMPLETE_FILE,
	COMPLETE_DIRECTORY,
	COMPLETE_COMMAND,
	COMPLETE_VARIABLE,
	COMPLETE_VARNAME,
	COMPLETE_USER,
	COMPLETE_JOB,
	COMPLETE_PROC_SUBCOMMAND,
	COMPLETE_PROC_OPTION,
	COMPLETE_OPTION,
	COMPLETE_SIGNAL,
	COMPLETE_HELP,
};

enum complete_quote {
	CQ_NONE,
	CQ_SINGLE,
	CQ_DOUBLE,
};

struct complete_word {
	size_t start;		/* offset of the word's first byte in line */
	char *text;		/* owned: the word before the cursor, unquoted */
	enum complete_quote quote;	/* quoting state at the cursor */
	bool command_position;	/* the word names a command */
	char *command;		/* owned, may be NULL: the command this word
				   is an argument of */
	int argno;		/* 1 for the command's first argument */
	char *arg1;		/* owned, may be NULL: that command's first
				   argument, when this word comes later */
	char *prev;		/* owned, may be NULL: the argument before
				   this word */
};

struct completion {
	size_t start;		/* replace line[start, cursor) ... */
	char *replacement;	/* owned: ... by this (longest common part
				   when several match); NULL: no match */
	bool unique;		/* exactly one candidate */
	struct vec display;	/* char * (owned): the candidates as shown
				   in a list (file names without their
				   directory), sorted */
};

/** Analyse line[0, point). */
void complete_analyze(const char *line, size_t point, struct complete_word *w);
void complete_word_free(struct complete_word *w);

/** Complete at point; returns the number of candidates. */
size_t complete_line(const struct complete_hooks *hooks, const char *line,
		     size_t point, struct completion *c);
void completion_free(struct completion *c);

/** Quote s for the given state and append it to out (exposed for tests). */
struct strbuf;
void complete_quote(struct strbuf *out, const char *s, enum complete_quote q);

/* ----------------------------------------------- showing a list (complete_list.c) */

/*
 * What the list needs from the editor: where to write, how to read one key
 * (the terminal is in the editor's raw mode), the screen size, and the
 * readline settings completion-query-items and page-completions.
 */
struct complete_pager {
	int out_fd;
	int (*getkey)(void *ctx);	/* a key, or -1 (Ctrl-C, end of input) */
	void *ctx;
	int cols, lines;		/* screen size; 0 when unknown */
	size_t query_items;		/* ask first when there are at least this
					   many; 0: never ask */
	bool page;			/* --More-- after each screenful */
};

/**
 * On a fresh line: "Display all N possibilities? (y or n)" when there are
 * query_items or more (n, Ctrl-C or end of input: nothing is shown), then
 * the names sorted down columns as wide as the longest, a screenful at a
 * time with --More-- (space: a page, Enter: a line, q: stop).  Leaves the
 * cursor at the start of a fresh line.  Returns false when the list was
 * declined or cut short.
 */
bool complete_show_list(const struct complete_pager *p, char *const *names,
			size_t n);

#endif
