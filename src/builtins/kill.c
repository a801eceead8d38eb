/* kill.c: the kill builtin (XCU kill) — send a signal to processes, or list signal names. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "base/signames.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/*
 * Forms (XCU kill, plus the common -n):
 *   kill [-s NAME | -NAME | -NUM | -n NUM] [--] target...
 *   kill -l [--] [exit_status | NAME]...
 * -NAME and -NUM are the one exception to the option syntax that bopt
 * reads (XBD 12.2 lets kill have it), so kill reads its first word
 * itself: "-s", "-n", "-l" and "--" are options, any other "-WORD" is a
 * signal.  Errors use bopt's wording and usage line.
 * A signal name may be given with or without "SIG", in any case.  Signal 0
 * sends nothing but checks that the target exists (kill(2)).  A target is
 * a process ID, or after "--" (or after the signal option) a negative
 * number naming a process GROUP: kill(-pgid, sig) signals every process in
 * the group, which is how the shell stops or resumes a whole pipeline.
 * Each target is tried; failures are reported and make the status 1.
 */

/*
 * Turn one target argument into what kill(2) needs.  The one place where
 * targets are interpreted: a %job spec names a job (*job set; under job
 * control it is a process group, reached by one kill(-pgid)), anything
 * else must be a process ID (negative: a process group).
 */
static int parse_target(struct shell *sh, const char *arg, pid_t *pid,
			struct job **job)
{
	*job = NULL;
	if (arg[0] == '%') {
		const char *why;
		why = "no such job";
		*job = sh->jobs ? job_find(sh->jobs, arg, &why) : NULL;
		if (!*job) {
			builtin_error(sh, "%s: %s", arg, why);
			return -1;
		}
		return 0;
	}
	char *end;
	errno = 0;
	intmax_t v = strtoimax(arg, &end, 10);
	if (end == arg || *end != '\0' || errno == ERANGE
	    || v != (intmax_t)(pid_t)v) {
		builtin_error(sh, "%s: arguments must be process or job IDs",
			      arg);
		return -1;
	}
	*pid = (pid_t)v;
	return 0;
}

/*
 * A stopped job cannot act on most signals until it runs again: SIGTERM
 * sent to `sleep` stopped by Ctrl-Z stays pending.  So, as bash does, a
 * signal for a stopped job is followed by SIGCONT.
 */
static int signal_job(struct shell *sh, struct job *j, int signo)
{
	int r = job_signal(sh->jobs, j, signo);
	bool stop = signo == SIGSTOP || signo == SIGTSTP || signo == SIGTTIN ||
		    signo == SIGTTOU;
	if (r == 0 && job_state(j) == JOB_STOPPED && !stop && signo != 0) {
		if (signo != SIGCONT)
			r = job_signal(sh->jobs, j, SIGCONT);
		/* Running again, whatever waitpid will say later: a `wait`
		   right after must wait, not see the old stop. */
		for (size_t k = 0; k < j->nprocs; k++)
			if (j->procs[k].state == PROC_STOPPED)
				j->procs[k].state = PROC_RUNNING;
	}
	return r;
}

/* kill -l: every name, or the name of each number / number of each name. */
static int list_signals(struct shell *sh, int argc, char **argv)
{
	char buf[16];
	if (argc == 0) {
		for (int s = 1; s <= sig_max(); s++) {
			const char *name = sig_name(s, buf);
			if (name)
				puts(name);
		}
		return 0;
	}
	int status = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		char *end;
		long n = strtol(a, &end, 10);
		if (*a && *end == '\0') {
			/* An exit status of a signalled command is 128+N. */
			if (n > 128 && n <= 128L + sig_max())
				n -= 128;
			const char *name = n > 0 && n <= sig_max()
				? sig_name((int)n, buf) : NULL;
			if (name) {
				puts(name);
				continue;
			}
		} else {
			int s = sig_parse(a, false);
			if (s > 0) {
				printf("%d\n", s);
				continue;
			}
		}
		builtin_error(sh, "%s: invalid signal specification", a);
		status = 1;
	}
	return status;
}

/* A signal operand: "-s NAME" style argument without the dash. */
static int parse_signal(struct shell *sh, const char *s)
{
	int signo = sig_parse(s, true);	/* 0 is allowed: the probe */
	if (signo < 0)
		builtin_error(sh, "%s: invalid signal specification", s);
	return signo;
}

/* Send signo to every target; returns 0 or 1. */
static int send_all(struct shell *sh, int signo, int argc, char **argv)
{
	int status = 0;
	for (int i = 0; i < argc; i++) {
		pid_t pid = 0;
		struct job *j;
		if (parse_target(sh, argv[i], &pid, &j) != 0) {
			status = 1;
			continue;
		}
		/* job_kill: kill(2) as the process trace reports it (a
		   bare struct shell, as unit tests make, has no table). */
		int r = j ? signal_job(sh, j, signo)
			: sh->jobs ? job_kill(sh->jobs, pid, signo)
			: kill(pid, signo);
		if (r != 0) {
			builtin_error(sh, "%s: %s", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}

int builtin_kill(struct shell *sh, int argc, char **argv)
{
	int signo = SIGTERM;
	int i = 1;
	const char *w = i < argc ? argv[i] : "";
	if (strcmp(w, "-l") == 0 || strcmp(w, "-L") == 0) {
		i = bopt_none(sh, argc - 1, argv + 1);
		return i < 0 ? 2 : list_signals(sh, argc - 1 - i, argv + 1 + i);
	}
	if (strcmp(w, "-s") == 0 || strcmp(w, "-n") == 0) {
		struct bopt o;
		bopt_init(&o, argc, argv, "s:n:", 0);
		if (bopt_next(sh, &o) == '?')
			return 2;
		signo = parse_signal(sh, o.arg);
		i = o.ind;
	} else if (w[0] == '-' && w[1] != '\0' && strcmp(w, "--") != 0) {
		signo = parse_signal(sh, w + 1);
		i++;
	}
	if (signo < 0)
		return 2;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc)
		return bopt_usage(sh);
	return send_all(sh, signo, argc - i, argv + i);
}
