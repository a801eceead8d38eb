/* lineedit_rl.c: the GNU readline and libedit backends — both through readline's callback interface. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "interactive/lineedit.h"

#if defined(WHELK_LINEEDIT_READLINE) || defined(WHELK_LINEEDIT_LIBEDIT)

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef WHELK_LINEEDIT_LIBEDIT
#include <editline/readline.h>
#define RL_NAME "libedit"
#else
#include <readline/history.h>
#include <readline/readline.h>
#define RL_NAME "readline"
#endif

#include "base/alloc.h"
#include "base/strbuf.h"

/*
 * Why the callback interface (rl_callback_handler_install +
 * rl_callback_read_char) rather than readline(): readline() blocks inside
 * the library until Enter, so the shell could neither print a "Done" notice
 * while a line is being typed nor abandon the line on Ctrl-C without a
 * longjmp out of the library.  Here the shell owns the loop: select(2) on
 * the terminal and the SIGCHLD self-pipe, then feed readline one key.
 *
 * readline's callbacks carry no context pointer, so the editor that is
 * reading a line is remembered in `owner`: a mutable file-level variable
 * (listed in docs/DESIGN.md, "Mutable globals"), forced by the library's API
 * (readline itself is a bag of globals) and set only while a line is read.
 */
static struct lineedit *owner;

struct rl_state {
	char *line;		/* owned: the accepted line, until returned */
	bool done;		/* the line handler ran */
	bool eof;		/* it got NULL: Ctrl-D on an empty line */
	FILE *in, *out;		/* owned stdio wrappers of the fds */
};

static struct rl_state *state(struct lineedit *le)
{
	return le->backend;
}

static void on_line(char *line)
{
	struct rl_state *st = state(owner);
	rl_callback_handler_remove();
	st->done = true;
	st->eof = st->eof || line == NULL;
	st->line = line;
}

/* ---------------------------------------------------------- completion */

#ifdef WHELK_LINEEDIT_READLINE
/* Is line[index] quoted (backslash, '...' or "...")?  Then it does not end
   a word, so "my\ file" and "my f" stay one word for completion. */
static int char_is_quoted(char *line, int index)
{
	char q = 0;
	for (int i = 0; i < index; i++) {
		if (q == '\'') {
			if (line[i] == '\'')
				q = 0;
		} else if (line[i] == '\\') {
			if (++i == index)
				return 1;
		} else if (q == '"' && line[i] == '"') {
			q = 0;
		} else if (!q && (line[i] == '\'' || line[i] == '"')) {
			q = line[i];
		}
	}
	return q != 0;
}
#endif

/* Make our replacement (for line[c->start, point)) fit readline's idea of
   the word, line[start, point). */
static char *fit_to_start(const char *line, const struct completion *c, size_t start)
{
	struct strbuf sb = STRBUF_INIT;
	if (start < c->start) {
		sb_appendn(&sb, line + start, c->start - start);
		sb_append(&sb, c->replacement);
	} else {
		size_t skip = start - c->start;
		size_t len = strlen(c->replacement);
		sb_append(&sb, c->replacement + (skip < len ? skip : len));
	}
	return sb_finish(&sb);
}

static char **attempt_completion(const char *text, int start, int end)
{
	(void)text;
	rl_attempted_completion_over = 1;	/* never readline's own */
	if (!owner || !owner->hooks.complete)
		return NULL;
	struct completion c;
	size_t n = complete_line(owner->hooks.complete, rl_line_buffer,
				 (size_t)end, &c);
	char **m = NULL;
	if (n > 0) {
		size_t k = c.unique ? 1 : c.display.len + 1;
		m = xcalloc(k + 1, sizeof *m);
		m[0] = fit_to_start(rl_line_buffer, &c, (size_t)start);
		for (size_t i = 1; i < k; i++)
			m[i] = xstrdup(c.display.items[i - 1]);
	}
	completion_free(&c);
#ifdef WHELK_LINEEDIT_READLINE
	rl_completion_suppress_append = 1;	/* we add ' ' or '/' ourselves */
#endif
	return m;
}

#ifdef WHELK_LINEEDIT_LIBEDIT
/*
 * libedit reports Ctrl-D on an empty line only when the key reaches it as
 * a literal character, and its emacs keymap binds the key to "delete or
 * list" instead.  So we read keys ourselves: the terminal's EOF character
 * on an empty line marks end of input and ends the line.
 */
static int getc_eof_aware(FILE *in)
{
	unsigned char c;
	for (;;) {
		ssize_t n = read(fileno(in), &c, 1);
		if (n == 1)
			break;
		if (n == 0 || errno != EINTR)
			return EOF;
	}
	if (c == 4 && rl_end == 0 && owner) {
		state(owner)->eof = true;
		return '\n';
	}
	return c;
}
#endif

/* -------------------------------------------------------------- notices */

/* Before the shell prints: leave the edited line where it is, go below. */
static void notice_before(struct lineedit *le)
{
	(void)le;
	rl_crlf();
	fflush(rl_outstream);
}

/* After: draw the prompt and the half-typed line again. */
static void notice_after(struct lineedit *le)
{
	(void)le;
	rl_on_new_line();
	rl_forced_update_display();
}

/* ------------------------------------------------------------ reading */

static void discard_line(void)
{
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
#ifdef WHELK_LINEEDIT_READLINE
	rl_free_line_state();
	rl_callback_sigcleanup();
#endif
	rl_callback_handler_remove();
}

static enum lineedit_status rl_read(struct lineedit *le, const char *prompt,
				    char **line)
{
	struct rl_state *st = state(le);
	enum lineedit_status status = LINEEDIT_LINE;
	owner = le;
	st->done = st->eof = false;
	st->line = NULL;
#ifdef WHELK_LINEEDIT_READLINE
	rl_resize_terminal();	/* the window may have changed meanwhile */
#endif
	rl_callback_handler_install(prompt, on_line);
	while (!st->done) {
		if (lineedit_wait_input(le, true, notice_before, notice_after,
					&status) < 0) {
			discard_line();
			fputs("\n", rl_outstream);
			fflush(rl_outstream);
			owner = NULL;
			return status;
		}
		rl_callback_read_char();
	}
	owner = NULL;
	if (st->eof) {
		free(st->line);	/* libedit: the empty line our Ctrl-D ended */
		st->line = NULL;
		return LINEEDIT_EOF;
	}
	size_t n = strlen(st->line);
	if (n > 0 && st->line[n - 1] == '\n')	/* libedit may keep it */
		st->line[n - 1] = '\0';
	*line = xstrdup(st->line);
	free(st->line);		/* readline's malloc */
	st->line = NULL;
	return LINEEDIT_LINE;
}

static void rl_set_mode(struct lineedit *le, enum lineedit_mode mode)
{
	(void)le;
#ifdef WHELK_LINEEDIT_LIBEDIT
	rl_parse_and_bind(mode == LINEEDIT_VI ? "bind -v" : "bind -e");
	/* a keymap switch restores its defaults: Tab completes again */
	rl_parse_and_bind("bind ^I rl_complete");
#else
	rl_variable_bind("editing-mode", mode == LINEEDIT_VI ? "vi" : "emacs");
#endif
}

static void rl_add(struct lineedit *le, const char *line)
{
	(void)le;
	add_history(line);
}

static void rl_clear(struct lineedit *le)
{
	(void)le;
	clear_history();
}

static void rl_size(struct lineedit *le, size_t n)
{
	(void)le;
	stifle_history(n > 100000 ? 100000 : (int)n);
}

static void rl_finish(struct lineedit *le)
{
	struct rl_state *st = state(le);
	free(st->line);
	/* The FILEs wrap our own dups of the fds: closing them is safe. */
	fclose(st->in);
	fclose(st->out);
	free(le->backend);
	le->backend = NULL;
}

static const struct lineedit_ops rl_ops = {
	.name = RL_NAME,
	.read = rl_read,
	.set_mode = rl_set_mode,
	.add_history = rl_add,
	.clear_history = rl_clear,
	.set_history_size = rl_size,
	.finish = rl_finish,
};

bool lineedit_rl_init(struct lineedit *le)
{
	if (!isatty(le->in_fd))
		return false;
	struct rl_state *st = xcalloc(1, sizeof *st);
	/* Dup the fds so fclose at exit can never close the shell's own. */
	st->in = fdopen(dup(le->in_fd), "r");
	st->out = fdopen(dup(le->out_fd), "w");
	if (!st->in || !st->out) {
		if (st->in)
			fclose(st->in);
		if (st->out)
			fclose(st->out);
		free(st);
		return false;
	}
	le->backend = st;
	le->ops = &rl_ops;
	rl_instream = st->in;
	rl_outstream = st->out;
	rl_readline_name = "whelk";
	rl_catch_signals = 0;		/* SIGINT is the shell's */
#ifdef WHELK_LINEEDIT_READLINE
	rl_catch_sigwinch = 0;
	rl_char_is_quoted_p = char_is_quoted;
#endif
	rl_completer_word_break_characters = (char *)" \t\n;&|<>()";
	rl_attempted_completion_function = attempt_completion;
#ifdef WHELK_LINEEDIT_LIBEDIT
	rl_getc_function = getc_eof_aware;
#endif
	rl_completion_append_character = '\0';
	using_history();
	rl_initialize();
	return true;
}

#else

bool lineedit_rl_init(struct lineedit *le)
{
	(void)le;
	return false;
}

#endif
