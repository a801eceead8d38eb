/* proc_driver.c: runs the proc builtin outside the shell (a minimal struct shell), for tests/proc/ before and besides whelk -c. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/signames.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "builtins/proc.h"
#include "builtins/registry.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/* The one exec-layer function the proc builtin calls, in the shell's shape:
   "whelk: proc: message". */
void builtin_error(struct shell *sh, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	sb_printf(&sb, "%s: ", sh->current_builtin);
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	fflush(stdout);
	diag_msg("%s", sb_str(&sb));
	sb_free(&sb);
}

/* The other one, for the option scanner (builtins/opts.c): the table has
   just proc here. */
const struct builtin *builtin_find(const char *name)
{
	static const struct builtin proc = {
		"proc", builtin_proc, BUILTIN_REGULAR,
		"proc ps|tree|fds|mem|limits|sigs|info [-jkH] [options] [target]",
		NULL,
	};
	return strcmp(name, "proc") == 0 ? &proc : NULL;
}

/* usage: proc_driver [--trap SIG ACTION | --job ID TEXT PID,PID...[:T]]...
                      [--help-text] ARGS...
   --trap records a trap action in the shell state (and installs a
   handler, as the trap builtin would) so `proc sigs` can show it.
   --job adds a job to a job table built by hand (":T" marks it stopped),
   so job targets can be tested on fixture trees. */
static void on_signal(int sig)
{
	(void)sig;
}

static void add_job(struct shell *sh, const char *id, const char *text,
		    const char *pids)
{
	static struct jobs table;
	struct job *j = xcalloc(1, sizeof *j);
	sh->jobs = &table;
	j->id = atoi(id);
	j->text = xstrdup(text);
	for (const char *p = pids; *p;) {
		char *end;
		long pid = strtol(p, &end, 10);
		j->procs = xreallocarray(j->procs, j->nprocs + 1,
					 sizeof *j->procs);
		j->procs[j->nprocs].pid = (pid_t)pid;
		j->procs[j->nprocs].state =
			strstr(pids, ":T") ? PROC_STOPPED : PROC_RUNNING;
		j->procs[j->nprocs++].status = 0;
		if (j->nprocs == 1)
			j->pgid = (pid_t)pid;
		p = *end == ',' ? end + 1 : end + strlen(end);
	}
	j->seq = ++table.seq;	/* a job the user can name (jobs.h) */
	vec_push(&table.list, j);
}

int main(int argc, char **argv)
{
	static struct shell sh;
	int i = 1;
	sh.current_builtin = "proc";
	sh.arg0 = (char *)"whelk";
	while (i + 3 < argc && strcmp(argv[i], "--job") == 0) {
		add_job(&sh, argv[i + 1], argv[i + 2], argv[i + 3]);
		i += 4;
	}
	while (i + 2 < argc && strcmp(argv[i], "--trap") == 0) {
		int sig = sig_parse(argv[i + 1], true);
		if (sig < 0 || sig > 64)
			return 2;
		sh.traps[sig] = argv[i + 2];
		if (sig > 0)
			signal(sig, on_signal);
		i += 3;
	}
	if (i < argc && strcmp(argv[i], "--help-text") == 0) {
		fputs(proc_help_text(), stdout);
		return 0;
	}
	argv[i - 1] = (char *)"proc";
	int st = builtin_proc(&sh, argc - i + 1, argv + i - 1);
	fflush(stdout);
	return st;
}
