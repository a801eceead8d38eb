/* flow.c: the control-flow special builtins — break, continue, return, exit and : (XCU 2.14). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/*
 * The operand of break, continue, exit and return, after "--": *n is
 * left alone when there is none.  Returns 0, or 2 after the message (a
 * special builtin's usage error: bopt marks it fatal).
 */
static int count_operand(struct shell *sh, int argc, char **argv, long min,
			 long *n)
{
	int i = bopt_none(sh, argc, argv);
	return i < 0 ? 2 : bopt_number_operand(sh, argc, argv, i, min, n);
}

int builtin_colon(struct shell *sh, int argc, char **argv)
{
	(void)sh;
	(void)argc;
	(void)argv;
	return 0;
}

/*
 * break n / continue n (XCU 2.14): leave (or restart) the n-th enclosing
 * loop.  n larger than the number of loops means the outermost one; with
 * no loop at all they do nothing (as dash).  The loops themselves do the
 * unwinding: see loop_stops() in exec/eval.c.
 */
static int loop_control(struct shell *sh, int argc, char **argv,
			enum unwind how)
{
	long n = 1;
	if (count_operand(sh, argc, argv, 1, &n) != 0)
		return 2;
	if (sh->loop_depth == 0)
		return 0;
	if (n > sh->loop_depth)
		n = sh->loop_depth;
	sh->unwind = how;
	sh->unwind_count = n;
	return 0;
}

int builtin_break(struct shell *sh, int argc, char **argv)
{
	return loop_control(sh, argc, argv, UNWIND_BREAK);
}

int builtin_continue(struct shell *sh, int argc, char **argv)
{
	return loop_control(sh, argc, argv, UNWIND_CONTINUE);
}

/*
 * exit [n]: n defaults to $? -- inside a trap action (also in a function
 * it calls), the $? from before the action (XCU 2.14 exit).  The EXIT
 * trap runs in shell_exit().
 */
int builtin_exit(struct shell *sh, int argc, char **argv)
{
	long n = sh->trap_depth ? sh->trap_status : sh->last_status;
	/* Interactive, with stopped jobs: warn once, leave on the next try. */
	if (jobs_exit_refused(sh->jobs))
		return 1;
	if (count_operand(sh, argc, argv, 0, &n) != 0)
		return 2;
	sh->unwind = UNWIND_EXIT;
	sh->exit_status = (int)(n & 0xff);
	return sh->exit_status;
}

/*
 * return [n]: from a function or a `.` script.  Elsewhere XCU 2.14 leaves
 * the result unspecified; a script (or -c string) ends as if by exit n,
 * as dash and yash do, and an interactive shell only complains.
 */
int builtin_return(struct shell *sh, int argc, char **argv)
{
	/* While a trap action runs — directly in it, or in a function it
	   calls — $? from before the action (Issue 8 return; bash, mksh
	   and yash; dash only directly in the action). */
	long n = sh->trap_depth ? sh->trap_status : sh->last_status;
	if (count_operand(sh, argc, argv, 0, &n) != 0)
		return 2;
	if (sh->func_depth == 0 && sh->dot_depth == 0) {
		if (sh->opt.interactive) {
			builtin_error(sh, "not in a function or sourced script");
			return 1;
		}
		sh->unwind = UNWIND_EXIT;
		sh->exit_status = (int)(n & 0xff);
		return sh->exit_status;
	}
	sh->unwind = UNWIND_RETURN;
	sh->exit_status = (int)(n & 0xff);
	return sh->exit_status;
}
