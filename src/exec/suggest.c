/* suggest.c: "did you mean ls?" — the nearest command names to one that was not found (interactive shells). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "builtins/registry.h"
#include "exec/exec_int.h"
#include "exec/shell.h"

/*
 * The names a user could have meant are the builtins, functions, aliases
 * and every file in the PATH directories.  Listing PATH costs a readdir of
 * each directory (about 2,000 names on a desktop), so the list is kept in
 * sh->path_names and made again only when PATH changes or one of its
 * directories does (its mtime moves when a file is added or removed):
 * a lookup then costs one stat per PATH directory and a distance per name.
 */
struct path_names {
	char *path;			/* owned: the PATH that was listed */
	struct timespec *mtimes;	/* owned: each directory's mtime then
					   (zero when it could not be read) */
	size_t ndirs;
	struct vec names;		/* char * (owned), unsorted */
};

#define SUGGEST_MAX_DISTANCE 2
#define SUGGEST_MAX 3
#define SUGGEST_MAX_NAME 64	/* longer names are not typos of a command */

void path_names_free(struct path_names *pn)
{
	if (!pn)
		return;
	free(pn->path);
	free(pn->mtimes);
	vec_free_all(&pn->names, free);
	free(pn);
}

/* Call fn on each directory of path ("" is "."), with its index. */
static void each_dir(const char *path, void (*fn)(void *, size_t, const char *),
		     void *arg)
{
	size_t i = 0;
	for (const char *p = path;; i++) {
		size_t n = strcspn(p, ":");
		char *dir = n ? xstrndup(p, n) : xstrdup(".");
		fn(arg, i, dir);
		free(dir);
		if (!p[n])
			break;
		p += n + 1;
	}
}

static void count_dir(void *arg, size_t i, const char *dir)
{
	(void)dir;
	*(size_t *)arg = i + 1;
}

static struct timespec dir_mtime(const char *dir)
{
	struct stat st;
	struct timespec zero = { 0, 0 };
	return stat(dir, &st) == 0 ? st.st_mtim : zero;
}

/*
 * A directory's mtime ticks in coarse steps (a jiffy, a few ms): a file
 * added within the same step as our listing would leave it unchanged.  So
 * a directory changed in the last two seconds gets no stamp (zero), and the
 * next lookup lists again, as git treats "racily clean" files.
 */
static void stamp_dir(void *arg, size_t i, const char *dir)
{
	struct path_names *pn = arg;
	struct timespec t = dir_mtime(dir);
	struct timespec zero = { 0, 0 };
	pn->mtimes[i] = t.tv_sec + 2 >= time(NULL) ? zero : t;
}

static void list_dir(void *arg, size_t i, const char *dir)
{
	(void)i;
	struct path_names *pn = arg;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' && e->d_type != DT_DIR)
			vec_push(&pn->names, xstrdup(e->d_name));
	if (d)
		closedir(d);
}

/* Has any directory changed since the list was made? */
struct check_arg {
	const struct path_names *pn;
	bool stale;
};

static void check_dir(void *arg, size_t i, const char *dir)
{
	struct check_arg *ca = arg;
	struct timespec t = dir_mtime(dir);
	const struct timespec *was = &ca->pn->mtimes[i];
	if (t.tv_sec != was->tv_sec || t.tv_nsec != was->tv_nsec)
		ca->stale = true;
}

/* The list for the current PATH, made again when it is stale. */
static const struct path_names *current_names(struct shell *sh)
{
	const char *path = var_get(sh, "PATH");
	if (!path)
		path = "";
	struct path_names *pn = sh->path_names;
	if (pn && strcmp(pn->path, path) == 0) {
		struct check_arg ca = { pn, false };
		each_dir(path, check_dir, &ca);
		if (!ca.stale)
			return pn;
	}
	path_names_free(pn);
	pn = xcalloc(1, sizeof *pn);
	pn->path = xstrdup(path);
	each_dir(path, count_dir, &pn->ndirs);
	pn->mtimes = xcalloc(pn->ndirs, sizeof *pn->mtimes);
	/* Stamp before listing: a file added meanwhile makes the next
	   lookup list again rather than be missed. */
	each_dir(path, stamp_dir, pn);
	each_dir(path, list_dir, pn);
	sh->path_names = pn;
	return pn;
}

/*
 * Optimal string alignment distance (Levenshtein plus the transposition
 * of two neighbours, so "sl" is one edit from "ls"), given up as soon as
 * a whole row exceeds limit.  Two rows of the usual table plus the one
 * before them for transpositions: O(|a|·|b|) time, O(|b|) space.
 */
static size_t distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	size_t rows[3][SUGGEST_MAX_NAME + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		size_t best = cur[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t d = prev[j - 1] + cost;
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		if (best > limit)
			return limit + 1;
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

struct pick {
	const char *name;	/* borrowed from a table, a map or the list */
	size_t dist;
	bool in_path;		/* must still be checked with path_find */
};

struct picks {
	struct pick *v;		/* owned array */
	size_t len, cap;
	const char *typed;
	size_t limit;
};

static void consider(struct picks *ps, const char *name, bool in_path)
{
	if (strlen(name) > SUGGEST_MAX_NAME)
		return;
	size_t d = distance(ps->typed, name, ps->limit);
	if (d == 0 || d > ps->limit)
		return;
	if (ps->len == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 16;
		ps->v = xreallocarray(ps->v, ps->cap, sizeof *ps->v);
	}
	ps->v[ps->len++] = (struct pick){ name, d, in_path };
}

static int by_distance(const void *x, const void *y)
{
	const struct pick *a = x, *b = y;
	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void consider_keys(struct picks *ps, const struct hashmap *hm)
{
	const char **keys = hm_sorted_keys(hm);
	for (size_t i = 0; keys[i]; i++)
		consider(ps, keys[i], false);
	free(keys);
}

/* A name found in a PATH directory that is really a command there. */
static bool runnable(struct shell *sh, const char *name)
{
	char *path = path_find(name, sh->path_names->path);
	bool ok = path && access(path, X_OK) == 0;
	free(path);
	return ok;
}

/* Append " (did you mean a, b or c?)" to out: the nearest names first. */
static void word_list(struct shell *sh, struct picks *ps, struct strbuf *out)
{
	if (ps->len == 0)
		return;
	qsort(ps->v, ps->len, sizeof *ps->v, by_distance);
	const char *chosen[SUGGEST_MAX];
	size_t n = 0;
	for (size_t i = 0; i < ps->len && n < SUGGEST_MAX; i++) {
		bool dup = n > 0 && strcmp(chosen[n - 1], ps->v[i].name) == 0;
		for (size_t k = 0; k < n && !dup; k++)
			dup = strcmp(chosen[k], ps->v[i].name) == 0;
		if (!dup && (!ps->v[i].in_path || runnable(sh, ps->v[i].name)))
			chosen[n++] = ps->v[i].name;
	}
	for (size_t k = 0; k < n; k++)
		sb_printf(out, "%s%s", k == 0 ? " (did you mean " :
				       k + 1 == n ? " or " : ", ", chosen[k]);
	if (n)
		sb_append(out, "?)");
}

char *path_suggest(struct shell *sh, const char *name)
{
	size_t len = strlen(name);
	if (!sh->opt.interactive || strchr(name, '/') || len < 2 ||
	    len > SUGGEST_MAX_NAME)
		return NULL;
	/* At most two edits, and fewer than the name has letters: "x" is
	   not a typo of every two-letter command. */
	struct picks ps = { .typed = name,
			    .limit = len <= SUGGEST_MAX_DISTANCE ? len - 1 :
								   SUGGEST_MAX_DISTANCE };
	size_t nb;
	const struct builtin *t = builtin_table(&nb);
	for (size_t i = 0; i < nb; i++)
		consider(&ps, t[i].name, false);
	consider_keys(&ps, &sh->functions);
	consider_keys(&ps, &sh->aliases);
	const struct path_names *pn = current_names(sh);
	for (size_t i = 0; i < pn->names.len; i++)
		consider(&ps, pn->names.items[i], true);
	struct strbuf out = STRBUF_INIT;
	word_list(sh, &ps, &out);
	free(ps.v);
	if (!out.len) {
		sb_free(&out);
		return NULL;
	}
	return sb_finish(&out);
}
