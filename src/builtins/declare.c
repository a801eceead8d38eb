/* declare.c: declare and typeset (ksh, bash) — attributes, arrays, integer, case, -p output that re-inputs; local shares the options (issue 10 items 2 and 8). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "exec/expand.h"
#include "exec/shell.h"
#include "parser/ast.h"
#include "parser/parser.h"

/*
 * declare [-aAilurxgpfF] [+ilurx] [name[=value]...]
 *	-a indexed array, -A associative array, -i integer (assignments are
 *	evaluated as arithmetic), -l / -u lower / upper case on assignment,
 *	-r read-only, -x exported; +letter removes it.  -p prints each name
 *	(or every variable) as a declare command that recreates it; -f / -F
 *	print functions (bodies / names).  Inside a function the names are
 *	local to it unless -g is given (bash).  name=(...) assigns an array.
 * local takes the same options and always makes locals.
 */

/* The attribute of an option letter (0: none). */
static int attr_of(char c)
{
	switch (c) {
	case 'a': return VAR_ARRAY;
	case 'A': return VAR_ASSOC;
	case 'i': return VAR_INTEGER;
	case 'l': return VAR_LOWER;
	case 'r': return VAR_READONLY;
	case 'u': return VAR_UPPER;
	case 'x': return VAR_EXPORT;
	case 'n': return VAR_NAMEREF;
	default: return 0;
	}
}

struct decl {
	int set;	/* attributes to give */
	int clear;	/* attributes to take (+x) */
	bool print;	/* -p */
	bool global;	/* -g */
	bool funcs;	/* -f */
	bool fnames;	/* -F */
	bool local;	/* the local builtin, or declare in a function */
};

/* One "declare -flags name=value" line. */
static void print_decl(struct shell *sh, const char *name, const struct var *v)
{
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, "declare -");
	size_t before = sb.len;
	var_attr_letters(&sb, v->flags);
	if (sb.len == before)
		sb_putc(&sb, '-');
	sb_printf(&sb, " %s", name);
	if (v->arr) {
		sb_putc(&sb, '=');
		var_array_print(sh, v, &sb);
	} else if (v->value) {
		sb_putc(&sb, '=');
		var_dquote(&sb, v->value);
	}
	puts(sb_str(&sb));
	sb_free(&sb);
}

static void print_function(struct shell *sh, const char *name, bool body)
{
	struct ast_node *fn = hm_get(&sh->functions, name);
	if (!body) {
		printf("declare -f %s\n", name);
		return;
	}
	char *text = ast_to_text(fn);
	puts(text);
	free(text);
}

/* declare -p / -f / -F without names: everything (with the attributes
   asked for, if any). */
static int print_all(struct shell *sh, const struct decl *d)
{
	if (d->funcs || d->fnames) {
		const char **names = hm_sorted_keys(&sh->functions);
		for (size_t i = 0; names[i]; i++)
			print_function(sh, names[i], d->funcs);
		free(names);
		return 0;
	}
	const char **names = var_names(sh);
	for (size_t i = 0; names[i]; i++) {
		const struct var *v = var_lookup_raw(sh, names[i]);
		if (v && (!d->set || (v->flags & d->set)))
			print_decl(sh, names[i], v);
	}
	free(names);
	return 0;
}

static int print_one(struct shell *sh, const struct decl *d, const char *name)
{
	if (d->funcs || d->fnames) {
		if (!hm_get(&sh->functions, name))
			return 1;
		if (d->fnames)
			puts(name);
		else
			print_function(sh, name, true);
		return 0;
	}
	const struct var *v = var_lookup_raw(sh, name);
	if (!v) {
		builtin_error(sh, "%s: not found", name);
		return 1;
	}
	print_decl(sh, name, v);
	return 0;
}

/* Give name its attributes and value (value may be NULL). */
static int declare_one(struct shell *sh, const struct decl *d, const char *name,
		       const char *sub, const char *value)
{
	if (d->local && var_make_local(sh, name) < 0)
		return 2;
	if (d->set & VAR_NAMEREF) {	/* declare -n ref=target */
		const char *t = value ? value : "";
		if (strcmp(t, name) == 0) {
			builtin_error(sh, "%s: a name reference to itself", name);
			return 1;
		}
		if (*t && !parse_is_name(t)) {
			builtin_error(sh, "%s: invalid variable name for name reference", t);
			return 1;
		}
		return var_set_nameref(sh, name, t) < 0 ? 1 : 0;
	}
	if ((d->clear & VAR_NAMEREF) && var_lookup_raw(sh, name)) {
		var_lookup_raw(sh, name)->flags &= ~VAR_NAMEREF;
		return 0;
	}
	struct var *v = var_lookup(sh, name);
	int shape = d->set & (VAR_ARRAY | VAR_ASSOC);
	if (shape && !(v && v->arr) && var_make_array(sh, name, shape) < 0)
		return 1;
	if (!v || !(v = var_lookup(sh, name))) {
		if (var_set(sh, name, NULL, 0) < 0)
			return 1;
		v = var_lookup(sh, name);
	}
	int keep = VAR_READONLY | VAR_EXPORT;
	v->flags = (v->flags & ~(d->clear & ~keep)) |
		   (d->set & ~keep & ~(VAR_ARRAY | VAR_ASSOC));
	if ((d->set & VAR_LOWER) && !(d->set & VAR_UPPER))
		v->flags &= ~VAR_UPPER;
	if (d->set & VAR_UPPER)
		v->flags &= ~VAR_LOWER;
	int r = 0;
	size_t n = value ? strlen(value) : 0;
	if (sub && value)
		r = var_elem_set(sh, name, sub, value, false);
	else if (value && n >= 2 && value[0] == '(' && value[n - 1] == ')')
		r = var_assign_compound(sh, name, value, false);
	else if (value)
		r = var_set(sh, name, value, 0);
	if (r == 0 && (d->set & keep))
		r = var_set(sh, name, NULL, d->set & keep);
	if (r == 0 && (d->clear & VAR_EXPORT))
		r = var_clear_attrs(sh, name, VAR_EXPORT);
	return r < 0 ? 1 : 0;
}

/* The options; the index of the first operand, or -1 after a message. */
static int parse_options(struct shell *sh, int argc, char **argv,
			 struct decl *d)
{
	int i = 1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			return i + 1;
		if ((a[0] != '-' && a[0] != '+') || !a[1])
			break;
		for (const char *c = a + 1; *c; c++) {
			int f = attr_of(*c);
			if (f && a[0] == '-')
				d->set |= f;
			else if (f)
				d->clear |= f;
			else if (*c == 'p')
				d->print = true;
			else if (*c == 'g')
				d->global = true;
			else if (*c == 'f')
				d->funcs = true;
			else if (*c == 'F')
				d->fnames = true;
			else {
				builtin_error(sh, "%c%c: invalid option", a[0], *c);
				return -1;
			}
		}
	}
	return i;
}

static int declare_run(struct shell *sh, int argc, char **argv, struct decl *d)
{
	int i = parse_options(sh, argc, argv, d);
	if (i < 0)
		return 2;
	if (i == argc && (d->print || d->funcs || d->fnames || !d->set))
		return print_all(sh, d);
	int status = 0;
	for (; i < argc; i++) {
		if (d->print || d->funcs || d->fnames) {
			status |= print_one(sh, d, argv[i]);
			continue;
		}
		char *eq = strchr(argv[i], '=');
		char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i]))
				: xstrdup(argv[i]);
		char *base = NULL, *sub = NULL;
		if (var_split_element(name, &base, &sub)) {
			free(name);
			name = base;
		}
		if (!parse_is_name(name) && !(d->local && strcmp(name, "-") == 0)) {
			builtin_error(sh, "%s: bad variable name", argv[i]);
			status = 1;
		} else if (strcmp(name, "-") == 0) {
			status |= var_make_local(sh, "-") < 0 ? 2 : 0;
		} else {
			status |= declare_one(sh, d, name, sub, eq ? eq + 1 : NULL);
		}
		free(name);
		free(sub);
	}
	return status;
}

int builtin_declare(struct shell *sh, int argc, char **argv)
{
	struct decl d = { 0 };
	d.local = shell_in_function(sh);
	int r = parse_options(sh, argc, argv, &d);
	if (r < 0)
		return 2;
	if (d.global)
		d.local = false;
	struct decl fresh = { 0 };
	fresh.local = d.local;
	return declare_run(sh, argc, argv, &fresh);
}

/*
 * local [-aAilurx] [-] [name[=value]]... (dash semantics, bash options):
 * the variable is saved and restored when the function returns.  `local
 * x` keeps x's current value; `local -` saves the shell options (set -e,
 * -x...) the same way.
 */
int builtin_local(struct shell *sh, int argc, char **argv)
{
	struct decl d = { 0 };
	d.local = true;
	if (!shell_in_function(sh)) {
		builtin_error(sh, "not in a function");
		return 2;
	}
	return declare_run(sh, argc, argv, &d);
}
