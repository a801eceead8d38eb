/* proc_mem.c: `proc mem` — VSZ, RSS (anon/file/shmem), PSS and swap, and with -m every mapping. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec/shell.h"

/*
 * VSZ (VmSize) counts every page the process has *mapped*: the whole
 * executable and every library, thread stacks, heap reserved by malloc —
 * whether or not it was ever touched.  RSS (VmRSS) counts the pages that
 * are in RAM now: RssAnon (heap, stack, private data), RssFile (code and
 * data pages of files, shared with other processes using the same file)
 * and RssShmem.  PSS divides each shared page by the number of processes
 * that map it, so summing PSS over all processes gives the real total.
 * Pages swapped out count in VmSwap, not in RSS.
 *
 * Copy-on-write: fork gives the child the parent's pages, marked
 * read-only in both.  While neither writes, each page is mapped by two
 * processes: "shared" in smaps (Shared_Clean/Shared_Dirty, by the page's
 * map count, not by MAP_SHARED).  The first write to such a page faults
 * (a minor fault) and the kernel gives the writer a private copy: its
 * Private_Dirty grows, the other's page is private again.
 */
static const char vsz_note[] =
"VSZ is address space mapped (touched or not); RSS is what is in RAM now;\n"
"PSS shares each shared page among its users; swap is paged out.\n"
"shared_* pages are mapped by other processes too (after fork: all of\n"
"them); a write copies the page (copy-on-write): private_dirty grows.\n";

struct memkey {
	const char *field;	/* our stable name */
	const char *file;	/* "status" or "smaps_rollup" */
	const char *key;	/* the kernel's key */
};

static const struct memkey memkeys[] = {
	{ "vsz_kb", "status", "VmSize" },
	{ "rss_kb", "status", "VmRSS" },
	{ "rss_anon_kb", "status", "RssAnon" },
	{ "rss_file_kb", "status", "RssFile" },
	{ "rss_shmem_kb", "status", "RssShmem" },
	{ "pss_kb", "smaps_rollup", "Pss" },
	{ "shared_clean_kb", "smaps_rollup", "Shared_Clean" },
	{ "shared_dirty_kb", "smaps_rollup", "Shared_Dirty" },
	{ "private_clean_kb", "smaps_rollup", "Private_Clean" },
	{ "private_dirty_kb", "smaps_rollup", "Private_Dirty" },
	{ "swap_kb", "status", "VmSwap" },
	{ "peak_vsz_kb", "status", "VmPeak" },
	{ "peak_rss_kb", "status", "VmHWM" },
};

/* gone: a zombie or kernel thread, whose missing lines are no error.
   st: its stat, NULL if unreadable (for the fault counts). */
static void summary(struct pv_out *o, const struct proc_pid *p, bool gone,
		    const struct proc_stat *st)
{
	struct proc_kv status, rollup;
	int es = proc_read_kv(p, "status", &status);
	int er = proc_read_kv(p, "smaps_rollup", &rollup);
	pv_row(o, "pid %ld", (long)p->pid);
	pv_num(o, "pid", p->pid);
	for (size_t i = 0; i < sizeof memkeys / sizeof memkeys[0]; i++) {
		const struct memkey *k = &memkeys[i];
		bool roll = strcmp(k->file, "smaps_rollup") == 0;
		long long v;
		if (proc_kv_num(roll ? &rollup : &status, k->key, &v))
			pv_num(o, k->field, v);
		else
			/* A zombie or kernel thread has no memory lines:
			   not an error, just nothing to show. */
			pv_missing(o, k->field, gone ? 0 : roll ? er : es);
	}
	/* minor: served from memory (a COW copy, a page already cached);
	   major: had to wait for I/O. */
	if (st) {
		pv_num(o, "minor_faults", (long long)st->minflt);
		pv_num(o, "major_faults", (long long)st->majflt);
	} else {
		pv_missing(o, "minor_faults", 0);
		pv_missing(o, "major_faults", 0);
	}
	proc_kv_free(&status);
	proc_kv_free(&rollup);
}

/* What a mapping is.  Shared mappings (perms "rw-s") are where processes
   share writable memory: System V segments (shmget: "/SYSV<key>"), POSIX
   objects (shm_open: a file in /dev/shm), memfd_create ("/memfd:name"),
   and mmap(MAP_SHARED|MAP_ANONYMOUS), which the kernel backs with
   "/dev/zero (deleted)". */
static const char *map_kind(const struct proc_map *m)
{
	bool shared = m->perms[3] == 's';
	if (strncmp(m->path, "/SYSV", 5) == 0)
		return "sysv-shm";
	if (strncmp(m->path, "/dev/shm/", 9) == 0)
		return "posix-shm";
	if (strncmp(m->path, "/memfd:", 7) == 0)
		return "memfd";
	if (shared && (m->path[0] == '\0' ||
		       strncmp(m->path, "/dev/zero", 9) == 0 ||
		       strncmp(m->path, "[anon_shmem", 11) == 0))
		return "shared-anon";
	if (m->path[0] == '[')
		return m->path;		/* [heap] [stack] [vdso] ... */
	if (m->path[0] == '\0')
		return "anon";
	if (shared)
		return "shared-file";
	if (strchr(m->perms, 'x'))
		return "text";
	return strchr(m->perms, 'w') ? "data" : "rodata";
}

static void usage(struct pv_out *o, const struct proc_map *m)
{
	static const char *const keys[] = {
		"rss_kb", "pss_kb", "shared_dirty_kb", "private_dirty_kb",
	};
	const long long v[] = {
		m->rss_kb, m->pss_kb, m->shared_dirty_kb, m->private_dirty_kb,
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (m->has_usage)
			pv_num(o, keys[i], v[i]);
		else
			pv_missing(o, keys[i], 0);
}

static void mappings(struct proc_ctx *c, struct pv_out *o,
		     const struct proc_pid *p)
{
	struct proc_map *maps;
	size_t n;
	/* smaps has the per-mapping usage; maps is the fallback (a kernel
	   or fixture without smaps). */
	int e = proc_read_smaps(p, &maps, &n);
	if (e == ENOENT)
		e = proc_read_maps(p, &maps, &n);
	if (e) {
		pv_warn(o, "pid %ld: maps: %s", (long)p->pid, proc_reason(e));
		if (c->status < PROC_EXIT_UNAVAIL)
			c->status = PROC_EXIT_UNAVAIL;
		return;
	}
	pv_section(o, "mappings", false);
	for (size_t i = 0; i < n; i++) {
		const struct proc_map *m = &maps[i];
		pv_row(o, "pid %ld", (long)p->pid);
		pv_pid(c, o, p->pid);
		pv_fmt(o, "start", "%llx", m->start);
		pv_fmt(o, "end", "%llx", m->end);
		pv_num(o, "size_kb", (long long)((m->end - m->start) / 1024));
		usage(o, m);
		pv_str(o, "perms", m->perms);
		pv_fmt(o, "offset", "%llx", m->offset);
		pv_str(o, "kind", map_kind(m));
		pv_str(o, "path", m->path);
	}
	proc_maps_free(maps, n);
}

int proc_cmd_mem(struct proc_ctx *c, int argc, char **argv)
{
	struct proc_target t;
	struct pv_out o;
	if (argc > 1) {
		builtin_error(c->sh, "mem: one TARGET at most");
		return PROC_EXIT_USAGE;
	}
	if (proc_unavailable(c))
		return c->status;
	int r = proc_target_resolve(c, argc ? argv[0] : NULL, &t);
	if (r)
		return r;
	c->multi = t.n > 1;
	pv_init(&o, "mem", c);
	for (size_t i = 0; i < t.n; i++) {
		struct proc_pid p;
		if (proc_open_target(c, &p, t.pids[i]) != 0)
			continue;
		struct proc_stat st;
		const char *gone = proc_read_stat(&p, &st) == 0 ?
			proc_gone_reason(&st) : NULL;
		pv_section(&o, "memory", true);
		summary(&o, &p, gone != NULL, st.pid ? &st : NULL);
		if (gone)
			sb_printf(&o.notes, "pid %ld has no memory to show: "
				  "%s.\n", (long)p.pid, gone);
		if (c->maps)
			mappings(c, &o, &p);
		proc_pid_close(&p);
	}
	sb_append(&o.notes, vsz_note);
	proc_target_free(&t);
	pv_emit(&o);
	return 0;
}
