/* proc_tree.c: `proc tree` — the process tree below the shell (or pid 1), with process groups and jobs. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "exec/shell.h"
#include "base/strbuf.h"

/*
 * The kernel keeps each task's parent (stat field 4); the tree is just
 * that relation inverted.  A process whose parent exited was re-parented
 * to pid 1 or to the nearest "child subreaper" (prctl
 * PR_SET_CHILD_SUBREAPER), which is why orphans show up under init.
 * Members of one pipeline share a process group (PGID), and that group is
 * the job: the shell made them one unit with setpgid(2).
 */

struct tree {
	struct proc_snap *v;	/* owned, sorted by pid */
	size_t n;
	struct proc_ctx *c;	/* borrowed */
	struct pv_out *o;	/* borrowed */
};

static const struct proc_snap *find(const struct tree *t, pid_t pid)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->v[mid].pid == pid)
			return &t->v[mid];
		if (t->v[mid].pid < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool has_children(const struct tree *t, const struct proc_snap *s)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].st.ppid == s->pid && t->v[i].pid != s->pid)
			return true;
	return false;
}

/* -t: the threads of s other than its main one, as "{tid} comm" leaves
   before its child processes (pstree's notation). */
static void thread_nodes(const struct tree *t, const struct proc_snap *s,
			 int depth, const struct strbuf *prefix, bool more)
{
	struct proc_pid p;
	pid_t *tids = NULL;
	size_t n = 0;
	struct pv_out *o = t->o;
	if (s->st.num_threads < 2 ||
	    proc_pid_open(&p, &t->c->root, s->pid) != 0)
		return;
	proc_list_tasks(&p, &tids, &n);
	proc_pid_close(&p);
	for (size_t i = 0; i < n; i++) {
		if (tids[i] == s->pid)
			continue;
		bool last = i + 1 == n && !more;
		pv_row(o, "pid %ld: thread %ld", (long)s->pid, (long)tids[i]);
		if (o->mode == PV_TABLE) {
			pv_num(o, "pgid", s->st.pgrp);
			pv_missing(o, "job", 0);
			pv_fmt(o, "tree", "%s%s{%ld} %s", sb_str(prefix),
			       last ? "`- " : "|- ", (long)tids[i], s->st.comm);
		} else {
			pv_num(o, "pid", s->pid);
			pv_num(o, "tid", tids[i]);
			pv_num(o, "ppid", s->st.ppid);
			pv_num(o, "pgid", s->st.pgrp);
			pv_missing(o, "job", 0);
			pv_num(o, "depth", depth);
			pv_str(o, "cmd", s->cmd);
		}
	}
	free(tids);
}

/* prefix: the "| " / "  " columns of the ancestors; last: is s the last
   child of its parent (draws "`-" rather than "|-"). */
static void node(const struct tree *t, const struct proc_snap *s, int depth,
		 struct strbuf *prefix, bool last)
{
	char job[32];
	const char *j = proc_job_column(t->c, s->pid, job);
	struct pv_out *o = t->o;
	pv_row(o, "pid %ld", (long)s->pid);
	if (o->mode == PV_TABLE) {
		pv_num(o, "pgid", s->st.pgrp);
		pv_str(o, "job", j);
		pv_fmt(o, "tree", "%s%s%ld %s", sb_str(prefix),
		       depth == 0 ? "" : last ? "`- " : "|- ", (long)s->pid,
		       s->cmd);
	} else {
		pv_num(o, "pid", s->pid);
		pv_num(o, "ppid", s->st.ppid);
		pv_num(o, "pgid", s->st.pgrp);
		pv_str(o, "job", j);
		pv_num(o, "depth", depth);
		pv_str(o, "cmd", s->cmd);
	}
	size_t keep = prefix->len;
	if (depth > 0)
		sb_append(prefix, last ? "   " : "|  ");
	if (t->c->threads)
		thread_nodes(t, s, depth + 1, prefix, has_children(t, s));
	/* Children in pid order; remember the last one for the corner. */
	const struct proc_snap *prev = NULL;
	for (size_t i = 0; i < t->n; i++) {
		if (t->v[i].st.ppid != s->pid || t->v[i].pid == s->pid)
			continue;
		if (prev)
			node(t, prev, depth + 1, prefix, false);
		prev = &t->v[i];
	}
	if (prev)
		node(t, prev, depth + 1, prefix, true);
	sb_truncate(prefix, keep);
}

int proc_cmd_tree(struct proc_ctx *c, int argc, char **argv)
{
	struct pv_out o;
	struct tree t = { NULL, 0, c, &o };
	struct proc_target tg;
	if (argc > 1) {
		builtin_error(c->sh, "tree: one TARGET at most");
		return PROC_EXIT_USAGE;
	}
	if (proc_unavailable(c))
		return c->status;
	int r = proc_target_resolve(c, argc ? argv[0] : NULL, &tg);
	if (r)
		return r;
	if (argc == 0)		/* below the main shell, even from a subshell */
		tg.pids[0] = c->shell == c->self ? PROC_SELF : c->shell;
	pv_init(&o, "tree", c);
	pv_section(&o, "processes", false);
	proc_snap_all(c, &t.v, &t.n);
	struct strbuf prefix = STRBUF_INIT;
	for (size_t i = 0; i < tg.n; i++) {
		pid_t root = c->all && argc == 0 ? 1 :
			proc_real_pid(c, tg.pids[i]);
		const struct proc_snap *s = find(&t, root);
		struct proc_pid p;
		if (!s) {
			if (proc_open_target(c, &p, root) == 0)
				proc_pid_close(&p);
			continue;
		}
		node(&t, s, 0, &prefix, true);
	}
	sb_free(&prefix);
	proc_snap_free(t.v, t.n);
	proc_target_free(&tg);
	pv_emit(&o);
	return 0;
}
