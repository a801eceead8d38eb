/* select.c: select name [in word...]; do list; done (ksh, bash) — a numbered menu on stderr, a reply from stdin. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/strbuf.h"
#include "exec/exec_int.h"
#include "exec/shell.h"

/*
 * The words are listed on standard error as "1) word", in columns as wide
 * as the longest entry, filled down first; when they would all fit on one
 * line they are listed one per line instead (as bash lays it out; the width is
 * $COLUMNS, else 80).  Then PS3 (default "#? ") is written and a line is
 * read from standard input into REPLY.  An empty line lists the menu
 * again; a number of an entry sets name to that word, anything else sets
 * it to ""; then the body runs.  The loop ends with break (or return,
 * exit), or at end of input (status 1, after a newline on stderr).
 */

static size_t digits(size_t n)
{
	size_t d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static void print_menu(struct shell *sh, const struct vec *vals)
{
	size_t n = vals->len, width = 0, nd = digits(n);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(vals->items[i]);
		if (l > width)
			width = l;
	}
	width += nd + 4;	/* "N) " and a blank between columns */
	const char *c = var_get(sh, "COLUMNS");
	long columns = c ? atol(c) : 0;
	if (columns <= 0)
		columns = 80;
	size_t cols = (size_t)columns / width ? (size_t)columns / width : 1;
	size_t rows = (n + cols - 1) / cols;
	if (rows <= 1)
		rows = n;	/* all on one line: one per line instead */
	cols = (n + rows - 1) / rows;
	struct strbuf sb = STRBUF_INIT;
	for (size_t r = 0; r < rows; r++) {
		for (size_t k = 0; k < cols; k++) {
			size_t i = k * rows + r;
			if (i >= n)
				break;
			size_t at = sb.len;
			sb_printf(&sb, "%*zu) %s", (int)nd, i + 1, (char *)vals->items[i]);
			if (k + 1 < cols && i + rows < n)
				while (sb.len - at < width)
					sb_putc(&sb, ' ');
		}
		sb_putc(&sb, '\n');
	}
	fflush(stderr);
	(void)fd_write_all(STDERR_FILENO, sb.data, sb.len);
	sb_free(&sb);
}

/* One line of standard input, byte by byte (what follows stays unread for
   the body's commands).  false at end of input with nothing read. */
static bool read_reply(struct strbuf *line)
{
	char c;
	ssize_t r;
	sb_clear(line);
	while ((r = fd_read(STDIN_FILENO, &c, 1)) == 1 && c != '\n')
		sb_putc(line, c);
	return r == 1 || line->len > 0;
}

/* The entry a reply names: its number when it is one of 1..n, else 0. */
static size_t reply_choice(const char *s, size_t n)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *end;
	if (!isdigit((unsigned char)*s))
		return 0;
	unsigned long v = strtoul(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	return *end == '\0' && v >= 1 && v <= n ? (size_t)v : 0;
}

static void prompt(struct shell *sh)
{
	const char *ps3 = var_get(sh, "PS3");
	if (!ps3)
		ps3 = "#? ";
	fflush(stderr);
	(void)fd_write_all(STDERR_FILENO, ps3, strlen(ps3));
}

int eval_select(struct shell *sh, struct ast_node *n)
{
	struct vec vals = VEC_INIT;
	struct strbuf line = STRBUF_INIT;
	sh->lineno = n->range.begin.line;
	if (eval_for_values(sh, n, &vals) < 0)
		return 2;
	int status = 0;
	bool menu = true;
	sh->loop_depth++;
	while (vals.len > 0) {
		if (menu)
			print_menu(sh, &vals);
		prompt(sh);
		if (!read_reply(&line)) {
			(void)fd_write_all(STDERR_FILENO, "\n", 1);
			status = 1;
			break;
		}
		menu = line.len == 0;
		if (menu)
			continue;
		size_t k = reply_choice(sb_str(&line), vals.len);
		if (var_set(sh, "REPLY", sb_str(&line), 0) < 0) {
			status = 1;
			eval_fatal(sh, 1);
			break;
		}
		if (eval_loop_pass(sh, n, k ? vals.items[k - 1] : "", &status))
			break;
	}
	sh->loop_depth--;
	sb_free(&line);
	vec_free_all(&vals, free);
	return status;
}
