/* test_glob.c: unit tests of pathname expansion (exec/glob.c) on a scratch directory tree. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "base/vec.h"
#include "exec/glob.h"

static char root[] = "/tmp/whelk-glob-XXXXXX";

static void touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	close(fd);
}

/* The tree:  a b c.txt .hidden d1/ d1/x1 d1/y d2/ d2/x2 ln -> d1  weird[  */
static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(root));
	ck_assert_int_eq(chdir(root), 0);
	touch("a");
	touch("b");
	touch("c.txt");
	touch(".hidden");
	touch("weird[");
	touch("st*r");
	mkdir("d1", 0755);
	mkdir("d2", 0755);
	touch("d1/x1");
	touch("d1/y");
	touch("d2/x2");
	ck_assert_int_eq(symlink("d1", "ln"), 0);
}

static void teardown(void)
{
	/* Bounded clean-up of the fixed tree above. */
	const char *files[] = { "a", "b", "c.txt", ".hidden", "weird[", "st*r",
				"d1/x1", "d1/y", "d2/x2", "ln" };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		unlink(files[i]);
	rmdir("d1");
	rmdir("d2");
	ck_assert_int_eq(chdir("/"), 0);
	rmdir(root);
}

/* Expand and join the results with spaces. */
static char *expand(const char *pat)
{
	struct vec v = VEC_INIT;
	size_t n = glob_expand(pat, &v);
	ck_assert_uint_eq(n, v.len);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < v.len; i++) {
		if (i)
			sb_putc(&sb, ' ');
		sb_append(&sb, v.items[i]);
	}
	vec_free_all(&v, free);
	return sb_finish(&sb);
}

#define EXPECT(pat, want) do { \
	char *got_ = expand(pat); \
	ck_assert_msg(strcmp(got_, want) == 0, "%s: got '%s' want '%s'", \
		      pat, got_, want); \
	free(got_); \
} while (0)

START_TEST(test_simple)
{
	EXPECT("*", "a b c.txt d1 d2 ln st*r weird[");
	EXPECT("?", "a b");
	EXPECT("[ab]", "a b");
	EXPECT("*.txt", "c.txt");
	EXPECT("nomatch*", "");
	EXPECT("weird[", "weird[");	/* unmatched [ is literal */
	EXPECT("weird[*", "weird[");
	EXPECT("st\\**", "st*r");	/* escaped * is literal */
	EXPECT("\\*", "");
}
END_TEST

START_TEST(test_period)
{
	EXPECT(".*", ". .. .hidden");
	EXPECT(".h*", ".hidden");
	EXPECT("[.]*", "");
	EXPECT("?hidden", "");
}
END_TEST

START_TEST(test_dirs)
{
	EXPECT("*/", "d1/ d2/ ln/");
	EXPECT("*/x*", "d1/x1 d2/x2 ln/x1");
	EXPECT("d*/y", "d1/y");
	EXPECT("d1/*", "d1/x1 d1/y");
	EXPECT("./d*", "./d1 ./d2");
	EXPECT(".//d*", ".//d1 .//d2");
	EXPECT("d1//x*", "d1//x1");
	EXPECT("*/nothere", "");
	EXPECT("a/*", "");
	EXPECT("*[/]*", "");
	char *abs = xmalloc(strlen(root) + 8);
	sprintf(abs, "%s/d?", root);
	struct vec v = VEC_INIT;
	ck_assert_uint_eq(glob_expand(abs, &v), 2);
	ck_assert_str_eq(v.items[0] + strlen(root), "/d1");
	vec_free_all(&v, free);
	free(abs);
}
END_TEST

START_TEST(test_unreadable)
{
	if (geteuid() == 0)
		return;	/* root reads every directory */
	ck_assert_int_eq(chmod("d2", 0), 0);
	EXPECT("d2/*", "");
	ck_assert_int_eq(chmod("d2", 0755), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("glob");
	TCase *tc = tcase_create("glob");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_simple);
	tcase_add_test(tc, test_period);
	tcase_add_test(tc, test_dirs);
	tcase_add_test(tc, test_unreadable);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
