/* registry.c: the table of builtins, sorted by name and searched with bsearch. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/registry.h"

#include <stdlib.h>
#include <string.h>

#include "builtins/builtins.h"

/*
 * Keep this table sorted by strcmp order of the names: builtin_find() uses
 * bsearch, and tests/unit/test_registry.c fails when it is not.
 * The flags are explained in registry.h.
 */
static const struct builtin table[] = {
	{ ".", builtin_dot, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS,
	  ". file [arg...]",
	  "run the commands in file in the current shell" },
	{ ":", builtin_colon, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS,
	  ": [arg...]",
	  "do nothing, successfully (arguments are expanded)" },
	{ "[", builtin_test, BUILTIN_PURE | BUILTIN_PATH_UTILITY,
	  "[ expression ]",
	  "evaluate a conditional expression (same as test)" },
	{ "alias", builtin_alias, BUILTIN_REGULAR,
	  "alias [name[=value]...]",
	  "define or list aliases" },
	{ "bg", builtin_bg, BUILTIN_OPERANDS(OPERANDS_JOBS),
	  "bg [job...]",
	  "resume stopped jobs in the background" },
	{ "break", builtin_break, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS,
	  "break [n]",
	  "leave the n-th enclosing for, while or until loop" },
	{ "cd", builtin_cd, BUILTIN_OPERANDS(OPERANDS_DIRS),
	  "cd [-L|-P] [dir|-]",
	  "change the working directory" },
	{ "command", builtin_command, BUILTIN_RUNS_OPERAND,
	  "command [-p] [-v|-V] name [arg...]",
	  "run a command bypassing functions, or describe it" },
	{ "continue", builtin_continue, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS,
	  "continue [n]",
	  "start the next iteration of the n-th enclosing loop" },
	{ "disown", builtin_disown, BUILTIN_OPERANDS(OPERANDS_JOBS),
	  "disown [job...]",
	  "forget jobs: the shell no longer tracks or signals them" },
	{ "echo", builtin_echo, BUILTIN_PURE | BUILTIN_PATH_UTILITY,
	  "echo [-neE] [string...]",
	  "write arguments to standard output" },
	{ "eval", builtin_eval, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS,
	  "eval [arg...]",
	  "join the arguments and run them as a command" },
	{ "exec", builtin_exec, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS |
	  BUILTIN_REDIRECTS_SHELL,
	  "exec [command [arg...]]",
	  "replace the shell with a command, or apply redirections to the shell" },
	{ "exit", builtin_exit, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS,
	  "exit [n]",
	  "exit the shell with status n" },
	{ "export", builtin_export, BUILTIN_SPECIAL | BUILTIN_OPERANDS(OPERANDS_VARNAMES),
	  "export [-p] [name[=value]...]",
	  "mark variables for the environment of commands" },
	{ "false", builtin_false, BUILTIN_PURE,
	  "false",
	  "return a failure status" },
	{ "fc", builtin_fc, BUILTIN_REGULAR,
	  "fc [-r] [-e editor] [first [last]] | fc -l [-nr] [first [last]] | fc -s [old=new] [first]",
	  "list, edit and re-run commands from history" },
	{ "fg", builtin_fg, BUILTIN_OPERANDS(OPERANDS_JOBS),
	  "fg [job]",
	  "bring a job to the foreground" },
	{ "getopts", builtin_getopts, BUILTIN_REGULAR,
	  "getopts optstring name [arg...]",
	  "parse options of a script or function" },
	{ "hash", builtin_hash, BUILTIN_REGULAR,
	  "hash [-r] [name...]",
	  "remember or forget command locations" },
	{ "help", builtin_help, BUILTIN_OPERANDS(OPERANDS_HELP),
	  "help [name]",
	  "describe builtins" },
	{ "history", builtin_history, BUILTIN_REGULAR,
	  "history [-c] [-d N[-M]] [-a|-r|-w [file]] [n]",
	  "list the command history" },
	{ "jobs", builtin_jobs, BUILTIN_OPERANDS(OPERANDS_PIDS),
	  "jobs [-l|-p] [job...]",
	  "list jobs" },
	{ "kill", builtin_kill, BUILTIN_OPERANDS(OPERANDS_KILL),
	  "kill [-s sig | -n num | -sig] pid|job... | kill -l [status|sig...]",
	  "send a signal to processes or jobs" },
	{ "let", builtin_let, BUILTIN_REGULAR,
	  "let expression...",
	  "evaluate arithmetic expressions; 0 when the last is not zero" },
	{ "local", builtin_local, BUILTIN_REGULAR,
	  "local name[=value]...",
	  "make variables local to a function" },
	{ "printf", builtin_printf, BUILTIN_PATH_UTILITY,
	  "printf [-v var] format [arg...]",
	  "format and print arguments" },
	{ "proc", builtin_proc, BUILTIN_OPERANDS(OPERANDS_PROC),
	  "proc ps|tree|fds|mem|limits|sigs|info [-jkH] [options] [target]",
	  "show what the kernel knows about the shell, its jobs or any process" },
	{ "pwd", builtin_pwd, BUILTIN_PURE,
	  "pwd [-L|-P]",
	  "print the working directory" },
	{ "read", builtin_read, BUILTIN_OPERANDS(OPERANDS_VARNAMES),
	  "read [-rs] [-d delim] [-n|-N count] [-p prompt] [-t timeout] [-u fd] [name...]",
	  "read a line and split it into variables (REPLY when none)" },
	{ "readonly", builtin_readonly, BUILTIN_SPECIAL | BUILTIN_OPERANDS(OPERANDS_VARNAMES),
	  "readonly [-p] [name[=value]...]",
	  "make variables read-only" },
	{ "return", builtin_return, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS,
	  "return [n]",
	  "return from a function or . script" },
	{ "set", builtin_set, BUILTIN_SPECIAL | BUILTIN_OPERANDS(OPERANDS_SET),
	  "set [-abCefhmnuvx] [-o option] [--] [arg...]",
	  "set options and positional parameters" },
	{ "shift", builtin_shift, BUILTIN_SPECIAL,
	  "shift [n]",
	  "shift positional parameters left by n" },
	{ "test", builtin_test, BUILTIN_PURE | BUILTIN_PATH_UTILITY,
	  "test expression",
	  "evaluate a conditional expression" },
	{ "times", builtin_times, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS,
	  "times",
	  "print user and system times of the shell and its children" },
	{ "trap", builtin_trap, BUILTIN_SPECIAL | BUILTIN_PASSES_STATUS | BUILTIN_LISTS_TRAPS |
	  BUILTIN_OPERANDS(OPERANDS_TRAP),
	  "trap [-p] [action condition...]",
	  "run a command when a signal arrives or the shell exits" },
	{ "true", builtin_true, BUILTIN_PURE,
	  "true",
	  "return a success status" },
	{ "type", builtin_type, BUILTIN_REGULAR,
	  "type name...",
	  "tell how each name would be interpreted as a command" },
	{ "ulimit", builtin_ulimit, BUILTIN_REGULAR,
	  "ulimit [-H|-S] [-a | -resource [limit]]",
	  "show or set resource limits" },
	{ "umask", builtin_umask, BUILTIN_REGULAR,
	  "umask [-S] [mask]",
	  "show or set the file creation mask" },
	{ "unalias", builtin_unalias, BUILTIN_REGULAR,
	  "unalias -a | name...",
	  "remove aliases" },
	{ "unset", builtin_unset, BUILTIN_SPECIAL | BUILTIN_OPERANDS(OPERANDS_VARNAMES),
	  "unset [-v|-f] name...",
	  "remove variables or functions" },
	{ "wait", builtin_wait, BUILTIN_OPERANDS(OPERANDS_PIDS),
	  "wait [pid|job...]",
	  "wait for background jobs and report their status" },
};

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct builtin *)elem)->name);
}

const struct builtin *builtin_find(const char *name)
{
	return bsearch(name, table, sizeof table / sizeof table[0],
		       sizeof table[0], cmp_name);
}

const struct builtin *builtin_table(size_t *count)
{
	*count = sizeof table / sizeof table[0];
	return table;
}
