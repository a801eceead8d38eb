/* evalcmd.c: the special builtins that run more shell text or another program — eval, . and exec (XCU 2.14). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/fdutil.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "exec/shell.h"

static void skip_dashdash(int *argc, char ***argv)
{
	if (*argc > 1 && strcmp((*argv)[1], "--") == 0) {
		(*argv)[1] = (*argv)[0];
		(*argv)++;
		(*argc)--;
	}
}

/* eval [arg...]: the arguments joined with spaces, parsed and run here. */
int builtin_eval(struct shell *sh, int argc, char **argv)
{
	skip_dashdash(&argc, &argv);
	if (argc < 2)
		return 0;
	struct strbuf sb = STRBUF_INIT;
	for (int i = 1; i < argc; i++) {
		if (i > 1)
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

/* `. name`: a name without a slash is searched in PATH only (XCU 2.14). */
static char *dot_find(struct shell *sh, const char *name)
{
	if (strchr(name, '/'))
		return xstrdup(name);
	const char *path = var_get(sh, "PATH");
	if (!path)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	const char *p = path;
	for (;;) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		sb_clear(&sb);
		if (n) {
			sb_appendn(&sb, p, n);
			sb_putc(&sb, '/');
		}
		sb_append(&sb, name);
		if (access(sb_str(&sb), R_OK) == 0)
			return sb_finish(&sb);
		if (!end)
			break;
		p = end + 1;
	}
	sb_free(&sb);
	return NULL;
}

static int dot_run(struct shell *sh, const char *path, int argc, char **argv)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || (fd = fd_move_high(fd)) < 0) {
		builtin_error(sh, "%s: %s", path, strerror(errno));
		sh->builtin_fatal = true;
		return 2;
	}
	if (argc > 2)
		frame_push(sh, argc - 2, argv + 2, false);
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
	if (argc > 2)
		frame_pop(sh);
	close(fd);
	return status;
}

/* . file [arg...]: run file's commands in the current shell.  A missing
   file is an error that exits a non-interactive shell (XCU 2.8.1). */
int builtin_dot(struct shell *sh, int argc, char **argv)
{
	skip_dashdash(&argc, &argv);
	if (argc < 2) {
		builtin_error(sh, "filename argument required");
		sh->builtin_fatal = true;
		return 2;
	}
	char *path = dot_find(sh, argv[1]);
	if (!path) {
		builtin_error(sh, "%s: not found", argv[1]);
		sh->builtin_fatal = true;
		return 2;
	}
	int status = dot_run(sh, path, argc, argv);
	free(path);
	return status;
}

/* exec [command [arg...]]: with a command, replace the shell by it (it
   must be a file: builtins and functions are not exec'd); with only
   redirections, the dispatcher already made them permanent. */
int builtin_exec(struct shell *sh, int argc, char **argv)
{
	skip_dashdash(&argc, &argv);
	if (argc < 2)
		return 0;
	return shell_run_argv(sh, argc - 1, argv + 1, SHELL_CMD_EXEC);
}
