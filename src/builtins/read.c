/* read.c: the read builtin (XCU read, Issue 8 -d) — one line, split by IFS, never a byte past the delimiter. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

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
 * read(2).  On a regular file whelk reads a block and keeps what is left
 * past the delimiter for the next read (the jobs layer's read-ahead, see
 * jobs.h): a `while read` loop makes one system call per block.  Before
 * anything else can read the descriptor — a child, a redirection, the
 * parser, the shell's exit — job_readahead_sync() lseek()s back to just
 * after the last delimiter taken, so the next reader starts exactly where
 * it should.
 */

struct reader {
	int fd;
	struct job_readahead *ra;	/* a regular file: blocks, kept */
	char buf[1];		/* a pipe or terminal: one byte at a time */
	int signo;		/* set when a trapped signal interrupted us */
	bool timed;		/* -t: give up at deadline */
	bool timed_out;
	struct timespec deadline;	/* CLOCK_MONOTONIC */
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

/* Milliseconds left until r->deadline (0 when it has passed). */
static int ms_left(const struct reader *r)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	/* In whole nanoseconds, rounded up to milliseconds (no libm: at
	   -O0 or -Os ceil() is a library call, and libm one more object
	   to load at every start).  The deadline is under 1e9 s away. */
	long long ns = (long long)(r->deadline.tv_sec - now.tv_sec) * 1000000000LL +
		       (r->deadline.tv_nsec - now.tv_nsec);
	long long ms = ns <= 0 ? 0 : (ns + 999999) / 1000000;
	return ms > 1000000000 ? 1000000000 : (int)ms;
}

/* -t: wait until the descriptor is readable or the deadline passes
   (r->timed_out).  False when read(2) should not be tried. */
static bool wait_readable(struct reader *r)
{
	struct pollfd p = { .fd = r->fd, .events = POLLIN };
	int n = poll(&p, 1, ms_left(r));
	if (n == 0) {
		r->timed_out = true;
		return false;
	}
	if (n < 0 && errno == EINTR) {
		r->signo = pending_signal();
		return r->signo == 0;
	}
	return true;
}

/* The next byte, or -1 at end of input / error / interrupting signal /
   time-out. */
static int next_byte(struct reader *r)
{
	struct job_readahead *ra = r->ra;
	if (ra && ra->pos < ra->len)
		return (unsigned char)ra->buf[ra->pos++];
	char *buf = ra ? ra->buf : r->buf;
	size_t want = ra ? JOB_READAHEAD : sizeof r->buf;
	for (;;) {
		if (r->timed && !wait_readable(r)) {
			if (r->timed_out || r->signo)
				return -1;
			continue;
		}
		ssize_t n = read(r->fd, buf, want);
		if (n > 0) {
			if (ra) {
				ra->pos = 1;
				ra->len = (size_t)n;
			}
			return (unsigned char)buf[0];
		}
		if (n == 0)
			return -1;
		if (errno != EINTR)
			return -1;
		r->signo = pending_signal();
		if (r->signo)
			return -1;
	}
}

/* On a regular file, the read-ahead left by the last read of the same
   descriptor is where this one starts (nothing could have read it since:
   see jobs.h); another descriptor's is given back first. */
static void reader_init(struct jobs *jt, struct reader *r, int fd,
			const struct stat *st)
{
	r->fd = fd;
	r->ra = NULL;
	r->signo = 0;
	r->timed = r->timed_out = false;
	if (jt->ra.fd == fd) {
		r->ra = &jt->ra;
		return;
	}
	job_readahead_sync(jt);
	if (S_ISREG(st->st_mode) && lseek(fd, 0, SEEK_CUR) >= 0) {
		if (!jt->ra.buf)
			jt->ra.buf = xmalloc(JOB_READAHEAD);
		r->ra = &jt->ra;
		r->ra->fd = fd;
		r->ra->pos = r->ra->len = 0;
	}
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

/* How read stops (the options that shape the line). */
struct read_opts {
	bool raw;		/* -r: backslash is an ordinary byte */
	bool exact;		/* -N: only the count ends the line */
	bool silent;		/* -s: no echo on a terminal */
	int delim;		/* -d: the delimiter byte ('\n'; '' is NUL) */
	long nchars;		/* -n / -N: at most this many characters, or -1 */
	double timeout;		/* -t: seconds, or -1 */
	int fd;			/* -u: the descriptor read (0) */
	const char *prompt;	/* -p: may be NULL */
	const char *array;	/* -a: the array that gets every field, or NULL */
};

/* Counts the characters of the line as its bytes arrive (-n, -N): a
   multibyte character counts once, when its last byte is in. */
struct counter {
	long left;		/* characters still wanted, or -1: no limit */
	mbstate_t st;
};

static void counter_add(struct counter *k, char c)
{
	if (k->left <= 0)
		return;
	if (mb_locale_is_multibyte()) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, &c, 1, &k->st);
		if (n == (size_t)-2)
			return;	/* more bytes of this character to come */
		if (n == (size_t)-1)
			memset(&k->st, 0, sizeof k->st);
	}
	k->left--;
}

/*
 * Read up to the delimiter (never with -N) or until -n / -N characters are
 * in.  Without -r a backslash escapes the next byte and backslash-newline
 * is removed (the line continues).  NUL bytes cannot live in shell
 * variables and are dropped.  Returns true when the delimiter or the
 * count ended the line, false at end of input (or time-out, signal).
 */
static bool read_line(struct reader *r, const struct read_opts *o,
		      struct line *l)
{
	struct counter k = { o->nchars, { 0 } };
	while (k.left != 0) {
		int c = next_byte(r);
		if (c < 0)
			return false;
		if (c == o->delim && !o->exact)
			return true;
		bool esc = false;
		if (c == '\\' && !o->raw) {
			c = next_byte(r);
			if (c < 0)
				return false;
			if (c == '\n')
				continue;
			esc = true;
		}
		if (c != '\0') {
			line_add(l, (char)c, esc);
			counter_add(&k, (char)c);
		}
	}
	return true;
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

/* read -a name: every field an element of a fresh indexed array. */
static int array_assign(struct shell *sh, struct line *l, const char *name)
{
	const char *ifsv = var_get(sh, "IFS");
	struct ifs f;
	ifs_init(&f, ifsv ? ifsv : " \t\n");
	if (var_unset(sh, name) < 0 || var_make_array(sh, name, VAR_ARRAY) < 0)
		return 2;
	int64_t k = 0;
	for (size_t i = skip_spaces(&f, l, 0); i < l->len; k++) {
		size_t e = field_end(&f, l, i);
		char *v = xstrndup(l->text + i, e - i);
		int r = var_index_set(sh, name, k, v, false);
		free(v);
		if (r < 0)
			return 2;
		i = skip_delim(&f, l, e);
	}
	return 0;
}

/* ------------------------------------------------------------ the builtin */

/* -t's operand: a non-negative decimal number, perhaps with a fraction. */
static bool parse_timeout(const char *s, double *out)
{
	char *end;
	if (!(*s >= '0' && *s <= '9') && *s != '.')
		return false;
	*out = strtod(s, &end);
	return end != s && *end == '\0' && *out >= 0 && *out < 1e9;
}

static int parse_opts(struct shell *sh, int argc, char **argv,
		      struct read_opts *o)
{
	struct bopt b;
	int c;
	long n;
	*o = (struct read_opts){ .delim = '\n', .nchars = -1, .timeout = -1 };
	bopt_init(&b, argc, argv, "a:rsd:n:N:p:t:u:", 0);
	while ((c = bopt_next(sh, &b)) != 0) {
		switch (c) {
		case '?': return -1;
		case 'r': o->raw = true; break;
		case 'a': o->array = b.arg; break;
		case 's': o->silent = true; break;
		case 'd': o->delim = (unsigned char)b.arg[0]; break; /* '' = NUL */
		case 'p': o->prompt = b.arg; break;
		case 'n': case 'N':
			if (bopt_number(sh, b.arg, 0, LONG_MAX, &n))
				return -1;
			o->nchars = n;
			o->exact = c == 'N';
			break;
		case 't':
			if (!parse_timeout(b.arg, &o->timeout)) {
				builtin_error(sh, "%s: invalid timeout", b.arg);
				return -1;
			}
			break;
		default:	/* 'u' */
			if (bopt_number(sh, b.arg, 0, INT_MAX, &n))
				return -1;
			o->fd = (int)n;
			break;
		}
	}
	return b.ind;
}

/*
 * On a terminal, -s turns echo off and -n / -N turn off line buffering
 * (canonical mode) so that read gets each character as it is typed.
 * Returns true when *saved holds modes to put back.
 */
static bool tty_prepare(const struct read_opts *o, struct termios *saved)
{
	if ((!o->silent && o->nchars < 0) || tcgetattr(o->fd, saved) != 0)
		return false;
	struct termios t = *saved;
	if (o->silent)
		t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	if (o->nchars >= 0) {
		t.c_lflag &= ~(tcflag_t)ICANON;
		t.c_cc[VMIN] = 1;
		t.c_cc[VTIME] = 0;
	}
	return tcsetattr(o->fd, TCSADRAIN, &t) == 0;
}

/* -t 0: is input available now?  Nothing is read (bash, ksh93). */
static int poll_now(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, 0) > 0 ? 0 : 1;
}

static void start_timer(struct reader *r, double timeout)
{
	r->timed = true;
	clock_gettime(CLOCK_MONOTONIC, &r->deadline);
	/* timeout is in [0, 1e9) (parse_timeout): truncation is floor */
	time_t whole = (time_t)timeout;
	r->deadline.tv_sec += whole;
	r->deadline.tv_nsec += (long)((timeout - (double)whole) * 1e9);
	if (r->deadline.tv_nsec >= 1000000000L) {
		r->deadline.tv_sec++;
		r->deadline.tv_nsec -= 1000000000L;
	}
}

/* Read the line into l as the options say; the status so far. */
static int read_input(struct jobs *jt, const struct read_opts *o,
		      const struct stat *st, struct line *l)
{
	struct termios saved;
	bool restore = tty_prepare(o, &saved);
	/* The prompt comes after the modes: what is typed as soon as it
	   shows must already be unechoed. */
	if (o->prompt && isatty(o->fd)) {
		fputs(o->prompt, stderr);
		fflush(stderr);
	}
	struct reader r;
	reader_init(jt, &r, o->fd, st);
	if (o->timeout >= 0)
		start_timer(&r, o->timeout);
	bool complete = read_line(&r, o, l);
	if (restore)
		tcsetattr(o->fd, TCSADRAIN, &saved);
	return r.timed_out ? 128 + SIGALRM
	       : r.signo ? 128 + r.signo : complete ? 0 : 1;
}

/* With -N the line is not split: the first name takes it all (bash). */
static int assign_line(struct shell *sh, const struct read_opts *o,
		       struct line *l, char **names, int n)
{
	if (o->array)
		return array_assign(sh, l, o->array);
	if (n == 0)	/* bare read: REPLY gets the line unsplit, untrimmed */
		return assign(sh, "REPLY", l, 0, l->len) < 0 ? 2 : 0;
	if (!o->exact)
		return split_assign(sh, l, names, n);
	int status = assign(sh, names[0], l, 0, l->len) < 0 ? 2 : 0;
	for (int k = 1; k < n; k++)
		if (var_set(sh, names[k], "", 0) < 0)
			status = 2;
	return status;
}

int builtin_read(struct shell *sh, int argc, char **argv)
{
	struct read_opts o;
	int i = parse_opts(sh, argc, argv, &o);
	if (i < 0)
		return 2;
	if (o.array && (i != argc || !parse_is_name(o.array))) {
		builtin_error(sh, "-a %s: one array name and no other", o.array);
		return 2;
	}
	for (int k = i; k < argc; k++)
		if (!parse_is_name(argv[k])) {
			builtin_error(sh, "%s: bad variable name", argv[k]);
			return 2;
		}
	/* Is the descriptor open, and what is it (reader_init)?  Not asked
	   again while read's read-ahead holds it: the shell syncs that
	   buffer whenever it closes or replaces the descriptor, so a
	   `while read` over a file makes no system call for most lines. */
	struct stat st = { .st_mode = S_IFREG };
	if (sh->jobs->ra.fd != o.fd && fstat(o.fd, &st) < 0) {
		builtin_error(sh, "%d: %s", o.fd, strerror(errno));
		return 2;
	}
	if (o.timeout == 0)
		return poll_now(o.fd);
	fflush(stdout);
	struct line l = { NULL, NULL, 0, 0 };
	line_add(&l, '\0', false);
	l.len = 0;
	int status = read_input(sh->jobs, &o, &st, &l);
	int astatus = assign_line(sh, &o, &l, argv + i, argc - i);
	free(l.text);
	free(l.esc);
	return status > 1 ? status : astatus ? astatus : status;
}
