/* proc_ipc.c: `proc ipc` — System V and POSIX IPC objects, and the processes that have each attached or open. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "exec/shell.h"

/*
 * Processes on one machine share data through kernel objects that outlive
 * any one of them:
 *   System V (shmget, msgget, semget): numbered objects listed in
 *     /proc/sysvipc/{shm,msg,sem}; an attached segment shows in the
 *     attacher's maps as "/SYSV<key>" with the shmid as its inode;
 *   POSIX (shm_open, mq_open): named objects, files of the tmpfs at
 *     /dev/shm and of the mqueue filesystem at /dev/mqueue; a process
 *     holding one has an fd to it or (shm) a mapping of it.
 * Pipes, FIFOs and sockets are per-process fds: `proc fds -p` shows
 * their ends.
 */

/* One process's hold on an object: a mapping (fd -1) or an fd. */
struct holder {
	unsigned long long shmid;	/* System V segment, or 0 */
	char *path;			/* owned: /dev/shm/... or the fd's
					   target, or NULL */
	pid_t pid;
	int fd;
	char comm[64];
};

struct holders {
	struct holder *v;	/* owned */
	size_t n;
};

static void hold(struct holders *h, const struct proc_stat *st,
		 unsigned long long shmid, const char *path, int fd)
{
	h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	struct holder *e = &h->v[h->n++];
	e->shmid = shmid;
	e->path = path ? xstrdup(path) : NULL;
	e->pid = st->pid;
	e->fd = fd;
	snprintf(e->comm, sizeof e->comm, "%s", st->comm);
}

/* The maps and fds of one process that name IPC objects. */
static void scan_pid(struct proc_ctx *c, struct holders *h, pid_t pid)
{
	struct proc_pid p;
	struct proc_stat st;
	struct proc_map *maps;
	struct proc_fd *fds;
	size_t n;
	if (proc_pid_open(&p, &c->root, pid) != 0)
		return;
	if (proc_read_stat(&p, &st) != 0) {
		proc_pid_close(&p);
		return;
	}
	if (proc_read_maps(&p, &maps, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			if (strncmp(maps[i].path, "/SYSV", 5) == 0)
				hold(h, &st, maps[i].inode, NULL, -1);
			else if (strncmp(maps[i].path, "/dev/shm/", 9) == 0)
				hold(h, &st, 0, maps[i].path, -1);
		}
		proc_maps_free(maps, n);
	}
	int skip[2] = { c->root.fd, p.fd };
	bool self = !c->root.fixture && p.pid == getpid();
	if (proc_read_fds(&p, skip, self ? 2 : 0, &fds, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			const char *t = fds[i].target;
			if (t && (strncmp(t, "/dev/shm/", 9) == 0 ||
				  strncmp(t, "/dev/mqueue/", 12) == 0 ||
				  (t[0] == '/' && !strchr(t + 1, '/') &&
				   proc_fd_on_mqueue(&p, fds[i].fd))))
				hold(h, &st, 0, t, fds[i].fd);
		}
		proc_fds_free(fds, n);
	}
	proc_pid_close(&p);
}

static void scan_all(struct proc_ctx *c, struct holders *h)
{
	pid_t *pids;
	size_t n;
	if (proc_list_pids(&c->root, &pids, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++)
		scan_pid(c, h, pids[i]);
	free(pids);
}

/* A map path may end in " (deleted)" (shm_unlink while still mapped). */
static bool same_object(const char *held, const char *path)
{
	size_t k = strlen(path);
	return strncmp(held, path, k) == 0 &&
	       (held[k] == '\0' || strcmp(held + k, " (deleted)") == 0);
}

/* "500 whelk (mapped), 501 cat fd 3": who holds the object. */
static void add_users(struct pv_out *o, const struct holders *h,
		      unsigned long long shmid, const char *path,
		      const char *mq_name)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < h->n; i++) {
		const struct holder *e = &h->v[i];
		bool match = shmid ? e->shmid == shmid :
			e->path && ((path && same_object(e->path, path)) ||
				    (mq_name && strcmp(e->path, mq_name) == 0));
		if (!match)
			continue;
		sb_printf(&sb, "%s%ld %s ", sb.len ? ", " : "", (long)e->pid,
			  e->comm);
		if (e->fd < 0)
			sb_append(&sb, "(mapped)");
		else
			sb_printf(&sb, "fd %d", e->fd);
	}
	if (sb.len)
		pv_str(o, "users", sb_str(&sb));
	else
		pv_missing(o, "users", 0);
	sb_free(&sb);
}

static void kv_str(struct pv_out *o, const char *key,
		   const struct proc_kv *kv, const char *col)
{
	const char *v = proc_kv_get(kv, col);
	if (v)
		pv_str(o, key, v);
	else
		pv_missing(o, key, 0);
}

static void kv_num(struct pv_out *o, const char *key,
		   const struct proc_kv *kv, const char *col)
{
	long long v;
	if (proc_kv_num(kv, col, &v))
		pv_num(o, key, v);
	else
		pv_missing(o, key, 0);
}

/* One System V table: shm (size, attached), msg (bytes, messages), sem
   (semaphores). */
static void sysv_rows(struct proc_ctx *c, struct pv_out *o,
		      const struct holders *h, const char *which)
{
	struct proc_kv *rows;
	size_t n;
	bool shm = strcmp(which, "shm") == 0, msg = strcmp(which, "msg") == 0;
	if (proc_read_sysvipc(&c->root, which, &rows, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		const struct proc_kv *kv = &rows[i];
		long long id = 0, key = 0;
		const char *idcol = shm ? "shmid" : msg ? "msqid" : "semid";
		proc_kv_num(kv, idcol, &id);
		proc_kv_num(kv, "key", &key);
		pv_row(o, "sysv-%s %lld", which, id);
		pv_fmt(o, "kind", "sysv-%s", which);
		pv_fmt(o, "id", "%lld", id);
		pv_fmt(o, "key", "0x%08x", (unsigned)key);
		kv_str(o, "perms", kv, "perms");
		kv_num(o, "uid", kv, "uid");
		kv_num(o, "size", kv, shm ? "size" : msg ? "cbytes" : "nsems");
		kv_num(o, "count", kv, shm ? "nattch" : msg ? "qnum" : "nsems");
		if (shm)
			pv_fmt(o, "pids", "creator %s, last %s",
			       proc_kv_get(kv, "cpid") ? proc_kv_get(kv, "cpid")
			       : "-", proc_kv_get(kv, "lpid") ?
			       proc_kv_get(kv, "lpid") : "-");
		else if (msg)
			pv_fmt(o, "pids", "last send %s, last receive %s",
			       proc_kv_get(kv, "lspid") ?
			       proc_kv_get(kv, "lspid") : "-",
			       proc_kv_get(kv, "lrpid") ?
			       proc_kv_get(kv, "lrpid") : "-");
		else
			pv_missing(o, "pids", 0);
		if (shm)
			add_users(o, h, (unsigned long long)id, NULL, NULL);
		else
			pv_missing(o, "users", 0);
	}
	proc_columns_free(rows, n);
}

/* The POSIX objects: the files of /dev/shm or /dev/mqueue. */
static void posix_rows(struct pv_out *o, const struct holders *h,
		       const char *dir, const char *kind)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		struct strbuf path = STRBUF_INIT, name = STRBUF_INIT;
		struct stat st;
		sb_printf(&path, "%s/%s", dir, de->d_name);
		if (stat(sb_str(&path), &st) != 0 || !S_ISREG(st.st_mode)) {
			sb_free(&path);
			continue;
		}
		sb_printf(&name, "/%s", de->d_name);	/* as mq_open names it */
		pv_row(o, "%s", sb_str(&path));
		pv_str(o, "kind", kind);
		pv_str(o, "id", de->d_name);
		pv_missing(o, "key", 0);
		pv_fmt(o, "perms", "%o", (unsigned)(st.st_mode & 07777));
		pv_num(o, "uid", st.st_uid);
		pv_num(o, "size", (long long)st.st_size);
		pv_missing(o, "count", 0);
		pv_missing(o, "pids", 0);
		add_users(o, h, 0, sb_str(&path),
			  strcmp(kind, "posix-mq") == 0 ? sb_str(&name) : NULL);
		sb_free(&path);
		sb_free(&name);
	}
	closedir(d);
}

int proc_cmd_ipc(struct proc_ctx *c, int argc, char **argv)
{
	struct pv_out o;
	struct holders h = { NULL, 0 };
	(void)argv;
	if (argc > 0) {
		builtin_error(c->sh, "ipc: no operands");
		return PROC_EXIT_USAGE;
	}
	if (proc_unavailable(c))
		return c->status;
	pv_init(&o, "ipc", c);
	pv_section(&o, "objects", false);
	scan_all(c, &h);
	sysv_rows(c, &o, &h, "shm");
	sysv_rows(c, &o, &h, "msg");
	sysv_rows(c, &o, &h, "sem");
	/* The POSIX objects live outside /proc: only for the real one. */
	if (!c->root.fixture) {
		posix_rows(&o, &h, "/dev/shm", "posix-shm");
		posix_rows(&o, &h, "/dev/mqueue", "posix-mq");
	}
	if (o.nsec && o.sec[0].n == 0)
		sb_append(&o.notes, "No System V or POSIX IPC objects.\n");
	for (size_t i = 0; i < h.n; i++)
		free(h.v[i].path);
	free(h.v);
	pv_emit(&o);
	return 0;
}
