/* path.c: command search in PATH (XCU 2.9.1.1) with a hash table of found commands, and exec failure messages. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "builtins/registry.h"
#include "exec/exec_int.h"
#include "exec/shell.h"

/* The value `command -p` searches (confstr(_CS_PATH) on most systems). */
#define DEFAULT_PATH "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin"

enum candidate {
	CAND_NONE,
	CAND_EXEC,		/* a regular file we may execute */
	CAND_OTHER,		/* exists but not executable (or not regular) */
};

static enum candidate check(const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return CAND_NONE;
	if (S_ISREG(st.st_mode) && access(path, X_OK) == 0)
		return CAND_EXEC;
	return S_ISDIR(st.st_mode) ? CAND_NONE : CAND_OTHER;
}

char *path_walk(const char *name, const char *pathlist,
		bool (*accept)(const char *cand, void *ctx), void *ctx)
{
	size_t nlen = strlen(name);
	const char *p = pathlist;
	for (;;) {
		const char *end = strchr(p, ':');
		size_t dlen = end ? (size_t)(end - p) : strlen(p);
		char *cand = xmalloc(dlen + nlen + 2);
		if (dlen == 0) {
			memcpy(cand, name, nlen + 1);
		} else {
			memcpy(cand, p, dlen);
			cand[dlen] = '/';
			memcpy(cand + dlen + 1, name, nlen + 1);
		}
		if (accept(cand, ctx))
			return cand;
		free(cand);
		if (!end)
			return NULL;
		p = end + 1;
	}
}

/* path_find's walk: stop at an executable, remember the first other file. */
static bool accept_exec(const char *cand, void *ctx)
{
	char **fallback = ctx;
	enum candidate c = check(cand);
	if (c == CAND_OTHER && !*fallback)
		*fallback = xstrdup(cand);
	return c == CAND_EXEC;
}

/*
 * Each PATH entry in turn; an empty entry means the current directory.
 * The first executable regular file wins.  If there is none but a
 * non-executable file exists, that is returned so execve reports
 * "Permission denied" (126) rather than "not found" (127), as dash does.
 */
char *path_find(const char *name, const char *pathlist)
{
	char *fallback = NULL;
	char *found = path_walk(name, pathlist, accept_exec, &fallback);
	if (found) {
		free(fallback);
		return found;
	}
	return fallback;
}

const char *path_value(struct shell *sh)
{
	const char *pathval = var_get(sh, "PATH");
	return pathval ? pathval : DEFAULT_PATH;
}

bool path_is_executable(const char *path)
{
	return check(path) == CAND_EXEC;
}

char *path_search(struct shell *sh, const char *name, bool use_default_path)
{
	if (strchr(name, '/'))
		return xstrdup(name);
	if (use_default_path)
		return path_find(name, DEFAULT_PATH);
	/* XCU 2.9.1.1: "If the remembered location fails for a subsequent
	   invocation, the shell shall repeat the search" -- one access()
	   beside the fork and execve, instead of a failed exec to undo. */
	const char *hit = hm_get(&sh->cmd_hash, name);
	if (hit && access(hit, X_OK) == 0)
		return xstrdup(hit);
	if (hit)
		free(hm_remove(&sh->cmd_hash, name));
	char *found = path_find(name, path_value(sh));
	/* Remember only real hits; a relative PATH entry ("." or "") depends
	   on the current directory, so such answers are not remembered. */
	if (found && found[0] == '/' && check(found) == CAND_EXEC)
		free(hm_put(&sh->cmd_hash, name, xstrdup(found)));
	return found;
}

/*
 * path_search as seen from a subshell: the answer is the same, but nothing
 * is remembered or forgotten in the shell's table (a pipeline stage the
 * shell starts itself would have remembered it only in the child).
 */
char *path_search_quiet(struct shell *sh, const char *name)
{
	if (strchr(name, '/'))
		return xstrdup(name);
	const char *hit = hm_get(&sh->cmd_hash, name);
	if (hit && access(hit, X_OK) == 0)
		return xstrdup(hit);
	const char *pathval = var_get(sh, "PATH");
	return path_find(name, pathval ? pathval : DEFAULT_PATH);
}

/*
 * set -h (XCU 2.14 set: "Locate and remember utilities invoked by functions
 * as those functions are defined"): every command name in the body that is
 * a plain word without a slash, and neither a builtin nor a function, is
 * looked up in PATH now, so `hash` lists it before the function first runs.
 * Names made by expansions ($cmd) are only known when the function runs.
 */
static void hash_name(struct shell *sh, const struct ast_node *c)
{
	if (c->simple.words.len == 0)
		return;
	const struct word *w = c->simple.words.items[0];
	if (w->type != WORD_LITERAL || strchr(w->lit.text, '/') ||
	    builtin_find(w->lit.text) || hm_get(&sh->functions, w->lit.text))
		return;
	free(path_search(sh, w->lit.text, false));
}

void path_hash_commands(struct shell *sh, const struct ast_node *n)
{
	if (!n)
		return;
	switch (n->type) {
	case NODE_SIMPLE:
		hash_name(sh, n);
		break;
	case NODE_PIPELINE:
		for (size_t i = 0; i < n->pipeline.cmds.len; i++)
			path_hash_commands(sh, n->pipeline.cmds.items[i]);
		break;
	case NODE_AND:
	case NODE_OR:
		path_hash_commands(sh, n->binary.left);
		path_hash_commands(sh, n->binary.right);
		break;
	case NODE_LIST:
		for (size_t i = 0; i < n->list.items.len; i++) {
			const struct list_item *it = n->list.items.items[i];
			path_hash_commands(sh, it->cmd);
		}
		break;
	case NODE_SUBSHELL:
	case NODE_BRACE:
		path_hash_commands(sh, n->group.body);
		break;
	case NODE_IF:
		path_hash_commands(sh, n->if_.cond);
		path_hash_commands(sh, n->if_.then_part);
		path_hash_commands(sh, n->if_.else_part);
		break;
	case NODE_WHILE:
	case NODE_UNTIL:
		path_hash_commands(sh, n->loop.cond);
		path_hash_commands(sh, n->loop.body);
		break;
	case NODE_FOR:
		path_hash_commands(sh, n->for_.body);
		break;
	case NODE_ARITH_FOR:
		path_hash_commands(sh, n->afor.body);
		break;
	case NODE_CASE:
		for (size_t i = 0; i < n->case_.items.len; i++) {
			const struct case_item *ci = n->case_.items.items[i];
			path_hash_commands(sh, ci->body);
		}
		break;
	default:	/* a nested function definition is hashed when it is
			   defined; (( )) runs no command */
		break;
	}
}

void path_hash_clear(struct shell *sh)
{
	hm_free(&sh->cmd_hash, free);
	hm_init(&sh->cmd_hash);
}

/* 127 when there is nothing to run, 126 when there is but it won't run. */
int path_exec_error(struct shell *sh, const char *name, int err)
{
	struct stat st;
	if (err == ENOENT || err == ENOTDIR) {
		char *hint = path_suggest(sh, name);
		shell_error(sh, "%s: not found%s", name, hint ? hint : "");
		free(hint);
		return 127;
	}
	if (err == EACCES && stat(name, &st) == 0 && S_ISDIR(st.st_mode)) {
		shell_error(sh, "%s: is a directory", name);
		return 126;
	}
	if (err == ENOEXEC) {
		shell_error(sh, "%s: cannot execute binary file", name);
		return 126;
	}
	shell_error(sh, "%s: %s", name, strerror(err));
	return 126;
}
