/* builtin_names.c: print the name of every builtin in the table, one a line, for builtin-args.sh. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>

#include "builtins/registry.h"

int main(void)
{
	size_t n;
	const struct builtin *t = builtin_table(&n);
	for (size_t i = 0; i < n; i++)
		printf("%s\n", t[i].name);
	return ferror(stdout) ? 1 : 0;
}
