/* dirstack.c: the directory stack of bash and zsh — pushd, popd and dirs. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"

/*
 * The stack as the user sees it (`dirs`): entry 0 is always the current
 * directory ($PWD), entries 1..n are the directories pushd left behind,
 * nearest first.  Only entries 1..n are stored, in sh->dirstack
 * (items[0] is entry 1), so the stack can never disagree with $PWD after a
 * plain `cd`: cd changes entry 0, as in bash.
 *
 * +N counts entries from the left of the `dirs` listing (0 is the current
 * directory), -N from the right (-0 is the last).
 */

/* Entry i of the whole stack (borrowed): $PWD for 0. */
static const char *entry(struct shell *sh, size_t i)
{
	if (i > 0)
		return sh->dirstack.items[i - 1];
	const char *pwd = var_get(sh, "PWD");
	return pwd ? pwd : ".";
}

static size_t depth(const struct shell *sh)
{
	return sh->dirstack.len + 1;
}

/* Insert dir (owned) as entry i >= 1. */
static void insert_entry(struct shell *sh, size_t i, char *dir)
{
	struct vec *v = &sh->dirstack;
	vec_push(v, NULL);
	memmove(v->items + i, v->items + i - 1,
		(v->len - i) * sizeof v->items[0]);
	v->items[i - 1] = dir;
}

/* Remove entry i >= 1 and return it (owned). */
static char *remove_entry(struct shell *sh, size_t i)
{
	struct vec *v = &sh->dirstack;
	char *dir = v->items[i - 1];
	memmove(v->items + i - 1, v->items + i,
		(v->len - i) * sizeof v->items[0]);
	v->len--;
	return dir;
}

/*
 * "+N" or "-N": the index it names in a stack of n entries, or -1 when
 * word is not of that form; -2 (after a message) when it is out of range.
 */
static long stack_index(struct shell *sh, const char *word, size_t n)
{
	if ((word[0] != '+' && word[0] != '-') || word[1] < '0' ||
	    word[1] > '9' || strspn(word + 1, "0123456789") != strlen(word + 1))
		return -1;
	long k = strtol(word + 1, NULL, 10);
	if (k < 0 || (size_t)k >= n || strlen(word + 1) > 9) {
		builtin_error(sh, "%s: directory stack index out of range", word);
		return -2;
	}
	return word[0] == '+' ? k : (long)n - 1 - k;
}

/* dir with $HOME at its start written ~ (unless long_form). */
static void print_dir(struct shell *sh, const char *dir, bool long_form)
{
	const char *home = var_get(sh, "HOME");
	size_t hl = home ? strlen(home) : 0;
	if (!long_form && hl > 1 && strncmp(dir, home, hl) == 0 &&
	    (dir[hl] == '/' || dir[hl] == '\0'))
		printf("~%s", dir + hl);
	else
		fputs(dir, stdout);
}

/* The listing of dirs (and what pushd and popd print). */
static void print_stack(struct shell *sh, bool long_form, bool per_line,
			bool numbered)
{
	for (size_t i = 0; i < depth(sh); i++) {
		if (numbered)
			printf("%2zu  ", i);
		print_dir(sh, entry(sh, i), long_form);
		putchar(per_line || i + 1 == depth(sh) ? '\n' : ' ');
	}
}

/* Make entry 0 the current directory: cd there without CDPATH output. */
static int go(struct shell *sh, const char *dir)
{
	char *newpwd;
	bool print;
	int r = cd_change(sh, dir, false, &newpwd, &print);
	free(newpwd);
	return r;
}

/* Rotate the stack so that entry k becomes entry 0, and cd there. */
static int rotate(struct shell *sh, size_t k)
{
	if (k == 0)
		return 0;
	size_t n = depth(sh);
	char **all = xreallocarray(NULL, n, sizeof *all);
	for (size_t i = 0; i < n; i++)
		all[i] = xstrdup(entry(sh, i));
	int r = go(sh, all[k]);
	if (r == 0)
		for (size_t i = 1; i < n; i++) {
			free(sh->dirstack.items[i - 1]);
			sh->dirstack.items[i - 1] = all[(k + i) % n];
			all[(k + i) % n] = NULL;
		}
	for (size_t i = 0; i < n; i++)
		free(all[i]);
	free(all);
	return r;
}

/*
 * The options of pushd, popd (spec "n") and dirs ("clpv"): seen[c] for
 * each given; -N is an operand.  The first operand's index (at most one
 * may follow), or -1 after a usage message.
 */
static int scan(struct shell *sh, int argc, char **argv, const char *spec,
		bool *seen)
{
	struct bopt b;
	int c;
	bopt_init(&b, argc, argv, spec, BOPT_NUMBERS);
	while ((c = bopt_next(sh, &b)) != 0) {
		if (c == '?')
			return -1;
		seen[c] = true;
	}
	if (argc - b.ind > 1)
		return bopt_too_many(sh), -1;
	return b.ind;
}

/* pushd [-n] [dir | +N | -N] */
int builtin_pushd(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = scan(sh, argc, argv, "n", seen);
	if (i < 0)
		return 2;
	bool no_cd = seen['n'];
	int r = 0;
	if (i == argc) {	/* swap the top two */
		if (depth(sh) < 2) {
			builtin_error(sh, "no other directory");
			return 1;
		}
		if (no_cd)
			return 0;
		char *old = xstrdup(entry(sh, 0));
		r = go(sh, entry(sh, 1));
		if (r == 0) {
			free(sh->dirstack.items[0]);
			sh->dirstack.items[0] = old;
		} else {
			free(old);
		}
	} else {
		long k = stack_index(sh, argv[i], depth(sh));
		if (k == -2)
			return 1;
		if (k >= 0) {
			r = no_cd ? 0 : rotate(sh, (size_t)k);
		} else if (no_cd) {
			insert_entry(sh, 1, xstrdup(argv[i]));
		} else {
			char *old = xstrdup(entry(sh, 0));
			r = go(sh, argv[i]);
			if (r == 0)
				insert_entry(sh, 1, old);
			else
				free(old);
		}
	}
	if (r == 0)
		print_stack(sh, false, false, false);
	return r;
}

/* popd [-n] [+N | -N] */
int builtin_popd(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = scan(sh, argc, argv, "n", seen);
	if (i < 0)
		return 2;
	bool no_cd = seen['n'];
	if (depth(sh) < 2) {
		builtin_error(sh, "directory stack empty");
		return 1;
	}
	long k = 0;
	if (i < argc) {
		k = stack_index(sh, argv[i], depth(sh));
		if (k == -2)
			return 1;
		if (k == -1) {
			builtin_error(sh, "%s: invalid argument", argv[i]);
			return bopt_usage(sh);
		}
	}
	if (k == 0 && no_cd)
		k = 1;	/* -n: the current directory stays */
	if (k == 0) {
		int r = go(sh, entry(sh, 1));
		if (r != 0)
			return r;
		k = 1;	/* entry 1 is now the current directory */
	}
	free(remove_entry(sh, (size_t)k));
	print_stack(sh, false, false, false);
	return 0;
}

/* dirs [-clpv] [+N | -N] */
int builtin_dirs(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = scan(sh, argc, argv, "clpv", seen);
	if (i < 0)
		return 2;
	if (seen['c']) {
		vec_free_all(&sh->dirstack, free);
		vec_init(&sh->dirstack);
		return 0;
	}
	if (i < argc) {
		long k = stack_index(sh, argv[i], depth(sh));
		if (k == -1) {
			builtin_error(sh, "%s: invalid argument", argv[i]);
			return bopt_usage(sh);
		}
		if (k < 0)
			return 1;
		if (seen['v'])
			printf("%2ld  ", k);
		print_dir(sh, entry(sh, (size_t)k), seen['l']);
		putchar('\n');
		return 0;
	}
	print_stack(sh, seen['l'], seen['p'] || seen['v'], seen['v']);
	return 0;
}
