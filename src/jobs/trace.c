/* trace.c: set -o proctrace — one line on stderr for every process operation the shell performs. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The process trace is whelk's window onto the kernel.  Each fork, vfork,
 * pipe, dup2, close, setpgid, tcsetpgrp, execve, waitpid and kill the shell
 * (or one of its children, before execve) makes, and the open, fcntl and
 * write of the redirection layer, is reported as one line:
 *
 *	whelk[1234]: pipe2(O_CLOEXEC) = [3, 4]
 *	whelk[1234]: fork() = 1240 (job 1: ls | wc -l)
 *	whelk[1240]: dup2(4, 1)			(dup2(13 = /tmp/out, 1) when
 *						 the fd is a redirection's)
 *	whelk[1240]: execve("/usr/bin/ls", ["ls"])
 *	whelk[1234]: waitpid(-1) = 1240 exited 0
 *
 * The number in brackets is the process that made the call, so the
 * parent's and the children's lines can be told apart although they
 * interleave.  Lines are written to a private copy of the shell's stderr
 * (taken when the option is turned on, close-on-exec, above fd 10), so a
 * child's `2>file` does not swallow the narration of its own dup2.
 *
 * Children write their lines between fork and execve, where only
 * async-signal-safe functions may be called (POSIX XSH 2.4.3): so the
 * lines are formatted by hand into a stack buffer and written with a
 * single write(2) — which also keeps concurrent lines from mixing.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/fdutil.h"
#include "base/signames.h"
#include "jobs/jobs.h"
#include "jobs/jobs_int.h"

static void tl_putc(struct tline *t, char c)
{
	/* keep 4 bytes for "...\n" */
	if (t->len + 5 > sizeof t->buf) {
		t->cut = true;
		return;
	}
	t->buf[t->len++] = c;
}

void tl_str(struct tline *t, const char *s)
{
	while (*s)
		tl_putc(t, *s++);
}

void tl_num(struct tline *t, long v)
{
	char d[24];
	int n = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	if (v < 0)
		tl_putc(t, '-');
	do
		d[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	while (n > 0)
		tl_putc(t, d[--n]);
}

void tl_begin(struct tline *t)
{
	t->len = 0;
	t->cut = false;
	tl_str(t, "whelk[");
	tl_num(t, (long)getpid());
	tl_str(t, "]: ");
}

/* One byte of traced text; quoted: also escape '"' and '\\'. */
static void tl_byte(struct tline *t, unsigned char c, bool quoted)
{
	if (quoted && (c == '"' || c == '\\')) {
		tl_putc(t, '\\');
		tl_putc(t, (char)c);
	} else if (c == '\n' || c == '\t') {
		tl_putc(t, '\\');
		tl_putc(t, c == '\n' ? 'n' : 't');
	} else if (c < 0x20 || c == 0x7f) {
		tl_putc(t, '\\');
		tl_putc(t, (char)('0' + (c >> 6)));
		tl_putc(t, (char)('0' + ((c >> 3) & 7)));
		tl_putc(t, (char)('0' + (c & 7)));
	} else {
		tl_putc(t, (char)c);
	}
}

void tl_quoted(struct tline *t, const char *s)
{
	tl_putc(t, '"');
	for (; *s; s++)
		tl_byte(t, (unsigned char)*s, true);
	tl_putc(t, '"');
}

void tl_text(struct tline *t, const char *s)
{
	for (; *s; s++)
		tl_byte(t, (unsigned char)*s, false);
}

void tl_signal(struct tline *t, int signo)
{
	char buf[16];
	const char *name = signo > 0 && signo < SIGRTMIN
		? sig_name(signo, buf) : NULL;
	if (signo == 0) {
		tl_str(t, "0");
	} else if (name) {
		tl_str(t, "SIG");
		tl_str(t, name);
	} else {
		tl_str(t, "signal ");
		tl_num(t, signo);
	}
}

void tl_status(struct tline *t, int raw)
{
	if (WIFEXITED(raw)) {
		tl_str(t, "exited ");
		tl_num(t, WEXITSTATUS(raw));
	} else if (WIFSIGNALED(raw)) {
		tl_str(t, "killed by ");
		tl_signal(t, WTERMSIG(raw));
#ifdef WCOREDUMP
		if (WCOREDUMP(raw))
			tl_str(t, " (core dumped)");
#endif
	} else if (WIFSTOPPED(raw)) {
		tl_str(t, "stopped by ");
		tl_signal(t, WSTOPSIG(raw));
	} else if (WIFCONTINUED(raw)) {
		tl_str(t, "continued");
	}
}

void tl_end(const struct jobs *jt, struct tline *t)
{
	int saved = errno;
	if (t->cut)
		memcpy(t->buf + t->len, "...", 3), t->len += 3;
	t->buf[t->len++] = '\n';
	(void)fd_write(jt->trace_fd, t->buf, t->len);
	errno = saved;
}

int trace_setpgid(const struct jobs *jt, pid_t pid, pid_t pgid)
{
	int r = setpgid(pid, pgid);
	if (TRACING(jt)) {
		int err = errno;
		struct tline t;
		tl_begin(&t);
		tl_str(&t, "setpgid(");
		tl_num(&t, pid);
		tl_str(&t, ", ");
		tl_num(&t, pgid);
		tl_str(&t, r < 0 ? ") = -1 " : ")");
		if (r < 0)
			tl_str(&t, err == EACCES ? "EACCES (already exec'd)"
				   : err == ESRCH ? "ESRCH" : "error");
		tl_end(jt, &t);
		errno = err;
	}
	return r;
}

int trace_tcsetpgrp(const struct jobs *jt, int fd, pid_t pgid)
{
	sigset_t old;
	bool held = tty_hold_stops(jt, &old);
	int r = tcsetpgrp(fd, pgid);
	int saved = errno;
	tty_release_stops(held, &old);
	errno = saved;
	if (TRACING(jt)) {
		int err = errno;
		struct tline t;
		tl_begin(&t);
		tl_str(&t, "tcsetpgrp(");
		tl_num(&t, fd);
		tl_str(&t, ", ");
		tl_num(&t, pgid);
		tl_str(&t, r < 0 ? ") = -1" : ")");
		tl_end(jt, &t);
		errno = err;
	}
	return r;
}

int job_kill(struct jobs *jt, pid_t pid, int signo)
{
	int r = kill(pid, signo);
	if (TRACING(jt)) {
		int err = errno;
		struct tline t;
		tl_begin(&t);
		tl_str(&t, "kill(");
		tl_num(&t, pid);
		tl_str(&t, ", ");
		tl_signal(&t, signo);
		tl_str(&t, r < 0 ? ") = -1" : ")");
		tl_end(jt, &t);
		errno = err;
	}
	return r;
}

/* The narration goes to a private, close-on-exec copy of stderr. */
void jobs_set_trace(struct jobs *jt, bool on)
{
	if (on == (jt->trace_fd >= 0))
		return;
	if (on) {
		jt->trace_fd = fd_dup_high(STDERR_FILENO);
	} else {
		close(jt->trace_fd);
		jt->trace_fd = -1;
	}
}

void jobs_sync_options(struct jobs *jt, bool monitor, bool notify,
		       bool trace, bool noreap)
{
	jt->notify = notify;
	jt->noreap = noreap;
	jobs_set_trace(jt, trace);
	if (monitor != jt->monitor)
		(void)jobs_set_monitor(jt, monitor);
}
