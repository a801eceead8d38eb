/* test_pattern.c: unit tests of shell pattern matching (exec/pattern.c, XCU 2.13). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

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

/* Switch LC_CTYPE (and LC_COLLATE) to a UTF-8 locale; false when the
   system has none (the test then checks nothing, and says so). */
static bool utf8_locale(void)
{
	const char *names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (setlocale(LC_CTYPE, names[i])) {
			setlocale(LC_COLLATE, names[i]);
			return true;
		}
	fprintf(stderr, "test_pattern: no UTF-8 locale, UTF-8 cases skipped\n");
	return false;
}

static void c_locale(void)
{
	setlocale(LC_CTYPE, "C");
	setlocale(LC_COLLATE, "C");
}

/* XCU 2.13.1: in a multibyte locale ? [...] and the trims take whole
   characters. */
START_TEST(test_utf8_chars)
{
	if (!utf8_locale())
		return;
	YES("?", "μ");
	NO("??", "μ");
	YES("?é", "μé");
	YES("*é", "μé");
	NO("*\xa9", "μé");	/* a continuation byte is not the character */
	YES("[μé][μé]", "μé");
	YES("[!a]", "é");
	NO("[!é]", "é");
	YES("[α-ω]", "β");
	NO("[α-ω]", "b");
	NO("[a-z]", "é");	/* ranges: code point order */
	YES("[[:alpha:]][[:alpha:]]", "μé");
	YES("[[:upper:]]", "É");
	NO("[[:upper:]]", "é");
	YES("[[:lower:]]", "é");
	YES("[![:digit:]]", "é");
	YES("[[.μ.]]", "μ");
	YES("[[=é=]]", "é");
	YES("[[.0.]-[.2.]]", "1");
	YES("[[.α.]-[.γ.]]", "β");
	NO("[[.ab.]]", "a");	/* no such collating element */
	YES("[a-[:digit:]]", "-");	/* a class cannot end a range */
	ck_assert_int_eq(pattern_match_prefix("?", "μé", false), 2);
	ck_assert_int_eq(pattern_match_prefix("*", "μé", true), 4);
	ck_assert_int_eq(pattern_match_prefix("[!x]", "éa", false), 2);
	ck_assert_int_eq(pattern_match_suffix("?", "μé", false), 2);
	ck_assert_int_eq(pattern_match_suffix("*μ?", "aμé", true), 0);
	ck_assert_int_eq(pattern_match_suffix("[[:alpha:]]", "aμé", false), 3);
	ck_assert(!pattern_match("?", ".", PM_PERIOD));
	ck_assert(pattern_match("μ*", "μ.x", PM_PERIOD));
	c_locale();
	/* The same patterns in the C locale: bytes. */
	NO("?", "μ");
	YES("??", "μ");
	ck_assert_int_eq(pattern_match_prefix("?", "μé", false), 1);
	YES("[[.0.]-[.2.]]", "1");
}
END_TEST

/* An invalid byte is a character of its own, in the pattern and in the
   subject: never lost, never joined to its neighbours. */
START_TEST(test_utf8_invalid)
{
	if (!utf8_locale())
		return;
	YES("?", "\xff");
	YES("??", "\xce\xff");	/* a truncated sequence, then junk */
	YES("a?b", "a\xa9" "b");
	YES("\xff", "\xff");
	NO("\xff", "\xfe");
	YES("[\xff]", "\xff");
	YES("[!a]", "\xff");
	NO("[[:alpha:]]", "\xe9");
	YES("*\xce", "μ\xce");
	ck_assert_int_eq(pattern_match_prefix("?", "\xce\xbc\xce", true), 2);
	ck_assert_int_eq(pattern_match_suffix("?", "\xce\xbc\xce", true), 2);
	ck_assert_int_eq(pattern_match_suffix("??", "a\xce\xbc\xce", true), 1);
	c_locale();
}
END_TEST

/*
 * Random patterns and subjects over an alphabet of ASCII, UTF-8 and
 * invalid bytes: no crash, no hang, and the three matchers agree (the
 * "last star" loop, the forward and the backward automaton are different
 * code).  A fixed seed keeps failures repeatable.
 */
static void random_string(char *buf, size_t max, unsigned *seed,
			  const char *const *alpha, size_t nalpha)
{
	size_t len = 0, n = (size_t)rand_r(seed) % 8;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *a = alpha[(size_t)rand_r(seed) % nalpha];
		if (len + strlen(a) + 1 > max)
			break;
		strcpy(buf + len, a);
		len += strlen(a);
	}
}

static void random_round(unsigned *seed)
{
	static const char *const pat_alpha[] = {
		"a", "é", "μ", "?", "*", "[", "]", "!", "-", "\\", "\xff",
		"\xce", "\xa9", "[[:alpha:]]", "[!é]", "[a-é]", "[.", ".]",
		"[=é=]", "[[.a.]-[.μ.]]", "\\é",
	};
	static const char *const str_alpha[] = {
		"a", "é", "μ", "-", "]", "\xff", "\xce", "\xa9", "\xbc", ".",
	};
	char pat[64], str[64];
	random_string(pat, sizeof pat, seed, pat_alpha,
		      sizeof pat_alpha / sizeof pat_alpha[0]);
	random_string(str, sizeof str, seed, str_alpha,
		      sizeof str_alpha / sizeof str_alpha[0]);
	bool whole = pattern_match(pat, str, 0);
	ssize_t len = (ssize_t)strlen(str);
	ck_assert_msg(whole == (pattern_match_prefix(pat, str, true) == len),
		      "prefix disagrees: [%s] [%s]", pat, str);
	ck_assert_msg(whole == (pattern_match_suffix(pat, str, true) == 0),
		      "suffix disagrees: [%s] [%s]", pat, str);
	ssize_t k = pattern_match_prefix(pat, str, false);
	ck_assert(k >= -1 && k <= len);
	k = pattern_match_suffix(pat, str, false);
	ck_assert(k >= -1 && k <= len);
	(void)pattern_match(pat, str, PM_PERIOD);
}

START_TEST(test_random)
{
	unsigned seed = 15;
	for (int i = 0; i < 20000; i++)
		random_round(&seed);
	if (!utf8_locale())
		return;
	for (int i = 0; i < 20000; i++)
		random_round(&seed);
	c_locale();
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pattern");
	TCase *tc = tcase_create("pattern");
	/* The random test runs 40,000 matches: give a loaded ASan build time. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_basic);
	tcase_add_test(tc, test_escapes);
	tcase_add_test(tc, test_brackets);
	tcase_add_test(tc, test_period);
	tcase_add_test(tc, test_prefix_suffix);
	tcase_add_test(tc, test_polynomial);
	tcase_add_test(tc, test_helpers);
	tcase_add_test(tc, test_utf8_chars);
	tcase_add_test(tc, test_utf8_invalid);
	tcase_add_test(tc, test_random);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
