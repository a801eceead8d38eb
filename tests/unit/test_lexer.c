/* test_lexer.c: token streams of the lexer (XCU 2.3 token recognition). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "parser/lexer.h"

struct lex_case {
	const char *in;
	const char *want;
};

/* Words are shown re-printed (word_to_text), so quoting is visible. */
static const struct lex_case lex_cases[] = {
	{ "", "EOF" },
	{ "echo hi", "WORD(echo) WORD(hi) EOF" },
	{ "  \t echo\t hi  ", "WORD(echo) WORD(hi) EOF" },
	{ "a\nb\n", "WORD(a) NL WORD(b) NL EOF" },
	/* XCU 2.3 rule 2/3: longest operator */
	{ "a&&b||c|d&e;f", "WORD(a) && WORD(b) || WORD(c) | WORD(d) & WORD(e) ; WORD(f) EOF" },
	{ "a;;b;&c", "WORD(a) ;; WORD(b) ;& WORD(c) EOF" },
	{ "a;&&b", "WORD(a) ;& & WORD(b) EOF" },
	{ "&&&", "&& & EOF" },
	{ "|||", "|| | EOF" },
	{ ";;;", ";; ; EOF" },
	{ "<<EOF <<-X <> >| >> <& >& < >", "<< WORD(EOF) <<- WORD(X) <> >| >> <& >& < > EOF" },
	{ "<<<", "<<< EOF" },	/* here-string (ksh, bash) */
	{ "<<<<", "<<< < EOF" },
	/* bash's &> &>> |& ;;& (set -o posix reads & > and | & instead) */
	{ "a&>f&>>g|&h;;&", "WORD(a) &> WORD(f) &>> WORD(g) |& WORD(h) ;;& EOF" },
	{ ">>>", ">> > EOF" },
	{ "(a)", "( WORD(a) ) EOF" },
	{ "((a))", "( ( WORD(a) ) ) EOF" },
	/* IO_NUMBER: only digits, immediately before < or > */
	{ "2>f 3<&- 10>x", "IO(2) > WORD(f) IO(3) <& WORD(-) IO(10) > WORD(x) EOF" },
	{ "a2>f", "WORD(a2) > WORD(f) EOF" },
	{ "2 >f", "WORD(2) > WORD(f) EOF" },
	{ "\"2\">f", "WORD(\"2\") > WORD(f) EOF" },
	{ "2>>f", "IO(2) >> WORD(f) EOF" },
	{ "99999999999>f", "WORD(99999999999) > WORD(f) EOF" },
	/* {name} before a redirection operator */
	{ "{fd}>f {1x}>f {a}", "IONAME(fd) > WORD(f) WORD({1x}) > WORD(f) WORD({a}) EOF" },
	{ "{fd}<&-", "IONAME(fd) <& WORD(-) EOF" },
	{ "{fd} >f", "WORD({fd}) > WORD(f) EOF" },
	/* comments (rule 9) only at the start of a token */
	{ "a # comment\nb", "WORD(a) NL WORD(b) EOF" },
	{ "a#b", "WORD(a#b) EOF" },
	{ "# only a comment", "EOF" },
	{ "a '#x'", "WORD(a) WORD('#x') EOF" },
	/* line continuation (XCU 2.2.1) */
	{ "a\\\nb", "WORD(ab) EOF" },
	{ "a &\\\n& b", "WORD(a) && WORD(b) EOF" },
	{ "ec\\\nho \\\n hi", "WORD(echo) WORD(hi) EOF" },
	{ "'a\\\nb'", "WORD('a\\\nb') EOF" },
	/* quoting */
	{ "x=1 \"a b\" 'c d' \\$x", "WORD(x=1) WORD(\"a b\") WORD('c d') WORD(\\$x) EOF" },
	{ "a\"b\"'c'\\d", "WORD(a\"b\"'c'\\d) EOF" },
	{ "\"a;b|c\"", "WORD(\"a;b|c\") EOF" },
	{ "'a\nb'", "WORD('a\nb') EOF" },
	{ "\"\"", "WORD(\"\") EOF" },
	{ "''", "WORD('') EOF" },
	{ "\"a\\\"b\"", "WORD(\"a\\\"b\") EOF" },
	{ "\"\\a\"", "WORD(\"\\a\") EOF" },
	{ "$'a\\nb'", "WORD($'a\\nb') EOF" },
	{ "$'\\x41\\101\\cA'", "WORD($'AA\\001') EOF" },
	{ "$'it\\'s'", "WORD($'it\\'s') EOF" },
	{ "\"$'x'\"", "WORD(\"$'x'\") EOF" },
	/* expansions are part of a word, operators inside them are not tokens */
	{ "$(echo a) `b` $((1+2)) ${x:-y}", "WORD($(echo a)) WORD($(b)) WORD($((1+2))) WORD(${x:-y}) EOF" },
	{ "$(a;b)c", "WORD($(a; b)c) EOF" },
	{ "${x-a b}", "WORD(${x-a b}) EOF" },
	{ "${x-}}", "WORD(${x-}}) EOF" },
	{ "$(case x in x) :;; esac)", "WORD($(case x in (x) : ;; esac)) EOF" },
	{ "$(echo ')')", "WORD($(echo ')')) EOF" },
	{ "$a$b", "WORD($a$b) EOF" },
	{ "$ a", "WORD($) WORD(a) EOF" },
	{ "a$", "WORD(a$) EOF" },
	{ "$1$10${10}", "WORD($1$10${10}) EOF" },
	{ "$@$*$#$?$-$$$!$0", "WORD($@$*$#$?$-$$$!$0) EOF" },
	/* bytes above 127 are word bytes */
	{ "\xc3\xa9t\xc3\xa9 \xff", "WORD(\xc3\xa9t\xc3\xa9) WORD(\xff) EOF" },
	/* errors */
	{ "'abc", "ERROR(syntax error: unterminated quoted string)" },
	{ "\"abc", "ERROR(syntax error: unterminated quoted string)" },
	{ "a $(b", "WORD(a) ERROR(syntax error: unexpected end of file (expecting ')'))" },
	{ "`b", "ERROR(syntax error: unexpected end of file (expecting '`'))" },
	{ "${x", "ERROR(syntax error: unexpected end of file (expecting '}'))" },
	/* forms XCU 2.6.2 does not define fail only when expanded */
	{ "${}", "WORD(${}) EOF" },
	{ "${x!} ${x:1} ${#x:-a}", "WORD(${x!}) WORD(${x:1}) WORD(${#x:-a}) EOF" },
	{ "${x/a/b}c", "WORD(${x/a/b}c) EOF" },
	{ "$((1", "ERROR(syntax error: unexpected end of file (expecting '))'))" },
};

START_TEST(test_lex_table)
{
	const struct lex_case *c = &lex_cases[_i];
	char *got = lex_dump_string(c->in);
	ck_assert_msg(strcmp(got, c->want) == 0, "lexing [%s]\n  got:  %s\n  want: %s",
		      c->in, got, c->want);
	free(got);
}
END_TEST

START_TEST(test_token_names)
{
	ck_assert_str_eq(lex_token_name(TK_AND_IF), "&&");
	ck_assert_str_eq(lex_token_name(TK_DLESSDASH), "<<-");
	ck_assert_str_eq(lex_token_name(TK_CLOBBER), ">|");
	ck_assert_str_eq(lex_token_name(TK_NEWLINE), "newline");
	ck_assert_str_eq(lex_token_name(TK_EOF), "end of file");
	ck_assert_str_eq(lex_token_name(TK_SEMI_AND), ";&");
	for (int t = TK_EOF; t <= TK_CLOBBER; t++)
		ck_assert_ptr_nonnull(lex_token_name((enum token_type)t));
}
END_TEST

/*
 * Every operator read by both of the lexer's paths: cut from the buffer
 * (lx_next_fast, "OP x") and byte by byte (a line continuation after its
 * first byte sends lx_next to lx_operator: "O\<newline>P x").  The two
 * decide the operator separately (lx_op_bytes, lx_operator); they must
 * agree, and give the operator its name.
 */
static const char *const operators[] = {
	"&", "&&", "&>", "&>>", "|", "||", "|&", ";", ";;", ";&", ";;&", "(",
	")", "<", ">", "<<", "<<-", ">>", "<&", ">&", "<>", ">|", "<<<",
};

START_TEST(test_operator_paths)
{
	const char *op = operators[_i];
	char fast[32], slow[32], want[64];
	snprintf(fast, sizeof fast, "%s x\nx\n", op);
	snprintf(slow, sizeof slow, "%c\\\n%s x\nx\n", op[0], op + 1);
	char *a = lex_dump_string(fast), *b = lex_dump_string(slow);
	ck_assert_msg(strcmp(a, b) == 0, "operator %s: fast path [%s], byte by "
		      "byte [%s]", op, a, b);
	snprintf(want, sizeof want, "%s WORD(x)", op);
	ck_assert_msg(strncmp(a, want, strlen(want)) == 0, "operator %s: [%s]",
		      op, a);
	free(a);
	free(b);
}
END_TEST

/* A huge word: one 1 MiB literal, memory proportional to input. */
START_TEST(test_huge_word)
{
	size_t n = 1 << 20;
	char *s = malloc(n + 1);
	memset(s, 'a', n);
	s[n] = '\0';
	char *got = lex_dump_string(s);
	ck_assert_uint_eq(strlen(got), n + strlen("WORD() EOF"));
	free(got);
	free(s);
}
END_TEST

static Suite *lexer_suite(void)
{
	Suite *s = suite_create("lexer");
	TCase *tc = tcase_create("tokens");
	tcase_add_loop_test(tc, test_lex_table, 0, sizeof lex_cases / sizeof *lex_cases);
	tcase_add_test(tc, test_token_names);
	tcase_add_loop_test(tc, test_operator_paths, 0,
			    sizeof operators / sizeof *operators);
	tcase_add_test(tc, test_huge_word);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(lexer_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
