/* complete_sources.c: where completion candidates come from — directories, $PATH, $CDPATH, signal names, the password database. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "interactive/complete_sources.h"

#include <dirent.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/signames.h"
#include "base/strbuf.h"

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char *getvar(const struct complete_hooks *hk, const char *name)
{
	return hk->getvar ? hk->getvar(hk->ctx, name) : NULL;
}

/* "~" or "~user" (the first n bytes of t) as a directory, or NULL. */
static char *tilde_dir(const struct complete_hooks *hk, const char *t, size_t n)
{
	if (n == 1) {
		const char *home = getvar(hk, "HOME");
		return home ? xstrdup(home) : NULL;
	}
	char *user = xstrndup(t + 1, n - 1);
	struct passwd *pw = getpwnam(user);
	free(user);
	return pw ? xstrdup(pw->pw_dir) : NULL;
}

/* $NAME or ${NAME} at s: append its value, return the bytes used (0: not
   a variable reference). */
static size_t expand_var(const struct complete_hooks *hk, const char *s,
			 struct strbuf *out)
{
	bool brace = s[1] == '{';
	const char *name = s + 1 + brace;
	size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
	if (n == 0 || (brace && name[n] != '}'))
		return 0;
	char *v = xstrndup(name, n);
	const char *val = getvar(hk, v);
	free(v);
	sb_append(out, val ? val : "");
	return 1 + brace + n + brace;
}

/*
 * The directory part of a word as the shell would expand it, to be listed:
 * a leading ~ or ~user, and $NAME / ${NAME} anywhere ("$HOME/src/").  NULL
 * when a ~user does not exist.
 */
static char *resolve_dir(const struct complete_hooks *hk, const char *word,
			 size_t dlen)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0;
	if (word[0] == '~') {
		size_t n = strcspn(word, "/");
		char *home = tilde_dir(hk, word, n);
		if (!home)
			return NULL;
		sb_append(&sb, home);
		free(home);
		i = n;
	}
	while (i < dlen) {
		size_t used = word[i] == '$' ? expand_var(hk, word + i, &sb) : 0;
		if (used) {
			i += used;
		} else {
			sb_putc(&sb, word[i]);
			i++;
		}
	}
	return sb_finish(&sb);
}

static bool keep_entry(const char *dir, const char *name, enum csrc_filter filter,
		       bool *isdir)
{
	struct strbuf path = STRBUF_INIT;
	sb_printf(&path, "%s/%s", dir, name);
	struct stat st;
	*isdir = stat(sb_str(&path), &st) == 0 && S_ISDIR(st.st_mode);
	bool ok = filter == CSRC_ALL || *isdir ||
		  (filter == CSRC_EXEC && access(sb_str(&path), X_OK) == 0);
	sb_free(&path);
	return ok;
}

/* The entries of dir starting with pre, each as prefix + name (+ '/'). */
static void list_dir(const char *dir, const char *prefix, size_t plen,
		     const char *pre, enum csrc_filter filter, struct vec *out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (!has_prefix(e->d_name, pre) || strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 || (e->d_name[0] == '.' && pre[0] != '.'))
			continue;
		bool isdir;
		if (!keep_entry(dir, e->d_name, filter, &isdir))
			continue;
		struct strbuf c = STRBUF_INIT;
		sb_appendn(&c, prefix, plen);
		sb_append(&c, e->d_name);
		if (isdir)
			sb_putc(&c, '/');
		vec_push(out, sb_finish(&c));
	}
	if (d)
		closedir(d);
}

/*
 * File names: word = "dir/pre" lists dir (after ~ and $VAR expansion) for
 * names starting with "pre"; the candidates keep "dir/" as typed.  Dot
 * files only when pre starts with '.'.
 */
void csrc_files(const struct complete_hooks *hk, const char *word,
		enum csrc_filter filter, struct vec *out)
{
	const char *slash = strrchr(word, '/');
	size_t dlen = slash ? (size_t)(slash - word) + 1 : 0;
	char *dir = dlen ? resolve_dir(hk, word, dlen) : xstrdup(".");
	if (dir)
		list_dir(dir, word, dlen, word + dlen, filter, out);
	free(dir);
}

/* cd's other places: "proj" may be a directory under any $CDPATH entry. */
void csrc_cdpath(const struct complete_hooks *hk, const char *word, struct vec *out)
{
	const char *cdpath = getvar(hk, "CDPATH");
	if (!cdpath || (word[0] && strchr("/.~$", word[0])))
		return;
	const char *slash = strrchr(word, '/');
	size_t dlen = slash ? (size_t)(slash - word) + 1 : 0;
	for (const char *p = cdpath;; ) {
		size_t n = strcspn(p, ":");
		if (n > 0) {	/* an empty entry is ".", listed already */
			struct strbuf dir = STRBUF_INIT;
			sb_appendn(&dir, p, n);
			sb_putc(&dir, '/');
			sb_appendn(&dir, word, dlen);
			list_dir(sb_str(&dir), word, dlen, word + dlen, CSRC_DIRS, out);
			sb_free(&dir);
		}
		if (!p[n])
			break;
		p += n + 1;
	}
}

/* Executables in the directories of $PATH whose names start with prefix. */
void csrc_path(const struct complete_hooks *hk, const char *prefix, struct vec *out)
{
	const char *path = getvar(hk, "PATH");
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

/*
 * Signal names as kill and trap take them: "-INT" after `kill -`, "INT"
 * otherwise, "EXIT" too for trap.  The numbered real-time names
 * (RTMIN+3) are left out; RTMIN and RTMAX stay.
 */
void csrc_signals(bool dash, bool with_exit, struct vec *out)
{
	char buf[16];
	if (with_exit)
		vec_push(out, xstrdup("EXIT"));
	for (int s = 1; s <= sig_max(); s++) {
		const char *name = sig_name(s, buf);
		if (!name || strpbrk(name, "+-"))
			continue;
		struct strbuf c = STRBUF_INIT;
		sb_printf(&c, "%s%s", dash ? "-" : "", name);
		vec_push(out, sb_finish(&c));
	}
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
