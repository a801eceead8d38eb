/* repl.h: the read-parse-eval-notify loop of an interactive shell, and the startup files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_REPL_H
#define WHELK_REPL_H

#include <stdbool.h>

struct shell;

/*
 * Called by main.c (the names are a contract with main.c; the interactive
 * engineer owns the implementation in repl.c):
 *
 * repl_startup_files: a login shell (sh->opt.login) reads /etc/profile then
 * ~/.profile unless no_profile; an interactive shell (sh->opt.interactive)
 * then sources $ENV after parameter expansion unless no_rc or the shell runs
 * setuid/setgid.
 *
 * repl_run: the interactive loop; returns the exit status for shell_exit().
 */
void repl_startup_files(struct shell *sh, bool no_profile, bool no_rc);
int repl_run(struct shell *sh);

#endif
