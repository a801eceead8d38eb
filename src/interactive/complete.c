/* complete.c: Tab completion — word analysis, the choice of candidates and quoting (see complete.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/complete.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/shquote.h"
#include "base/strbuf.h"
#include "interactive/complete_sources.h"

/* ------------------------------------------------------------ analysis */

/*
 * Commands whose operand is itself a command (`sudo make`, `env A=1 ls`):
 * past their options, and the arguments of the options that take one, the
 * next word names a command again.  For `type` every operand does.
 */
struct wrapper {
	const char *name;
	const char *argopts;	/* option letters that take an argument */
	bool all;		/* every operand names a command */
};

static const struct wrapper wrappers[] = {
	{ "command", "", false },
	{ "env", "uCS", false },
	{ "exec", "a", false },
	{ "nice", "n", false },
	{ "nohup", "", false },
	{ "sudo", "ugCDhpRrtTU", false },
	{ "time", "", false },
	{ "type", "", true },
	{ "xargs", "adEILnPs", false },
};

static const struct wrapper *find_wrapper(const char *name)
{
	for (size_t i = 0; i < sizeof wrappers / sizeof wrappers[0]; i++)
		if (strcmp(name, wrappers[i].name) == 0)
			return &wrappers[i];
	return NULL;
}

/*
 * A command substitution, $( ... ) or ` ... `, starts a command of its
 * own; when it closes, the word it sat in goes on.  The lexer keeps the
 * outer command's state on a small stack (deeper nesting is analysed as
 * if flat: completion degrades, nothing breaks).
 */
#define LEX_MAX_NEST 8

struct lex_frame {
	char *command;		/* owned, may be NULL */
	int argno;
	enum complete_quote quote;	/* the quoting the substitution sat in */
	const struct wrapper *wrap;
	size_t start;		/* the outer word's start */
	char *text;		/* owned: the outer word's text so far */
	bool backquote;		/* ` ... ` rather than $( ... ) */
	int parens;		/* unmatched ( inside it */
};

struct lex {
	struct complete_word *w;
	struct strbuf text;
	bool in_word;
	bool cmdpos;		/* the next word names a command */
	bool redirect;		/* the next word is a redirection target */
	bool optarg;		/* the next word is a wrapper option's argument */
	const struct wrapper *wrap;	/* the current command is a wrapper */
	char *command;		/* owned: the current command's name */
	int argno;		/* arguments seen so far */
	char *arg1;		/* owned: its first argument */
	char *prev;		/* owned: the last argument */
	struct lex_frame stack[LEX_MAX_NEST];
	int depth;
};

/* XCU 2.4: reserved words after which a command name follows. */
static bool keeps_cmdpos(const char *s)
{
	static const char *const words[] = {
		"!", "{", "}", "do", "done", "elif", "else", "fi", "if",
		"then", "until", "while", NULL,
	};
	for (size_t i = 0; words[i]; i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	/* an assignment NAME=... before the command name */
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
	return n > 0 && s[n] == '=' && !(s[0] >= '0' && s[0] <= '9');
}

static void set_str(char **field, const char *s)
{
	free(*field);
	*field = s ? xstrdup(s) : NULL;
}

static void begin_word(struct lex *lx, size_t at)
{
	if (lx->in_word)
		return;
	lx->in_word = true;
	lx->w->start = at;
	sb_clear(&lx->text);
}

/* A word in command position: a command's name, or a wrapper's option. */
static void end_command_word(struct lex *lx, const char *s)
{
	if (keeps_cmdpos(s))
		return;
	if (lx->wrap && (s[0] == '-' || lx->wrap->all)) {
		if (++lx->argno == 1)
			set_str(&lx->arg1, s);
		set_str(&lx->prev, s);
		/* "-u root": the option's argument comes next */
		if (s[0] == '-' && s[1] && !s[2] && strchr(lx->wrap->argopts, s[1])) {
			lx->optarg = true;
			lx->cmdpos = false;
		}
		return;
	}
	set_str(&lx->command, s);
	lx->wrap = find_wrapper(s);
	lx->cmdpos = lx->wrap != NULL;
	lx->argno = 0;
	set_str(&lx->arg1, NULL);
	set_str(&lx->prev, NULL);
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
		end_command_word(lx, s);
	} else {
		if (++lx->argno == 1)
			set_str(&lx->arg1, s);
		set_str(&lx->prev, s);
		if (lx->optarg) {
			lx->optarg = false;
			lx->cmdpos = true;
		}
	}
}

static void new_command(struct lex *lx)
{
	end_word(lx);
	lx->cmdpos = true;
	lx->redirect = lx->optarg = false;
	lx->wrap = NULL;
	lx->argno = 0;
	set_str(&lx->command, NULL);
	set_str(&lx->arg1, NULL);
	set_str(&lx->prev, NULL);
}

/* $( or `: remember the outer command, start a new one inside. */
static void push_subst(struct lex *lx, bool backquote)
{
	if (lx->depth == LEX_MAX_NEST) {
		new_command(lx);
		return;
	}
	struct lex_frame *f = &lx->stack[lx->depth++];
	*f = (struct lex_frame){
		.command = lx->command, .argno = lx->argno,
		.quote = lx->w->quote, .wrap = lx->wrap, .start = lx->w->start,
		.text = xstrdup(sb_str(&lx->text)), .backquote = backquote,
	};
	lx->command = NULL;
	lx->in_word = false;
	lx->w->quote = CQ_NONE;
	new_command(lx);
}

/* ) or the closing `: back in the word the substitution sat in. */
static void pop_subst(struct lex *lx)
{
	struct lex_frame *f = &lx->stack[--lx->depth];
	new_command(lx);
	lx->command = f->command;
	lx->argno = f->argno;
	lx->wrap = f->wrap;
	lx->w->quote = f->quote;
	lx->cmdpos = false;
	lx->in_word = true;
	lx->w->start = f->start;
	sb_clear(&lx->text);
	sb_append(&lx->text, f->text);
	free(f->text);
}

static struct lex_frame *top(struct lex *lx)
{
	return lx->depth ? &lx->stack[lx->depth - 1] : NULL;
}

/* ( and ) outside quotes: a substitution's own parentheses, or a subshell. */
static void lex_paren(struct lex *lx, char c, bool after_dollar)
{
	struct lex_frame *f = top(lx);
	if (c == '(' && after_dollar) {
		push_subst(lx, false);
	} else if (c == '(') {
		if (f)
			f->parens++;
		new_command(lx);
	} else if (f && !f->backquote && f->parens == 0) {
		pop_subst(lx);
	} else {
		if (f && f->parens > 0)
			f->parens--;
		new_command(lx);
	}
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
	} else if (c == '(' || c == ')') {
		lex_paren(lx, c, lx->in_word && i > 0 && line[i - 1] == '$');
	} else if (c == '`') {
		struct lex_frame *f = top(lx);
		if (f && f->backquote)
			pop_subst(lx);
		else
			push_subst(lx, true);
	} else if (strchr("\n;&|", c)) {
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
	} else if (c == '`' || (c == '(' && i > 0 && line[i - 1] == '$')) {
		push_subst(lx, c == '`');	/* "...$( or "...` */
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
	w->arg1 = lx.arg1;
	w->prev = lx.prev;
	if (lx.redirect)
		w->argno = -1;	/* a redirection target: files only */
	while (lx.depth > 0) {
		struct lex_frame *f = &lx.stack[--lx.depth];
		free(f->command);
		free(f->text);
	}
	sb_free(&lx.text);
}

void complete_word_free(struct complete_word *w)
{
	free(w->text);
	free(w->command);
	free(w->arg1);
	free(w->prev);
	w->text = w->command = w->arg1 = w->prev = NULL;
}

/* ------------------------------------------------------------- quoting */

void complete_quote(struct strbuf *out, const char *s, enum complete_quote q)
{
	shq_in_context(out, s, q == CQ_SINGLE ? SHQ_SINGLE
		       : q == CQ_DOUBLE ? SHQ_DOUBLE : SHQ_UNQUOTED);
}

/* ---------------------------------------------------------- candidates */

/* Is s one of the space-separated words in list? */
static bool one_of(const char *s, const char *list)
{
	size_t n = strlen(s);
	for (const char *p = list; *p;) {
		size_t k = strcspn(p, " ");
		if (k == n && strncmp(p, s, n) == 0)
			return true;
		p += k + (p[k] == ' ');
	}
	return false;
}

/* The kind of an argument of a command that has its own candidates. */
static enum complete_kind argument_kind(const struct complete_hooks *hk,
					const struct complete_word *w)
{
	const char *t = w->text;
	const char *prev = w->prev ? w->prev : "";
	enum complete_operands ops = hk->operands ?
				     hk->operands(hk->ctx, w->command) : CO_FILES;
	switch (ops) {
	case CO_FILES:
		break;
	case CO_DIRS:
		if (t[0] != '-')
			return COMPLETE_DIRECTORY;
		break;
	case CO_VARNAMES:
		if (t[0] != '-' && !strchr(t, '='))
			return COMPLETE_VARNAME;
		break;
	case CO_JOBS:
		if (!t[0] || t[0] == '%')
			return COMPLETE_JOB;
		break;
	case CO_KILL:	/* a signal, then as CO_PIDS */
		if ((w->argno == 1 && t[0] == '-') || strcmp(prev, "-s") == 0)
			return COMPLETE_SIGNAL;
		return t[0] == '%' ? COMPLETE_JOB : COMPLETE_FILE;
	case CO_PIDS:
		if (t[0] == '%')
			return COMPLETE_JOB;
		break;
	case CO_TRAP:
		if (w->argno >= 2)
			return COMPLETE_SIGNAL;
		break;
	case CO_HELP:
		return COMPLETE_HELP;
	case CO_PROC:
		return w->argno == 1 ? COMPLETE_PROC_SUBCOMMAND :
		       t[0] == '-' ? COMPLETE_PROC_OPTION : COMPLETE_FILE;
	case CO_SET:
		if (one_of(prev, "-o +o"))
			return COMPLETE_OPTION;
		break;
	}
	return COMPLETE_FILE;
}

/* A $ that starts the variable name being typed ("$HO", "a${P"), or NULL. */
static const char *variable_start(const struct complete_word *w)
{
	const char *d = strrchr(w->text, '$');
	if (!d || w->quote == CQ_SINGLE || strchr(d, '/'))
		return NULL;
	const char *name = d + 1 + (d[1] == '{');
	return name[strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789")]
		       ? NULL : d;
}

static enum complete_kind pick_kind(const struct complete_hooks *hk,
				    const struct complete_word *w)
{
	const char *t = w->text;
	if (variable_start(w))
		return COMPLETE_VARIABLE;
	if (t[0] == '~' && !strchr(t, '/') && w->quote == CQ_NONE)
		return COMPLETE_USER;
	if (w->command && !w->command_position && w->argno > 0) {
		enum complete_kind k = argument_kind(hk, w);
		if (k != COMPLETE_FILE)
			return k;
	}
	if (w->command_position && !strchr(t, '/'))
		return COMPLETE_COMMAND;
	return COMPLETE_FILE;
}

/* $NAME or ${NAME}: ask the shell for names, rebuild the word. */
static void gather_variables(const struct complete_hooks *hk,
			     const struct complete_word *w, struct vec *out)
{
	const char *t = w->text, *d = variable_start(w);
	bool brace = d[1] == '{';
	struct vec names = VEC_INIT;
	if (hk->variables)
		hk->variables(hk->ctx, d + (brace ? 2 : 1), &names);
	for (size_t i = 0; i < names.len; i++) {
		struct strbuf c = STRBUF_INIT;
		sb_appendn(&c, t, (size_t)(d - t));
		sb_printf(&c, brace ? "${%s}" : "$%s", (char *)names.items[i]);
		vec_push(out, sb_finish(&c));
	}
	vec_free_all(&names, free);
}

/* A hook that may be missing. */
#define CALL_HOOK(hk, fn, ...) do { \
	if ((hk)->fn) \
		(hk)->fn((hk)->ctx, __VA_ARGS__); \
} while (0)

static void gather(const struct complete_hooks *hk, enum complete_kind kind,
		   const struct complete_word *w, struct vec *out)
{
	const char *t = w->text;
	switch (kind) {
	case COMPLETE_VARIABLE:
		gather_variables(hk, w, out);
		break;
	case COMPLETE_VARNAME:
		CALL_HOOK(hk, variables, t, out);
		break;
	case COMPLETE_USER:
		csrc_users(t + 1, out);
		break;
	case COMPLETE_JOB:
		CALL_HOOK(hk, jobs, t, out);
		break;
	case COMPLETE_PROC_SUBCOMMAND:
		CALL_HOOK(hk, proc_words, NULL, out);
		break;
	case COMPLETE_PROC_OPTION:
		CALL_HOOK(hk, proc_words, w->arg1, out);
		break;
	case COMPLETE_OPTION:
		CALL_HOOK(hk, options, t, out);
		break;
	case COMPLETE_HELP:
		CALL_HOOK(hk, help_topics, t, out);
		break;
	case COMPLETE_SIGNAL:
		/* -INT as typed after kill; trap also takes EXIT */
		csrc_signals(w->text[0] == '-',
			     hk->operands && w->command &&
			     hk->operands(hk->ctx, w->command) == CO_TRAP, out);
		break;
	case COMPLETE_COMMAND:
		CALL_HOOK(hk, commands, t, out);
		csrc_path(hk, t, out);
		break;
	case COMPLETE_DIRECTORY:
		csrc_files(hk, t, CSRC_DIRS, out);
		csrc_cdpath(hk, t, out);
		break;
	case COMPLETE_FILE:
		csrc_files(hk, t, w->command_position ? CSRC_EXEC : CSRC_ALL, out);
		break;
	}
	/* Keep only what extends the typed text (a hook may be sloppy). */
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

static bool is_path_kind(enum complete_kind kind)
{
	return kind == COMPLETE_FILE || kind == COMPLETE_DIRECTORY;
}

/* What a list shows: a file name without its directory ("dir/" stays). */
static char *display_name(const char *cand, enum complete_kind kind)
{
	if (!is_path_kind(kind))
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
	if (is_path_kind(kind) || kind == COMPLETE_COMMAND || kind == COMPLETE_HELP)
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
	enum complete_kind kind = pick_kind(hooks, &w);
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
