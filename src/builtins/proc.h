/* proc.h: what the rest of the shell may use from the proc builtin (its help text). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BUILTINS_PROC_H
#define WHELK_BUILTINS_PROC_H

/** The full `help proc` text: usage of every subcommand, options, exit
    statuses, and the classic /proc exercises next to their proc command. */
const char *proc_help_text(void);

struct vec;
/** For completion: append (xstrdup) the subcommand names when sub is NULL,
    else the options of subcommand sub ("-a", "-j"...). */
void proc_complete_words(const char *sub, struct vec *out);

#endif
