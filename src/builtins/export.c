/* export.c: the variable attribute builtins — export, readonly (XCU 2.14 special builtins), unset and local. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "parser/ast.h"
#include "parser/parser.h"

/* One line of `export -p` / `readonly -p`: fit to be read back. */
static void print_var(const char *cmd, const char *name, const struct var *v)
{
	if (v->flags & VAR_UNSET_VALUE) {
		printf("%s %s\n", cmd, name);
		return;
	}
	char *q = var_quote(v->value ? v->value : "");
	printf("%s %s=%s\n", cmd, name, q);
	free(q);
}

static void list_vars(struct shell *sh, const char *cmd, int flag)
{
	const char **names = var_names(sh);
	for (size_t i = 0; names[i]; i++) {
		const struct var *v = var_lookup(sh, names[i]);
		if (v && (v->flags & flag))
			print_var(cmd, names[i], v);
	}
	free(names);
}

/*
 * export / readonly NAME[=value]... (XCU 2.14): give each name the
 * attribute, assigning the value when there is one.  A bad name or a
 * readonly target is an error (the caller makes a special builtin's error
 * exit a non-interactive shell, XCU 2.8.1).
 */
static int set_attr(struct shell *sh, int argc, char **argv, int flag)
{
	int i = bopt_scan(sh, argc, argv, "p", (bool[128]){ false });
	if (i < 0)
		return 2;
	if (i == argc) {
		list_vars(sh, argv[0], flag);
		return 0;
	}
	int status = 0;
	for (; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i]))
				: xstrdup(argv[i]);
		if (!parse_is_name(name)) {
			builtin_error(sh, "%s: bad variable name", name);
			status = 2;
		} else if (var_set(sh, name, eq ? eq + 1 : NULL, flag) < 0) {
			status = 1;
		}
		free(name);
	}
	return status;
}

int builtin_export(struct shell *sh, int argc, char **argv)
{
	return set_attr(sh, argc, argv, VAR_EXPORT);
}

int builtin_readonly(struct shell *sh, int argc, char **argv)
{
	return set_attr(sh, argc, argv, VAR_READONLY);
}

static void unset_function(struct shell *sh, const char *name)
{
	struct ast_node *fn = hm_remove(&sh->functions, name);
	if (fn)
		ast_node_destroy(fn);
}

/*
 * unset [-v|-f] name... (XCU 2.14): unsetting what is not set is fine.
 * With both -f and -v (XCU leaves it unspecified) the last one given
 * wins, as in dash and yash.
 */
int builtin_unset(struct shell *sh, int argc, char **argv)
{
	struct bopt o;
	bool fn = false;
	int c;
	bopt_init(&o, argc, argv, "fv", 0);
	while ((c = bopt_next(sh, &o)) != 0) {
		if (c == '?')
			return 2;
		fn = c == 'f';
	}
	int i = o.ind;
	int status = 0;
	for (; i < argc; i++) {
		char *name, *sub;
		if (fn) {
			unset_function(sh, argv[i]);
		} else if (var_split_element(argv[i], &name, &sub)) {
			/* unset 'a[i]' (ksh, bash); a[@] and a[*]: all of a */
			int r = strcmp(sub, "@") == 0 || strcmp(sub, "*") == 0 ?
				var_unset(sh, name) : var_elem_unset(sh, name, sub);
			if (r < 0)
				status = 1;
			free(name);
			free(sub);
		} else if (!parse_is_name(argv[i])) {
			builtin_error(sh, "%s: bad variable name", argv[i]);
			status = 2;
		} else if (var_unset(sh, argv[i]) < 0) {
			status = 1;
		}
	}
	return status;
}

