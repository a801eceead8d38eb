/* jobs.h: processes and jobs — the job table, the one fork, the one waitpid, signal flags and dispositions. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_JOBS_JOBS_H
#define WHELK_JOBS_JOBS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <termios.h>

#include "base/vec.h"

/*
 * Every process the shell creates belongs to a job: one pipeline, one async
 * list, one subshell or command substitution, one external command.  The
 * rules that keep process management exact and teachable:
 *
 *  - every fork goes through job_fork() (or job_spawn(), its vfork-style
 *    cousin for a plain execve), which records the child in its job, puts it
 *    in the job's process group when job control is on (setpgid in parent
 *    AND child, see spawn.c) and resets signal dispositions in the child;
 *  - every waitpid goes through jobs_reap(), the only caller; a SIGCHLD
 *    handler (when installed) only sets a flag;
 *  - every pipe, dup2, close and execve a child-creating path performs goes
 *    through the job_pipe/job_dup2/job_close/job_execve wrappers, so the
 *    `set -o proctrace` narration has exactly one place to hook into.
 *
 * This layer knows nothing about shell syntax: the evaluator (src/exec)
 * decides what to run, this layer runs and reaps it.
 */

/* Signals are numbered 1..JOBS_NSIG-1; slot 0 is unused here (EXIT is a
   shell-level trap, not a signal). */
#define JOBS_NSIG 65

enum proc_state {
	PROC_RUNNING,
	PROC_STOPPED,
	PROC_DONE,
};

struct job_proc {
	pid_t pid;
	enum proc_state state;
	int status;		/* raw wait status, valid unless RUNNING */
};

enum job_state {
	JOB_RUNNING,		/* at least one process running */
	JOB_STOPPED,		/* none running, at least one stopped */
	JOB_DONE,		/* every process has terminated */
};

struct job {
	int id;			/* job number (%n), >= 1 */
	pid_t pgid;		/* process group under job control, else 0 */
	struct job_proc *procs;	/* owned array of nprocs */
	size_t nprocs;
	size_t cap;
	char *text;		/* owned, may be NULL: command text (jobs) */
	bool async;		/* started with & (kept until waited for) */
	bool notified;		/* the latest state change was reported */
	unsigned long seq;	/* recency for %+ / %-: bumped when the job
				   is started in the background, stops, or
				   is resumed by fg/bg; 0 = never */
	bool nohup;		/* disown -h: spared by jobs_hangup() */
	bool tmodes_saved;	/* tmodes holds the job's terminal modes */
	struct termios tmodes;	/* saved when it stopped, restored by fg */
	unsigned gen;		/* jobs->gen when it was made: a smaller one
				   is the parent shell's job, copied into a
				   subshell (not its child: wait gives 127) */
};

/* A background process the shell reported as finished and forgot: its
   status stays available to `wait pid` (jobs->reported). */
struct job_reported {
	pid_t pid;		/* 0: an empty slot */
	int status;		/* raw wait status */
};

/* How many of those are kept (the oldest goes first). */
#define JOBS_REPORTED 64

/* What the shell has done with a signal (jobs->disp[signo]). */
enum sig_disp {
	SIGD_DEFAULT,		/* SIG_DFL */
	SIGD_CATCH,		/* flag-setting handler: a trap or the shell's
				   own need (SIGCHLD, interactive SIGINT) */
	SIGD_IGNORE_USER,	/* trap '' SIG, or ignored at entry: stays
				   ignored in children (XCU 2.11) */
	SIGD_IGNORE_SHELL,	/* ignored for the shell itself only (an
				   interactive shell's SIGTSTP...): children
				   get SIG_DFL back */
};

/*
 * The read builtin's read-ahead.  On a regular file read takes a block at
 * a time and keeps what it read past its line for its next call, so
 * `while read` makes one read(2) per block, not per line.  Those bytes
 * belong to whoever reads the descriptor next: job_readahead_sync() puts
 * the file offset back before anything else could read it — every fork,
 * vfork and execve, every dup2 or close that touches the descriptor (all
 * of them go through this layer), the parser reading more of a script,
 * and the shell's exit.  A builtin that reads a descriptor itself must
 * call it first.
 */
struct job_readahead {
	int fd;			/* the descriptor buffered, -1 when none */
	size_t pos, len;	/* buf[pos..len) is read but not consumed */
	char *buf;		/* owned: JOB_READAHEAD bytes, made by the
				   first read of a regular file (a shell
				   that never reads pays nothing at startup) */
};
#define JOB_READAHEAD 8192

struct jobs {
	struct vec list;		/* struct job * (owned), ascending id */
	unsigned gen;			/* subshell depth: a forked child adds 1 */
	struct job_readahead ra;	/* the read builtin's (see above) */
	bool monitor;			/* job control: a process group per job */
	int trace_fd;			/* proctrace output fd, -1 when off */
	int tty_fd;			/* borrowed terminal fd, -1 when none */
	pid_t shell_pgid;		/* the shell's own process group (set
					   when job control takes the tty) */
	unsigned char disp[JOBS_NSIG];	/* enum sig_disp, per signal */
	int n_private;			/* how many disp[] are SIGD_CATCH or
					   SIGD_IGNORE_SHELL (signals.c keeps
					   it): 0 lets a fork skip the table */
	bool ignored_at_entry[JOBS_NSIG];	/* valid where entry_known */
	bool entry_known[JOBS_NSIG];
	bool chld_handler;		/* SIGCHLD flag handler installed */
	bool winch_handler;		/* SIGWINCH flag handler installed */
	int wake_rd;			/* read end of the self-pipe the
					   handlers write (sig_wake_open), -1 */
	bool interactive;		/* notices ([1] 123, Stopped, deaths) */
	bool notify;			/* set -b: Done notices at once */
	bool noreap;			/* set -o noreap: finished background
					   children stay zombies until
					   `wait` or `jobs` (reap.c) */
	unsigned long seq;		/* last job->seq handed out */
	bool shell_tmodes_saved;	/* shell_tmodes is valid */
	struct termios shell_tmodes;	/* the shell's own terminal modes */
	int exit_warned;		/* "There are stopped jobs." countdown:
					   2 when said, -1 per prompt */
	struct job_reported reported[JOBS_REPORTED];	/* a ring */
	size_t reported_next;		/* the slot written next */
	bool reported_any;		/* a slot was ever written */
};

/* ------------------------------------------------------------ the table */

/** A table; records which signals were ignored when the shell started. */
struct jobs *jobs_create(void);
void jobs_destroy(struct jobs *jt);
/** In a forked child: forget every job (they are the parent's children). */
void jobs_forget_all(struct jobs *jt);

/** A new, empty job appended to the table with the next free number. */
struct job *job_new(struct jobs *jt, bool async);
/** Is j a child of this process (not a job a subshell inherited)? */
bool job_is_ours(const struct jobs *jt, const struct job *j);
/** Remove j from the table and free it. */
void job_free(struct jobs *jt, struct job *j);
struct job *job_by_id(const struct jobs *jt, int id);
/** The job holding pid (searched newest first), or NULL. */
struct job *job_by_pid(const struct jobs *jt, pid_t pid);
/** The process record for pid inside j, or NULL. */
struct job_proc *job_proc_of(struct job *j, pid_t pid);
enum job_state job_state(const struct job *j);
/**
 * The job's exit status (XCU 2.9.2): the last process's, or with pipefail
 * the rightmost nonzero one.  128+n for a death by signal n.
 */
int job_status(const struct job *j, bool pipefail);
/** A raw wait status as a shell exit status (exit code, or 128+signal). */
int job_decode_status(int raw);
/** Replace the job's command text (takes ownership of text; may be NULL). */
void job_set_text(struct job *j, char *text);
/** Make j the most recent job (for %+ and %-): bg start, stop, fg/bg. */
void job_touch(struct jobs *jt, struct job *j);
/**
 * The current (%+) and previous (%-) jobs (XCU 3.204 Job Control Job ID):
 * the most recently stopped job if any, else the most recent background
 * job; the previous one by the same rule.  NULL when there is none.
 */
struct job *job_current(const struct jobs *jt);
struct job *job_previous(const struct jobs *jt);
/**
 * Resolve a job spec: %n, %+, %%, %, %-, %string (command begins with
 * string), %?string (command contains it).  NULL with *why set ("no such
 * job", "ambiguous job spec") when it names no single job.
 */
struct job *job_find(const struct jobs *jt, const char *spec,
		     const char **why);
/** Does any job have a stopped process? */
bool jobs_any_stopped(const struct jobs *jt);
/**
 * A background job's Done notice was printed and the job is forgotten:
 * the statuses of its processes are kept a while longer, so that a later
 * `wait pid` still returns them (XCU 2.9.3.1: the shell remembers a
 * background process's status until it is waited for).  Frees j.
 */
void job_forget_reported(struct jobs *jt, struct job *j);
/** The remembered status of such a pid (removed: it is waited for). */
bool jobs_take_reported(struct jobs *jt, pid_t pid, int *raw);

/* ------------------------------------------------------------ spawning */

/* One step of a child's redirection plan: make fd a copy of src, or close
   fd when src < 0.  src == fd means "keep fd, just clear close-on-exec". */
struct fd_action {
	int fd;
	int src;
	const char *name;	/* borrowed, may be NULL: what src is
				   ("/tmp/out", "here-document"), for the
				   trace's dup2(13 = /tmp/out, 1) */
};

enum {
	JOB_FORK_FG = 1,	/* foreground: under job control the job's
				   group gets the terminal */
	JOB_FORK_NOINT = 2,	/* async without job control: ignore SIGINT
				   and SIGQUIT in the child (XCU 2.11) */
	JOB_FORK_NOJOB = 4,	/* not a job of its own (command
				   substitution): stay in the shell's
				   process group */
};

/**
 * fork(2) a process for job j.  Returns the pid in the parent (recorded in
 * j), 0 in the child, -1 on failure (message printed; after a short bounded
 * retry on EAGAIN).  The child's signal dispositions are reset (caught and
 * shell-ignored signals to SIG_DFL), its pending signal flags cleared, and
 * with job control it joins the job's process group.  stdout/stderr stdio
 * buffers must be flushed by the caller first.
 */
pid_t job_fork(struct jobs *jt, struct job *j, int flags);

/* A complete external command for job_spawn. */
struct spawn_req {
	const char *path;		/* borrowed: file to execve */
	char *const *argv;		/* borrowed */
	char *const *envp;		/* borrowed */
	const struct fd_action *acts;	/* borrowed, may be NULL */
	size_t nacts;
	int flags;			/* JOB_FORK_* */
};

/**
 * Start an external command with vfork semantics: the child shares the
 * parent's memory until execve, so the cost does not grow with the shell's
 * size.  Returns the pid (recorded in j), or -1 with *err set to the errno
 * of execve (ENOEXEC: the caller runs the file as a script; nothing is
 * recorded in j then), or -1 with *err 0 when no process could be made
 * ("cannot fork: ..." already printed).
 */
pid_t job_spawn(struct jobs *jt, struct job *j, const struct spawn_req *req,
		int *err);

/** Apply a redirection plan in the current process (a child about to
    execve); returns 0, or -1 with errno set. */
int job_apply_actions(struct jobs *jt, const struct fd_action *acts, size_t n);

/* The traced wrappers (the proctrace hook point; errno preserved). */
int job_pipe(struct jobs *jt, int fds[2]);
/** Give back the read builtin's read-ahead (lseek) and forget it. */
void job_readahead_sync(struct jobs *jt);
int job_dup2(struct jobs *jt, int from, int to);
/** dup2, narrated as dup2(FROM = NAME, TO). */
int job_dup2_named(struct jobs *jt, int from, const char *name, int to);
/** open(2), fcntl(F_DUPFD_CLOEXEC) and write(2) of the redirection
    layer, narrated under proctrace (async-signal-safe, errno kept). */
int job_open(struct jobs *jt, const char *path, int flags, mode_t mode);
int job_dupfd(struct jobs *jt, int fd, int min);
ssize_t job_write(struct jobs *jt, int fd, const void *buf, size_t n);
int job_close(struct jobs *jt, int fd);
/** execve; returns only on failure (-1, errno set). */
int job_execve(struct jobs *jt, const char *path, char *const argv[],
	       char *const envp[]);

/* -------------------------------------------------------------- reaping */

/**
 * The only waitpid caller.  Collects every status available (block: wait
 * for at least one first) and records it in its job.  Returns the number of
 * statuses collected, 0 when none was ready, or -1 with errno EINTR (a
 * signal arrived while blocking) or ECHILD (no children left).
 */
int jobs_reap(struct jobs *jt, bool block);

/**
 * Wait until j is no longer running (done, or stopped under job control).
 * interruptible: return -1 as soon as a caught signal's flag is raised
 * (the `wait` builtin, XCU 2.11); otherwise keep waiting.  Returns 0.
 */
int job_wait(struct jobs *jt, struct job *j, bool interruptible);

/* ------------------------------------------------- job control (tty.c) */

/**
 * Turn job control on or off (set -m).  On: the shell gets a process group
 * of its own and, when there is a terminal, ownership of it; SIGTSTP,
 * SIGTTIN and SIGTTOU are ignored by the shell (not by its children).
 * Without a terminal (a script run with set -m) jobs still get their own
 * process groups, as in bash.  An interactive shell first waits until it
 * is in the foreground.  Returns 0, or -1 (message printed).
 */
int jobs_set_monitor(struct jobs *jt, bool on);
/** Give the terminal to j (fg): its saved modes back, tcsetpgrp. */
void job_give_terminal(struct jobs *jt, struct job *j);
/**
 * After a foreground job: the shell takes the terminal back.  A stopped
 * job's modes are saved for fg; a job killed by a signal (or stopped)
 * leaves its modes behind, so the shell's are restored; a job that exited
 * normally keeps its changes (that is how `stty` works).
 */
void job_reclaim_terminal(struct jobs *jt, struct job *j);

/* --------------------------------------------- control and notices */

/**
 * Wait for a foreground job and settle it: the terminal comes back, a
 * stop becomes "[1]+  Stopped  cmd" and a signal death other than SIGINT
 * and SIGPIPE "Segmentation fault (core dumped)" in an interactive shell.
 */
void job_wait_fg(struct jobs *jt, struct job *j);
/** Send SIGCONT to a job (fg/bg): its processes count as running. */
int job_continue(struct jobs *jt, struct job *j, bool foreground);
/** A job was started in the background: `[1] 12345` when interactive. */
void job_started_bg(struct jobs *jt, struct job *j);
/** kill(2), narrated by proctrace.  pid < 0 names a process group. */
int job_kill(struct jobs *jt, pid_t pid, int signo);
/** Signal every process of j (its group under job control). */
int job_signal(struct jobs *jt, struct job *j, int signo);
/** SIGHUP (and SIGCONT for stopped ones) to every job: the shell hangs up. */
void jobs_hangup(struct jobs *jt);
/**
 * `exit` (or Ctrl-D) in an interactive shell with stopped jobs: the first
 * time, say "There are stopped jobs." and return true (do not exit); the
 * next time in a row, hang up the stopped jobs and return false.
 */
bool jobs_exit_refused(struct jobs *jt);
/** Before each prompt: the exit warning ages, and jobs_notify(). */
void jobs_before_prompt(struct jobs *jt);

/* How job_print() shows a job. */
enum {
	JOB_PRINT_LONG = 1,	/* jobs -l: with process ids */
	JOB_PRINT_PGID = 2,	/* jobs -p: only the group leader's pid */
	JOB_PRINT_CHANGED = 4,	/* a notice (Running jobs get no " &") */
};
/** "[1]+  Stopped                 sleep 100" (bash's layout) to out. */
void job_print(const struct jobs *jt, const struct job *j, int how,
	       FILE *out);
/** The state word: Running, Stopped, Stopped(SIGTTIN), Done, Done(3),
    Terminated, Segmentation fault (core dumped)... */
const char *job_state_text(const struct job *j, char buf[64]);
/** Reap without blocking; are there changes nobody was told about? */
bool jobs_changes_pending(struct jobs *jt);
/**
 * Print a notice for each job whose state changed since it was last
 * reported (exactly once per change) and forget the finished ones.
 */
void jobs_notify(struct jobs *jt);

/* ----------------------------------------------- process trace (trace.c) */

/** set -o proctrace on/off: the narration goes to a copy of stderr. */
void jobs_set_trace(struct jobs *jt, bool on);
/**
 * Apply the options the jobs layer cares about (set -m, set -b,
 * set -o proctrace, set -o noreap); cheap and idempotent, called after
 * every `set`.
 */
void jobs_sync_options(struct jobs *jt, bool monitor, bool notify,
		       bool trace, bool noreap);
/** Reap every finished child, background ones too, whatever noreap says
    (`jobs` and `wait` are where set -o noreap lets them go). */
void jobs_reap_all(struct jobs *jt);

/* -------------------------------------------------------------- signals */

/*
 * The signal flags (docs/DESIGN.md lists every mutable global).  A handler sets
 * sig_pending[signo] and sig_any_pending; the shell looks at them at safe
 * points (between commands, in wait).
 */
extern volatile sig_atomic_t sig_pending[JOBS_NSIG];
extern volatile sig_atomic_t sig_any_pending;
extern volatile sig_atomic_t sig_chld_seen;
/* Raised by SIGWINCH (the terminal changed size); the prompt redraws. */
extern volatile sig_atomic_t sig_winch_seen;
/* The write end of the self-pipe every handler writes a byte to, -1 when
   none is open (sig_wake_open). */
extern volatile sig_atomic_t sig_wake_fd;

/** Record disp[signo] = d without a sigaction (keeps jt->n_private). */
void sig_note_disp(struct jobs *jt, int signo, enum sig_disp d);
/** Change the shell's disposition of signo (sigaction). 0 or -1. */
int sig_set_disp(struct jobs *jt, int signo, enum sig_disp d);
/** Take (clear and return) the lowest pending signal, 0 when none. */
int sig_take_pending(void);
/**
 * Was signo ignored when the shell started (XCU 2.11)?  Asked of the
 * kernel lazily, the first time it matters: a shell that never traps
 * makes no sigaction calls at startup.
 */
bool sig_ignored_at_entry(struct jobs *jt, int signo);
/** Install the SIGCHLD flag handler (once): background children exist. */
void sig_watch_children(struct jobs *jt);
/** Install the SIGWINCH flag handler (once): an interactive shell. */
void sig_watch_resize(struct jobs *jt);
/**
 * Open the self-pipe (once): from now on every handler also writes a byte
 * to it, so a select(2) on the returned read end (non-blocking,
 * close-on-exec, like the write end) wakes for any signal — the line
 * editor's idle wait (src/interactive/lineedit.h).  -1 on failure.
 */
int sig_wake_open(struct jobs *jt);
/** Close both ends (a forked child must not wake its parent's prompt). */
void sig_wake_close(struct jobs *jt);
/** Does the shell catch any signal, or ignore one for itself only (so
    signals must be blocked around fork until the child has reset them)? */
bool sig_any_caught(const struct jobs *jt);
/** In a child, or before the shell execs in place: caught and
    shell-ignored signals back to SIG_DFL. */
void sig_reset_in_child(const struct jobs *jt);

#endif
