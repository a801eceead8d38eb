/* true.c: the true and false builtins (XCU true, false). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/builtins.h"

/* Both ignore their operands, as the standard says. */
int builtin_true(struct shell *sh, int argc, char **argv)
{
	(void)sh;
	(void)argc;
	(void)argv;
	return 0;
}

int builtin_false(struct shell *sh, int argc, char **argv)
{
	(void)sh;
	(void)argc;
	(void)argv;
	return 1;
}
