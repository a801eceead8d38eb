/* proc_internal.h: what the proc builtin's files share — options, targets, and the output model. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BUILTINS_PROC_INTERNAL_H
#define WHELK_BUILTINS_PROC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "base/strbuf.h"
#include "proc/proc.h"

struct shell;
struct proc_ctx;

/* Exit statuses of proc (help proc). */
enum {
	PROC_EXIT_OK = 0,
	PROC_EXIT_NOPROC = 1,	/* no such process, or hidden */
	PROC_EXIT_USAGE = 2,
	PROC_EXIT_UNAVAIL = 3,	/* /proc missing, or nothing readable */
};

/* JSON "schema": bump when a field is renamed or changes meaning. */
#define PROC_SCHEMA_VERSION 2

enum pv_mode { PV_TABLE, PV_JSON, PV_KV };

/* ------------------------------------------------------- output model */

/*
 * Every subcommand fills rows of named fields, then pv_emit() prints them
 * as an aligned table, JSON or key=value lines.  The field names are the
 * stable interface: they are the JSON keys and -k names, and upper-cased
 * they are the table headers.
 */
struct pv_field {
	const char *key;	/* borrowed (string literal) */
	char *value;		/* owned; NULL: unavailable, shown as '-' */
	char *why;		/* owned; NULL, or why the value is missing */
	bool num;		/* a JSON number rather than a string */
};

struct pv_row {
	struct pv_field *f;	/* owned array */
	size_t n;
	char *label;		/* owned, for messages: "pid 42" */
};

struct pv_section {
	const char *name;	/* borrowed: JSON key ("processes") */
	bool vertical;		/* one "KEY value" line per field (info) */
	struct pv_row *rows;	/* owned array */
	size_t n;
};

struct pv_out {
	const char *view;		/* borrowed: "ps", "fds"... */
	enum pv_mode mode;
	bool header;			/* false with -H */
	struct pv_section *sec;		/* owned array */
	size_t nsec;
	struct strbuf notes;		/* table mode: text after the tables */
	struct strbuf warnings;		/* every mode: lines for stderr */
	struct strbuf *capture;		/* borrowed, may be NULL: pv_emit
					   appends here instead of writing
					   stdout (-n compares rounds) */
};

/** Start a view in c's output mode (-j, -k, -H, -n capture). */
void pv_init(struct pv_out *o, const char *view, const struct proc_ctx *c);
/** Start a new section; rows are added to the latest one. */
void pv_section(struct pv_out *o, const char *name, bool vertical);
/** Start a row; label names it in messages ("pid 42"). */
void pv_row(struct pv_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void pv_str(struct pv_out *o, const char *key, const char *value);
void pv_num(struct pv_out *o, const char *key, long long value);
void pv_fmt(struct pv_out *o, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/** A number that printf formats ("%.2f"): a JSON number, not a string. */
void pv_numfmt(struct pv_out *o, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/** An unavailable value: '-' in tables, null in JSON; err explains why
    (0: simply not applicable, no message). */
void pv_missing(struct pv_out *o, const char *key, int err);
/** Whose row this is: a "pid" field when the target names several
    processes (a PID column), and always in JSON (a stable key set). */
void pv_pid(const struct proc_ctx *c, struct pv_out *o, pid_t pid);
/** pid, ppid, pgid, sid and tpgid of the shell itself, from system calls
    (the views that work without /proc). */
void pv_self_ids(struct pv_out *o);
/** Print (to stdout, warnings to stderr) and free everything. */
void pv_emit(struct pv_out *o);
void pv_warn(struct pv_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/** Why a read failed, in words (EACCES -> "needs the same uid or ..."). */
const char *proc_reason(int err);
/** Append s as a JSON string literal. */
void proc_json_string(struct strbuf *sb, const char *s);

/* ------------------------------------------------------------ context */

struct proc_ctx {
	struct shell *sh;		/* borrowed */
	struct proc_root root;		/* owned */
	pid_t self;			/* this process as the root sees it
					   (its "self" entry), else getpid() */
	pid_t shell;			/* the main shell ($$): the anchor of
					   ps and tree even when proc runs in
					   a subshell (`proc ps | grep x`) */
	bool foreign_ns;		/* /proc is of another PID namespace:
					   $$ and getpid() are not its pids */
	enum pv_mode mode;
	bool header;
	bool all;			/* -a */
	bool peers;			/* -p (fds) */
	bool maps;			/* -m (mem) */
	const char *columns;		/* -o (ps), borrowed */
	const char *sort;		/* -s (ps), borrowed, may be NULL */
	const char *interval;		/* -n SECS, borrowed, may be NULL */
	const char *count;		/* -c COUNT, borrowed, may be NULL */
	struct strbuf *capture;		/* where views go during -n */
	bool threads;			/* -L (ps), -t (tree) */
	bool multi;			/* the target names several processes:
					   every row says whose it is */
	int status;			/* the exit status being built */
};

/** A resolved TARGET: the processes it names. */
struct proc_target {
	pid_t *pids;		/* owned; PROC_SELF stands for the shell */
	size_t n;
	char *job;		/* owned, may be NULL: "%1" when from a job */
};

/**
 * Resolve one TARGET word: a pid, "self", or a job spec (%1 %+ %- %%
 * %name %?text: every process of the job).  NULL arg means self.
 * Returns 0, or an exit status after printing a message.
 */
int proc_target_resolve(struct proc_ctx *c, const char *arg,
			struct proc_target *t);
void proc_target_free(struct proc_target *t);
/** The job label of a pid ("%1+"), or NULL when it is in no job. */
const char *proc_job_label(struct proc_ctx *c, pid_t pid, char buf[32]);
/** Open the pid, recording exit status 1/3 in c and a message on failure. */
int proc_open_target(struct proc_ctx *c, struct proc_pid *p, pid_t pid);
/** Is /proc unusable?  The first call prints why and sets status 3. */
bool proc_unavailable(struct proc_ctx *c);
/** Without /proc, a target other than the shell: its own message,
    status 3 (only the shell's own state comes from system calls). */
void proc_target_unavailable(struct proc_ctx *c, pid_t pid);

/* One process as ps and tree see it (proc_ps.c). */
struct proc_snap {
	pid_t pid;
	struct proc_stat st;
	char *cmd;		/* owned: cmdline joined, "[comm]" for kernel
				   threads, "comm <defunct>" for zombies */
};

/** stat + cmdline of one process (PROC_SELF allowed); 0 or an errno. */
int proc_snap_read(struct proc_ctx *c, pid_t pid, struct proc_snap *s);
/** Every process in the root, sorted by pid. */
void proc_snap_all(struct proc_ctx *c, struct proc_snap **v, size_t *n);
void proc_snap_free(struct proc_snap *v, size_t n);

/** "shell" for $$, "subshell" for this process when it is a forked copy,
    else the job label, else NULL. */
const char *proc_job_column(struct proc_ctx *c, pid_t pid, char buf[32]);

/** Why a process has no user memory or files, or NULL when it has: a
    zombie (released them at exit) or a kernel thread (never had any). */
const char *proc_gone_reason(const struct proc_stat *st);
/** A zombie's exit status in words ("exited 3", "killed by SIGKILL"). */
void proc_exit_words(int status, char buf[64]);

/** The pid number a target stands for (PROC_SELF -> c->self). */
pid_t proc_real_pid(const struct proc_ctx *c, pid_t pid);

/* Subcommands: called with their operands only (options are in c). */
int proc_cmd_ps(struct proc_ctx *c, int argc, char **argv);
int proc_cmd_tree(struct proc_ctx *c, int argc, char **argv);
int proc_cmd_fds(struct proc_ctx *c, int argc, char **argv);
int proc_cmd_mem(struct proc_ctx *c, int argc, char **argv);
int proc_cmd_limits(struct proc_ctx *c, int argc, char **argv);
int proc_cmd_sigs(struct proc_ctx *c, int argc, char **argv);
int proc_cmd_info(struct proc_ctx *c, int argc, char **argv);
int proc_cmd_ipc(struct proc_ctx *c, int argc, char **argv);

/** Is fd N of p a POSIX message queue (a file of the mqueue fs)? */
bool proc_fd_on_mqueue(const struct proc_pid *p, int fd);

#endif
