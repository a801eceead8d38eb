/* read.c: the read builtin (XCU read, Issue 8 -d) — one line, split by IFS, never a byte past the delimiter. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/mbchar.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "jobs/jobs.h"
#include "parser/parser.h"

/*
 * Why read is careful about how much it reads: in `while read l; do cmd;
 * done < file` or `{ read a; cat; } < file`, whatever read takes from the
 * file is lost to the commands after it, which share the open file
 * description.  On a pipe or terminal the only safe way is one byte per
 * read(2).  On a regular file whelk reads a block (far fewer system
 * calls) and then lseek()s back to just after the delimiter — the file
 * offset is shared, so the next reader starts exactly where it should.
 */

struct reader {
	int fd;
	bool seekable;		/* a regular file: read blocks, seek back */
	char buf[4096];
	size_t pos, len;
	int signo;		/* set when a trapped signal interrupted us */
};

/* A trapped signal arrived while read(2) blocked: stop so the trap runs
   (the shell runs it at the next safe point); status 128 + signo. */
static int pending_signal(void)
{
	if (!sig_any_pending)
		return 0;
	for (int s = 1; s < JOBS_NSIG; s++)
		if (sig_pending[s])
			return s;
	return 0;
}

/* The next byte, or -1 at end of input / error / interrupting signal. */
static int next_byte(struct reader *r)
{
	while (r->pos == r->len) {
		size_t want = r->seekable ? sizeof r->buf : 1;
		ssize_t n = read(r->fd, r->buf, want);
		if (n > 0) {
			r->pos = 0;
			r->len = (size_t)n;
			break;
		}
		if (n == 0)
			return -1;
		if (errno != EINTR)
			return -1;
		r->signo = pending_signal();
		if (r->signo)
			return -1;
	}
	return (unsigned char)r->buf[r->pos++];
}

/* Give back what was read past the delimiter. */
static void reader_finish(struct reader *r)
{
	if (r->seekable && r->pos < r->len)
		lseek(r->fd, -(off_t)(r->len - r->pos), SEEK_CUR);
}

static void reader_init(struct reader *r, int fd)
{
	struct stat st;
	r->fd = fd;
	r->seekable = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		      lseek(fd, 0, SEEK_CUR) >= 0;
	r->pos = r->len = 0;
	r->signo = 0;
}

/* The line read: its bytes and, per byte, whether a backslash escaped it
   (escaped bytes are never delimiters nor trimmed). */
struct line {
	char *text;
	bool *esc;
	size_t len, cap;
};

static void line_add(struct line *l, char c, bool esc)
{
	if (l->len + 1 >= l->cap) {
		l->cap = l->cap ? l->cap * 2 : 128;
		l->text = xrealloc(l->text, l->cap);
		l->esc = xreallocarray(l->esc, l->cap, sizeof *l->esc);
	}
	l->text[l->len] = c;
	l->esc[l->len++] = esc;
	l->text[l->len] = '\0';
}

/*
 * Read up to the delimiter.  Without -r a backslash escapes the next byte
 * and backslash-newline is removed (the line continues).  NUL bytes cannot
 * live in shell variables and are dropped.  Returns true when the
 * delimiter was seen, false at end of input.
 */
static bool read_line(struct reader *r, int delim, bool raw, struct line *l)
{
	for (;;) {
		int c = next_byte(r);
		if (c < 0)
			return false;
		if (c == delim)
			return true;
		if (c == '\\' && !raw) {
			c = next_byte(r);
			if (c < 0)
				return false;
			if (c != '\n')
				line_add(l, (char)c, true);
			continue;
		}
		if (c != '\0')
			line_add(l, (char)c, false);
	}
}

/* ------------------------------------------------------------ splitting */

/* IFS holds characters: in a multibyte locale a non-ASCII IFS character
   is looked for whole, as in field splitting (exec/split.c). */
struct ifs {
	bool any[256];		/* delimiting bytes (multibyte locale: the
				   ASCII ones) */
	bool space[256];
	const char *mbifs;	/* borrowed, may be NULL: IFS, when it holds
				   a multibyte character */
};

static void ifs_init(struct ifs *f, const char *ifs)
{
	memset(f, 0, sizeof *f);
	bool wide = mb_locale_is_multibyte();
	for (const unsigned char *s = (const unsigned char *)ifs; *s; s++) {
		if (*s >= 0x80 && wide) {
			f->mbifs = ifs;
			continue;
		}
		f->any[*s] = true;
		f->space[*s] = *s == ' ' || *s == '\t' || *s == '\n';
	}
}

/* The length of the character at i (1 unless IFS has multibyte ones). */
static size_t char_len(const struct ifs *f, const struct line *l, size_t i)
{
	if (!f->mbifs || (unsigned char)l->text[i] < 0x80)
		return 1;
	return mb_charlen(l->text + i, l->len - i);
}

static bool is_delim(const struct ifs *f, const struct line *l, size_t i)
{
	unsigned char c = (unsigned char)l->text[i];
	if (c < 0x80 || !f->mbifs)
		return !l->esc[i] && f->any[c];
	size_t len = char_len(f, l, i);
	for (size_t k = 0; k < len; k++)
		if (l->esc[i + k])
			return false;
	return mb_set_has(f->mbifs, l->text + i, len);
}

static bool is_space(const struct ifs *f, const struct line *l, size_t i)
{
	return !l->esc[i] && f->space[(unsigned char)l->text[i]];
}

static size_t skip_spaces(const struct ifs *f, const struct line *l, size_t i)
{
	while (i < l->len && is_space(f, l, i))
		i++;
	return i;
}

/* One delimiter: white space, at most one other IFS byte, white space. */
static size_t skip_delim(const struct ifs *f, const struct line *l, size_t i)
{
	i = skip_spaces(f, l, i);
	if (i < l->len && is_delim(f, l, i) && !is_space(f, l, i))
		i = skip_spaces(f, l, i + char_len(f, l, i));
	return i;
}

static size_t field_end(const struct ifs *f, const struct line *l, size_t i)
{
	while (i < l->len && !is_delim(f, l, i))
		i += char_len(f, l, i);
	return i;
}

/*
 * The last variable takes the rest of the line minus trailing IFS white
 * space — except that when the rest is a single field followed by one
 * delimiter, the delimiter goes too ("a:b:" with IFS=: gives "b", as in
 * dash, bash and yash).
 */
static size_t rest_end(const struct ifs *f, const struct line *l, size_t i)
{
	size_t e = field_end(f, l, i);
	if (skip_delim(f, l, e) == l->len)
		return e;
	e = l->len;
	while (e > i && is_space(f, l, e - 1))
		e--;
	return e;
}

static int assign(struct shell *sh, const char *name, const struct line *l,
		  size_t from, size_t to)
{
	char *v = xstrndup(l->text + from, to - from);
	int r = var_set(sh, name, v, 0);
	free(v);
	return r;
}

static int split_assign(struct shell *sh, struct line *l, char **names,
			int n)
{
	const char *ifsv = var_get(sh, "IFS");
	struct ifs f;
	ifs_init(&f, ifsv ? ifsv : " \t\n");
	size_t i = skip_spaces(&f, l, 0);
	int status = 0;
	for (int k = 0; k < n; k++) {
		size_t e = k == n - 1 ? rest_end(&f, l, i) : field_end(&f, l, i);
		if (assign(sh, names[k], l, i, e) < 0)
			status = 2;
		i = skip_delim(&f, l, e);
	}
	return status;
}

/* ------------------------------------------------------------ the builtin */

struct read_opts {
	bool raw;
	int delim;
	const char *prompt;
};

static int parse_opts(struct shell *sh, int argc, char **argv,
		      struct read_opts *o)
{
	struct bopt b;
	int c;
	o->raw = false;
	o->delim = '\n';
	o->prompt = NULL;
	bopt_init(&b, argc, argv, "rd:p:", 0);
	while ((c = bopt_next(sh, &b)) != 0) {
		if (c == '?')
			return -1;
		if (c == 'r')
			o->raw = true;
		else if (c == 'd')
			o->delim = (unsigned char)b.arg[0];	/* '' = NUL */
		else
			o->prompt = b.arg;
	}
	return b.ind;
}

int builtin_read(struct shell *sh, int argc, char **argv)
{
	struct read_opts o;
	int i = parse_opts(sh, argc, argv, &o);
	if (i < 0)
		return 2;
	if (i == argc)
		return bopt_usage(sh);
	for (int k = i; k < argc; k++)
		if (!parse_is_name(argv[k])) {
			builtin_error(sh, "%s: bad variable name", argv[k]);
			return 2;
		}
	if (o.prompt && isatty(0)) {
		fputs(o.prompt, stderr);
		fflush(stderr);
	}
	fflush(stdout);
	struct reader *r = xmalloc(sizeof *r);
	reader_init(r, 0);
	struct line l = { NULL, NULL, 0, 0 };
	line_add(&l, '\0', false);
	l.len = 0;
	bool complete = read_line(r, o.delim, o.raw, &l);
	reader_finish(r);
	int signo = r->signo;
	free(r);
	int status = split_assign(sh, &l, argv + i, argc - i);
	free(l.text);
	free(l.esc);
	if (signo)
		return 128 + signo;
	return status ? status : complete ? 0 : 1;
}
