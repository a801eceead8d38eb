/* cmdsearch.c: builtins about command search — command, type and hash (XCU 2.9.1.1). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
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

/* builtin name [arg...]: run the builtin name, even when a function of
   that name exists (bash, zsh; a function wrapping cd calls builtin cd). */
int builtin_builtin(struct shell *sh, int argc, char **argv)
{
	int i = bopt_none(sh, argc, argv);
	if (i < 0)
		return 2;
	if (i == argc)
		return 0;
	const struct builtin *b = builtin_find(argv[i]);
	if (!b) {
		builtin_error(sh, "%s: not a shell builtin", argv[i]);
		return 1;
	}
	const char *saved = sh->current_builtin;
	sh->current_builtin = b->name;
	int status = b->fn(sh, argc - i, argv + i);
	sh->current_builtin = saved;
	return status;
}

/* type's options (bash, ksh93, zsh). */
struct type_opts {
	bool all;		/* -a: every way the name could be found */
	bool no_func;		/* -f: skip functions */
	bool paths;		/* -p: only a file's path */
	bool force_path;	/* -P: search PATH whatever else the name is */
	bool kind;		/* -t: one word: alias, keyword, function,
				   builtin or file */
};

/* One way name is found: a -t word, and type's sentence. */
static void type_print(const struct type_opts *o, const char *name,
		       const char *kind, const char *sentence)
{
	if (o->kind)
		printf("%s\n", kind);
	else if (!o->paths && !o->force_path)
		printf("%s %s\n", name, sentence);
}

struct type_walk {
	const struct type_opts *o;
	const char *name;
	int found;
};

/* type's PATH walk: print each executable; stop at the first without -a. */
static bool type_file(const char *cand, void *ctx)
{
	struct type_walk *w = ctx;
	if (!path_is_executable(cand))
		return false;
	w->found++;
	if (w->o->kind)
		printf("file\n");
	else if (w->o->paths || w->o->force_path)
		printf("%s\n", cand);
	else
		printf("%s is %s\n", w->name, cand);
	return !w->o->all;
}

/* The shell's own meanings of name (alias, keyword, function, builtin),
   in command-search order; how many were printed. */
static int type_shell(struct shell *sh, const struct type_opts *o,
		      const char *name)
{
	const char *alias = hm_get(&sh->aliases, name);
	const struct builtin *b = builtin_find(name);
	int found = 0;
	if (alias && (o->all || !found)) {
		char *text = xmalloc(strlen(alias) + 32);
		sprintf(text, "is an alias for %s", alias);
		type_print(o, name, "alias", text);
		free(text);
		found++;
	}
	if (parse_reserved_word(name) && (o->all || !found)) {
		type_print(o, name, "keyword", "is a shell keyword");
		found++;
	}
	if (b && (b->flags & BUILTIN_SPECIAL) && (o->all || !found)) {
		type_print(o, name, "builtin", "is a special shell builtin");
		found++;
	}
	if (!o->no_func && hm_get(&sh->functions, name) && (o->all || !found)) {
		type_print(o, name, "function", "is a shell function");
		found++;
	}
	if (b && !(b->flags & BUILTIN_SPECIAL) && (o->all || !found)) {
		type_print(o, name, "builtin", "is a shell builtin");
		found++;
	}
	return found;
}

/* type for one name; 0 when it was found. */
static int type_one(struct shell *sh, const struct type_opts *o,
		    const char *name)
{
	int found = o->force_path ? 0 : type_shell(sh, o, name);
	if (found && !o->all)
		return 0;
	struct type_walk w = { o, name, 0 };
	if (strchr(name, '/')) {
		if (path_is_executable(name))
			type_file(name, &w);
	} else {
		free(path_walk(name, path_value(sh), type_file, &w));
	}
	if (found + w.found)
		return 0;
	if (!o->kind && !o->paths && !o->force_path)
		builtin_error(sh, "%s: not found", name);
	return 127;
}

/* type [-afptP] name...: describe each name; 127 if any is not found
   (dash; bash returns 1). */
int builtin_type(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "afptP", seen);
	if (i < 0)
		return 2;
	struct type_opts o = { .all = seen['a'], .no_func = seen['f'],
			       .paths = seen['p'], .force_path = seen['P'],
			       .kind = seen['t'] };
	int status = 0;
	for (; i < argc; i++)
		if (type_one(sh, &o, argv[i]) != 0)
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
