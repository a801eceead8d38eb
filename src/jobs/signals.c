/* signals.c: signal flags and the shell's signal dispositions (handlers only set flags). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "base/fdutil.h"
#include "jobs/jobs.h"

/*
 * Mutable globals (docs/DESIGN.md lists them all).  A signal handler may touch nothing
 * but volatile sig_atomic_t objects (C11 7.14.1.1), so that is all it does:
 * the shell notices the flags at safe points and runs traps there.
 */
volatile sig_atomic_t sig_pending[JOBS_NSIG];
volatile sig_atomic_t sig_any_pending;
volatile sig_atomic_t sig_chld_seen;
volatile sig_atomic_t sig_winch_seen;
volatile sig_atomic_t sig_wake_fd = -1;

/*
 * The self-pipe trick: the line editor sleeps in select(2) on the terminal
 * and on the read end of this pipe, so a handler that writes one byte wakes
 * it even when the signal arrived just before the select started (EINTR
 * alone would be lost then).  write(2) is async-signal-safe; the pipe is
 * non-blocking, so a full pipe (bytes nobody drained yet) costs nothing.
 */
static void wake_editor(void)
{
	if (sig_wake_fd >= 0) {
		int saved = errno;
		ssize_t r = write(sig_wake_fd, "", 1);
		(void)r;
		errno = saved;
	}
}

static void on_signal(int signo)
{
	if (signo > 0 && signo < JOBS_NSIG)
		sig_pending[signo] = 1;
	if (signo == SIGCHLD)	/* a CHLD trap must not stop the reaping */
		sig_chld_seen = 1;
	if (signo == SIGWINCH)	/* nor a WINCH trap the redrawing */
		sig_winch_seen = 1;
	sig_any_pending = 1;
	wake_editor();
}

static void on_sigchld(int signo)
{
	(void)signo;
	sig_chld_seen = 1;
	wake_editor();
}

static void on_sigwinch(int signo)
{
	(void)signo;
	sig_winch_seen = 1;
	wake_editor();
}

/*
 * Trap handlers are installed WITHOUT SA_RESTART: a blocking waitpid (the
 * `wait` builtin) or read must come back with EINTR so the trap runs
 * promptly (XCU 2.11: "when the shell is waiting ... the trap action shall
 * be executed when the wait returns").  SIGCHLD, which only tells us to
 * reap at the next safe point, restarts interrupted calls instead.
 */
static int install(int signo, void (*fn)(int), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(signo, &sa, NULL);
}

/*
 * Which signals were ignored when the shell started?  XCU 2.11: in a
 * non-interactive shell they stay ignored and cannot be trapped — a script
 * started with `nohup` or in the background of another shell keeps its
 * parent's decision.  Until the shell changes a disposition, the current
 * one is the one it inherited, so the question can wait until then.
 */
bool sig_ignored_at_entry(struct jobs *jt, int signo)
{
	if (signo <= 0 || signo >= JOBS_NSIG)
		return false;
	if (!jt->entry_known[signo]) {
		struct sigaction sa;
		jt->entry_known[signo] = true;
		if (signo != SIGKILL && signo != SIGSTOP &&
		    sigaction(signo, NULL, &sa) == 0 &&
		    sa.sa_handler == SIG_IGN) {
			jt->ignored_at_entry[signo] = true;
			sig_note_disp(jt, signo, SIGD_IGNORE_USER);
		}
	}
	return jt->ignored_at_entry[signo];
}

/* Is d one of the shell's private arrangements that a child must not
   inherit (sig_reset_in_child)? */
static bool disp_is_private(int d)
{
	return d == SIGD_CATCH || d == SIGD_IGNORE_SHELL;
}

/*
 * Every change of disp[] goes through here, so that jt->n_private counts
 * the private ones.  With the count at 0 — a script that sets no traps,
 * the common case — every fork skips three walks over the 64-entry table
 * (sig_any_caught, sig_reset_in_child, and child_forget_state in spawn.c).
 */
void sig_note_disp(struct jobs *jt, int signo, enum sig_disp d)
{
	if (disp_is_private(jt->disp[signo]))
		jt->n_private--;
	if (disp_is_private((int)d))
		jt->n_private++;
	jt->disp[signo] = (unsigned char)d;
}

int sig_set_disp(struct jobs *jt, int signo, enum sig_disp d)
{
	int r;
	if (signo <= 0 || signo >= JOBS_NSIG)
		return -1;
	(void)sig_ignored_at_entry(jt, signo);
	if (signo == SIGKILL || signo == SIGSTOP) {
		errno = EINVAL;
		return -1;
	}
	switch (d) {
	case SIGD_CATCH:
		r = install(signo, on_signal, 0);
		break;
	case SIGD_IGNORE_USER:
	case SIGD_IGNORE_SHELL:
		r = install(signo, SIG_IGN, 0);
		break;
	default:
		if (signo == SIGCHLD && jt->chld_handler)
			r = install(signo, on_sigchld, SA_RESTART);
		else if (signo == SIGWINCH && jt->winch_handler)
			r = install(signo, on_sigwinch, SA_RESTART);
		else
			r = install(signo, SIG_DFL, 0);
		break;
	}
	if (r == 0)
		sig_note_disp(jt, signo, d);
	return r;
}

void sig_watch_children(struct jobs *jt)
{
	if (jt->chld_handler || jt->disp[SIGCHLD] != SIGD_DEFAULT)
		return;
	if (install(SIGCHLD, on_sigchld, SA_RESTART) == 0)
		jt->chld_handler = true;
}

/* SA_RESTART: a window resized while a command reads the terminal must
   not interrupt that read. */
void sig_watch_resize(struct jobs *jt)
{
	if (jt->winch_handler || jt->disp[SIGWINCH] != SIGD_DEFAULT)
		return;
	if (install(SIGWINCH, on_sigwinch, SA_RESTART) == 0)
		jt->winch_handler = true;
}

int sig_wake_open(struct jobs *jt)
{
	if (jt->wake_rd >= 0)
		return jt->wake_rd;
	int p[2];
	if (pipe(p) < 0)
		return -1;
	int rd = fd_move_high(p[0]);
	int wr = rd < 0 ? -1 : fd_move_high(p[1]);
	if (wr < 0 || fcntl(rd, F_SETFL, O_NONBLOCK) < 0 ||
	    fcntl(wr, F_SETFL, O_NONBLOCK) < 0) {
		close(rd < 0 ? p[0] : rd);
		close(wr < 0 ? p[1] : wr);
		return -1;
	}
	jt->wake_rd = rd;
	sig_wake_fd = wr;
	fd_own_atomic(&sig_wake_fd);
	return rd;
}

void sig_wake_close(struct jobs *jt)
{
	if (jt->wake_rd < 0)
		return;
	int wr = sig_wake_fd;
	sig_wake_fd = -1;	/* before the close: no handler writes to it */
	fd_disown_atomic(&sig_wake_fd);
	close(wr);
	close(jt->wake_rd);
	jt->wake_rd = -1;
}

int sig_take_pending(void)
{
	sig_any_pending = 0;
	for (int s = 1; s < JOBS_NSIG; s++)
		if (sig_pending[s]) {
			sig_pending[s] = 0;
			/* more may be waiting: look again next time */
			sig_any_pending = 1;
			return s;
		}
	return 0;
}

bool sig_any_caught(const struct jobs *jt)
{
	return jt->chld_handler || jt->winch_handler || jt->n_private > 0;
}

/*
 * A child must not inherit the shell's private arrangements: a caught
 * signal would run the parent's handler code (and after execve the kernel
 * resets it anyway), and signals an interactive shell ignores for itself
 * (SIGTSTP, SIGTTOU...) must have their default effect on the command.
 * Only signals the user ignored (trap '') or that were ignored when the
 * shell started stay ignored (XCU 2.11).  Only async-signal-safe calls:
 * this also runs in a vfork child.
 */
void sig_reset_in_child(const struct jobs *jt)
{
	if (!sig_any_caught(jt))
		return;		/* nothing private: dispositions are inherited
				   as the user (or the shell's parent) set them */
	for (int s = 1; s < JOBS_NSIG; s++) {
		int d = jt->disp[s];
		if (disp_is_private(d) ||
		    (s == SIGCHLD && jt->chld_handler) ||
		    (s == SIGWINCH && jt->winch_handler)) {
			struct sigaction sa;
			memset(&sa, 0, sizeof sa);
			sa.sa_handler = SIG_DFL;
			sigemptyset(&sa.sa_mask);
			sigaction(s, &sa, NULL);
		}
	}
}
