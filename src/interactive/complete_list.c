/* complete_list.c: showing many completions as readline does — "Display all N possibilities? (y or n)", columns, and a --More-- pager. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/complete.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "base/fdutil.h"
#include "base/strbuf.h"

/*
 * Why whelk draws the list itself: readline's callback interface (which
 * the shell needs, see lineedit_rl.c) answers its own "Display all ...?"
 * query with yes and never pages, so 1,400 command names would flood the
 * screen.  The editor hands us a way to read one key instead.
 */

static void put(const struct complete_pager *p, const char *s, size_t n)
{
	fd_write_all(p->out_fd, s, n);
}

static void puts_(const struct complete_pager *p, const char *s)
{
	put(p, s, strlen(s));
}

/* A key from keys_yes (1) or keys_no (0); -1 from getkey is no; any other
   key rings the bell and is read again. */
static int yes_or_no(const struct complete_pager *p, const char *keys_yes,
		     const char *keys_no)
{
	for (;;) {
		int c = p->getkey(p->ctx);
		if (c < 0 || (c && strchr(keys_no, c)))
			return 0;
		if (c && strchr(keys_yes, c))
			return 1;
		if (c == '\r' || c == '\n')
			return 2;	/* the pager's "one more line" */
		puts_(p, "\a");
	}
}

/* Columns on screen: UTF-8 continuation bytes take none. */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

struct layout {
	size_t colw;		/* a column's width, with its two spaces */
	size_t ncols, nrows;
};

/* As many columns of the longest name plus two spaces as fit; sorted down
   the columns (readline's default, print-completions-horizontally off). */
static struct layout lay_out(const struct complete_pager *p, char *const *names,
			     size_t n)
{
	size_t longest = 0;
	for (size_t i = 0; i < n; i++) {
		size_t w = width(names[i]);
		if (w > longest)
			longest = w;
	}
	struct layout l = { .colw = longest + 2 };
	size_t screen = p->cols > 0 ? (size_t)p->cols : 80;
	/* a row exactly as wide as the screen would wrap on some terminals */
	l.ncols = screen > 1 ? (screen - 1) / l.colw : 1;
	if (l.ncols == 0)
		l.ncols = 1;
	l.nrows = (n + l.ncols - 1) / l.ncols;
	return l;
}

static void put_row(const struct complete_pager *p, const struct layout *l,
		    char *const *names, size_t n, size_t row)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t c = 0; c < l->ncols; c++) {
		size_t i = row + c * l->nrows;
		if (i >= n)
			break;
		sb_append(&sb, names[i]);
		bool last = c + 1 == l->ncols || i + l->nrows >= n;
		for (size_t w = width(names[i]); !last && w < l->colw; w++)
			sb_putc(&sb, ' ');
	}
	sb_append(&sb, "\r\n");
	put(p, sb.data, sb.len);
	sb_free(&sb);
}

/* --More--: how many more rows to show (0: stop). */
static size_t more(const struct complete_pager *p, size_t page)
{
	puts_(p, "--More--");
	int answer = yes_or_no(p, " yY", "qQnN\x7f\x07");
	puts_(p, "\r        \r");	/* wipe the prompt */
	return answer == 1 ? page : (size_t)(answer == 2);
}

bool complete_show_list(const struct complete_pager *p, char *const *names,
			size_t n)
{
	if (p->query_items > 0 && n >= p->query_items) {
		struct strbuf q = STRBUF_INIT;
		sb_printf(&q, "Display all %zu possibilities? (y or n)", n);
		put(p, q.data, q.len);
		sb_free(&q);
		int answer = yes_or_no(p, "yY ", "nN\x7f\x07");
		puts_(p, "\r\n");
		if (answer != 1)
			return false;
	}
	struct layout l = lay_out(p, names, n);
	size_t page = p->lines > 2 ? (size_t)p->lines - 1 : 0;
	size_t left = page;
	for (size_t row = 0; row < l.nrows; row++) {
		if (p->page && page && left == 0 && (left = more(p, page)) == 0)
			return false;
		put_row(p, &l, names, n, row);
		if (left)
			left--;
	}
	return true;
}
