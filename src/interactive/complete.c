/* complete.c: Tab completion — word analysis, candidate generation and quoting (see complete.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/complete.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "interactive/complete_sources.h"

const char *const complete_proc_subcommands[] = {
	"fds", "help", "info", "limits", "mem", "ps", "sigs", "tree", NULL,
};

/* ------------------------------------------------------------ analysis */

struct lex {
	struct complete_word *w;
	struct strbuf text;
	bool in_word;
	bool cmdpos;		/* the next word names a command */
	bool redirect;		/* the next word is a redirection target */
	char *command;		/* owned: the current command's name */
	int argno;		/* arguments seen so far */
};

/* XCU 2.4: reserved words after which a command name follows. */
static bool keeps_cmdpos(const char *s)
{
	static const char *const words[] = {
		"!", "{", "}", "do", "done", "elif", "else", "fi", "if",
		"then", "time", "until", "while", NULL,
	};
	for (size_t i = 0; words[i]; i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	/* an assignment NAME=... before the command name */
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
	return n > 0 && s[n] == '=' && !(s[0] >= '0' && s[0] <= '9');
}

static void begin_word(struct lex *lx, size_t at)
{
	if (lx->in_word)
		return;
	lx->in_word = true;
	lx->w->start = at;
	sb_clear(&lx->text);
}

static void end_word(struct lex *lx)
{
	if (!lx->in_word)
		return;
	lx->in_word = false;
	const char *s = sb_str(&lx->text);
	if (lx->redirect) {
		lx->redirect = false;
	} else if (lx->cmdpos) {
		if (!keeps_cmdpos(s)) {
			free(lx->command);
			lx->command = xstrdup(s);
			lx->cmdpos = false;
			lx->argno = 0;
		}
	} else {
		lx->argno++;
	}
}

static void new_command(struct lex *lx)
{
	end_word(lx);
	lx->cmdpos = true;
	lx->redirect = false;
	free(lx->command);
	lx->command = NULL;
	lx->argno = 0;
}

/* One byte outside quotes; returns how many bytes it consumed. */
static size_t lex_plain(struct lex *lx, const char *line, size_t i, size_t point)
{
	char c = line[i];
	if (c == '\\') {
		begin_word(lx, i);
		if (i + 1 < point) {
			sb_putc(&lx->text, line[i + 1]);
			return 2;
		}
	} else if (c == ' ' || c == '\t') {
		end_word(lx);
	} else if (strchr("\n;&|()", c)) {
		new_command(lx);
	} else if (c == '<' || c == '>') {
		end_word(lx);
		lx->redirect = true;
	} else {
		begin_word(lx, i);
		if (c == '\'')
			lx->w->quote = CQ_SINGLE;
		else if (c == '"')
			lx->w->quote = CQ_DOUBLE;
		else
			sb_putc(&lx->text, c);
	}
	return 1;
}

/* One byte inside quotes. */
static size_t lex_quoted(struct lex *lx, const char *line, size_t i, size_t point)
{
	char c = line[i];
	if (lx->w->quote == CQ_SINGLE) {
		if (c == '\'')
			lx->w->quote = CQ_NONE;
		else
			sb_putc(&lx->text, c);
		return 1;
	}
	if (c == '"') {
		lx->w->quote = CQ_NONE;
	} else if (c == '\\' && i + 1 < point && strchr("$`\"\\\n", line[i + 1])) {
		sb_putc(&lx->text, line[i + 1]);
		return 2;
	} else {
		sb_putc(&lx->text, c);
	}
	return 1;
}

void complete_analyze(const char *line, size_t point, struct complete_word *w)
{
	struct lex lx = { .w = w, .text = STRBUF_INIT, .cmdpos = true };
	memset(w, 0, sizeof *w);
	for (size_t i = 0; i < point && line[i];) {
		if (w->quote != CQ_NONE)
			i += lex_quoted(&lx, line, i, point);
		else
			i += lex_plain(&lx, line, i, point);
	}
	if (!lx.in_word) {
		w->start = point;
		sb_clear(&lx.text);
	}
	w->text = xstrdup(sb_str(&lx.text));
	w->command_position = lx.cmdpos && !lx.redirect;
	w->command = lx.command;
	w->argno = lx.cmdpos ? 0 : lx.argno + 1;
	if (lx.redirect)
		w->argno = -1;	/* a redirection target: files only */
	sb_free(&lx.text);
}

void complete_word_free(struct complete_word *w)
{
	free(w->text);
	free(w->command);
	w->text = w->command = NULL;
}

/* ------------------------------------------------------------- quoting */

void complete_quote(struct strbuf *out, const char *s, enum complete_quote q)
{
	for (; *s; s++) {
		if (q == CQ_SINGLE && *s == '\'')
			sb_append(out, "'\\''");
		else if (q == CQ_DOUBLE && strchr("$`\"\\", *s))
			sb_printf(out, "\\%c", *s);
		else if (q == CQ_NONE && strchr(" \t\n\\'\"$`&|;<>()*?[]!{}#", *s))
			sb_printf(out, "\\%c", *s);
		else
			sb_putc(out, *s);
	}
}

/* ---------------------------------------------------------- candidates */

static bool is_job_command(const char *cmd)
{
	static const char *const names[] = {
		"bg", "disown", "fg", "jobs", "kill", "wait", NULL,
	};
	for (size_t i = 0; names[i]; i++)
		if (strcmp(cmd, names[i]) == 0)
			return true;
	return false;
}

static enum complete_kind pick_kind(const struct complete_word *w)
{
	const char *t = w->text;
	if (t[0] == '$' && w->quote != CQ_SINGLE)
		return COMPLETE_VARIABLE;
	if (t[0] == '~' && !strchr(t, '/') && w->quote == CQ_NONE)
		return COMPLETE_USER;
	if (w->command && w->argno > 0 && is_job_command(w->command) &&
	    (t[0] == '%' || (!t[0] && (strcmp(w->command, "fg") == 0 ||
					   strcmp(w->command, "bg") == 0 ||
					   strcmp(w->command, "disown") == 0))))
		return COMPLETE_JOB;
	if (w->command && w->argno == 1 && strcmp(w->command, "proc") == 0)
		return COMPLETE_PROC_SUBCOMMAND;
	if (w->command_position && !strchr(t, '/'))
		return COMPLETE_COMMAND;
	return COMPLETE_FILE;
}

/* $NAME or ${NAME}: ask the shell for names, rebuild the word. */
static void gather_variables(const struct complete_hooks *hk, const char *t,
			     struct vec *out)
{
	bool brace = t[1] == '{';
	struct vec names = VEC_INIT;
	if (hk->variables)
		hk->variables(hk->ctx, t + (brace ? 2 : 1), &names);
	for (size_t i = 0; i < names.len; i++) {
		struct strbuf c = STRBUF_INIT;
		sb_printf(&c, brace ? "${%s}" : "$%s", (char *)names.items[i]);
		vec_push(out, sb_finish(&c));
	}
	vec_free_all(&names, free);
}

static void gather(const struct complete_hooks *hk, enum complete_kind kind,
		   const struct complete_word *w, struct vec *out)
{
	const char *t = w->text;
	switch (kind) {
	case COMPLETE_VARIABLE:
		gather_variables(hk, t, out);
		break;
	case COMPLETE_USER:
		csrc_users(t + 1, out);
		break;
	case COMPLETE_JOB:
		if (hk->jobs)
			hk->jobs(hk->ctx, t, out);
		break;
	case COMPLETE_PROC_SUBCOMMAND:
		csrc_words(complete_proc_subcommands, t, out);
		break;
	case COMPLETE_COMMAND:
		if (hk->commands)
			hk->commands(hk->ctx, t, out);
		csrc_path(hk, t, out);
		break;
	case COMPLETE_FILE:
		csrc_files(hk, t, w->command_position, out);
		break;
	}
	/* A hook may be sloppy: keep only what extends the typed text. */
	size_t k = 0, n = strlen(t);
	for (size_t i = 0; i < out->len; i++) {
		if (strncmp(out->items[i], t, n) == 0)
			out->items[k++] = out->items[i];
		else
			free(out->items[i]);
	}
	out->len = k;
	csrc_sort_unique(out);
}

static size_t common_prefix(const struct vec *v)
{
	const char *first = v->items[0];
	size_t n = strlen(first);
	for (size_t i = 1; i < v->len; i++) {
		const char *s = v->items[i];
		size_t k = 0;
		while (k < n && s[k] == first[k])
			k++;
		n = k;
	}
	return n;
}

/* What a list shows: a file name without its directory ("dir/" stays). */
static char *display_name(const char *cand, enum complete_kind kind)
{
	if (kind != COMPLETE_FILE)
		return xstrdup(cand);
	size_t n = strlen(cand);
	size_t end = n > 0 && cand[n - 1] == '/' ? n - 1 : n;
	size_t b = end;
	while (b > 0 && cand[b - 1] != '/')
		b--;
	return xstrdup(cand + b);
}

/*
 * The replacement: what the user typed, byte for byte, then the rest of
 * the common prefix quoted for the state at the cursor; a unique match
 * also gets its quote closed and a space (a directory: nothing, so the
 * next Tab goes on inside it).
 */
static char *replacement(const char *line, size_t point,
			 const struct complete_word *w, enum complete_kind kind,
			 const struct vec *cands)
{
	struct strbuf r = STRBUF_INIT;
	sb_appendn(&r, line + w->start, point - w->start);
	size_t typed = strlen(w->text);
	size_t n = common_prefix(cands);
	char *rest = xstrndup((const char *)cands->items[0] + typed, n - typed);
	if (kind == COMPLETE_FILE || kind == COMPLETE_COMMAND)
		complete_quote(&r, rest, w->quote);
	else
		sb_append(&r, rest);
	free(rest);
	const char *only = cands->items[0];
	if (cands->len == 1 && only[0] && only[strlen(only) - 1] != '/') {
		if (w->quote == CQ_SINGLE)
			sb_putc(&r, '\'');
		else if (w->quote == CQ_DOUBLE)
			sb_putc(&r, '"');
		sb_putc(&r, ' ');
	}
	return sb_finish(&r);
}

size_t complete_line(const struct complete_hooks *hooks, const char *line,
		     size_t point, struct completion *c)
{
	struct complete_word w;
	complete_analyze(line, point, &w);
	memset(c, 0, sizeof *c);
	c->start = w.start;
	enum complete_kind kind = pick_kind(&w);
	struct vec cands = VEC_INIT;
	gather(hooks, kind, &w, &cands);
	size_t n = cands.len;
	if (n > 0) {
		c->replacement = replacement(line, point, &w, kind, &cands);
		c->unique = n == 1;
		for (size_t i = 0; i < n; i++)
			vec_push(&c->display, display_name(cands.items[i], kind));
	}
	vec_free_all(&cands, free);
	complete_word_free(&w);
	return n;
}

void completion_free(struct completion *c)
{
	free(c->replacement);
	c->replacement = NULL;
	vec_free_all(&c->display, free);
}
