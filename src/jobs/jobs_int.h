/* jobs_int.h: private interfaces between the files of the jobs layer (the trace line builder). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_JOBS_JOBS_INT_H
#define WHELK_JOBS_JOBS_INT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <termios.h>

struct jobs;

/*
 * One line of the process trace, built in a fixed buffer on the stack and
 * written with ONE write(2).  Nothing here allocates or uses stdio, so the
 * same code serves the shell and a freshly forked (or vforked) child,
 * where only async-signal-safe calls are allowed.  A line that does not
 * fit is cut and ends in "...".
 */
struct tline {
	char buf[1024];
	size_t len;
	bool cut;
};

/** Is the trace on?  (The cheap test every traced call makes first.) */
#define TRACING(jt) ((jt)->trace_fd >= 0)

/** Start a line: "whelk[PID]: ". */
void tl_begin(struct tline *t);
void tl_str(struct tline *t, const char *s);
void tl_num(struct tline *t, long v);
/** s in double quotes, with \" \\ and \ooo for unprintable bytes. */
void tl_quoted(struct tline *t, const char *s);
/** s unquoted, with \n \t and \ooo for control bytes: one line always. */
void tl_text(struct tline *t, const char *s);
/** "SIGTERM" (or "signal 40"); async-signal-safe for the classic names. */
void tl_signal(struct tline *t, int signo);
/** A raw wait status: "exited 0", "killed by SIGTERM (core dumped)",
    "stopped by SIGTSTP", "continued". */
void tl_status(struct tline *t, int raw);
/** End the line with '\n' and write it to the trace fd. */
void tl_end(const struct jobs *jt, struct tline *t);

/* Traced system calls used inside the layer (errno preserved). */
int trace_setpgid(const struct jobs *jt, pid_t pid, pid_t pgid);
/** tcsetpgrp, with SIGTTOU and SIGTTIN held off (tty_hold_stops). */
int trace_tcsetpgrp(const struct jobs *jt, int fd, pid_t pgid);

/*
 * tcsetpgrp and tcsetattr called from a background process group (the
 * shell while a job owns the terminal, or a new job's child before it
 * has the terminal) send SIGTTOU unless it is ignored or blocked (XBD
 * 11.1.4).  The shell ignores it for itself under job control, but after
 * `trap - TTOU` it would stop itself: so these calls block SIGTTOU and
 * SIGTTIN around them whenever SIGTTOU is not ignored.  Returns whether
 * the mask was changed (old then holds the mask to put back).  Only
 * async-signal-safe calls: a vfork child uses it too.
 */
bool tty_hold_stops(const struct jobs *jt, sigset_t *old);
void tty_release_stops(bool held, const sigset_t *old);
/** tcsetattr(TCSADRAIN) of the shell's terminal, stop signals held. */
void tty_set_modes(const struct jobs *jt, const struct termios *modes);

#endif
