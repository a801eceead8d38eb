/* proc.h: reading /proc/<pid>/... into plain structs — no printing, every reader takes a root directory. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PROC_PROC_H
#define WHELK_PROC_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * Layer 2.  The proc builtin (src/builtins/proc*.c) formats what these
 * functions return; nothing here writes to a terminal.
 *
 * Error convention: a reader returns 0, or a positive errno value saying
 * why the data is missing:
 *   ENOENT / ESRCH  the process does not exist or exited while being read
 *                   (a pid directory can vanish between two openat calls);
 *   EACCES / EPERM  the file exists but needs the same uid or
 *                   CAP_SYS_PTRACE (ptrace_may_access() in the kernel guards
 *                   fd/, maps, environ, io, cwd, exe...);
 *   EINVAL          the text did not parse (a kernel we do not know).
 * The caller shows '-' for that field and says why; one unreadable file
 * never hides the others.
 *
 * Fixture trees.  Every reader works relative to a root directory, "/proc"
 * in real use, a recorded tree under tests/unit/fixtures/proc/ in tests.
 * Tests run as root, and root ignores file modes, so a fixture simulates
 * what the kernel would refuse with marker files, honoured only when the
 * root is not the real /proc (no extra system calls in real use):
 *   <pid>/<file>.denied   reading <file> fails with EACCES;
 *   <pid>.hidden          pid exists but hidepid hides it (what kill(pid, 0)
 *                         answering EPERM tells us on a real system);
 *   <pid>.thread          <pid> is a thread id: /proc/<pid> opens, but
 *                         readdir of /proc does not list it;
 *   self                  a symlink to the pid directory of "the shell".
 */

/** Which process: a pid, or PROC_SELF for the calling process ("self"). */
#define PROC_SELF ((pid_t)0)

struct proc_root {
	char *path;	/* owned: "/proc" or a fixture directory */
	int fd;		/* O_DIRECTORY|O_CLOEXEC fd of path, -1 if unusable */
	bool fixture;	/* honour the marker files described above */
	int error;	/* 0, or why the root is unusable (ENOENT, ENOTSUP:
			   a directory that is not procfs — /proc not mounted) */
};

/**
 * Open a root.  path NULL means "/proc" (checked with statfs: f_type must
 * be PROC_SUPER_MAGIC, else /proc is an empty mount point).  Any other path
 * is a fixture tree: usable when it is a directory holding "self".
 * Returns 0 or root->error; the struct must be finished either way.
 */
int proc_root_open(struct proc_root *root, const char *path);
void proc_root_close(struct proc_root *root);

/** A pid directory held open: later reads are relative to it (openat), so
    a pid reused mid-read cannot mix two processes' files. */
struct proc_pid {
	int fd;		/* directory fd, -1 when closed */
	pid_t pid;	/* the real number (self resolved through stat) */
	const struct proc_root *root;	/* borrowed */
};

/**
 * Open /proc/<pid>.  Returns 0, ENOENT (no such process), EPERM (exists
 * but hidden by hidepid: kill(pid, 0) says EPERM), or another errno.
 */
int proc_pid_open(struct proc_pid *p, const struct proc_root *root, pid_t pid);
void proc_pid_close(struct proc_pid *p);

/** Read a whole file below the pid directory (NUL-terminated, *len bytes). */
int proc_read_file(const struct proc_pid *p, const char *name, char **text,
		   size_t *len);
/** readlink below the pid directory ("cwd", "exe", "fd/3"). */
int proc_read_link(const struct proc_pid *p, const char *name, char **target);
/** Every numeric entry of the root, sorted ascending (processes: the
    kernel lists no thread ids, although /proc/TID opens). */
int proc_list_pids(const struct proc_root *root, pid_t **pids, size_t *n);
/** A file directly below the root ("stat", "uptime"). */
int proc_read_root_file(const struct proc_root *root, const char *name,
			char **text, size_t *len);

/* ---------------------------------------------------------------- stat */

/* /proc/PID/stat (man 5 proc_pid_stat), the fields we use. */
struct proc_stat {
	pid_t pid;
	char comm[64];		/* between the first '(' and the LAST ')' */
	char state;		/* R S D T t Z X I ... */
	pid_t ppid, pgrp, session;
	int tty_nr;		/* dev_t: major in bits 8-19, minor split */
	pid_t tpgid;		/* foreground process group of the tty, -1 */
	unsigned long flags;	/* PF_* (PROC_PF_KTHREAD) */
	unsigned long long minflt, cminflt;	/* page faults served from
						   memory (children: c...) */
	unsigned long long majflt, cmajflt;	/* ... that needed I/O */
	unsigned long long utime, stime;	/* clock ticks */
	long long cutime, cstime;
	long priority, nice, num_threads;
	unsigned long long starttime;		/* ticks after boot */
	unsigned long long vsize;		/* bytes */
	long long rss;				/* pages */
	int processor;				/* CPU it last ran on */
	unsigned rt_priority, policy;		/* SCHED_* (sched_setscheduler) */
	int exit_code;		/* a zombie's wait status (fields 52) */
	bool has_exit_code;	/* the kernel printed field 52 */
};

/** stat flags: the task is a kernel thread (include/linux/sched.h). */
#define PROC_PF_KTHREAD 0x00200000UL

/**
 * Parse stat text.  comm may hold spaces and parentheses ("(a) b)"), so
 * the fields after it are found after the LAST ')' in the line.
 */
int proc_parse_stat(const char *text, struct proc_stat *st);
int proc_read_stat(const struct proc_pid *p, struct proc_stat *st);

/** "pts/3", "tty1", "ttyS0", or "?" for no tty; major/minor otherwise. */
const char *proc_tty_name(int tty_nr, char buf[32]);
/** "running", "sleeping", "disk sleep", "stopped", "zombie"... */
const char *proc_state_meaning(char state);

/* ------------------------------------------------------ key: value files */

/* status, io, smaps_rollup, fdinfo/N: "Key:<spaces/tab>value" lines.
   Parsed by key, never by line number: kernels add keys (Kthread,
   untag_mask) and reorder them. */
struct proc_kv {
	size_t n;
	char **keys;	/* owned */
	char **values;	/* owned, leading blanks stripped */
};

int proc_parse_kv(const char *text, struct proc_kv *kv);
void proc_kv_free(struct proc_kv *kv);
/** The value under key, or NULL. */
const char *proc_kv_get(const struct proc_kv *kv, const char *key);
/** The leading integer of the value ("1612 kB" -> 1612); false if absent. */
bool proc_kv_num(const struct proc_kv *kv, const char *key, long long *out);
/** A hexadecimal mask ("SigBlk: 0000000000010002"). */
bool proc_kv_hex(const struct proc_kv *kv, const char *key, uint64_t *out);
/** Read file name of p as key: value lines. */
int proc_read_kv(const struct proc_pid *p, const char *name,
		 struct proc_kv *kv);

/* ------------------------------------------------------------- cmdline */

/**
 * cmdline: NUL-separated arguments.  Empty for zombies and kernel threads
 * (no user memory left to read).  argv is a fresh NULL-terminated array.
 */
int proc_read_cmdline(const struct proc_pid *p, char ***argv, size_t *argc);
void proc_argv_free(char **argv);
/** comm: the 15-byte command name, newline removed. */
int proc_read_comm(const struct proc_pid *p, char **comm);

/* ----------------------------------------------------------------- fds */

struct proc_fd {
	int fd;
	char *target;		/* owned: readlink of fd/N ("pipe:[1234]"),
				   NULL when link_err */
	int link_err;
	long long pos;		/* fdinfo pos */
	unsigned flags;		/* fdinfo flags (octal on disk): O_ACCMODE,
				   O_APPEND, O_NONBLOCK, O_CLOEXEC... */
	int info_err;		/* why pos/flags are missing */
};

/**
 * List fd/ with each link and fdinfo.  skip: fds to leave out (the reader's
 * own directory fds when listing "self"); the fd of the fd/ directory
 * itself is always left out for self.
 */
int proc_read_fds(const struct proc_pid *p, const int *skip, size_t nskip,
		  struct proc_fd **fds, size_t *n);
void proc_fds_free(struct proc_fd *fds, size_t n);
/** Parse fdinfo text into pos and flags. */
int proc_parse_fdinfo(const char *text, long long *pos, unsigned *flags);
/** The inode in "pipe:[1234]" / "socket:[99]", or 0. */
unsigned long long proc_link_inode(const char *target, const char *kind);

/* ---------------------------------------------------------------- maps */

struct proc_map {
	unsigned long long start, end, offset, inode;
	char perms[5];		/* "r-xp" */
	char dev[16];		/* "fd:01" */
	char *path;		/* owned: "/usr/lib/...", "[heap]", "" */
	/* From smaps only (has_usage): what of it is in RAM, in kB. */
	bool has_usage;
	long long rss_kb, pss_kb;
	long long shared_clean_kb, shared_dirty_kb;	/* pages mapped by
							   other processes
							   too */
	long long private_clean_kb, private_dirty_kb;	/* only here: a
							   written COW page
							   is private dirty */
	long long swap_kb;
};

int proc_parse_map_line(const char *line, struct proc_map *m);
/** smaps: the maps lines, each followed by "Key: N kB" lines. */
int proc_parse_smaps(const char *text, struct proc_map **maps, size_t *n);
/** smaps of p (needs what maps needs, and is slower: the kernel walks
    every page table). */
int proc_read_smaps(const struct proc_pid *p, struct proc_map **maps,
		    size_t *n);
int proc_read_maps(const struct proc_pid *p, struct proc_map **maps,
		   size_t *n);
void proc_maps_free(struct proc_map *maps, size_t n);

/* -------------------------------------------------------------- limits */

struct proc_limit {
	char name[32];		/* "Max open files" */
	long long soft, hard;	/* -1: unlimited */
	char units[16];		/* "files", "" */
};

int proc_parse_limits(const char *text, struct proc_limit **lims, size_t *n);
int proc_read_limits(const struct proc_pid *p, struct proc_limit **lims,
		     size_t *n);

/* ------------------------------------------------------------ columns */

/**
 * A table with a header line naming its columns (/proc/sysvipc/shm, msg,
 * sem): one proc_kv per data line, keyed by the header's names.
 */
int proc_parse_columns(const char *text, struct proc_kv **rows, size_t *n);
void proc_columns_free(struct proc_kv *rows, size_t n);
/** <root>/sysvipc/WHICH ("shm", "msg", "sem"): System V IPC objects. */
int proc_read_sysvipc(const struct proc_root *root, const char *which,
		      struct proc_kv **rows, size_t *n);

/* --------------------------------------------------------- small files */

/** oom_score, oom_score_adj: one integer. */
int proc_read_int(const struct proc_pid *p, const char *name, long long *out);
/** The first line of a file (cgroup: "0::/user.slice"), newline removed. */
int proc_read_line(const struct proc_pid *p, const char *name, char **line);
/** The cgroup v2 path ("0::PATH"), or the first line if there is none. */
int proc_read_cgroup(const struct proc_pid *p, char **path);
/** The thread ids of p (task/), sorted; the first is p's own pid. */
int proc_list_tasks(const struct proc_pid *p, pid_t **tids, size_t *n);
/** stat of one thread of p (task/TID/stat): its own state and times. */
int proc_read_task_stat(const struct proc_pid *p, pid_t tid,
			struct proc_stat *st);
/** The thread-group id (status "Tgid"): the process a thread id belongs
    to, the pid itself for a main thread. */
int proc_read_tgid(const struct proc_pid *p, pid_t *tgid);
/** btime from <root>/stat: seconds since the epoch at boot. */
int proc_boot_time(const struct proc_root *root, long long *btime);

#endif
