/* test.c: the test and [ builtins (XCU test) — the POSIX algorithm by argument count, then a parser for longer expressions. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/mbchar.h"
#include "builtins/builtins.h"
#include "exec/shell.h"
#include "exec/testops.h"

/*
 * XCU test decides by the NUMBER of arguments first, which is what makes
 * `test "$x" = y` safe whatever $x holds (even "!" or "("):
 *   0: false.   1: true when the argument is not empty.
 *   2: "! s" negates the 1-argument test; "-op s" is a unary primary.
 *   3: "a op b" with a binary primary wins; else "! a b" negates the
 *      2-argument test; else "( s )" is the 1-argument test.
 *   4: "! a b c" negates the 3-argument test; "( a b )" is the 2-argument
 *      test.
 *   more (XSI, obsolescent but universal): a recursive-descent parser over
 *      or := and {-o and}, and := not {-a not}, not := ! not | primary,
 *      primary := ( or ) | -op s | s op s | s.
 * Results: 0 true, 1 false, 2 an error (bad syntax, a bad integer).
 */

enum { TEST_MAX_NEST = 1000 };

struct tst {
	struct shell *sh;	/* borrowed */
	char **argv;		/* borrowed: the operands (no "test"/"[") */
	int argc;
	int pos;		/* next operand (the general parser) */
	int nest;
	bool error;		/* a message was printed: status 2 */
};

static bool is_unary(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghLnprSstuvwxzk", s[1]);
}

static bool is_binary(const char *s)
{
	static const char *const ops[] = {
		"=", "!=", "<", ">", "-eq", "-ne", "-gt", "-ge", "-lt", "-le",
		"-nt", "-ot", "-ef", "==",
	};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strcmp(s, ops[i]) == 0)
			return true;
	return false;
}

static bool syntax_error(struct tst *t, const char *what, const char *arg)
{
	if (t->error)
		return false;	/* report only the first */
	if (arg)
		builtin_error(t->sh, "%s: %s", arg, what);
	else
		builtin_error(t->sh, "%s", what);
	t->error = true;
	return false;
}

/* An integer operand: optional blanks and sign, decimal digits. */
static bool integer(struct tst *t, const char *s, intmax_t *v)
{
	char *end;
	errno = 0;
	const char *p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	if ((*p == '-' || *p == '+') ? p[1] >= '0' && p[1] <= '9'
	    : *p >= '0' && *p <= '9') {
		*v = strtoimax(p, &end, 10);
		while (*end == ' ' || *end == '\t')
			end++;
		if (*end == '\0' && errno != ERANGE)
			return true;
	}
	return syntax_error(t, errno == ERANGE ? "number out of range"
			    : "bad number", s);
}

static bool unary(struct tst *t, const char *op, const char *arg)
{
	switch (op[1]) {
	case 'n': return arg[0] != '\0';
	case 'z': return arg[0] == '\0';
	/* -v name (bash, ksh93, zsh): is the variable set, even to ""? */
	case 'v': return var_target_is_set(t->sh, arg);
	case 't': {
		intmax_t fd;
		return integer(t, arg, &fd) && fd >= 0 && fd <= INT32_MAX
			&& isatty((int)fd);
	}
	default: return test_file(op[1], arg);
	}
}

static bool binary(struct tst *t, const char *a, const char *op, const char *b)
{
	if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
		return strcmp(a, b) == 0;
	if (strcmp(op, "!=") == 0)
		return strcmp(a, b) != 0;
	if (strcmp(op, "<") == 0 || strcmp(op, ">") == 0) {
		mb_locale_ready();	/* collation order (Issue 8) */
		int k = strcoll(a, b);
		return op[0] == '<' ? k < 0 : k > 0;
	}
	if (strcmp(op, "-nt") == 0 || strcmp(op, "-ot") == 0
	    || strcmp(op, "-ef") == 0)
		return test_file_compare(a, op[1], b);
	intmax_t x, y;
	if (!integer(t, a, &x) || !integer(t, b, &y))
		return false;
	if (strcmp(op, "-eq") == 0) return x == y;
	if (strcmp(op, "-ne") == 0) return x != y;
	if (strcmp(op, "-gt") == 0) return x > y;
	if (strcmp(op, "-ge") == 0) return x >= y;
	if (strcmp(op, "-lt") == 0) return x < y;
	return x <= y;	/* -le */
}

/* ------------------------------------------- the general (XSI) parser */

static bool parse_or(struct tst *t);

static const char *peek(struct tst *t, int ahead)
{
	return t->pos + ahead < t->argc ? t->argv[t->pos + ahead] : NULL;
}

static bool parse_primary(struct tst *t)
{
	const char *a = peek(t, 0);
	if (!a)
		return syntax_error(t, "argument expected", NULL);
	const char *b = peek(t, 1);
	if (b && peek(t, 2) && is_binary(b)) {	/* s op s binds first */
		t->pos += 3;
		return binary(t, a, b, t->argv[t->pos - 1]);
	}
	if (strcmp(a, "(") == 0) {
		t->pos++;
		if (++t->nest > TEST_MAX_NEST)
			return syntax_error(t, "expression nested too deeply", NULL);
		bool r = parse_or(t);
		t->nest--;
		if (!peek(t, 0) || strcmp(peek(t, 0), ")") != 0)
			return syntax_error(t, "missing ')'", NULL);
		t->pos++;
		return r;
	}
	if (is_unary(a) && b) {
		t->pos += 2;
		return unary(t, a, b);
	}
	t->pos++;
	return a[0] != '\0';
}

static bool parse_not(struct tst *t)
{
	const char *a = peek(t, 0);
	if (a && strcmp(a, "!") == 0 && peek(t, 1)) {
		t->pos++;
		if (++t->nest > TEST_MAX_NEST)
			return syntax_error(t, "expression nested too deeply", NULL);
		bool r = !parse_not(t);
		t->nest--;
		return r;
	}
	return parse_primary(t);
}

static bool parse_and(struct tst *t)
{
	bool r = parse_not(t);
	while (!t->error && peek(t, 0) && strcmp(peek(t, 0), "-a") == 0) {
		t->pos++;
		bool rhs = parse_not(t);	/* always parsed: syntax */
		r = r && rhs;
	}
	return r;
}

static bool parse_or(struct tst *t)
{
	bool r = parse_and(t);
	while (!t->error && peek(t, 0) && strcmp(peek(t, 0), "-o") == 0) {
		t->pos++;
		bool rhs = parse_and(t);
		r = r || rhs;
	}
	return r;
}

/* ---------------------------------------- the algorithm by count */

static bool eval_n(struct tst *t, char **v, int n);

static bool eval_general(struct tst *t, char **v, int n)
{
	t->argv = v;
	t->argc = n;
	t->pos = 0;
	bool r = parse_or(t);
	if (!t->error && t->pos < n)
		syntax_error(t, "unexpected operand", v[t->pos]);
	return r;
}

static bool eval_n(struct tst *t, char **v, int n)
{
	bool bang = n >= 2 && strcmp(v[0], "!") == 0;
	switch (n) {
	case 0:
		return false;
	case 1:
		return v[0][0] != '\0';
	case 2:
		if (bang)
			return !eval_n(t, v + 1, 1);
		if (is_unary(v[0]))
			return unary(t, v[0], v[1]);
		return syntax_error(t, "unary operator expected", v[0]);
	case 3:
		if (is_binary(v[1]))
			return binary(t, v[0], v[1], v[2]);
		if (strcmp(v[1], "-a") == 0)	/* the XSI binary -a and -o */
			return v[0][0] && v[2][0];
		if (strcmp(v[1], "-o") == 0)
			return v[0][0] || v[2][0];
		if (bang)
			return !eval_n(t, v + 1, 2);
		if (strcmp(v[0], "(") == 0 && strcmp(v[2], ")") == 0)
			return eval_n(t, v + 1, 1);
		break;
	case 4:
		if (bang)
			return !eval_n(t, v + 1, 3);
		if (strcmp(v[0], "(") == 0 && strcmp(v[3], ")") == 0)
			return eval_n(t, v + 1, 2);
		break;
	default:
		break;
	}
	return eval_general(t, v, n);
}

int builtin_test(struct shell *sh, int argc, char **argv)
{
	if (strcmp(argv[0], "[") == 0) {
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
			builtin_error(sh, "missing ']'");
			return 2;
		}
		argc--;
	}
	struct tst t = { .sh = sh };
	bool r = eval_n(&t, argv + 1, argc - 1);
	if (t.error)
		return 2;
	return r ? 0 : 1;
}
