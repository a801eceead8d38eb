/* opts.h: the one option scanner every builtin uses — XBD 12.2 syntax, one wording for its errors. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BUILTINS_OPTS_H
#define WHELK_BUILTINS_OPTS_H

#include <stdbool.h>

struct shell;

/*
 * The options of a builtin are read one letter at a time, as getopts does
 * for scripts (XBD 12.2): "-ab" is "-a -b", an option that takes an
 * argument takes the rest of its word or the next word ("-dx", "-d x"),
 * "--" ends the options and is skipped, and the first word that is not an
 * option ("x", "-", "") is the first operand.  Every builtin reads its
 * options here, so `--` works everywhere (XCU 1.4) and the errors read
 * the same everywhere:
 *
 *     whelk: cd: -x: invalid option
 *     whelk: read: -d: option requires an argument
 *     whelk: cd: usage: cd [-L|-P] [dir|-]
 *
 * The usage line comes from the builtin table (registry.c).
 */

enum bopt_flags {
	/* "-5" is an operand, not an option (fc -5, a negative number). */
	BOPT_NUMBERS = 1,
};

struct bopt {
	int argc;
	char **argv;		/* borrowed: the builtin's argv */
	const char *spec;	/* borrowed: letters; "d:" takes an argument */
	int flags;		/* enum bopt_flags */
	int ind;		/* the next word; at the end, the first operand */
	const char *rest;	/* borrowed: letters left in this word, or NULL */
	const char *arg;	/* borrowed: the argument of the last option */
};

/** Start scanning argv[1..argc-1] for the options in spec. */
void bopt_init(struct bopt *o, int argc, char **argv, const char *spec,
	       int flags);
/**
 * The next option letter; 0 when the options are over (o->ind is then the
 * first operand); '?' after the message for an unknown option or a missing
 * argument, followed by the usage line.
 */
int bopt_next(struct shell *sh, struct bopt *o);
/**
 * For builtins whose options are only letters: returns the index of the
 * first operand and sets seen[c] for each letter c given, or returns -1
 * after the usage message.  seen has 128 entries.
 */
int bopt_scan(struct shell *sh, int argc, char **argv, const char *spec,
	      bool *seen);
/** For builtins without options: the first operand (after a "--"), or -1. */
int bopt_none(struct shell *sh, int argc, char **argv);

/**
 * A usage error: "NAME: usage: ..." from the builtin table.  A special
 * builtin's usage error exits a non-interactive shell (XCU 2.8.1), so this
 * marks it fatal.  Returns 2, the status of a usage error.
 */
int bopt_usage(struct shell *sh);
/** "-x: invalid option" (sign '+' for set's +x) and the usage line; returns 2. */
int bopt_invalid(struct shell *sh, char sign, int letter);
/** "NAME: too many arguments" and the usage line; returns 2. */
int bopt_too_many(struct shell *sh);

/**
 * A decimal operand in [min, max]: digits, with an optional "+" (bash,
 * yash); a "-" sign, other text or overflow is an error, as in dash.  On
 * success *out is set and 0 returned; else "NAME: Illegal number: s" and
 * 2 (a usage error, fatal for a special builtin).
 */
int bopt_number(struct shell *sh, const char *s, long min, long max,
		long *out);

/**
 * The operands from argv[first] of a builtin that takes at most one number
 * (break, exit, shift, history...): none leaves *out alone; one must pass
 * bopt_number; more is bopt_too_many.  Returns 0 or 2.
 */
int bopt_number_operand(struct shell *sh, int argc, char **argv, int first,
			long min, long *out);

#endif
