/* lineedit_rl.c: the GNU readline and libedit backends — both through readline's callback interface. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "interactive/lineedit.h"

#if defined(WHELK_LINEEDIT_READLINE) || defined(WHELK_LINEEDIT_LIBEDIT)

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <unistd.h>
#include <wchar.h>

#ifdef WHELK_LINEEDIT_LIBEDIT
#include <editline/readline.h>
#define RL_NAME "libedit"
#else
#include <readline/history.h>
#include <readline/readline.h>
#define RL_NAME "readline"
#ifdef WHELK_READLINE_SONAME
#include "interactive/rl_dlopen.h"
#endif
#endif

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/mbchar.h"
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
	char *prompt;		/* owned: the prompt being shown, or NULL */
	char *edited;		/* owned: what the user's editor saved (C-x
				   C-e), the line to return; NULL */
	char *suggestion;	/* owned: the whole line suggested, or NULL */
	bool suggestion_shown;	/* its rest is drawn after the cursor */
	struct strbuf keys;	/* bytes to feed the editor before reading
				   more: an accepted suggestion, or bytes
				   read ahead while looking for a key */
	size_t keys_pos;	/* how many of keys were fed */
	bool interrupted;	/* Ctrl-C came while the editor waited for a
				   byte (getc_whelk gave it a NUL instead) */
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

#ifdef WHELK_LINEEDIT_READLINE
/*
 * A key for the completion query and pager (complete_list.c); Ctrl-C or
 * end of input gives -1.  Not lineedit_wait_input: a notice or a resize
 * would redraw the prompt in the middle of the list; they wait for the
 * list to end (the wake-up pipe keeps their bytes meanwhile).
 */
static int list_getkey(void *ctx)
{
	struct lineedit *le = ctx;
	for (;;) {
		fd_set rd;
		FD_ZERO(&rd);
		FD_SET(le->in_fd, &rd);
		int n = select(le->in_fd + 1, &rd, NULL, NULL, NULL);
		if (le->hooks.interrupted && le->hooks.interrupted(le->hooks.ctx))
			return -1;
		if (n < 0 && errno != EINTR)
			return -1;
		unsigned char c;
		if (n > 0)
			return read(le->in_fd, &c, 1) == 1 ? c : -1;
	}
}

/*
 * readline calls this to list matches[1..n] (the second Tab).  In callback
 * mode its own lister answers "Display all N possibilities?" itself and
 * never pages, so whelk lists them, honouring the user's inputrc settings
 * completion-query-items and page-completions.
 */
static void show_matches(char **matches, int n, int longest)
{
	(void)longest;
	if (!owner)
		return;
	int lines = 0, cols = 0;
	rl_get_screen_size(&lines, &cols);
	const char *pg = rl_variable_value("page-completions");
	struct complete_pager p = {
		.out_fd = fileno(rl_outstream), .getkey = list_getkey, .ctx = owner,
		.cols = cols, .lines = lines,
		.query_items = rl_completion_query_items > 0 ?
			       (size_t)rl_completion_query_items : 0,
		.page = !pg || strcmp(pg, "off") != 0,
	};
	rl_crlf();
	fflush(rl_outstream);
	(void)complete_show_list(&p, matches + 1, (size_t)n);
	rl_on_new_line();
	rl_forced_update_display();
}
#endif

/* ------------------------------------------------------------ keys in */

static bool keys_queued(const struct rl_state *st)
{
	return st->keys_pos < st->keys.len;
}

/* Put text in front of the bytes still queued. */
static void keys_push_front(struct rl_state *st, const char *text, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	sb_appendn(&sb, text, n);
	if (keys_queued(st))
		sb_appendn(&sb, st->keys.data + st->keys_pos,
			   st->keys.len - st->keys_pos);
	sb_free(&st->keys);
	st->keys = sb;
	st->keys_pos = 0;
}

/*
 * A byte from the terminal for the editor, which waits for it inside the
 * library.  A Ctrl-C must end that wait: the terminal flushes its input
 * when it sends SIGINT, so bytes that select reported may be gone by the
 * time the editor reads, and a plain read would then block until the
 * next key.  So wait in poll (which a signal always interrupts) on the
 * terminal and the wake-up pipe, look for the interrupt just before the
 * read, and let a signal end the read itself (SIGINT's handler has no
 * SA_RESTART).  On an interrupt the editor gets a NUL (set-mark: harmless,
 * the line is dropped), and end of input if it asks again (libedit does),
 * and rl_read sees st->interrupted when the library returns.  A wake-up that is not an interrupt (a child changed state) is
 * left in the pipe for lineedit_wait_input, which serves notices.
 */
static int read_or_interrupt(struct lineedit *le, struct rl_state *st, int fd)
{
	struct pollfd p[2] = { { fd, POLLIN, 0 }, { le->hooks.wake_fd, POLLIN, 0 } };
	nfds_t np = le->hooks.wake_fd >= 0 ? 2 : 1;
	if (st->interrupted)
		return -1;	/* libedit went on reading after the NUL */
	for (;;) {
		if (le->hooks.interrupted && le->hooks.interrupted(le->hooks.ctx)) {
			st->interrupted = true;
			return 0;
		}
		int n = poll(p, np, -1);
		if (n < 0 && errno != EINTR)
			return -1;
		if (n > 0 && np == 2 && p[1].revents)
			np = 1;		/* not ours to drain; see above */
		if (n <= 0 || !p[0].revents)
			continue;
		if (le->hooks.interrupted && le->hooks.interrupted(le->hooks.ctx)) {
			st->interrupted = true;
			return 0;
		}
		unsigned char c;
		ssize_t r = read(fd, &c, 1);
		if (r == 1)
			return c;
		if (r == 0 || errno != EINTR)
			return -1;
	}
}

/* The next byte: a queued one, else one from the terminal (waiting at
   most wait_ms when wait_ms >= 0).  -1 at end of input or time out. */
static int next_byte(struct rl_state *st, int fd, int wait_ms)
{
	if (st && keys_queued(st)) {
		unsigned char c = (unsigned char)st->keys.data[st->keys_pos++];
		if (!keys_queued(st))
			sb_clear(&st->keys), st->keys_pos = 0;
		return c;
	}
	if (wait_ms >= 0) {
		fd_set rd;
		FD_ZERO(&rd);
		FD_SET(fd, &rd);
		struct timeval tv = { 0, wait_ms * 1000L };
		if (select(fd + 1, &rd, NULL, NULL, &tv) <= 0)
			return -1;
	}
	unsigned char c;
	if (wait_ms < 0 && st && owner)
		return read_or_interrupt(owner, st, fd);
	return fd_read(fd, &c, 1) == 1 ? c : -1;
}

/*
 * The keys that take the suggestion drawn after the cursor (fish's):
 * Right, End and C-f take all of it, M-f one word.  They are recognised
 * here, as bytes, before the editor sees them, and replaced by the text
 * taken — which the editor then inserts as if it had been typed, so
 * readline and libedit keep their own idea of the line and the screen.
 */
static const struct {
	const char *seq;
	bool word;
} accept_keys[] = {
	{ "\033[C", false }, { "\033OC", false },		/* Right */
	{ "\033[F", false }, { "\033OF", false },		/* End */
	{ "\033[4~", false }, { "\033[8~", false },
	{ "\006", false },				/* C-f */
	{ "\033f", true },				/* M-f */
};

/* 1: seq is one of accept_keys (*word set), 0: a proper prefix of one,
   -1: neither. */
static int accept_match(const char *seq, size_t n, bool *word)
{
	int r = -1;
	for (size_t i = 0; i < sizeof accept_keys / sizeof accept_keys[0]; i++) {
		const char *k = accept_keys[i].seq;
		if (strncmp(k, seq, n) != 0)
			continue;
		if (k[n] == '\0') {
			*word = accept_keys[i].word;
			return 1;
		}
		r = 0;
	}
	return r;
}

/* The part of the suggestion's rest that M-f takes: up to the end of the
   next word (what forward-word would skip). */
static size_t one_word(const char *rest)
{
	size_t i = 0;
	while (rest[i] && !isalnum((unsigned char)rest[i]))
		i++;
	while (rest[i] && (isalnum((unsigned char)rest[i]) ||
			   (unsigned char)rest[i] >= 0x80))
		i++;
	return i;
}

/* c started a key while a suggestion is drawn: if the key accepts it,
   queue the text taken and return its first byte; else return c and
   queue the bytes read ahead. */
static int accept_or_pass(struct rl_state *st, int fd, int c)
{
	char seq[8] = { (char)c };
	size_t n = 1;
	bool word = false;
	int m;
	while ((m = accept_match(seq, n, &word)) == 0 && n < sizeof seq - 1) {
		int b = next_byte(st, fd, 30);	/* a key's bytes come together */
		if (b < 0)
			break;
		seq[n++] = (char)b;
	}
	if (m == 1) {
		const char *rest = st->suggestion + rl_end;
		keys_push_front(st, rest, word ? one_word(rest) : strlen(rest));
		return keys_queued(st) ? next_byte(st, fd, -1) : c;
	}
	keys_push_front(st, seq + 1, n - 1);
	return c;
}

static int getc_whelk(FILE *in)
{
	struct rl_state *st = owner ? state(owner) : NULL;
	int c = next_byte(st, fileno(in), -1);
	if (c < 0)
		return EOF;
#ifdef WHELK_LINEEDIT_LIBEDIT
	/*
	 * libedit reports Ctrl-D on an empty line only when the key reaches
	 * it as a literal character, and its emacs keymap binds the key to
	 * "delete or list" instead: the terminal's EOF character on an empty
	 * line marks end of input here and ends the line.
	 */
	if (c == 4 && rl_end == 0 && st) {
		st->eof = true;
		return '\n';
	}
#endif
	if (st && st->suggestion && rl_point == rl_end && (c == 033 || c == 006))
		c = accept_or_pass(st, fileno(in), c);
	return c;
}

#ifdef WHELK_LINEEDIT_READLINE
/* readline asks whether more of a key sequence is there (to tell ESC
   alone from ESC [ C): the queued bytes count. */
static int input_available(void)
{
	if (owner && keys_queued(state(owner)))
		return 1;
	int us = rl_set_keyboard_input_timeout(0);
	rl_set_keyboard_input_timeout(us);
	fd_set rd;
	FD_ZERO(&rd);
	FD_SET(fileno(rl_instream), &rd);
	struct timeval tv = { us / 1000000, us % 1000000 };
	return select(fileno(rl_instream) + 1, &rd, NULL, NULL, &tv) > 0;
}
#endif

/* -------------------------------------------------------------- screen */

/* Columns s[0, n) takes on the screen as the editors draw it: \001...\002
   (invisible) take none, a control character two (^X), a tab up to the
   next multiple of 8, others their wcwidth. */
static size_t text_width(const char *s, size_t n, size_t col)
{
	mbstate_t mb;
	memset(&mb, 0, sizeof mb);
	bool invisible = false;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\001' || c == '\002') {
			invisible = c == '\001';
			i++;
			continue;
		}
		if (invisible || c == '\n') {
			col = c == '\n' ? 0 : col;
			i++;
			continue;
		}
		if (c == '\t' || c < 0x20 || c == 0x7f) {
			col = c == '\t' ? (col / 8 + 1) * 8 : col + 2;
			i++;
			continue;
		}
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, n - i, &mb);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&mb, 0, sizeof mb);
			col++;	/* shown as one cell (\ooo in readline: close) */
			i++;
			continue;
		}
		int w = wcwidth(wc);
		col += w > 0 ? (size_t)w : 0;
		i += k;
	}
	return col;
}

/* How far in cells line position pos is drawn from the start of the
   prompt's last line. */
static size_t offset_of(const struct rl_state *st, int pos)
{
	const char *p = st->prompt ? st->prompt : "";
	const char *nl = strrchr(p, '\n');
	if (nl)
		p = nl + 1;
	size_t col = text_width(p, strlen(p), 0);
	return text_width(rl_line_buffer, (size_t)pos, col);
}

static size_t screen_cols(void)
{
	int rows = 0, cols = 0;
	rl_get_screen_size(&rows, &cols);
	return cols > 0 ? (size_t)cols : 80;
}

/* Move the terminal's cursor from line position rl_point to the end of
   the line, by itself (libedit's rl_redisplay would queue a key). */
static void cursor_to_end(struct rl_state *st)
{
	size_t cols = screen_cols();
	size_t from = offset_of(st, rl_point), to = offset_of(st, rl_end);
	size_t down = to / cols - from / cols;
	if (down > 0)
		fprintf(rl_outstream, "\033[%zuB", down);
	fputc('\r', rl_outstream);
	if (to % cols > 0)
		fprintf(rl_outstream, "\033[%zuC", to % cols);
	rl_point = rl_end;
}

/* ------------------------------------------------------ autosuggestion */

/* Bytes of s that fit in room cells (whole characters only); *width gets
   the cells they take. */
static size_t fit_cells(const char *s, size_t room, size_t *width)
{
	mbstate_t mb;
	memset(&mb, 0, sizeof mb);
	size_t i = 0, w = 0, n = strlen(s);
	while (i < n) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, n - i, &mb);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0)
			break;
		int cw = wcwidth(wc);
		if (cw < 0 || w + (size_t)cw > room)
			break;
		w += (size_t)cw;
		i += k;
	}
	*width = w;
	return i;
}

/* Take the suggestion off the screen (it is only ever drawn on the
   cursor's row, after the cursor). */
static void suggestion_erase(struct rl_state *st)
{
	if (!st->suggestion_shown)
		return;
	fputs("\033[K", rl_outstream);
	fflush(rl_outstream);
	st->suggestion_shown = false;
}

/*
 * After a key: ask for a suggestion when the cursor is at the end of a
 * non-empty line, and draw its rest after the cursor in grey, cut to what
 * fits on the cursor's row (so it never wraps, and erasing it is one
 * "clear to end of line"), then put the cursor back.
 */
static void suggestion_update(struct lineedit *le)
{
	struct rl_state *st = state(le);
	suggestion_erase(st);
	free(st->suggestion);
	st->suggestion = NULL;
	if (!le->hooks.suggest || rl_end == 0 || rl_point != rl_end)
		return;
	char *line = xstrndup(rl_line_buffer, (size_t)rl_end);
	char *s = le->hooks.suggest(le->hooks.ctx, line);
	free(line);
	if (!s || strncmp(s, rl_line_buffer, (size_t)rl_end) != 0 || !s[rl_end]) {
		free(s);
		return;
	}
	size_t cols = screen_cols();
	size_t col = offset_of(st, rl_end) % cols, w = 0;
	size_t n = fit_cells(s + rl_end, cols - col - 1, &w);
	st->suggestion = s;
	if (n == 0)
		return;
	fputs("\033[90m", rl_outstream);
	fwrite(s + rl_end, 1, n, rl_outstream);
	fprintf(rl_outstream, "\033[39m\033[%zuD", w);
	fflush(rl_outstream);
	st->suggestion_shown = true;
}

/* Before the shell prints: leave the edited line where it is, go below. */
static void rl_hide(struct lineedit *le)
{
	suggestion_erase(state(le));
	rl_crlf();
	fflush(rl_outstream);
}

/* After: draw the prompt and the half-typed line again. */
static void rl_show(struct lineedit *le)
{
	rl_on_new_line();
	rl_forced_update_display();
	suggestion_update(le);
}

/* Rows the prompt's lines before its last take at width cols: readline
   draws them again with the last (libedit gets only the last, rl_read). */
static size_t prompt_prefix_rows(const struct rl_state *st, size_t cols)
{
	size_t rows = 0;
#ifdef WHELK_LINEEDIT_READLINE
	const char *p = st->prompt ? st->prompt : "";
	for (const char *nl; (nl = strchr(p, '\n')); p = nl + 1) {
		size_t w = text_width(p, (size_t)(nl - p), 0);
		rows += w == 0 ? 1 : (w + cols - 1) / cols;
	}
#else
	(void)st;
	(void)cols;
#endif
	return rows;
}

/*
 * The window changed size.  Most terminals (tmux, VTE, kitty, foot...)
 * re-wrap the lines already on the screen to the new width and keep the
 * cursor with the character it was on, so the edited line now starts
 * offset_of(rl_point) / cols rows above the cursor (and the prompt's
 * earlier lines above that): go there, erase to the end of
 * the screen and draw prompt and line afresh for the new width.  (A
 * terminal that does not re-wrap, like xterm, agrees whenever the cursor
 * was on the line's first row at both widths.)
 */
static void rl_on_resize(struct lineedit *le)
{
	struct winsize ws;
	if (ioctl(le->out_fd, TIOCGWINSZ, &ws) < 0 || ws.ws_col == 0 ||
	    ws.ws_row == 0)
		return;
	size_t up = offset_of(state(le), rl_point) / ws.ws_col +
		    prompt_prefix_rows(state(le), ws.ws_col);
	state(le)->suggestion_shown = false;	/* erased with the rest */
	fputc('\r', rl_outstream);
	if (up > 0)
		fprintf(rl_outstream, "\033[%zuA", up);
	fputs("\033[J", rl_outstream);
	fflush(rl_outstream);
	rl_set_screen_size(ws.ws_row, ws.ws_col);
	rl_show(le);
	fflush(rl_outstream);
}

/* ------------------------------------------------- the user's editor */

/*
 * C-x C-e / vi's v: the line goes to hooks->edit, which runs $VISUAL (or
 * $FCEDIT, $EDITOR, vi) on it.  The terminal leaves the editor's raw mode
 * for it and gets it back after.  What was saved is shown below the
 * prompt and becomes the line read (rl_read sees st->edited once this
 * key's dispatch is over); a failed editor leaves the line as it was.
 */
static int edit_line_in_editor(int count, int key)
{
	(void)count;
	(void)key;
	if (!owner || !owner->hooks.edit) {
		rl_ding();
		return 0;
	}
	struct rl_state *st = state(owner);
	char *text = xstrndup(rl_line_buffer, (size_t)rl_end);
	suggestion_erase(st);
	cursor_to_end(st);
	fputs("\r\n", rl_outstream);
	fflush(rl_outstream);
	rl_deprep_terminal();
	char *out = owner->hooks.edit(owner->hooks.ctx, text);
	rl_prep_terminal(0);
	free(text);
	if (!out) {
		rl_show(owner);
		return 0;
	}
	for (const char *p = out; *p; p++) {	/* \n alone would not return */
		if (*p == '\n')
			fputc('\r', rl_outstream);
		fputc(*p, rl_outstream);
	}
	fputs(*out ? "\r\n" : "", rl_outstream);
	fflush(rl_outstream);
	st->edited = out;
	return 0;
}

/* The keys, for the mode in force (a keymap switch resets libedit's). */
static void bind_edit_keys(enum lineedit_mode mode)
{
#ifdef WHELK_LINEEDIT_LIBEDIT
	if (mode == LINEEDIT_VI)
		rl_parse_and_bind("bind -a v whelk-edit-line");
	else
		rl_parse_and_bind("bind ^X^E whelk-edit-line");
#else
	(void)mode;
	rl_bind_keyseq_in_map("\\C-x\\C-e", edit_line_in_editor,
			      emacs_standard_keymap);
	rl_bind_key_in_map('v', edit_line_in_editor, vi_movement_keymap);
#endif
}

/* libedit calls a function added with rl_add_defun for the key it is
   registered with (the last key of a sequence: C-e for C-x C-e), and
   binds that key to it too: the key's own meaning is bound back. */
static void add_edit_function(void)
{
#ifdef WHELK_LINEEDIT_LIBEDIT
	rl_add_defun("whelk-edit-line", edit_line_in_editor, 'e' & 0x1f);
	rl_add_defun("whelk-edit-line", edit_line_in_editor, 'v');
	rl_parse_and_bind("bind ^E ed-move-to-end");
	rl_parse_and_bind("bind v ed-insert");
#else
	rl_add_defun("edit-and-execute-command", edit_line_in_editor, -1);
#endif
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

/* Ctrl-C: the line stays on the screen, marked ^C; the next prompt
   starts below it (as bash and fish do).  readline redraws an emptied
   line where it believes the cursor is, so it is told about the new line
   first; libedit moves back to the line's start when its state is
   dropped, so the newline follows that. */
static void interrupt_line(struct lineedit *le)
{
	suggestion_erase(state(le));
	cursor_to_end(state(le));
#ifdef WHELK_LINEEDIT_READLINE
	fputs("^C\r\n", rl_outstream);
	fflush(rl_outstream);
	rl_on_new_line();
	discard_line();
#else
	fputs("^C", rl_outstream);
	fflush(rl_outstream);
	discard_line();
	fputs("\r\n", rl_outstream);
#endif
	fflush(rl_outstream);
}

static enum lineedit_status rl_read(struct lineedit *le, const char *prompt,
				    char **line)
{
	struct rl_state *st = state(le);
	enum lineedit_status status = LINEEDIT_LINE;
	owner = le;
	st->done = st->eof = false;
	st->line = NULL;
	free(st->prompt);
	st->prompt = xstrdup(prompt);
	free(st->suggestion);
	st->suggestion = NULL;
	st->suggestion_shown = false;
#ifdef WHELK_LINEEDIT_READLINE
	rl_resize_terminal();	/* the window may have changed meanwhile */
	/* readline 8.1+ remembers an end of file it saw and then ends every
	   later line with a second newline: a Ctrl-D the shell refused
	   (ignoreeof, or inside a command) must leave no trace. */
	rl_eof_found = 0;
#else
	rl_resize_terminal();
#endif
#ifdef WHELK_LINEEDIT_LIBEDIT
	/* libedit draws a prompt's newline as nothing: the lines before the
	   last are written here, the library gets the last. */
	const char *nl = strrchr(prompt, '\n');
	if (nl) {
		for (const char *p = prompt; p <= nl; p++)
			if (*p == '\n')
				fputs("\r\n", rl_outstream);
			else if (*p != '\001' && *p != '\002')
				fputc(*p, rl_outstream);
		fflush(rl_outstream);
		prompt = nl + 1;
	}
#endif
	rl_callback_handler_install(prompt, on_line);
	while (!st->done) {
		if (!keys_queued(st) && lineedit_wait_input(le, &status) < 0) {
			if (status == LINEEDIT_INTERRUPT) {
				interrupt_line(le);
			} else {
				discard_line();
				fputs("\n", rl_outstream);
				fflush(rl_outstream);
			}
			owner = NULL;
			return status;
		}
		suggestion_erase(st);
		st->interrupted = false;
		rl_callback_read_char();
		if (st->interrupted) {
			free(st->line);	/* a line the end of input ended */
			st->line = NULL;
			st->done = st->eof = false;
			status = LINEEDIT_INTERRUPT;
			interrupt_line(le);
			owner = NULL;
			return status;
		}
		if (!st->done && !keys_queued(st))
			suggestion_update(le);
		if (st->edited) {	/* C-x C-e: the editor's text is the line */
			discard_line();
			owner = NULL;
			*line = st->edited;
			st->edited = NULL;
			return LINEEDIT_LINE;
		}
	}
	owner = NULL;
	if (st->eof) {
		free(st->line);	/* libedit: the empty line our Ctrl-D ended */
		st->line = NULL;
#ifdef WHELK_LINEEDIT_LIBEDIT
		/* libedit echoes the key as ^D and stays on the line: what
		   follows (exit, a refusal) starts below, as with readline */
		fputs("\r\n", rl_outstream);
		fflush(rl_outstream);
#endif
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
	bind_edit_keys(mode);
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
	free(st->prompt);
	free(st->edited);
	free(st->suggestion);
	sb_free(&st->keys);
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
	.hide = rl_hide,
	.show = rl_show,
	.resize = rl_on_resize,
};

bool lineedit_rl_init(struct lineedit *le)
{
	if (!isatty(le->in_fd))
		return false;
#ifdef WHELK_READLINE_SONAME
	const char *why = WHELK_READLINE_SONAME;
	if (!rl_api_load(&why)) {	/* the plain line reader, then */
		dprintf(le->out_fd, "whelk: line editing off: %s\n", why);
		return false;
	}
#endif
	mb_locale_ready();	/* the library reads LC_CTYPE as it starts */
	struct rl_state *st = xcalloc(1, sizeof *st);
	/* Dup the fds so fclose at exit can never close the shell's own;
	   the copies are the shell's private fds (>= 10, close-on-exec), so
	   no command inherits them. */
	st->in = fdopen(fd_dup_high(le->in_fd), "r");
	st->out = fdopen(fd_dup_high(le->out_fd), "w");
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
	rl_catch_sigwinch = 0;		/* SIGWINCH too: rl_on_resize */
	rl_change_environment = 0;	/* LINES/COLUMNS are the shell's */
	rl_char_is_quoted_p = char_is_quoted;
#endif
	rl_completer_word_break_characters = (char *)" \t\n;&|<>()";
	rl_attempted_completion_function = attempt_completion;
#ifdef WHELK_LINEEDIT_READLINE
	rl_completion_display_matches_hook = show_matches;
#endif
	rl_getc_function = getc_whelk;
#ifdef WHELK_LINEEDIT_READLINE
	rl_input_available_hook = input_available;
#endif
	rl_completion_append_character = '\0';
	using_history();
	rl_initialize();
	add_edit_function();
	return true;
}

#else

bool lineedit_rl_init(struct lineedit *le)
{
	(void)le;
	return false;
}

#endif
