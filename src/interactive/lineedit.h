/* lineedit.h: the line-input seam — one interface, three backends (GNU readline, libedit, plain read(2)). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_INTERACTIVE_LINEEDIT_H
#define WHELK_INTERACTIVE_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "interactive/complete.h"

/*
 * configure picks the editor (config.h: WHELK_LINEEDIT_READLINE or
 * WHELK_LINEEDIT_LIBEDIT, or neither).  The plain backend is always there
 * and is used whenever the input is not a terminal: it reads one byte per
 * read(2), so a command reading the same input sees the rest of it.
 *
 * The editor never blocks the shell's job notices and never polls.  While
 * waiting for a key it sleeps in select(2) on the terminal and on
 * hooks->wake_fd, the read end of the self-pipe every signal handler of
 * the shell writes a byte to (src/jobs/signals.c): an idle prompt makes no
 * system call until a key arrives or a signal does.  When the pipe wakes
 * it, the editor drains it and asks hooks->resized() (SIGWINCH: redraw for
 * the new width), hooks->interrupted() (Ctrl-C) and hooks->poll() (a job
 * notice to print now); for a notice it moves to a fresh line, calls
 * hooks->print(), and redraws the prompt and the half-typed line
 * underneath.  (Only when the shell could not make the pipe, wake_fd is -1
 * and the editor falls back to asking poll() every 250 ms.)
 *
 * Ctrl-C: the shell's SIGINT handler only sets a flag (and wakes the
 * pipe); the editor asks hooks->interrupted() and, when true, leaves the
 * line on the screen followed by ^C, moves below it and returns
 * LINEEDIT_INTERRUPT.  The editors' own signal handling is switched off.
 */

enum lineedit_mode {
	LINEEDIT_EMACS,
	LINEEDIT_VI,
};

enum lineedit_status {
	LINEEDIT_LINE,		/* *line is set */
	LINEEDIT_EOF,		/* Ctrl-D on an empty line, or end of input */
	LINEEDIT_INTERRUPT,	/* Ctrl-C: the line was discarded */
	LINEEDIT_ERROR,		/* a read error (errno set) */
};

struct lineedit_hooks {
	void *ctx;
	/* Anything to print (reap children)?  May be NULL. */
	bool (*poll)(void *ctx);
	/* Print it (to stderr); the editor has moved to a fresh line. */
	void (*print)(void *ctx);
	/* Did SIGINT arrive since the last call?  (Reads and clears.) */
	bool (*interrupted)(void *ctx);
	/* Did the terminal change size since the last call?  (Reads and
	   clears; may be NULL.) */
	bool (*resized)(void *ctx);
	/* C-x C-e (emacs) or v (vi command mode): run the user's editor on
	   text, the line so far (the terminal is back in its normal modes
	   meanwhile).  The saved text, malloc'd, trailing newlines removed,
	   which the editor then returns as the line read; NULL when the
	   editor failed (the line stays as it was).  May be NULL. */
	char *(*edit)(void *ctx, const char *text);
	/* The whole line the user is probably typing, given text, the line
	   so far (cursor at its end): malloc'd, starting with text; NULL for
	   none.  Its rest is drawn dim after the cursor; Right, End or C-f
	   take it, M-f one word of it.  May be NULL (no suggestions). */
	char *(*suggest)(void *ctx, const char *text);
	int wake_fd;				/* borrowed; -1 when there is none */
	const struct complete_hooks *complete;	/* borrowed, may be NULL */
};

struct lineedit;

/**
 * An editor reading in_fd and drawing on out_fd (both borrowed; the
 * shell uses its terminal fd for both).  hooks is copied.  plain: use the
 * plain backend even when an editor was configured (input not a tty).
 */
struct lineedit *lineedit_create(int in_fd, int out_fd,
				 const struct lineedit_hooks *hooks, bool plain);
void lineedit_destroy(struct lineedit *le);
/** "readline", "libedit" or "plain". */
const char *lineedit_backend(const struct lineedit *le);

/**
 * Show prompt (it may hold \001 ... \002 around invisible sequences) and
 * read one line.  On LINEEDIT_LINE, *line is malloc'd and has no trailing
 * newline.
 */
enum lineedit_status lineedit_read(struct lineedit *le, const char *prompt,
				   char **line);
void lineedit_set_mode(struct lineedit *le, enum lineedit_mode mode);
/** The editor's own history list (what Up walks): whelk mirrors its own into it. */
void lineedit_add_history(struct lineedit *le, const char *line);
void lineedit_clear_history(struct lineedit *le);
void lineedit_set_history_size(struct lineedit *le, size_t n);

/* ---- backend interface (lineedit.c dispatches; each backend fills one) */

struct lineedit_ops {
	const char *name;
	enum lineedit_status (*read)(struct lineedit *le, const char *prompt,
				     char **line);
	void (*set_mode)(struct lineedit *le, enum lineedit_mode mode);
	void (*add_history)(struct lineedit *le, const char *line);
	void (*clear_history)(struct lineedit *le);
	void (*set_history_size)(struct lineedit *le, size_t n);
	void (*finish)(struct lineedit *le);
	/* The screen, while a line is shown (each may be NULL): hide moves
	   below the line before a notice is printed, show draws prompt and
	   line again after it, resize redraws them for a new width. */
	void (*hide)(struct lineedit *le);
	void (*show)(struct lineedit *le);
	void (*resize)(struct lineedit *le);
};

struct lineedit {
	const struct lineedit_ops *ops;	/* borrowed static table */
	struct lineedit_hooks hooks;
	int in_fd, out_fd;		/* borrowed */
	enum lineedit_mode mode;
	bool mode_set;			/* mode applied to the backend */
	void *backend;			/* owned by the backend, may be NULL */
};

/** Wait until in_fd is readable, serving notices and resizes meanwhile
    (through le->ops).  0, or -1 with *status set (interrupt or error). */
int lineedit_wait_input(struct lineedit *le, enum lineedit_status *status);

/* Each returns false when it is not compiled in or cannot start. */
bool lineedit_plain_init(struct lineedit *le);
bool lineedit_rl_init(struct lineedit *le);

#endif
