/* complete_sources.c: where completion candidates come from — directories, $PATH, the password database, the shell's hooks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/complete_sources.h"

#include <dirent.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strbuf.h"

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* "~" or "~user" (the text before the first '/') as a directory, or NULL. */
static char *tilde_dir(const struct complete_hooks *hk, const char *t, size_t n)
{
	if (n == 1) {
		const char *home = hk->getvar ? hk->getvar(hk->ctx, "HOME") : NULL;
		return home ? xstrdup(home) : NULL;
	}
	char *user = xstrndup(t + 1, n - 1);
	struct passwd *pw = getpwnam(user);
	free(user);
	return pw ? xstrdup(pw->pw_dir) : NULL;
}

/*
 * File names: word = "dir/pre" lists dir (after tilde expansion) for names
 * starting with "pre".  Dot files only when pre starts with '.'.  With
 * exec_only (a command name with a '/'), only directories and executables.
 */
void csrc_files(const struct complete_hooks *hk, const char *word,
		bool exec_only, struct vec *out)
{
	const char *slash = strrchr(word, '/');
	size_t dlen = slash ? (size_t)(slash - word) + 1 : 0;
	const char *pre = word + dlen;
	char *dir;
	if (dlen == 0)
		dir = xstrdup(".");
	else if (word[0] == '~')
		dir = tilde_dir(hk, word, strcspn(word, "/"));
	else
		dir = xstrndup(word, dlen);
	if (dir && word[0] == '~' && dlen) {
		char *full = xmalloc(strlen(dir) + strlen(word) + 2);
		strcpy(full, dir);
		strcat(full, word + strcspn(word, "/"));
		full[strlen(full) - strlen(pre)] = '\0';
		free(dir);
		dir = full;
	}
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (!has_prefix(e->d_name, pre) || strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 || (e->d_name[0] == '.' && pre[0] != '.'))
			continue;
		struct strbuf path = STRBUF_INIT;
		sb_printf(&path, "%s/%s", dir, e->d_name);
		struct stat st;
		bool isdir = stat(sb_str(&path), &st) == 0 && S_ISDIR(st.st_mode);
		bool ok = !exec_only || isdir || access(sb_str(&path), X_OK) == 0;
		sb_free(&path);
		if (!ok)
			continue;
		struct strbuf c = STRBUF_INIT;
		sb_appendn(&c, word, dlen);
		sb_append(&c, e->d_name);
		if (isdir)
			sb_putc(&c, '/');
		vec_push(out, sb_finish(&c));
	}
	if (d)
		closedir(d);
	free(dir);
}

/* Executables in the directories of $PATH whose names start with prefix. */
void csrc_path(const struct complete_hooks *hk, const char *prefix, struct vec *out)
{
	const char *path = hk->getvar ? hk->getvar(hk->ctx, "PATH") : NULL;
	if (!path)
		return;
	char *copy = xstrdup(path);
	for (char *p = copy, *next; p; p = next) {
		next = strchr(p, ':');
		if (next)
			*next++ = '\0';
		const char *dir = *p ? p : ".";	/* an empty entry is "." */
		DIR *d = opendir(dir);
		struct dirent *e;
		while (d && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' || !has_prefix(e->d_name, prefix))
				continue;
			struct strbuf f = STRBUF_INIT;
			sb_printf(&f, "%s/%s", dir, e->d_name);
			struct stat st;
			if (stat(sb_str(&f), &st) == 0 && S_ISREG(st.st_mode) &&
			    access(sb_str(&f), X_OK) == 0)
				vec_push(out, xstrdup(e->d_name));
			sb_free(&f);
		}
		if (d)
			closedir(d);
	}
	free(copy);
}

/* "~user/" for each login name starting with prefix (after the ~). */
void csrc_users(const char *prefix, struct vec *out)
{
	struct passwd *pw;
	setpwent();
	while ((pw = getpwent()) != NULL) {
		if (!has_prefix(pw->pw_name, prefix))
			continue;
		struct strbuf c = STRBUF_INIT;
		sb_printf(&c, "~%s/", pw->pw_name);
		vec_push(out, sb_finish(&c));
	}
	endpwent();
}

void csrc_words(const char *const *words, const char *prefix, struct vec *out)
{
	for (size_t i = 0; words[i]; i++)
		if (has_prefix(words[i], prefix))
			vec_push(out, xstrdup(words[i]));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void csrc_sort_unique(struct vec *v)
{
	if (v->len < 2)
		return;
	qsort(v->items, v->len, sizeof *v->items, cmp_str);
	size_t k = 1;
	for (size_t i = 1; i < v->len; i++) {
		if (strcmp(v->items[i], v->items[k - 1]) == 0)
			free(v->items[i]);
		else
			v->items[k++] = v->items[i];
	}
	v->len = k;
}
