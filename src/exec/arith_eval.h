/* arith_eval.h: evaluating a parsed $((...)) tree with shell variables. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_ARITH_EVAL_H
#define WHELK_EXEC_ARITH_EVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "parser/arith.h"

/* How the evaluator reaches variables (the shell passes its own). */
struct arith_vars {
	void *ctx;
	/** Value of name, or NULL when unset (borrowed). */
	const char *(*get)(void *ctx, const char *name);
	/** Assign; 0 on success, -1 when refused (readonly: the callee
	    prints the message). */
	int (*set)(void *ctx, const char *name, const char *value);
	/** set -u: reading an unset variable is an error. */
	bool nounset;
};

/**
 * Evaluate.  Returns 0 and *result, or -1 with *err a malloc'd message:
 * division by zero, INT64_MIN / -1 or % -1, overflow of + - *, a shift count
 * outside 0..63, a variable whose value is not an integer constant
 * ("x: bad number '1+2'" — as dash: values are not re-evaluated), assignment
 * refused, an unset variable under nounset.  Never raises a signal (UBSan
 * clean).  Unset or empty variables otherwise count as 0.  && || ?: evaluate only the operands they need.
 */
int arith_eval(const struct arith_node *n, const struct arith_vars *vars,
	       int64_t *result, char **err);

#endif
