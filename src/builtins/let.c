/* let.c: the let builtin -- each argument an arithmetic expression (extension, as in ksh and bash). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <string.h>

#include "builtins/builtins.h"
#include "exec/expand.h"
#include "exec/shell.h"

/*
 * let expr...: evaluate each argument (already expanded like any word, so
 * quote one with blanks or * in it: let 'x = 2 * 3') as $(( )) would, in
 * order.  The status is 0 when the last value is not zero, 1 when it is
 * zero or an expression fails -- the status (( )) gives.
 */
int builtin_let(struct shell *sh, int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		builtin_error(sh, "an expression is expected");
		return 2;
	}
	int64_t v = 0;
	for (; i < argc; i++)
		if (expand_arith_text(sh, argv[i], &v) < 0)
			return 1;
	return v == 0;
}
