/* trapcmd.c: the trap special builtin (XCU 2.14 trap) — set, reset, ignore and list signal actions. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/shquote.h"
#include "base/signames.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

static const char *cond_name(int s, char buf[16])
{
	if (s == 0)
		return "EXIT";
	const char *n = sig_name(s, buf);
	return n ? n : "?";
}

/* `trap -- 'action' NAME`: input that recreates the trap. */
static void print_trap(struct shell *sh, int s)
{
	char buf[16];
	const char *act = trap_listed_action(sh, s);
	if (!act)
		return;
	fputs("trap -- ", stdout);
	shq_fputs(act, stdout);
	printf(" %s\n", cond_name(s, buf));
}

static int list_traps(struct shell *sh, int argc, char **argv)
{
	int status = 0;
	if (argc == 0) {
		for (int s = 0; s < JOBS_NSIG; s++)
			print_trap(sh, s);
		return 0;
	}
	for (int i = 0; i < argc; i++) {
		int s = sig_parse(argv[i], true);
		if (s < 0 || s >= JOBS_NSIG) {
			builtin_error(sh, "%s: bad trap", argv[i]);
			status = 1;
			continue;
		}
		print_trap(sh, s);
	}
	return status;
}

/*
 * One condition.  A signal ignored when a non-interactive shell started
 * cannot be trapped or reset (XCU 2.11): such requests are silently
 * ignored, as in dash.
 */
static int set_one(struct shell *sh, int s, const char *action)
{
	trap_forget_parent(sh);
	if (s > 0 && s < JOBS_NSIG && sig_ignored_at_entry(sh->jobs, s)) {
		sh->trap_ignored_at_entry[s] = 1;
		if (!sh->opt.interactive)
			return 0;
	}
	if (s > 0) {
		/* `trap - INT` in an interactive shell gives back the
		   shell's own handling: Ctrl-C must not kill it. */
		enum sig_disp d = !action ? trap_default_disp(sh, s)
				: *action ? SIGD_CATCH : SIGD_IGNORE_USER;
		if (sig_set_disp(sh->jobs, s, d) < 0) {
			char buf[16];
			builtin_error(sh, "%s: %s", cond_name(s, buf),
				      strerror(errno));
			return 1;
		}
	}
	trap_set_action(sh, s, action);
	return 0;
}

static bool is_unsigned(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/*
 * trap [-p] [action condition...]: with "-" as action (or a first operand
 * that is a number, or one operand only) the conditions are reset to
 * their defaults; "" ignores them; anything else is run when they occur.
 */
int builtin_trap(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "p", seen);
	if (i < 0)
		return 2;
	if (seen['p'])
		return list_traps(sh, argc - i, argv + i);
	if (i >= argc)
		return list_traps(sh, 0, NULL);
	const char *action = argv[i];
	if (strcmp(action, "-") == 0) {
		action = NULL;
		i++;
	} else if (is_unsigned(action) || i + 1 == argc) {
		action = NULL;	/* all operands are conditions */
	} else {
		i++;
	}
	int status = 0;
	for (; i < argc; i++) {
		int s = sig_parse(argv[i], true);
		if (s < 0 || s >= JOBS_NSIG) {
			builtin_error(sh, "%s: bad trap", argv[i]);
			status = 1;
			continue;
		}
		if (set_one(sh, s, action) != 0)
			status = 1;
	}
	return status;
}
