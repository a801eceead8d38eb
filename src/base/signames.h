/* signames.h: signal names and numbers (kill -l, trap, jobs, proc sigs). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_SIGNAMES_H
#define WHELK_BASE_SIGNAMES_H

#include <stdbool.h>

/** Highest signal number the shell knows (SIGRTMAX). */
int sig_max(void);
/**
 * The name without "SIG" ("INT", "RTMIN+3"), or NULL for an unknown number.
 * Borrowed: a static table, or buf (at least 16 bytes) for real-time ones.
 */
const char *sig_name(int signo, char buf[16]);
/**
 * Parse "INT", "SIGINT", "int" or a decimal number ("2").  Returns the
 * number, 0 for "EXIT"/"0" when allow_exit, or -1 when unknown.
 */
int sig_parse(const char *s, bool allow_exit);
/** A human description: "Segmentation fault", "Terminated"... (strsignal). */
const char *sig_describe(int signo);

#endif
