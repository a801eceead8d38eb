/* lineedit_plain.c: the plain backend — a prompt and read(2), one byte at a time; the terminal's own line discipline edits. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "base/fdutil.h"
#include "base/strbuf.h"
#include "interactive/lineedit.h"

/*
 * One byte per read(2): when the shell's input is a pipe or a file shared
 * with the commands it runs (`whelk -i < script`), reading ahead would
 * steal their input (XCU 2.1: the shell must not read past the command).
 */

/* The prompt may carry \001/\002 markers for the editors: drop them. */
static void write_prompt(int fd, const char *prompt)
{
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = prompt; *p; p++)
		if (*p != '\001' && *p != '\002')
			sb_putc(&sb, *p);
	(void)fd_write_all(fd, sb.data ? sb.data : "", sb.len);
	sb_free(&sb);
}

static enum lineedit_status plain_read(struct lineedit *le, const char *prompt,
				       char **line)
{
	struct strbuf sb = STRBUF_INIT;
	enum lineedit_status st = LINEEDIT_LINE;
	write_prompt(le->out_fd, prompt);
	for (;;) {
		if (lineedit_wait_input(le, &st) < 0)
			break;
		char c;
		ssize_t n = read(le->in_fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;	/* the next wait sees the interrupt */
		if (n < 0) {
			st = LINEEDIT_ERROR;
			break;
		}
		if (n == 0) {
			st = sb.len ? LINEEDIT_LINE : LINEEDIT_EOF;
			break;
		}
		if (c == '\n')
			break;
		sb_putc(&sb, c);
	}
	if (st == LINEEDIT_EOF && isatty(le->in_fd))
		(void)fd_write_all(le->out_fd, "\n", 1);	/* what follows
				   (exit, a refusal) starts on a fresh line */
	if (st == LINEEDIT_LINE)
		*line = sb_finish(&sb);
	else if (st == LINEEDIT_INTERRUPT)
		(void)fd_write_all(le->out_fd, "\n", 1);
	sb_free(&sb);
	return st;
}

static const struct lineedit_ops plain_ops = {
	.name = "plain",
	.read = plain_read,
};

bool lineedit_plain_init(struct lineedit *le)
{
	le->ops = &plain_ops;
	return true;
}
