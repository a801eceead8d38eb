/* source.c: input sources for the parser — strings, file descriptors and interactive line providers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/pool.h"
#include "base/strbuf.h"
#include "parser/source.h"
#include "parser/source_internal.h"

/*
 * Byte policy (issue 7, "hostile input").
 *
 *  - Bytes are unsigned everywhere: source_getc() returns 0..255, so a byte
 *    such as 0xff is never confused with -1 (end of input), and the lexer
 *    never indexes a table with a negative char.
 *  - Invalid UTF-8 is not an error.  The shell language is defined on bytes;
 *    a byte that is not an operator, blank, quote or '$' / '`' / '\\' is just
 *    part of a word, whatever encoding it belongs to.
 *  - NUL bytes are skipped, with no other effect (as dash does): a NUL can
 *    never be part of a C string handed to execve, so keeping it would only
 *    truncate words silently later.  Skipping it here means the rest of the
 *    line and the rest of the input are read exactly as if the NUL were not
 *    there — nothing after a NUL is ever dropped.  This applies to scripts,
 *    -c strings, here-document bodies and interactive lines alike, because
 *    they all come through source_getc().
 */

static struct source *source_new(enum source_kind kind, const char *name)
{
	struct source *s = xcalloc(1, sizeof *s);
	s->kind = kind;
	s->name = xstrdup(name ? name : "");
	s->fd = -1;
	s->line = 1;
	s->col = 1;
	s->echo_fd = -1;
	sb_init(&s->echo);
	return s;
}

struct source *source_take_string(const char *name, char *text, size_t len)
{
	struct source *s = source_new(SRC_STRING, name);
	s->buf = (unsigned char *)text;
	s->len = len;
	return s;
}

struct source *source_from_string(const char *name, const char *text, size_t len)
{
	char *copy = xmalloc(xadd(len, 1));
	memcpy(copy, text, len);
	copy[len] = '\0';
	return source_take_string(name, copy, len);
}

struct source *source_from_fd(const char *name, int fd)
{
	struct source *s = source_new(SRC_FD, name);
	struct stat st;
	s->fd = fd;
	/* Only regular files can be read ahead and seeked back reliably;
	 * lseek on a pipe fails with ESPIPE, and on a terminal it "works" but
	 * means nothing, so a terminal must be read byte by byte too. */
	s->seekable = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		      lseek(fd, 0, SEEK_CUR) != (off_t)-1;
	s->buf = xmalloc(s->seekable ? SRC_BLOCK : 1);
	if (s->seekable)
		s->buf_off = s->kern_off = lseek(fd, 0, SEEK_CUR);
	/* The shell's own fds (a script operand, a `.` file) live at 10 and
	 * above with close-on-exec (fd_move_high): no child inherits them and
	 * no redirection may read them (`<&10` is refused), so nobody else
	 * can move their offset, and source_sync() need not give back
	 * read-ahead.  That saves two lseek calls per command of every
	 * script.  Stdin (`sh < script`, where `read` must see the next line)
	 * stays shared.  A private fd becomes the source's: registered, so
	 * that `exec 10>f` in the script moves it (fd_evict), and closed by
	 * source_destroy. */
	int fdflags = fd >= FD_SHELL_MIN ? fcntl(fd, F_GETFD) : -1;
	s->shared = fdflags < 0 || !(fdflags & FD_CLOEXEC);
	if (!s->shared)
		fd_own(&s->fd);
	return s;
}

struct source *source_from_lines(const char *name, source_line_fn fn, void *ctx)
{
	struct source *s = source_new(SRC_LINES, name);
	s->line_fn = fn;
	s->line_ctx = ctx;
	return s;
}

void source_destroy(struct source *src)
{
	if (!src)
		return;
	if (src->echo.len && src->echo_fd >= 0)
		fd_write_all(src->echo_fd, src->echo.data, src->echo.len);
	sb_free(&src->echo);
	if (src->kind == SRC_FD && !src->shared) {
		fd_disown(&src->fd);
		close(src->fd);
	}
	free(src->buf);
	free(src->name);
	free(src);
}

/* Refill buf; false at end of input or on error. */
static bool source_fill(struct source *s)
{
	if (s->at_eof || s->kind == SRC_STRING)
		return false;
	if (s->kind == SRC_LINES) {
		/* The line editor's memory is its own, not the syntax
		   tree's being built (base/pool.h). */
		struct pool_arena *a = pool_arena_use(NULL);
		char *l = s->line_fn(s->line_ctx, s->continuation);
		pool_arena_use(a);
		s->continuation = true;
		free(s->buf);
		s->buf = NULL;
		s->len = s->pos = 0;
		if (!l) {
			s->at_eof = true;
			return false;
		}
		s->buf = (unsigned char *)l;
		s->len = strlen(l);
		return s->len > 0 || source_fill(s);
	}
	if (s->seekable) {
		off_t want = s->buf_off + (off_t)s->len;
		if (s->kern_off != want && lseek(s->fd, want, SEEK_SET) == (off_t)-1) {
			s->failed = s->at_eof = true;
			return false;
		}
		s->buf_off = s->kern_off = want;
	}
	ssize_t n = fd_read(s->fd, s->buf, s->seekable ? SRC_BLOCK : 1);
	if (s->seekable && n > 0)
		s->kern_off += n;
	s->pos = 0;
	s->len = n > 0 ? (size_t)n : 0;
	if (n < 0)
		s->failed = true;
	if (n <= 0)
		s->at_eof = true;
	return n > 0;
}

static void source_echo(struct source *s, int c)
{
	if (s->echo_fd < 0)
		return;
	if (c >= 0)
		sb_putc(&s->echo, (char)c);
	if ((c == '\n' || c < 0) && s->echo.len) {
		fd_write_all(s->echo_fd, s->echo.data, s->echo.len);
		sb_clear(&s->echo);
	}
}

static void source_advance(struct source *s, int c)
{
	if (c == '\n') {
		s->prev_col[s->nprev++ % 4] = s->col;
		s->line++;
		s->col = 1;
	} else {
		s->col++;
	}
}

/*
 * First read after a sync: if the command that ran moved the shared file
 * offset (`read line`, `head -c5`), what we buffered is stale — continue
 * from wherever it left the offset.  Otherwise keep the buffer: one lseek
 * per command instead of re-reading a whole block.
 */
static void source_resync(struct source *s)
{
	s->synced = false;
	off_t cur = lseek(s->fd, 0, SEEK_CUR);
	if (cur == s->kern_off || cur == (off_t)-1)
		return;
	s->buf_off = s->kern_off = cur;
	s->len = s->pos = 0;
	s->npb = 0;
	s->at_eof = false;
}

int source_getc(struct source *src)
{
	int c;
	if (src->synced)
		source_resync(src);
	do {
		if (src->npb > 0) {
			c = src->pb[--src->npb];
		} else {
			if (src->pos >= src->len && !source_fill(src)) {
				source_echo(src, -1);
				return -1;
			}
			c = src->buf[src->pos++];
		}
	} while (c == '\0');	/* NUL policy: see the top of this file */
	source_advance(src, c);
	source_echo(src, c);
	return c;
}

/*
 * The lexer reads most of a script as runs of plain word bytes ("echo",
 * "then", "x=1").  Handing it the buffer lets it take a run with one
 * scan instead of a function call, NUL test, position update and echo test
 * per byte.  Nothing is skipped that matters: the caller takes no newline
 * (so only the column moves) and no NUL (so the NUL policy still applies in
 * source_getc); echo and resync cases get an empty run and go the slow way.
 */
const unsigned char *source_buffered(const struct source *src, size_t *n)
{
	return source_run(src, n);
}

const unsigned char *source_buffered_after_last(const struct source *src, size_t *n)
{
	return source_run_after_last(src, n);
}

void source_skip(struct source *src, size_t n)
{
	source_run_skip(src, n);
}

void source_ungetc(struct source *src, int c)
{
	if (c < 0)
		return;
	if (c == '\n') {
		src->line--;
		src->col = src->nprev > 0 ? src->prev_col[--src->nprev % 4] : 1;
	} else if (src->col > 1) {
		src->col--;
	}
	if (src->echo.len)
		sb_truncate(&src->echo, src->echo.len - 1);
	if (src->npb == 0 && src->pos > 0 && src->buf[src->pos - 1] == c)
		src->pos--;
	else if (src->npb < 4)
		src->pb[src->npb++] = c;
}

unsigned source_line(const struct source *src) { return src->line; }
unsigned source_col(const struct source *src) { return src->col; }
const char *source_name(const struct source *src) { return src->name; }
bool source_error(const struct source *src) { return src->failed; }

void source_set_line(struct source *src, unsigned line)
{
	src->line = line;
}

/*
 * Give back what was read ahead.  On a regular file the kernel's file offset
 * is shared by every process that inherited the fd (it lives in the open
 * file description, not in the fd), so a child that runs `read line` or
 * `head -n1` reads from wherever we leave it: just past the command that is
 * about to run.
 */
void source_sync(struct source *src)
{
	if (src->kind != SRC_FD || !src->seekable)
		return;
	if (!src->shared) {
		src->at_eof = false;	/* the file may have grown: read again */
		return;
	}
	off_t target = src->buf_off + (off_t)src->pos - src->npb;
	if (target != src->kern_off && lseek(src->fd, target, SEEK_SET) != (off_t)-1)
		src->kern_off = target;
	src->synced = true;
	src->at_eof = false;	/* the file may have grown: read again */
}

void source_reset_prompt(struct source *src)
{
	src->continuation = false;
}

void source_set_echo(struct source *src, int fd)
{
	src->echo_fd = fd;
	if (fd < 0)
		sb_clear(&src->echo);
}
