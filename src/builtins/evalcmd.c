/* evalcmd.c: the special builtins that run more shell text or another program — eval, . and exec (XCU 2.14). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"

/* eval [arg...]: the arguments joined with spaces, parsed and run here. */
int builtin_eval(struct shell *sh, int argc, char **argv)
{
	int first = bopt_none(sh, argc, argv);
	if (first < 0)
		return 2;
	if (first == argc)
		return 0;
	struct strbuf sb = STRBUF_INIT;
	for (int i = first; i < argc; i++) {
		if (i > first)
			sb_putc(&sb, ' ');
		sb_append(&sb, argv[i]);
	}
	const char *name = sh->script_name ? sh->script_name : "eval";
	unsigned line = sh->lineno;
	int status = shell_run_string(sh, name, sb_str(&sb));
	sh->lineno = line;
	sb_free(&sb);
	return status;
}

/* dot_find's walk: a readable file that is not a directory. */
static bool accept_script(const char *cand, void *ctx)
{
	(void)ctx;
	struct stat st;	/* a directory is no script: search on */
	return access(cand, R_OK) == 0 && stat(cand, &st) == 0 &&
	       !S_ISDIR(st.st_mode);
}

/*
 * `. name`: a name without a slash is searched in PATH only (XCU 2.14),
 * for a readable file that is not a directory.  `source name` (and `.`
 * outside set -o posix) then tries the current directory, as bash does.
 */
static char *dot_find(struct shell *sh, const char *name, bool here_too)
{
	if (strchr(name, '/'))
		return xstrdup(name);
	const char *path = var_get(sh, "PATH");
	char *found = path ? path_walk(name, path, accept_script, NULL) : NULL;
	if (!found && here_too && accept_script(name, NULL))
		found = xstrdup(name);
	return found;
}

/* Run path's commands; with nparams > 0, params become $1... meanwhile. */
static int dot_run(struct shell *sh, const char *path, int nparams,
		   char **params)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || (fd = fd_move_high(fd)) < 0) {
		builtin_error(sh, "%s: %s", path, strerror(errno));
		sh->builtin_fatal = true;
		return 2;
	}
	if (nparams > 0)
		frame_push(sh, nparams, params, false);
	const char *saved_name = sh->script_name;
	unsigned saved_line = sh->lineno;
	sh->script_name = path;
	sh->dot_depth++;
	int status = shell_run_fd(sh, path, fd);
	sh->dot_depth--;
	sh->script_name = saved_name;
	sh->lineno = saved_line;
	if (sh->unwind == UNWIND_RETURN) {
		sh->unwind = UNWIND_NONE;
		status = sh->exit_status;
	}
	if (nparams > 0)
		frame_pop(sh);
	return status;	/* shell_run_fd closed fd */
}

/* . file [arg...]: run file's commands in the current shell.  A missing
   file is an error that exits a non-interactive shell (XCU 2.8.1); for
   `source`, a regular builtin, it is only the command's failure. */
int builtin_dot(struct shell *sh, int argc, char **argv)
{
	bool source = argv[0][0] == 's';
	int i = bopt_none(sh, argc, argv);
	if (i < 0)
		return 2;
	if (i == argc) {
		builtin_error(sh, "filename argument required");
		return bopt_usage(sh);
	}
	char *path = dot_find(sh, argv[i], source || !sh->opt.posix);
	if (!path) {
		builtin_error(sh, "%s: not found", argv[i]);
		sh->builtin_fatal = !source;
		return source ? 1 : 2;
	}
	int status = dot_run(sh, path, argc - i - 1, argv + i + 1);
	free(path);
	return status;
}

/* exec [command [arg...]]: with a command, replace the shell by it (it
   must be a file: builtins and functions are not exec'd); with only
   redirections, the dispatcher already made them permanent. */
int builtin_exec(struct shell *sh, int argc, char **argv)
{
	int i = bopt_none(sh, argc, argv);
	if (i < 0)
		return 2;
	if (i == argc)
		return 0;
	return shell_run_argv(sh, argc - i, argv + i, SHELL_CMD_EXEC);
}
