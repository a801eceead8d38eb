/* proc_fds.c: `proc fds` — open file descriptors with mode, flags, offset, type, target and pipe peers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "base/alloc.h"
#include "exec/shell.h"
#include "base/fdutil.h"
#include "base/strbuf.h"

/*
 * A file descriptor is an index into the process's table of open file
 * descriptions.  Two things hang off it:
 *   - per-descriptor: the close-on-exec flag (fcntl F_GETFD);
 *   - per-description (shared after dup or fork): the access mode, O_APPEND,
 *     O_NONBLOCK and the offset (fcntl F_GETFL, lseek).
 * /proc/PID/fd/N is a "magic" symlink to what the fd refers to and
 * /proc/PID/fdinfo/N shows pos and flags (octal, close-on-exec reported as
 * O_CLOEXEC).  For the shell itself we ask the system calls directly, which
 * also works without /proc.
 */

struct fdrow {
	int fd;
	unsigned flags;		/* O_* access mode and status flags */
	bool cloexec;
	bool have_flags;
	int flags_err;
	long long pos;		/* -1: not seekable */
	char *target;		/* owned, may be NULL */
	int target_err;
	const char *type;	/* file pipe socket tty dir anon chr ... */
	unsigned long long pipe_ino;
};

/* ------------------------------------------------------- classification */

static bool tty_major(unsigned maj)
{
	return (maj >= 136 && maj <= 143) || maj == 4 || maj == 5;
}

/* Type from the link text: "pipe:[123]", "socket:[9]", "anon_inode:[...]". */
static const char *type_of_target(const char *t)
{
	if (!t)
		return NULL;
	if (strncmp(t, "pipe:", 5) == 0)
		return "pipe";
	if (strncmp(t, "socket:", 7) == 0)
		return "socket";
	if (strncmp(t, "anon_inode:", 11) == 0)
		return "anon";
	if (strncmp(t, "/dev/pts/", 9) == 0 || strncmp(t, "/dev/tty", 8) == 0 ||
	    strcmp(t, "/dev/console") == 0)
		return "tty";
	return NULL;
}

static const char *type_of_mode(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return "file";
	if (S_ISDIR(st->st_mode))
		return "dir";
	if (S_ISFIFO(st->st_mode))
		return "pipe";
	if (S_ISSOCK(st->st_mode))
		return "socket";
	if (S_ISCHR(st->st_mode))
		return tty_major(major(st->st_rdev)) ? "tty" : "chr";
	if (S_ISBLK(st->st_mode))
		return "blk";
	return "anon";
}

/* ------------------------------------------------------- the shell's own */

/* fcntl/lseek/fstat: works with or without /proc. */
static void probe_self(struct fdrow *r, const struct proc_pid *p)
{
	struct stat st;
	int fdfl = fcntl(r->fd, F_GETFD);
	int fl = fcntl(r->fd, F_GETFL);
	r->have_flags = fdfl >= 0 && fl >= 0;
	r->cloexec = fdfl >= 0 && (fdfl & FD_CLOEXEC);
	r->flags = fl >= 0 ? (unsigned)fl : 0;
	r->pos = lseek(r->fd, 0, SEEK_CUR);	/* -1/ESPIPE: pipe, tty... */
	if (fstat(r->fd, &st) == 0) {
		r->type = type_of_mode(&st);
		if (S_ISFIFO(st.st_mode))
			r->pipe_ino = (unsigned long long)st.st_ino;
	}
	char name[32];
	snprintf(name, sizeof name, "fd/%d", r->fd);
	if (p && p->fd >= 0) {
		r->target_err = proc_read_link(p, name, &r->target);
	} else if (r->type && strcmp(r->type, "pipe") == 0) {
		/* pipefs inode numbers are what /proc shows in pipe:[N]. */
		struct strbuf sb = STRBUF_INIT;
		sb_printf(&sb, "pipe:[%llu]", r->pipe_ino);
		r->target = sb_finish(&sb);
	} else if (r->type && strcmp(r->type, "tty") == 0) {
		char buf[256];
		if (ttyname_r(r->fd, buf, sizeof buf) == 0)
			r->target = xstrdup(buf);
	}
}

/* The fds this very builtin holds open while it looks: not the shell's. */
static void own_fds(const struct proc_ctx *c, const struct proc_pid *p,
		    int skip[2])
{
	skip[0] = c->root.fd;
	skip[1] = p ? p->fd : -1;
}

static void self_rows(struct proc_ctx *c, const struct proc_pid *p,
		      struct fdrow **rows, size_t *n)
{
	int skip[2];
	own_fds(c, p, skip);
	int limit = 1024;
	struct rlimit rl;
	if (p == NULL && getrlimit(RLIMIT_NOFILE, &rl) == 0)
		limit = rl.rlim_cur > 65536 ? 65536 : (int)rl.rlim_cur;
	struct proc_fd *pf = NULL;
	size_t npf = 0;
	/* With /proc, the fd/ directory lists exactly the open fds; without
	   it, ask fcntl about every number below the limit. */
	if (p && proc_read_fds(p, skip, 2, &pf, &npf) != 0)
		p = NULL;
	size_t count = p ? npf : (size_t)limit;
	*rows = xcalloc(count ? count : 1, sizeof **rows);
	*n = 0;
	for (size_t i = 0; i < count; i++) {
		int fd = p ? pf[i].fd : (int)i;
		if (!p && (!fd_is_open(fd) || fd == skip[0]))
			continue;
		struct fdrow *r = &(*rows)[(*n)++];
		r->fd = fd;
		probe_self(r, p);
	}
	proc_fds_free(pf, npf);
}

/* ------------------------------------------------------ other processes */

static void other_rows(const struct proc_pid *p, struct fdrow **rows,
		       size_t *n, int *err)
{
	struct proc_fd *pf;
	size_t npf;
	*rows = NULL;
	*n = 0;
	*err = proc_read_fds(p, NULL, 0, &pf, &npf);
	if (*err)
		return;
	*rows = xcalloc(npf ? npf : 1, sizeof **rows);
	for (size_t i = 0; i < npf; i++) {
		struct fdrow *r = &(*rows)[i];
		struct stat st;
		char name[32];
		r->fd = pf[i].fd;
		r->target = pf[i].target;
		pf[i].target = NULL;
		r->target_err = pf[i].link_err;
		r->have_flags = pf[i].info_err == 0;
		r->flags_err = pf[i].info_err;
		r->flags = pf[i].flags;
		r->cloexec = (pf[i].flags & O_CLOEXEC) != 0;
		r->pos = r->have_flags ? pf[i].pos : -1;
		r->type = type_of_target(r->target);
		snprintf(name, sizeof name, "fd/%d", r->fd);
		if (!r->type && !p->root->fixture &&
		    fstatat(p->fd, name, &st, 0) == 0)
			r->type = type_of_mode(&st);
		if (!r->type && r->target)
			r->type = r->target[0] == '/' ? "file" : "anon";
		r->pipe_ino = proc_link_inode(r->target, "pipe");
	}
	*n = npf;
	proc_fds_free(pf, npf);
}

/* ------------------------------------------------------------- output */

static const char *mode_of(unsigned flags)
{
	switch (flags & O_ACCMODE) {
	case O_RDONLY: return "r";
	case O_WRONLY: return "w";
	default: return "rw";
	}
}

static void add_flags(struct pv_out *o, const struct fdrow *r)
{
	struct strbuf sb = STRBUF_INIT;
	if (r->cloexec)
		sb_append(&sb, "cloexec");
	if (r->flags & O_APPEND)
		sb_printf(&sb, "%sappend", sb.len ? "," : "");
	if (r->flags & O_NONBLOCK)
		sb_printf(&sb, "%snonblock", sb.len ? "," : "");
	if (sb.len == 0 && o->mode == PV_TABLE)
		sb_append(&sb, "-");
	pv_str(o, "flags", sb_str(&sb));
	sb_free(&sb);
}

/* Offsets mean something only for files and directories. */
static bool seekable(const struct fdrow *r)
{
	return r->pos >= 0 && r->type &&
	       (strcmp(r->type, "file") == 0 || strcmp(r->type, "dir") == 0 ||
		strcmp(r->type, "blk") == 0);
}

static void emit_fd(struct proc_ctx *c, struct pv_out *o, pid_t pid,
		    const struct fdrow *r, const char *peer)
{
	pv_row(o, "pid %ld: fd %d", (long)pid, r->fd);
	pv_pid(c, o, pid);
	pv_num(o, "fd", r->fd);
	if (r->have_flags) {
		pv_str(o, "mode", mode_of(r->flags));
		add_flags(o, r);
	} else {
		pv_missing(o, "mode", r->flags_err);
		pv_missing(o, "flags", r->flags_err);
	}
	if (seekable(r))
		pv_num(o, "pos", r->pos);
	else
		pv_missing(o, "pos", 0);
	pv_str(o, "type", r->type);
	if (r->target)
		pv_str(o, "target", r->target);
	else
		pv_missing(o, "target", r->target_err);
	if (c->peers)
		pv_str(o, "peer", peer);
}

/* The shell's internal fds: >= 10 (XCU 2.7 leaves 0-9 to the user) and
   close-on-exec, so no child ever sees them. */
static bool internal_fd(const struct fdrow *r)
{
	return r->fd >= 10 && r->cloexec;
}

/* ------------------------------------------------------------ pipe peers */

/*
 * A pipe is one kernel object with two ends; each end is an open file
 * description that any number of fds (in any processes: fork copies them)
 * may refer to.  /proc/PID/fd/N of every one of them reads "pipe:[INO]"
 * with the same inode.  To name the other end we index every readable
 * fd/ directory once, then look the inode up.
 */
struct peer {
	unsigned long long ino;
	pid_t pid;
	int fd;
	char comm[64];
	unsigned flags;
	bool have_flags;
};

struct peer_index {
	struct peer *v;		/* owned */
	size_t n;
	bool built;
};

static void index_pid(struct proc_ctx *c, struct peer_index *ix, pid_t pid)
{
	struct proc_pid p;
	struct proc_fd *pf;
	size_t n;
	struct proc_stat st;
	if (proc_pid_open(&p, &c->root, pid) != 0)
		return;
	int skip[2] = { c->root.fd, p.fd };
	bool self = !c->root.fixture && p.pid == getpid();
	if (proc_read_stat(&p, &st) == 0 &&
	    proc_read_fds(&p, skip, self ? 2 : 0, &pf, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			unsigned long long ino =
				proc_link_inode(pf[i].target, "pipe");
			if (!ino)
				continue;
			ix->v = xreallocarray(ix->v, ix->n + 1, sizeof *ix->v);
			struct peer *e = &ix->v[ix->n++];
			e->ino = ino;
			e->pid = st.pid;
			e->fd = pf[i].fd;
			snprintf(e->comm, sizeof e->comm, "%s", st.comm);
			e->flags = pf[i].flags;
			e->have_flags = pf[i].info_err == 0;
		}
		proc_fds_free(pf, n);
	}
	proc_pid_close(&p);
}

static void index_build(struct proc_ctx *c, struct peer_index *ix)
{
	pid_t *pids;
	size_t n;
	ix->built = true;
	if (proc_list_pids(&c->root, &pids, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++)
		index_pid(c, ix, pids[i]);
	free(pids);
}

/* "1002 cat fd 0 (r)" for every other holder of the pipe, comma-separated. */
static char *pipe_peers(struct proc_ctx *c, struct peer_index *ix, pid_t pid,
			int fd, unsigned long long ino)
{
	struct strbuf sb = STRBUF_INIT;
	if (!ix->built)
		index_build(c, ix);
	for (size_t i = 0; i < ix->n; i++) {
		const struct peer *e = &ix->v[i];
		if (e->ino != ino || (e->pid == pid && e->fd == fd))
			continue;
		sb_printf(&sb, "%s%ld %s fd %d", sb.len ? ", " : "",
			  (long)e->pid, e->comm, e->fd);
		if (e->have_flags)
			sb_printf(&sb, " (%s)", mode_of(e->flags));
	}
	if (sb.len == 0)
		sb_append(&sb, "(no other end open)");
	return sb_finish(&sb);
}

static void free_rows(struct fdrow *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].target);
	free(rows);
}

static void emit_rows(struct proc_ctx *c, struct pv_out *o,
		      struct peer_index *ix, pid_t pid, bool self,
		      struct fdrow *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *peer = NULL;
		if (self && !c->all && internal_fd(&rows[i]))
			continue;
		if (c->peers && rows[i].pipe_ino)
			peer = pipe_peers(c, ix, pid, rows[i].fd,
					  rows[i].pipe_ino);
		emit_fd(c, o, pid, &rows[i], peer);
		free(peer);
	}
	free_rows(rows, n);
}

/* The fd/ directory listed, but not one link could be read: the kernel
   lets anyone list some processes' fds (a set-user-ID program that
   dropped privileges) yet checks each readlink.  One message, not a
   table of '-'. */
static bool all_denied(const struct fdrow *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].target ||
		    (rows[i].target_err != EACCES && rows[i].target_err != EPERM))
			return false;
	return true;
}

/* No fds at all: say why instead of printing nothing. */
static void explain_empty(struct pv_out *o, const struct proc_pid *p)
{
	struct proc_stat st;
	const char *why = proc_read_stat(p, &st) == 0 ?
		proc_gone_reason(&st) : NULL;
	sb_printf(&o->notes, "pid %ld has no open file descriptors%s%s.\n",
		  (long)p->pid, why ? ": " : "", why ? why : "");
}

static void fds_of(struct proc_ctx *c, struct pv_out *o,
		   struct peer_index *ix, pid_t target)
{
	struct proc_pid p;
	struct fdrow *rows;
	size_t n;
	bool real_self = target == PROC_SELF && !c->root.fixture;
	if (target == PROC_SELF && c->root.error) {
		/* No /proc: the system calls still know our own fds. */
		self_rows(c, NULL, &rows, &n);
		emit_rows(c, o, ix, getpid(), true, rows, n);
		return;
	}
	if (proc_open_target(c, &p, target) != 0)
		return;
	if (real_self) {
		self_rows(c, &p, &rows, &n);
	} else {
		int err;
		other_rows(&p, &rows, &n, &err);
		if (!err && n > 0 && all_denied(rows, n)) {
			free_rows(rows, n);
			rows = NULL, n = 0;
			err = EACCES;
		}
		if (err) {
			pv_warn(o, "pid %ld: fds: %s", (long)p.pid,
				proc_reason(err));
			if (c->status < PROC_EXIT_UNAVAIL)
				c->status = PROC_EXIT_UNAVAIL;
		} else if (n == 0) {
			explain_empty(o, &p);
		}
	}
	emit_rows(c, o, ix, p.pid, target == PROC_SELF, rows, n);
	proc_pid_close(&p);
}

int proc_cmd_fds(struct proc_ctx *c, int argc, char **argv)
{
	struct proc_target t;
	struct pv_out o;
	struct peer_index ix = { NULL, 0, false };
	if (argc > 1) {
		builtin_error(c->sh, "fds: one TARGET at most");
		return PROC_EXIT_USAGE;
	}
	int r = proc_target_resolve(c, argc ? argv[0] : NULL, &t);
	if (r)
		return r;
	c->multi = t.n > 1;
	pv_init(&o, "fds", c->mode, c->header);
	pv_section(&o, "fds", false);
	bool unavailable = proc_unavailable(c);
	if (unavailable)
		c->peers = false;
	for (size_t i = 0; i < t.n; i++)
		if (!unavailable || t.pids[i] == PROC_SELF)
			fds_of(c, &o, &ix, t.pids[i]);
		else
			proc_target_unavailable(c, t.pids[i]);
	free(ix.v);
	proc_target_free(&t);
	pv_emit(&o);
	return 0;
}
