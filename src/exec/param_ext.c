/* param_ext.c: the ksh/bash parameter expansions — ${x:o:l}, ${x/p/r}, ${x^p}, ${x,p}, ${x@Q}, ${!x}, ${!pre*} (issue 10 item 4). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <limits.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "base/alloc.h"
#include "base/mbchar.h"
#include "base/shquote.h"
#include "base/strbuf.h"
#include "exec/expand.h"
#include "exec/expand_internal.h"
#include "exec/pattern.h"
#include "exec/shell.h"
#include "parser/parser.h"

/*
 * Each of these forms turns one string into another (a substring, a
 * replacement, a case change, a quoted form).  On $@ and $* — the list
 * forms — the operation applies to every element and the results form a
 * list again, joined or split exactly as "$@" is (bash, ksh93, mksh).
 * Characters, not bytes, are counted and converted in a multibyte locale.
 */

/* ---------------------------------------------------------- substrings */

/* The arithmetic value of an offset or length word; "" is 0. */
int param_eval_word(struct xctx *x, const struct word *w, int64_t *v)
{
	char *text = NULL;
	*v = 0;
	if (!w)
		return 0;
	if (expand_to_string(x->sh, w, 0, false, &text) < 0)
		return -1;
	int r = expand_arith_text(x->sh, text, v);
	free(text);
	return r;
}

/*
 * ${x:offset:length} over count characters or list items: the first
 * index and how many.  A negative offset counts back from the end (past
 * the start: nothing); a negative length is an end position counted back
 * from the end, an error when that end lies before the start and, for
 * lists, always (bash).  Returns -1 after the error.
 */
int param_substr_range(struct xctx *x, const struct word *w, size_t count,
		       bool list, size_t *start, size_t *n)
{
	int64_t off, len = INT64_MAX, c = (int64_t)count;
	if (param_eval_word(x, w->param.arg, &off) < 0)
		return -1;
	if (w->param.arg2 && param_eval_word(x, w->param.arg2, &len) < 0)
		return -1;
	*start = *n = 0;
	if (off < 0 && (off += c) < 0)
		return 0;
	if (off > c)
		return 0;
	if (len < 0) {
		int64_t end = c + len;
		if (list || end < off) {
			shell_error(x->sh, "%" PRId64 ": substring expression < 0",
				    len);
			return -1;
		}
		len = end - off;
	}
	if (len > c - off)
		len = c - off;
	*start = (size_t)off;
	*n = (size_t)len;
	return 0;
}

/* Byte offset of character number k of s[0..len) (len when shorter). */
static size_t char_offset(const char *s, size_t len, size_t k)
{
	if (!mb_locale_is_multibyte())
		return k < len ? k : len;
	size_t off = 0;
	while (k-- > 0 && off < len)
		off += mb_charlen(s + off, len - off);
	return off;
}

/* --------------------------------------------------------- replacement */

/* The replacement text, in pattern.h's escaped form: an unquoted & stands
   for the matched text (bash 5.2's patsub_replacement, on by default). */
static void add_replacement(struct strbuf *sb, const char *rep,
			    const char *m, size_t mlen)
{
	for (const char *r = rep; *r; r++) {
		if (*r == '\\' && r[1])
			sb_putc(sb, *++r);
		else if (*r == '&')
			sb_appendn(sb, m, mlen);
		else
			sb_putc(sb, *r);
	}
}

/* ${x/p/r} ${x//p/r}: the longest match at the leftmost place (each place
   in turn for //); a match of nothing is no match. */
static void replace_anywhere(struct strbuf *sb, const char *s, const char *pat,
			     const char *rep, bool all)
{
	size_t len = strlen(s), i = 0;
	bool mb = mb_locale_is_multibyte();
	while (i < len && *pat) {
		ssize_t k = pattern_match_prefix(pat, s + i, true);
		if (k > 0) {
			add_replacement(sb, rep, s + i, (size_t)k);
			i += (size_t)k;
			if (!all)
				break;
			continue;
		}
		size_t cl = mb ? mb_charlen(s + i, len - i) : 1;
		sb_appendn(sb, s + i, cl);
		i += cl;
	}
	sb_appendn(sb, s + i, len - i);
}

static char *str_replace(const char *s, const char *pat, const char *rep,
			 enum param_op op)
{
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, "");
	ssize_t k;
	switch (op) {
	case PARAM_REPLACE_PREFIX:
		k = pattern_match_prefix(pat, s, true);
		if (k >= 0)
			add_replacement(&sb, rep, s, (size_t)k);
		sb_append(&sb, s + (k > 0 ? k : 0));
		break;
	case PARAM_REPLACE_SUFFIX:
		k = pattern_match_suffix(pat, s, true);
		sb_appendn(&sb, s, k >= 0 ? (size_t)k : strlen(s));
		if (k >= 0)
			add_replacement(&sb, rep, s + k, strlen(s + k));
		break;
	default:
		replace_anywhere(&sb, s, pat, rep, op == PARAM_REPLACE_ALL);
		break;
	}
	return sb_finish(&sb);
}

/* ---------------------------------------------------------------- case */

/* Append character c (cl bytes at s) converted to upper or lower case. */
static void add_case(struct strbuf *sb, const char *s, size_t cl, uint32_t c,
		     bool upper)
{
	if (!mb_locale_is_multibyte()) {
		int b = (unsigned char)*s;
		sb_putc(sb, (char)(upper ? toupper(b) : tolower(b)));
		return;
	}
	if (c & MB_BAD_BYTE) {
		sb_appendn(sb, s, cl);
		return;
	}
	wint_t wc = upper ? towupper((wint_t)c) : towlower((wint_t)c);
	char out[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(out, (wchar_t)wc, &st);
	if (n == (size_t)-1)
		sb_appendn(sb, s, cl);
	else
		sb_appendn(sb, out, n);
}

/* ${x^p} ${x^^p} ${x,p} ${x,,p}: each character (only the first for ^ ,)
   that matches the pattern p (any character when p is empty). */
static char *str_case(const char *s, const char *pat, bool upper, bool all)
{
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, "");
	size_t len = strlen(s), i = 0;
	while (i < len) {
		size_t cl;
		uint32_t c = mb_decode(s + i, len - i, &cl);
		bool match = true;
		if (pat && *pat) {
			char one[MB_LEN_MAX + 1];
			memcpy(one, s + i, cl);
			one[cl] = '\0';
			match = pattern_match(pat, one, 0);
		}
		if (match)
			add_case(&sb, s + i, cl, c, upper);
		else
			sb_appendn(&sb, s + i, cl);
		i += cl;
		if (!all)
			break;
	}
	sb_append(&sb, s + i);
	return sb_finish(&sb);
}

char *param_case(const char *s, bool upper)
{
	return str_case(s, NULL, upper, true);
}

/* ----------------------------------------------------------- transform */

/* Does s need $'...' to be shown on one line (a control character)? */
static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* ${x@Q}: s quoted so the shell reads it back; control characters are
   written as $'...' escapes (as bash). */
void param_quote(struct strbuf *sb, const char *s)
{
	if (!has_control(s)) {
		shq_quote(sb, s);
		return;
	}
	static const char ctl[] = "\a\b\033\f\n\r\t\v", letter[] = "abEfnrtv";
	sb_append(sb, "$'");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		const char *e = strchr(ctl, c);
		if (c && e)
			sb_printf(sb, "\\%c", letter[e - ctl]);
		else if (c < 0x20 || c == 0x7f)
			sb_printf(sb, "\\%03o", c);
		else if (c == '\\' || c == '\'')
			sb_printf(sb, "\\%c", c);
		else
			sb_putc(sb, (char)c);
	}
	sb_putc(sb, '\'');
}

void var_attr_letters(struct strbuf *sb, int flags)
{
	static const struct {
		char letter;
		int flag;
	} attrs[] = {
		{ 'a', VAR_ARRAY }, { 'A', VAR_ASSOC }, { 'i', VAR_INTEGER },
		{ 'l', VAR_LOWER }, { 'n', VAR_NAMEREF }, { 'r', VAR_READONLY },
		{ 'u', VAR_UPPER }, { 'x', VAR_EXPORT },
	};
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (flags & attrs[i].flag)
			sb_putc(sb, attrs[i].letter);
}

/* The attribute letters of ${x@a}, in bash's order. */
static void add_attributes(struct strbuf *sb, const struct var *v)
{
	if (v)
		var_attr_letters(sb, v->flags);
}

/* ${x@A}: an assignment that recreates x (a declare command when it has
   attributes, as bash). */
static void add_assignment(struct shell *sh, struct strbuf *sb, const char *name,
			   const char *s, const struct var *v)
{
	struct strbuf attrs = STRBUF_INIT;
	add_attributes(&attrs, v);
	if (attrs.len)
		sb_printf(sb, "declare -%s ", sb_str(&attrs));
	sb_free(&attrs);
	sb_printf(sb, "%s=", name);
	if (v && v->arr)
		var_array_print(sh, v, sb);
	else
		param_quote(sb, s);
}

/* One letter of ${x@L}; NULL (message printed) for an unknown letter. */
static char *str_transform(struct xctx *x, const char *name, const char *s,
			   char letter)
{
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, "");
	switch (letter) {
	case 'Q':
	case 'K':
	case 'k':
		param_quote(&sb, s);
		break;
	case 'E':
		word_decode_dollar_single(&sb, s, strlen(s));
		break;
	case 'P':
		free(sb_finish(&sb));
		return shell_prompt_expand(x->sh, s);
	case 'A':
		add_assignment(x->sh, &sb, name, s, var_lookup(x->sh, name));
		break;
	case 'a':
		add_attributes(&sb, var_lookup(x->sh, name));
		break;
	case 'U':
	case 'L':
	case 'u':
		free(sb_finish(&sb));
		return str_case(s, NULL, letter != 'L', letter != 'u');
	default:
		sb_free(&sb);
		shell_error(x->sh, "%s: bad substitution", name);
		return NULL;
	}
	return sb_finish(&sb);
}

/* -------------------------------------------------------- the dispatch */

/* The transform letter of ${x@L}, or 0 when the word is not one letter. */
static char transform_letter(const struct word *arg)
{
	if (!arg || arg->type != WORD_LITERAL || arg->lit.len != 1)
		return 0;
	return arg->lit.text[0];
}

/* Expanded pattern (and replacement) words of op, once per expansion. */
struct ext_args {
	char *pat;	/* owned, may be NULL */
	char *rep;	/* owned, may be NULL */
	char letter;	/* PARAM_TRANSFORM */
};

int param_ext_prepare(struct xctx *x, const struct word *w, struct ext_args **out)
{
	struct ext_args *a = xcalloc(1, sizeof *a);
	*out = a;
	enum param_op op = w->param.op;
	if (op == PARAM_TRANSFORM) {
		a->letter = transform_letter(w->param.arg);
		if (!a->letter || !strchr("QEPAaULuKk", a->letter)) {
			shell_error(x->sh, "%s: bad substitution", w->param.name);
			return -1;
		}
		return 0;
	}
	if (w->param.arg && expand_word_pattern(x->sh, w->param.arg, &a->pat) < 0)
		return -1;
	if (w->param.arg2 && expand_word_pattern(x->sh, w->param.arg2, &a->rep) < 0)
		return -1;
	return 0;
}

void param_ext_free(struct ext_args *a)
{
	if (a) {
		free(a->pat);
		free(a->rep);
		free(a);
	}
}

/* ${x#p} ${x##p} ${x%p} ${x%%p} of one element of a list. */
static char *trim_one(const char *s, const char *pat, enum param_op op)
{
	size_t n = strlen(s);
	bool longest = op == PARAM_TRIM_PREFIX_LONG || op == PARAM_TRIM_SUFFIX_LONG;
	if (op == PARAM_TRIM_PREFIX || op == PARAM_TRIM_PREFIX_LONG) {
		ssize_t k = pattern_match_prefix(pat, s, longest);
		return xstrdup(s + (k > 0 ? k : 0));
	}
	ssize_t k = pattern_match_suffix(pat, s, longest);
	return xstrndup(s, k >= 0 ? (size_t)k : n);
}

/* One string through op (not SUBSTR); NULL after an error. */
char *param_ext_apply(struct xctx *x, const struct word *w, const char *name,
		      const struct ext_args *a, const char *s)
{
	enum param_op op = w->param.op;
	switch (op) {
	case PARAM_REPLACE:
	case PARAM_REPLACE_ALL:
	case PARAM_REPLACE_PREFIX:
	case PARAM_REPLACE_SUFFIX:
		return str_replace(s, a->pat ? a->pat : "", a->rep ? a->rep : "", op);
	case PARAM_UPPER_FIRST:
	case PARAM_UPPER_ALL:
	case PARAM_LOWER_FIRST:
	case PARAM_LOWER_ALL:
		return str_case(s, a->pat, op <= PARAM_UPPER_ALL,
				op == PARAM_UPPER_ALL || op == PARAM_LOWER_ALL);
	case PARAM_TRANSFORM:
		return str_transform(x, name, s, a->letter);
	case PARAM_TRIM_SUFFIX:
	case PARAM_TRIM_SUFFIX_LONG:
	case PARAM_TRIM_PREFIX:
	case PARAM_TRIM_PREFIX_LONG:
		return trim_one(s, a->pat ? a->pat : "", op);
	default:
		return xstrdup(s);
	}
}

/* ${x:o:l} of one string, by characters. */
int param_ext_substr(struct xctx *x, const struct word *w, const char *s,
		     char **out)
{
	size_t len = strlen(s), start, n;
	size_t count = mb_locale_is_multibyte() ? mb_count(s) : len;
	if (param_substr_range(x, w, count, false, &start, &n) < 0)
		return -1;
	size_t b = char_offset(s, len, start);
	size_t e = b + char_offset(s + b, len - b, n);
	*out = xmemdup(s + b, e - b + 1);
	(*out)[e - b] = '\0';
	return 0;
}
