/* spawn.c: creating processes — the one fork, the vfork-style spawn, and the traced pipe/dup2/close/execve wrappers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/fdutil.h"
#include "jobs/jobs.h"
#include "jobs/jobs_int.h"

#ifdef HAVE_PIPE2
/* POSIX.1-2024 pipe2(); glibc declares it only for _GNU_SOURCE, and whelk
   is compiled against POSIX.1-2008 (AM_CPPFLAGS). */
int pipe2(int fds[2], int flags);
#endif

/* A pipe with both ends close-on-exec, in one system call when it can. */
static int pipe_cloexec(int fds[2])
{
#ifdef HAVE_PIPE2
	return pipe2(fds, O_CLOEXEC);
#else
	if (pipe(fds) < 0)
		return -1;
	fd_set_cloexec(fds[0], true);
	fd_set_cloexec(fds[1], true);
	return 0;
#endif
}

/* ------------------------------------------------------ traced wrappers */

/*
 * These four calls are where `set -o proctrace` narrates what the shell
 * asks of the kernel (trace.c formats the lines).  They must stay
 * async-signal-safe: job_dup2, job_close and job_execve run in a (v)fork
 * child, which may not touch malloc or stdio.
 */
int job_pipe(struct jobs *jt, int fds[2])
{
	/* Close-on-exec: only the child that dup2s an end onto 0 or 1 passes
	   it to the program it runs (dup2 clears the flag on the copy), and
	   no other child inherits it by accident. */
	int r = pipe_cloexec(fds);
	if (TRACING(jt)) {
		struct tline t;
		tl_begin(&t);
		tl_str(&t, "pipe2(O_CLOEXEC) = ");
		if (r < 0) {
			tl_str(&t, "-1");
		} else {
			tl_str(&t, "[");
			tl_num(&t, fds[0]);
			tl_str(&t, ", ");
			tl_num(&t, fds[1]);
			tl_str(&t, "]");
		}
		tl_end(jt, &t);
	}
	return r;
}

/* "dup2(13 = /tmp/out, 1)": name says what fd a is, when known. */
static void trace_fd_call(struct jobs *jt, const char *call, int a,
			  const char *name, int b, int r)
{
	struct tline t;
	tl_begin(&t);
	tl_str(&t, call);
	tl_str(&t, "(");
	tl_num(&t, a);
	if (name) {
		tl_str(&t, " = ");
		tl_text(&t, name);
	}
	if (b >= 0) {
		tl_str(&t, ", ");
		tl_num(&t, b);
	}
	tl_str(&t, r < 0 ? ") = -1" : ")");
	tl_end(jt, &t);
}

/*
 * Async-signal-safe, like the wrappers: a vfork child may call it (it
 * finds nothing to do: the parent synced before vfork).
 */
void job_readahead_sync(struct jobs *jt)
{
	struct job_readahead *ra = &jt->ra;
	if (ra->fd < 0)
		return;
	if (ra->pos < ra->len)
		(void)lseek(ra->fd, -(off_t)(ra->len - ra->pos), SEEK_CUR);
	ra->fd = -1;
	ra->pos = ra->len = 0;
}

int job_dup2_named(struct jobs *jt, int from, const char *name, int to)
{
	if (jt->ra.fd >= 0 && (from == jt->ra.fd || to == jt->ra.fd))
		job_readahead_sync(jt);
	int r = fd_dup2(from, to);
	if (TRACING(jt))
		trace_fd_call(jt, "dup2", from, name, to, r);
	return r;
}

int job_dup2(struct jobs *jt, int from, int to)
{
	return job_dup2_named(jt, from, NULL, to);
}

int job_close(struct jobs *jt, int fd)
{
	if (fd == jt->ra.fd)
		job_readahead_sync(jt);
	int r = close(fd);
	if (TRACING(jt))
		trace_fd_call(jt, "close", fd, NULL, -1, r);
	return r;
}

/* The open(2) flags a redirection uses, by name. */
static void tl_open_flags(struct tline *t, int flags)
{
	static const struct { int bit; const char *name; } bits[] = {
		{ O_CREAT, "|O_CREAT" }, { O_EXCL, "|O_EXCL" },
		{ O_TRUNC, "|O_TRUNC" }, { O_APPEND, "|O_APPEND" },
		{ O_NOCTTY, "|O_NOCTTY" }, { O_CLOEXEC, "|O_CLOEXEC" },
	};
	int acc = flags & O_ACCMODE;
	tl_str(t, acc == O_WRONLY ? "O_WRONLY" : acc == O_RDWR ? "O_RDWR"
	       : "O_RDONLY");
	for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
		if (flags & bits[i].bit)
			tl_str(t, bits[i].name);
}

/* open("/tmp/out", O_WRONLY|O_CREAT|O_TRUNC|..., 0666) = 3 */
int job_open(struct jobs *jt, const char *path, int flags, mode_t mode)
{
	int r = open(path, flags, mode);
	if (TRACING(jt)) {
		int err = errno;
		struct tline t;
		tl_begin(&t);
		tl_str(&t, "open(");
		tl_quoted(&t, path);
		tl_str(&t, ", ");
		tl_open_flags(&t, flags);
		if (flags & O_CREAT)
			tl_str(&t, ", 0666");
		tl_str(&t, ") = ");
		tl_num(&t, r);
		tl_end(jt, &t);
		errno = err;
	}
	return r;
}

/* fcntl(3, F_DUPFD_CLOEXEC, 10) = 13: a close-on-exec copy at >= min. */
int job_dupfd(struct jobs *jt, int fd, int min)
{
	int r = fcntl(fd, F_DUPFD_CLOEXEC, min);
	if (TRACING(jt)) {
		int err = errno;
		struct tline t;
		tl_begin(&t);
		tl_str(&t, "fcntl(");
		tl_num(&t, fd);
		tl_str(&t, ", F_DUPFD_CLOEXEC, ");
		tl_num(&t, min);
		tl_str(&t, ") = ");
		tl_num(&t, r);
		if (r < 0)
			tl_str(&t, err == EINVAL ? " EINVAL" : err == EMFILE ?
			       " EMFILE" : err == EBADF ? " EBADF" : "");
		tl_end(jt, &t);
		errno = err;
	}
	return r;
}

/* write(4, 6 bytes) = 6 (a here-document into its pipe) */
ssize_t job_write(struct jobs *jt, int fd, const void *buf, size_t n)
{
	ssize_t r = fd_write(fd, buf, n);
	if (TRACING(jt)) {
		int err = errno;
		struct tline t;
		tl_begin(&t);
		tl_str(&t, "write(");
		tl_num(&t, fd);
		tl_str(&t, ", ");
		tl_num(&t, (long)n);
		tl_str(&t, " bytes) = ");
		tl_num(&t, (long)r);
		tl_end(jt, &t);
		errno = err;
	}
	return r;
}

/* execve("/usr/bin/ls", ["ls", "-l"]) — written BEFORE the call, since a
   successful execve never returns to tell. */
int job_execve(struct jobs *jt, const char *path, char *const argv[],
	       char *const envp[])
{
	job_readahead_sync(jt);	/* exec in place: the program reads next */
	if (TRACING(jt)) {
		struct tline t;
		tl_begin(&t);
		tl_str(&t, "execve(");
		tl_quoted(&t, path);
		tl_str(&t, ", [");
		for (size_t i = 0; argv[i]; i++) {
			if (i)
				tl_str(&t, ", ");
			tl_quoted(&t, argv[i]);
		}
		tl_str(&t, "])");
		tl_end(jt, &t);
	}
	int r = execve(path, argv, envp);
	if (TRACING(jt)) {
		int err = errno;
		struct tline t;
		tl_begin(&t);
		tl_str(&t, "execve failed: errno ");
		tl_num(&t, err);
		tl_str(&t, err == ENOENT ? " (ENOENT)" : err == EACCES
		       ? " (EACCES)" : err == ENOEXEC ? " (ENOEXEC)" : "");
		tl_end(jt, &t);
		errno = err;
	}
	return r;
}

/*
 * The redirection plan staged by the evaluator (exec/redir.c): files are
 * already open at high close-on-exec fds, so the child only has to dup2
 * them into place — dup2 clears close-on-exec on the copy, and execve
 * closes the high originals for free.
 */
int job_apply_actions(struct jobs *jt, const struct fd_action *acts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct fd_action *a = &acts[i];
		if (a->src < 0) {
			job_close(jt, a->fd);
		} else if (a->src == a->fd) {
			int fl = fcntl(a->fd, F_GETFD);
			if (fl < 0 || fcntl(a->fd, F_SETFD, fl & ~FD_CLOEXEC) < 0)
				return -1;
		} else if (job_dup2_named(jt, a->src, a->name, a->fd) < 0) {
			return -1;
		}
	}
	return 0;
}

/* ---------------------------------------------------- the job's records */

static void job_add_proc(struct job *j, pid_t pid)
{
	if (j->nprocs == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 2;
		j->procs = xreallocarray(j->procs, j->cap, sizeof *j->procs);
	}
	j->procs[j->nprocs].pid = pid;
	j->procs[j->nprocs].state = PROC_RUNNING;
	j->procs[j->nprocs].status = 0;
	j->nprocs++;
}

/*
 * Job control: each job gets its own process group, whose id is the pid of
 * its first process.  Both the parent and the child call setpgid, because
 * either may run first after fork: if only the child did it, the parent
 * could tcsetpgrp or kill(-pgid) a group that does not exist yet; if only
 * the parent did it, the child could exec and read the terminal while
 * still in the shell's group.  Whichever runs second gets a harmless
 * EACCES/ESRCH (the child may have exec'd or exited), ignored.
 */
static void join_group_in_child(struct jobs *jt, pid_t pgid, int flags)
{
	if (!jt->monitor || (flags & JOB_FORK_NOJOB))
		return;
	pid_t me = getpid();
	trace_setpgid(jt, 0, pgid ? pgid : me);
	/* Still under the shell's signal arrangements here: SIGTTOU is
	   ignored or blocked, so tcsetpgrp from what is now a background
	   group is allowed (XBD 11.1.4) instead of stopping us. */
	if ((flags & JOB_FORK_FG) && jt->tty_fd >= 0)
		trace_tcsetpgrp(jt, jt->tty_fd, pgid ? pgid : me);
}

static void join_group_in_parent(struct jobs *jt, struct job *j, pid_t pid,
				 int flags)
{
	if (!jt->monitor || (flags & JOB_FORK_NOJOB))
		return;
	if (!j->pgid)
		j->pgid = pid;
	trace_setpgid(jt, pid, j->pgid);
	if ((flags & JOB_FORK_FG) && jt->tty_fd >= 0)
		trace_tcsetpgrp(jt, jt->tty_fd, j->pgid);
}

/* "fork() = 1240 (job 1: ls | wc -l)", in the parent. */
static void trace_fork(struct jobs *jt, const char *call, pid_t pid,
		       const struct job *j, int flags)
{
	struct tline t;
	tl_begin(&t);
	tl_str(&t, call);
	tl_str(&t, "() = ");
	tl_num(&t, pid);
	if (flags & JOB_FORK_NOJOB) {
		tl_str(&t, " (command substitution)");
	} else {
		tl_str(&t, " (job ");
		tl_num(&t, j->id);
		if (j->text) {
			tl_str(&t, ": ");
			tl_text(&t, j->text);	/* a here-document: one line */
		}
		tl_str(&t, j->async ? " &)" : ")");
	}
	tl_end(jt, &t);
}

/*
 * Block every signal around fork while the shell has any of its own
 * arrangements (a handler, or a signal ignored for itself only): a signal
 * that reached the child before it reset its dispositions would run the
 * shell's handler there, or be ignored for good — `sleep 9 & kill $!`
 * could lose its SIGTERM.  Blocked, it waits, pending, until the child has
 * set SIG_DFL, and then acts.  The same holds the other way round for an
 * async list that must ignore SIGINT (XCU 2.11): `sleep 9 & kill -INT $!`
 * must not kill it before it had time to say SIG_IGN.  A shell with no
 * arrangements starting a foreground command makes no mask calls at all.
 */
static bool block_all(const struct jobs *jt, int flags, sigset_t *old)
{
	if (!sig_any_caught(jt) && !(flags & JOB_FORK_NOINT))
		return false;
	sigset_t all;
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, old);
	return true;
}

/* XCU 2.11: an async list without job control ignores SIGINT and SIGQUIT,
   so a Ctrl-C meant for the foreground does not kill background work.
   That ignore is not one "on entry": the list may trap or reset them
   (`{ trap - INT; cmd; } &`).  So what the shell itself inherited is
   settled in the parent first (sig_ignored_at_entry caches it), and the
   child's copy of the table remembers that, not the new SIG_IGN. */
static void settle_entry_interrupts(struct jobs *jt, int flags)
{
	if (flags & JOB_FORK_NOINT) {
		(void)sig_ignored_at_entry(jt, SIGINT);
		(void)sig_ignored_at_entry(jt, SIGQUIT);
	}
}

/* The async list's own ignore of SIGINT and SIGQUIT, in the child. */
static void ignore_interrupts(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
}

/* The child's own copy of the table: nothing is caught any more. */
static void child_forget_state(struct jobs *jt, int flags)
{
	/* Both walks are skipped in the common case.  A flag can be raised
	   only by on_signal, which raises sig_any_pending after it, and
	   sig_take_pending lowers sig_any_pending only when it found no flag:
	   so sig_any_pending == 0 means no flag is up.  (Signals are blocked
	   across the fork whenever one is caught, so no handler runs here.)
	   With n_private == 0 no disp[] entry needs changing. */
	if (sig_any_pending)
		for (int s = 1; s < JOBS_NSIG; s++)
			sig_pending[s] = 0;
	for (int s = 1; jt->n_private > 0 && s < JOBS_NSIG; s++)
		if (jt->disp[s] == SIGD_CATCH || jt->disp[s] == SIGD_IGNORE_SHELL)
			sig_note_disp(jt, s, SIGD_DEFAULT);
	sig_any_pending = 0;
	sig_chld_seen = 0;
	sig_winch_seen = 0;
	jt->chld_handler = false;
	jt->winch_handler = false;
	sig_wake_close(jt);
	jt->gen++;	/* the jobs in the table are now the parent's */
	if (flags & JOB_FORK_NOINT) {
		if (jt->disp[SIGINT] == SIGD_DEFAULT)
			sig_note_disp(jt, SIGINT, SIGD_IGNORE_USER);
		if (jt->disp[SIGQUIT] == SIGD_DEFAULT)
			sig_note_disp(jt, SIGQUIT, SIGD_IGNORE_USER);
	}
	/* Statuses the parent remembered are of its children, not ours. */
	if (jt->reported_any) {
		memset(jt->reported, 0, sizeof jt->reported);
		jt->reported_any = false;
	}
	/* The parent's jobs stay in the copy of the table, as a snapshot:
	   `jobs -p | ...` and `kill $(jobs -p)` must see them.  They are
	   not this process's children: `wait` gets ECHILD for them and
	   gives up on them at once (reap.c). */
	/* A subshell never does job control of its own (as in dash), nor
	   tells the user about its jobs: it is not the one at the prompt. */
	jt->monitor = false;
	jt->interactive = false;
}

/* fork, retrying a few times on EAGAIN (process limit): 10+20+40+80 ms at
   most, so a fork bomb elsewhere slows us briefly but never hangs us. */
static pid_t fork_retry(void)
{
	long delay_ms = 10;
	for (int tries = 0;; tries++) {
		pid_t pid = fork();
		if (pid >= 0 || errno != EAGAIN || tries == 4)
			return pid;
		struct timespec ts = { 0, delay_ms * 1000000L };
		nanosleep(&ts, NULL);
		delay_ms *= 2;
	}
}

pid_t job_fork(struct jobs *jt, struct job *j, int flags)
{
	job_readahead_sync(jt);	/* the child may read the descriptor */
	settle_entry_interrupts(jt, flags);
	sigset_t old;
	bool masked = block_all(jt, flags, &old);
	pid_t pid = fork_retry();
	if (pid == 0) {
		join_group_in_child(jt, j->pgid, flags);
		sig_reset_in_child(jt);
		if (flags & JOB_FORK_NOINT)
			ignore_interrupts();
		child_forget_state(jt, flags);
		if (masked)
			sigprocmask(SIG_SETMASK, &old, NULL);
		return 0;
	}
	int err = errno;
	if (pid > 0) {
		if (TRACING(jt))
			trace_fork(jt, "fork", pid, j, flags);
		join_group_in_parent(jt, j, pid, flags);
	}
	if (masked)
		sigprocmask(SIG_SETMASK, &old, NULL);
	if (pid < 0) {
		diag_msg("cannot fork: %s", strerror(err));
		return -1;
	}
	job_add_proc(j, pid);
	if (j->async)
		sig_watch_children(jt);
	return pid;
}

/* ----------------------------------------------------------- job_spawn */

/*
 * The vfork child.  It runs on the parent's memory while the parent is
 * suspended, so it may only make system calls (no malloc, no stdio) and
 * must end in execve or _exit.  It reports execve's errno through *err,
 * a variable in the parent's frame.
 */
static _Noreturn void spawn_child(struct jobs *jt, pid_t pgid,
				  const struct spawn_req *req,
				  const sigset_t *mask, volatile int *err)
{
	join_group_in_child(jt, pgid, req->flags);
	sig_reset_in_child(jt);
	if (req->flags & JOB_FORK_NOINT)
		ignore_interrupts();
	if (mask)
		sigprocmask(SIG_SETMASK, mask, NULL);
	if (job_apply_actions(jt, req->acts, req->nacts) == 0)
		job_execve(jt, req->path, req->argv, req->envp);
	*err = errno ? errno : EINVAL;
	_exit(127);
}

/* Everything the vfork child needs, in memory (not registers) that
   survives vfork's "returns twice". */
struct vfork_ctx {
	struct jobs *jt;
	pid_t pgid;
	const struct spawn_req *req;
	bool masked;
	sigset_t old;
	volatile int err;
};

/*
 * While any signal is caught, block them all around vfork: a handler run in
 * the child would set flags in the parent's memory and the parent would
 * believe it got the signal.  The child unblocks after resetting its
 * dispositions.  A shell that catches nothing makes no mask calls at all.
 */
static pid_t do_vfork(struct vfork_ctx *ctx)
{
	struct vfork_ctx *volatile vc = ctx;
	sigset_t all;
	vc->masked = sig_any_caught(vc->jt) ||
		     (vc->req->flags & JOB_FORK_NOINT);
	if (vc->masked) {
		sigfillset(&all);
		sigprocmask(SIG_SETMASK, &all, &vc->old);
	}
	/* EAGAIN (the process limit) is retried like fork_retry() does:
	   five tries over about 150 ms.  The loop is here, not in a helper,
	   because a vfork child must not return from the function that
	   called vfork. */
	pid_t pid;
	long delay_ms = 10;
	for (int tries = 0;; tries++) {
		pid = vfork();
		if (pid == 0)
			spawn_child(vc->jt, vc->pgid, vc->req,
				    vc->masked ? &vc->old : NULL, &vc->err);
		if (pid >= 0 || errno != EAGAIN || tries == 4)
			break;
		struct timespec ts = { 0, delay_ms * 1000000L };
		nanosleep(&ts, NULL);
		delay_ms *= 2;
	}
	int saved = errno;
	if (vc->masked)
		sigprocmask(SIG_SETMASK, &vc->old, NULL);
	errno = saved;
	return pid;
}

/*
 * The child could not execve and has already _exit'ed: reap it and forget
 * it.  The job is left as it was before — in particular its pgid is not
 * set from the dead child, so an ENOEXEC retry starts a process group of
 * its own (and fg/bg reach it).  Under job control the dead child had
 * made itself a group and, in the foreground, taken the terminal
 * (join_group_in_child): the shell takes it back, or its next read of
 * the terminal would fail.
 */
static void exec_failed(struct jobs *jt, struct job *j, pid_t pid, int flags)
{
	job_add_proc(j, pid);
	job_wait(jt, j, false);
	j->nprocs--;
	if (jt->monitor && !(flags & JOB_FORK_NOJOB) && (flags & JOB_FORK_FG) &&
	    jt->tty_fd >= 0)
		(void)trace_tcsetpgrp(jt, jt->tty_fd, jt->shell_pgid);
}

pid_t job_spawn(struct jobs *jt, struct job *j, const struct spawn_req *req,
		int *err)
{
	struct vfork_ctx ctx = { .jt = jt, .pgid = j->pgid, .req = req };
	job_readahead_sync(jt);
	settle_entry_interrupts(jt, req->flags);
	pid_t pid = do_vfork(&ctx);
	int child_err = ctx.err;
	if (pid < 0) {
		/* No process at all: say so here, as job_fork() does. */
		diag_msg("cannot fork: %s", strerror(errno));
		*err = 0;
		return -1;
	}
	if (TRACING(jt))
		trace_fork(jt, "vfork", pid, j, req->flags);
	if (child_err != 0) {
		exec_failed(jt, j, pid, req->flags);
		*err = child_err;
		return -1;
	}
	join_group_in_parent(jt, j, pid, req->flags);
	job_add_proc(j, pid);
	*err = 0;
	if (j->async)
		sig_watch_children(jt);
	return pid;
}
