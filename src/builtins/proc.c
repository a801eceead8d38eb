/* proc.c: the `proc` builtin — option parsing and dispatch to one subcommand per file (proc_ps.c, proc_fds.c...). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "builtins/proc.h"
#include "builtins/proc_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/vec.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

struct subcmd {
	const char *name;
	int (*fn)(struct proc_ctx *c, int argc, char **argv);
	const char *opts;	/* letters besides the common j k H; ':' after
				   a letter that takes an argument */
};

/* Sorted by name. */
static const struct subcmd subcmds[] = {
	{ "fds", proc_cmd_fds, "ap" },
	{ "info", proc_cmd_info, "" },
	{ "ipc", proc_cmd_ipc, "" },
	{ "limits", proc_cmd_limits, "" },
	{ "mem", proc_cmd_mem, "m" },
	{ "ps", proc_cmd_ps, "aeLo:s:" },
	{ "sigs", proc_cmd_sigs, "a" },
	{ "tree", proc_cmd_tree, "at" },
};

static const char help_text[] =
"proc: show what the kernel knows about the shell, its jobs or any process\n"
"\n"
"  proc ps     [-a|-e] [-L] [-o COLS] [-s KEY] [TARGET...]\n"
"                                          processes: the shell, its children\n"
"                                          and jobs (-a, -e: every process);\n"
"                                          -o pid,ppid,comm,cmd picks columns,\n"
"                                          -o +rss,vsz,time,start adds some;\n"
"                                          -s rss|cpu|pid|start sorts;\n"
"                                          -L: a row per thread (TID)\n"
"  proc tree   [-a] [-t] [TARGET]          process tree below the shell\n"
"                                          (-a: from pid 1), pgid and job;\n"
"                                          -t: threads as {tid} leaves\n"
"  proc fds    [-a] [-p] [TARGET]          open file descriptors: mode, flags,\n"
"                                          offset, type, target; -p: the\n"
"                                          process at the other end of a pipe\n"
"                                          or FIFO, a socket's addresses;\n"
"                                          -a: also the shell's internal fds\n"
"  proc mem    [-m] [TARGET]               VSZ, RSS (anon/file/shmem), PSS,\n"
"                                          swap, shared/private clean/dirty\n"
"                                          pages (copy-on-write), faults;\n"
"                                          -m: every mapping, its RSS, PSS\n"
"                                          and dirty pages\n"
"  proc limits [TARGET] [RESOURCE...]      soft/hard limits; open files also\n"
"                                          shows fds in use and the headroom\n"
"  proc sigs   [-a] [TARGET]               pending/blocked/ignored/caught\n"
"                                          signals by name, and the shell's\n"
"                                          traps (-a: every signal)\n"
"  proc ipc                                System V shared memory, message\n"
"                                          queues, semaphores; POSIX shared\n"
"                                          memory and message queues; who\n"
"                                          has each attached or open\n"
"  proc info   [TARGET]                    state, ids (real/effective/saved),\n"
"                                          groups, tty, threads, scheduling,\n"
"                                          affinity, faults, wchan, context\n"
"                                          switches, cpu, start, cmdline, cwd,\n"
"                                          exe, environment, cgroups, oom\n"
"                                          score, I/O; a zombie's exit status\n"
"\n"
"  TARGET: a pid, a job (%1 %+ %- %% %name %?text: every process of the\n"
"  job, each row with its PID), or self/nothing for the shell.\n"
"  -n SECS [-c COUNT] (any subcommand): repeat the view every SECS\n"
"  seconds, COUNT times or until interrupted; a table shows only what\n"
"  changed (+ new or changed rows, - gone ones).\n"
"  Output: aligned table; -j JSON (\"schema\": 2); -k key=value lines,\n"
"  values quoted for eval; -H no header.  An unreadable field shows '-'\n"
"  and a message on stderr says why.\n"
"  Exit status: 0 ok, 1 no such process, 2 usage, 3 unavailable (/proc\n"
"  missing; the shell's own fds, signals, limits and ids are still shown).\n"
"  --root DIR (first argument) reads DIR instead of /proc: for tests.\n"
"\n"
"  Course exercise                       whelk command\n"
"  process states R S D T Z              proc ps -e; proc info PID (wchan)\n"
"  fork and exec, step by step           set -o proctrace; CMD\n"
"  a zombie and its reaping              set -o noreap; sleep 0 & proc ps;\n"
"                                        wait (the waitpid in proctrace)\n"
"  orphans re-parented to init           proc tree -a\n"
"  process groups, sessions, terminal    proc ps (PGID SID TPGID, STAT +)\n"
"  fd table after open/dup2/pipe         exec 3< file; proc fds\n"
"  pipe and FIFO ends                    proc fds -p %1\n"
"  copy-on-write after fork              proc mem; proc mem | cat (a child)\n"
"  memory maps (pmap), VSZ vs RSS        proc mem -m; proc mem\n"
"  limits and EMFILE                     ulimit -n 8; proc limits nofile\n"
"  signal masks and dispositions         proc sigs PID\n"
"  IPC objects: shm, mqueue, sockets     proc ipc; proc mem -m (sysv-shm,\n"
"                                        posix-shm); proc fds -p (fifo,\n"
"                                        mqueue, socket)\n"
"  cat /proc/PID/status                  proc info PID\n"
"  set -o noreap exists for the zombie exercise: finished background\n"
"  children stay zombies (Z) until wait or jobs collects them.\n";

const char *proc_help_text(void)
{
	return help_text;
}

static int usage(struct proc_ctx *c)
{
	bopt_usage(c->sh);
	return PROC_EXIT_USAGE;
}

static const struct subcmd *find_subcmd(const char *name)
{
	for (size_t i = 0; i < sizeof subcmds / sizeof subcmds[0]; i++)
		if (strcmp(subcmds[i].name, name) == 0)
			return &subcmds[i];
	return NULL;
}

void proc_complete_words(const char *sub, struct vec *out)
{
	size_t n = sizeof subcmds / sizeof subcmds[0];
	if (!sub) {
		for (size_t i = 0; i < n; i++)
			vec_push(out, xstrdup(subcmds[i].name));
		vec_push(out, xstrdup("help"));
		return;
	}
	const struct subcmd *sc = find_subcmd(sub);
	if (!sc)
		return;
	char opt[3] = "-";
	for (const char *o = sc->opts; *o; o++) {
		if (*o == ':')
			continue;
		opt[1] = *o;
		vec_push(out, xstrdup(opt));
	}
	for (const char *o = "jkHnc"; *o; o++) {	/* every subcommand's */
		opt[1] = *o;
		vec_push(out, xstrdup(opt));
	}
}

/* One option letter of a subcommand (bopt checked it is one). */
static void set_option(struct proc_ctx *c, int ch, const char *arg)
{
	switch (ch) {
	case 'j': c->mode = PV_JSON; break;
	case 'k': c->mode = PV_KV; break;
	case 'H': c->header = false; break;
	case 'a': case 'e': c->all = true; break;	/* -e: as ps -e */
	case 's': c->sort = arg; break;
	case 'L': case 't': c->threads = true; break;
	case 'n': c->interval = arg; break;
	case 'c': c->count = arg; break;
	case 'p': c->peers = true; break;
	case 'm': c->maps = true; break;
	case 'o': c->columns = arg; break;
	default: break;
	}
}

/*
 * Options after the subcommand name argv[*argi - 1] (the common -j -k -H
 * and the subcommand's own), up to "--" or the first operand; *argi moves
 * to the first operand.
 */
static int parse_options(struct proc_ctx *c, const struct subcmd *sc,
			 int argc, char **argv, int *argi)
{
	char spec[32];
	struct bopt o;
	int ch;
	snprintf(spec, sizeof spec, "jkHn:c:%s", sc->opts);
	bopt_init(&o, argc - *argi + 1, argv + *argi - 1, spec, 0);
	while ((ch = bopt_next(c->sh, &o)) != 0) {
		if (ch == '?')
			return -1;
		set_option(c, ch, o.arg);
	}
	*argi += o.ind - 1;
	return 0;
}

/* "2", "0.5": a duration in milliseconds, read without the locale. */
static bool parse_interval(const char *s, long *ms)
{
	long whole = 0, frac = 0, scale = 1000;
	if (!*s)
		return false;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((whole = whole * 10 + (*s - '0')) > 86400)
			return false;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			if (scale > 1)
				frac += (*s - '0') * (scale /= 10);
	*ms = whole * 1000 + frac;
	return *s == '\0' && *ms > 0;
}

/* The lines of b that are not lines of a, each with prefix. */
static void lines_not_in(const struct strbuf *b, const struct strbuf *a,
			 const char *prefix, size_t *shown)
{
	for (const char *l = sb_str(b); *l;) {
		size_t len = strcspn(l, "\n");
		bool found = false;
		for (const char *m = sb_str(a); *m && !found;) {
			size_t ml = strcspn(m, "\n");
			found = ml == len && memcmp(l, m, len) == 0;
			m += ml + (m[ml] == '\n');
		}
		if (!found) {
			printf("%s%.*s\n", prefix, (int)len, l);
			++*shown;
		}
		l += len + (l[len] == '\n');
	}
}

/*
 * -n SECS [-c COUNT]: the view again every SECS seconds (COUNT times, or
 * until interrupted), like watch(1) and pidstat.  A table is printed in
 * full once, then only what changed: "+ row" new or changed, "- row"
 * gone.  -j and -k print every round whole (one stream to parse).
 */
static int watch(struct proc_ctx *c, const struct subcmd *sc, int argc,
		 char **argv)
{
	long ms = 1000, count = 0;
	char *end;
	if (c->interval && !parse_interval(c->interval, &ms)) {
		builtin_error(c->sh, "-n %s: not a number of seconds",
			      c->interval);
		return PROC_EXIT_USAGE;
	}
	if (c->count && ((count = strtol(c->count, &end, 10)) <= 0 || *end)) {
		builtin_error(c->sh, "-c %s: not a positive count", c->count);
		return PROC_EXIT_USAGE;
	}
	struct strbuf prev = STRBUF_INIT, cur = STRBUF_INIT;
	int status = 0;
	for (long round = 1; !count || round <= count; round++) {
		sb_truncate(&cur, 0);
		c->capture = &cur;
		c->status = 0;
		int r = sc->fn(c, argc, argv);
		c->capture = NULL;
		status = r ? r : c->status;
		if (round == 1 || c->mode != PV_TABLE) {
			fputs(sb_str(&cur), stdout);
		} else {
			time_t now = time(NULL);
			struct tm tm;
			char when[16];
			size_t shown = 0;
			localtime_r(&now, &tm);
			strftime(when, sizeof when, "%H:%M:%S", &tm);
			printf("--- %s\n", when);
			lines_not_in(&prev, &cur, "- ", &shown);
			lines_not_in(&cur, &prev, "+ ", &shown);
			if (!shown)
				puts("(no change)");
		}
		fflush(stdout);
		struct strbuf t = prev;
		prev = cur;
		cur = t;
		if (status == PROC_EXIT_USAGE || (count && round == count))
			break;
		struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
		if (nanosleep(&ts, NULL) != 0 || sig_any_pending)
			break;	/* a signal: the shell handles it */
	}
	sb_free(&prev);
	sb_free(&cur);
	return status;
}

static int run_subcmd(struct proc_ctx *c, int argc, char **argv, int i)
{
	if (i >= argc)
		return usage(c);
	if (strcmp(argv[i], "help") == 0 || strcmp(argv[i], "--help") == 0) {
		fputs(help_text, stdout);
		return 0;
	}
	const struct subcmd *sc = find_subcmd(argv[i]);
	if (!sc) {
		builtin_error(c->sh, "%s: unknown subcommand", argv[i]);
		return usage(c);
	}
	i++;
	if (parse_options(c, sc, argc, argv, &i) < 0)
		return PROC_EXIT_USAGE;
	if (c->interval || c->count)
		return watch(c, sc, argc - i, argv + i);
	int r = sc->fn(c, argc - i, argv + i);
	return r ? r : c->status;
}

/* The last number of an "NSpid:" line: the pid in the innermost
   namespace; 0 when it cannot be read. */
static pid_t innermost_pid(const struct proc_pid *p, pid_t *ppid)
{
	struct proc_kv kv;
	long long pp = 0;
	pid_t inner = 0;
	if (proc_read_kv(p, "status", &kv) != 0)
		return 0;
	const char *v = proc_kv_get(&kv, "NSpid");
	const char *last = v ? strrchr(v, '\t') : NULL;
	if (v)
		inner = (pid_t)strtol(last ? last + 1 : v, NULL, 10);
	proc_kv_num(&kv, "PPid", &pp);
	*ppid = (pid_t)pp;
	proc_kv_free(&kv);
	return inner;
}

/*
 * /proc of another PID namespace (`unshare -p -f` without a /proc of its
 * own): $$ is a number of our namespace, which /proc does not know.  The
 * shell is the process on the way up from "self" whose innermost pid is
 * $$ (the walk is bounded; a parent outside our namespace ends it).
 */
static pid_t shell_in_root(struct proc_ctx *c, pid_t nspid)
{
	pid_t pid = c->self;
	for (int depth = 0; pid > 0 && depth < 64; depth++) {
		struct proc_pid p;
		pid_t ppid = 0, inner = 0;
		if (proc_pid_open(&p, &c->root, pid) == 0)
			inner = innermost_pid(&p, &ppid);
		proc_pid_close(&p);
		if (inner == nspid)
			return pid;
		pid = ppid;
	}
	return c->self;
}

int builtin_proc(struct shell *sh, int argc, char **argv)
{
	struct proc_ctx c;
	memset(&c, 0, sizeof c);
	c.sh = sh;
	c.mode = PV_TABLE;
	c.header = true;
	int i = 1;
	const char *root = NULL;
	/* --root DIR: read a recorded tree instead of /proc (tests). */
	if (i < argc && strcmp(argv[i], "--root") == 0) {
		if (i + 1 >= argc)
			return usage(&c);
		root = argv[i + 1];
		i += 2;
	}
	proc_root_open(&c.root, root);
	c.self = getpid();
	struct proc_pid self;
	if (proc_pid_open(&self, &c.root, PROC_SELF) == 0 && self.pid > 0)
		c.self = self.pid;
	proc_pid_close(&self);
	c.shell = c.self;
	bool foreign = !c.root.fixture && !c.root.error && c.self != getpid();
	c.foreign_ns = foreign;
	if (sh && sh->pid > 0 && !c.root.fixture && !c.root.error)
		c.shell = !foreign ? sh->pid : sh->pid == getpid() ? c.self :
			shell_in_root(&c, sh->pid);
	/* In a container, /proc may be a mount of another PID namespace:
	   "self" then names some other number than getpid(). */
	if (foreign)
		builtin_error(sh, "warning: /proc belongs to another PID "
			      "namespace (self is %ld, getpid() %ld): pids "
			      "shown are that namespace's",
			      (long)c.self, (long)getpid());
	int r = run_subcmd(&c, argc, argv, i);
	proc_root_close(&c.root);
	fflush(stdout);
	return r;
}
