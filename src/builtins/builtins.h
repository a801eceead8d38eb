/* builtins.h: prototypes of every builtin (one file per builtin or small family). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BUILTINS_BUILTINS_H
#define WHELK_BUILTINS_BUILTINS_H

#include <stdbool.h>

struct shell;

int builtin_alias(struct shell *sh, int argc, char **argv);
int builtin_bg(struct shell *sh, int argc, char **argv);
int builtin_builtin(struct shell *sh, int argc, char **argv);
int builtin_break(struct shell *sh, int argc, char **argv);
int builtin_cd(struct shell *sh, int argc, char **argv);
/**
 * cd's work without its operand rules and output (cd, pushd, popd): dir
 * searched in CDPATH, then chdir with PWD and OLDPWD set.  *newpwd gets
 * the new PWD (fresh; NULL on failure), *print whether CDPATH found it.
 * Returns 0, or 1 after the message.
 */
int cd_change(struct shell *sh, const char *dir, bool physical,
	      char **newpwd, bool *print);
int builtin_colon(struct shell *sh, int argc, char **argv);
int builtin_command(struct shell *sh, int argc, char **argv);
int builtin_continue(struct shell *sh, int argc, char **argv);
int builtin_disown(struct shell *sh, int argc, char **argv);
int builtin_dirs(struct shell *sh, int argc, char **argv);
int builtin_dot(struct shell *sh, int argc, char **argv);
int builtin_echo(struct shell *sh, int argc, char **argv);
int builtin_eval(struct shell *sh, int argc, char **argv);
int builtin_exec(struct shell *sh, int argc, char **argv);
int builtin_exit(struct shell *sh, int argc, char **argv);
int builtin_export(struct shell *sh, int argc, char **argv);
int builtin_false(struct shell *sh, int argc, char **argv);
int builtin_fc(struct shell *sh, int argc, char **argv);
int builtin_fg(struct shell *sh, int argc, char **argv);
int builtin_getopts(struct shell *sh, int argc, char **argv);
int builtin_hash(struct shell *sh, int argc, char **argv);
int builtin_help(struct shell *sh, int argc, char **argv);
int builtin_history(struct shell *sh, int argc, char **argv);
int builtin_jobs(struct shell *sh, int argc, char **argv);
int builtin_kill(struct shell *sh, int argc, char **argv);
int builtin_let(struct shell *sh, int argc, char **argv);
int builtin_local(struct shell *sh, int argc, char **argv);
int builtin_popd(struct shell *sh, int argc, char **argv);
int builtin_declare(struct shell *sh, int argc, char **argv);
int builtin_mapfile(struct shell *sh, int argc, char **argv);
int builtin_printf(struct shell *sh, int argc, char **argv);
int builtin_proc(struct shell *sh, int argc, char **argv);
int builtin_pushd(struct shell *sh, int argc, char **argv);
int builtin_pwd(struct shell *sh, int argc, char **argv);
int builtin_read(struct shell *sh, int argc, char **argv);
int builtin_readonly(struct shell *sh, int argc, char **argv);
int builtin_return(struct shell *sh, int argc, char **argv);
int builtin_set(struct shell *sh, int argc, char **argv);
int builtin_shopt(struct shell *sh, int argc, char **argv);
int builtin_shift(struct shell *sh, int argc, char **argv);
int builtin_test(struct shell *sh, int argc, char **argv);
int builtin_times(struct shell *sh, int argc, char **argv);
int builtin_trap(struct shell *sh, int argc, char **argv);
int builtin_true(struct shell *sh, int argc, char **argv);
int builtin_type(struct shell *sh, int argc, char **argv);
int builtin_ulimit(struct shell *sh, int argc, char **argv);
int builtin_umask(struct shell *sh, int argc, char **argv);
int builtin_unalias(struct shell *sh, int argc, char **argv);
int builtin_unset(struct shell *sh, int argc, char **argv);
int builtin_wait(struct shell *sh, int argc, char **argv);

#endif
