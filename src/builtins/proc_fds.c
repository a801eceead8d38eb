/* proc_fds.c: `proc fds` — open file descriptors with mode, flags, offset, type, target and pipe peers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/proc_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/vfs.h>
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
	unsigned long long pipe_ino;	/* a pipe or FIFO: its inode */
	bool fifo;			/* a named pipe (mkfifo) */
	unsigned long long sock_ino;	/* a socket: its inode */
};

/* ------------------------------------------------------- classification */

/* statfs(2): the magic number of the mqueue filesystem (linux/magic.h). */
#define MQUEUE_MAGIC_NUM 0x19800202

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
		struct statfs sfs;
		r->type = type_of_mode(&st);
		if (S_ISREG(st.st_mode) && fstatfs(r->fd, &sfs) == 0 &&
		    sfs.f_type == MQUEUE_MAGIC_NUM)
			r->type = "mqueue";
		if (S_ISFIFO(st.st_mode))
			r->pipe_ino = (unsigned long long)st.st_ino;
		if (S_ISSOCK(st.st_mode))
			r->sock_ino = (unsigned long long)st.st_ino;
	}
	char name[32];
	snprintf(name, sizeof name, "fd/%d", r->fd);
	if (p && p->fd >= 0) {
		r->target_err = proc_read_link(p, name, &r->target);
		r->fifo = r->pipe_ino && r->target &&
			  strncmp(r->target, "pipe:", 5) != 0;
		if (r->fifo)
			r->type = "fifo";
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

/* Is fd N of p a POSIX message queue (mq_open)?  Its inode is a regular
   file of the mqueue filesystem: statfs through the fd's magic link. */
bool proc_fd_on_mqueue(const struct proc_pid *p, int fd)
{
	struct statfs sfs;
	struct strbuf path = STRBUF_INIT;
	sb_printf(&path, "%s/%ld/fd/%d", p->root->path, (long)p->pid, fd);
	bool mq = statfs(sb_str(&path), &sfs) == 0 &&
		  sfs.f_type == MQUEUE_MAGIC_NUM;
	sb_free(&path);
	return mq;
}

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
		    fstatat(p->fd, name, &st, 0) == 0) {
			r->type = type_of_mode(&st);
			if (S_ISFIFO(st.st_mode)) {
				r->fifo = true;
				r->pipe_ino = (unsigned long long)st.st_ino;
			}
			if (S_ISREG(st.st_mode) &&
			    proc_fd_on_mqueue(p, r->fd))
				r->type = "mqueue";
		}
		if (!r->type && r->target)
			r->type = r->target[0] == '/' ? "file" : "anon";
		if (!r->fifo)
			r->pipe_ino = proc_link_inode(r->target, "pipe");
		else
			r->type = "fifo";
		r->sock_ino = proc_link_inode(r->target, "socket");
	}
	*n = npf;
	proc_fds_free(pf, npf);
}

/* ------------------------------------------------------------- output */

/* O_PATH (open(2): a handle that can name a file but not read or write
   it; its value on every architecture whelk builds for but alpha, parisc
   and sparc).  Defined here: <fcntl.h> shows it only with _GNU_SOURCE. */
#define PROC_O_PATH 010000000u

static const char *mode_of(unsigned flags)
{
	if (flags & PROC_O_PATH)
		return "path";
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
	return r->pos >= 0 && r->type && !(r->flags & PROC_O_PATH) &&
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
 * fd/ directory once, then look the inode up.  A FIFO (mkfifo) is the
 * same object with a name: its fds read as the path, so those are
 * matched by path, then checked by inode.
 */
struct peer {
	unsigned long long ino;	/* a pipe's, or 0 */
	unsigned long long sock;	/* a socket's inode, or 0 */
	char *path;		/* owned, may be NULL: a path target */
	pid_t pid;
	int fd;
	char comm[64];
	unsigned flags;
	bool have_flags;
};

/* A connected Unix socket and its peer's inode (sock_diag). */
struct unix_pair {
	unsigned long long ino;
	uint32_t peer;
};

/* The socket tables of the root's net/ (the reader's network namespace),
   read once when a socket row needs them. */
static const char *const net_tables[] = { "tcp", "tcp6", "udp", "udp6",
					  "unix" };
#define NNET (sizeof net_tables / sizeof net_tables[0])

struct peer_index {
	struct peer *v;		/* owned */
	size_t n;
	size_t hidden;		/* processes whose fds we may not read */
	bool built;
	char *net[NNET];	/* owned, NULL until read (or unreadable) */
	bool net_read;
	struct unix_pair *unix_peers;	/* owned: sock_diag's answer */
	size_t nunix;
	bool unix_read;
};

static void index_free(struct peer_index *ix)
{
	for (size_t i = 0; i < ix->n; i++)
		free(ix->v[i].path);
	free(ix->v);
	for (size_t i = 0; i < NNET; i++)
		free(ix->net[i]);
	free(ix->unix_peers);
}

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
	int err = proc_read_stat(&p, &st);
	if (!err)
		err = proc_read_fds(&p, skip, self ? 2 : 0, &pf, &n);
	if (err == EACCES || err == EPERM)
		ix->hidden++;
	if (!err) {
		bool denied = false;
		for (size_t i = 0; i < n; i++) {
			unsigned long long ino =
				proc_link_inode(pf[i].target, "pipe");
			unsigned long long sock =
				proc_link_inode(pf[i].target, "socket");
			denied |= pf[i].link_err == EACCES ||
				  pf[i].link_err == EPERM;
			if (!ino && !sock &&
			    !(pf[i].target && pf[i].target[0] == '/'))
				continue;
			ix->v = xreallocarray(ix->v, ix->n + 1, sizeof *ix->v);
			struct peer *e = &ix->v[ix->n++];
			e->ino = ino;
			e->sock = sock;
			e->path = ino || sock ? NULL : xstrdup(pf[i].target);
			e->pid = st.pid;
			e->fd = pf[i].fd;
			snprintf(e->comm, sizeof e->comm, "%s", st.comm);
			e->flags = pf[i].flags;
			e->have_flags = pf[i].info_err == 0;
		}
		ix->hidden += denied;
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

/* ---------------------------------------------------------- socket ends */

/* /proc/net/tcp's "st" column (include/net/tcp_states.h). */
static const char *const tcp_states[] = {
	"", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
	"TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING",
};

/* "0100007F:0016": the address as the kernel prints it (each 32-bit word
   of the network-order address read as a native integer, in hex; IPv6
   has four words) and the port, into "127.0.0.1:22" / "[::1]:22". */
static void inet_endpoint(struct strbuf *sb, const char *hex, unsigned port)
{
	unsigned char a[16];
	char txt[INET6_ADDRSTRLEN], word[9];
	size_t words = strlen(hex) / 8;
	if (words != 1 && words != 4) {
		sb_printf(sb, "?:%u", port);
		return;
	}
	for (size_t k = 0; k < words; k++) {
		memcpy(word, hex + 8 * k, 8);
		word[8] = '\0';
		uint32_t w = (uint32_t)strtoul(word, NULL, 16);
		memcpy(a + 4 * k, &w, 4);
	}
	inet_ntop(words == 1 ? AF_INET : AF_INET6, a, txt, sizeof txt);
	sb_printf(sb, words == 1 ? "%s:%u" : "[%s]:%u", txt, port);
}

/* A tcp/udp table line for inode ino: "tcp 127.0.0.1:22 -> ...". */
static bool inet_line(struct strbuf *sb, const char *proto, const char *line,
		      unsigned long long ino)
{
	char la[40], ra[40];
	unsigned lp, rp, st;
	unsigned long long inode;
	if (sscanf(line, " %*s %39[0-9A-Fa-f]:%x %39[0-9A-Fa-f]:%x %x %*s %*s "
		   "%*s %*s %*s %llu", la, &lp, ra, &rp, &st, &inode) != 6 ||
	    inode != ino)
		return false;
	sb_printf(sb, "%.3s ", proto);
	inet_endpoint(sb, la, lp);
	if (rp != 0) {
		sb_append(sb, " -> ");
		inet_endpoint(sb, ra, rp);
	}
	if (proto[0] == 't' && st < sizeof tcp_states / sizeof *tcp_states)
		sb_printf(sb, " %s", tcp_states[st]);
	return true;
}

/* A unix table line: "Num RefCount Protocol Flags Type St Inode Path". */
static bool unix_line(struct strbuf *sb, const char *line,
		      unsigned long long ino)
{
	unsigned type;
	unsigned long long inode;
	int used = 0;
	if (sscanf(line, "%*s %*s %*s %*s %x %*s %llu%n", &type, &inode,
		   &used) != 2 || inode != ino)
		return false;
	const char *path = line + used;
	while (*path == ' ')
		path++;
	size_t plen = strcspn(path, "\n");
	sb_printf(sb, "unix %s ", type == 1 ? "stream" : type == 2 ? "dgram" :
		  type == 5 ? "seqpacket" : "?");
	if (plen)
		sb_appendn(sb, path, plen);
	else
		sb_append(sb, "(unnamed)");
	return true;
}

/*
 * The other end of a connected Unix socket is not in /proc/net/unix; the
 * kernel tells it through sock_diag (the netlink interface ss(8) uses):
 * one dump request, one message per socket with its UNIX_DIAG_PEER.
 */
static void read_unix_peers(struct peer_index *ix)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req r;
	} req;
	char buf[8192];
	ix->unix_read = true;
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC,
			NETLINK_SOCK_DIAG);
	if (fd < 0)
		return;
	memset(&req, 0, sizeof req);
	req.nlh.nlmsg_len = sizeof req;
	req.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.r.sdiag_family = AF_UNIX;
	req.r.udiag_states = ~0u;
	req.r.udiag_show = UDIAG_SHOW_PEER;
	if (send(fd, &req, sizeof req, 0) < 0) {
		close(fd);
		return;
	}
	for (bool done = false; !done;) {
		ssize_t len = recv(fd, buf, sizeof buf, 0);
		if (len <= 0)
			break;
		struct nlmsghdr *h = (struct nlmsghdr *)(void *)buf;
		for (; NLMSG_OK(h, (size_t)len); h = NLMSG_NEXT(h, len)) {
			if (h->nlmsg_type == NLMSG_DONE ||
			    h->nlmsg_type == NLMSG_ERROR) {
				done = true;
				break;
			}
			struct unix_diag_msg *m = NLMSG_DATA(h);
			struct rtattr *a = (struct rtattr *)(m + 1);
			int alen = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof *m));
			for (; RTA_OK(a, alen); a = RTA_NEXT(a, alen)) {
				if (a->rta_type != UNIX_DIAG_PEER)
					continue;
				ix->unix_peers = xreallocarray(ix->unix_peers,
					ix->nunix + 1, sizeof *ix->unix_peers);
				ix->unix_peers[ix->nunix].ino = m->udiag_ino;
				memcpy(&ix->unix_peers[ix->nunix].peer,
				       RTA_DATA(a), sizeof(uint32_t));
				ix->nunix++;
			}
		}
	}
	close(fd);
}

/* " -> 1234 sleep fd 4": the process holding the other end of a
   connected Unix socket. */
static void unix_peer(struct proc_ctx *c, struct peer_index *ix,
		      struct strbuf *sb, unsigned long long ino)
{
	if (c->root.fixture)
		return;
	if (!ix->unix_read)
		read_unix_peers(ix);
	if (!ix->built)
		index_build(c, ix);
	for (size_t i = 0; i < ix->nunix; i++) {
		if (ix->unix_peers[i].ino != ino)
			continue;
		bool any = false;
		for (size_t k = 0; k < ix->n; k++) {
			const struct peer *e = &ix->v[k];
			if (e->sock != ix->unix_peers[i].peer)
				continue;
			sb_printf(sb, "%s%ld %s fd %d", any ? ", " : " -> ",
				  (long)e->pid, e->comm, e->fd);
			any = true;
		}
		if (!any)
			sb_printf(sb, " -> socket:[%lu]%s",
				  (unsigned long)ix->unix_peers[i].peer,
				  ix->hidden ? " (holder not visible)" : "");
	}
}

/* What a socket is connected to, from the net/ tables. */
static char *socket_peer(struct proc_ctx *c, struct peer_index *ix,
			 unsigned long long ino)
{
	struct strbuf sb = STRBUF_INIT;
	if (!ix->net_read)
		for (size_t i = 0; i < NNET; i++) {
			char name[16];
			snprintf(name, sizeof name, "net/%s", net_tables[i]);
			if (proc_read_root_file(&c->root, name, &ix->net[i],
						NULL) != 0)
				ix->net[i] = NULL;
		}
	ix->net_read = true;
	for (size_t i = 0; i < NNET && sb.len == 0; i++) {
		const char *line = ix->net[i];
		while (line && *line && sb.len == 0) {
			if (i == NNET - 1) {
				if (unix_line(&sb, line, ino))
					unix_peer(c, ix, &sb, ino);
			} else
				inet_line(&sb, net_tables[i], line, ino);
			line = strchr(line, '\n');
			line = line ? line + 1 : NULL;
		}
	}
	if (sb.len == 0)
		sb_append(&sb, "(not in net/: another network namespace?)");
	return sb_finish(&sb);
}

/* Is the path entry e the FIFO with inode ino?  Same path, and (on a
   real /proc) the same inode behind the fd. */
static bool same_fifo(const struct proc_ctx *c, const struct peer *e,
		      const char *path, unsigned long long ino)
{
	char name[64];
	struct stat st;
	if (!e->path || !path || strcmp(e->path, path) != 0)
		return false;
	if (c->root.fixture)
		return true;
	snprintf(name, sizeof name, "%ld/fd/%d", (long)e->pid, e->fd);
	return fstatat(c->root.fd, name, &st, 0) == 0 &&
	       S_ISFIFO(st.st_mode) && (unsigned long long)st.st_ino == ino;
}

/* "1002 cat fd 0 (r)" for every other holder of the pipe or FIFO r,
   comma-separated. */
static char *pipe_peers(struct proc_ctx *c, struct peer_index *ix, pid_t pid,
			const struct fdrow *r)
{
	struct strbuf sb = STRBUF_INIT;
	if (!ix->built)
		index_build(c, ix);
	for (size_t i = 0; i < ix->n; i++) {
		const struct peer *e = &ix->v[i];
		bool same = r->fifo ? same_fifo(c, e, r->target, r->pipe_ino)
			: e->ino == r->pipe_ino;
		if (!same || (e->pid == pid && e->fd == r->fd))
			continue;
		sb_printf(&sb, "%s%ld %s fd %d", sb.len ? ", " : "",
			  (long)e->pid, e->comm, e->fd);
		if (e->have_flags)
			sb_printf(&sb, " (%s)", mode_of(e->flags));
	}
	/* Nothing found, but some fd tables were closed to us: the other
	   end may well be there. */
	if (sb.len == 0)
		sb_append(&sb, ix->hidden ? "other end not visible (permission)"
			  : "(no other end open)");
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
			peer = pipe_peers(c, ix, pid, &rows[i]);
		else if (c->peers && rows[i].sock_ino)
			peer = socket_peer(c, ix, rows[i].sock_ino);
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
	struct peer_index ix;
	memset(&ix, 0, sizeof ix);
	if (argc > 1) {
		builtin_error(c->sh, "fds: one TARGET at most");
		return PROC_EXIT_USAGE;
	}
	int r = proc_target_resolve(c, argc ? argv[0] : NULL, &t);
	if (r)
		return r;
	c->multi = t.n > 1;
	pv_init(&o, "fds", c);
	pv_section(&o, "fds", false);
	bool unavailable = proc_unavailable(c);
	if (unavailable)
		c->peers = false;
	for (size_t i = 0; i < t.n; i++)
		if (!unavailable || t.pids[i] == PROC_SELF)
			fds_of(c, &o, &ix, t.pids[i]);
		else
			proc_target_unavailable(c, t.pids[i]);
	index_free(&ix);
	proc_target_free(&t);
	pv_emit(&o);
	return 0;
}
