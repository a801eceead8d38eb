/* lineedit.c: the line-input seam — picks a backend and runs the wait loop every backend shares. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/lineedit.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/select.h>
#include <unistd.h>

#include "base/alloc.h"

struct lineedit *lineedit_create(int in_fd, int out_fd,
				 const struct lineedit_hooks *hooks, bool plain)
{
	struct lineedit *le = xcalloc(1, sizeof *le);
	le->hooks = *hooks;
	le->in_fd = in_fd;
	le->out_fd = out_fd;
	le->mode = LINEEDIT_EMACS;
	if (plain || !lineedit_rl_init(le))
		(void)lineedit_plain_init(le);
	return le;
}

void lineedit_destroy(struct lineedit *le)
{
	if (!le)
		return;
	if (le->ops->finish)
		le->ops->finish(le);
	free(le);
}

const char *lineedit_backend(const struct lineedit *le)
{
	return le->ops->name;
}

enum lineedit_status lineedit_read(struct lineedit *le, const char *prompt,
				   char **line)
{
	*line = NULL;
	if (!le->mode_set && le->ops->set_mode) {
		le->ops->set_mode(le, le->mode);
		le->mode_set = true;
	}
	return le->ops->read(le, prompt, line);
}

void lineedit_set_mode(struct lineedit *le, enum lineedit_mode mode)
{
	if (mode != le->mode)
		le->mode_set = false;
	le->mode = mode;
}

void lineedit_add_history(struct lineedit *le, const char *line)
{
	if (le->ops->add_history)
		le->ops->add_history(le, line);
}

void lineedit_clear_history(struct lineedit *le)
{
	if (le->ops->clear_history)
		le->ops->clear_history(le);
}

void lineedit_set_history_size(struct lineedit *le, size_t n)
{
	if (le->ops->set_history_size)
		le->ops->set_history_size(le, n);
}

/* Serve notices: the backend hides its line, the shell prints, the
   backend shows the line again. */
static void serve_notices(struct lineedit *le)
{
	if (!le->hooks.poll || !le->hooks.poll(le->hooks.ctx))
		return;
	if (le->ops->hide)
		le->ops->hide(le);
	if (le->hooks.print)
		le->hooks.print(le->hooks.ctx);
	if (le->ops->show)
		le->ops->show(le);
}

/* The bytes in the self-pipe only said "look at the flags": drop them. */
static void drain(int fd)
{
	char buf[64];
	while (read(fd, buf, sizeof buf) > 0)
		;
}

/*
 * select(2) on the input and the wake-up pipe, with no timeout.  Why not
 * a blocking read: it would sleep through a SIGCHLD (SA_RESTART) and the
 * "Done" notice would wait for the next key press.  Why the pipe and not
 * EINTR alone: a signal that arrives after the flags were looked at but
 * before select started would not interrupt it; its byte in the pipe does
 * wake it.
 */
int lineedit_wait_input(struct lineedit *le, enum lineedit_status *status)
{
	for (;;) {
		fd_set rd;
		FD_ZERO(&rd);
		FD_SET(le->in_fd, &rd);
		int maxfd = le->in_fd;
		int wake = le->hooks.wake_fd;
		if (wake >= 0) {
			FD_SET(wake, &rd);
			if (wake > maxfd)
				maxfd = wake;
		}
		struct timeval tv = { 0, 250000 };	/* no pipe: fall back */
		int n = select(maxfd + 1, &rd, NULL, NULL, wake >= 0 ? NULL : &tv);
		if (n < 0 && errno != EINTR) {
			*status = LINEEDIT_ERROR;
			return -1;
		}
		bool woken = n <= 0 || (wake >= 0 && FD_ISSET(wake, &rd));
		if (wake >= 0 && n > 0 && FD_ISSET(wake, &rd))
			drain(wake);
		if (le->hooks.interrupted && le->hooks.interrupted(le->hooks.ctx)) {
			*status = LINEEDIT_INTERRUPT;
			return -1;
		}
		if (woken && le->hooks.resized && le->hooks.resized(le->hooks.ctx) &&
		    le->ops->resize)
			le->ops->resize(le);
		if (woken)
			serve_notices(le);
		if (n > 0 && FD_ISSET(le->in_fd, &rd))
			return 0;
	}
}
