/* hist_iface.h: how fc and history reach the interactive history list (filled in by repl.c; sh->history points at it, so it lives in the exec layer, which builtins and repl.c both see). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_HIST_IFACE_H
#define WHELK_EXEC_HIST_IFACE_H

/*
 * sh->history points at one of these in an interactive shell and is NULL
 * otherwise (a script has no history: fc and history say so).  Entries are
 * numbered as in XCU fc: increasing, never reused.
 */
struct shell_history {
	void *ctx;
	unsigned long (*first)(void *ctx);	/* oldest entry's number */
	unsigned long (*last)(void *ctx);	/* newest; < first when empty */
	const char *(*get)(void *ctx, unsigned long n);	/* borrowed or NULL */
	/* Drop the newest entry: fc's own invocation (XCU fc: "the fc
	   command that caused the editing shall not be entered"). */
	void (*remove_last)(void *ctx);
	/* Add to the list, the line editor and $HISTFILE. */
	void (*add)(void *ctx, const char *line);
	void (*clear)(void *ctx);
	/* Delete entries from..to (held numbers); later ones move down. */
	void (*remove)(void *ctx, unsigned long from, unsigned long to);
	/* $HISTFILE (or the default), owned; NULL when there is none. */
	char *(*file_name)(void *ctx);
	/* history -a (append the entries not yet saved), -r (read and
	   append to the list), -w (write the whole list) on file: 0, or -1
	   with errno set. */
	int (*file_op)(void *ctx, char op, const char *file);
};

#endif
