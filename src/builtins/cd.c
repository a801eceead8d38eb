/* cd.c: the cd and pwd builtins (XCU cd, pwd) — logical and physical views of the current directory. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"

/*
 * The kernel knows only the physical directory (getcwd walks up through
 * "..").  The shell keeps a logical one in $PWD: after `cd /usr/lib/..`
 * through a symbolic link, the user expects to be "where the link said",
 * so with -L (the default) `..` removes the previous component of the
 * text rather than asking the file system (XCU cd, steps 7-8).
 */

/* -L / -P (the last one wins); returns the index of the operand or -1. */
static int scan(struct shell *sh, int argc, char **argv, bool *physical)
{
	struct bopt o;
	int c;
	*physical = false;
	bopt_init(&o, argc, argv, "LP", 0);
	while ((c = bopt_next(sh, &o)) != 0) {
		if (c == '?')
			return -1;
		*physical = c == 'P';
	}
	return o.ind;
}

/* Does path (absolute) name the current directory? */
static bool names_cwd(const char *path)
{
	struct stat a, b;
	return path && path[0] == '/' && stat(path, &a) == 0 &&
	       stat(".", &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Remove . and .. components textually (XCU cd step 8); path is absolute.
 * Exactly two leading slashes stay: their meaning is implementation-defined
 * (XCU 4.13), so step 8 lets only three or more collapse into one.  With
 * check, the text a .. removes must name a directory: `cd -L f/../d` fails
 * when f is a file (NULL, errno ENOTDIR).
 */
static char *canonicalize(const char *path, bool check)
{
	struct strbuf out = STRBUF_INIT;
	const char *p = path;
	if (p[0] == '/' && p[1] == '/' && p[2] != '/')
		sb_putc(&out, '/');
	size_t root = out.len;	/* the ".." never climbs over it */
	while (*p) {
		while (*p == '/')
			p++;
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0)
			break;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (check && out.len > root && !is_dir(out.data)) {
				sb_free(&out);
				errno = ENOTDIR;
				return NULL;
			}
			char *slash = out.len > root ? strrchr(out.data, '/') : NULL;
			sb_truncate(&out, slash ? (size_t)(slash - out.data) : root);
		} else if (!(n == 1 && p[0] == '.')) {
			sb_putc(&out, '/');
			sb_appendn(&out, p, n);
		}
		p += n;
	}
	if (out.len == root)
		sb_putc(&out, '/');
	return sb_finish(&out);
}

/* First component "." or ".."? Then CDPATH does not apply (XCU cd step 4). */
static bool dot_relative(const char *d)
{
	return (d[0] == '.' && (d[1] == '\0' || d[1] == '/')) ||
	       (d[0] == '.' && d[1] == '.' && (d[2] == '\0' || d[2] == '/'));
}

/* XCU cd step 5: try each CDPATH entry; *print when a non-empty entry won. */
static char *search_cdpath(struct shell *sh, const char *dir, bool *print)
{
	const char *cdpath = var_get(sh, "CDPATH");
	*print = false;
	if (dir[0] == '/' || dot_relative(dir) || !cdpath)
		return xstrdup(dir);
	for (const char *p = cdpath;;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		struct strbuf sb = STRBUF_INIT;
		sb_appendn(&sb, n ? p : ".", n ? n : 1);
		if (sb.data[sb.len - 1] != '/')
			sb_putc(&sb, '/');
		sb_append(&sb, dir);
		if (is_dir(sb.data)) {
			*print = n > 0;
			return sb_finish(&sb);
		}
		sb_free(&sb);
		if (!colon)
			break;
		p = colon + 1;
	}
	return xstrdup(dir);
}

/* The logical target: curpath made absolute against $PWD, then cleaned. */
static char *logical_target(struct shell *sh, const char *curpath)
{
	if (curpath[0] == '/')
		return canonicalize(curpath, true);
	const char *pwd = var_get(sh, "PWD");
	char *cwd = NULL;
	if (!names_cwd(pwd))
		pwd = cwd = getcwd(NULL, 0);
	if (!pwd)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, pwd);
	sb_putc(&sb, '/');
	sb_append(&sb, curpath);
	free(cwd);
	char *r = canonicalize(sb.data, true);
	int err = errno;
	sb_free(&sb);
	errno = err;
	return r;
}

/* chdir and record the new directory in PWD, the old in OLDPWD. */
static int change_dir(struct shell *sh, const char *curpath, bool physical,
		      char **newpwd)
{
	char *target = physical ? xstrdup(curpath) : logical_target(sh, curpath);
	if (!target || chdir(target) < 0) {
		int err = errno;
		free(target);
		errno = err;
		return -1;
	}
	if (physical) {
		free(target);
		target = getcwd(NULL, 0);
		if (!target)
			target = xstrdup(curpath);
	}
	const char *old = var_get(sh, "PWD");
	char *oldcopy = old ? xstrdup(old) : getcwd(NULL, 0);
	if (oldcopy)
		var_set(sh, "OLDPWD", oldcopy, 0);
	free(oldcopy);
	var_set(sh, "PWD", target, 0);
	*newpwd = target;
	return 0;
}

/* The operand, or $HOME / $OLDPWD; NULL after a message. */
static const char *cd_operand(struct shell *sh, const char *arg, bool *print)
{
	*print = false;
	const char *name = !arg ? "HOME" : strcmp(arg, "-") == 0 ? "OLDPWD" : NULL;
	if (!name)
		return arg;
	const char *v = var_get(sh, name);
	if (!v || !*v) {
		builtin_error(sh, "%s not set", name);
		return NULL;
	}
	*print = arg != NULL;
	return v;
}

int cd_change(struct shell *sh, const char *dir, bool physical,
	      char **newpwd, bool *print)
{
	char *opcopy = xstrdup(dir);	/* var_set may free $OLDPWD */
	char *curpath = search_cdpath(sh, opcopy, print);
	*newpwd = NULL;
	int r = change_dir(sh, curpath, physical, newpwd);
	if (r < 0)
		builtin_error(sh, "%s: %s", opcopy, strerror(errno));
	free(curpath);
	free(opcopy);
	return r < 0 ? 1 : 0;
}

int builtin_cd(struct shell *sh, int argc, char **argv)
{
	bool physical, print, found_print;
	int i = scan(sh, argc, argv, &physical);
	if (i < 0)
		return 2;
	if (argc - i > 1)
		return bopt_too_many(sh);
	const char *dir = cd_operand(sh, i < argc ? argv[i] : NULL, &print);
	if (!dir)
		return 1;
	char *newpwd;
	int r = cd_change(sh, dir, physical, &newpwd, &found_print);
	if (r == 0 && (print || found_print))
		printf("%s\n", newpwd);
	free(newpwd);
	return r;
}

static bool pwd_usable(const char *pwd)
{
	if (!names_cwd(pwd))
		return false;
	char *clean = canonicalize(pwd, false);
	bool same = strcmp(clean, pwd) == 0;
	free(clean);
	return same;
}

int builtin_pwd(struct shell *sh, int argc, char **argv)
{
	bool physical;
	int i = scan(sh, argc, argv, &physical);
	if (i < 0)
		return 2;
	const char *pwd = var_get(sh, "PWD");
	if (!physical && pwd_usable(pwd)) {
		printf("%s\n", pwd);
		return 0;
	}
	char *cwd = getcwd(NULL, 0);
	if (!cwd) {
		builtin_error(sh, "%s", strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
	free(cwd);
	return 0;
}
