/* pending.c: TEMPORARY — builtins not written yet.  Whoever implements one deletes its line here. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/builtins.h"
#include "exec/shell.h"

#define PENDING(n) int builtin_##n(struct shell *sh, int argc, char **argv) { (void)argc; (void)argv; builtin_error(sh, "not implemented yet"); return 2; }
