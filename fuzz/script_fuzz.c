/* script_fuzz.c: libFuzzer target — run arbitrary bytes as a whole script in a confined, forked child. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The parser target (parser_fuzz.c) stops at the syntax tree; this one runs
 * the script: expansions, redirections, builtins, traps, subshells and
 * pipelines.  A script can do anything a shell can, so each input runs in a
 * forked child that is confined before the shell starts:
 *
 *  - chroot into a scratch directory that holds only dev/null (no programs:
 *    every command is a builtin, a function or a failed exec), cwd "/";
 *  - an unprivileged uid of its own (setuid), so `kill -9 -1` reaches only
 *    this input's processes and nothing outside the scratch tree is
 *    writable;
 *  - its own process group; rlimits on processes (RLIMIT_NPROC counts per
 *    uid: no fork bomb), CPU time, file size, open files; a wall-clock
 *    limit and an RSS limit enforced by the parent, which kills the group;
 *  - afterwards every process of that uid is killed and reaped (the parent
 *    is a child subreaper) and the scratch tree is emptied.
 *
 * A crash is a sanitizer report (ASan, UBSan: the death callback marks it in
 * shared memory) or an abort() in the child; the parent then aborts so that
 * libFuzzer saves the input.  A script that kills itself with a signal, runs
 * forever or exceeds a limit is not a crash.
 *
 * Coverage: the child and every process it forks copy their inline 8-bit
 * counters into a shared mapping when they end (_exit is wrapped with
 * -Wl,--wrap=_exit); the parent merges them into its own counters, so
 * libFuzzer sees what the script reached.
 *
 * WHELK_FUZZ_VERBOSE=1 keeps the child's stdout and stderr (for replaying an
 * input by hand: `script_fuzz FILE`).
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "exec/shell.h"

#define WALL_LIMIT_MS 1000	/* per input, then SIGKILL */
#define RSS_LIMIT_PAGES (768L * 1024 * 1024 / 4096)
#define SCRIPT_FD 50		/* where the script's fd lives in the child */
#define REPORT_FD 51		/* a copy of the real stderr for sanitizer reports */

extern char **environ;

void __sanitizer_set_death_callback(void (*cb)(void));
void __sanitizer_set_report_fd(void *fd);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void __real__exit(int status) __attribute__((noreturn));
void __real___sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop);
void __wrap___sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop);
void __wrap__exit(int status) __attribute__((noreturn));

/* Shared between the parent and every process of one input. */
struct shared {
	volatile int crashed;	/* a sanitizer or abort() ended a process */
	uint8_t counters[];	/* max over all processes of the input */
};

static struct shared *shm;
static uint8_t *counters;	/* this program's inline 8-bit counters */
static size_t ncounters;
static bool in_child;		/* this process runs (part of) an input */
static bool verbose;
static uid_t fuzz_uid;
static char root[256];		/* the chroot */
static char script_path[300];	/* the input, outside the chroot */

static void save_coverage(void)
{
	if (!shm || !in_child)
		return;
	for (size_t i = 0; i < ncounters; i++) {
		uint8_t c = counters[i];
		if (c > shm->counters[i])
			shm->counters[i] = c;
	}
}

/* The coverage counters of the one instrumented module (this program):
   -Wl,--wrap lets the module constructor tell us where they are. */
void __wrap___sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop)
{
	counters = start;
	ncounters = (size_t)(stop - start);
	__real___sanitizer_cov_8bit_counters_init(start, stop);
}

/* Every exit of whelk's code (shell_exit, a failed exec, a subshell) ends here. */
void __wrap__exit(int status)
{
	save_coverage();
	__real__exit(status);
}

static void mark_crash(void)
{
	if (shm)
		shm->crashed = 1;
}

static void on_abort(int sig)
{
	mark_crash();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void die(const char *what)
{
	perror(what);
	abort();
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	if (ftw->level > 0)
		(void)remove(path);
	return 0;
}

/* Empty the chroot, then put dev/null back (a device node, or nothing). */
static void reset_root(void)
{
	(void)nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	char dev[300], null[310];
	snprintf(dev, sizeof dev, "%s/dev", root);
	snprintf(null, sizeof null, "%s/null", dev);
	if (mkdir(dev, 0755) < 0 && errno != EEXIST)
		die("mkdir dev");
	(void)mknod(null, S_IFCHR | 0666, makedev(1, 3));
	(void)chmod(null, 0666);	/* mknod obeys the umask */
	(void)chown(root, fuzz_uid, fuzz_uid);
	(void)chmod(root, 0755);
}

static pid_t parent_pid;

/* At the end of the run (in the parent only): the scratch tree goes. */
static void remove_scratch(void)
{
	if (getpid() != parent_pid)
		return;
	(void)nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	(void)rmdir(root);
	(void)unlink(script_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (geteuid() != 0) {
		fputs("script_fuzz: needs root (chroot, setuid to a scratch uid)\n", stderr);
		exit(1);
	}
	verbose = getenv("WHELK_FUZZ_VERBOSE") != NULL;
	shm = mmap(NULL, sizeof *shm + ncounters, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shm == MAP_FAILED)
		die("mmap");
	/* A uid nobody else uses: 3,000,000 + pid. */
	fuzz_uid = (uid_t)(3000000 + getpid());
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	snprintf(root, sizeof root, "%s/whelk-script-fuzz.%d", tmp, (int)getpid());
	snprintf(script_path, sizeof script_path, "%s.in", root);
	if (mkdir(root, 0755) < 0 && errno != EEXIST)
		die("mkdir root");
	reset_root();
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)
		die("prctl");
	parent_pid = getpid();
	atexit(remove_scratch);
	return 0;
}

static void set_limit(int resource, rlim_t n)
{
	struct rlimit rl = { n, n };
	(void)setrlimit(resource, &rl);
}

static _Noreturn void run_child(void)
{
	in_child = true;
	(void)setpgid(0, 0);
	/* The child starts as a plain process: default dispositions, except
	   the sanitizers' own handlers (SEGV, BUS, FPE) and abort(). */
	for (int s = 1; s < 32; s++)
		if (s != SIGSEGV && s != SIGBUS && s != SIGFPE && s != SIGKILL &&
		    s != SIGSTOP)
			signal(s, SIG_DFL);
	signal(SIGABRT, on_abort);
	__sanitizer_set_death_callback(mark_crash);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	int in = open(script_path, O_RDONLY);
	int null = open("/dev/null", O_RDWR);
	if (in < 0 || null < 0)
		__real__exit(99);
	dup2(in, SCRIPT_FD);
	close(in);
	dup2(2, REPORT_FD);
	fcntl(REPORT_FD, F_SETFD, FD_CLOEXEC);
	__sanitizer_set_report_fd((void *)(intptr_t)REPORT_FD);
	dup2(null, 0);
	if (!verbose) {
		dup2(null, 1);
		dup2(null, 2);
	}
	close(null);

	if (chroot(root) < 0 || chdir("/") < 0)
		__real__exit(99);
	set_limit(RLIMIT_NPROC, 24);
	set_limit(RLIMIT_CPU, 3);
	set_limit(RLIMIT_FSIZE, 1 << 20);
	set_limit(RLIMIT_NOFILE, 128);
	set_limit(RLIMIT_CORE, 0);
	if (setgroups(0, NULL) < 0 || setgid(fuzz_uid) < 0 || setuid(fuzz_uid) < 0)
		__real__exit(99);

	static char *env[] = { "PATH=/bin:/usr/bin", "HOME=/", "PWD=/",
			       "LC_ALL=C", NULL };
	environ = env;
	struct shell *sh = shell_create(env);
	sh->script_name = "fuzz";
	int status = shell_run_fd(sh, "fuzz", SCRIPT_FD);
	shell_exit(sh, status);
}

/*
 * Kill every process of fuzz_uid: a helper with that uid sends SIGKILL to
 * -1.  vfork (no copy of the fuzzer's large address space) and raw system
 * calls only, since the helper shares the parent's memory until it exits.
 */
static void kill_all(void)
{
	pid_t k = vfork();
	if (k == 0) {
		if (syscall(SYS_setresgid, fuzz_uid, fuzz_uid, fuzz_uid) == 0 &&
		    syscall(SYS_setresuid, fuzz_uid, fuzz_uid, fuzz_uid) == 0)
			(void)syscall(SYS_kill, -1, SIGKILL);
		syscall(SYS_exit, 0);
	}
	if (k > 0)
		(void)waitpid(k, NULL, 0);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

static long child_rss_pages(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/statm", (int)pid);
	FILE *f = fopen(path, "r");
	long size = 0, rss = 0;
	if (f) {
		if (fscanf(f, "%ld %ld", &size, &rss) != 2)
			rss = 0;
		fclose(f);
	}
	return rss;
}

static long elapsed_ms(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000L + (t.tv_nsec - t0->tv_nsec) / 1000000L;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = open(script_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		die("open input");
	if (size && write(fd, data, size) != (ssize_t)size)
		die("write input");
	close(fd);
	shm->crashed = 0;
	memset(shm->counters, 0, ncounters);

	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0)
		run_child();

	int status = 0;
	long step = 50;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid || (r < 0 && errno != EINTR))
			break;
		if (elapsed_ms(&t0) > WALL_LIMIT_MS ||
		    child_rss_pages(pid) > RSS_LIMIT_PAGES) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			(void)waitpid(pid, &status, 0);
			break;
		}
		struct timespec ts = { 0, step * 1000 };
		nanosleep(&ts, NULL);
		if (step < 10000)
			step *= 2;
	}
	kill_all();
	if (verbose) {
		size_t nz = 0;
		for (size_t i = 0; i < ncounters; i++)
			nz += shm->counters[i] != 0;
		fprintf(stderr, "script_fuzz: %zu of %zu counters reached\n", nz, ncounters);
	}
	bool crashed = shm->crashed;
	for (size_t i = 0; i < ncounters; i++)
		if (shm->counters[i] > counters[i])
			counters[i] = shm->counters[i];
	reset_root();
	if (crashed) {
		fprintf(stderr, "script_fuzz: the script's process crashed (status 0x%x)\n",
			status);
		abort();
	}
	return 0;
}
