/* pending.c: TEMPORARY — builtins not written yet.  Whoever implements one deletes its line here. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/builtins.h"
#include "exec/shell.h"

#define PENDING(n) int builtin_##n(struct shell *sh, int argc, char **argv) { (void)argc; (void)argv; builtin_error(sh, "not implemented yet"); return 2; }
PENDING(bg)
PENDING(break)
PENDING(colon)
PENDING(command)
PENDING(continue)
PENDING(disown)
PENDING(dot)
PENDING(eval)
PENDING(exec)
PENDING(exit)
PENDING(fg)
PENDING(hash)
PENDING(jobs)
PENDING(return)
PENDING(set)
PENDING(shift)
PENDING(times)
PENDING(trap)
PENDING(type)
PENDING(wait)
