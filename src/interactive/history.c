/* history.c: the history list (a ring of strings) and the history file (see history.h for the format). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/history.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/fdutil.h"

void hist_init(struct history *h, size_t max)
{
	if (max < 1)
		max = 1;
	h->entries = xcalloc(max, sizeof *h->entries);
	h->count = 0;
	h->max = max;
	h->head = 0;
	h->first = 1;
}

void hist_finish(struct history *h)
{
	hist_clear(h);
	free(h->entries);
	h->entries = NULL;
}

/* The slot of the i-th oldest entry. */
static size_t slot(const struct history *h, size_t i)
{
	return (h->head + i) % h->max;
}

static void drop_oldest(struct history *h)
{
	free(h->entries[h->head]);
	h->entries[h->head] = NULL;
	h->head = (h->head + 1) % h->max;
	h->count--;
	h->first++;
}

void hist_set_max(struct history *h, size_t max)
{
	if (max < 1)
		max = 1;
	if (max == h->max)
		return;
	while (h->count > max)
		drop_oldest(h);
	char **fresh = xcalloc(max, sizeof *fresh);
	for (size_t i = 0; i < h->count; i++)
		fresh[i] = h->entries[slot(h, i)];
	free(h->entries);
	h->entries = fresh;
	h->max = max;
	h->head = 0;
}

unsigned long hist_add(struct history *h, const char *line)
{
	size_t len = strlen(line);
	if (len > 0 && line[len - 1] == '\n')
		len--;
	if (h->count == h->max)
		drop_oldest(h);
	h->entries[slot(h, h->count)] = xstrndup(line, len);
	h->count++;
	return hist_last(h);
}

const char *hist_get(const struct history *h, unsigned long n)
{
	if (n < h->first || n - h->first >= h->count)
		return NULL;
	return h->entries[slot(h, (size_t)(n - h->first))];
}

unsigned long hist_first(const struct history *h)
{
	return h->first;
}

unsigned long hist_last(const struct history *h)
{
	return h->first + h->count - 1;
}

unsigned long hist_next(const struct history *h)
{
	return h->first + h->count;
}

void hist_remove_last(struct history *h)
{
	if (h->count == 0)
		return;
	size_t s = slot(h, h->count - 1);
	free(h->entries[s]);
	h->entries[s] = NULL;
	h->count--;
}

void hist_delete(struct history *h, unsigned long from, unsigned long to)
{
	if (!h->count || to < from || to < h->first || from > hist_last(h))
		return;
	if (from < h->first)
		from = h->first;
	if (to > hist_last(h))
		to = hist_last(h);
	size_t lo = (size_t)(from - h->first), n = (size_t)(to - from) + 1;
	for (size_t i = lo; i < lo + n; i++) {
		free(h->entries[slot(h, i)]);
		h->entries[slot(h, i)] = NULL;
	}
	for (size_t i = lo; i + n < h->count; i++) {	/* close the gap */
		h->entries[slot(h, i)] = h->entries[slot(h, i + n)];
		h->entries[slot(h, i + n)] = NULL;
	}
	h->count -= n;
}

void hist_clear(struct history *h)
{
	while (h->count > 0)
		drop_oldest(h);
	h->head = 0;
}

size_t hist_parse_size(const char *value)
{
	if (!value || !*value)
		return HIST_DEFAULT_SIZE;
	char *end;
	errno = 0;
	unsigned long long n = strtoull(value, &end, 10);
	if (*end || errno || n < 1 || value[0] == '-')
		return HIST_DEFAULT_SIZE;
	if (n > 1000000)	/* a sane cap: the ring is allocated up front */
		n = 1000000;
	return (size_t)n;
}

/* ------------------------------------------------------------ encoding */

void hist_encode(struct strbuf *sb, const char *line)
{
	for (const char *p = line; *p; p++) {
		if (*p == '\\')
			sb_append(sb, "\\\\");
		else if (*p == '\n')
			sb_append(sb, "\\n");
		else
			sb_putc(sb, *p);
	}
}

bool hist_decode(struct strbuf *sb, const char *line, size_t len)
{
	bool ok = true;
	for (size_t i = 0; i < len; i++) {
		if (line[i] != '\\') {
			sb_putc(sb, line[i]);
		} else if (i + 1 < len && line[i + 1] == '\\') {
			sb_putc(sb, '\\');
			i++;
		} else if (i + 1 < len && line[i + 1] == 'n') {
			sb_putc(sb, '\n');
			i++;
		} else {
			sb_putc(sb, '\\');	/* keep it, and say so */
			ok = false;
		}
	}
	return ok;
}

/* ---------------------------------------------------------------- file */

/* Read the whole of fd into sb; false on a read error. */
static bool slurp(int fd, struct strbuf *sb)
{
	char buf[8192];
	for (;;) {
		ssize_t n = fd_read(fd, buf, sizeof buf);
		if (n < 0)
			return false;
		if (n == 0)
			return true;
		sb_appendn(sb, buf, (size_t)n);
	}
}

/* Add the lines of text to h; counts malformed and skipped lines. */
static long load_text(struct history *h, const char *text, size_t len,
		      unsigned *bad_line)
{
	struct strbuf one = STRBUF_INIT;
	long loaded = 0;
	unsigned lineno = 0;
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		lineno++;
		sb_clear(&one);
		bool has_nul = memchr(text + i, 0, end - i) != NULL;
		bool ok = !has_nul && hist_decode(&one, text + i, end - i);
		if (!ok && !*bad_line)
			*bad_line = lineno;
		if (!has_nul && end > i) {
			hist_add(h, sb_str(&one));
			loaded++;
		}
		i = end + 1;
	}
	sb_free(&one);
	return loaded;
}

long hist_load_file(struct history *h, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	struct strbuf sb = STRBUF_INIT;
	bool ok = slurp(fd, &sb);	/* a directory opens, then EISDIR */
	int err = errno;
	close(fd);
	if (!ok) {
		sb_free(&sb);
		errno = err;
		return -1;
	}
	unsigned bad = 0;
	long n = load_text(h, sb.data ? sb.data : "", sb.len, &bad);
	if (bad)
		diag_msg("history: %s: line %u: damaged entry (kept what could be read)",
			 path, bad);
	sb_free(&sb);
	return n;
}

/* Append the encoded text in sb to path with one write(2). */
static int append_encoded(const char *path, struct strbuf *sb)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	/* One write: concurrent shells interleave whole lines. */
	int r = fd_write_all(fd, sb->data ? sb->data : "", sb->len);
	int err = errno;
	if (close(fd) < 0 && r == 0)
		return -1;
	errno = err;
	return r;
}

int hist_append_file(const char *path, const char *line)
{
	struct strbuf sb = STRBUF_INIT;
	hist_encode(&sb, line);
	sb_putc(&sb, '\n');
	int r = append_encoded(path, &sb);
	int err = errno;
	sb_free(&sb);
	errno = err;
	return r;
}

int hist_append_range(const struct history *h, const char *path,
		      unsigned long from, unsigned long to)
{
	struct strbuf sb = STRBUF_INIT;
	for (unsigned long n = from; n <= to; n++) {
		const char *e = hist_get(h, n);
		if (e) {
			hist_encode(&sb, e);
			sb_putc(&sb, '\n');
		}
	}
	int r = sb.len ? append_encoded(path, &sb) : 0;
	int err = errno;
	sb_free(&sb);
	errno = err;
	return r;
}

int hist_write_file(const struct history *h, const char *path)
{
	struct strbuf tmp = STRBUF_INIT;
	sb_printf(&tmp, "%s.tmp%ld", path, (long)getpid());
	int fd = open(sb_str(&tmp), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		sb_free(&tmp);
		return -1;
	}
	struct strbuf sb = STRBUF_INIT;
	for (unsigned long n = hist_first(h); n <= hist_last(h) && h->count; n++) {
		hist_encode(&sb, hist_get(h, n));
		sb_putc(&sb, '\n');
	}
	int r = fd_write_all(fd, sb.data ? sb.data : "", sb.len);
	if (close(fd) < 0)
		r = -1;
	if (r == 0)
		r = rename(sb_str(&tmp), path);
	if (r != 0)
		unlink(sb_str(&tmp));
	sb_free(&sb);
	sb_free(&tmp);
	return r;
}
