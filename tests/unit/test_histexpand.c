/* test_histexpand.c: unit tests of history expansion — every event form, word designator and modifier, quoting, and the errors (checked against bash 5 by hand). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "interactive/histexpand.h"
#include "interactive/history.h"

static struct history h;
static struct hx_state st;

/* Entries 1..5, the newest being the previous command. */
static void setup(void)
{
	hist_init(&h, 100);
	hist_add(&h, "ls -l /usr/share/doc.d/readme.txt");	/* 1 */
	hist_add(&h, "make -C build check");			/* 2 */
	hist_add(&h, "grep -n 'a b' src/x.c | wc -l > out 2>&1");	/* 3 */
	hist_add(&h, "echo one two one");			/* 4 */
	hist_add(&h, "cat notes.md");				/* 5 */
	st = (struct hx_state){ 0 };
}

static void teardown(void)
{
	hist_finish(&h);
	hx_state_finish(&st);
}

/* Expand line; check the status and the text (NULL: HX_SAME). */
static void expect(const char *line, enum hx_status want, const char *text)
{
	char *out = NULL;
	enum hx_status got = hx_expand(&st, &h, line, &out);
	if (got != want)
		ck_abort_msg("%s: status %d, want %d (%s)", line, got, want,
			     out ? out : "-");
	if (want == HX_SAME)
		ck_assert_ptr_null(out);
	else if (strcmp(out, text) != 0)
		ck_abort_msg("%s: got [%s], want [%s]", line, out, text);
	free(out);
}

#define SAME(l) expect(l, HX_SAME, NULL)
#define EXP(l, t) expect(l, HX_EXPANDED, t)
#define ERR(l, t) expect(l, HX_ERROR, t)

START_TEST(events)
{
	EXP("!!", "cat notes.md");
	EXP("sudo !!", "sudo cat notes.md");
	EXP("!2", "make -C build check");
	EXP("!-1", "cat notes.md");
	EXP("!-4 x", "make -C build check x");
	EXP("!mak", "make -C build check");
	EXP("!e;echo", "echo one two one;echo");
	EXP("!gr|cat", "grep -n 'a b' src/x.c | wc -l > out 2>&1|cat");
	EXP("!?two?", "echo one two one");
	EXP("!?two? x", "echo one two one x");
	EXP("!?readme", "ls -l /usr/share/doc.d/readme.txt");
	EXP("echo !#", "echo echo ");
	EXP("a !#:0", "a a");
	EXP("x!!y", "xcat notes.mdy");
}
END_TEST

START_TEST(event_errors)
{
	ERR("!foo", "!foo: event not found");
	ERR("echo !foo bar", "!foo: event not found");
	ERR("!9", "!9: event not found");
	ERR("!0", "!0: event not found");
	ERR("!-6", "!-6: event not found");
	ERR("!-99999999999999999999", "!-99999999999999999999: event not found");
	ERR("!?nowhere?", "!?nowhere?: event not found");
	struct history empty;
	hist_init(&empty, 10);
	char *out = NULL;
	ck_assert_int_eq(hx_expand(&st, &empty, "!!", &out), HX_ERROR);
	ck_assert_str_eq(out, "!!: event not found");
	free(out);
	ck_assert_int_eq(hx_expand(&st, &empty, "^a^b", &out), HX_ERROR);
	free(out);
	hist_finish(&empty);
}
END_TEST

START_TEST(literal_bangs)
{
	SAME("echo hi");
	SAME("echo !");
	SAME("! true");
	SAME("[ a != b ]");
	SAME("x=!=y");
	SAME("echo !(x)");
	SAME("echo '!!' 'a!b'");
	SAME("echo \\!! \\!x");
	SAME("echo \"a!\" b");
	SAME("echo $! ${!name} [!a-z]*");
	SAME("echo \"it's\" '!!");	/* an unclosed ' protects the rest */
	EXP("echo \"!!\"", "echo \"cat notes.md\"");
	EXP("echo \"'!!'\"", "echo \"'cat notes.md'\"");	/* ' inside "" */
	EXP("echo \"x\\\"!!\"", "echo \"x\\\"cat notes.md\"");
}
END_TEST

START_TEST(word_designators)
{
	EXP("!!:0", "cat");
	EXP("!!:1", "notes.md");
	EXP("echo !$", "echo notes.md");
	EXP("echo !^", "echo notes.md");
	EXP("echo !*", "echo notes.md");
	EXP("!1:2", "/usr/share/doc.d/readme.txt");
	EXP("!4:1-2", "one two");
	EXP("!4:-2", "echo one two");
	EXP("!4:2-", "two");
	EXP("!4:2*", "two one");
	EXP("!4:*", "one two one");
	EXP("!4:2-$", "two one");
	EXP("!4:^-2", "one two");
	EXP("!4$", "one");
	EXP("!-2^", "one");
	EXP("!echo:$", "one");
	EXP("!4:$x", "onex");
	EXP("!4:1:2", "one:2");		/* a second designator is text */
	/* quotes keep a word together; operators are words of their own */
	EXP("!3:2", "'a b'");
	EXP("!3:4", "|");
	EXP("!3:7", ">");
	EXP("!3:$", "2>&1");
	EXP("!3:5*", "wc -l > out 2>&1");
	ERR("!!:2", ":2: bad word specifier");
	ERR("!4:2-9", ":2-9: bad word specifier");
	ERR("!4:3-1", ":3-1: bad word specifier");
	ERR("!4:9*", ":9*: bad word specifier");
	hist_add(&h, "echo a$((1+2))b $(ls (x) | wc) ${x:-a b} `c d`");
	EXP("!!:1", "a$((1+2))b");
	EXP("!!:2", "$(ls (x) | wc)");
	EXP("!!:3", "${x:-a b}");
	EXP("!!:$", "`c d`");
}
END_TEST

START_TEST(star_of_one_word)
{
	hist_add(&h, "ls");
	EXP("echo x!*y", "echo xy");
	ERR("!!:1", ":1: bad word specifier");
}
END_TEST

START_TEST(path_modifiers)
{
	EXP("!1:2:h", "/usr/share/doc.d");
	EXP("!1:2:t", "readme.txt");
	EXP("!1:2:r", "/usr/share/doc.d/readme");
	EXP("!1:2:e", ".txt");
	EXP("!1:2:t:r", "readme");
	EXP("!1:2:h:h:t", "share");
	EXP("!5:0:e", "cat");		/* no dot: unchanged */
	EXP("!5:0:h", "cat");		/* no slash: unchanged */
	/* on the whole text, as bash: the last '.' even before a '/' */
	hist_add(&h, "echo /x/a.b.c d.e/f");
	EXP("!!:r", "echo /x/a.b.c d");
	EXP("!!:e", ".e/f");
	EXP("!!:h", "echo /x/a.b.c d.e");
}
END_TEST

START_TEST(quote_modifiers)
{
	hist_add(&h, "echo \"a b\" it's");
	EXP("!!:q", "'echo \"a b\" it'\\''s'");
	EXP("!!:x", "'echo' '\"a' 'b\"' 'it'\\''s'");
	EXP("!!:1:q", "'\"a b\"'");
}
END_TEST

START_TEST(print_modifier)
{
	expect("!mak:p", HX_PRINT, "make -C build check");
	expect("echo !$:p more", HX_PRINT, "echo notes.md more");
	SAME("echo a:p");
}
END_TEST

START_TEST(substitutions)
{
	EXP("!4:s/one/1/", "echo 1 two one");
	EXP("!4:gs/one/1/", "echo 1 two 1");
	EXP("!4:as/one/1/", "echo 1 two 1");
	EXP("!4:s/one/[&]/", "echo [one] two one");
	EXP("!4:s/one/\\&/", "echo & two one");
	EXP("!4:s|one|a/b|", "echo a/b two one");
	EXP("!4:s/one/x\\/y/", "echo x/y two one");
	EXP("!4:s/one/1", "echo 1 two one");	/* last delimiter left out */
	EXP("!4:s/one/1/:s/two/2/", "echo 1 2 one");
	EXP("!4:&", "echo one 2 one");		/* the last s again */
	EXP("!4:g&", "echo one 2 one");
	EXP("!4:s//Z/", "echo one Z one");	/* empty old: the last old */
	hist_add(&h, "aa ba ca");
	EXP("!!:Gs/a/Q/", "Qa bQ cQ");
	EXP("!!:s/a/&&/", "aaa ba ca");
	ERR("!4:s/nine/9/", ":s/nine/9/: substitution failed");
	ERR("!4:z", "z: unrecognized history modifier");
	ERR("!4:gz", "z: unrecognized history modifier");
	SAME("scp x host:/tmp");
	EXP("scp !$:/tmp", "scp ca:/tmp");	/* ':' then not a letter */
}
END_TEST

START_TEST(substitution_state)
{
	ERR("!4:&", ":&: no previous substitution");
	ERR("!4:s//x/", ":s//x/: no previous substitution");
	EXP("!?two?:s//2/", "echo one 2 one");	/* empty old: the search */
	EXP("echo !?tw?:%", "echo two");
	EXP("echo !%", "echo two");
}
END_TEST

START_TEST(quick_substitution)
{
	EXP("^notes^readme", "cat readme.md");
	EXP("^notes^readme^", "cat readme.md");
	EXP("^notes^readme^ -n", "cat readme.md -n");
	expect("^.md^.txt^:p", HX_PRINT, "cat notes.txt");
	hist_add(&h, "echo one two one");
	EXP("^one^X two", "echo X two two one");	/* new runs to the end */
	ERR("^zz^y", ":s^zz^y: substitution failed");
	expect("^one^1^:p", HX_PRINT, "echo 1 two one");
}
END_TEST

START_TEST(several_and_limits)
{
	EXP("!1:0 !2:0 !!", "ls make cat notes.md");
	EXP("!4 && !!", "echo one two one && cat notes.md");
	/* !# doubles the line: the result is bounded, never a huge malloc */
	char line[200] = "x";
	for (int k = 0; k < 40; k++)
		strcat(line, " !#");
	char *out = NULL;
	ck_assert_int_eq(hx_expand(&st, &h, line, &out), HX_ERROR);
	ck_assert_str_eq(out, "!: history expansion too long");
	free(out);
}
END_TEST

START_TEST(multi_line_entry)
{
	hist_add(&h, "for f in a b\ndo echo $f\ndone");
	EXP("!!", "for f in a b\ndo echo $f\ndone");
	EXP("!!:4", "b");
	EXP("!!:$", "done");
}
END_TEST

static Suite *histexpand_suite(void)
{
	Suite *s = suite_create("histexpand");
	TCase *t = tcase_create("expand");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, events);
	tcase_add_test(t, event_errors);
	tcase_add_test(t, literal_bangs);
	tcase_add_test(t, word_designators);
	tcase_add_test(t, star_of_one_word);
	tcase_add_test(t, path_modifiers);
	tcase_add_test(t, quote_modifiers);
	tcase_add_test(t, print_modifier);
	tcase_add_test(t, substitutions);
	tcase_add_test(t, substitution_state);
	tcase_add_test(t, quick_substitution);
	tcase_add_test(t, several_and_limits);
	tcase_add_test(t, multi_line_entry);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(histexpand_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
