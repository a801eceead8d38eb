/* tty.c: job control's terminal side — the shell's own process group, who owns the terminal, and terminal modes per job. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A terminal has one foreground process group (tcgetpgrp).  The kernel
 * sends the keyboard's signals — Ctrl-C SIGINT, Ctrl-Z SIGTSTP, Ctrl-\
 * SIGQUIT — to every process in that group, and stops a process of any
 * other group that reads from the terminal (SIGTTIN) or, with `stty
 * tostop`, writes to it (SIGTTOU).  Job control is the shell moving the
 * terminal from group to group (XBD 11.1.3-11.1.4, XCU 2.11):
 *
 *   - the shell lives in its own group and owns the terminal at the prompt;
 *   - each job gets a group of its own (spawn.c), and the terminal while it
 *     runs in the foreground;
 *   - when the job stops or ends, the shell takes the terminal back.
 *
 * The shell ignores SIGTSTP, SIGTTIN and SIGTTOU for itself: Ctrl-Z must
 * not stop the shell, and tcsetpgrp from a background group (which is
 * what the shell is while a job owns the terminal) raises SIGTTOU.  Where
 * the user took that ignore away (trap - TTOU), the calls that move the
 * terminal block SIGTTOU around themselves instead (tty_hold_stops).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/fdutil.h"
#include "jobs/jobs.h"
#include "jobs/jobs_int.h"

bool tty_hold_stops(const struct jobs *jt, sigset_t *old)
{
	int d = jt->disp[SIGTTOU];
	if (d == SIGD_IGNORE_USER || d == SIGD_IGNORE_SHELL)
		return false;
	sigset_t stops;
	sigemptyset(&stops);
	sigaddset(&stops, SIGTTOU);
	sigaddset(&stops, SIGTTIN);
	return sigprocmask(SIG_BLOCK, &stops, old) == 0;
}

void tty_release_stops(bool held, const sigset_t *old)
{
	if (held)
		sigprocmask(SIG_SETMASK, old, NULL);
}

void tty_set_modes(const struct jobs *jt, const struct termios *modes)
{
	sigset_t old;
	bool held = tty_hold_stops(jt, &old);
	tcsetattr(jt->tty_fd, TCSADRAIN, modes);
	tty_release_stops(held, &old);
}

/* The controlling terminal, on a private high close-on-exec fd. */
static int open_tty(void)
{
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int high = fd_move_high(fd);
	return high >= 0 ? high : fd;
}

/*
 * An interactive shell started in the background (`whelk -i &`) must not
 * fight the foreground job for the terminal: it stops itself with SIGTTIN,
 * as a background reader would be stopped, until someone puts it in the
 * foreground (fg).  SIGTTIN gets its default action for the moment.
 */
static int wait_for_foreground(struct jobs *jt)
{
	for (int tries = 0; tries < 1000; tries++) {
		pid_t fg = tcgetpgrp(jt->tty_fd);
		if (fg < 0)
			return -1;
		if (fg == getpgrp())
			return 0;
		struct sigaction dfl, old;
		memset(&dfl, 0, sizeof dfl);
		dfl.sa_handler = SIG_DFL;
		sigemptyset(&dfl.sa_mask);
		sigaction(SIGTTIN, &dfl, &old);
		kill(0, SIGTTIN);	/* our whole group: stop here */
		sigaction(SIGTTIN, &old, NULL);
	}
	return -1;
}

/* Ignore the job-control stop signals for the shell itself only; a trap
   the user set (or an ignore inherited at entry) is left alone. */
static void shell_stop_signals(struct jobs *jt, bool on)
{
	static const int sigs[] = { SIGTSTP, SIGTTIN, SIGTTOU };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		int s = sigs[i];
		if (sig_ignored_at_entry(jt, s))
			continue;
		if (on && jt->disp[s] == SIGD_DEFAULT)
			sig_set_disp(jt, s, SIGD_IGNORE_SHELL);
		else if (!on && jt->disp[s] == SIGD_IGNORE_SHELL)
			sig_set_disp(jt, s, SIGD_DEFAULT);
	}
}

/*
 * An interactive shell leads its own process group (so a signal for a
 * job's group never reaches it) and takes the terminal.  A script that
 * says `set -m` keeps its group, and uses the terminal only when it is
 * already in the foreground; without one, jobs still get groups.
 */
static void take_terminal(struct jobs *jt)
{
	if (jt->tty_fd < 0)
		jt->tty_fd = open_tty();
	if (jt->tty_fd < 0)
		return;
	if (jt->interactive) {
		if (wait_for_foreground(jt) < 0) {
			diag_msg("cannot get the terminal; no job control "
				 "of the terminal");
			close(jt->tty_fd);
			jt->tty_fd = -1;
			return;
		}
		if (getpgrp() != getpid())
			(void)trace_setpgid(jt, 0, getpid());
	} else if (tcgetpgrp(jt->tty_fd) != getpgrp()) {
		close(jt->tty_fd);
		jt->tty_fd = -1;
		return;
	}
	jt->shell_pgid = getpgrp();
	(void)trace_tcsetpgrp(jt, jt->tty_fd, jt->shell_pgid);
	jt->shell_tmodes_saved = tcgetattr(jt->tty_fd, &jt->shell_tmodes) == 0;
}

int jobs_set_monitor(struct jobs *jt, bool on)
{
	if (on) {
		shell_stop_signals(jt, true);
		take_terminal(jt);
		jt->monitor = true;
		sig_watch_children(jt);
	} else {
		jt->monitor = false;
		shell_stop_signals(jt, false);
	}
	return 0;
}

void job_give_terminal(struct jobs *jt, struct job *j)
{
	if (!jt->monitor || jt->tty_fd < 0 || !j->pgid)
		return;
	if (j->tmodes_saved)
		tty_set_modes(jt, &j->tmodes);
	(void)trace_tcsetpgrp(jt, jt->tty_fd, j->pgid);
}

/* Did the job end by exiting (not by a signal, not stopped)? */
static bool exited_normally(const struct job *j)
{
	return job_state(j) == JOB_DONE && j->nprocs &&
	       WIFEXITED(j->procs[j->nprocs - 1].status);
}

void job_reclaim_terminal(struct jobs *jt, struct job *j)
{
	if (!jt->monitor || jt->tty_fd < 0 || !j->pgid)
		return;
	if (job_state(j) == JOB_STOPPED)
		j->tmodes_saved = tcgetattr(jt->tty_fd, &j->tmodes) == 0;
	(void)trace_tcsetpgrp(jt, jt->tty_fd, jt->shell_pgid);
	if (exited_normally(j))
		jt->shell_tmodes_saved =
			tcgetattr(jt->tty_fd, &jt->shell_tmodes) == 0;
	else if (jt->shell_tmodes_saved)
		tty_set_modes(jt, &jt->shell_tmodes);
}
