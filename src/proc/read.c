/* read.c: the per-file readers — open a file below a pid directory and hand its text to a parser. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "proc/proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"

int proc_read_stat(const struct proc_pid *p, struct proc_stat *st)
{
	char *text;
	int e = proc_read_file(p, "stat", &text, NULL);
	if (e) {
		memset(st, 0, sizeof *st);
		return e;
	}
	e = proc_parse_stat(text, st);
	free(text);
	return e;
}

int proc_read_kv(const struct proc_pid *p, const char *name,
		 struct proc_kv *kv)
{
	char *text;
	kv->n = 0;
	kv->keys = kv->values = NULL;
	int e = proc_read_file(p, name, &text, NULL);
	if (e)
		return e;
	proc_parse_kv(text, kv);
	free(text);
	return 0;
}

int proc_read_cmdline(const struct proc_pid *p, char ***argv, size_t *argc)
{
	char *text;
	size_t len, n = 0;
	*argv = NULL;
	*argc = 0;
	int e = proc_read_file(p, "cmdline", &text, &len);
	if (e)
		return e;
	/* Each argument ends in a NUL; a process that rewrote its argv
	   (setproctitle) may leave one unterminated string instead. */
	char **v = xreallocarray(NULL, 1, sizeof *v);
	for (size_t i = 0; i < len;) {
		size_t k = strnlen(text + i, len - i);
		v = xreallocarray(v, n + 2, sizeof *v);
		v[n++] = xstrndup(text + i, k);
		i += k + 1;
	}
	v[n] = NULL;
	free(text);
	*argv = v;
	*argc = n;
	return 0;
}

void proc_argv_free(char **argv)
{
	if (!argv)
		return;
	for (char **a = argv; *a; a++)
		free(*a);
	free(argv);
}

int proc_read_line(const struct proc_pid *p, const char *name, char **line)
{
	char *text;
	*line = NULL;
	int e = proc_read_file(p, name, &text, NULL);
	if (e)
		return e;
	text[strcspn(text, "\n")] = '\0';
	*line = text;
	return 0;
}

int proc_read_comm(const struct proc_pid *p, char **comm)
{
	return proc_read_line(p, "comm", comm);
}

int proc_read_int(const struct proc_pid *p, const char *name, long long *out)
{
	char *line, *end;
	int e = proc_read_line(p, name, &line);
	if (e)
		return e;
	*out = strtoll(line, &end, 10);
	e = end == line ? EINVAL : 0;
	free(line);
	return e;
}

int proc_read_cgroup(const struct proc_pid *p, char **path)
{
	char *text;
	*path = NULL;
	int e = proc_read_file(p, "cgroup", &text, NULL);
	if (e)
		return e;
	/* cgroup v2 has one line "0::PATH"; v1 hierarchies come as
	   "N:controllers:PATH" lines.  Prefer the unified one. */
	const char *v2 = strstr(text, "0::");
	if (v2 && (v2 == text || v2[-1] == '\n'))
		v2 += 3;
	else
		v2 = text;
	*path = xstrndup(v2, strcspn(v2, "\n"));
	free(text);
	return 0;
}

/* A directory below the pid directory as a stream (*dfd: its fd, which
   readdir of fd/ itself lists); 0 or an errno. */
static int open_subdir(const struct proc_pid *p, const char *name, DIR **d,
		       int *dfd)
{
	*dfd = openat(p->fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	*d = *dfd < 0 ? NULL : fdopendir(*dfd);
	if (*d)
		return 0;
	int e = errno;
	if (*dfd >= 0)
		close(*dfd);
	return e;
}

int proc_list_tasks(const struct proc_pid *p, pid_t **tids, size_t *n)
{
	*tids = NULL;
	*n = 0;
	if (p->fd < 0)
		return ENOENT;
	int dfd;
	DIR *d;
	int e = open_subdir(p, "task", &d, &dfd);
	if (e)
		return e;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		char *end;
		long tid = strtol(de->d_name, &end, 10);
		if (end == de->d_name || *end || tid <= 0)
			continue;
		*tids = xreallocarray(*tids, *n + 1, sizeof **tids);
		(*tids)[(*n)++] = (pid_t)tid;
	}
	closedir(d);
	/* ascending: the main thread (tid == pid) is the smallest */
	for (size_t i = 1; i < *n; i++)
		for (size_t k = i; k > 0 && (*tids)[k - 1] > (*tids)[k]; k--) {
			pid_t t = (*tids)[k];
			(*tids)[k] = (*tids)[k - 1];
			(*tids)[k - 1] = t;
		}
	return 0;
}

int proc_read_task_stat(const struct proc_pid *p, pid_t tid,
			struct proc_stat *st)
{
	char name[48], *text;
	snprintf(name, sizeof name, "task/%ld/stat", (long)tid);
	int e = proc_read_file(p, name, &text, NULL);
	if (e) {
		memset(st, 0, sizeof *st);
		return e;
	}
	e = proc_parse_stat(text, st);
	free(text);
	return e;
}

int proc_read_tgid(const struct proc_pid *p, pid_t *tgid)
{
	struct proc_kv kv;
	long long v;
	int e = proc_read_kv(p, "status", &kv);
	if (e)
		return e;
	e = proc_kv_num(&kv, "Tgid", &v) ? 0 : EINVAL;
	if (!e)
		*tgid = (pid_t)v;
	proc_kv_free(&kv);
	return e;
}

int proc_read_sysvipc(const struct proc_root *root, const char *which,
		      struct proc_kv **rows, size_t *n)
{
	char name[32], *text;
	*rows = NULL;
	*n = 0;
	snprintf(name, sizeof name, "sysvipc/%s", which);
	int e = proc_read_root_file(root, name, &text, NULL);
	if (e)
		return e;
	e = proc_parse_columns(text, rows, n);
	free(text);
	return e;
}

int proc_boot_time(const struct proc_root *root, long long *btime)
{
	char *text;
	int e = proc_read_root_file(root, "stat", &text, NULL);
	if (e)
		return e;
	const char *b = strstr(text, "\nbtime ");
	e = b ? 0 : EINVAL;
	if (b)
		*btime = strtoll(b + 7, NULL, 10);
	free(text);
	return e;
}

int proc_read_limits(const struct proc_pid *p, struct proc_limit **lims,
		     size_t *n)
{
	char *text;
	*lims = NULL;
	*n = 0;
	int e = proc_read_file(p, "limits", &text, NULL);
	if (e)
		return e;
	e = proc_parse_limits(text, lims, n);
	free(text);
	return e;
}

int proc_read_maps(const struct proc_pid *p, struct proc_map **maps,
		   size_t *n)
{
	char *text;
	*maps = NULL;
	*n = 0;
	int e = proc_read_file(p, "maps", &text, NULL);
	if (e)
		return e;
	for (char *line = text; *line;) {
		char *eol = strchr(line, '\n');
		if (eol)
			*eol = '\0';
		struct proc_map m;
		if (proc_parse_map_line(line, &m) == 0) {
			*maps = xreallocarray(*maps, *n + 1, sizeof **maps);
			(*maps)[(*n)++] = m;
		}
		line = eol ? eol + 1 : line + strlen(line);
	}
	free(text);
	return 0;
}

int proc_read_smaps(const struct proc_pid *p, struct proc_map **maps,
		    size_t *n)
{
	char *text;
	*maps = NULL;
	*n = 0;
	int e = proc_read_file(p, "smaps", &text, NULL);
	if (e)
		return e;
	e = proc_parse_smaps(text, maps, n);
	free(text);
	return e;
}

void proc_maps_free(struct proc_map *maps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(maps[i].path);
	free(maps);
}

/* ----------------------------------------------------------------- fds */

static bool in_list(int fd, const int *skip, size_t nskip)
{
	for (size_t i = 0; i < nskip; i++)
		if (skip[i] == fd)
			return true;
	return false;
}

static int cmp_fd(const void *a, const void *b)
{
	const struct proc_fd *x = a, *y = b;
	return (x->fd > y->fd) - (x->fd < y->fd);
}

/* Fill in one entry: the link (fd/N) and the fdinfo/N text. */
static void read_one_fd(const struct proc_pid *p, struct proc_fd *f)
{
	char name[48], *text;
	snprintf(name, sizeof name, "fd/%d", f->fd);
	f->link_err = proc_read_link(p, name, &f->target);
	snprintf(name, sizeof name, "fdinfo/%d", f->fd);
	f->info_err = proc_read_file(p, name, &text, NULL);
	if (!f->info_err) {
		f->info_err = proc_parse_fdinfo(text, &f->pos, &f->flags);
		free(text);
	}
}

int proc_read_fds(const struct proc_pid *p, const int *skip, size_t nskip,
		  struct proc_fd **fds, size_t *n)
{
	*fds = NULL;
	*n = 0;
	if (p->fd < 0)
		return ENOENT;
	char *probe = NULL;
	if (p->root->fixture && proc_read_link(p, "fd", &probe) == EACCES)
		return EACCES;	/* the fixture's fd.denied marker */
	free(probe);
	/* Listing ourselves, the directory stream's own fd shows up too. */
	bool self = !p->root->fixture && p->pid == getpid();
	int dfd;
	DIR *d;
	int e = open_subdir(p, "fd", &d, &dfd);
	if (e)
		return e;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		char *end;
		long fd = strtol(de->d_name, &end, 10);
		if (end == de->d_name || *end || in_list((int)fd, skip, nskip) ||
		    (self && fd == dfd))
			continue;
		*fds = xreallocarray(*fds, *n + 1, sizeof **fds);
		struct proc_fd *f = &(*fds)[(*n)++];
		memset(f, 0, sizeof *f);
		f->fd = (int)fd;
		read_one_fd(p, f);
	}
	closedir(d);
	if (*n > 1)
		qsort(*fds, *n, sizeof **fds, cmp_fd);
	return 0;
}

void proc_fds_free(struct proc_fd *fds, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(fds[i].target);
	free(fds);
}
