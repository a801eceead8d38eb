/* proc_sigs.c: `proc sigs` — pending, blocked, ignored and caught signals by name, next to the shell's traps. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/signames.h"
#include "exec/shell.h"

/*
 * The kernel keeps, per thread, a set of pending signals and a blocked
 * mask (sigprocmask), and per process a shared pending set and one
 * disposition per signal: default, ignore (SIG_IGN) or a handler.
 * /proc/PID/status prints them as 64-bit hex masks — SigPnd (thread),
 * ShdPnd (process), SigBlk, SigIgn, SigCgt — where bit n-1 is signal n.
 * A handler does not survive execve (the code is gone) but "ignored" and
 * the blocked mask do: that is how `nohup` and `trap '' INT` work, and why
 * XCU 2.11 says a signal ignored on entry to a non-interactive shell stays
 * ignored.
 */
struct sigstate {
	uint64_t pnd, shd, blk, ign, cgt;
	bool self;		/* also show the shell's trap actions */
};

static bool bit(uint64_t mask, int sig)
{
	return sig >= 1 && sig <= 64 && (mask >> (sig - 1)) & 1;
}

/* The shell itself: ask the system calls (works without /proc). */
static void self_state(struct sigstate *s)
{
	sigset_t pend, blk;
	memset(s, 0, sizeof *s);
	s->self = true;
	sigemptyset(&blk);
	sigprocmask(SIG_BLOCK, NULL, &blk);
	sigpending(&pend);
	for (int sig = 1; sig <= sig_max() && sig <= 64; sig++) {
		struct sigaction sa;
		uint64_t m = (uint64_t)1 << (sig - 1);
		if (sigismember(&pend, sig) == 1)
			s->shd |= m;
		if (sigismember(&blk, sig) == 1)
			s->blk |= m;
		if (sigaction(sig, NULL, &sa) != 0)
			continue;
		if (sa.sa_handler == SIG_IGN)
			s->ign |= m;
		else if (sa.sa_handler != SIG_DFL)
			s->cgt |= m;
	}
}

static int proc_state(const struct proc_pid *p, struct sigstate *s)
{
	struct proc_kv kv;
	memset(s, 0, sizeof *s);
	int e = proc_read_kv(p, "status", &kv);
	if (e)
		return e;
	bool ok = proc_kv_hex(&kv, "SigPnd", &s->pnd) &&
		  proc_kv_hex(&kv, "ShdPnd", &s->shd) &&
		  proc_kv_hex(&kv, "SigBlk", &s->blk) &&
		  proc_kv_hex(&kv, "SigIgn", &s->ign) &&
		  proc_kv_hex(&kv, "SigCgt", &s->cgt);
	proc_kv_free(&kv);
	return ok ? 0 : EINVAL;
}

static const char *trap_of(struct proc_ctx *c, int sig)
{
	if (!c->sh || sig < 0 || sig > 64)
		return NULL;
	return c->sh->traps[sig];
}

static void sig_row(struct proc_ctx *c, struct pv_out *o, pid_t pid,
		    const struct sigstate *s, int sig)
{
	char buf[16];
	const char *name = sig ? sig_name(sig, buf) : "EXIT";
	pv_row(o, "pid %ld", (long)pid);
	pv_pid(c, o, pid);
	pv_str(o, "signal", name ? name : "?");
	pv_num(o, "number", sig);
	pv_str(o, "pending", bit(s->pnd, sig) ? "thread" :
	       bit(s->shd, sig) ? "process" : "no");
	pv_str(o, "blocked", bit(s->blk, sig) ? "yes" : "no");
	pv_str(o, "action", bit(s->ign, sig) ? "ignore" :
	       bit(s->cgt, sig) ? "catch" : "default");
	if (s->self) {
		const char *t = trap_of(c, sig);
		if (t)
			pv_str(o, "trap", t);
		else
			pv_missing(o, "trap", 0);
	}
}

static void sigs_of(struct proc_ctx *c, struct pv_out *o, pid_t target)
{
	struct sigstate s;
	pid_t pid = c->self;
	bool self = target == PROC_SELF;
	if (self && (!c->root.fixture || c->root.error)) {
		self_state(&s);
		if (c->root.error)
			pid = getpid();
	} else {
		struct proc_pid p;
		if (proc_open_target(c, &p, target) != 0)
			return;
		int e = proc_state(&p, &s);
		pid = p.pid;
		proc_pid_close(&p);
		if (e) {
			pv_warn(o, "pid %ld: status: %s", (long)pid,
				proc_reason(e));
			c->status = PROC_EXIT_UNAVAIL;
			return;
		}
		s.self = self;
	}
	if (!c->multi || o->nsec == 0)	/* several processes: one table */
		pv_section(o, "signals", false);
	if (s.self && trap_of(c, 0))
		sig_row(c, o, pid, &s, 0);
	for (int sig = 1; sig <= sig_max() && sig <= 64; sig++) {
		bool any = bit(s.pnd | s.shd | s.blk | s.ign | s.cgt, sig) ||
			   (s.self && trap_of(c, sig));
		if (any || c->all)
			sig_row(c, o, pid, &s, sig);
	}
}

int proc_cmd_sigs(struct proc_ctx *c, int argc, char **argv)
{
	struct proc_target t;
	struct pv_out o;
	if (argc > 1) {
		builtin_error(c->sh, "sigs: one TARGET at most");
		return PROC_EXIT_USAGE;
	}
	int r = proc_target_resolve(c, argc ? argv[0] : NULL, &t);
	if (r)
		return r;
	c->multi = t.n > 1;
	pv_init(&o, "sigs", c);
	bool unavailable = proc_unavailable(c);
	for (size_t i = 0; i < t.n; i++)
		if (!unavailable || t.pids[i] == PROC_SELF)
			sigs_of(c, &o, t.pids[i]);
		else
			proc_target_unavailable(c, t.pids[i]);
	size_t rows = 0;
	for (size_t i = 0; i < o.nsec; i++)
		rows += o.sec[i].n;
	if (rows == 0 && c->status == 0)
		sb_append(&o.notes, "No signal is pending, blocked, ignored, "
			  "caught or trapped (-a lists every signal).\n");
	proc_target_free(&t);
	pv_emit(&o);
	return 0;
}
