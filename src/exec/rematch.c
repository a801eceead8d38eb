/* rematch.c: BASH_REMATCH — what the last [[ string =~ regex ]] matched. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "base/alloc.h"
#include "exec/exec_int.h"
#include "exec/shell.h"

/*
 * The one place that stores =~'s captures (named BASH_REMATCH as in bash
 * and zsh, because scripts use that name): an indexed array of the whole
 * match (element 0, so "$BASH_REMATCH" is it) and each group in turn, ""
 * for a group that took no part.  A failed match leaves it empty, as in
 * bash.
 */
void rematch_set(struct shell *sh, const char *subject, const regmatch_t *m,
		 size_t n)
{
	if (var_unset(sh, "BASH_REMATCH") < 0 ||
	    var_make_array(sh, "BASH_REMATCH", VAR_ARRAY) < 0)
		return;
	if (n == 0 || m[0].rm_so < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		bool took_part = m[i].rm_so >= 0;
		char *s = took_part ? xstrndup(subject + m[i].rm_so,
					       (size_t)(m[i].rm_eo - m[i].rm_so))
				    : xstrdup("");
		(void)var_index_set(sh, "BASH_REMATCH", (int64_t)i, s, false);
		free(s);
	}
}
