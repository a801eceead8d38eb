/* repl.h: the interactive read-parse-eval-notify loop and the startup files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_REPL_H
#define WHELK_REPL_H

#include <stdbool.h>

struct shell;

/*
 * main.c calls, in this order:
 *
 *   repl_startup_files(sh, no_profile, no_rc);
 *	A login shell (sh->opt.login: argv[0] starting with '-', or -l /
 *	--login) reads /etc/profile, then ~/.profile, unless no_profile
 *	(--noprofile).  An interactive shell (sh->opt.interactive) then reads
 *	the file named by $ENV after parameter expansion (XCU sh ENVIRONMENT
 *	VARIABLES) or, when ENV is unset, ~/.whelkrc, unless no_rc (--norc)
 *	or the shell runs setuid/setgid (real and effective ids differ).  A
 *	missing file is silently skipped.
 *
 *   int status = repl_run(sh);
 *	Only for an interactive shell: prompts, reads with the line editor
 *	(readline / libedit / plain), keeps the history, prints job notices
 *	before each prompt, runs each command.  Returns the status the shell
 *	exits with (end of input, or `exit` unwinding); main() then calls
 *	shell_exit().
 */
void repl_startup_files(struct shell *sh, bool no_profile, bool no_rc);
int repl_run(struct shell *sh);

/** ps with the prompt escapes and expansions of PS1, outside the loop
    too (${x@P} in a script): an owned string. */
char *repl_prompt_text(struct shell *sh, const char *ps);

#endif
