/* fdutil.c: file-descriptor helpers (see fdutil.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "base/fdutil.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strbuf.h"

/* The registered variables: few (a handful plus two per active
   redirection), so plain arrays searched from the end.  The first 16 fit
   in a static array: no malloc at startup, and the struct, being
   initialised, sits in a data page the loader has already written (a
   zero page read and then written costs two page faults). */
static int *owned_first[16];
static struct {
	int **v;
	size_t n, cap;
} own = { owned_first, 0, sizeof owned_first / sizeof *owned_first };
static volatile sig_atomic_t *owned_atomic[2];
static size_t nowned_atomic;

void fd_own(int *slot)
{
	if (own.n == own.cap) {
		own.cap *= 2;
		if (own.v == owned_first) {
			own.v = xreallocarray(NULL, own.cap, sizeof *own.v);
			memcpy(own.v, owned_first, sizeof owned_first);
		} else {
			own.v = xreallocarray(own.v, own.cap, sizeof *own.v);
		}
	}
	own.v[own.n++] = slot;
}

void fd_disown(int *slot)
{
	for (size_t i = own.n; i-- > 0;)
		if (own.v[i] == slot) {
			own.v[i] = own.v[--own.n];
			return;
		}
}

void fd_own_atomic(volatile sig_atomic_t *slot)
{
	if (nowned_atomic < sizeof owned_atomic / sizeof *owned_atomic)
		owned_atomic[nowned_atomic++] = slot;
}

void fd_disown_atomic(volatile sig_atomic_t *slot)
{
	for (size_t i = nowned_atomic; i-- > 0;)
		if (owned_atomic[i] == slot) {
			owned_atomic[i] = owned_atomic[--nowned_atomic];
			return;
		}
}

int fd_evict(int fd)
{
	if (fd < FD_SHELL_MIN)
		return 0;	/* the shell keeps nothing below 10 */
	int moved = -1;
	for (size_t i = 0; i < own.n + nowned_atomic; i++) {
		bool atomic = i >= own.n;
		int cur = atomic ? *owned_atomic[i - own.n] : *own.v[i];
		if (cur != fd)
			continue;
		if (moved < 0 && (moved = fd_dup_high(fd)) < 0)
			return -1;
		if (atomic)
			*owned_atomic[i - own.n] = moved;
		else
			*own.v[i] = moved;
	}
	if (moved >= 0)
		close(fd);
	return 0;
}

int fd_dup_high(int fd)
{
	return fcntl(fd, F_DUPFD_CLOEXEC, FD_SHELL_MIN);
}

int fd_move_high(int fd)
{
	int nfd = fd_dup_high(fd);
	if (nfd < 0)
		return -1;
	close(fd);
	return nfd;
}

int fd_set_cloexec(int fd, bool on)
{
	int fl = fcntl(fd, F_GETFD);
	if (fl < 0)
		return -1;
	fl = on ? (fl | FD_CLOEXEC) : (fl & ~FD_CLOEXEC);
	return fcntl(fd, F_SETFD, fl);
}

ssize_t fd_read(int fd, void *buf, size_t n)
{
	ssize_t r;
	do
		r = read(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

ssize_t fd_write(int fd, const void *buf, size_t n)
{
	ssize_t r;
	do
		r = write(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

int fd_dup2(int from, int to)
{
	int r;
	do
		r = dup2(from, to);
	while (r < 0 && errno == EINTR);
	return r;
}

int fd_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

bool fd_is_open(int fd)
{
	return fcntl(fd, F_GETFD) >= 0;
}

char *fd_read_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	ssize_t n;
	while ((n = fd_read(fd, buf, sizeof buf)) > 0)
		sb_appendn(&sb, buf, (size_t)n);
	int saved = errno;
	close(fd);
	if (n < 0) {
		sb_free(&sb);
		errno = saved;
		return NULL;
	}
	return sb_finish(&sb);
}
