/* root.c: opening the /proc root and pid directories, and reading files relative to them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "proc/proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/strbuf.h"

/* statfs(2): the magic number of the proc filesystem (linux/magic.h). */
#define PROC_SUPER_MAGIC_NUM 0x9fa0

int proc_root_open(struct proc_root *root, const char *path)
{
	root->path = xstrdup(path ? path : "/proc");
	root->fixture = path != NULL;
	root->error = 0;
	root->fd = open(root->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root->fd < 0) {
		root->error = errno;
		return root->error;
	}
	if (!root->fixture) {
		/* An unmounted /proc is still a directory — an empty one.
		   Only the filesystem type tells the two apart. */
		struct statfs sfs;
		if (fstatfs(root->fd, &sfs) != 0 ||
		    sfs.f_type != PROC_SUPER_MAGIC_NUM)
			root->error = ENOTSUP;
	} else if (faccessat(root->fd, "self", F_OK, 0) != 0) {
		root->error = ENOTSUP;
	}
	return root->error;
}

void proc_root_close(struct proc_root *root)
{
	if (root->fd >= 0)
		close(root->fd);
	root->fd = -1;
	free(root->path);
	root->path = NULL;
}

/* In a fixture tree, "<name>.hidden" next to the pid says hidepid hides it. */
static bool fixture_hidden(const struct proc_root *root, const char *name)
{
	char marker[64];
	snprintf(marker, sizeof marker, "%s.hidden", name);
	return faccessat(root->fd, marker, F_OK, 0) == 0;
}

/* In a fixture tree, "<name>.thread" says the kernel would not list it. */
static bool fixture_thread(const struct proc_root *root, const char *name)
{
	char marker[300];	/* a d_name has at most 255 bytes */
	snprintf(marker, sizeof marker, "%s.thread", name);
	return faccessat(root->fd, marker, F_OK, 0) == 0;
}

/* ENOENT on the pid directory: gone, or hidden by hidepid=invisible?
   kill(pid, 0) sends nothing but runs the existence and permission checks:
   EPERM means the process exists and belongs to someone else. */
static int missing_pid_reason(const struct proc_root *root, pid_t pid,
			      const char *name)
{
	if (root->fixture)
		return fixture_hidden(root, name) ? EPERM : ENOENT;
	if (pid > 0 && kill(pid, 0) != 0 && errno == EPERM)
		return EPERM;
	return ENOENT;
}

/* The pid a directory belongs to: field 1 of its stat file. */
static pid_t pid_of_dir(int dfd)
{
	char buf[64];
	int fd = openat(dfd, "stat", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t r = fd_read(fd, buf, sizeof buf - 1);
	close(fd);
	if (r <= 0)
		return 0;
	buf[r] = '\0';
	return (pid_t)strtol(buf, NULL, 10);
}

int proc_pid_open(struct proc_pid *p, const struct proc_root *root, pid_t pid)
{
	char name[32];
	p->fd = -1;
	p->pid = pid;
	p->root = root;
	if (root->fd < 0 || root->error)
		return root->error ? root->error : ENOENT;
	if (pid == PROC_SELF)
		snprintf(name, sizeof name, "self");
	else
		snprintf(name, sizeof name, "%ld", (long)pid);
	p->fd = openat(root->fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (p->fd < 0) {
		int e = errno;
		return e == ENOENT ? missing_pid_reason(root, pid, name) : e;
	}
	if (pid == PROC_SELF)
		p->pid = pid_of_dir(p->fd);
	return 0;
}

void proc_pid_close(struct proc_pid *p)
{
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
}

/* Fixture marker "<file>.denied": the kernel would say EACCES. */
static bool fixture_denied(const struct proc_pid *p, const char *name)
{
	char marker[PATH_MAX];
	if (!p->root->fixture)
		return false;
	snprintf(marker, sizeof marker, "%s.denied", name);
	return faccessat(p->fd, marker, F_OK, 0) == 0;
}

/* Read everything from fd.  /proc files report st_size 0, so we read until
   EOF; the kernel generates the text on each read(2). */
static int slurp(int fd, char **text, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	for (;;) {
		ssize_t r = fd_read(fd, buf, sizeof buf);
		if (r < 0) {
			int e = errno;
			sb_free(&sb);
			/* ESRCH: the task died between open and read. */
			return e;
		}
		if (r == 0)
			break;
		sb_appendn(&sb, buf, (size_t)r);
	}
	if (len)
		*len = sb.len;
	*text = sb_finish(&sb);
	return 0;
}

static int read_at(int dfd, const char *name, char **text, size_t *len)
{
	int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	int e = slurp(fd, text, len);
	close(fd);
	return e;
}

int proc_read_file(const struct proc_pid *p, const char *name, char **text,
		   size_t *len)
{
	*text = NULL;
	if (p->fd < 0)
		return ENOENT;
	if (fixture_denied(p, name))
		return EACCES;
	return read_at(p->fd, name, text, len);
}

int proc_read_root_file(const struct proc_root *root, const char *name,
			char **text, size_t *len)
{
	*text = NULL;
	if (root->fd < 0)
		return ENOENT;
	return read_at(root->fd, name, text, len);
}

int proc_read_link(const struct proc_pid *p, const char *name, char **target)
{
	char buf[PATH_MAX + 1];
	*target = NULL;
	if (p->fd < 0)
		return ENOENT;
	if (fixture_denied(p, name))
		return EACCES;
	ssize_t r = readlinkat(p->fd, name, buf, sizeof buf - 1);
	if (r < 0)
		return errno;
	*target = xstrndup(buf, (size_t)r);
	return 0;
}

static int cmp_pid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;
	return (x > y) - (x < y);
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int proc_list_pids(const struct proc_root *root, pid_t **pids, size_t *n)
{
	size_t cap = 256, len = 0;
	*pids = NULL;
	*n = 0;
	if (root->fd < 0 || root->error)
		return root->error ? root->error : ENOENT;
	int fd = openat(root->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return e;
	}
	pid_t *v = xreallocarray(NULL, cap, sizeof *v);
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (!all_digits(de->d_name) ||
		    (root->fixture && fixture_thread(root, de->d_name)))
			continue;
		if (len == cap)
			v = xreallocarray(v, cap *= 2, sizeof *v);
		v[len++] = (pid_t)strtol(de->d_name, NULL, 10);
	}
	closedir(d);
	qsort(v, len, sizeof *v, cmp_pid);
	*pids = v;
	*n = len;
	return 0;
}
