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
	expand_append_list(x, (char *const *)p->items, p->len, star, quoted);
}

/* A list of values ($@, $*, and the list forms of the extensions), as
   expand_append_params describes. */
void expand_append_list(struct xctx *x, char *const *items, size_t n,
			bool star, bool quoted)
{
	const char *ifs = var_get(x->sh, "IFS");
	/* The first character of IFS: maybe several bytes (multibyte
	   locale), every one of them marked. */
	const char *sep = ifs ? ifs : " ";
	size_t seplen = *sep ? mb_charlen(sep, strlen(sep)) : 0;
	if (quoted && star) {
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				xbuf_add(&x->buf, sep, seplen, XMARK_QUO);
			xbuf_add(&x->buf, items[i], strlen(items[i]), XMARK_QUO);
		}
		return;
	}
	if (quoted && n == 0)
		x->zero_at = true;
	for (size_t i = 0; i < n; i++) {
		const char *s = items[i];
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
static int expand_assign(struct xctx *x, const struct word *w, const char *name,
			 const char *sub, bool quoted)
{
	if (!parse_is_name(name)) {
		shell_error(x->sh, "%s: cannot assign in this way", name);
		return -1;
	}
	char *value = NULL;
	if (w->param.arg &&
	    expand_to_string(x->sh, w->param.arg, 0, quoted, &value) < 0)
		return -1;
	int r = sub ? var_elem_set(x->sh, name, sub, value ? value : "", false)
		    : var_set(x->sh, name, value ? value : "", 0);
	free(value);
	if (r < 0)
		return -1;
	bool err;
	const char *now = sub ? var_elem_get(x->sh, name, sub, &err) : var_get(x->sh, name);
	append_value(x, name, now ? now : "", quoted);
	return 0;
}

/* ${name?word}: print word (or a standard message) and fail. */
static int expand_error(struct xctx *x, const struct word *w, const char *name,
			bool null_too)
{
	char *msg = NULL;
	/* Unquoted, so that a tilde-prefix the parser found expands (${x?~}). */
	if (w->param.arg &&
	    expand_to_string(x->sh, w->param.arg, 0, false, &msg) < 0)
		return -1;
	if (msg && *msg)
		shell_error(x->sh, "%s: %s", name, msg);
	else
		shell_error(x->sh, "%s: %s", name, null_too ?
			    "parameter null or not set" : "parameter not set");
	free(msg);
	return -1;
}

/* ${name#pat} ## % %%: the pattern word is always an unquoted pattern,
   whose quoted parts match literally (pattern.h escaped form). */
static int expand_trim(struct xctx *x, const struct word *w, const char *name,
		       const char *value, bool quoted)
{
	if (check_unset(x, name, value) < 0)
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

/* ${!prefix*} ${!prefix@}: the names of the variables that start with
   prefix, sorted (as bash), as a list like $* or $@. */
static int expand_names(struct xctx *x, const struct word *w, bool quoted)
{
	const char **keys = var_names(x->sh);
	size_t plen = strlen(w->param.name), n = 0;
	for (size_t i = 0; keys[i]; i++)
		if (strncmp(keys[i], w->param.name, plen) == 0)
			keys[n++] = keys[i];
	expand_append_list(x, (char *const *)keys, n,
			   w->param.op == PARAM_NAMES_STAR, quoted);
	free(keys);
	return 0;
}

/* ${@:o:l} ${*:o:l}: $0 is number 0 of the list. */
static int expand_params_substr(struct xctx *x, const struct word *w,
				bool star, bool quoted)
{
	struct vec *p = shell_params(x->sh);
	size_t start, n;
	if (param_substr_range(x, w, p->len + 1, true, &start, &n) < 0)
		return -1;
	struct vec items = VEC_INIT;
	for (size_t i = start; i < start + n; i++)
		vec_push(&items, i == 0 ? (void *)var_get(x->sh, "0") : p->items[i - 1]);
	expand_append_list(x, (char *const *)items.items, items.len, star, quoted);
	vec_free(&items);
	return 0;
}

/* The list forms (param_ext.c, and the trims of an array): each element
   mapped, the results a list again. */
static int map_list(struct xctx *x, const struct word *w, const char *name,
		    const struct vec *items, bool star, bool quoted)
{
	struct ext_args *a;
	int r = param_ext_prepare(x, w, &a);
	struct vec out = VEC_INIT;
	for (size_t i = 0; i < items->len && r == 0; i++) {
		char *s = param_ext_apply(x, w, name, a, items->items[i]);
		if (!s)
			r = -1;
		else
			vec_push(&out, s);
	}
	if (r == 0)
		expand_append_list(x, (char *const *)out.items, out.len, star, quoted);
	vec_free_all(&out, free);
	param_ext_free(a);
	return r;
}

static int expand_ext_list(struct xctx *x, const struct word *w,
			   const char *name, bool quoted)
{
	bool star = name[0] == '*';
	if (w->param.op == PARAM_SUBSTR)
		return expand_params_substr(x, w, star, quoted);
	return map_list(x, w, name, shell_params(x->sh), star, quoted);
}

/* ${x:o:l} ${x/p/r} ${x^p} ${x,p} ${x@L} ${!prefix*} (param_ext.c). */
static int expand_ext(struct xctx *x, const struct word *w, const char *name,
		      const char *value, bool quoted)
{
	if (w->param.op == PARAM_NAMES_STAR || w->param.op == PARAM_NAMES_AT)
		return expand_names(x, w, quoted);
	if (is_at_or_star(name))
		return expand_ext_list(x, w, name, quoted);
	if (check_unset(x, name, value) < 0)
		return -1;
	char *out = NULL;
	int r = 0;
	if (w->param.op == PARAM_SUBSTR) {
		r = param_ext_substr(x, w, value ? value : "", &out);
	} else {
		struct ext_args *a;
		r = param_ext_prepare(x, w, &a);
		if (r == 0 && value && !(out = param_ext_apply(x, w, name, a, value)))
			r = -1;
		param_ext_free(a);
	}
	if (out)
		xbuf_add(&x->buf, out, strlen(out), quoted ? XMARK_QUO : XMARK_EXP);
	free(out);
	return r;
}

/* Every form, of the parameter name (which ${!x} found) whose value is
   value (sub: the subscript of an array element a[sub], else NULL). */
static int expand_value(struct xctx *x, const struct word *w, const char *name,
			const char *sub, const char *value, bool quoted)
{
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
			return expand_assign(x, w, name, sub, quoted);
		append_value(x, name, value, quoted);
		return 0;
	case PARAM_ERROR:
		if (use_word)
			return expand_error(x, w, name, w->param.colon);
		append_value(x, name, value, quoted);
		return 0;
	case PARAM_ALT:
		return use_word ? 0 : expand_arg(x, w, quoted);
	case PARAM_TRIM_SUFFIX:
	case PARAM_TRIM_SUFFIX_LONG:
	case PARAM_TRIM_PREFIX:
	case PARAM_TRIM_PREFIX_LONG:
		return expand_trim(x, w, name, value, quoted);
	case PARAM_BAD:
		/* The word is not expanded: nothing in it runs. */
		shell_error(x->sh, "bad substitution");
		return -1;
	default:
		return expand_ext(x, w, name, value, quoted);
	}
	return 0;
}

static int expand_named(struct xctx *x, const struct word *w, const char *name,
			bool quoted)
{
	const char *value;
	if (is_at_or_star(name) && !is_trim(w->param.op) && w->param.op < PARAM_SUBSTR)
		value = params_null(x->sh, name[0] == '*') ? "" : "@";
	else
		value = var_get(x->sh, name);
	return expand_value(x, w, name, NULL, value, quoted);
}

/* ------------------------------------------------------------ arrays */

/* ${a[@]:o:l}: the elements from index o on (an index, not a position,
   in a sparse indexed array, as bash); positions in an associative one. */
static int array_substr(struct xctx *x, const struct word *w, const char *name,
			const struct vec *items, bool star, bool quoted)
{
	size_t n = items->len, start = 0, cnt = 0;
	if (var_is_assoc(x->sh, name) || n == 0) {
		if (param_substr_range(x, w, n, true, &start, &cnt) < 0)
			return -1;
	} else {
		int64_t off, len = INT64_MAX;
		if (param_eval_word(x, w->param.arg, &off) < 0 ||
		    (w->param.arg2 && param_eval_word(x, w->param.arg2, &len) < 0))
			return -1;
		if (len < 0) {
			shell_error(x->sh, "%jd: substring expression < 0", (intmax_t)len);
			return -1;
		}
		struct vec keys = VEC_INIT;
		var_array_keys(x->sh, name, &keys);
		int64_t end = strtoll(keys.items[n - 1], NULL, 10) + 1;
		if (off < 0)
			off += end;
		start = n;
		for (size_t i = 0; off >= 0 && i < n; i++) {
			if (strtoll(keys.items[i], NULL, 10) >= off) {
				start = i;
				break;
			}
		}
		cnt = (uint64_t)len < n - start ? (size_t)len : n - start;
		vec_free_all(&keys, free);
	}
	expand_append_list(x, (char *const *)items->items + start, cnt, star, quoted);
	return 0;
}

/* Is the list null for ${a[@]:-w}: no element, or its join is empty? */
static bool list_null(struct shell *sh, const struct vec *items, bool star)
{
	const char *ifs = var_get(sh, "IFS");
	if (items->len > 1 && !(star && ifs && !ifs[0]))
		return false;
	for (size_t i = 0; i < items->len; i++)
		if (((char *)items->items[i])[0])
			return false;
	return true;
}

/* ${a[@]} ${a[*]} ${!a[@]} with every operator: the elements as a list,
   joined or split like $* and $@. */
static int expand_list(struct xctx *x, const struct word *w, const char *name,
		       const struct vec *items, bool star, bool quoted)
{
	char *const *v = (char *const *)items->items;
	bool use_word = items->len == 0 || (w->param.colon && list_null(x->sh, items, star));
	char num[24];
	switch (w->param.op) {
	case PARAM_PLAIN:
		expand_append_list(x, v, items->len, star, quoted);
		return 0;
	case PARAM_LENGTH:
		xbuf_add(&x->buf, num, expand_fmt_int(num, (intmax_t)items->len),
			 quoted ? XMARK_QUO : XMARK_EXP);
		return 0;
	case PARAM_DEFAULT:
	case PARAM_ASSIGN:
	case PARAM_ERROR:
		if (use_word && w->param.op == PARAM_ERROR)
			return expand_error(x, w, name, w->param.colon);
		if (use_word)
			return expand_arg(x, w, quoted);
		expand_append_list(x, v, items->len, star, quoted);
		return 0;
	case PARAM_ALT:
		return use_word ? 0 : expand_arg(x, w, quoted);
	case PARAM_BAD:
		shell_error(x->sh, "bad substitution");
		return -1;
	case PARAM_SUBSTR:
		return array_substr(x, w, name, items, star, quoted);
	case PARAM_TRANSFORM:
		if (items->len && w->param.arg && w->param.arg->type == WORD_LITERAL &&
		    w->param.arg->lit.text[0] == 'A') {	/* ${a[@]@A}: one declare */
			struct vec first = { items->items, 1, 1 };
			return map_list(x, w, name, &first, star, quoted);
		}
		return map_list(x, w, name, items, star, quoted);
	default:
		return map_list(x, w, name, items, star, quoted);
	}
}

/* name[sub] after expansion of the subscript: an element, or with @ or
   * the whole array (keys: ${!a[@]}, the indices or keys). */
static int expand_element(struct xctx *x, const struct word *w, const char *name,
			  const char *sub, bool keys, bool quoted)
{
	if (is_at_or_star(sub)) {
		struct vec items = VEC_INIT;
		if (keys)
			var_array_keys(x->sh, name, &items);
		else
			var_array_values(x->sh, name, &items);
		int r = expand_list(x, w, name, &items, sub[0] == '*', quoted);
		if (keys)
			vec_free_all(&items, free);
		else
			vec_free(&items);
		return r;
	}
	bool err;
	const char *v = var_elem_get(x->sh, name, sub, &err);
	if (err)
		return -1;
	return expand_value(x, w, name, sub, v, quoted);
}

static int expand_subscripted(struct xctx *x, const struct word *w, bool quoted)
{
	char *sub;
	if (expand_to_string(x->sh, w->param.subscript, 0, false, &sub) < 0)
		return -1;
	int r = expand_element(x, w, w->param.name, sub, w->param.indirect, quoted);
	free(sub);
	return r;
}

/* ${!name}: the value of name is the name to expand (bash, ksh93's
   nameref-free form); a NULL result after the message. */
/* Can v name a parameter: a variable, a positional or a special one? */
static bool is_param_name(const char *v)
{
	if (parse_is_name(v) || (v[0] && !v[1] && strchr("@*#?-$!", v[0])))
		return true;
	if (!*v)
		return false;
	for (; *v; v++)
		if (*v < '0' || *v > '9')
			return false;
	return true;
}

static char *indirect_name(struct xctx *x, const char *name)
{
	const char *v = var_get(x->sh, name);
	if (!v || (!is_param_name(v) && !strchr(v, '['))) {
		shell_error(x->sh, "%s: invalid indirect expansion", name);
		return NULL;
	}
	return xstrdup(v);
}

int expand_param(struct xctx *x, const struct word *w, bool quoted)
{
	if (w->param.subscript)
		return expand_subscripted(x, w, quoted);
	if (!w->param.indirect)
		return expand_named(x, w, w->param.name, quoted);
	char *name = indirect_name(x, w->param.name);
	if (!name)
		return -1;
	char *base, *sub;
	int r;
	if (var_split_element(name, &base, &sub)) {	/* n='a[1]'; ${!n} */
		r = expand_element(x, w, base, sub, false, quoted);
		free(base);
		free(sub);
	} else {
		r = expand_named(x, w, name, quoted);
	}
	free(name);
	return r;
}
