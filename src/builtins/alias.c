/* alias.c: the alias and unalias builtins (XCU alias, unalias; XCU 2.3.1). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"

/*
 * Aliases live in sh->aliases (name -> owned value); the parser asks for
 * them through its alias hook when it reads a command word.  Listing uses
 * the XCU format "%s=%s\n" with the value quoted for reinput, sorted.
 */

static void print_alias(const char *name, const char *value)
{
	char *q = var_quote(value);
	printf("%s=%s\n", name, q);
	free(q);
}

static void list_aliases(struct shell *sh)
{
	const char **names = hm_sorted_keys(&sh->aliases);
	for (size_t i = 0; names[i]; i++)
		print_alias(names[i], hm_get(&sh->aliases, names[i]));
	free(names);
}

/* An alias name may not contain = (that would be a definition), nor the
   characters that end a word or begin an expansion or quote. */
static bool valid_alias_name(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strchr(" \t\n|&;<>()$`\\\"'", s[i]))
			return false;
	return true;
}

static int define(struct shell *sh, const char *arg, const char *eq)
{
	size_t n = (size_t)(eq - arg);
	if (!valid_alias_name(arg, n)) {
		builtin_error(sh, "%.*s: invalid alias name", (int)n, arg);
		return 1;
	}
	char *name = xstrndup(arg, n);
	free(hm_put(&sh->aliases, name, xstrdup(eq + 1)));
	free(name);
	return 0;
}

int builtin_alias(struct shell *sh, int argc, char **argv)
{
	int i = bopt_none(sh, argc, argv);
	if (i < 0)
		return 2;
	if (i == argc) {
		list_aliases(sh);
		return 0;
	}
	int status = 0;
	for (; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		if (eq) {
			status |= define(sh, argv[i], eq);
			continue;
		}
		const char *value = hm_get(&sh->aliases, argv[i]);
		if (value) {
			print_alias(argv[i], value);
		} else {
			builtin_error(sh, "%s: not found", argv[i]);
			status = 1;
		}
	}
	return status;
}

int builtin_unalias(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "a", seen);
	if (i < 0)
		return 2;
	if (seen['a']) {
		hm_free(&sh->aliases, free);
		hm_init(&sh->aliases);
		return 0;
	}
	if (i == argc)
		return bopt_usage(sh);
	int status = 0;
	for (; i < argc; i++) {
		char *value = hm_remove(&sh->aliases, argv[i]);
		if (!value) {
			builtin_error(sh, "%s: not found", argv[i]);
			status = 1;
		}
		free(value);
	}
	return status;
}
