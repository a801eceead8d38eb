/* testops.c: the file tests shared by the test builtin and [[ ]] (XCU test). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "exec/testops.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static bool stat_test(char op, const struct stat *st)
{
	switch (op) {
	case 'b': return S_ISBLK(st->st_mode);
	case 'c': return S_ISCHR(st->st_mode);
	case 'd': return S_ISDIR(st->st_mode);
	case 'e': return true;
	case 'f': return S_ISREG(st->st_mode);
	case 'g': return (st->st_mode & S_ISGID) != 0;
	case 'k': return (st->st_mode & S_ISVTX) != 0;
	case 'p': return S_ISFIFO(st->st_mode);
	case 'S': return S_ISSOCK(st->st_mode);
	case 's': return st->st_size > 0;
	case 'u': return (st->st_mode & S_ISUID) != 0;
	case 'O': return st->st_uid == geteuid();
	case 'G': return st->st_gid == getegid();
	case 'N': return st->st_mtim.tv_sec > st->st_atim.tv_sec ||
			 (st->st_mtim.tv_sec == st->st_atim.tv_sec &&
			  st->st_mtim.tv_nsec > st->st_atim.tv_nsec);
	default: return false;
	}
}

bool test_file(char op, const char *path)
{
	struct stat st;
	if (op == 'h' || op == 'L')
		return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (op == 'r' || op == 'w' || op == 'x') {
		int mode = op == 'r' ? R_OK : op == 'w' ? W_OK : X_OK;
		/* Effective IDs, as the process would be checked on open. */
		return faccessat(AT_FDCWD, path, mode, AT_EACCESS) == 0;
	}
	return stat(path, &st) == 0 && stat_test(op, &st);
}

/* st_mtim with nanoseconds: is a strictly newer than b? */
static bool newer(const struct stat *a, const struct stat *b)
{
	if (a->st_mtim.tv_sec != b->st_mtim.tv_sec)
		return a->st_mtim.tv_sec > b->st_mtim.tv_sec;
	return a->st_mtim.tv_nsec > b->st_mtim.tv_nsec;
}

bool test_file_compare(const char *a, char op, const char *b)
{
	struct stat sa, sb;
	bool ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;
	if (op == 'e')
		return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (op == 'n')	/* a exists and b does not, or newer */
		return ha && (!hb || newer(&sa, &sb));
	return hb && (!ha || newer(&sb, &sa));	/* -ot */
}
