/* test_expand.c: unit tests of variables and the expansion stages — splitting, "$@", parameter forms, tilde, quote removal, read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "exec/expand.h"
#include "exec/shell.h"
#include "jobs/jobs.h"

/* ------------------------------------------------ words built by hand */

static struct word *mk(enum word_type t)
{
	struct word *w = xcalloc(1, sizeof *w);
	w->type = t;
	return w;
}

static struct word *text(enum word_type t, const char *s)
{
	struct word *w = mk(t);
	w->lit.text = xstrdup(s);
	w->lit.len = strlen(s);
	return w;
}

static struct word *lit(const char *s) { return text(WORD_LITERAL, s); }
static struct word *sq(const char *s) { return text(WORD_SQUOTE, s); }

static struct word *parts(enum word_type t, int n, va_list ap)
{
	struct word *w = mk(t);
	for (int i = 0; i < n; i++)
		vec_push(&w->parts, va_arg(ap, struct word *));
	return w;
}

static struct word *dq(int n, ...)
{
	va_list ap;
	va_start(ap, n);
	struct word *w = parts(WORD_DQUOTE, n, ap);
	va_end(ap);
	return w;
}

static struct word *cat(int n, ...)
{
	va_list ap;
	va_start(ap, n);
	struct word *w = parts(WORD_LIST, n, ap);
	va_end(ap);
	return w;
}

static struct word *pop(const char *name, enum param_op op, bool colon,
			struct word *arg)
{
	struct word *w = mk(WORD_PARAM);
	w->param.name = xstrdup(name);
	w->param.op = op;
	w->param.colon = colon;
	w->param.braced = op != PARAM_PLAIN;
	w->param.arg = arg;
	return w;
}

static struct word *param(const char *name)
{
	return pop(name, PARAM_PLAIN, false, NULL);
}

static struct word *tilde(const char *user)
{
	struct word *w = mk(WORD_TILDE);
	w->tilde.user = xstrdup(user);
	return w;
}

/* The stub eval_cmdsub prints the "program", which is really a string. */
static struct word *cmdsub(const char *out)
{
	struct word *w = mk(WORD_CMDSUB);
	w->cmdsub.program = (struct ast_node *)out;
	return w;
}

static struct word *arith(const char *expr)
{
	struct word *w = mk(WORD_ARITH);
	w->arith.expr = lit(expr);
	return w;
}

static void wfree(struct word *w)
{
	if (!w)
		return;
	switch (w->type) {
	case WORD_LITERAL:
	case WORD_SQUOTE:
		free(w->lit.text);
		break;
	case WORD_DQUOTE:
	case WORD_LIST:
	case WORD_ARRAY:
		for (size_t i = 0; i < w->parts.len; i++)
			wfree(w->parts.items[i]);
		vec_free(&w->parts);
		break;
	case WORD_PARAM:
		free(w->param.name);
		wfree(w->param.arg);
		wfree(w->param.arg2);
		wfree(w->param.subscript);
		break;
	case WORD_ARITH:
		wfree(w->arith.expr);
		break;
	case WORD_TILDE:
		free(w->tilde.user);
		break;
	case WORD_CMDSUB:
		break;
	}
	free(w);
}

/* ------------------------------------------------------------ harness */

static struct shell *sh;

static void setup(void)
{
	static char *env[] = { "HOME=/home/u", "EXP=1", "1BAD=x", "NOEQ", NULL };
	sh = xcalloc(1, sizeof *sh);
	sh->arg0 = xstrdup("whelk");
	sh->jobs = jobs_create();	/* read's read-ahead lives there */
	vars_init(sh, env);
}

static void teardown(void)
{
	vars_finish(sh);
	jobs_destroy(sh->jobs);
	free(sh->arg0);
	free(sh);
}

static void params(int n, ...)
{
	char *argv[16];
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	shell_set_params(sh, n, argv);
}

/* Expand one word into fields shown as "[a][b]"; "ERR" on error.  Frees w. */
static char *fields(struct word *w)
{
	struct vec words = VEC_INIT, out = VEC_INIT;
	vec_push(&words, w);
	int r = expand_words(sh, &words, &out);
	struct strbuf sb = STRBUF_INIT;
	if (r < 0)
		sb_append(&sb, "ERR");
	for (size_t i = 0; i < out.len; i++)
		sb_printf(&sb, "[%s]", (char *)out.items[i]);
	vec_free_all(&out, free);
	vec_free(&words);
	wfree(w);
	return sb_finish(&sb);
}

static char *str(struct word *w)
{
	char *s = NULL;
	if (expand_word_str(sh, w, 0, &s) < 0)
		s = xstrdup("ERR");
	wfree(w);
	return s;
}

#define CHECK_FIELDS(w, want) do { \
	char *got_ = fields(w); \
	ck_assert_str_eq(got_, want); \
	free(got_); } while (0)

#define CHECK_STR(w, want) do { \
	char *got_ = str(w); \
	ck_assert_str_eq(got_, want); \
	free(got_); } while (0)

/* ---------------------------------------------------------- variables */

START_TEST(test_vars_import)
{
	ck_assert_str_eq(var_get(sh, "HOME"), "/home/u");
	ck_assert_ptr_null(var_get(sh, "1BAD"));
	ck_assert_ptr_null(var_get(sh, "NOEQ"));
	ck_assert_str_eq(var_get(sh, "IFS"), " \t\n");
	ck_assert_str_eq(var_get(sh, "OPTIND"), "1");
	ck_assert_str_eq(var_get(sh, "PS2"), "> ");
	ck_assert(var_lookup(sh, "EXP")->flags & VAR_EXPORT);
	ck_assert(!(var_lookup(sh, "IFS")->flags & VAR_EXPORT));
	ck_assert_ptr_nonnull(var_get(sh, "PWD"));
}
END_TEST

START_TEST(test_vars_special)
{
	params(2, "a", "b");
	sh->last_status = 42;
	sh->lineno = 7;
	ck_assert_str_eq(var_get(sh, "?"), "42");
	ck_assert_str_eq(var_get(sh, "#"), "2");
	ck_assert_str_eq(var_get(sh, "1"), "a");
	ck_assert_str_eq(var_get(sh, "2"), "b");
	ck_assert_ptr_null(var_get(sh, "3"));
	ck_assert_str_eq(var_get(sh, "0"), "whelk");
	ck_assert_str_eq(var_get(sh, "LINENO"), "7");
	ck_assert_ptr_null(var_get(sh, "!"));
	sh->opt.errexit = sh->opt.xtrace = true;
	ck_assert_str_eq(var_get(sh, "-"), "ex");
}
END_TEST

START_TEST(test_vars_readonly_and_env)
{
	ck_assert_int_eq(var_set(sh, "R", "1", VAR_READONLY), 0);
	ck_assert_int_eq(var_set(sh, "R", "2", 0), -1);
	ck_assert_int_eq(var_unset(sh, "R"), -1);
	ck_assert_str_eq(var_get(sh, "R"), "1");

	char **e1 = var_environ(sh);
	char **e2 = var_environ(sh);
	ck_assert_ptr_eq(e1, e2);	/* cached */
	var_set(sh, "NEWX", "v", VAR_EXPORT);
	char **e3 = var_environ(sh);
	ck_assert_ptr_ne(e1, e3);
	bool seen = false;
	for (char **e = e3; *e; e++)
		seen |= strcmp(*e, "NEWX=v") == 0;
	ck_assert(seen);
	var_environ_free(e1);	/* still valid after the rebuild */
	var_environ_free(e2);
	var_environ_free(e3);

	sh->opt.allexport = true;
	var_set(sh, "AX", "1", 0);
	ck_assert(var_lookup(sh, "AX")->flags & VAR_EXPORT);
}
END_TEST

START_TEST(test_vars_frames_and_locals)
{
	var_set(sh, "x", "global", 0);
	params(1, "outer");
	char *fargv[] = { "f1", "f2" };
	frame_push(sh, 2, fargv, true);
	ck_assert_str_eq(var_get(sh, "1"), "f1");
	ck_assert_int_eq(var_make_local(sh, "x"), 0);
	ck_assert_str_eq(var_get(sh, "x"), "global");	/* dash: kept */
	var_set(sh, "x", "local", 0);
	var_make_local(sh, "y");
	var_set(sh, "y", "new", 0);
	sh->opt.xtrace = false;
	var_make_local(sh, "-");
	sh->opt.xtrace = true;
	frame_pop(sh);
	ck_assert_str_eq(var_get(sh, "x"), "global");
	ck_assert_ptr_null(var_get(sh, "y"));
	ck_assert(!sh->opt.xtrace);
	ck_assert_str_eq(var_get(sh, "1"), "outer");
	ck_assert_int_eq(var_make_local(sh, "x"), -1);	/* not in a function */
}
END_TEST

START_TEST(test_var_quote)
{
	char *q = var_quote("it's");
	ck_assert_str_eq(q, "'it'\\''s'");
	free(q);
}
END_TEST

/* ------------------------------------------------------ field splitting */

static void ifs_case(const char *ifs, const char *value, const char *want)
{
	if (ifs)
		var_set(sh, "IFS", ifs, 0);
	else
		var_unset(sh, "IFS");
	var_set(sh, "v", value, 0);
	CHECK_FIELDS(param("v"), want);
}

START_TEST(test_split_table)
{
	ifs_case(" \t\n", "  a  b\t\nc  ", "[a][b][c]");
	ifs_case(NULL, "  a  b  ", "[a][b]");
	ifs_case("", "  a  b  ", "[  a  b  ]");
	ifs_case(":", "a::b", "[a][][b]");
	ifs_case(":", ":a", "[][a]");
	ifs_case(":", "a:", "[a]");
	ifs_case(":", "a::", "[a][]");
	ifs_case(":", ":", "[]");
	ifs_case(" :", "a : b", "[a][b]");
	ifs_case(" :", " :a", "[][a]");
	ifs_case(" :", "a : : b", "[a][][b]");
	ifs_case(" :", "a  ", "[a]");
	ifs_case(":", "", "");
	ifs_case(" ", "   ", "");
	ifs_case("x", "axbxxc", "[a][b][][c]");
}
END_TEST

START_TEST(test_split_only_expansions)
{
	var_set(sh, "v", "1 2", 0);
	/* literal text never splits; the expansion's does */
	CHECK_FIELDS(cat(3, lit("a"), param("v"), lit("b")), "[a1][2b]");
	CHECK_FIELDS(dq(1, param("v")), "[1 2]");
	var_set(sh, "IFS", "1", 0);
	CHECK_FIELDS(arith("10+1"), "[][]");	/* "11" splits on IFS=1 */
}
END_TEST

START_TEST(test_empty_fields)
{
	var_set(sh, "e", "", 0);
	CHECK_FIELDS(dq(0), "[]");
	CHECK_FIELDS(sq(""), "[]");
	CHECK_FIELDS(param("e"), "");
	CHECK_FIELDS(param("unset_var"), "");
	CHECK_FIELDS(dq(1, param("e")), "[]");
	CHECK_FIELDS(cat(2, lit("a"), dq(0)), "[a]");
	CHECK_FIELDS(cat(2, param("e"), sq("")), "[]");
}
END_TEST

/* ------------------------------------------------------- "$@" and "$*" */

START_TEST(test_at_star)
{
	params(0);
	CHECK_FIELDS(dq(1, param("@")), "");
	CHECK_FIELDS(cat(2, dq(1, param("@")), dq(0)), "[]");
	CHECK_FIELDS(dq(3, lit("a"), param("@"), lit("b")), "[ab]");
	CHECK_FIELDS(dq(1, param("*")), "[]");
	CHECK_FIELDS(param("@"), "");

	params(3, "a b", "", "c");
	CHECK_FIELDS(dq(1, param("@")), "[a b][][c]");
	CHECK_FIELDS(dq(3, lit("x"), param("@"), lit("y")), "[xa b][][cy]");
	CHECK_FIELDS(param("@"), "[a][b][c]");
	CHECK_FIELDS(param("*"), "[a][b][c]");
	CHECK_FIELDS(dq(1, param("*")), "[a b  c]");
	var_set(sh, "IFS", ":", 0);
	CHECK_FIELDS(dq(1, param("*")), "[a b::c]");
	CHECK_FIELDS(param("*"), "[a b][c]");	/* dash, yash */
	CHECK_STR(param("*"), "a b::c");
	var_set(sh, "IFS", "", 0);
	CHECK_FIELDS(dq(1, param("*")), "[a bc]");
	CHECK_FIELDS(param("@"), "[a b][c]");
	var_unset(sh, "IFS");
	CHECK_FIELDS(dq(1, param("*")), "[a b  c]");

	params(2, "1", "2");
	CHECK_FIELDS(pop("#", PARAM_PLAIN, false, NULL), "[2]");
	CHECK_FIELDS(pop("@", PARAM_LENGTH, false, NULL), "[2]");
}
END_TEST

/* ----------------------------------------------------- parameter forms */

/* ${v op w} on set ("s"), empty and unset v. */
static void op_case(enum param_op op, bool colon, const char *set,
		    const char *empty, const char *unset)
{
	var_set(sh, "v", "s", 0);
	CHECK_STR(pop("v", op, colon, lit("w")), set);
	var_set(sh, "v", "", 0);
	CHECK_STR(pop("v", op, colon, lit("w")), empty);
	var_unset(sh, "v");
	CHECK_STR(pop("v", op, colon, lit("w")), unset);
}

START_TEST(test_param_table)
{
	op_case(PARAM_DEFAULT, true, "s", "w", "w");
	op_case(PARAM_DEFAULT, false, "s", "", "w");
	op_case(PARAM_ALT, true, "w", "", "");
	op_case(PARAM_ALT, false, "w", "w", "");
	op_case(PARAM_ASSIGN, true, "s", "w", "w");
	ck_assert_str_eq(var_get(sh, "v"), "w");
	op_case(PARAM_ASSIGN, false, "s", "", "w");
	op_case(PARAM_ERROR, true, "s", "ERR", "ERR");
	op_case(PARAM_ERROR, false, "s", "", "ERR");
}
END_TEST

START_TEST(test_param_assign_errors)
{
	params(0);
	CHECK_STR(pop("1", PARAM_ASSIGN, false, lit("x")), "ERR");
	var_set(sh, "r", NULL, VAR_READONLY);
	CHECK_STR(pop("r", PARAM_ASSIGN, false, lit("x")), "ERR");
}
END_TEST

START_TEST(test_param_default_splits)
{
	CHECK_FIELDS(pop("nope", PARAM_DEFAULT, false, lit("a  b")), "[a][b]");
	CHECK_FIELDS(dq(1, pop("nope", PARAM_DEFAULT, false, lit("a  b"))), "[a  b]");
}
END_TEST

START_TEST(test_param_length_trim)
{
	var_set(sh, "p", "/usr/local/lib.tar.gz", 0);
	CHECK_STR(pop("p", PARAM_LENGTH, false, NULL), "21");
	CHECK_STR(pop("p", PARAM_TRIM_PREFIX, false, lit("*/")), "usr/local/lib.tar.gz");
	CHECK_STR(pop("p", PARAM_TRIM_PREFIX_LONG, false, lit("*/")), "lib.tar.gz");
	CHECK_STR(pop("p", PARAM_TRIM_SUFFIX, false, lit(".*")), "/usr/local/lib.tar");
	CHECK_STR(pop("p", PARAM_TRIM_SUFFIX_LONG, false, lit(".*")), "/usr/local/lib");
	CHECK_STR(pop("p", PARAM_TRIM_SUFFIX, false, lit("nomatch")), "/usr/local/lib.tar.gz");
	/* a quoted pattern matches literally */
	var_set(sh, "q", "*a*b", 0);
	CHECK_STR(pop("q", PARAM_TRIM_PREFIX, false, dq(1, lit("*"))), "a*b");
	CHECK_STR(pop("q", PARAM_TRIM_PREFIX, false, sq("*a")), "*b");
	CHECK_STR(pop("unset_x", PARAM_LENGTH, false, NULL), "0");
}
END_TEST

START_TEST(test_nounset)
{
	sh->opt.nounset = true;
	params(0);
	CHECK_STR(param("nope"), "ERR");
	CHECK_STR(param("1"), "ERR");
	CHECK_STR(pop("nope", PARAM_LENGTH, false, NULL), "ERR");
	CHECK_STR(pop("nope", PARAM_TRIM_PREFIX, false, lit("a")), "ERR");
	CHECK_STR(pop("nope", PARAM_DEFAULT, false, lit("d")), "d");
	CHECK_STR(pop("nope", PARAM_ALT, false, lit("d")), "");
	CHECK_FIELDS(dq(1, param("@")), "");
	CHECK_FIELDS(param("*"), "");
}
END_TEST

/* --------------------------------------------- tilde, cmdsub, arith */

START_TEST(test_tilde)
{
	CHECK_STR(tilde(""), "/home/u");
	CHECK_STR(cat(2, tilde(""), lit("/x")), "/home/u/x");
	CHECK_STR(tilde("root"), "/root");
	CHECK_STR(tilde("no_such_user_xyz"), "~no_such_user_xyz");
	var_set(sh, "HOME", "/a b", 0);
	CHECK_FIELDS(tilde(""), "[/a b]");	/* never split */
}
END_TEST

START_TEST(test_cmdsub)
{
	CHECK_STR(cmdsub("out\n\n\n"), "out");
	ck_assert_int_eq(sh->last_status, 3);
	CHECK_FIELDS(cmdsub("a b\nc\n"), "[a][b][c]");
	CHECK_FIELDS(dq(1, cmdsub("a b\nc\n")), "[a b\nc]");
	CHECK_FIELDS(cmdsub("\n\n"), "");
	CHECK_FIELDS(dq(1, cmdsub("\n")), "[]");
}
END_TEST

START_TEST(test_arith)
{
	var_set(sh, "n", "5", 0);
	CHECK_STR(arith("n*2+1"), "11");
	CHECK_STR(arith("m=3"), "3");
	ck_assert_str_eq(var_get(sh, "m"), "3");
	CHECK_STR(arith("1/0"), "ERR");
	CHECK_STR(arith("1+"), "ERR");
	CHECK_STR(arith(""), "0");
}
END_TEST

/* ------------------------------------------- globbing and quote removal */

static char tmpdir[64];
static char oldcwd[4096];

static void glob_setup(void)
{
	setup();
	strcpy(tmpdir, "/tmp/whelk-expand-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	ck_assert_ptr_nonnull(getcwd(oldcwd, sizeof oldcwd));
	ck_assert_int_eq(chdir(tmpdir), 0);
	const char *names[] = { "a.c", "b.c", ".h.c", "*.c", NULL };
	for (int i = 0; names[i]; i++)
		close(open(names[i], O_CREAT | O_WRONLY, 0600));
}

static void glob_teardown(void)
{
	const char *names[] = { "a.c", "b.c", ".h.c", "*.c", NULL };
	for (int i = 0; names[i]; i++)
		unlink(names[i]);
	ck_assert_int_eq(chdir(oldcwd), 0);
	rmdir(tmpdir);
	teardown();
}

START_TEST(test_glob)
{
	CHECK_FIELDS(lit("*.c"), "[*.c][a.c][b.c]");
	CHECK_FIELDS(dq(1, lit("*.c")), "[*.c]");
	CHECK_FIELDS(cat(2, sq("*"), lit(".c")), "[*.c]");
	CHECK_FIELDS(lit("*.nomatch"), "[*.nomatch]");
	var_set(sh, "pat", "[ab].c", 0);
	CHECK_FIELDS(param("pat"), "[a.c][b.c]");
	CHECK_FIELDS(dq(1, param("pat")), "[[ab].c]");
	sh->opt.noglob = true;
	CHECK_FIELDS(lit("*.c"), "[*.c]");
	CHECK_FIELDS(param("pat"), "[[ab].c]");
}
END_TEST

START_TEST(test_pattern_form)
{
	struct word *w = cat(3, lit("*"), dq(1, lit("*?")), sq("["));
	char *p = NULL;
	ck_assert_int_eq(expand_word_pattern(sh, w, &p), 0);
	ck_assert_str_eq(p, "*\\*\\?\\[");
	free(p);
	wfree(w);
}
END_TEST

/* --------------------------------------------------------------- read */

/* Feed input to `read args...` on fd 0 and return "status [v1][v2]...". */
static char *run_read(const char *input, int argc, char **argv)
{
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], input, strlen(input)), (ssize_t)strlen(input));
	close(fds[1]);
	int saved = dup(0);
	dup2(fds[0], 0);
	close(fds[0]);
	sh->current_builtin = "read";
	int st = builtin_read(sh, argc, argv);
	dup2(saved, 0);
	close(saved);
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%d ", st);
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-') {
			i += argv[i][1] == 'd' && !argv[i][2];
			continue;
		}
		const char *v = var_get(sh, argv[i]);
		sb_printf(&sb, "[%s]", v ? v : "(unset)");
	}
	return sb_finish(&sb);
}

#define CHECK_READ(input, want, ...) do { \
	char *argv_[] = { "read", __VA_ARGS__, NULL }; \
	char *got_ = run_read(input, (int)(sizeof argv_ / sizeof *argv_) - 1, argv_); \
	ck_assert_str_eq(got_, want); \
	free(got_); } while (0)

START_TEST(test_read_split)
{
	CHECK_READ("  a  b  c  \n", "0 [a][b  c]", "x", "y");
	CHECK_READ("one\n", "0 [one][]", "x", "y");
	CHECK_READ("abc", "1 [abc]", "x");
	CHECK_READ("", "1 []", "x");
	CHECK_READ("a\\ b\\\nc d\n", "0 [a bc][d]", "x", "y");
	CHECK_READ("a\\ b\n", "0 [a\\][b]", "-r", "x", "y");
	CHECK_READ("a;b;c", "0 [a][]", "-d;", "x", "y");
	CHECK_READ("a b", "1 [a][b]", "-d", "", "x", "y");
	var_set(sh, "IFS", ":", 0);
	CHECK_READ("a:b:\n", "0 [a][b]", "x", "y");
	CHECK_READ("a:b::\n", "0 [a][b::]", "x", "y");
	CHECK_READ("a:\n", "0 [a][]", "x", "y");
	CHECK_READ("a:\n", "0 [a]", "x");
	CHECK_READ(":a\n", "0 [][a]", "x", "y");
}
END_TEST

START_TEST(test_read_leaves_rest)
{
	/* on a pipe, read must not take a byte past the newline */
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], "l1\nl2\n", 6), 6);
	close(fds[1]);
	int saved = dup(0);
	dup2(fds[0], 0);
	close(fds[0]);
	char *argv[] = { "read", "x", NULL };
	ck_assert_int_eq(builtin_read(sh, 2, argv), 0);
	char rest[8] = { 0 };
	ck_assert_int_eq(read(0, rest, sizeof rest - 1), 3);
	ck_assert_str_eq(rest, "l2\n");
	dup2(saved, 0);
	close(saved);
}
END_TEST

START_TEST(test_read_seeks_back)
{
	char path[] = "/tmp/whelk-read-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "l1\nl2\nl3\n", 9), 9);
	lseek(fd, 0, SEEK_SET);
	int saved = dup(0);
	dup2(fd, 0);
	close(fd);
	unlink(path);
	char *argv[] = { "read", "x", NULL };
	ck_assert_int_eq(builtin_read(sh, 2, argv), 0);
	ck_assert_str_eq(var_get(sh, "x"), "l1");
	/* The block stays with read (the file offset is at its end)... */
	ck_assert_int_eq(sh->jobs->ra.fd, 0);
	ck_assert_int_eq(lseek(0, 0, SEEK_CUR), 9);
	ck_assert_int_eq(builtin_read(sh, 2, argv), 0);
	ck_assert_str_eq(var_get(sh, "x"), "l2");
	/* ...until something else may read: then the offset is put back
	   just after the last line taken. */
	job_readahead_sync(sh->jobs);
	ck_assert_int_eq(sh->jobs->ra.fd, -1);
	ck_assert_int_eq(lseek(0, 0, SEEK_CUR), 6);
	ck_assert_int_eq(builtin_read(sh, 2, argv), 0);
	ck_assert_str_eq(var_get(sh, "x"), "l3");
	/* A dup2 onto the descriptor gives the read-ahead back first. */
	int other = dup(saved);
	job_dup2(sh->jobs, other, 0);
	close(other);
	ck_assert_int_eq(sh->jobs->ra.fd, -1);
	dup2(saved, 0);
	close(saved);
}
END_TEST

/* ------------------------------------------------------------ getopts */

START_TEST(test_getopts)
{
	char *argv[] = { "getopts", "ab:c", "o", "-ac", "-bfoo", "-b", "bar", "--", "x", NULL };
	const char *want[][3] = {
		{ "a", NULL, "2" }, { "c", NULL, "2" }, { "b", "foo", "3" },
		{ "b", "bar", "5" },
	};
	for (size_t i = 0; i < 4; i++) {
		ck_assert_int_eq(builtin_getopts(sh, 9, argv), 0);
		ck_assert_str_eq(var_get(sh, "o"), want[i][0]);
		if (want[i][1])
			ck_assert_str_eq(var_get(sh, "OPTARG"), want[i][1]);
		else
			ck_assert_ptr_null(var_get(sh, "OPTARG"));
		ck_assert_str_eq(var_get(sh, "OPTIND"), want[i][2]);
	}
	ck_assert_int_eq(builtin_getopts(sh, 9, argv), 1);
	ck_assert_str_eq(var_get(sh, "o"), "?");
	ck_assert_str_eq(var_get(sh, "OPTIND"), "6");
	var_set(sh, "OPTIND", "1", 0);
	ck_assert_int_eq(builtin_getopts(sh, 9, argv), 0);
	ck_assert_str_eq(var_get(sh, "o"), "a");
}
END_TEST

START_TEST(test_getopts_silent)
{
	char *argv[] = { "getopts", ":a:", "o", "-x", "-a", NULL };
	ck_assert_int_eq(builtin_getopts(sh, 5, argv), 0);
	ck_assert_str_eq(var_get(sh, "o"), "?");
	ck_assert_str_eq(var_get(sh, "OPTARG"), "x");
	ck_assert_int_eq(builtin_getopts(sh, 5, argv), 0);
	ck_assert_str_eq(var_get(sh, "o"), ":");
	ck_assert_str_eq(var_get(sh, "OPTARG"), "a");
}
END_TEST

static Suite *expand_suite(void)
{
	Suite *s = suite_create("expand");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_vars_import);
	tcase_add_test(tc, test_vars_special);
	tcase_add_test(tc, test_vars_readonly_and_env);
	tcase_add_test(tc, test_vars_frames_and_locals);
	tcase_add_test(tc, test_var_quote);
	tcase_add_test(tc, test_split_table);
	tcase_add_test(tc, test_split_only_expansions);
	tcase_add_test(tc, test_empty_fields);
	tcase_add_test(tc, test_at_star);
	tcase_add_test(tc, test_param_table);
	tcase_add_test(tc, test_param_assign_errors);
	tcase_add_test(tc, test_param_default_splits);
	tcase_add_test(tc, test_param_length_trim);
	tcase_add_test(tc, test_nounset);
	tcase_add_test(tc, test_tilde);
	tcase_add_test(tc, test_cmdsub);
	tcase_add_test(tc, test_arith);
	tcase_add_test(tc, test_pattern_form);
	tcase_add_test(tc, test_read_split);
	tcase_add_test(tc, test_read_leaves_rest);
	tcase_add_test(tc, test_read_seeks_back);
	tcase_add_test(tc, test_getopts);
	tcase_add_test(tc, test_getopts_silent);
	suite_add_tcase(s, tc);
	TCase *tg = tcase_create("glob");
	tcase_add_checked_fixture(tg, glob_setup, glob_teardown);
	tcase_add_test(tg, test_glob);
	suite_add_tcase(s, tg);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(expand_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
