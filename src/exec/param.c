/* param.c: parameter expansion (XCU 2.6.2) — $name, ${name}, ${#name} and every ${name op word} form. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/mbchar.h"
#include "exec/expand.h"
#include "exec/expand_internal.h"
#include "exec/pattern.h"
#include "exec/shell.h"
#include "parser/parser.h"

/*
 * The table of XCU 2.6.2, for a parameter that is set and not null / set
 * but null / unset:
 *
 *	${p:-w}  p / w / w		${p-w}  p / null / w
 *	${p:=w}  p / assign w / assign	${p=w}  p / null / assign w
 *	${p:?w}  p / error / error	${p?w}  p / null / error
 *	${p:+w}  w / null / null	${p+w}  w / w / null
 *
 * The word w is expanded only when it is used.  $@ and $* count as set
 * (as in dash); they are null when their expansion is empty.
 */

static bool is_at_or_star(const char *name)
{
	return (name[0] == '@' || name[0] == '*') && name[1] == '\0';
}

/* XCU 2.14 set -u: expanding an unset parameter (other than @ and *) is
   an error. */
static int check_unset(struct xctx *x, const char *name, const char *value)
{
	if (value || !x->sh->opt.nounset || is_at_or_star(name))
		return 0;
	shell_error(x->sh, "%s: parameter not set", name);
	return -1;
}

/*
 * $@ and $* (XCU 2.5.2).  Quoted "$@" gives one field per parameter (the
 * surrounding text sticks to the first and last), and no field at all when
 * there are none.  Unquoted, both give one field per parameter, each then
 * split by IFS.  Quoted "$*" joins them with the first character of IFS.
 * The BREAK placeholder byte is the character used when the word is not
 * split (x=$*): the first character of IFS, or none when IFS is empty.
 * "$@" where no splitting happens (x="$@", case "$@", a here-document)
 * is left unspecified by XCU 2.5.2; it joins like $* as dash and yash do.
 */
void expand_append_params(struct xctx *x, bool star, bool quoted)
{
	struct vec *p = shell_params(x->sh);
	const char *ifs = var_get(x->sh, "IFS");
	/* The first character of IFS: maybe several bytes (multibyte
	   locale), every one of them marked. */
	const char *sep = ifs ? ifs : " ";
	size_t seplen = *sep ? mb_charlen(sep, strlen(sep)) : 0;
	if (quoted && star) {
		for (size_t i = 0; i < p->len; i++) {
			if (i > 0)
				xbuf_add(&x->buf, sep, seplen, XMARK_QUO);
			xbuf_add(&x->buf, p->items[i], strlen(p->items[i]), XMARK_QUO);
		}
		return;
	}
	if (quoted && p->len == 0)
		x->zero_at = true;
	for (size_t i = 0; i < p->len; i++) {
		const char *s = p->items[i];
		if (i > 0)
			xbuf_add(&x->buf, sep, seplen ? seplen : 1, XMARK_BREAK);
		if (quoted)
			xbuf_mark(&x->buf, XMARK_EMPTYQ);
		xbuf_add(&x->buf, s, strlen(s), quoted ? XMARK_QUO : XMARK_EXP);
	}
}

/* Append a parameter's value as the result of the expansion. */
static void append_value(struct xctx *x, const char *name, const char *value,
			 bool quoted)
{
	if (is_at_or_star(name)) {
		expand_append_params(x, name[0] == '*', quoted);
		return;
	}
	if (value)
		xbuf_add(&x->buf, value, strlen(value),
			 quoted ? XMARK_QUO : XMARK_EXP);
}

/* ${#name}: characters, not bytes, in a multibyte locale (XCU 2.6.2); a
   byte that starts no valid character counts as one. */
static int expand_length(struct xctx *x, const char *name, const char *value,
			 bool quoted)
{
	if (check_unset(x, name, value) < 0)
		return -1;
	size_t n = 0;
	if (is_at_or_star(name)) {
		n = shell_params(x->sh)->len;
	} else if (value) {
		n = mb_count(value);
	}
	char num[24];
	int len = snprintf(num, sizeof num, "%zu", n);
	xbuf_add(&x->buf, num, (size_t)len, quoted ? XMARK_QUO : XMARK_EXP);
	return 0;
}

/* ${name=word}: only variables can be assigned this way. */
static int expand_assign(struct xctx *x, const struct word *w, bool quoted)
{
	const char *name = w->param.name;
	if (!parse_is_name(name)) {
		shell_error(x->sh, "%s: cannot assign in this way", name);
		return -1;
	}
	char *value = NULL;
	if (w->param.arg &&
	    expand_to_string(x->sh, w->param.arg, 0, quoted, &value) < 0)
		return -1;
	int r = var_set(x->sh, name, value ? value : "", 0);
	free(value);
	if (r < 0)
		return -1;
	append_value(x, name, var_get(x->sh, name), quoted);
	return 0;
}

/* ${name?word}: print word (or a standard message) and fail. */
static int expand_error(struct xctx *x, const struct word *w, bool null_too)
{
	char *msg = NULL;
	/* Unquoted, so that a tilde-prefix the parser found expands (${x?~}). */
	if (w->param.arg &&
	    expand_to_string(x->sh, w->param.arg, 0, false, &msg) < 0)
		return -1;
	if (msg && *msg)
		shell_error(x->sh, "%s: %s", w->param.name, msg);
	else
		shell_error(x->sh, "%s: %s", w->param.name, null_too ?
			    "parameter null or not set" : "parameter not set");
	free(msg);
	return -1;
}

/* ${name#pat} ## % %%: the pattern word is always an unquoted pattern,
   whose quoted parts match literally (pattern.h escaped form). */
static int expand_trim(struct xctx *x, const struct word *w, const char *value,
		       bool quoted)
{
	if (check_unset(x, w->param.name, value) < 0)
		return -1;
	if (!value)
		value = "";
	char *pat = NULL;
	if (w->param.arg) {
		if (expand_word_pattern(x->sh, w->param.arg, &pat) < 0)
			return -1;
	} else {
		pat = xstrdup("");
	}
	const char *s = value;
	size_t n = strlen(value);
	enum param_op op = w->param.op;
	bool longest = op == PARAM_TRIM_PREFIX_LONG || op == PARAM_TRIM_SUFFIX_LONG;
	int mflags = expand_match_flags(x->sh) & PM_EXTGLOB;	/* not nocasematch */
	if (op == PARAM_TRIM_PREFIX || op == PARAM_TRIM_PREFIX_LONG) {
		ssize_t k = pattern_prefix_flags(pat, value, longest, mflags);
		if (k > 0) {
			s += k;
			n -= (size_t)k;
		}
	} else {
		ssize_t k = pattern_suffix_flags(pat, value, longest, mflags);
		if (k >= 0)
			n = (size_t)k;
	}
	free(pat);
	xbuf_add(&x->buf, s, n, quoted ? XMARK_QUO : XMARK_EXP);
	return 0;
}

/* The word after - = ? + : expanded in place (its unquoted text splits). */
static int expand_arg(struct xctx *x, const struct word *w, bool quoted)
{
	if (!w->param.arg)
		return 0;
	return expand_part(x, w->param.arg, quoted, true);
}

/* Is the expansion of $@ / $* empty?  (Without building the join.) */
static bool params_null(struct shell *sh, bool star)
{
	struct vec *p = shell_params(sh);
	const char *ifs = var_get(sh, "IFS");
	bool joined_by_nothing = star && ifs && !ifs[0];
	if (p->len > 1 && !joined_by_nothing)
		return false;
	for (size_t i = 0; i < p->len; i++)
		if (((char *)p->items[i])[0])
			return false;
	return true;
}

static bool is_trim(enum param_op op)
{
	return op == PARAM_TRIM_PREFIX || op == PARAM_TRIM_PREFIX_LONG ||
	       op == PARAM_TRIM_SUFFIX || op == PARAM_TRIM_SUFFIX_LONG;
}

int expand_param(struct xctx *x, const struct word *w, bool quoted)
{
	const char *name = w->param.name;
	const char *value;
	if (is_at_or_star(name) && !is_trim(w->param.op))
		value = params_null(x->sh, name[0] == '*') ? "" : "@";
	else
		value = var_get(x->sh, name);
	bool unset = value == NULL;
	bool use_word = unset || (w->param.colon && value[0] == '\0');
	switch (w->param.op) {
	case PARAM_PLAIN:
		if (check_unset(x, name, value) < 0)
			return -1;
		append_value(x, name, value, quoted);
		return 0;
	case PARAM_LENGTH:
		return expand_length(x, name, value, quoted);
	case PARAM_DEFAULT:
		if (use_word)
			return expand_arg(x, w, quoted);
		append_value(x, name, value, quoted);
		return 0;
	case PARAM_ASSIGN:
		if (use_word)
			return expand_assign(x, w, quoted);
		append_value(x, name, value, quoted);
		return 0;
	case PARAM_ERROR:
		if (use_word)
			return expand_error(x, w, w->param.colon);
		append_value(x, name, value, quoted);
		return 0;
	case PARAM_ALT:
		return use_word ? 0 : expand_arg(x, w, quoted);
	case PARAM_TRIM_SUFFIX:
	case PARAM_TRIM_SUFFIX_LONG:
	case PARAM_TRIM_PREFIX:
	case PARAM_TRIM_PREFIX_LONG:
		return expand_trim(x, w, value, quoted);
	case PARAM_BAD:
		/* The word is not expanded: nothing in it runs. */
		shell_error(x->sh, "bad substitution");
		return -1;
	}
	return 0;
}
