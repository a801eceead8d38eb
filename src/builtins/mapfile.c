/* mapfile.c: mapfile / readarray (bash) — lines of input into an indexed array (issue 10 items 2 and 8). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "parser/parser.h"

/*
 * mapfile [-t] [-d delim] [-n count] [-O origin] [-s skip] [-u fd] [array]
 *	Reads lines (ending in delim, newline by default; -d '' is NUL) from
 *	fd (default 0) into array (default MAPFILE), element origin on
 *	(default 0; without -O the array is emptied first).  -t removes the
 *	delimiter, -s skips the first lines, -n stops after count lines (0:
 *	all).
 * Input is read in blocks when it runs to the end; with -n it is read a
 * byte at a time, so that what follows the last line stays unread for the
 * next command (as `read` does on a pipe).
 */

struct mapopts {
	bool trim;
	int delim;
	intmax_t count, origin, skip;
	bool have_origin;
	int fd;
};

static bool num_arg(struct shell *sh, int c, const char *s, intmax_t *out)
{
	char *end;
	errno = 0;
	intmax_t v = strtoimax(s, &end, 10);
	if (!*s || *end || errno || v < 0) {
		builtin_error(sh, "-%c %s: not a count", c, s);
		return false;
	}
	*out = v;
	return true;
}

static int parse_opts(struct shell *sh, int argc, char **argv, struct mapopts *o)
{
	struct bopt b;
	int c;
	bopt_init(&b, argc, argv, "td:n:O:s:u:", 0);
	while ((c = bopt_next(sh, &b)) != 0) {
		intmax_t v = 0;
		switch (c) {
		case 't':
			o->trim = true;
			break;
		case 'd':
			o->delim = (unsigned char)b.arg[0];
			break;
		case '?':
			return -1;
		default:
			if (!num_arg(sh, c, b.arg, &v))
				return -1;
			if (c == 'n')
				o->count = v;
			else if (c == 'O')
				o->origin = v, o->have_origin = true;
			else if (c == 's')
				o->skip = v;
			else
				o->fd = (int)v;
		}
	}
	return b.ind;
}

/* One line (delimiter included unless trimmed) into the array. */
static int store(struct shell *sh, const char *name, struct mapopts *o,
		 struct strbuf *line, intmax_t *n, bool *stop)
{
	if (o->skip > 0) {
		o->skip--;
	} else {
		if (o->trim && line->len && (unsigned char)line->data[line->len - 1] == o->delim)
			sb_truncate(line, line->len - 1);
		if (var_index_set(sh, name, o->origin + *n, sb_str(line), false) < 0)
			return -1;
		++*n;
		*stop = o->count && *n >= o->count;
	}
	sb_clear(line);
	return 0;
}

static int read_lines(struct shell *sh, const char *name, struct mapopts *o)
{
	struct strbuf line = STRBUF_INIT;
	char buf[4096];
	size_t bufsz = o->count ? 1 : sizeof buf;
	intmax_t n = 0;
	bool stop = false;
	int r = 0;
	/* a `read` before may hold a block of this file: give it back */
	job_readahead_sync(sh->jobs);
	while (!stop && r == 0) {
		ssize_t got = fd_read(o->fd, buf, bufsz);
		if (got < 0) {
			builtin_error(sh, "read error: %s", strerror(errno));
			r = -1;
			break;
		}
		if (got == 0)
			break;
		for (ssize_t i = 0; i < got && !stop && r == 0; i++) {
			sb_putc(&line, buf[i]);
			if ((unsigned char)buf[i] == o->delim)
				r = store(sh, name, o, &line, &n, &stop);
		}
	}
	if (r == 0 && !stop && line.len)	/* a last line without delimiter */
		r = store(sh, name, o, &line, &n, &stop);
	sb_free(&line);
	return r;
}

int builtin_mapfile(struct shell *sh, int argc, char **argv)
{
	struct mapopts o = { false, '\n', 0, 0, 0, false, 0 };
	int i = parse_opts(sh, argc, argv, &o);
	if (i < 0)
		return 2;
	if (argc - i > 1)
		return bopt_usage(sh);
	const char *name = i < argc ? argv[i] : "MAPFILE";
	if (!parse_is_name(name)) {
		builtin_error(sh, "%s: bad variable name", name);
		return 2;
	}
	if (!o.have_origin && var_unset(sh, name) < 0)
		return 1;
	if (var_make_array(sh, name, VAR_ARRAY) < 0)
		return 1;
	return read_lines(sh, name, &o) < 0 ? 1 : 0;
}
