/* vars.c: shell variables, special parameters, frames and locals, and the environment handed to execve. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/shquote.h"
#include "base/strbuf.h"
#include "exec/exec_int.h"
#include "exec/expand.h"
#include "exec/expand_internal.h"
#include "exec/shell.h"

/*
 * Variables live in sh->vars, a hash map from name to struct var.  Special
 * parameters (XCU 2.5.2: @ * # ? - $ ! 0) and positional parameters (XCU
 * 2.5.1) are not stored there: var_get() computes them from the shell's
 * state, into small buffers in sh->vscratch, so that reading $? costs no
 * allocation.
 */

/* ------------------------------------------------------------- helpers */

static void var_free(struct var *v)
{
	if (v) {
		if (v->arr)
			varray_free(v->arr);	/* value points into it */
		else if (!(v->flags & VAR_VALUE_INLINE))
			free(v->value);
		if (!(v->flags & VAR_ARENA))
			free(v);
	}
}

/* A new variable.  With a value, the struct and the value share one
   allocation (VAR_VALUE_INLINE): one malloc per variable created, which is
   most of the shell's startup (one per environment entry). */
static struct var *var_new(const char *value)
{
	size_t len = value ? strlen(value) + 1 : 0;
	struct var *v = xmalloc(xadd(sizeof *v, len));
	v->value = NULL;
	v->arr = NULL;
	v->flags = VAR_UNSET_VALUE;
	if (value) {
		v->value = memcpy((char *)(v + 1), value, len);
		v->flags = VAR_VALUE_INLINE;
	}
	return v;
}

/* Give v a copy of value (which may point into v's current value). */
static void var_store(struct var *v, const char *value)
{
	size_t len = strlen(value);
	size_t old = v->value ? strlen(v->value) : 0;
	if (v->value && len <= old && old - len < 256) {
		/* The new value fits where the old one is (the old string's
		   length is a lower bound of its block): rewrite it in place,
		   no malloc/free — `i=$((i + 1))` in a loop allocates nothing.
		   memmove because value may be a part of the old value.  A
		   much shorter value gets a fresh block so that a variable
		   does not pin a large old one. */
		memmove(v->value, value, len + 1);
	} else {
		char *copy = xmemdup(value, len + 1);
		if (!(v->flags & VAR_VALUE_INLINE))
			free(v->value);
		v->value = copy;
		v->flags &= ~VAR_VALUE_INLINE;
	}
	v->flags &= ~VAR_UNSET_VALUE;
}

static void var_free_void(void *v)
{
	var_free(v);
}

static struct var *var_copy(const struct var *v)
{
	struct var *c = xmalloc(sizeof *c);
	c->flags = v->flags & ~(VAR_VALUE_INLINE | VAR_ARENA);
	c->arr = NULL;
	if (v->arr) {
		c->arr = varray_copy(v->arr);
		c->value = NULL;
		/* element 0 again, in the copy */
		c->value = (char *)(v->value ? var_array_elem0(c->arr) : NULL);
		return c;
	}
	c->value = v->value ? xstrdup(v->value) : NULL;
	return c;
}

/* Any change to an exported variable invalidates the execve cache. */
static void env_invalidate(struct shell *sh);

static void var_changed(struct shell *sh, const char *name, int oldflags,
			int newflags)
{
	if ((oldflags | newflags) & VAR_EXPORT)
		env_invalidate(sh);
	/* XCU 2.9.1.1: the command hash remembers PATH lookups; a new PATH
	   makes every remembered answer suspect. */
	if (name[0] == 'P' && strcmp(name, "PATH") == 0)
		path_hash_clear(sh);
	/* XCU 2.5.3: "If the user unsets or resets LINENO, the variable may
	   lose its special meaning for the life of the shell" (dash, yash). */
	if (name[0] == 'L' && strcmp(name, "LINENO") == 0)
		sh->lineno_plain = true;
	/* XCU 2.5.3: a new LANG or LC_* changes the shell's locale at once. */
	if (name[0] == 'L' && locale_is_variable(name)) {
		if (sh->importing_env)	/* applied once, after the import */
			sh->locale_stale = true;
		else
			locale_update(sh);
	}
}

/* A number in the next slot of the scratch ring (borrowed result). */
static const char *scratch_num(struct shell *sh, intmax_t n)
{
	struct var_scratch *vs = &sh->vscratch;
	char *buf = vs->num[vs->next++ % 4];
	expand_fmt_int(buf, n);
	return buf;
}

static const char *scratch_text(struct shell *sh, char *owned)
{
	free(sh->vscratch.text);
	sh->vscratch.text = owned;
	return owned;
}

/* ------------------------------------------------- positional parameters */

static struct frame *frame_new(struct frame *up, bool is_function)
{
	struct frame *f = xcalloc(1, sizeof *f);
	vec_init(&f->params);
	vec_init(&f->locals);
	f->up = up;
	f->is_function = is_function;
	return f;
}

struct vec *shell_params(struct shell *sh)
{
	return &sh->frame->params;
}

void shell_set_params(struct shell *sh, int argc, char *const *argv)
{
	struct vec *p = shell_params(sh);
	struct vec fresh = VEC_INIT;
	/* Copy first: argv may point into the old parameters (set -- "$@"). */
	for (int i = 0; i < argc; i++)
		vec_push(&fresh, xstrdup(argv[i]));
	vec_free_all(p, free);
	*p = fresh;
}

/*
 * Fast path for `set -- $line` and function calls: the words were just
 * expanded into fresh malloc'd strings (sh->cmd_fields) that eval_simple
 * frees as soon as the command ends, so copying them into the parameters
 * and then freeing the originals is two allocations per field for
 * nothing.  When argv is a stretch of that vector, move the pointers and
 * leave NULL behind (eval_simple's free(NULL) is a no-op).  The range
 * test is what makes it safe: argv from anywhere else (`.`'s frame, an
 * old parameter list) is not ours to take, and is copied.  The integer
 * comparison avoids comparing pointers into different arrays.
 */
static bool argv_is_command_fields(const struct shell *sh, int argc,
				   char **argv)
{
	const struct vec *f = sh->cmd_fields;
	if (!f || argc <= 0 || !f->items)
		return false;
	uintptr_t lo = (uintptr_t)f->items;
	uintptr_t hi = (uintptr_t)(f->items + f->len);
	uintptr_t a = (uintptr_t)argv;
	return a >= lo && a + (size_t)argc * sizeof *argv <= hi;
}

static void params_fill(struct shell *sh, struct vec *dst, int argc,
			char **argv)
{
	bool take = argv_is_command_fields(sh, argc, argv);
	if (argc <= 0)
		return;
	/* Room for all of them at once, then plain stores: `set -- $line`
	   moves hundreds of fields per command. */
	vec_reserve(dst, (size_t)argc);
	char **out = (char **)dst->items + dst->len;
	for (int i = 0; i < argc; i++) {
		if (take && argv[i]) {
			out[i] = argv[i];
			argv[i] = NULL;
		} else {
			out[i] = xstrdup(argv[i] ? argv[i] : "");
		}
	}
	dst->len += (size_t)argc;
}

void shell_take_params(struct shell *sh, int argc, char **argv)
{
	struct vec *p = shell_params(sh);
	if (argv_is_command_fields(sh, argc, argv)) {
		/* Fresh fields, none of them an old parameter: the old
		   array is reused (a new one per `set -- $line` was a
		   malloc of kilobytes, which makes glibc consolidate the
		   small blocks just freed). */
		for (size_t i = 0; i < p->len; i++)
			free(p->items[i]);
		p->len = 0;
		params_fill(sh, p, argc, argv);
		return;
	}
	struct vec fresh = VEC_INIT;
	params_fill(sh, &fresh, argc, argv);
	vec_free_all(p, free);
	*p = fresh;
}

/* $1..$n, ${10}: digits only; "0" is $0. */
static const char *positional(struct shell *sh, const char *name)
{
	size_t n = 0;
	for (const char *s = name; *s; s++) {
		if (*s < '0' || *s > '9')
			return NULL;
		if (n > SIZE_MAX / 10 - 10)
			return NULL;
		n = n * 10 + (size_t)(*s - '0');
	}
	if (n == 0)
		return sh->arg0 ? sh->arg0 : "";
	struct vec *p = shell_params(sh);
	return n <= p->len ? p->items[n - 1] : NULL;
}

/* "$*" unquoted or quoted: the parameters joined by the first character
   of IFS (a space when IFS is unset, nothing when it is empty). */
static const char *join_params(struct shell *sh, bool star)
{
	const char *ifs = star ? var_get(sh, "IFS") : " ";
	struct vec *p = shell_params(sh);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < p->len; i++) {
		if (i > 0 && (!ifs || *ifs))
			sb_putc(&sb, ifs ? *ifs : ' ');
		sb_append(&sb, p->items[i]);
	}
	return scratch_text(sh, sb_finish(&sb));
}

/* XCU 2.5.2 special parameters, or NULL when name is not one. *found
   tells "special but unset" ($! before any background job) apart. */
static const char *special(struct shell *sh, const char *name, bool *found)
{
	*found = true;
	if (name[0] >= '0' && name[0] <= '9')
		return positional(sh, name);
	if (name[1] == '\0') {
		switch (name[0]) {
		case '?': return scratch_num(sh, sh->last_status);
		case '#': return scratch_num(sh, (intmax_t)shell_params(sh)->len);
		case '$': return scratch_num(sh, sh->pid);
		case '!': return sh->last_bg_pid ? scratch_num(sh, sh->last_bg_pid) : NULL;
		case '-': return scratch_text(sh, shell_option_letters(sh));
		case '@': return join_params(sh, false);
		case '*': return join_params(sh, true);
		default: break;
		}
	}
	if (name[0] == 'L' && !sh->lineno_plain && strcmp(name, "LINENO") == 0)
		return scratch_num(sh, sh->lineno);
	*found = false;
	return NULL;
}

/* ----------------------------------------------------------- variables */

/*
 * declare -n: a nameref's value is the name of the variable it stands
 * for; var_get, var_set, var_lookup and var_unset follow it (a chain of
 * them too, up to a fixed depth, so a loop of references ends).
 */
static const char *deref(struct shell *sh, const char *name)
{
	for (int depth = 0; depth < 8; depth++) {
		struct var *v = hm_get(&sh->vars, name);
		if (!v || !(v->flags & VAR_NAMEREF) || !v->value || !*v->value)
			break;
		name = v->value;
	}
	return name;
}

struct var *var_lookup_raw(struct shell *sh, const char *name)
{
	return hm_get(&sh->vars, name);
}

const char *var_get(struct shell *sh, const char *name)
{
	char c = name[0];
	if (c == 'P' && sh->pipestatus_dirty && strcmp(name, "PIPESTATUS") == 0)
		var_pipestatus_sync(sh);
	if (!((c >= 'a' && c <= 'z') || c == '_' || (c >= 'A' && c <= 'Z' && c != 'L'))) {
		bool found;
		const char *s = special(sh, name, &found);
		if (found)
			return s;
	}
	struct var *v = hm_get(&sh->vars, name);
	if (!v)
		return NULL;
	if (v->flags & (VAR_NAMEREF | VAR_DYNAMIC)) {	/* one test on the fast path */
		if (v->flags & VAR_NAMEREF) {	/* a loop of references: unset */
			const char *t = deref(sh, name);
			struct var *tv = hm_get(&sh->vars, t);
			return tv && !(tv->flags & VAR_NAMEREF) ? var_get(sh, t) : NULL;
		}
		if (!sh->opt.posix) {
			struct var_scratch *vs = &sh->vscratch;
			return dynvar_value(sh, name, v, vs->num[vs->next++ % 4],
					    sizeof vs->num[0]);
		}
	}
	return v->value;
}

struct var *var_lookup(struct shell *sh, const char *name)
{
	if (name[0] == 'P' && sh->pipestatus_dirty && strcmp(name, "PIPESTATUS") == 0)
		var_pipestatus_sync(sh);
	struct var *v = hm_get(&sh->vars, name);
	if (v && (v->flags & VAR_NAMEREF))
		return hm_get(&sh->vars, deref(sh, name));
	return v;
}

static void readonly_error(struct shell *sh, const char *name)
{
	if (sh->current_builtin)
		builtin_error(sh, "%s: is read only", name);
	else
		shell_error(sh, "%s: is read only", name);
}

char *var_apply_attrs(struct shell *sh, int flags, const char *old,
		      const char *value)
{
	if (flags & VAR_INTEGER) {
		int64_t n, o = 0;
		if (expand_arith_text(sh, value, &n) < 0 ||
		    (old && expand_arith_text(sh, old, &o) < 0))
			return NULL;
		char num[24];
		expand_fmt_int(num, (int64_t)((uint64_t)n + (uint64_t)o));
		return xstrdup(num);
	}
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, old ? old : "");
	sb_append(&sb, value);
	char *s = sb_finish(&sb);
	if (!(flags & (VAR_LOWER | VAR_UPPER)))
		return s;
	char *c = param_case(s, flags & VAR_UPPER);
	free(s);
	return c;
}

/* The attributes that make an assignment more than a copy. */
#define VAR_SPECIAL_STORE (VAR_ARRAY | VAR_ASSOC | VAR_INTEGER | VAR_LOWER | VAR_UPPER)

/* An assignment to an array (element 0) or to a variable with -i -l -u. */
static int store_special(struct shell *sh, const char *name, struct var *v,
			 const char *value)
{
	if (v->arr)
		return var_index_set(sh, name, 0, value, false);
	char *s = var_apply_attrs(sh, v->flags, NULL, value);
	if (!s)
		return -1;
	var_store(v, s);
	free(s);
	return 0;
}

int var_append(struct shell *sh, const char *name, const char *value, int flags)
{
	struct var *v = hm_get(&sh->vars, name);
	if (v && v->arr) {
		if (v->flags & VAR_READONLY) {
			readonly_error(sh, name);
			return -1;
		}
		return var_index_set(sh, name, 0, value, true);
	}
	const char *old = v ? v->value : NULL;
	char *s = var_apply_attrs(sh, v ? v->flags : 0, old, value);
	if (!s)
		return -1;
	int r = var_set(sh, name, s, flags);	/* -i -l -u: idempotent */
	free(s);
	return r;
}

int var_set(struct shell *sh, const char *name, const char *value, int flags)
{
	/* One hash for the lookup and, for a new variable, the insert: the
	   slot is made now and filled below (every path that leaves it
	   empty returns only when v was found). */
	void **slot = hm_ref(&sh->vars, name);
	struct var *v = *slot;
	if (v && (v->flags & VAR_NAMEREF)) {
		name = deref(sh, name);
		slot = hm_ref(&sh->vars, name);
		v = *slot;
	}
	if (v && value && ((v->flags & VAR_READONLY) ||
			   ((v->flags & VAR_DYNAMIC) && dynvar_readonly(sh, name)))) {
		readonly_error(sh, name);
		return -1;
	}
	if (value && sh->opt.allexport)
		flags |= VAR_EXPORT;	/* set -a */
	int oldflags = v ? v->flags : 0;
	if (!v) {
		v = var_new(value);
		*slot = v;
	} else if (value && (v->flags & VAR_SPECIAL_STORE)) {
		if (store_special(sh, name, v, value) < 0)
			return -1;
	} else if (value) {
		var_store(v, value);
	}
	v->flags |= flags & (VAR_EXPORT | VAR_READONLY);
	if (value || v->flags != oldflags)
		var_changed(sh, name, oldflags, v->flags);
	if (value && (v->flags & VAR_DYNAMIC))
		dynvar_assigned(sh, name, value);
	return 0;
}

int var_clear_attrs(struct shell *sh, const char *name, int flags)
{
	struct var *v = hm_get(&sh->vars, name);
	if (!v)
		return 0;
	int old = v->flags;
	v->flags &= ~flags;
	var_changed(sh, name, old, v->flags);
	return 0;
}

int var_set_nameref(struct shell *sh, const char *name, const char *target)
{
	struct var *v = hm_get(&sh->vars, name);
	if (v && (v->flags & VAR_READONLY)) {
		readonly_error(sh, name);
		return -1;
	}
	if (!v) {
		v = var_new(target);
		hm_put(&sh->vars, name, v);
	} else {
		if (v->arr) {	/* a reference holds a name, nothing else */
			varray_free(v->arr);
			v->arr = NULL;
			v->value = NULL;
			v->flags &= ~(VAR_ARRAY | VAR_ASSOC);
		}
		var_store(v, target);
	}
	v->flags |= VAR_NAMEREF;
	return 0;
}

int var_unset(struct shell *sh, const char *name)
{
	name = deref(sh, name);
	struct var *v = hm_get(&sh->vars, name);
	if (!v) {
		if (name[0] == 'L' && strcmp(name, "LINENO") == 0)
			sh->lineno_plain = true;
		return 0;
	}
	if ((v->flags & VAR_READONLY) ||
	    ((v->flags & VAR_DYNAMIC) && dynvar_readonly(sh, name))) {
		readonly_error(sh, name);
		return -1;
	}
	if (v->flags & VAR_DYNAMIC)
		dynvar_unset(sh, name);
	hm_remove(&sh->vars, name);
	var_changed(sh, name, v->flags, 0);
	var_free(v);
	return 0;
}

const char **var_names(struct shell *sh)
{
	return hm_sorted_keys(&sh->vars);
}

/* --------------------------------------------------- the environment */

/*
 * var_environ() hands out one refcounted block: a header, the pointer
 * array, then every "NAME=value" string, all in one allocation.  The shell
 * keeps one reference in sh->vscratch.env between commands, so a loop of
 * external commands builds the environment once; each caller's
 * var_environ_free() drops its reference.
 */
struct env_block {
	size_t refs;
	char *strs[];
};

static struct env_block *env_block_of(char **env)
{
	return (struct env_block *)((char *)env - offsetof(struct env_block, strs));
}

struct env_count {
	size_t n;
	size_t bytes;
	char **out;	/* NULL while counting */
	char *text;
};

static void env_visit(const char *key, void *value, void *ctx)
{
	struct var *v = value;
	struct env_count *ec = ctx;
	if (!(v->flags & VAR_EXPORT) || !v->value || v->arr)
		return;	/* arrays are not exported (as bash) */
	size_t klen = strlen(key), vlen = strlen(v->value);
	if (!ec->out) {
		ec->n++;
		ec->bytes = xadd(ec->bytes, xadd(klen, vlen + 2));
		return;
	}
	ec->out[ec->n++] = ec->text;
	memcpy(ec->text, key, klen);
	ec->text[klen] = '=';
	memcpy(ec->text + klen + 1, v->value, vlen + 1);
	ec->text += klen + vlen + 2;
}

static char **env_build(struct shell *sh)
{
	struct env_count ec = { 0, 0, NULL, NULL };
	hm_foreach(&sh->vars, env_visit, &ec);
	size_t ptrs = xadd(ec.n, 1);
	if (ptrs > (SIZE_MAX - sizeof(struct env_block)) / sizeof(char *) / 2)
		alloc_die();
	size_t head = sizeof(struct env_block) + ptrs * sizeof(char *);
	struct env_block *b = xmalloc(xadd(head, ec.bytes));
	b->refs = 1;
	ec.out = b->strs;
	ec.text = (char *)b + head;
	ec.n = 0;
	hm_foreach(&sh->vars, env_visit, &ec);
	b->strs[ec.n] = NULL;
	return b->strs;
}

static void env_invalidate(struct shell *sh)
{
	if (sh->vscratch.env) {
		var_environ_free(sh->vscratch.env);
		sh->vscratch.env = NULL;
	}
}

char **var_environ(struct shell *sh)
{
	if (!sh->vscratch.env)
		sh->vscratch.env = env_build(sh);
	env_block_of(sh->vscratch.env)->refs++;
	return sh->vscratch.env;
}

void var_environ_warm(struct shell *sh)
{
	if (!sh->vscratch.env)
		sh->vscratch.env = env_build(sh);
}

void var_environ_free(char **env)
{
	if (!env)
		return;
	struct env_block *b = env_block_of(env);
	if (--b->refs == 0)
		free(b);
}

/* --------------------------------------------------- saving and locals */

struct var_save *var_save_create(struct shell *sh, const char *name)
{
	struct var_save *s = xmalloc(sizeof *s);
	struct var *v = hm_get(&sh->vars, name);
	s->name = xstrdup(name);
	s->old = v ? var_copy(v) : NULL;
	return s;
}

/* `local -` (dash) saves the option letters as the value of "-". */
static void restore_options(struct shell *sh, const char *letters)
{
	static const char all[] = "abCefhmnuvx";
	for (const char *c = all; *c; c++)
		shell_set_option_letter(sh, *c, strchr(letters, *c) != NULL);
}

void var_save_restore(struct shell *sh, struct var_save *save)
{
	if (strcmp(save->name, "-") == 0) {
		restore_options(sh, save->old && save->old->value ?
				save->old->value : "");
		var_free(save->old);
	} else {
		struct var *cur = save->old ?
			hm_put(&sh->vars, save->name, save->old) :
			hm_remove(&sh->vars, save->name);
		var_changed(sh, save->name, cur ? cur->flags : 0,
			    save->old ? save->old->flags : 0);
		var_free(cur);
	}
	free(save->name);
	free(save);
}

static struct frame *function_frame(struct shell *sh)
{
	for (struct frame *f = sh->frame; f; f = f->up)
		if (f->is_function)
			return f;
	return NULL;
}

bool shell_in_function(struct shell *sh)
{
	return function_frame(sh) != NULL;
}

static bool already_local(const struct frame *f, const char *name)
{
	for (size_t i = 0; i < f->locals.len; i++) {
		const struct var_save *s = f->locals.items[i];
		if (strcmp(s->name, name) == 0)
			return true;
	}
	return false;
}

int var_make_local(struct shell *sh, const char *name)
{
	struct frame *f = function_frame(sh);
	if (!f) {
		builtin_error(sh, "not in a function");
		return -1;
	}
	if (already_local(f, name))
		return 0;
	struct var_save *s;
	if (strcmp(name, "-") == 0) {
		s = xmalloc(sizeof *s);
		s->name = xstrdup("-");
		s->old = xcalloc(1, sizeof *s->old);
		s->old->value = shell_option_letters(sh);
	} else {
		/* dash semantics: the local starts with the global's value and
		   attributes; only a later assignment changes it. */
		s = var_save_create(sh, name);
	}
	vec_push(&f->locals, s);
	return 0;
}

/* -------------------------------------------------------------- frames */

void frame_push(struct shell *sh, int argc, char *const *argv, bool is_function)
{
	struct frame *f = frame_new(sh->frame, is_function);
	for (int i = 0; i < argc; i++)
		vec_push(&f->params, xstrdup(argv[i]));
	sh->frame = f;
}

void frame_push_take(struct shell *sh, int argc, char **argv)
{
	struct frame *f = frame_new(sh->frame, true);
	params_fill(sh, &f->params, argc, argv);
	sh->frame = f;
}

static void frame_free(struct shell *sh, struct frame *f)
{
	while (f->locals.len > 0)
		var_save_restore(sh, vec_pop(&f->locals));
	vec_free(&f->locals);
	vec_free_all(&f->params, free);
	free(f);
}

void frame_pop(struct shell *sh)
{
	struct frame *f = sh->frame;
	if (!f || !f->up)
		return;
	sh->frame = f->up;
	frame_free(sh, f);
}

/* ------------------------------------------------------------- startup */

/* An environment entry's name length (at its '='), or 0 when it has no
   '=' or the name is not a NAME (such entries are never parsed as code,
   just skipped). */
static size_t env_name_len(const char *e)
{
	const unsigned char *s = (const unsigned char *)e;
	if (!(*s == '_' || (unsigned)((*s | 32) - 'a') < 26u))
		return 0;
	for (size_t i = 1;; i++) {
		unsigned c = s[i];
		if (c == '=')
			return i;
		if (!(c == '_' || (c | 32) - 'a' < 26u || c - '0' < 10u))
			return 0;	/* also the NUL of an entry without '=' */
	}
}

/* One arena record: map entry, variable, value and name, 8-aligned. */
#define ENV_ALIGN(n) (((n) + 7) & ~(size_t)7)
#define ENV_FIXED ENV_ALIGN(sizeof(struct hm_entry) + sizeof(struct var))

/*
 * Every variable of the environment, its value, its name and its map
 * entry go in one block (sh->env_arena): two mallocs per variable were
 * a third of `whelk -c :`.  Such a variable is VAR_ARENA (var_free leaves
 * the struct alone) and its entry is hm_link's (the map leaves it alone);
 * a new value that does not fit goes to the heap as usual.  A name seen
 * twice (env -i A=1 A=2) is assigned again the ordinary way: the last wins.
 */
static void import_environ(struct shell *sh, char **env)
{
	size_t n = 0, size = 0;
	for (char **e = env; e && *e; e++, n++)	/* room for every entry */
		size = xadd(size, xadd(ENV_FIXED, ENV_ALIGN(xadd(strlen(*e), 2))));
	/* Size the table once: growing it step by step while importing a
	   typical environment rehashes it three times (startup cost).  The
	   room covers the shell's own variables too (IFS, PS1, PPID, RANDOM,
	   SHLVL...: about twenty, set right after). */
	hm_reserve(&sh->vars, n + 24);
	char *arena = n ? xmalloc(size) : NULL;
	sh->env_arena = arena;
	/* LANG=C.UTF-8 then LC_ALL=C: load a locale once, not twice. */
	sh->importing_env = true;
	sh->locale_stale = false;
	for (char **e = env; e && *e; e++) {
		size_t len = env_name_len(*e);
		if (!len)
			continue;
		size_t vlen = strlen(*e + len + 1);
		struct hm_entry *he = (struct hm_entry *)arena;
		struct var *v = (struct var *)(he + 1);
		char *value = arena + ENV_FIXED;
		char *name = value + vlen + 1;
		memcpy(value, *e + len + 1, vlen + 1);
		memcpy(name, *e, len);
		name[len] = '\0';
		v->value = value;
		v->arr = NULL;
		v->flags = VAR_VALUE_INLINE | VAR_ARENA | VAR_EXPORT;
		he->key = name;
		he->value = v;
		if (hm_link(&sh->vars, he)) {
			arena += ENV_FIXED + ENV_ALIGN(vlen + len + 2);
			var_changed(sh, name, 0, VAR_EXPORT);
		} else {
			var_set(sh, name, value, VAR_EXPORT);
		}
	}
	sh->importing_env = false;
	if (sh->locale_stale)
		locale_update_deferred(sh);
}

/* Keep an inherited PWD only if it is absolute and names the current
   directory (same device and inode); otherwise ask getcwd. */
static void init_pwd(struct shell *sh)
{
	const char *pwd = var_get(sh, "PWD");
	struct stat a, b;
	if (pwd && pwd[0] == '/' && stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return;
	char *cwd = getcwd(NULL, 0);
	if (cwd) {
		var_set(sh, "PWD", cwd, VAR_EXPORT);
		free(cwd);
	}
}

static void set_default(struct shell *sh, const char *name, const char *value)
{
	if (!var_get(sh, name))
		var_set(sh, name, value, 0);
}

void vars_init(struct shell *sh, char **environ_in)
{
	hm_init(&sh->vars);
	if (!sh->frame)
		sh->frame = frame_new(NULL, false);
	if (!sh->pid)
		sh->pid = getpid();
	if (!sh->ppid)
		sh->ppid = getppid();
	import_environ(sh, environ_in);
	sh->lineno_plain = false;	/* an inherited LINENO is not a reset */
	/* XCU 2.5.3 lets a shell ignore an inherited IFS; trusting it would
	   let the caller re-split every unquoted expansion of a script. */
	var_unset(sh, "IFS");
	var_set(sh, "IFS", " \t\n", 0);
	set_default(sh, "PS1", geteuid() == 0 ? "# " : "$ ");
	set_default(sh, "PS2", "> ");
	set_default(sh, "PS4", "+ ");
	var_set(sh, "OPTIND", "1", 0);
	var_set(sh, "PPID", scratch_num(sh, sh->ppid), 0);
	init_pwd(sh);
	dynvars_init(sh);
}

void vars_finish(struct shell *sh)
{
	locale_forget(sh);
	vec_free(&sh->pipestatus);
	while (sh->frame && sh->frame->up)
		frame_pop(sh);
	if (sh->frame) {
		frame_free(sh, sh->frame);
		sh->frame = NULL;
	}
	env_invalidate(sh);
	hm_free(&sh->vars, var_free_void);
	free(sh->env_arena);
	sh->env_arena = NULL;
	free(sh->vscratch.text);
	sh->vscratch.text = NULL;
	sb_free(&sh->vscratch.last_arg);
}

/* ------------------------------------------------------------- quoting */

char *var_quote(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	shq_quote(&sb, s);
	return sb_finish(&sb);
}
