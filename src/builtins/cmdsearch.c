/* cmdsearch.c: builtins about command search — command, type and hash (XCU 2.9.1.1). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/shquote.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "builtins/registry.h"
#include "exec/shell.h"
#include "parser/parser.h"

/* The executable file name is found as in PATH, or NULL. */
static char *find_file(struct shell *sh, const char *name, bool default_path)
{
	char *path = path_search(sh, name, default_path);
	if (path && access(path, X_OK) != 0) {
		free(path);
		path = NULL;
	}
	return path;
}

/*
 * How name would be run, in command-search order.  verbose: `type` /
 * `command -V` sentences; otherwise `command -v` (the name, or the path,
 * or an alias definition).  Returns 0, or 127 when not found.
 */
static int describe(struct shell *sh, const char *name, bool verbose,
		    bool default_path)
{
	const char *alias = hm_get(&sh->aliases, name);
	const struct builtin *b = builtin_find(name);
	if (alias) {
		if (verbose) {
			printf("%s is an alias for %s\n", name, alias);
		} else {
			printf("alias %s=", name);
			shq_fputs(alias, stdout);
			putchar('\n');
		}
		return 0;
	}
	if (parse_reserved_word(name)) {
		printf(verbose ? "%s is a shell keyword\n" : "%s\n", name);
		return 0;
	}
	if (b && (b->flags & BUILTIN_SPECIAL)) {
		printf(verbose ? "%s is a special shell builtin\n" : "%s\n",
		       name);
		return 0;
	}
	if (hm_get(&sh->functions, name)) {
		printf(verbose ? "%s is a shell function\n" : "%s\n", name);
		return 0;
	}
	char *path = b && (verbose || !(b->flags & BUILTIN_PATH_UTILITY)) ? NULL
		     : find_file(sh, name, default_path);
	if (b && !path) {
		printf(verbose ? "%s is a shell builtin\n" : "%s\n", name);
		return 0;
	}
	if (!path) {
		if (verbose)
			builtin_error(sh, "%s: not found", name);
		return 127;
	}
	if (verbose)
		printf("%s is %s\n", name, path);
	else
		printf("%s\n", path);
	free(path);
	return 0;
}

/* command [-p] [-v|-V] name [arg...] */
int builtin_command(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "pvV", seen);
	if (i < 0)
		return 2;
	bool p = seen['p'], V = seen['V'];
	if (i >= argc)
		return 0;
	if (seen['v'] || V) {
		int status = 0;
		for (; i < argc; i++)
			if (describe(sh, argv[i], V, p) != 0)
				status = V ? 127 : 1;
		return status;
	}
	int flags = SHELL_CMD_NO_FUNCTIONS | (p ? SHELL_CMD_DEFAULT_PATH : 0);
	return shell_run_argv(sh, argc - i, argv + i, flags);
}

/* type name...: describe each name; 127 if any is not found (dash). */
int builtin_type(struct shell *sh, int argc, char **argv)
{
	int status = 0;
	int i = bopt_none(sh, argc, argv);
	if (i < 0)
		return 2;
	for (; i < argc; i++)
		if (describe(sh, argv[i], true, false) != 0)
			status = 127;
	return status;
}

static void print_hashed(struct shell *sh)
{
	const char **keys = hm_sorted_keys(&sh->cmd_hash);
	for (const char **k = keys; *k; k++)
		printf("%s\n", (const char *)hm_get(&sh->cmd_hash, *k));
	free(keys);
}

/* hash [-r] [name...]: list, forget, or look up and remember. */
int builtin_hash(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "r", seen);
	if (i < 0)
		return 2;
	if (seen['r'])
		path_hash_clear(sh);
	if (argc == 1) {
		print_hashed(sh);
		return 0;
	}
	int status = 0;
	for (; i < argc; i++) {
		const char *name = argv[i];
		if (strchr(name, '/') || builtin_find(name) ||
		    hm_get(&sh->functions, name))
			continue;
		/* Re-search: hashing an already hashed name refreshes it. */
		free(hm_remove(&sh->cmd_hash, name));
		char *path = path_search(sh, name, false);
		if (!path || !hm_get(&sh->cmd_hash, name)) {
			builtin_error(sh, "%s: not found", name);
			status = 1;
		}
		free(path);
	}
	return status;
}
