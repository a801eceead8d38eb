/* proc_info.c: `proc info` — one process in full: state, ids, tty, threads, switches, cpu, start, paths, cgroup, oom, I/O. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "exec/shell.h"

static long clk_tck(void)
{
	long t = sysconf(_SC_CLK_TCK);
	return t > 0 ? t : 100;
}

/* State letter and what it means: "S (sleeping)". */
static void add_state(struct pv_out *o, char state)
{
	pv_fmt(o, "state", "%c", state);
	pv_str(o, "state_meaning", proc_state_meaning(state));
}

/* Clock ticks as seconds with two decimals, in integers: printf's %f
   would write a decimal comma under some LC_NUMERIC (invalid JSON). */
static void add_seconds(struct pv_out *o, const char *key,
			unsigned long long ticks)
{
	unsigned long long hz = (unsigned long long)clk_tck();
	pv_numfmt(o, key, "%llu.%02llu", ticks / hz, ticks % hz * 100 / hz);
}

/* Scheduling: the policy (sched_setscheduler(2)), the real-time
   priority (SCHED_FIFO/RR only), the CPU it last ran on, and the page
   faults: minor (served from memory: a copy-on-write copy, a cached
   page) and major (had to wait for disk). */
static void add_sched(struct pv_out *o, const struct proc_stat *st)
{
	static const char *const policies[] = {
		"SCHED_OTHER", "SCHED_FIFO", "SCHED_RR", "SCHED_BATCH",
		"SCHED_ISO", "SCHED_IDLE", "SCHED_DEADLINE",
	};
	if (st->policy < sizeof policies / sizeof policies[0])
		pv_str(o, "policy", policies[st->policy]);
	else
		pv_fmt(o, "policy", "%u", st->policy);
	pv_num(o, "rt_priority", st->rt_priority);
	pv_num(o, "last_cpu", st->processor);
	pv_num(o, "minor_faults", (long long)st->minflt);
	pv_num(o, "major_faults", (long long)st->majflt);
}

/* Why a process waits (state D or S): the kernel function it sleeps in,
   "0" (shown as '-') when it runs. */
static void add_wchan(struct pv_out *o, const struct proc_pid *p,
		      const char *gone)
{
	char *w;
	int e = proc_read_line(p, "wchan", &w);
	if (!e && strcmp(w, "0") != 0 && w[0])
		pv_str(o, "wchan", w);
	else
		/* unreadable is worth a message; absent (an old kernel,
		   CONFIG_KALLSYMS off) is not */
		pv_missing(o, "wchan", (e == EACCES || e == EPERM) && !gone ?
			   e : 0);
	free(w);
}

/* environ: NUL-separated NAME=value strings as the process started (a
   later setenv is not seen); same uid or CAP_SYS_PTRACE. */
static void add_environ(struct pv_out *o, const struct proc_pid *p,
			const char *gone)
{
	char *text;
	size_t len;
	int e = proc_read_file(p, "environ", &text, &len);
	if (e || gone) {
		pv_missing(o, "environ", gone ? 0 : e);
		free(text);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < len;) {
		size_t k = strnlen(text + i, len - i);
		if (k)
			sb_printf(&sb, "%s%.*s", sb.len ? " " : "", (int)k,
				  text + i);
		i += k + 1;
	}
	pv_str(o, "environ", sb_str(&sb));
	sb_free(&sb);
	free(text);
}

static void add_stat_fields(struct proc_ctx *c, struct pv_out *o,
			    const struct proc_stat *st)
{
	char buf[32];
	long long btime;
	add_state(o, st->state);
	pv_num(o, "ppid", st->ppid);
	pv_num(o, "pgid", st->pgrp);
	pv_num(o, "sid", st->session);
	pv_str(o, "tty", proc_tty_name(st->tty_nr, buf));
	pv_num(o, "tpgid", st->tpgid);
	pv_num(o, "threads", st->num_threads);
	pv_num(o, "nice", st->nice);
	add_sched(o, st);
	/* utime/stime are in clock ticks (sysconf(_SC_CLK_TCK)). */
	add_seconds(o, "cpu_user_s", st->utime);
	add_seconds(o, "cpu_sys_s", st->stime);
	int e = proc_boot_time(&c->root, &btime);
	if (e) {
		pv_missing(o, "start", e);
		return;
	}
	time_t t = (time_t)(btime + (long long)(st->starttime /
		(unsigned long long)clk_tck()));
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
	pv_str(o, "start", buf);
}

/*
 * "Uid: real effective saved filesystem": the real id is who started the
 * process, the effective one what permission checks use (a set-user-ID
 * program runs with its owner's), the saved one what it may switch back
 * to (setuid(2)).
 */
static void add_ids(struct pv_out *o, const struct proc_kv *kv, int e,
		    const char *key, const char *const names[3])
{
	const char *v = e ? NULL : proc_kv_get(kv, key);
	for (int i = 0; i < 3; i++) {
		char *end;
		long long id = v ? strtoll(v, &end, 10) : 0;
		if (v && end != v) {
			pv_num(o, names[i], id);
			v = end;
		} else {
			pv_missing(o, names[i], e ? e : EINVAL);
			v = NULL;
		}
	}
}

/* status by key: ids, supplementary groups and context switches. */
static void add_status_fields(struct pv_out *o, const struct proc_pid *p)
{
	struct proc_kv kv;
	int e = proc_read_kv(p, "status", &kv);
	static const char *const uids[3] = { "uid", "euid", "suid" };
	static const char *const gids[3] = { "gid", "egid", "sgid" };
	static const char *const keys[][2] = {
		{ "voluntary_ctxt_switches", "voluntary_ctxt_switches" },
		{ "nonvoluntary_ctxt_switches", "nonvoluntary_ctxt_switches" },
	};
	add_ids(o, &kv, e, "Uid", uids);
	add_ids(o, &kv, e, "Gid", gids);
	const char *groups = e ? NULL : proc_kv_get(&kv, "Groups");
	if (groups)
		pv_str(o, "groups", groups);
	else
		pv_missing(o, "groups", e);
	/* the CPUs it may run on (sched_setaffinity(2), taskset) */
	const char *cpus = e ? NULL : proc_kv_get(&kv, "Cpus_allowed_list");
	if (cpus)
		pv_str(o, "cpu_affinity", cpus);
	else
		pv_missing(o, "cpu_affinity", e);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		long long n;
		if (!e && proc_kv_num(&kv, keys[i][1], &n))
			pv_num(o, keys[i][0], n);
		else
			pv_missing(o, keys[i][0], e);
	}
	proc_kv_free(&kv);
}

static void add_text(struct pv_out *o, const char *key, int e, char *text)
{
	if (e)
		pv_missing(o, key, e);
	else
		pv_str(o, key, text);
	free(text);
}

/* gone: why a zombie or kernel thread has no cmdline, cwd, exe (their
   fields show '-' without a message: nothing failed). */
/* Every line of the cgroup file: on a hybrid host the v1 hierarchies
   ("4:memory:/user.slice") come next to the unified "0::PATH". */
static void add_cgroups(struct pv_out *o, const struct proc_pid *p)
{
	char *text;
	int e = proc_read_file(p, "cgroup", &text, NULL);
	if (e) {
		pv_missing(o, "cgroups", e);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	for (char *line = text; *line;) {
		size_t len = strcspn(line, "\n");
		if (len)
			sb_printf(&sb, "%s%.*s", sb.len ? ", " : "", (int)len,
				  line);
		line += len + (line[len] == '\n');
	}
	pv_str(o, "cgroups", sb_str(&sb));
	sb_free(&sb);
	free(text);
}

static void add_paths(struct pv_out *o, const struct proc_pid *p,
		      const char *gone)
{
	char **argv, *s;
	size_t argc;
	int e = proc_read_cmdline(p, &argv, &argc);
	if (gone) {
		if (!e)
			proc_argv_free(argv);
		pv_missing(o, "cmdline", 0);
		pv_missing(o, "cwd", 0);
		pv_missing(o, "exe", 0);
	} else if (!e) {
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < argc; i++)
			sb_printf(&sb, "%s%s", i ? " " : "", argv[i]);
		proc_argv_free(argv);
		pv_str(o, "cmdline", sb_str(&sb));
		sb_free(&sb);
	} else {
		pv_missing(o, "cmdline", e);
	}
	if (!gone) {
		e = proc_read_link(p, "cwd", &s);
		add_text(o, "cwd", e, s);
		e = proc_read_link(p, "exe", &s);
		add_text(o, "exe", e, s);
	}
	e = proc_read_cgroup(p, &s);
	add_text(o, "cgroup", e, s);
	add_cgroups(o, p);
}

static void add_oom_io(struct pv_out *o, const struct proc_pid *p,
		       const char *gone)
{
	long long v;
	struct proc_kv kv;
	int e = proc_read_int(p, "oom_score", &v);
	if (e)
		pv_missing(o, "oom_score", e);
	else
		pv_num(o, "oom_score", v);
	e = proc_read_int(p, "oom_score_adj", &v);
	if (e)
		pv_missing(o, "oom_score_adj", e);
	else
		pv_num(o, "oom_score_adj", v);
	/* io: rchar/wchar count every read/write; read_bytes/write_bytes
	   only what reached the storage layer (not the page cache). */
	static const char *const io[][2] = {
		{ "io_rchar", "rchar" }, { "io_wchar", "wchar" },
		{ "io_syscr", "syscr" }, { "io_syscw", "syscw" },
		{ "io_read_bytes", "read_bytes" },
		{ "io_write_bytes", "write_bytes" },
	};
	e = proc_read_kv(p, "io", &kv);
	for (size_t i = 0; i < sizeof io / sizeof io[0]; i++) {
		if (!e && proc_kv_num(&kv, io[i][1], &v))
			pv_num(o, io[i][0], v);
		else
			pv_missing(o, io[i][0], gone ? 0 : e ? e : EINVAL);
	}
	proc_kv_free(&kv);
}

/*
 * A zombie has exited; the kernel keeps its pid, its exit status (stat
 * field 52) and its accounting until the parent collects them with
 * wait(2).  Everything else (memory, files, cwd) is already released.
 */
static void add_zombie(struct proc_ctx *c, struct pv_out *o,
		       const struct proc_stat *st)
{
	char words[64];
	struct proc_stat parent;
	struct proc_pid pp;
	if (st->has_exit_code) {
		proc_exit_words(st->exit_code, words);
		pv_str(o, "exit_status", words);
	} else {
		pv_missing(o, "exit_status", 0);
	}
	int e = proc_pid_open(&pp, &c->root, st->ppid);
	if (!e)
		e = proc_read_stat(&pp, &parent);
	proc_pid_close(&pp);
	if (e)
		pv_fmt(o, "not_waited_by", "%ld", (long)st->ppid);
	else
		pv_fmt(o, "not_waited_by", "%ld %s", (long)st->ppid,
		       parent.comm);
}

static void info_proc(struct proc_ctx *c, struct pv_out *o, pid_t target)
{
	struct proc_pid p;
	struct proc_stat st;
	const char *gone = NULL;
	pid_t tgid;
	if (proc_open_target(c, &p, target) != 0)
		return;
	int e = proc_read_stat(&p, &st);
	pv_row(o, "pid %ld", (long)p.pid);
	pv_num(o, "pid", p.pid);
	/* A thread id opens like a pid; Tgid names its process. */
	if (proc_read_tgid(&p, &tgid) == 0 && tgid != p.pid) {
		pv_num(o, "tgid", tgid);
		pv_fmt(o, "note", "thread %ld of process %ld", (long)p.pid,
		       (long)tgid);
	}
	if (e) {
		pv_missing(o, "state", e);
	} else {
		pv_str(o, "comm", st.comm);
		gone = proc_gone_reason(&st);
		if (gone)
			pv_fmt(o, "note", "%s", gone);
		add_stat_fields(c, o, &st);
		if (st.state == 'Z')
			add_zombie(c, o, &st);
	}
	add_status_fields(o, &p);
	add_wchan(o, &p, gone);
	add_paths(o, &p, gone);
	add_environ(o, &p, gone);
	add_oom_io(o, &p, gone);
	proc_pid_close(&p);
}

/* Without /proc: what the system calls tell the shell about itself. */
static void info_syscalls(struct proc_ctx *c, struct pv_out *o)
{
	struct rusage ru;
	char cwd[PATH_MAX];
	pv_row(o, "pid %ld", (long)getpid());
	pv_self_ids(o);
	/* the saved ids need getresuid, which POSIX lacks: /proc has them */
	pv_num(o, "uid", getuid());
	pv_num(o, "euid", geteuid());
	pv_missing(o, "suid", 0);
	pv_num(o, "gid", getgid());
	pv_num(o, "egid", getegid());
	pv_missing(o, "sgid", 0);
	if (getrusage(RUSAGE_SELF, &ru) == 0) {
		pv_num(o, "voluntary_ctxt_switches", ru.ru_nvcsw);
		pv_num(o, "nonvoluntary_ctxt_switches", ru.ru_nivcsw);
		pv_numfmt(o, "cpu_user_s", "%ld.%02ld", (long)ru.ru_utime.tv_sec,
		       (long)ru.ru_utime.tv_usec / 10000);
		pv_numfmt(o, "cpu_sys_s", "%ld.%02ld", (long)ru.ru_stime.tv_sec,
		       (long)ru.ru_stime.tv_usec / 10000);
	}
	pv_str(o, "cmdline", c->sh && c->sh->arg0 ? c->sh->arg0 : NULL);
	pv_str(o, "cwd", getcwd(cwd, sizeof cwd) ? cwd : NULL);
}

int proc_cmd_info(struct proc_ctx *c, int argc, char **argv)
{
	struct pv_out o;
	pv_init(&o, "info", c);
	pv_section(&o, "processes", true);
	/* Without /proc: the shell from system calls (once), a message
	   for any other target. */
	bool unavailable = proc_unavailable(c), shown = false;
	for (int i = 0; i < (argc ? argc : 1); i++) {
		struct proc_target t;
		int r = proc_target_resolve(c, argc ? argv[i] : NULL, &t);
		if (r > c->status)
			c->status = r;
		for (size_t k = 0; k < t.n; k++) {
			if (!unavailable) {
				info_proc(c, &o, t.pids[k]);
			} else if (t.pids[k] != PROC_SELF) {
				proc_target_unavailable(c, t.pids[k]);
			} else if (!shown) {
				info_syscalls(c, &o);
				shown = true;
			}
		}
		proc_target_free(&t);
	}
	pv_emit(&o);
	return 0;
}
