/* fdutil.h: file-descriptor helpers; the EINTR policy lives here. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BASE_FDUTIL_H
#define WHELK_BASE_FDUTIL_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/** The lowest fd the shell uses for itself: users own 0–9 (XCU 2.7). */
#define FD_SHELL_MIN 10

/**
 * Move fd to the lowest free number >= FD_SHELL_MIN with close-on-exec set,
 * closing the original.  Returns the new fd, or -1 (errno set; fd untouched).
 * Why: the shell's private fds (script, saved copies, tty) must neither
 * collide with a user's `exec 3<file` nor leak into children.
 */
int fd_move_high(int fd);
/** Same but keeps the original open (a dup). */
int fd_dup_high(int fd);
int fd_set_cloexec(int fd, bool on);

/*
 * The shell's long-lived private fds, registered by the variable that holds
 * each (a script's fd, the terminal, the signal pipe, redirection copies).
 * Users may redirect any fd, including 10 and above (`exec 10>f`), and such
 * a number may be one the shell is using: before it is taken over,
 * fd_evict moves the private fd to another free number >= FD_SHELL_MIN and
 * updates every registered variable that held it.  A variable must be
 * disowned before its memory goes away.
 */
void fd_own(int *slot);
void fd_disown(int *slot);
/** The same for a variable a signal handler reads (sig_wake_fd).  The
    handler cannot run between the move and the close: it interrupts the
    shell, never the other way round. */
void fd_own_atomic(volatile sig_atomic_t *slot);
void fd_disown_atomic(volatile sig_atomic_t *slot);
/** Make fd free for the user: a registered fd there moves elsewhere (and fd
    is closed).  0, or -1 (errno set) when no other number is free. */
int fd_evict(int fd);
/*
 * The EINTR policy.  A system call interrupted by a signal whose handler
 * returns fails with EINTR.  Most of the shell's calls should not care: the
 * handlers only set flags (jobs/signals.c), so the call is simply made
 * again -- that is what fd_read, fd_write, fd_write_all and fd_dup2 do, and
 * every read, write and dup2 of the shell goes through them.  The exceptions
 * return on EINTR on purpose, so that a trap or Ctrl-C is acted on at once:
 * the `read` builtin, the line editors and `wait`; each says so where it
 * calls read(2) or waits.
 */
/** read(2), retrying on EINTR. */
ssize_t fd_read(int fd, void *buf, size_t n);
/** One write(2) (it may be short), retrying on EINTR: for a line that must
    reach the file in one piece (set -x, proctrace) or a pipe write whose
    shortness the caller handles. */
ssize_t fd_write(int fd, const void *buf, size_t n);
/** write(2) the whole buffer, retrying on EINTR and short writes; 0 or -1. */
int fd_write_all(int fd, const void *buf, size_t n);
/** The whole contents of the file at path, malloc'd and NUL-terminated;
    NULL (errno set) when it cannot be opened or read. */
char *fd_read_file(const char *path);
/** dup2(2), retrying on EINTR. */
int fd_dup2(int from, int to);
/** Is fd open? */
bool fd_is_open(int fd);

#endif
