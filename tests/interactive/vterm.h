/* vterm.h: a small terminal emulator for ptydrive — what the user would see on an xterm-like screen. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_TESTS_VTERM_H
#define WHELK_TESTS_VTERM_H

#include <stdbool.h>
#include <stddef.h>

struct vcell {
	char ch[5];		/* one UTF-8 character, "" for a blank */
	bool dim;		/* drawn with SGR 2 (faint) or 90 (grey) */
};

struct vterm {
	int rows, cols;
	struct vcell *cell;	/* owned: rows * cols */
	int row, col;		/* the cursor */
	bool wrap_pending;	/* a character went to the last column */
	bool dim;		/* current SGR state */
	int saved_row, saved_col;
	int state;		/* 0 text, 1 after ESC, 2 CSI, 3 OSC, 4 ESC x */
	char params[64];	/* CSI parameter bytes so far */
	size_t nparams;
};

void vterm_init(struct vterm *vt, int rows, int cols);
void vterm_free(struct vterm *vt);
/** New window size: the top-left part that fits is kept (as xterm does,
    dropping rows from the top when the cursor row would fall off). */
void vterm_resize(struct vterm *vt, int rows, int cols);
void vterm_feed(struct vterm *vt, const char *buf, size_t n);
/** The screen as text: rows with trailing blanks cut, joined by '\n'.
    only_dim: cells not drawn dim show as blanks.  Malloc'd. */
char *vterm_dump(const struct vterm *vt, bool only_dim);

#endif
