/* histexpand.c: history expansion — finds each !reference in a typed line and replaces it (the forms are listed in histexpand.h). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/histexpand.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "base/vec.h"

/* One expansion in progress. */
struct hx {
	struct hx_state *st;		/* borrowed */
	const struct history *h;	/* borrowed */
	const char *line;		/* borrowed: the typed line */
	size_t i;			/* parse position in line */
	bool dq;			/* inside "..." */
	bool print_only;		/* a :p was seen */
	struct strbuf out;		/* the expanded line so far */
	char *err;			/* owned, may be NULL */
};

/* Set the error "TEXT: what" (TEXT: len bytes at text); returns -1. */
static int fail_text(struct hx *x, const char *text, size_t len, const char *what)
{
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%.*s: %s", (int)len, text, what);
	free(x->err);
	x->err = sb_finish(&sb);
	return -1;
}

/* The error about line[from..to). */
static int fail(struct hx *x, size_t from, size_t to, const char *what)
{
	return fail_text(x, x->line + from, to - from, what);
}

static void replace_str(char **slot, char *fresh)
{
	free(*slot);
	*slot = fresh;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static bool is_op_char(char c)
{
	return c && strchr("|&;<>()", c) != NULL;
}

/* ---------------------------------------------------------------- words */

/* Length of the shell operator at p (>>, 2>, &&, ...); 0 when none. */
static size_t op_len(const char *p)
{
	static const char two[][3] = {
		"&&", "&>", ";;", "<&", "<<", "<>", ">&", ">>", ">|", "|&", "||",
	};
	size_t d = 0;
	while (is_digit(p[d]))
		d++;
	if (d && p[d] != '<' && p[d] != '>')
		return 0;
	if (!is_op_char(p[d]))
		return 0;
	for (size_t k = 0; k < sizeof two / sizeof two[0]; k++) {
		if (p[d] != two[k][0] || p[d + 1] != two[k][1])
			continue;
		size_t n = d + 2;
		if (p[d + 1] == '&' && p[d] != '&' && p[n] == '-')
			n++;		/* 2>&- */
		else if (p[d + 1] == '&' && p[d] != '&')
			while (is_digit(p[n]))
				n++;	/* 2>&1 is one word */
		return n;
	}
	return d + 1;
}

/* Length of $( ... ) or ${ ... } at p (to the matching close, or the end). */
static size_t subst_len(const char *p)
{
	char open = p[1], close = open == '(' ? ')' : '}';
	size_t n = 2;
	int depth = 1;
	for (; p[n] && depth > 0; n++) {
		if (p[n] == open)
			depth++;
		else if (p[n] == close)
			depth--;
	}
	return n;
}

/* Length of the word at p: quotes, backslashes, $( ) and ${ } keep it
   together. */
static size_t word_len(const char *p)
{
	size_t n = 0;
	char q = 0;
	for (; p[n]; n++) {
		char c = p[n];
		if (!q && c == '$' && (p[n + 1] == '(' || p[n + 1] == '{')) {
			n += subst_len(p + n) - 1;
		} else if (q) {
			if (c == '\\' && q != '\'' && p[n + 1])
				n++;
			else if (c == q)
				q = 0;
		} else if (c == '\'' || c == '"' || c == '`') {
			q = c;
		} else if (c == '\\' && p[n + 1]) {
			n++;
		} else if (is_blank(c) || is_op_char(c)) {
			break;
		}
	}
	return n;
}

/* Split text into the words designators count (owned strings). */
static void split_words(const char *text, struct vec *out)
{
	const char *p = text;
	for (;;) {
		while (is_blank(*p))
			p++;
		if (!*p)
			return;
		size_t n = op_len(p);
		if (!n)
			n = word_len(p);
		if (!n)
			n = 1;
		vec_push(out, xstrndup(p, n));
		p += n;
	}
}

/* words[from..to] joined by single spaces (owned). */
static char *join_words(const struct vec *w, size_t from, size_t to)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t k = from; k <= to && k < w->len; k++) {
		if (k > from)
			sb_putc(&sb, ' ');
		sb_append(&sb, w->items[k]);
	}
	return sb_finish(&sb);
}

/* --------------------------------------------------------------- events */

/* The newest entry that starts with (or contains) s; borrowed or NULL. */
static const char *find_entry(const struct history *h, const char *s,
			      bool anywhere)
{
	if (!h->count || !*s)
		return NULL;
	size_t len = strlen(s);
	for (unsigned long n = hist_last(h);; n--) {
		const char *e = hist_get(h, n);
		if (e && (anywhere ? strstr(e, s) != NULL : strncmp(e, s, len) == 0))
			return e;
		if (n == hist_first(h))
			return NULL;
	}
}

/* !?str? : remember str and the word of the entry that holds it (!%). */
static const char *search_event(struct hx *x)
{
	const char *l = x->line;
	size_t from = x->i;
	while (l[x->i] && l[x->i] != '?')
		x->i++;
	char *needle = xstrndup(l + from, x->i - from);
	if (l[x->i] == '?')
		x->i++;
	const char *e = find_entry(x->h, needle, true);
	if (!e) {
		free(needle);
		return NULL;
	}
	struct vec w;
	vec_init(&w);
	split_words(e, &w);
	char *word = NULL;
	for (size_t k = 0; k < w.len && !word; k++)
		if (strstr(w.items[k], needle))
			word = xstrdup(w.items[k]);
	vec_free_all(&w, free);
	replace_str(&x->st->search, needle);
	replace_str(&x->st->search_word, word);
	return e;
}

/* !n or !-n (x->i at the digit or the '-'). */
static const char *number_event(struct hx *x)
{
	const char *l = x->line;
	bool back = l[x->i] == '-';
	if (back)
		x->i++;
	unsigned long n = 0;
	bool huge = false;
	for (; is_digit(l[x->i]); x->i++) {
		if (n > 100000000UL)
			huge = true;
		else
			n = n * 10 + (unsigned long)(l[x->i] - '0');
	}
	if (huge)
		return NULL;
	if (back) {
		if (n == 0 || n >= hist_next(x->h))
			return NULL;
		n = hist_next(x->h) - n;
	}
	return hist_get(x->h, n);
}

/* !str: the string ends at a blank, ':', an operator character, or the
   " closing a double-quoted string. */
static const char *prefix_event(struct hx *x)
{
	const char *l = x->line;
	size_t from = x->i;
	while (l[x->i] && !is_blank(l[x->i]) && l[x->i] != ':' &&
	       !is_op_char(l[x->i]) && !(x->dq && l[x->i] == '"'))
		x->i++;
	char *s = xstrndup(l + from, x->i - from);
	const char *e = find_entry(x->h, s, false);
	free(s);
	return e;
}

static const char *previous_entry(const struct history *h)
{
	return h->count ? hist_get(h, hist_last(h)) : NULL;
}

/* The event after a '!' at start (x->i just past it): its text, owned. */
static int parse_event(struct hx *x, size_t start, char **text)
{
	char c = x->line[x->i];
	const char *e;
	if (c == '#') {		/* the line so far */
		x->i++;
		*text = xstrdup(sb_str(&x->out));
		return 0;
	}
	if (c == '!') {
		x->i++;
		e = previous_entry(x->h);
	} else if (is_digit(c) || (c == '-' && is_digit(x->line[x->i + 1]))) {
		e = number_event(x);
	} else if (c == '?') {
		x->i++;
		e = search_event(x);
	} else if (strchr("^$*%:", c)) {	/* !$ is !!:$ */
		e = previous_entry(x->h);
	} else {
		e = prefix_event(x);
	}
	if (!e)
		return fail(x, start, x->i, "event not found");
	*text = xstrdup(e);
	return 0;
}

/* ---------------------------------------------------------- designators */

/* One word number: digits, ^ (1) or $ (the last); -1 when none. */
static long word_number(const char *l, size_t *i, long last)
{
	if (l[*i] == '^') {
		(*i)++;
		return 1;
	}
	if (l[*i] == '$') {
		(*i)++;
		return last;
	}
	if (!is_digit(l[*i]))
		return -1;
	long n = 0;
	for (; is_digit(l[*i]); (*i)++)
		if (n < 100000)
			n = n * 10 + (l[*i] - '0');
	return n;
}

/* The range of a designator (x, x-y, -y, x*, x-, *, $, ^). false: bad. */
static bool word_range(const char *l, size_t *i, long last, long *from, long *to)
{
	if (l[*i] == '*') {
		(*i)++;
		*from = 1;
		*to = last;
		return true;
	}
	if (l[*i] == '$') {	/* $ stands alone (!$-1 is !$ then -1) */
		(*i)++;
		*from = *to = last;
		return true;
	}
	*from = l[*i] == '-' ? 0 : word_number(l, i, last);
	if (*from < 0)
		return false;
	if (l[*i] == '*') {
		(*i)++;
		*to = last;
	} else if (l[*i] == '-') {
		(*i)++;
		*to = word_number(l, i, last);
		if (*to < 0)
			*to = last - 1;	/* x- : up to the one before the last */
	} else {
		*to = *from;
	}
	return true;
}

static bool designator_start(char c)
{
	return is_digit(c) || (c && strchr("^$*%-", c));
}

/* A word designator at x->i, if any, narrows *text to the words chosen. */
static int select_words(struct hx *x, char **text)
{
	const char *l = x->line;
	size_t start = x->i, i = x->i;
	if (l[i] == ':' && designator_start(l[i + 1]))
		i++;
	else if (!l[i] || !strchr("^$*%", l[i]))
		return 0;
	if (l[i] == '%') {
		x->i = i + 1;
		if (!x->st->search_word)
			return fail(x, start, x->i, "bad word specifier");
		replace_str(text, xstrdup(x->st->search_word));
		return 0;
	}
	struct vec w;
	vec_init(&w);
	split_words(*text, &w);
	long last = (long)w.len - 1, from, to;
	bool star = l[i] == '*';
	bool ok = word_range(l, &i, last, &from, &to);
	x->i = i;
	if (ok && star && from > to) {		/* * of a one-word entry */
		replace_str(text, xstrdup(""));
	} else if (ok && from <= to && to <= last) {
		replace_str(text, join_words(&w, (size_t)from, (size_t)to));
	} else {
		vec_free_all(&w, free);
		return fail(x, start, i, "bad word specifier");
	}
	vec_free_all(&w, free);
	return 0;
}

/* ------------------------------------------------------------ modifiers */

/* :h :t :r :e — the head, tail, root or extension of a path (as bash: on
   the whole text, by the last '/' or '.'). */
static void path_part(char **text, char m)
{
	char *t = *text;
	char *slash = strrchr(t, '/'), *dot = strrchr(t, '.');
	if (m == 'h' && slash)
		*slash = '\0';
	else if (m == 't' && slash)
		replace_str(text, xstrdup(slash + 1));
	else if (m == 'r' && dot)
		*dot = '\0';
	else if (m == 'e' && dot)
		replace_str(text, xstrdup(dot));
}

static void quote_into(struct strbuf *sb, const char *s, size_t len)
{
	sb_putc(sb, '\'');
	for (size_t k = 0; k < len; k++) {
		if (s[k] == '\'')
			sb_append(sb, "'\\''");
		else
			sb_putc(sb, s[k]);
	}
	sb_putc(sb, '\'');
}

/* :q quotes the whole text; :x each blank-separated word of it. */
static void quote_text(char **text, bool each)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = *text;
	if (!each) {
		quote_into(&sb, p, strlen(p));
	} else {
		for (;;) {
			while (is_blank(*p))
				p++;
			if (!*p)
				break;
			size_t n = strcspn(p, " \t\n");
			if (sb.len)
				sb_putc(&sb, ' ');
			quote_into(&sb, p, n);
			p += n;
		}
	}
	replace_str(text, sb_finish(&sb));
}

/* Read up to the delimiter d (\d is a literal d); *i past the delimiter. */
static char *subst_part(const char *l, size_t *i, char d)
{
	struct strbuf sb = STRBUF_INIT;
	size_t k = *i;
	for (; l[k] && l[k] != d; k++) {
		if (l[k] == '\\' && l[k + 1] == d)
			k++;
		sb_putc(&sb, l[k]);
	}
	if (l[k] == d)
		k++;
	*i = k;
	return sb_finish(&sb);
}

/* The replacement text: & is old, \& a literal &. */
static char *replacement(const char *old, const char *new)
{
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = new; *p; p++) {
		if (*p == '\\' && p[1] == '&')
			sb_putc(&sb, *++p);
		else if (*p == '&')
			sb_append(&sb, old);
		else
			sb_putc(&sb, *p);
	}
	return sb_finish(&sb);
}

/* Replace old by rep in s, once or everywhere; into sb.  Found? */
static bool replace_in(struct strbuf *sb, const char *s, const char *old,
		       const char *rep, bool global)
{
	bool found = false;
	size_t olen = strlen(old);
	const char *hit;
	while ((hit = strstr(s, old)) != NULL) {
		sb_appendn(sb, s, (size_t)(hit - s));
		sb_append(sb, rep);
		s = hit + olen;
		found = true;
		if (!global)
			break;
	}
	sb_append(sb, s);
	return found;
}

/* Apply s/old/new/ to *text: once, everywhere (global), or once in each
   word (each).  false when old occurs nowhere. */
static bool substitute(char **text, const char *old, const char *new,
		       bool global, bool each)
{
	char *rep = replacement(old, new);
	struct strbuf sb = STRBUF_INIT;
	bool found = false;
	if (each) {
		struct vec w;
		vec_init(&w);
		split_words(*text, &w);
		for (size_t k = 0; k < w.len; k++) {
			if (k)
				sb_putc(&sb, ' ');
			found |= replace_in(&sb, w.items[k], old, rep, false);
		}
		vec_free_all(&w, free);
	} else {
		found = replace_in(&sb, *text, old, rep, global);
	}
	free(rep);
	replace_str(text, sb_finish(&sb));
	return found;
}

/*
 * s/old/new/ with x->i just past the 's' (or & when old is NULL: the last
 * one again).  spec/spec_len name the modifier in messages.
 */
static int subst_modifier(struct hx *x, char **text, char *old, char *new,
			  bool global, bool each, const char *spec, size_t spec_len)
{
	struct hx_state *st = x->st;
	if (old && !*old) {	/* empty old: the last one, or the last !?str? */
		free(old);
		old = st->subst_old ? xstrdup(st->subst_old) :
		      st->search ? xstrdup(st->search) : NULL;
		if (!old)
			free(new);
	}
	if (old) {
		replace_str(&st->subst_old, old);
		replace_str(&st->subst_new, new);
	}
	if (!st->subst_old)
		return fail_text(x, spec, spec_len, "no previous substitution");
	if (!substitute(text, st->subst_old, st->subst_new, global, each))
		return fail_text(x, spec, spec_len, "substitution failed");
	return 0;
}

/* One :modifier at x->i; 1 when x->i is not at one (the ':' is text). */
static int one_modifier(struct hx *x, char **text)
{
	const char *l = x->line;
	size_t start = x->i, i = x->i + 1;
	bool global = l[i] == 'g' || l[i] == 'a', each = l[i] == 'G';
	if (global || each)
		i++;
	char m = l[i];
	if (!m || !(isalpha((unsigned char)m) || m == '&'))
		return global || each ? fail(x, i, i, "unrecognized history modifier") : 1;
	x->i = i + 1;
	switch (m) {
	case 'h': case 't': case 'r': case 'e':
		path_part(text, m);
		return 0;
	case 'p':
		x->print_only = true;
		return 0;
	case 'q': case 'x':
		quote_text(text, m == 'x');
		return 0;
	case '&':
		return subst_modifier(x, text, NULL, NULL, global, each,
				      l + start, x->i - start);
	case 's':
		if (l[x->i]) {
			char d = l[x->i++];
			char *old = subst_part(l, &x->i, d);
			char *new = subst_part(l, &x->i, d);
			return subst_modifier(x, text, old, new, global, each,
					      l + start, x->i - start);
		}
		break;
	}
	return fail(x, i, i + 1, "unrecognized history modifier");
}

static int apply_modifiers(struct hx *x, char **text)
{
	while (x->line[x->i] == ':') {
		int r = one_modifier(x, text);
		if (r < 0)
			return -1;
		if (r > 0)
			break;
	}
	return 0;
}

/* --------------------------------------------------------------- a line */

/* The modifiers after a reference (unless r says it failed), then its
   text into the output; text is consumed. */
static int finish_reference(struct hx *x, int r, char *text)
{
	if (r == 0)
		r = apply_modifiers(x, &text);
	if (r == 0)
		sb_append(&x->out, text);
	free(text);
	return r;
}

/* One !reference at x->i: replaced by what it names. */
static int reference(struct hx *x)
{
	size_t start = x->i++;
	char *text = NULL;
	int r = parse_event(x, start, &text);
	if (r == 0)
		r = select_words(x, &text);
	return finish_reference(x, r, text);
}

/* ^old^new^ at the start of the line: !!:s^old^new^ */
static int quick_subst(struct hx *x)
{
	const char *l = x->line;
	x->i = 1;
	char *old = subst_part(l, &x->i, '^');
	char *new = subst_part(l, &x->i, '^');
	const char *e = previous_entry(x->h);
	if (!e) {
		free(old);
		free(new);
		return fail(x, 0, x->i, "event not found");
	}
	char *text = xstrdup(e);
	struct strbuf spec = STRBUF_INIT;
	sb_printf(&spec, ":s%.*s", (int)x->i, l);
	int r = subst_modifier(x, &text, old, new, false, false, spec.data, spec.len);
	sb_free(&spec);
	return finish_reference(x, r, text);
}

/* Is the '!' at x->i plain text? */
static bool bang_is_literal(const struct hx *x)
{
	const char *l = x->line;
	size_t i = x->i;
	char next = l[i + 1];
	if (!next || is_blank(next) || next == '\r' || next == '=' || next == '(')
		return true;
	if (x->dq && next == '"')
		return true;
	if (i > 0 && l[i - 1] == '$')			/* $! */
		return true;
	if (i > 1 && l[i - 1] == '{' && l[i - 2] == '$')	/* ${!name} */
		return true;
	return i > 0 && l[i - 1] == '[' && strchr(l + i + 1, ']');	/* [!a-z] */
}

/* Copy a single-quoted string (or the rest of the line) unchanged. */
static void copy_single_quoted(struct hx *x)
{
	const char *l = x->line;
	const char *end = strchr(l + x->i + 1, '\'');
	size_t n = end ? (size_t)(end - (l + x->i)) + 1 : strlen(l + x->i);
	sb_appendn(&x->out, l + x->i, n);
	x->i += n;
}

enum hx_status hx_expand(struct hx_state *st, const struct history *h,
			 const char *line, char **out)
{
	struct hx x = { .st = st, .h = h, .line = line };
	sb_init(&x.out);
	bool changed = false;
	int r = 0;
	if (line[0] == '^') {
		r = quick_subst(&x);
		changed = true;
	}
	while (r == 0 && line[x.i]) {
		char c = line[x.i];
		if (c == '\'' && !x.dq) {
			copy_single_quoted(&x);
		} else if (c == '\\' && line[x.i + 1]) {
			sb_appendn(&x.out, line + x.i, 2);
			x.i += 2;
		} else if (c == '!' && !bang_is_literal(&x)) {
			r = reference(&x);
			changed = true;
		} else {
			if (c == '"')
				x.dq = !x.dq;
			sb_putc(&x.out, c);
			x.i++;
		}
		if (r == 0 && x.out.len > HX_MAX_LINE)
			r = fail_text(&x, "!", 1, "history expansion too long");
	}
	if (r < 0) {
		sb_free(&x.out);
		*out = x.err;
		return HX_ERROR;
	}
	free(x.err);
	if (!changed) {
		sb_free(&x.out);
		return HX_SAME;
	}
	*out = sb_finish(&x.out);
	return x.print_only ? HX_PRINT : HX_EXPANDED;
}

void hx_state_finish(struct hx_state *st)
{
	free(st->subst_old);
	free(st->subst_new);
	free(st->search);
	free(st->search_word);
	*st = (struct hx_state){ 0 };
}
