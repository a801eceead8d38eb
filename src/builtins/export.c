/* export.c: the variable attribute builtins — export, readonly (XCU 2.14 special builtins), unset and local. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "builtins/builtins.h"
#include "exec/shell.h"
#include "parser/ast.h"
#include "parser/parser.h"

/*
 * Option scanning shared by the four: the letters in `allowed` set bits in
 * *opts ('p' -> 1 << ('p' - 'a')).  "--" ends the options, so does the
 * first operand.  Returns the index of the first operand, or -1 after a
 * usage message.
 */
static int scan_opts(struct shell *sh, int argc, char **argv,
		     const char *allowed, unsigned *opts)
{
	int i = 1;
	*opts = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		for (const char *c = argv[i] + 1; *c; c++) {
			if (*c < 'a' || *c > 'z' || !strchr(allowed, *c)) {
				builtin_error(sh, "illegal option -%c", *c);
				return -1;
			}
			*opts |= 1u << (*c - 'a');
		}
	}
	return i;
}

#define OPT(c) (1u << ((c) - 'a'))

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
	unsigned opts;
	int i = scan_opts(sh, argc, argv, "p", &opts);
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
 * With both -f and -v (XCU leaves it unspecified) the last one given
 * wins, as in dash and yash.  The option words are argv[1..end-1].
 */
static bool unset_functions(char **argv, int end)
{
	bool fn = false;
	for (int k = 1; k < end; k++)
		for (const char *c = argv[k] + 1; argv[k][0] == '-' && *c; c++)
			if (*c == 'f' || *c == 'v')
				fn = *c == 'f';
	return fn;
}

/* unset [-v|-f] name... (XCU 2.14): unsetting what is not set is fine. */
int builtin_unset(struct shell *sh, int argc, char **argv)
{
	unsigned opts;
	int i = scan_opts(sh, argc, argv, "fv", &opts);
	if (i < 0)
		return 2;
	bool fn = unset_functions(argv, i);
	int status = 0;
	for (; i < argc; i++) {
		if (fn) {
			unset_function(sh, argv[i]);
		} else if (!parse_is_name(argv[i])) {
			builtin_error(sh, "%s: bad variable name", argv[i]);
			status = 2;
		} else if (var_unset(sh, argv[i]) < 0) {
			status = 1;
		}
	}
	return status;
}

/*
 * local [-] [name[=value]]... (dash semantics): the variable is saved and
 * restored when the function returns.  `local x` keeps x's current value;
 * `local -` saves the shell options (set -e, -x...) the same way.
 */
int builtin_local(struct shell *sh, int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	int status = 0;
	for (; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i]))
				: xstrdup(argv[i]);
		if (strcmp(name, "-") != 0 && !parse_is_name(name)) {
			builtin_error(sh, "%s: bad variable name", name);
			status = 2;
		} else if (var_make_local(sh, name) < 0) {
			free(name);
			return 2;
		} else if (eq && var_set(sh, name, eq + 1, 0) < 0) {
			status = 1;
		}
		free(name);
	}
	return status;
}
