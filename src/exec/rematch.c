/* rematch.c: BASH_REMATCH — what the last [[ string =~ regex ]] matched. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "base/alloc.h"
#include "exec/exec_int.h"
#include "exec/shell.h"

/*
 * The one place that stores =~'s captures (named BASH_REMATCH as in bash
 * and zsh, because scripts use that name).  Until whelk has arrays it is
 * a plain variable holding the whole match (what "$BASH_REMATCH", i.e.
 * ${BASH_REMATCH[0]}, gives in bash); it becomes an array of the whole
 * match and each group when arrays exist.  A failed match unsets it.
 */
void rematch_set(struct shell *sh, const char *subject, const regmatch_t *m,
		 size_t n)
{
	if (n == 0 || m[0].rm_so < 0) {
		(void)var_unset(sh, "BASH_REMATCH");
		return;
	}
	char *whole = xstrndup(subject + m[0].rm_so, (size_t)(m[0].rm_eo - m[0].rm_so));
	(void)var_set(sh, "BASH_REMATCH", whole, 0);
	free(whole);
}
