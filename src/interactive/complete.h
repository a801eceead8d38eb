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
 * operators, reserved words) to know the word under the cursor, its
 * unquoted text, whether it is a command name, and the command it is an
 * argument of.  complete_line() then picks the kind of candidates:
 *
 *   $NAME / ${NAME        variables                  (hooks->variables)
 *   ~user                 login names                (getpwent)
 *   %job after fg bg kill wait disown jobs           (hooks->jobs)
 *   first argument of proc  its subcommands
 *   a command name        builtins, functions, aliases (hooks->commands)
 *                         and executables in $PATH
 *   anything else         file names (directories get a '/')
 *
 * and turns them into replacement text for the word: the user's own typed
 * characters are kept byte for byte and the rest is quoted in the quoting
 * state the cursor is in (outside quotes: backslashes; inside "...": \ before
 * $ ` " \; inside '...': '\'' for a quote).  A unique match is finished off:
 * the open quote is closed and a space appended, or '/' for a directory.
 *
 * The layer rule keeps this module away from the shell's state: whatever it
 * needs from the shell comes through these hooks, filled in by repl.c.
 */
struct complete_hooks {
	void *ctx;
	/* Each appends fresh strings (xstrdup) that begin with prefix. */
	void (*commands)(void *ctx, const char *prefix, struct vec *out);
	void (*variables)(void *ctx, const char *prefix, struct vec *out);
	void (*jobs)(void *ctx, const char *prefix, struct vec *out);	/* "%1" */
	/* A variable's value (PATH, HOME) or NULL; borrowed. */
	const char *(*getvar)(void *ctx, const char *name);
};

enum complete_kind {
	COMPLETE_FILE,
	COMPLETE_COMMAND,
	COMPLETE_VARIABLE,
	COMPLETE_USER,
	COMPLETE_JOB,
	COMPLETE_PROC_SUBCOMMAND,
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

/** The proc builtin's subcommands, NULL-terminated (for completion). */
extern const char *const complete_proc_subcommands[];

/** Quote s for the given state and append it to out (exposed for tests). */
struct strbuf;
void complete_quote(struct strbuf *out, const char *s, enum complete_quote q);

#endif
