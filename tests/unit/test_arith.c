/* test_arith.c: unit tests of the $((...)) parser (parser/arith.c) and evaluator (exec/arith_eval.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "exec/arith_eval.h"
#include "parser/arith.h"

/* A tiny variable store: up to 8 name=value pairs. */
struct store {
	char *names[8];
	char *values[8];
	int n;
	bool readonly_y;	/* refuse assignments to y */
};

static const char *store_get(void *ctx, const char *name)
{
	struct store *s = ctx;
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0)
			return s->values[i];
	return NULL;
}

static int store_set(void *ctx, const char *name, const char *value)
{
	struct store *s = ctx;
	if (s->readonly_y && strcmp(name, "y") == 0)
		return -1;
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0) {
			free(s->values[i]);
			s->values[i] = xstrdup(value);
			return 0;
		}
	ck_assert_int_lt(s->n, 8);
	s->names[s->n] = xstrdup(name);
	s->values[s->n++] = xstrdup(value);
	return 0;
}

static void store_free(struct store *s)
{
	for (int i = 0; i < s->n; i++) {
		free(s->names[i]);
		free(s->values[i]);
	}
	s->n = 0;
}

static struct store st;
static struct arith_vars vars = { &st, store_get, store_set, false };

/* Evaluate text; returns 0 and *v, or -1 with *msg (owned by caller). */
static int run(const char *text, int64_t *v, char **msg)
{
	char *err = NULL;
	struct arith_node *n = arith_parse(text, &err);
	if (!n) {
		ck_assert_ptr_nonnull(err);
		*msg = err;
		return -1;
	}
	ck_assert_ptr_null(err);
	int r = arith_eval(n, &vars, v, msg);
	arith_destroy(n);
	return r;
}

static void expect(const char *text, int64_t want)
{
	int64_t v = 0;
	char *msg = NULL;
	int r = run(text, &v, &msg);
	ck_assert_msg(r == 0, "%s: unexpected error %s", text, msg);
	ck_assert_msg(v == want, "%s: got %lld want %lld", text,
		      (long long)v, (long long)want);
}

static void expect_error(const char *text, const char *substr)
{
	int64_t v = 0;
	char *msg = NULL;
	int r = run(text, &v, &msg);
	ck_assert_msg(r == -1, "%s: expected an error, got %lld", text,
		      (long long)v);
	ck_assert_msg(strstr(msg, substr) != NULL, "%s: message '%s' lacks '%s'",
		      text, msg, substr);
	free(msg);
}

START_TEST(test_constants)
{
	expect("42", 42);
	expect("0x1f", 31);
	expect("0X1F", 31);
	expect("017", 15);
	expect("0", 0);
	expect("", 0);
	expect("   ", 0);
	expect("9223372036854775807", INT64_MAX);
	expect("-9223372036854775808", INT64_MIN);
	expect("2#1010", 10);
	expect("16#fF", 255);
	expect("36#z", 35);
	expect("64#Z", 61);
	expect("64#@", 62);
	expect("64#_", 63);
	expect("10#08", 8);
	expect_error("08", "invalid number");
	expect_error("1#1", "invalid number");
	expect_error("16#", "invalid number");
	expect_error("0x", "invalid number");
	expect_error("1a", "invalid number");
	expect_error("9223372036854775808", "out of range");
	expect_error("99999999999999999999999", "out of range");
}
END_TEST

START_TEST(test_operators)
{
	expect("1+2*3", 7);
	expect("(1+2)*3", 9);
	expect("10-4-3", 3);
	expect("64/4/2", 8);
	expect("-7/2", -3);
	expect("-7%3", -1);
	expect("7%-3", 1);
	expect("1<<4", 16);
	expect("-16>>2", -4);
	expect("1<<63", INT64_MIN);
	expect("1<2==1", 1);
	expect("1<<2+1", 8);
	expect("1|2^3&4", 3);
	expect("12&10", 8);
	expect("~0", -1);
	expect("!0", 1);
	expect("!7", 0);
	expect("- -5", 5);
	expect("++3", 3);
	expect("--3", 3);
	expect("-(-5)", 5);
	expect("1--1", 2);
	expect("1++1", 2);
	expect("2**10", 1024);
	expect("2**3**2", 512);
	expect("-2**2", 4);
	expect("2*3**2", 18);
	expect("0**0", 1);
	expect("(-3)**3", -27);
	expect("1,2,3", 3);
	expect("1 ? 2, 3 : 4", 3);
	expect("2>=3", 0);
	expect("3!=4", 1);
	expect("1&&2", 1);
	expect("0||3", 1);
	expect("0?1:0?2:3", 3);
	expect("1?10:20", 10);
	expect("1 ? 2 : 3 ? 4 : 5", 2);
}
END_TEST

START_TEST(test_variables)
{
	store_free(&st);
	store_set(&st, "x", "5");
	store_set(&st, "sp", " 12 ");
	store_set(&st, "hex", "0x10");
	store_set(&st, "neg", "-3");
	store_set(&st, "bad", "1+2");
	store_set(&st, "e", "");
	expect("x+1", 6);
	expect("sp", 12);
	expect("hex", 16);
	expect("neg*2", -6);
	expect("unset_var+1", 1);
	expect("e", 0);
	expect_error("bad", "bad: bad number '1+2'");
	expect("x=7", 7);
	ck_assert_str_eq(store_get(&st, "x"), "7");
	expect("x+=3", 10);
	expect("x<<=1", 20);
	expect("x%=6", 2);
	expect("a=b=4", 4);
	ck_assert_str_eq(store_get(&st, "a"), "4");
	ck_assert_str_eq(store_get(&st, "b"), "4");
	expect_error("1=2", "non-variable");
	expect_error("(x)=2", "non-variable");
	expect("x=5", 5);
	expect("x++", 5);
	ck_assert_str_eq(store_get(&st, "x"), "6");
	expect("++x", 7);
	expect("x--", 7);
	expect("--x", 5);
	ck_assert_str_eq(store_get(&st, "x"), "5");
	expect("x++ + ++x", 12);
	expect("x**=2", 49);
	expect("x=1, x+1", 2);
	expect_error("bad++", "bad number");
	expect_error("++x++", "needs a variable");
	/* set -u: reading an unset variable fails, assigning one does not */
	store_free(&st);
	store_set(&st, "e", "");
	vars.nounset = true;
	expect_error("unset_var+1", "unset_var: parameter not set");
	expect("e", 0);
	expect("u=3", 3);
	expect("0 && unset_var2", 0);
	vars.nounset = false;
	store_free(&st);
}
END_TEST

START_TEST(test_short_circuit)
{
	store_free(&st);
	store_set(&st, "x", "0");
	expect("0 && (x=5)", 0);
	expect("1 || (x=5)", 1);
	expect("1 ? 2 : (x=5)", 2);
	expect("0 ? (x=5) : 3", 3);
	ck_assert_str_eq(store_get(&st, "x"), "0");
	expect("0 && 1/0", 0);
	expect("1 || 1/0", 1);
	expect("1 && (x=5)", 1);
	ck_assert_str_eq(store_get(&st, "x"), "5");
	store_free(&st);
}
END_TEST

START_TEST(test_errors)
{
	expect_error("1/0", "division by zero");
	expect_error("1%0", "division by zero");
	expect_error("-9223372036854775808 / -1", "overflow");
	expect_error("-9223372036854775808 % -1", "overflow");
	expect_error("9223372036854775807+1", "overflow");
	expect_error("-9223372036854775807-2", "overflow");
	expect_error("9223372036854775807*2", "overflow");
	expect_error("-9223372036854775807*-2", "overflow");
	expect_error("4611686018427387904*-3", "overflow");
	expect("4611686018427387904*-2", INT64_MIN);
	expect_error("-(-9223372036854775807-1)", "overflow");
	expect_error("1<<64", "shift count");
	expect_error("1<<-1", "shift count");
	expect_error("1>>64", "shift count");
	expect_error("1 +", "arithmetic syntax error");
	expect_error("(1", "missing ')'");
	expect_error("1)", "unmatched ')'");
	expect_error("1 ? 2", "missing ':'");
	expect_error("2**-1", "negative exponent");
	expect_error("3**40", "overflow");
	expect_error("65#1", "invalid number");
	expect("37#a", 10);
	expect_error("2#12", "invalid number");
	expect_error("(x)++", "arithmetic syntax error");
	expect_error("4 2", "arithmetic syntax error");
	expect_error("'a'", "invalid character");
	expect_error("x=5 3", "arithmetic syntax error");
	store_free(&st);
	st.readonly_y = true;
	expect_error("y=1", "y:");
	st.readonly_y = false;
}
END_TEST

/* Hostile nesting: a clean error, never a stack overflow (issue 7). */
static char *repeat(const char *head, const char *unit, size_t times,
		    const char *tail)
{
	size_t ul = strlen(unit);
	char *s = xmalloc(strlen(head) + ul * times + strlen(tail) + 1);
	strcpy(s, head);
	char *p = s + strlen(head);
	for (size_t i = 0; i < times; i++, p += ul)
		memcpy(p, unit, ul);
	strcpy(p, tail);
	return s;
}

START_TEST(test_depth)
{
	char *s = repeat("", "(", 100000, "1");
	expect_error(s, "nested too deeply");
	free(s);
	s = repeat("", "-", 100000, "1");
	expect_error(s, "nested too deeply");
	free(s);
	s = repeat("1", "+1", 100000, "");
	expect_error(s, "too deeply");
	free(s);
	s = repeat("", "1?", 100000, "1");
	expect_error(s, "too deeply");
	free(s);
	s = repeat("", "x=", 100000, "1");
	expect_error(s, "too deeply");
	free(s);
	/* Moderate nesting is fine. */
	s = repeat("", "(", 500, "7");
	char *t = repeat(s, ")", 500, "");
	expect(t, 7);
	free(s);
	free(t);
	s = repeat("0", "+1", 5000, "");
	expect(s, 5000);
	free(s);
}
END_TEST

START_TEST(test_dump)
{
	char *err = NULL;
	struct arith_node *n = arith_parse("x += 1 + 2 * -y", &err);
	ck_assert_ptr_nonnull(n);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	arith_dump(f, n, 2);
	fclose(f);
	ck_assert_str_eq(buf,
			 "  assign x +=\n"
			 "    binary +\n"
			 "      num 1\n"
			 "      binary *\n"
			 "        num 2\n"
			 "        unary -\n"
			 "          var y\n");
	free(buf);
	arith_destroy(n);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("arith");
	TCase *tc = tcase_create("arith");
	tcase_add_test(tc, test_constants);
	tcase_add_test(tc, test_operators);
	tcase_add_test(tc, test_variables);
	tcase_add_test(tc, test_short_circuit);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_depth);
	tcase_add_test(tc, test_dump);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
