/* vars_array.c: indexed and associative arrays — storage, elements, a=(...) and declare -p's form (issue 10 item 2). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/hashmap.h"
#include "base/shquote.h"
#include "base/strbuf.h"
#include "exec/expand.h"
#include "exec/shell.h"
#include "parser/parser.h"

/*
 * An indexed array is a vector of (index, value) kept sorted by index:
 * appending (the common case: a+=(x), a[${#a[@]}]=x, read -a, mapfile) is
 * O(1), a lookup a binary search, and a sparse array costs only its
 * elements.  An associative array keeps its entries in insertion order in
 * a vector (that is the order ${!m[@]} and ${m[@]} list them, as ksh93
 * and zsh do; bash's order is its hash order) with a hash map from key to
 * entry for lookups.
 *
 * The variable's value pointer always points at element 0 (key "0"), or
 * is NULL, so `$a` and every scalar reader of a variable cost nothing
 * extra.
 */

struct ielem {
	int64_t idx;
	char *val;	/* owned */
};

struct aelem {
	char *key;	/* owned */
	char *val;	/* owned */
};

struct varray {
	bool assoc;
	size_t len, cap;
	struct ielem *iv;	/* owned, indexed: sorted by idx */
	struct vec order;	/* assoc: struct aelem * (owned), insertion order */
	struct hashmap map;	/* assoc: key -> struct aelem * (borrowed) */
};

static struct varray *varray_new(bool assoc)
{
	struct varray *a = xcalloc(1, sizeof *a);
	a->assoc = assoc;
	hm_init(&a->map);
	return a;
}

static void aelem_free(void *p)
{
	struct aelem *e = p;
	free(e->key);
	free(e->val);
	free(e);
}

void varray_free(struct varray *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->len; i++)
		free(a->iv[i].val);
	free(a->iv);
	hm_free(&a->map, NULL);
	vec_free_all(&a->order, aelem_free);
	free(a);
}

static void assoc_put_new(struct varray *a, const char *key, char *val)
{
	struct aelem *e = xmalloc(sizeof *e);
	e->key = xstrdup(key);
	e->val = val;
	vec_push(&a->order, e);
	hm_put(&a->map, e->key, e);
}

struct varray *varray_copy(const struct varray *a)
{
	struct varray *c = varray_new(a->assoc);
	c->len = c->cap = a->len;
	c->iv = a->len ? xreallocarray(NULL, a->len, sizeof *c->iv) : NULL;
	for (size_t i = 0; i < a->len; i++) {
		c->iv[i].idx = a->iv[i].idx;
		c->iv[i].val = xstrdup(a->iv[i].val);
	}
	for (size_t i = 0; i < a->order.len; i++) {
		const struct aelem *e = a->order.items[i];
		assoc_put_new(c, e->key, xstrdup(e->val));
	}
	return c;
}

/* ------------------------------------------------------------ indexed */

static const char *iget(const struct varray *a, int64_t idx);

/* Position of idx in a->iv, or where it would go (*found false). */
static size_t ifind(const struct varray *a, int64_t idx, bool *found)
{
	size_t lo = 0, hi = a->len;
	if (hi && a->iv[hi - 1].idx < idx)	/* appending: O(1) */
		lo = hi;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->iv[mid].idx < idx)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < a->len && a->iv[lo].idx == idx;
	return lo;
}

static const char *iget(const struct varray *a, int64_t idx)
{
	bool found;
	size_t i = ifind(a, idx, &found);
	return found ? a->iv[i].val : NULL;
}

/* Store val (owned) at idx. */
static void iset(struct varray *a, int64_t idx, char *val)
{
	bool found;
	size_t i = ifind(a, idx, &found);
	if (found) {
		free(a->iv[i].val);
		a->iv[i].val = val;
		return;
	}
	if (a->len == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 8;
		a->iv = xreallocarray(a->iv, a->cap, sizeof *a->iv);
	}
	memmove(&a->iv[i + 1], &a->iv[i], (a->len - i) * sizeof *a->iv);
	a->iv[i].idx = idx;
	a->iv[i].val = val;
	a->len++;
}

static void iunset(struct varray *a, int64_t idx)
{
	bool found;
	size_t i = ifind(a, idx, &found);
	if (!found)
		return;
	free(a->iv[i].val);
	memmove(&a->iv[i], &a->iv[i + 1], (a->len - i - 1) * sizeof *a->iv);
	a->len--;
}

/* The next index after the last (0 for an empty array). */
static int64_t inext(const struct varray *a)
{
	return a->len ? a->iv[a->len - 1].idx + 1 : 0;
}

/* ------------------------------------------------------- associative */

static void aset(struct varray *a, const char *key, char *val)
{
	struct aelem *e = hm_get(&a->map, key);
	if (e) {
		free(e->val);
		e->val = val;
	} else {
		assoc_put_new(a, key, val);
	}
}

static void aunset(struct varray *a, const char *key)
{
	struct aelem *e = hm_remove(&a->map, key);
	if (!e)
		return;
	for (size_t i = 0; i < a->order.len; i++) {
		if (a->order.items[i] == e) {
			memmove(&a->order.items[i], &a->order.items[i + 1],
				(a->order.len - i - 1) * sizeof(void *));
			a->order.len--;
			break;
		}
	}
	aelem_free(e);
}

/* ---------------------------------------------------------- variables */

const char *var_array_elem0(const struct varray *a)
{
	const struct aelem *e = a->assoc ? hm_get(&a->map, "0") : NULL;
	return a->assoc ? (e ? e->val : NULL) : iget(a, 0);
}

/* Point v->value at element 0 again after a change. */
static void sync0(struct var *v)
{
	v->value = (char *)var_array_elem0(v->arr);
	if (v->value)
		v->flags &= ~VAR_UNSET_VALUE;
	else
		v->flags |= VAR_UNSET_VALUE;
}

static void readonly_msg(struct shell *sh, const char *name)
{
	if (sh->current_builtin)
		builtin_error(sh, "%s: is read only", name);
	else
		shell_error(sh, "%s: is read only", name);
}

/* The array behind name, made one (from a scalar: its value becomes
   element 0) when it is not; NULL when name is read-only. */
static struct varray *writable_array(struct shell *sh, const char *name,
				     bool assoc, struct var **vp)
{
	struct var *v = var_lookup(sh, name);
	if (v && (v->flags & VAR_READONLY)) {
		readonly_msg(sh, name);
		return NULL;
	}
	if (!v) {
		if (var_set(sh, name, NULL, 0) < 0)
			return NULL;
		v = var_lookup(sh, name);
	}
	if (!v->arr) {
		char *old = v->value ? xstrdup(v->value) : NULL;
		if (!(v->flags & VAR_VALUE_INLINE))
			free(v->value);
		v->flags &= ~VAR_VALUE_INLINE;
		v->value = NULL;
		v->arr = varray_new(assoc);
		v->flags |= assoc ? VAR_ASSOC : VAR_ARRAY;
		if (old && assoc)
			aset(v->arr, "0", old);
		else if (old)
			iset(v->arr, 0, old);
	}
	*vp = v;
	return v->arr;
}

int var_make_array(struct shell *sh, const char *name, int attr)
{
	struct var *v;
	if (!writable_array(sh, name, attr & VAR_ASSOC, &v))
		return -1;
	sync0(v);
	return 0;
}

bool var_is_assoc(struct shell *sh, const char *name)
{
	struct var *v = var_lookup(sh, name);
	return v && v->arr && v->arr->assoc;
}

/* A negative index counts back from the end (bash); -1 after the
   message when it reaches before the start. */
static int real_index(struct shell *sh, const char *name,
		      const struct varray *a, int64_t *idx)
{
	if (*idx >= 0)
		return 0;
	int64_t r = *idx + (a ? inext(a) : 0);
	if (r < 0) {
		shell_error(sh, "%s[%" PRId64 "]: bad array subscript", name, *idx);
		return -1;
	}
	*idx = r;
	return 0;
}

const char *var_index_get(struct shell *sh, const char *name, int64_t idx)
{
	struct var *v = var_lookup(sh, name);
	if (!v || !v->arr) {
		if (idx == 0 || idx == -1)
			return var_get(sh, name);
		return NULL;
	}
	if (v->arr->assoc) {
		char num[24];
		snprintf(num, sizeof num, "%" PRId64, idx);
		return var_key_get(sh, name, num);
	}
	if (idx < 0 && (idx += inext(v->arr)) < 0)
		return NULL;
	return iget(v->arr, idx);
}

const char *var_key_get(struct shell *sh, const char *name, const char *key)
{
	struct var *v = var_lookup(sh, name);
	if (!v || !v->arr || !v->arr->assoc)
		return NULL;
	const struct aelem *e = hm_get(&v->arr->map, key);
	return e ? e->val : NULL;
}

static char *elem_value(struct shell *sh, const char *old, const char *value,
			bool append, int flags)
{
	return var_apply_attrs(sh, flags, append ? old : NULL, value);
}

int var_index_set(struct shell *sh, const char *name, int64_t idx,
		  const char *value, bool append)
{
	struct var *v;
	struct varray *a = writable_array(sh, name, false, &v);
	if (!a)
		return -1;
	if (a->assoc) {
		char num[24];
		snprintf(num, sizeof num, "%" PRId64, idx);
		return var_key_set(sh, name, num, value, append);
	}
	if (real_index(sh, name, a, &idx) < 0)
		return -1;
	char *s = elem_value(sh, iget(a, idx), value, append, v->flags);
	if (!s)
		return -1;
	iset(a, idx, s);
	sync0(v);
	return 0;
}

int var_key_set(struct shell *sh, const char *name, const char *key,
		const char *value, bool append)
{
	struct var *v;
	struct varray *a = writable_array(sh, name, true, &v);
	if (!a)
		return -1;
	const struct aelem *e = hm_get(&a->map, key);
	char *s = elem_value(sh, e ? e->val : NULL, value, append, v->flags);
	if (!s)
		return -1;
	aset(a, key, s);
	sync0(v);
	return 0;
}

static struct var *unset_target(struct shell *sh, const char *name)
{
	struct var *v = var_lookup(sh, name);
	if (v && (v->flags & VAR_READONLY)) {
		readonly_msg(sh, name);
		return NULL;
	}
	return v;
}

int var_index_unset(struct shell *sh, const char *name, int64_t idx)
{
	struct var *v = unset_target(sh, name);
	if (!v)
		return var_lookup(sh, name) ? -1 : 0;
	if (!v->arr)
		return idx == 0 || idx == -1 ? var_unset(sh, name) : 0;
	if (v->arr->assoc) {
		char num[24];
		snprintf(num, sizeof num, "%" PRId64, idx);
		return var_key_unset(sh, name, num);
	}
	if (real_index(sh, name, v->arr, &idx) < 0)
		return -1;
	iunset(v->arr, idx);
	sync0(v);
	return 0;
}

int var_key_unset(struct shell *sh, const char *name, const char *key)
{
	struct var *v = unset_target(sh, name);
	if (!v)
		return var_lookup(sh, name) ? -1 : 0;
	if (v->arr && v->arr->assoc) {
		aunset(v->arr, key);
		sync0(v);
	}
	return 0;
}

void var_array_values(struct shell *sh, const char *name, struct vec *out)
{
	struct var *v = var_lookup(sh, name);
	if (!v || !v->arr) {
		const char *s = var_get(sh, name);
		if (s)
			vec_push(out, (void *)s);
		return;
	}
	const struct varray *a = v->arr;
	for (size_t i = 0; i < a->len; i++)
		vec_push(out, a->iv[i].val);
	for (size_t i = 0; i < a->order.len; i++)
		vec_push(out, ((struct aelem *)a->order.items[i])->val);
}

void var_array_keys(struct shell *sh, const char *name, struct vec *out)
{
	struct var *v = var_lookup(sh, name);
	if (!v || !v->arr) {
		if (var_get(sh, name))
			vec_push(out, xstrdup("0"));
		return;
	}
	const struct varray *a = v->arr;
	for (size_t i = 0; i < a->len; i++) {
		char num[24];
		snprintf(num, sizeof num, "%" PRId64, a->iv[i].idx);
		vec_push(out, xstrdup(num));
	}
	for (size_t i = 0; i < a->order.len; i++)
		vec_push(out, xstrdup(((struct aelem *)a->order.items[i])->key));
}

size_t var_array_count(struct shell *sh, const char *name)
{
	struct var *v = var_lookup(sh, name);
	if (!v || !v->arr)
		return var_get(sh, name) ? 1 : 0;
	return v->arr->assoc ? v->arr->order.len : v->arr->len;
}

/* ----------------------------------------------------- name=( ... ) */

/*
 * One word of the text inside a=( ... ), with shell quoting: '...'
 * literal, "..." where \ quotes \ " $ `, \c outside quotes.  Stops at an
 * unquoted blank (or at an unquoted ']' when key is true).  The expansion
 * of a=( ... ) writes every element in this form; `declare a=(...)` and
 * declare -p's output are read the same way.
 */
static const char *read_word(const char *p, struct strbuf *out, bool key)
{
	sb_append(out, "");
	while (*p && !strchr(" \t\n", *p) && !(key && *p == ']')) {
		if (*p == '\'') {
			const char *e = strchr(p + 1, '\'');
			size_t n = e ? (size_t)(e - p - 1) : strlen(p + 1);
			sb_appendn(out, p + 1, n);
			p += n + 1 + (e != NULL);
		} else if (*p == '"') {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1] && strchr("\\\"$`", p[1]))
					p++;
				sb_putc(out, *p);
			}
			p += *p == '"';
		} else if (*p == '\\' && p[1]) {
			sb_putc(out, p[1]);
			p += 2;
		} else {
			sb_putc(out, *p++);
		}
	}
	return p;
}

/* Store one element: [key]=value (key may be NULL: the next index). */
static int compound_elem(struct shell *sh, const char *name, bool assoc,
			 const char *key, const char *value, int64_t *next,
			 bool append)
{
	if (assoc) {
		if (!key) {
			shell_error(sh, "%s: %s: must use subscript when "
				    "assigning associative array", name, value);
			return -1;
		}
		return var_key_set(sh, name, key, value, append);
	}
	if (key) {
		if (expand_arith_text(sh, key, next) < 0)
			return -1;
	}
	if (var_index_set(sh, name, *next, value, append) < 0)
		return -1;
	++*next;
	return 0;
}

/* Is the word at p an explicit [key]=value (or [key]+=value)? */
static const char *keyed(const char *p, struct strbuf *key, bool *append)
{
	if (*p != '[')
		return NULL;
	const char *q = read_word(p + 1, key, true);
	*append = q[0] == ']' && q[1] == '+' && q[2] == '=';
	if (q[0] != ']' || (q[1] != '=' && !*append))
		return NULL;
	return q + 2 + *append;
}

int var_assign_compound(struct shell *sh, const char *name, const char *text,
			bool append)
{
	size_t n = strlen(text);
	if (n >= 2 && text[0] == '(' && text[n - 1] == ')') {
		char *inner = xstrndup(text + 1, n - 2);
		int r = var_assign_compound(sh, name, inner, append);
		free(inner);
		return r;
	}
	struct var *v = var_lookup(sh, name);
	bool assoc = v && v->arr && v->arr->assoc;
	if (v && (v->flags & VAR_READONLY)) {
		readonly_msg(sh, name);
		return -1;
	}
	if (!append && v) {
		/* an array's value is borrowed (its element 0): freed with
		   the array; a scalar's is owned */
		bool borrowed = v->arr != NULL;
		varray_free(v->arr);
		v->arr = NULL;
		if (!borrowed && !(v->flags & VAR_VALUE_INLINE))
			free(v->value);
		v->value = NULL;
		v->flags &= ~VAR_VALUE_INLINE;
	}
	if (var_make_array(sh, name, assoc ? VAR_ASSOC : VAR_ARRAY) < 0)
		return -1;
	v = var_lookup(sh, name);
	int64_t next = v->arr->assoc ? 0 : inext(v->arr);
	struct strbuf key = STRBUF_INIT, val = STRBUF_INIT;
	int r = 0;
	const char *pending = NULL;	/* assoc: a key waiting for its value */
	char *pending_own = NULL;
	for (const char *p = text; *p && r == 0;) {
		if (strchr(" \t\n", *p)) {
			p++;
			continue;
		}
		sb_clear(&key);
		sb_clear(&val);
		bool add = false;
		const char *after = keyed(p, &key, &add);
		if (after) {
			p = read_word(after, &val, false);
			r = compound_elem(sh, name, assoc, sb_str(&key), sb_str(&val),
					  &next, add);
			continue;
		}
		p = read_word(p, &val, false);
		if (!assoc) {
			r = compound_elem(sh, name, false, NULL, sb_str(&val), &next, false);
		} else if (!pending) {	/* m=(k1 v1 k2 v2): bash 5.1 pairs */
			pending = pending_own = xstrdup(sb_str(&val));
		} else {
			r = var_key_set(sh, name, pending, sb_str(&val), false);
			free(pending_own);
			pending = pending_own = NULL;
		}
	}
	if (pending && r == 0)
		r = var_key_set(sh, name, pending, "", false);
	free(pending_own);
	sb_free(&key);
	sb_free(&val);
	return r;
}

/* ----------------------------------------------------- declare -p */

/* s in double quotes, as bash's declare -p writes elements ($'...' when
   it holds a control character). */
void var_dquote(struct strbuf *sb, const char *s)
{
	for (const char *p = s; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			param_quote(sb, s);
			return;
		}
	}
	sb_putc(sb, '"');
	for (; *s; s++) {
		if (strchr("\\\"$`", *s))
			sb_putc(sb, '\\');
		sb_putc(sb, *s);
	}
	sb_putc(sb, '"');
}

void var_array_print(struct shell *sh, const struct var *v, struct strbuf *sb)
{
	(void)sh;
	const struct varray *a = v->arr;
	sb_putc(sb, '(');
	for (size_t i = 0; i < a->len; i++) {
		sb_printf(sb, "%s[%" PRId64 "]=", i ? " " : "", a->iv[i].idx);
		var_dquote(sb, a->iv[i].val);
	}
	for (size_t i = 0; i < a->order.len; i++) {
		const struct aelem *e = a->order.items[i];
		sb_putc(sb, '[');
		if (shq_is_safe(e->key))
			sb_append(sb, e->key);
		else
			var_dquote(sb, e->key);
		sb_append(sb, "]=");
		var_dquote(sb, e->val);
		sb_putc(sb, ' ');
	}
	sb_putc(sb, ')');
}

/* ---------------------------------------------------- by subscript */

/* The index of an indexed-array subscript: its arithmetic value. */
static int sub_index(struct shell *sh, const char *sub, int64_t *idx)
{
	return expand_arith_text(sh, sub, idx);
}

const char *var_elem_get(struct shell *sh, const char *name, const char *sub,
			 bool *error)
{
	*error = false;
	if (var_is_assoc(sh, name))
		return var_key_get(sh, name, sub);
	int64_t idx;
	if (sub_index(sh, sub, &idx) < 0) {
		*error = true;
		return NULL;
	}
	return var_index_get(sh, name, idx);
}

int var_elem_set(struct shell *sh, const char *name, const char *sub,
		 const char *value, bool append)
{
	if (var_is_assoc(sh, name))
		return var_key_set(sh, name, sub, value, append);
	int64_t idx;
	if (sub_index(sh, sub, &idx) < 0)
		return -1;
	return var_index_set(sh, name, idx, value, append);
}

int var_elem_unset(struct shell *sh, const char *name, const char *sub)
{
	if (var_is_assoc(sh, name))
		return var_key_unset(sh, name, sub);
	int64_t idx;
	if (sub_index(sh, sub, &idx) < 0)
		return -1;
	return var_index_unset(sh, name, idx);
}

bool var_split_element(const char *v, char **name, char **sub)
{
	const char *open = strchr(v, '[');
	size_t n = strlen(v);
	if (!open || n < 3 || v[n - 1] != ']')
		return false;
	*name = xstrndup(v, (size_t)(open - v));
	if (!parse_is_name(*name)) {
		free(*name);
		return false;
	}
	*sub = xstrndup(open + 1, n - (size_t)(open - v) - 2);
	return true;
}

/* ----------------------------------------------------------- PIPESTATUS */

void var_pipestatus_record(struct shell *sh, const int *st, size_t n)
{
	sh->pipestatus.len = 0;
	for (size_t i = 0; i < n; i++)
		vec_push(&sh->pipestatus, (void *)(intptr_t)st[i]);
	sh->pipestatus_dirty = true;
}

/* PIPESTATUS is rebuilt only when read: a loop of commands pays one
   flag store per command, not an array per command.  Under set -o posix
   it is an ordinary variable (a conforming script may use the name). */
void var_pipestatus_sync(struct shell *sh)
{
	sh->pipestatus_dirty = false;
	if (sh->opt.posix)
		return;
	struct var *v = hm_get(&sh->vars, "PIPESTATUS");
	if (v && (v->flags & VAR_READONLY))
		return;
	var_unset(sh, "PIPESTATUS");
	for (size_t i = 0; i < sh->pipestatus.len; i++) {
		char num[24];
		snprintf(num, sizeof num, "%d", (int)(intptr_t)sh->pipestatus.items[i]);
		var_index_set(sh, "PIPESTATUS", (int64_t)i, num, false);
	}
}

bool var_is_target(const char *s)
{
	char *name, *sub;
	if (!var_split_element(s, &name, &sub))
		return parse_is_name(s);
	free(name);
	free(sub);
	return true;
}

int var_set_target(struct shell *sh, const char *target, const char *value)
{
	char *name, *sub;
	if (!var_split_element(target, &name, &sub))
		return var_set(sh, target, value, 0);
	int r = var_elem_set(sh, name, sub, value, false);
	free(name);
	free(sub);
	return r;
}

bool var_target_is_set(struct shell *sh, const char *target)
{
	char *name, *sub;
	if (!var_split_element(target, &name, &sub))
		return var_get(sh, target) != NULL;
	bool set;
	if (strcmp(sub, "@") == 0 || strcmp(sub, "*") == 0) {
		set = var_array_count(sh, name) > 0;
	} else {
		bool error;
		set = var_elem_get(sh, name, sub, &error) != NULL;
	}
	free(name);
	free(sub);
	return set;
}
