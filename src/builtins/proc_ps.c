/* proc_ps.c: `proc ps` — the shell, its children and jobs (or every process) from /proc/PID/stat and cmdline. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "exec/shell.h"

/* ------------------------------------------------------------ snapshot */

/* The command line as ps shows it.  A zombie has released its memory, so
   cmdline is empty: ps shows "comm <defunct>".  Kernel threads never had
   user memory: "[comm]". */
static char *snap_cmd(const struct proc_pid *p, const struct proc_stat *st)
{
	char **argv;
	size_t argc;
	struct strbuf sb = STRBUF_INIT;
	if (st->state == 'Z') {
		sb_printf(&sb, "%s <defunct>", st->comm);
		return sb_finish(&sb);
	}
	if (proc_read_cmdline(p, &argv, &argc) != 0)
		argv = NULL, argc = 0;
	for (size_t i = 0; i < argc; i++)
		sb_printf(&sb, "%s%s", i ? " " : "", argv[i]);
	if (argc == 0)
		sb_printf(&sb, "[%s]", st->comm);
	proc_argv_free(argv);
	return sb_finish(&sb);
}

int proc_snap_read(struct proc_ctx *c, pid_t pid, struct proc_snap *s)
{
	struct proc_pid p;
	memset(s, 0, sizeof *s);
	s->pid = pid;
	int e = proc_pid_open(&p, &c->root, pid);
	if (!e)
		e = proc_read_stat(&p, &s->st);
	if (!e) {
		s->pid = s->st.pid;
		s->cmd = snap_cmd(&p, &s->st);
	}
	proc_pid_close(&p);
	return e;
}

void proc_snap_all(struct proc_ctx *c, struct proc_snap **v, size_t *n)
{
	pid_t *pids;
	size_t np;
	*v = NULL;
	*n = 0;
	if (proc_list_pids(&c->root, &pids, &np) != 0)
		return;
	*v = xreallocarray(NULL, np ? np : 1, sizeof **v);
	for (size_t i = 0; i < np; i++)
		/* A process listed a moment ago may be gone: skip it. */
		if (proc_snap_read(c, pids[i], &(*v)[*n]) == 0)
			(*n)++;
	free(pids);
}

void proc_snap_free(struct proc_snap *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].cmd);
	free(v);
}

/* ------------------------------------------------------------- columns */

static const char *const default_cols[] = {
	"job", "pid", "ppid", "pgid", "sid", "tpgid", "stat", "tty", "cmd",
};
static const char *const known_cols[] = {
	"cmd", "comm", "job", "nlwp", "pgid", "pid", "ppid", "rss", "sid",
	"start", "stat", "time", "tpgid", "tty", "vsz",
};

#define NELEM(a) (sizeof a / sizeof a[0])

/* STAT as ps prints it: the state letter, then < / N (nice below /
   above zero), L (pages locked in memory: mlock, VmLck in status), s
   (session leader), l (threads), + (in the terminal's foreground process
   group). */
static void stat_letters(const struct proc_stat *st, bool locked,
			 char out[8])
{
	int i = 0;
	out[i++] = st->state;
	if (st->nice < 0)
		out[i++] = '<';
	else if (st->nice > 0)
		out[i++] = 'N';
	if (locked)
		out[i++] = 'L';
	if (st->pid == st->session)
		out[i++] = 's';
	if (st->num_threads > 1)
		out[i++] = 'l';
	if (st->tpgid > 0 && st->pgrp == st->tpgid)
		out[i++] = '+';
	out[i] = '\0';
}

/* Clock ticks (sysconf(_SC_CLK_TCK), usually 100 per second). */
static long ticks_per_sec(void)
{
	long t = sysconf(_SC_CLK_TCK);
	return t > 0 ? t : 100;
}

static void add_time(struct pv_out *o, const struct proc_stat *st)
{
	unsigned long long s = (st->utime + st->stime) / (unsigned long long)
		ticks_per_sec();
	pv_fmt(o, "time", "%02llu:%02llu:%02llu", s / 3600, s / 60 % 60,
	       s % 60);
}

/* START: boot time (btime in /proc/stat) plus starttime ticks. */
static void add_start(struct proc_ctx *c, struct pv_out *o,
		      const struct proc_stat *st)
{
	long long btime;
	int e = proc_boot_time(&c->root, &btime);
	if (e) {
		pv_missing(o, "start", e);
		return;
	}
	time_t t = (time_t)(btime + (long long)(st->starttime /
		(unsigned long long)ticks_per_sec()));
	struct tm tm;
	char buf[32];
	localtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
	pv_str(o, "start", buf);
}

/* A "Vm...: N kB" line of status; 0 when absent (a kernel thread, a
   zombie) or unreadable. */
static long long status_kb(struct proc_ctx *c, pid_t pid, const char *key)
{
	struct proc_pid p;
	struct proc_kv kv;
	long long kb = 0;
	if (proc_pid_open(&p, &c->root, pid) == 0 &&
	    proc_read_kv(&p, "status", &kv) == 0) {
		proc_kv_num(&kv, key, &kb);
		proc_kv_free(&kv);
	}
	proc_pid_close(&p);
	return kb;
}

/* RSS in kB as ps and `proc mem` show it: VmRSS of status, the sum of the
   exact per-type counters.  stat's rss field is not used: the kernel
   updates it from per-thread caches and it lags by up to hundreds of kB.
   A kernel thread or zombie has no VmRSS: 0, as ps shows. */
static void add_rss(struct proc_ctx *c, struct pv_out *o, pid_t pid)
{
	struct proc_pid p;
	struct proc_kv kv;
	long long kb = 0;
	int e = proc_pid_open(&p, &c->root, pid);
	if (!e)
		e = proc_read_kv(&p, "status", &kv);
	proc_pid_close(&p);
	if (e) {
		pv_missing(o, "rss", e);
		return;
	}
	proc_kv_num(&kv, "VmRSS", &kb);
	proc_kv_free(&kv);
	pv_num(o, "rss", kb);
}

static void add_col(struct proc_ctx *c, struct pv_out *o, const char *col,
		    const struct proc_snap *s)
{
	const struct proc_stat *st = &s->st;
	char buf[32];
	if (strcmp(col, "job") == 0) {
		pv_str(o, "job", proc_job_column(c, s->pid, buf));
	} else if (strcmp(col, "pid") == 0) pv_num(o, "pid", st->pid);
	else if (strcmp(col, "ppid") == 0) pv_num(o, "ppid", st->ppid);
	else if (strcmp(col, "pgid") == 0) pv_num(o, "pgid", st->pgrp);
	else if (strcmp(col, "sid") == 0) pv_num(o, "sid", st->session);
	else if (strcmp(col, "tpgid") == 0) pv_num(o, "tpgid", st->tpgid);
	else if (strcmp(col, "nlwp") == 0) pv_num(o, "nlwp", st->num_threads);
	else if (strcmp(col, "comm") == 0) pv_str(o, "comm", st->comm);
	else if (strcmp(col, "stat") == 0) {
		stat_letters(st, status_kb(c, s->pid, "VmLck") > 0, buf);
		pv_str(o, "stat", buf);
	} else if (strcmp(col, "tty") == 0)
		pv_str(o, "tty", proc_tty_name(st->tty_nr, buf));
	else if (strcmp(col, "rss") == 0)
		add_rss(c, o, s->pid);
	else if (strcmp(col, "vsz") == 0)
		pv_num(o, "vsz", (long long)(st->vsize / 1024));
	else if (strcmp(col, "time") == 0) add_time(o, st);
	else if (strcmp(col, "start") == 0) add_start(c, o, st);
	else pv_str(o, "cmd", s->cmd);
}

static bool known_col(const char *name)
{
	for (size_t i = 0; i < NELEM(known_cols); i++)
		if (strcmp(known_cols[i], name) == 0)
			return true;
	return false;
}

/* -o COLS: exactly those columns (like ps -o); "+COLS" adds them to the
   default ones, before CMD. */
static int parse_cols(struct proc_ctx *c, struct vec *cols, char **store)
{
	const char *spec = c->columns;
	bool add = spec && spec[0] == '+';
	for (size_t i = 0; (!spec || add) && i < NELEM(default_cols) - 1; i++)
		vec_push(cols, (void *)default_cols[i]);
	if (!spec) {
		vec_push(cols, (void *)"cmd");
		return 0;
	}
	*store = xstrdup(spec + add);
	char *save = NULL;
	for (char *t = strtok_r(*store, ",", &save); t;
	     t = strtok_r(NULL, ",", &save)) {
		if (strcmp(t, "command") == 0 || strcmp(t, "args") == 0)
			t = (char *)"cmd";
		if (!known_col(t)) {
			builtin_error(c->sh, "ps: -o %s: unknown column "
				      "(cmd comm job nlwp pgid pid ppid rss sid "
				      "start stat time tpgid tty vsz)", t);
			return PROC_EXIT_USAGE;
		}
		vec_push(cols, t);
	}
	if (add)
		vec_push(cols, (void *)"cmd");
	return cols->len ? 0 : PROC_EXIT_USAGE;
}

/* ------------------------------------------------------------ selection */

static const struct proc_snap *snap_find(const struct proc_snap *v, size_t n,
					 pid_t pid)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].pid == pid)
			return &v[mid];
		if (v[mid].pid < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The default selection: the shell, every process below it (a
   background pipeline may run under a subshell of ours), and every
   process of its jobs.  The walk up the parent chain is bounded: pid 1's
   parent is 0, and a cycle is impossible but costs nothing to guard. */
static bool wanted_default(struct proc_ctx *c, const struct proc_snap *v,
			   size_t n, const struct proc_snap *s)
{
	char buf[32];
	const struct proc_snap *up = s;
	for (int depth = 0; up && depth < 256; depth++) {
		if (up->pid == c->shell)
			return true;
		up = up->st.ppid > 0 ? snap_find(v, n, up->st.ppid) : NULL;
	}
	return proc_job_label(c, s->pid, buf) != NULL;
}

static void emit_one(struct proc_ctx *c, struct pv_out *o, struct vec *cols,
		     const struct proc_snap *s, pid_t tid)
{
	if (tid)
		pv_row(o, "pid %ld: thread %ld", (long)s->pid, (long)tid);
	else
		pv_row(o, "pid %ld", (long)s->pid);
	for (size_t i = 0; i < cols->len; i++) {
		if (tid && strcmp(cols->items[i], "pid") == 0) {
			add_col(c, o, "pid", s);
			pv_num(o, "tid", tid);
		} else {
			add_col(c, o, cols->items[i], s);
		}
	}
}

/*
 * -L: one row per thread (task/TID), with its own state and times, after
 * a TID column (ps -L calls it LWP: each thread is a light-weight process
 * with a pid of its own, sharing the process's memory and fds).
 */
static void emit_row(struct proc_ctx *c, struct pv_out *o, struct vec *cols,
		     const struct proc_snap *s)
{
	struct proc_pid p;
	pid_t *tids = NULL;
	size_t n = 0;
	if (!c->threads) {
		emit_one(c, o, cols, s, 0);
		return;
	}
	if (proc_pid_open(&p, &c->root, s->pid) == 0)
		proc_list_tasks(&p, &tids, &n);
	for (size_t i = 0; i < n; i++) {
		struct proc_snap t = *s;
		if (proc_read_task_stat(&p, tids[i], &t.st) != 0)
			continue;	/* the thread just ended */
		t.st.pid = s->pid;
		emit_one(c, o, cols, &t, tids[i]);
	}
	if (n == 0)	/* no task/ (a fixture, a zombie): the process */
		emit_one(c, o, cols, s, s->pid);
	free(tids);
	proc_pid_close(&p);
}

/* Without /proc: the shell's own ids from system calls. */
static void ps_fallback(struct proc_ctx *c, struct pv_out *o)
{
	pv_row(o, "pid %ld", (long)getpid());
	pv_str(o, "job", "shell");
	pv_self_ids(o);
	pv_missing(o, "stat", 0);
	pv_missing(o, "tty", 0);
	pv_str(o, "cmd", c->sh && c->sh->arg0 ? c->sh->arg0 : "whelk");
}

/* Without /proc: the shell's row for "self" (or no operand), a message
   and status 3 for any other target. */
static void ps_fallback_targets(struct proc_ctx *c, struct pv_out *o,
				int argc, char **argv)
{
	bool shown = false;
	for (int i = 0; i < (argc ? argc : 1); i++) {
		struct proc_target t;
		int r = proc_target_resolve(c, argc ? argv[i] : NULL, &t);
		if (r && r > c->status)
			c->status = r;
		for (size_t k = 0; k < t.n; k++) {
			if (t.pids[k] != PROC_SELF)
				proc_target_unavailable(c, t.pids[k]);
			else if (!shown)
				ps_fallback(c, o);
			shown |= t.pids[k] == PROC_SELF;
		}
		proc_target_free(&t);
	}
}

static void ps_targets(struct proc_ctx *c, struct pv_out *o,
		       struct vec *cols, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		struct proc_target t;
		int r = proc_target_resolve(c, argv[i], &t);
		if (r && r > c->status)
			c->status = r;
		for (size_t k = 0; k < t.n; k++) {
			struct proc_snap s;
			struct proc_pid p;
			pid_t pid = t.pids[k], tgid;
			if (proc_open_target(c, &p, pid) != 0)
				continue;
			/* A thread id: its process is the row. */
			if (proc_read_tgid(&p, &tgid) == 0 && tgid != p.pid) {
				sb_printf(&o->notes, "%ld is a thread of "
					  "process %ld (shown).\n",
					  (long)p.pid, (long)tgid);
				pid = tgid;
			}
			proc_pid_close(&p);
			if (proc_snap_read(c, pid, &s) == 0)
				emit_row(c, o, cols, &s);
			free(s.cmd);
		}
		proc_target_free(&t);
	}
}

/* -s KEY: rss and cpu biggest first (what pidstat and top lead with),
   pid and start oldest first; ties by pid. */
struct ps_key {
	const struct proc_snap *s;	/* borrowed */
	long long key;
};


static long long sort_value(struct proc_ctx *c, const struct proc_snap *s)
{
	const char *k = c->sort;
	if (!k || strcmp(k, "pid") == 0)
		return s->pid;
	if (strcmp(k, "rss") == 0)
		return -status_kb(c, s->pid, "VmRSS");
	if (strcmp(k, "cpu") == 0)
		return -(long long)(s->st.utime + s->st.stime);
	return (long long)s->st.starttime;	/* start */
}

static int cmp_key(const void *a, const void *b)
{
	const struct ps_key *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->s->pid > y->s->pid) - (x->s->pid < y->s->pid);
}

static bool known_sort(const char *k)
{
	return !k || strcmp(k, "rss") == 0 || strcmp(k, "cpu") == 0 ||
	       strcmp(k, "pid") == 0 || strcmp(k, "start") == 0;
}

int proc_cmd_ps(struct proc_ctx *c, int argc, char **argv)
{
	if (!known_sort(c->sort)) {
		builtin_error(c->sh, "ps: -s %s: unknown key (rss cpu pid "
			      "start)", c->sort);
		return PROC_EXIT_USAGE;
	}
	struct vec cols = VEC_INIT;
	char *store = NULL;
	struct pv_out o;
	int r = parse_cols(c, &cols, &store);
	if (r) {
		vec_free(&cols);
		free(store);
		return r;
	}
	pv_init(&o, "ps", c);
	pv_section(&o, "processes", false);
	if (proc_unavailable(c)) {
		ps_fallback_targets(c, &o, argc, argv);
	} else if (argc > 0) {
		ps_targets(c, &o, &cols, argc, argv);
	} else {
		struct proc_snap *v;
		size_t n;
		proc_snap_all(c, &v, &n);
		struct ps_key *keys = xcalloc(n ? n : 1, sizeof *keys);
		size_t nk = 0;
		for (size_t i = 0; i < n; i++)
			if (c->all || wanted_default(c, v, n, &v[i]))
				keys[nk++] = (struct ps_key){ &v[i],
					sort_value(c, &v[i]) };
		if (c->sort)
			qsort(keys, nk, sizeof *keys, cmp_key);
		for (size_t i = 0; i < nk; i++)
			emit_row(c, &o, &cols, keys[i].s);
		free(keys);
		proc_snap_free(v, n);
	}
	pv_emit(&o);
	vec_free(&cols);
	free(store);
	return 0;
}
