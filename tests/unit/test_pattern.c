/* test_pattern.c: unit tests of shell pattern matching (exec/pattern.c, XCU 2.13). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "exec/pattern.h"

#define YES(p, s) ck_assert_msg(pattern_match(p, s, 0), "%s should match %s", p, s)
#define NO(p, s) ck_assert_msg(!pattern_match(p, s, 0), "%s should not match %s", p, s)

START_TEST(test_basic)
{
	YES("", "");
	NO("", "a");
	YES("abc", "abc");
	NO("abc", "abd");
	YES("a?c", "abc");
	NO("a?c", "ac");
	YES("*", "");
	YES("*", "anything");
	YES("a*", "a");
	YES("a*c", "abbbc");
	NO("a*c", "abbbd");
	YES("*a*b*c*", "xxaxxbxxcxx");
	NO("*a*b*c*", "xxcxxbxxaxx");
	YES("**a", "a");
	YES("*.c", "main.c");
	NO("*.c", "main.h");
}
END_TEST

START_TEST(test_escapes)
{
	YES("\\*", "*");
	NO("\\*", "a");
	YES("\\?", "?");
	NO("\\?", "a");
	YES("\\[a]", "[a]");
	NO("\\[a]", "a");
	YES("a\\\\b", "a\\b");
	YES("x\\", "x\\");	/* trailing backslash is literal */
	YES("[\\]]", "]");
	YES("[\\!a]", "!");	/* escaped ! is a member, not negation */
	NO("[\\!a]", "b");
	YES("[a\\-c]", "-");
	NO("[a\\-c]", "b");
}
END_TEST

START_TEST(test_brackets)
{
	YES("[abc]", "b");
	NO("[abc]", "d");
	YES("[a-c]x", "bx");
	NO("[a-c]", "d");
	YES("[!a-c]", "d");
	NO("[!a-c]", "b");
	YES("[^a-c]", "d");
	YES("[]]", "]");
	YES("[]a]", "a");
	YES("[!]]", "a");
	NO("[!]]", "]");
	YES("[a-]", "-");
	YES("[-a]", "-");
	YES("[", "[");		/* unmatched [ is literal */
	YES("[ab", "[ab");
	NO("[ab", "a");
	YES("a[", "a[");
	YES("[[:alpha:]]", "q");
	NO("[[:alpha:]]", "1");
	YES("[[:digit:]]", "7");
	YES("[[:space:]]", " ");
	YES("[[:upper:]]", "Q");
	NO("[[:upper:]]", "q");
	YES("[[:lower:]]", "q");
	YES("[[:alnum:]]", "9");
	YES("[[:punct:]]", "!");
	YES("[[:xdigit:]]", "f");
	NO("[[:xdigit:]]", "g");
	YES("[[:cntrl:]]", "\x01");
	YES("[[:print:]]", " ");
	NO("[[:graph:]]", " ");
	YES("[[:blank:]]", "\t");
	YES("[![:digit:]]", "a");
	YES("[x[:digit:]y]", "y");
	NO("[[:bogus:]]", "b");
	YES("[[.a.]]", "a");
	YES("[[=a=]]", "a");
	YES("[*]", "*");
	NO("[*]", "a");
}
END_TEST

START_TEST(test_period)
{
	ck_assert(!pattern_match("*", ".hidden", PM_PERIOD));
	ck_assert(!pattern_match("?hidden", ".hidden", PM_PERIOD));
	ck_assert(!pattern_match("[.]hidden", ".hidden", PM_PERIOD));
	ck_assert(pattern_match(".*", ".hidden", PM_PERIOD));
	ck_assert(pattern_match("\\.*", ".hidden", PM_PERIOD));
	ck_assert(pattern_match("*", ".hidden", 0));
	ck_assert(pattern_match("*.c", "a.c", PM_PERIOD));
	ck_assert(pattern_match("a*", "a.b", PM_PERIOD));
}
END_TEST

START_TEST(test_prefix_suffix)
{
	ck_assert_int_eq(pattern_match_prefix("*/", "a/b/c", false), 2);
	ck_assert_int_eq(pattern_match_prefix("*/", "a/b/c", true), 4);
	ck_assert_int_eq(pattern_match_prefix("x", "a/b/c", true), -1);
	ck_assert_int_eq(pattern_match_prefix("*", "abc", false), 0);
	ck_assert_int_eq(pattern_match_prefix("*", "abc", true), 3);
	ck_assert_int_eq(pattern_match_prefix("", "abc", true), 0);
	ck_assert_int_eq(pattern_match_prefix("a?", "abc", true), 2);
	ck_assert_int_eq(pattern_match_suffix("/*", "a/b/c", false), 3);
	ck_assert_int_eq(pattern_match_suffix("/*", "a/b/c", true), 1);
	ck_assert_int_eq(pattern_match_suffix("*", "abc", false), 3);
	ck_assert_int_eq(pattern_match_suffix("*", "abc", true), 0);
	ck_assert_int_eq(pattern_match_suffix(".[ch]", "x.c", true), 1);
	ck_assert_int_eq(pattern_match_suffix("q", "x.c", true), -1);
	ck_assert_int_eq(pattern_match_suffix("[!a]c", "abc", false), 1);
	ck_assert_int_eq(pattern_match_prefix("", "", false), 0);
	ck_assert_int_eq(pattern_match_suffix("", "", false), 0);
}
END_TEST

/* XCU 2.13 via issue 7: no exponential backtracking.  No timing assertion:
   check's per-test timeout catches a hang. */
START_TEST(test_polynomial)
{
	size_t n = 10000;
	char *s = xmalloc(n + 2);
	memset(s, 'a', n);
	s[n] = '\0';
	NO("*a*a*a*a*a*a*a*a*b", s);
	YES("*a*a*a*a*a*a*a*a*", s);
	ck_assert_int_eq(pattern_match_prefix("*a*a*a*a*a*a*a*a*b", s, true), -1);
	ck_assert_int_eq(pattern_match_suffix("*a*a*a*a*a*a*a*a*b", s, true), -1);
	ck_assert_int_eq(pattern_match_suffix("a*a", s, false), (ssize_t)n - 2);
	s[n] = 'b';
	s[n + 1] = '\0';
	YES("*a*a*a*a*a*a*a*a*b", s);
	free(s);
}
END_TEST

START_TEST(test_helpers)
{
	ck_assert(pattern_has_magic("a*"));
	ck_assert(pattern_has_magic("a?"));
	ck_assert(pattern_has_magic("[a"));
	ck_assert(!pattern_has_magic("abc"));
	ck_assert(!pattern_has_magic("a\\*\\?\\["));
	ck_assert(!pattern_has_magic("a\\"));
	char *u = pattern_unescape("a\\*b\\\\c\\");
	ck_assert_str_eq(u, "a*b\\c\\");
	free(u);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pattern");
	TCase *tc = tcase_create("pattern");
	tcase_add_test(tc, test_basic);
	tcase_add_test(tc, test_escapes);
	tcase_add_test(tc, test_brackets);
	tcase_add_test(tc, test_period);
	tcase_add_test(tc, test_prefix_suffix);
	tcase_add_test(tc, test_polynomial);
	tcase_add_test(tc, test_helpers);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
