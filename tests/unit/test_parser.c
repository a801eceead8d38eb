/* test_parser.c: the parser — tree dumps of every production and word form, text round trips, errors, aliases, depth limits. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pool.h"
#include "base/vec.h"
#include "parser/parser.h"

/* ------------------------------------------------------------ helpers */

struct parsed {
	enum parse_status st;
	struct ast_node *n;	/* all commands merged when st == PARSE_OK */
	char msg[256];
	unsigned line;
};

static const char *test_alias(void *ctx, const char *name)
{
	static const char *const table[][2] = {
		{ "a1", "a2" }, { "a2", "a1" },		/* mutual recursion */
		{ "begin", "{" }, { "end", "}" },
		{ "e", "echo " }, { "sr", "sr X" },	/* self-reference */
		{ "ll", "ls -l " }, { "many", "echo a; echo b" },
		{ "nl", "echo 1\necho 2" }, { "w", "world" }, { "x", "X " },
		{ "y", "Y" },
	};
	(void)ctx;
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (strcmp(table[i][0], name) == 0)
			return table[i][1];
	return NULL;
}

/* Parse every complete command of text; on error stop and keep the message. */
static struct parsed parse_all_of(const char *text, bool aliases)
{
	struct parsed r = { PARSE_EOF, NULL, "", 0 };
	struct source *src = source_from_string("t", text, strlen(text));
	struct parser *p = parser_create(src);
	if (aliases)
		parser_set_alias_hook(p, test_alias, NULL);
	/* The commands' trees are joined into one: they share an arena
	   (as parse_string's do), which r.n holds. */
	struct pool_arena *arena = pool_arena_create();
	pool_arena_use(arena);
	for (;;) {
		struct ast_node *n;
		enum parse_status st = parser_next(p, &n);
		if (st == PARSE_EOF)
			break;
		if (st != PARSE_OK) {
			ck_assert_ptr_null(n);
			r.st = st;
			snprintf(r.msg, sizeof r.msg, "%s", parser_error(p));
			r.line = parser_error_line(p);
			r.n = NULL;
			break;
		}
		ck_assert_int_eq(n->type, NODE_LIST);
		ck_assert_uint_gt(n->list.items.len, 0);
		r.st = PARSE_OK;
		if (!r.n) {
			r.n = n;
			continue;
		}
		/* items are appended with ast_list_add (a list's first item
		   lives inside its node), so copy each and leave n empty */
		for (size_t i = 0; i < n->list.items.len; i++) {
			struct list_item *from = n->list.items.items[i];
			*ast_list_add(r.n) = *from;
			from->cmd = NULL;
		}
		ast_discard(n);
	}
	pool_arena_use(NULL);
	parser_destroy(p);	/* its lookahead token may be in the arena */
	source_destroy(src);
	if (!r.n)
		pool_arena_unref(arena);
	return r;
}

static char *dump_of(const struct ast_node *n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ast_dump(f, n);
	fclose(f);
	return buf;
}

/* The text of the first complete command(s), re-printed. */
static char *text_of(const char *in, bool aliases)
{
	struct parsed r = parse_all_of(in, aliases);
	ck_assert_msg(r.st == PARSE_OK, "parsing [%s]: %s", in, r.msg);
	char *t = ast_to_text(r.n);
	ast_node_destroy(r.n);
	return t;
}

/* ---------------------------------------------------------- tree dumps */

struct dump_case {
	const char *in;
	const char *want;
};

/* Every production and every word form, with its source ranges. */
static const struct dump_case dump_cases[] = {
	{ "x=1 y= echo a >out 2>&1",
	  "list [1:1-1:24]\n"
	  "  simple-command [1:1-1:24]\n"
	  "    assignment x= [1:1-1:4]\n"
	  "      value [1:3-1:4] literal \"1\"\n"
	  "    assignment y= [1:5-1:7]\n"
	  "      value [1:7-1:7] concatenation\n"
	  "    word [1:8-1:12] literal \"echo\"\n"
	  "    word [1:13-1:14] literal \"a\"\n"
	  "    redirect > [1:15-1:19] fd=1 (default)\n"
	  "      target [1:16-1:19] literal \"out\"\n"
	  "    redirect >& [1:20-1:24] fd=2\n"
	  "      target [1:23-1:24] literal \"1\"\n" },
	{ "! a | b | c",
	  "list [1:1-1:12]\n"
	  "  pipeline ! (status negated) [1:1-1:12]\n"
	  "    simple-command [1:3-1:4]\n"
	  "      word [1:3-1:4] literal \"a\"\n"
	  "    simple-command [1:7-1:8]\n"
	  "      word [1:7-1:8] literal \"b\"\n"
	  "    simple-command [1:11-1:12]\n"
	  "      word [1:11-1:12] literal \"c\"\n" },
	{ "a && b || c",
	  "list [1:1-1:12]\n"
	  "  and-or || [1:1-1:12]\n"
	  "    and-or && [1:1-1:7]\n"
	  "      simple-command [1:1-1:2]\n"
	  "        word [1:1-1:2] literal \"a\"\n"
	  "      simple-command [1:6-1:7]\n"
	  "        word [1:6-1:7] literal \"b\"\n"
	  "    simple-command [1:11-1:12]\n"
	  "      word [1:11-1:12] literal \"c\"\n" },
	{ "a & b; c",
	  "list [1:1-1:9]\n"
	  "  simple-command [1:1-1:2] & (asynchronous)\n"
	  "    word [1:1-1:2] literal \"a\"\n"
	  "  simple-command [1:5-1:6]\n"
	  "    word [1:5-1:6] literal \"b\"\n"
	  "  simple-command [1:8-1:9]\n"
	  "    word [1:8-1:9] literal \"c\"\n" },
	{ "( a; b ) >f",
	  "list [1:1-1:12]\n"
	  "  subshell ( ) [1:1-1:12]\n"
	  "    list [1:3-1:7]\n"
	  "      simple-command [1:3-1:4]\n"
	  "        word [1:3-1:4] literal \"a\"\n"
	  "      simple-command [1:6-1:7]\n"
	  "        word [1:6-1:7] literal \"b\"\n"
	  "    redirect > [1:10-1:12] fd=1 (default)\n"
	  "      target [1:11-1:12] literal \"f\"\n" },
	{ "{ a; }",
	  "list [1:1-1:7]\n"
	  "  brace-group { } [1:1-1:7]\n"
	  "    list [1:3-1:5]\n"
	  "      simple-command [1:3-1:4]\n"
	  "        word [1:3-1:4] literal \"a\"\n" },
	{ "if a; then b; elif c; then d; else e; fi",
	  "list [1:1-1:41]\n"
	  "  if [1:1-1:41]\n"
	  "    condition\n"
	  "      list [1:4-1:6]\n"
	  "        simple-command [1:4-1:5]\n"
	  "          word [1:4-1:5] literal \"a\"\n"
	  "    then\n"
	  "      list [1:12-1:14]\n"
	  "        simple-command [1:12-1:13]\n"
	  "          word [1:12-1:13] literal \"b\"\n"
	  "    else\n"
	  "      if [1:15-1:41]\n"
	  "        condition\n"
	  "          list [1:20-1:22]\n"
	  "            simple-command [1:20-1:21]\n"
	  "              word [1:20-1:21] literal \"c\"\n"
	  "        then\n"
	  "          list [1:28-1:30]\n"
	  "            simple-command [1:28-1:29]\n"
	  "              word [1:28-1:29] literal \"d\"\n"
	  "        else\n"
	  "          list [1:36-1:38]\n"
	  "            simple-command [1:36-1:37]\n"
	  "              word [1:36-1:37] literal \"e\"\n" },
	{ "while a; do b; done",
	  "list [1:1-1:20]\n"
	  "  while [1:1-1:20]\n"
	  "    condition\n"
	  "      list [1:7-1:9]\n"
	  "        simple-command [1:7-1:8]\n"
	  "          word [1:7-1:8] literal \"a\"\n"
	  "    do\n"
	  "      list [1:13-1:15]\n"
	  "        simple-command [1:13-1:14]\n"
	  "          word [1:13-1:14] literal \"b\"\n" },
	{ "until a; do b; done",
	  "list [1:1-1:20]\n"
	  "  until [1:1-1:20]\n"
	  "    condition\n"
	  "      list [1:7-1:9]\n"
	  "        simple-command [1:7-1:8]\n"
	  "          word [1:7-1:8] literal \"a\"\n"
	  "    do\n"
	  "      list [1:13-1:15]\n"
	  "        simple-command [1:13-1:14]\n"
	  "          word [1:13-1:14] literal \"b\"\n" },
	{ "for i in a \"b c\"; do echo $i; done",
	  "list [1:1-1:35]\n"
	  "  for i in [1:1-1:35]\n"
	  "    word [1:10-1:11] literal \"a\"\n"
	  "    word [1:12-1:17] double-quoted\n"
	  "      literal [1:13-1:16] \"b c\"\n"
	  "    do\n"
	  "      list [1:22-1:30]\n"
	  "        simple-command [1:22-1:29]\n"
	  "          word [1:22-1:26] literal \"echo\"\n"
	  "          word [1:27-1:29] param $i\n" },
	{ "for i do :; done",
	  "list [1:1-1:17]\n"
	  "  for i (no 'in': loops over \"$@\") [1:1-1:17]\n"
	  "    do\n"
	  "      list [1:10-1:12]\n"
	  "        simple-command [1:10-1:11]\n"
	  "          word [1:10-1:11] literal \":\"\n" },
	{ "for i\nin x\ndo y\ndone",
	  "list [1:1-4:5]\n"
	  "  for i in [1:1-4:5]\n"
	  "    word [2:4-2:5] literal \"x\"\n"
	  "    do\n"
	  "      list [3:4-4:1]\n"
	  "        simple-command [3:4-3:5]\n"
	  "          word [3:4-3:5] literal \"y\"\n" },
	{ "case $x in (a|b) x;; c) y;& *) esac",
	  "list [1:1-1:36]\n"
	  "  case [1:1-1:36]\n"
	  "    subject [1:6-1:8] param $x\n"
	  "    item ;; [1:12-1:21]\n"
	  "      pattern [1:13-1:14] literal \"a\"\n"
	  "      pattern [1:15-1:16] literal \"b\"\n"
	  "      body\n"
	  "        list [1:18-1:19]\n"
	  "          simple-command [1:18-1:19]\n"
	  "            word [1:18-1:19] literal \"x\"\n"
	  "    item ;& [1:22-1:28]\n"
	  "      pattern [1:22-1:23] literal \"c\"\n"
	  "      body\n"
	  "        list [1:25-1:26]\n"
	  "          simple-command [1:25-1:26]\n"
	  "            word [1:25-1:26] literal \"y\"\n"
	  "    item ;; [1:29-1:31]\n"
	  "      pattern [1:29-1:30] literal \"*\"\n" },
	{ "case x in\n*)\n;;\nesac",
	  "list [1:1-4:5]\n"
	  "  case [1:1-4:5]\n"
	  "    subject [1:6-1:7] literal \"x\"\n"
	  "    item ;; [2:1-3:3]\n"
	  "      pattern [2:1-2:2] literal \"*\"\n" },
	{ "f() { echo; } 2>/dev/null",
	  "list [1:1-1:26]\n"
	  "  function-definition f() [1:1-1:26]\n"
	  "    body\n"
	  "      brace-group { } [1:5-1:26]\n"
	  "        list [1:7-1:12]\n"
	  "          simple-command [1:7-1:11]\n"
	  "            word [1:7-1:11] literal \"echo\"\n"
	  "        redirect > [1:15-1:26] fd=2\n"
	  "          target [1:17-1:26] literal \"/dev/null\"\n" },
	{ "g()\n(x)",
	  "list [1:1-2:4]\n"
	  "  function-definition g() [1:1-2:4]\n"
	  "    body\n"
	  "      subshell ( ) [2:1-2:4]\n"
	  "        list [2:2-2:3]\n"
	  "          simple-command [2:2-2:3]\n"
	  "            word [2:2-2:3] literal \"x\"\n" },
	{ "cat <<EOF <<-\"Q\"\na $x\nEOF\n\tb $y\n\tQ",
	  "list [1:1-1:17]\n"
	  "  simple-command [1:1-1:17]\n"
	  "    word [1:1-1:4] literal \"cat\"\n"
	  "    redirect << [1:5-1:10] fd=0 (default) here-document\n"
	  "      delimiter [1:7-1:10] literal \"EOF\"\n"
	  "      body [2:1-3:1] double-quoted\n"
	  "        literal [2:1-2:3] \"a \"\n"
	  "        param [2:3-2:5] $x\n"
	  "        literal [2:5-3:1] \"\\n\"\n"
	  "    redirect <<- [1:11-1:17] fd=0 (default) here-document, quoted delimiter: body is literal\n"
	  "      delimiter [1:14-1:17] double-quoted\n"
	  "        literal [1:15-1:16] \"Q\"\n"
	  "      body [4:1-5:3] quoted '...' \"b $y\\n\"\n" },
	{ "cat <<E\\OF\n$x\nEOF",
	  "list [1:1-1:11]\n"
	  "  simple-command [1:1-1:11]\n"
	  "    word [1:1-1:4] literal \"cat\"\n"
	  "    redirect << [1:5-1:11] fd=0 (default) here-document, quoted delimiter: body is literal\n"
	  "      delimiter [1:7-1:11] concatenation\n"
	  "        literal [1:7-1:8] \"E\"\n"
	  "        quoted [1:8-1:10] backslash \"O\"\n"
	  "        literal [1:10-1:11] \"F\"\n"
	  "      body [2:1-3:4] quoted '...' \"$x\\n\"\n" },
	{ "echo 'sq' $'d\\n' \\x \"dq $v \\$\"",
	  "list [1:1-1:31]\n"
	  "  simple-command [1:1-1:31]\n"
	  "    word [1:1-1:5] literal \"echo\"\n"
	  "    word [1:6-1:10] quoted '...' \"sq\"\n"
	  "    word [1:11-1:17] quoted $'...' \"d\\n\"\n"
	  "    word [1:18-1:20] quoted backslash \"x\"\n"
	  "    word [1:21-1:31] double-quoted\n"
	  "      literal [1:22-1:25] \"dq \"\n"
	  "      param [1:25-1:27] $v\n"
	  "      literal [1:27-1:28] \" \"\n"
	  "      quoted [1:28-1:30] backslash \"$\"\n" },
	{ "echo $1 ${10} $# ${#x} ${x-a} ${x:=b} ${x?c} ${x:+d} ${x%e} ${x%%f} ${x#g} ${x##h}",
	  "list [1:1-1:83]\n"
	  "  simple-command [1:1-1:83]\n"
	  "    word [1:1-1:5] literal \"echo\"\n"
	  "    word [1:6-1:8] param $1\n"
	  "    word [1:9-1:14] param ${10}\n"
	  "    word [1:15-1:17] param $#\n"
	  "    word [1:18-1:23] param ${#x} (length)\n"
	  "    word [1:24-1:30] param ${x-...} (default)\n"
	  "      word [1:28-1:29] literal \"a\"\n"
	  "    word [1:31-1:38] param ${x:=...} (assign, also when empty)\n"
	  "      word [1:36-1:37] literal \"b\"\n"
	  "    word [1:39-1:45] param ${x?...} (error)\n"
	  "      word [1:43-1:44] literal \"c\"\n"
	  "    word [1:46-1:53] param ${x:+...} (alternative, also when empty)\n"
	  "      word [1:51-1:52] literal \"d\"\n"
	  "    word [1:54-1:60] param ${x%...} (remove-smallest-suffix)\n"
	  "      word [1:58-1:59] literal \"e\"\n"
	  "    word [1:61-1:68] param ${x%%...} (remove-largest-suffix)\n"
	  "      word [1:66-1:67] literal \"f\"\n"
	  "    word [1:69-1:75] param ${x#...} (remove-smallest-prefix)\n"
	  "      word [1:73-1:74] literal \"g\"\n"
	  "    word [1:76-1:83] param ${x##...} (remove-largest-prefix)\n"
	  "      word [1:81-1:82] literal \"h\"\n" },
	{ "echo ${#} ${##} ${#-} ${@} ${x:-$y \"q\"} \"${x-\"a b\"}\"",
	  "list [1:1-1:53]\n"
	  "  simple-command [1:1-1:53]\n"
	  "    word [1:1-1:5] literal \"echo\"\n"
	  "    word [1:6-1:10] param ${#}\n"
	  "    word [1:11-1:16] param ${##} (length)\n"
	  "    word [1:17-1:22] param ${#-} (length)\n"
	  "    word [1:23-1:27] param ${@}\n"
	  "    word [1:28-1:40] param ${x:-...} (default, also when empty)\n"
	  "      word [1:33-1:40] concatenation\n"
	  "        param [1:33-1:35] $y\n"
	  "        literal [1:35-1:36] \" \"\n"
	  "        double-quoted [1:36-1:39]\n"
	  "          literal [1:37-1:38] \"q\"\n"
	  "    word [1:41-1:53] double-quoted\n"
	  "      param [1:42-1:52] ${x-...} (default)\n"
	  "        word [1:46-1:51] double-quoted\n"
	  "          literal [1:47-1:50] \"a b\"\n" },
	{ "echo $(a) `b c` $( ) $((x + $y)) ~ ~user/d",
	  "list [1:1-1:43]\n"
	  "  simple-command [1:1-1:43]\n"
	  "    word [1:1-1:5] literal \"echo\"\n"
	  "    word [1:6-1:10] command-substitution $(...)\n"
	  "      list [1:8-1:9]\n"
	  "        simple-command [1:8-1:9]\n"
	  "          word [1:8-1:9] literal \"a\"\n"
	  "    word [1:11-1:16] command-substitution `...`\n"
	  "      list [1:12-1:15]\n"
	  "        simple-command [1:12-1:15]\n"
	  "          word [1:12-1:13] literal \"b\"\n"
	  "          word [1:14-1:15] literal \"c\"\n"
	  "    word [1:17-1:21] command-substitution $(...) empty\n"
	  "    word [1:22-1:33] arithmetic $((...)) (parsed at run time)\n"
	  "      text [1:25-1:33] concatenation\n"
	  "        literal [1:25-1:29] \"x + \"\n"
	  "        param [1:29-1:31] $y\n"
	  "    word [1:34-1:35] tilde ~ (home directory)\n"
	  "    word [1:36-1:43] concatenation\n"
	  "      tilde [1:36-1:41] ~user\n"
	  "      literal [1:41-1:43] \"/d\"\n" },
	{ "{fd}>f 3<&0 4<>g 5>|h >>i <&-",
	  "list [1:1-1:30]\n"
	  "  simple-command [1:1-1:30]\n"
	  "    redirect > [1:1-1:7] fd={fd}\n"
	  "      target [1:6-1:7] literal \"f\"\n"
	  "    redirect <& [1:8-1:12] fd=3\n"
	  "      target [1:11-1:12] literal \"0\"\n"
	  "    redirect <> [1:13-1:17] fd=4\n"
	  "      target [1:16-1:17] literal \"g\"\n"
	  "    redirect >| [1:18-1:22] fd=5\n"
	  "      target [1:21-1:22] literal \"h\"\n"
	  "    redirect >> [1:23-1:26] fd=1 (default)\n"
	  "      target [1:25-1:26] literal \"i\"\n"
	  "    redirect <& [1:27-1:30] fd=0 (default)\n"
	  "      target [1:29-1:30] literal \"-\"\n" },
	{ "a=~/x:~/y b=c\"d\"e",
	  "list [1:1-1:18]\n"
	  "  simple-command [1:1-1:18]\n"
	  "    assignment a= [1:1-1:10]\n"
	  "      value [1:3-1:10] concatenation\n"
	  "        tilde [1:3-1:4] ~ (home directory)\n"
	  "        literal [1:4-1:7] \"/x:\"\n"
	  "        tilde [1:7-1:8] ~ (home directory)\n"
	  "        literal [1:8-1:10] \"/y\"\n"
	  "    assignment b= [1:11-1:18]\n"
	  "      value [1:13-1:18] concatenation\n"
	  "        literal [1:13-1:14] \"c\"\n"
	  "        double-quoted [1:14-1:17]\n"
	  "          literal [1:15-1:16] \"d\"\n"
	  "        literal [1:17-1:18] \"e\"\n" },
	{ "echo a\\\nb",
	  "list [1:1-2:2]\n"
	  "  simple-command [1:1-2:2]\n"
	  "    word [1:1-1:5] literal \"echo\"\n"
	  "    word [1:6-2:2] literal \"ab\"\n" },
	{ "a |\n b &&\n c",
	  "list [1:1-3:3]\n"
	  "  and-or && [1:1-3:3]\n"
	  "    pipeline [1:1-2:3]\n"
	  "      simple-command [1:1-1:2]\n"
	  "        word [1:1-1:2] literal \"a\"\n"
	  "      simple-command [2:2-2:3]\n"
	  "        word [2:2-2:3] literal \"b\"\n"
	  "    simple-command [3:2-3:3]\n"
	  "      word [3:2-3:3] literal \"c\"\n" },

};

START_TEST(test_dump_table)
{
	const struct dump_case *c = &dump_cases[_i];
	struct parsed r = parse_all_of(c->in, false);
	ck_assert_msg(r.st == PARSE_OK, "parsing [%s]: %s", c->in, r.msg);
	char *got = dump_of(r.n);
	ck_assert_msg(strcmp(got, c->want) == 0, "dump of [%s]\n--- got:\n%s--- want:\n%s",
		      c->in, got, c->want);
	free(got);
	ast_node_destroy(r.n);
}
END_TEST

START_TEST(test_dump_arith_tree)
{
	/* Plain-text $((...)) is parsed on first use, once: the parser
	   leaves it lazy, word_arith_tree parses and keeps the tree, and
	   the dump shows it. */
	struct parsed r = parse_all_of("echo $((1 + 2 * x)) $(($y))", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	struct ast_node *cmd = ((struct list_item *)r.n->list.items.items[0])->cmd;
	struct word *w = cmd->simple.words.items[1];
	ck_assert_int_eq(w->type, WORD_ARITH);
	ck_assert(w->arith.lazy);
	ck_assert_ptr_null(w->arith.tree);
	struct arith_node *tree = word_arith_tree(w);
	ck_assert_ptr_nonnull(tree);
	ck_assert(!w->arith.lazy);
	ck_assert_ptr_eq(word_arith_tree(w), tree);
	struct word *v = cmd->simple.words.items[2];	/* $y: expanded first */
	ck_assert(!v->arith.lazy);
	ck_assert_ptr_null(word_arith_tree(v));
	char *d = dump_of(r.n);
	ck_assert_ptr_nonnull(strstr(d, "word [1:6-1:20] arithmetic $((...))\n"));
	ck_assert_ptr_nonnull(strstr(d, "expression\n"));
	free(d);
	ast_node_destroy(r.n);
}
END_TEST

/* --------------------------------------------------------- text output */

struct text_case {
	const char *in;
	const char *want;	/* ast_to_text; NULL: same as in */
};

static const struct text_case text_cases[] = {
	{ "echo hi", NULL },
	/* extensions of ksh and bash (issue 10) */
	{ "[[ -n $x && ( a == b || ! -f y ) ]]", NULL },
	{ "[[ $1 =~ ^(a|b)+$ ]] && [[ a < b ]]", NULL },
	{ "[[ a == @(x|y) ]]", NULL },
	{ "[[ ! ( a && b ) ]]", NULL },
	{ "select s in a b; do :; done", NULL },
	{ "function f { :; }", "f() { :; }" },
	{ "function g() ( : )", "g() ( : )" },
	{ "case x in (a) b ;;& (c) d ;; esac", NULL },
	{ "a |& b", "a 2>&1 | b" },
	{ "a &>f; b &>>g", "a >f 2>&1; b >>g 2>&1" },
	{ "cat <<< x", "cat <<<x" },
	{ "echo $\"a $b\"", "echo \"a $b\"" },
	{ "a; b; c", NULL },
	{ "a & b & c &", NULL },
	{ "a;b;c", "a; b; c" },
	{ "a && b || ! c | d", NULL },
	{ "x=1 y=$x z= cmd", NULL },
	{ "x=1", NULL },
	{ ">f", NULL },
	{ "2>&1 >/dev/null cmd", "cmd 2>&1 >/dev/null" },
	{ "cmd 3<>f 4<&- 5>|g >>h <i", NULL },
	{ "exec {fd}<>file {fd}>&-", NULL },
	{ "( a; b )", NULL },
	{ "(a)", "( a )" },
	{ "( (a) )", "( ( a ) )" },
	{ "{ a; b; }", NULL },
	{ "{ a & }", NULL },
	{ "{ a; } >f", NULL },
	{ "if a; then b; fi", NULL },
	{ "if a; then b; else c; fi", NULL },
	{ "if a; then b; elif c; then d; elif e; then f; else g; fi", NULL },
	{ "if a\nthen\n  b\nfi", "if a; then b; fi" },
	{ "while a; do b; done", NULL },
	{ "until a; do b & done", NULL },
	{ "for i in a b c; do echo $i; done", NULL },
	{ "for i; do :; done", NULL },
	{ "for i do :; done", "for i; do :; done" },
	{ "for i in; do :; done", NULL },
	{ "case x in a) b;; esac", "case x in (a) b ;; esac" },
	{ "case x in (a|b) c;& d) e;; esac", "case x in (a|b) c ;& (d) e ;; esac" },
	{ "case x in *) esac", "case x in (*)  ;; esac" },
	{ "case x in esac", NULL },
	{ "f() { echo $1; }", NULL },
	{ "f() ( echo )", NULL },
	{ "f() { :; } >/dev/null", NULL },
	{ "echo 'a b' \"c $d\" \\e", NULL },
	{ "echo \"\\$x \\\" \\\\ \\`\"", NULL },
	{ "echo $'a\\tb\\n\\'c'", NULL },
	{ "echo $'\\x41\\102'", "echo $'AB'" },
	{ "echo ${x} ${x:-y} ${x=z} ${x:?e} ${x+a} ${#x}", NULL },
	{ "echo ${x%a} ${x%%b} ${x#c} ${x##d}", NULL },
	{ "echo ${x:-a b} ${x-\"q\"}", NULL },
	{ "echo $(a; b) $(c)", NULL },
	{ "echo `a`", "echo $(a)" },
	{ "echo $( (a) )", "echo $( ( a ) )" },
	{ "echo $(( 1 + 2 )) $(($x*2))", NULL },
	{ "echo ~ ~/a ~user/b a~", NULL },
	{ "a=~/x:~/y", NULL },
	{ "export a=~/x", NULL },
	{ "echo a\\\nb", "echo ab" },
	{ "cat <<EOF\nhello $x\nEOF\n", "cat <<EOF\nhello $x\nEOF\n" },
	{ "cat <<'EOF'\n$x `y`\nEOF\n", "cat <<'EOF'\n$x `y`\nEOF\n" },
	{ "cat <<-EOF\n\tindented\n\tEOF\n", "cat <<-EOF\nindented\nEOF\n" },
	{ "cat <<A; cat <<B\na\nA\nb\nB\n", "cat <<A\na\nA\ncat <<B\nb\nB\n" },
	{ "f() { cat <<E\nx\nE\n}", "f() { cat <<E\nx\nE\n }" },
	{ "cat <<E | tr a b\nx\nE\n", "cat <<E | tr a b\nx\nE\n" },
	{ "cat <<E\n\\$x \\\\ \\`\nE\n", "cat <<E\n\\$x \\\\ \\`\nE\n" },
	/* a delimiter with a newline never matches: the body runs to the
	   end of the input, with no delimiter line printed after it */
	{ "cat <<'a\nb'\nx\na\nb\n", "cat <<'a\nb'\nx\na\nb\n" },
	{ "cat <<'a\nb'\nx", "cat <<'a\nb'\nx" },
};

START_TEST(test_text_table)
{
	const struct text_case *c = &text_cases[_i];
	const char *want = c->want ? c->want : c->in;
	char *got = text_of(c->in, false);
	ck_assert_msg(strcmp(got, want) == 0, "text of [%s]\n  got:  [%s]\n  want: [%s]",
		      c->in, got, want);
	/* what is printed parses back to the same text */
	char *again = text_of(got, false);
	ck_assert_msg(strcmp(again, got) == 0, "re-parse of [%s] gave [%s]", got, again);
	free(again);
	free(got);
}
END_TEST

/* --------------------------------------------------------------- errors */

struct error_case {
	const char *in;
	enum parse_status st;
	const char *msg;
	unsigned line;
};

#define ERR PARSE_ERROR
#define INC PARSE_INCOMPLETE

static const struct error_case error_cases[] = {
	{ "fi", ERR, "syntax error: unexpected 'fi'", 1 },
	{ "[[ ]]", ERR, "syntax error: unexpected ']]'", 1 },
	{ "[[ a == ]]", ERR, "syntax error: unexpected ']]'", 1 },
	{ "[[ a", INC, "syntax error: unexpected end of file (expecting ']]')", 1 },
	{ "function 1x { :; }", ERR, "syntax error: bad function name '1x'", 1 },
	{ "function f echo", ERR, "syntax error: unexpected 'echo'", 1 },
	{ "echo a\necho b\n\nfi\n", ERR, "syntax error: unexpected 'fi'", 4 },
	{ "then", ERR, "syntax error: unexpected 'then'", 1 },
	{ "done", ERR, "syntax error: unexpected 'done'", 1 },
	{ "esac", ERR, "syntax error: unexpected 'esac'", 1 },
	{ "}", ERR, "syntax error: unexpected '}'", 1 },
	{ "in a b", ERR, "syntax error: unexpected 'in'", 1 },
	{ "if then fi", ERR, "syntax error: unexpected 'then'", 1 },
	{ "if a; fi", ERR, "syntax error: unexpected 'fi'", 1 },
	{ "while a; done", ERR, "syntax error: unexpected 'done'", 1 },
	{ "{ }", ERR, "syntax error: unexpected '}'", 1 },
	{ "( )", ERR, "syntax error: unexpected ')'", 1 },
	{ ")", ERR, "syntax error: unexpected ')'", 1 },
	{ ";", ERR, "syntax error: unexpected ';'", 1 },
	{ ";;", ERR, "syntax error: unexpected ';;'", 1 },
	{ "a & ; b", ERR, "syntax error: unexpected ';'", 1 },
	{ "a ;; b", ERR, "syntax error: unexpected ';;'", 1 },
	{ "a | | b", ERR, "syntax error: unexpected '|'", 1 },
	{ "&& a", ERR, "syntax error: unexpected '&&'", 1 },
	{ "| a", ERR, "syntax error: unexpected '|'", 1 },
	{ "echo >\n", ERR, "syntax error: unexpected newline", 1 },
	{ "echo > ;", ERR, "syntax error: unexpected ';'", 1 },
	{ "echo 2>", INC, "syntax error: unexpected end of file", 1 },
	{ "cat <<\n", ERR, "syntax error: unexpected newline", 1 },
	{ "a\nb\nc )", ERR, "syntax error: unexpected ')'", 3 },
	{ "f() echo", ERR, "syntax error: unexpected 'echo'", 1 },
	{ "1f() { :; }", ERR, "syntax error: bad function name '1f'", 1 },
	{ "for 1 in a; do :; done", ERR, "syntax error: bad for loop variable", 1 },
	{ "for i in a b do :; done", ERR, "syntax error: unexpected 'done'", 1 },
	{ "case x y", ERR, "syntax error: unexpected 'y'", 1 },
	{ "case x in a b) ;; esac", ERR, "syntax error: unexpected 'b'", 1 },
	{ "echo ${x:", INC, "syntax error: unexpected end of file (expecting '}')", 1 },
	{ "echo ${#x", INC, "syntax error: unexpected end of file (expecting '}')", 1 },
	{ "echo $((1) + 2)", ERR, "syntax error: missing '))'", 1 },
	{ "echo `fi`", ERR, "syntax error: unexpected 'fi'", 1 },
	{ "echo `if`", ERR, "syntax error: unexpected end of file (expecting 'then')", 1 },
	{ "echo $(fi)", ERR, "syntax error: unexpected 'fi'", 1 },
	{ "echo $(a;;)", ERR, "syntax error: unexpected ';;'", 1 },
	/* incomplete input: the interactive loop would prompt with PS2 */
	{ "if true; then echo", INC, "syntax error: unexpected end of file (expecting 'fi')", 1 },
	{ "if true", INC, "syntax error: unexpected end of file (expecting 'then')", 1 },
	{ "if", INC, "syntax error: unexpected end of file (expecting 'then')", 1 },
	{ "if a; then b; else", INC, "syntax error: unexpected end of file (expecting 'fi')", 1 },
	{ "while :\n", INC, "syntax error: unexpected end of file (expecting 'do')", 2 },
	{ "while :; do", INC, "syntax error: unexpected end of file (expecting 'done')", 1 },
	{ "until :; do :", INC, "syntax error: unexpected end of file (expecting 'done')", 1 },
	{ "for i", INC, "syntax error: unexpected end of file (expecting 'do')", 1 },
	{ "for", INC, "syntax error: unexpected end of file (expecting 'name')", 1 },
	{ "case x in", INC, "syntax error: unexpected end of file (expecting 'esac')", 1 },
	{ "case x in a) b;;", INC, "syntax error: unexpected end of file (expecting 'esac')", 1 },
	{ "case x in a) b", INC, "syntax error: unexpected end of file (expecting 'esac')", 1 },
	{ "case x", INC, "syntax error: unexpected end of file (expecting 'in')", 1 },
	{ "{ echo", INC, "syntax error: unexpected end of file (expecting '}')", 1 },
	{ "( echo", INC, "syntax error: unexpected end of file (expecting ')')", 1 },
	{ "f()", INC, "syntax error: unexpected end of file (expecting '{')", 1 },
	{ "echo \"abc", INC, "syntax error: unterminated quoted string", 1 },
	{ "echo 'abc\ndef", INC, "syntax error: unterminated quoted string", 1 },
	{ "echo $'abc", INC, "syntax error: unterminated quoted string", 1 },
	{ "echo \"$(echo \"a)\"", INC, "syntax error: unexpected end of file (expecting ')')", 1 },
	{ "echo \"$(echo a)", INC, "syntax error: unterminated quoted string", 1 },
	{ "echo $(echo", INC, "syntax error: unexpected end of file (expecting ')')", 1 },
	{ "echo `echo", INC, "syntax error: unexpected end of file (expecting '`')", 1 },
	{ "echo ${x", INC, "syntax error: unexpected end of file (expecting '}')", 1 },
	{ "echo ${x-a", INC, "syntax error: unexpected end of file (expecting '}')", 1 },
	{ "echo $((1+", INC, "syntax error: unexpected end of file (expecting '))')", 1 },
	{ "cat <<EOF\nabc", INC, NULL, 0 },	/* the end of input ends the body */
	{ "cat <<EOF", INC, NULL, 0 },
	{ "a |", INC, "syntax error: unexpected end of file", 1 },
	{ "a &&", INC, "syntax error: unexpected end of file", 1 },
	{ "a ||\n\n", INC, "syntax error: unexpected end of file", 3 },
	{ "!", INC, "syntax error: unexpected end of file", 1 },
	{ "echo a\\", INC, NULL, 0 },
};

START_TEST(test_error_table)
{
	const struct error_case *c = &error_cases[_i];
	struct parsed r = parse_all_of(c->in, false);
	if (c->st == INC && !c->msg) {	/* not an error: a trailing backslash
					   is just a byte, a here-doc may end at
					   the end of input (with a warning) */
		ck_assert_int_eq(r.st, PARSE_OK);
		ast_node_destroy(r.n);
		return;
	}
	ck_assert_msg(r.st == c->st, "[%s]: status %d, want %d (%s)", c->in, r.st, c->st, r.msg);
	ck_assert_msg(strcmp(r.msg, c->msg) == 0, "[%s]\n  got:  %s\n  want: %s", c->in, r.msg, c->msg);
	ck_assert_msg(r.line == c->line, "[%s]: line %u, want %u", c->in, r.line, c->line);
}
END_TEST

/* After an error the rest of the line is skipped and parsing goes on. */
START_TEST(test_recover)
{
	const char *text = "echo a; fi; echo b\necho c\n";
	struct source *src = source_from_string("t", text, strlen(text));
	struct parser *p = parser_create(src);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_ERROR);
	ck_assert_str_eq(parser_error(p), "syntax error: unexpected 'fi'");
	parser_recover(p);
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	char *t = ast_to_text(n);
	ck_assert_str_eq(t, "echo c");
	free(t);
	ast_node_destroy(n);
	ck_assert_int_eq(parser_next(p, &n), PARSE_EOF);
	parser_destroy(p);
	source_destroy(src);
}
END_TEST

START_TEST(test_recover_at_newline)
{
	const char *text = "echo >\necho ok\n";
	struct source *src = source_from_string("t", text, strlen(text));
	struct parser *p = parser_create(src);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_ERROR);
	parser_recover(p);
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	char *t = ast_to_text(n);
	ck_assert_str_eq(t, "echo ok");
	free(t);
	ast_node_destroy(n);
	parser_destroy(p);
	source_destroy(src);
}
END_TEST

START_TEST(test_parse_string)
{
	char *err;
	struct ast_node *n = parse_string("eval", "a\nb; c\n\n", &err);
	ck_assert_ptr_null(err);
	ck_assert_uint_eq(n->list.items.len, 3);
	ast_node_destroy(n);
	n = parse_string("eval", "", &err);
	ck_assert_ptr_null(err);
	ck_assert_int_eq(n->type, NODE_LIST);
	ck_assert_uint_eq(n->list.items.len, 0);
	ast_node_destroy(n);
	n = parse_string("eval", "a\n\nif", &err);
	ck_assert_ptr_null(n);
	ck_assert_str_eq(err, "line 3: syntax error: unexpected end of file (expecting 'then')");
	free(err);
}
END_TEST

/* ------------------------------------------------- one command at a time */

START_TEST(test_one_command_per_call)
{
	const char *text = "\n# comment\n\na; b &\nif x\nthen y; fi\n";
	struct source *src = source_from_string("t", text, strlen(text));
	struct parser *p = parser_create(src);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ck_assert_uint_eq(n->list.items.len, 2);
	ck_assert(((struct list_item *)n->list.items.items[1])->async);
	ck_assert_uint_eq(n->range.begin.line, 4);
	ck_assert_uint_eq(source_line(src), 5);	/* stopped right after the newline */
	ast_node_destroy(n);
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ck_assert_int_eq(((struct list_item *)n->list.items.items[0])->cmd->type, NODE_IF);
	ck_assert_uint_eq(source_line(src), 7);
	ast_node_destroy(n);
	ck_assert_int_eq(parser_next(p, &n), PARSE_EOF);
	ck_assert_int_eq(parser_next(p, &n), PARSE_EOF);
	parser_destroy(p);
	source_destroy(src);
}
END_TEST

/* ------------------------------------------------------- word structure */

static struct word *first_word(struct ast_node *prog, size_t i)
{
	struct ast_node *c = ((struct list_item *)prog->list.items.items[0])->cmd;
	ck_assert_int_eq(c->type, NODE_SIMPLE);
	return c->simple.words.items[i];
}

START_TEST(test_assignments_only_in_prefix)
{
	struct parsed r = parse_all_of("a=1 b=2 cmd c=3 'd=4' \\e=5", false);
	struct ast_node *c = ((struct list_item *)r.n->list.items.items[0])->cmd;
	ck_assert_uint_eq(c->simple.assigns.len, 2);
	ck_assert_uint_eq(c->simple.words.len, 4);
	ck_assert_str_eq(((struct assign *)c->simple.assigns.items[0])->name, "a");
	ck_assert_str_eq(((struct assign *)c->simple.assigns.items[1])->name, "b");
	ck_assert_str_eq(((struct word *)c->simple.words.items[1])->lit.text, "c=3");
	ast_node_destroy(r.n);

	r = parse_all_of("'a'=1 1a=2 =3 a-b=4", false);
	c = ((struct list_item *)r.n->list.items.items[0])->cmd;
	ck_assert_uint_eq(c->simple.assigns.len, 0);
	ck_assert_uint_eq(c->simple.words.len, 4);
	ast_node_destroy(r.n);

	r = parse_all_of("x= y=\"\"", false);
	c = ((struct list_item *)r.n->list.items.items[0])->cmd;
	struct assign *a = c->simple.assigns.items[0];
	ck_assert_int_eq(a->value->type, WORD_LIST);
	ck_assert_uint_eq(a->value->parts.len, 0);
	a = c->simple.assigns.items[1];
	ck_assert_int_eq(a->value->type, WORD_DQUOTE);
	ast_node_destroy(r.n);
}
END_TEST

START_TEST(test_reserved_words_only_in_place)
{
	/* "if" as an argument, after an assignment, quoted: not reserved */
	struct parsed r = parse_all_of("echo if then fi; x=1 if; \\if; 'fi'", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ck_assert_uint_eq(r.n->list.items.len, 4);
	ast_node_destroy(r.n);
	r = parse_all_of("for do in do; do echo $do; done", false);
	ck_assert_int_eq(r.st, PARSE_OK);	/* "do" is a NAME there */
	ast_node_destroy(r.n);
	r = parse_all_of("for x in do done; do :; done", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ast_node_destroy(r.n);
	r = parse_all_of("case in in in) echo in;; esac", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ast_node_destroy(r.n);
	r = parse_all_of("case x in (esac) echo;; esac", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ast_node_destroy(r.n);
	r = parse_all_of("{ echo }; }", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ast_node_destroy(r.n);
	r = parse_all_of("!true; ! true", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	struct ast_node *c0 = ((struct list_item *)r.n->list.items.items[0])->cmd;
	struct ast_node *c1 = ((struct list_item *)r.n->list.items.items[1])->cmd;
	ck_assert_int_eq(c0->type, NODE_SIMPLE);
	ck_assert_int_eq(c1->type, NODE_PIPELINE);
	ck_assert(c1->pipeline.bang);
	ast_node_destroy(r.n);
}
END_TEST

START_TEST(test_heredoc_bodies)
{
	struct parsed r = parse_all_of("cat <<A <<'B' <<-C; echo after\na $x\nA\nb $x\nB\n\t\tc\n\tC\n", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	struct ast_node *c = ((struct list_item *)r.n->list.items.items[0])->cmd;
	struct redir *a = c->redirs.items[0], *b = c->redirs.items[1], *cc = c->redirs.items[2];
	ck_assert_int_eq(a->op, REDIR_HEREDOC);
	ck_assert(!a->quoted_delim);
	ck_assert_int_eq(a->body->type, WORD_DQUOTE);
	ck_assert_uint_eq(a->body->parts.len, 3);
	ck_assert(b->quoted_delim);
	ck_assert_int_eq(b->body->type, WORD_SQUOTE);
	ck_assert_str_eq(b->body->lit.text, "b $x\n");
	ck_assert(cc->strip_tabs);
	ck_assert_str_eq(((struct word *)cc->body->parts.items[0])->lit.text, "c\n");
	ck_assert_uint_eq(r.n->list.items.len, 2);
	ast_node_destroy(r.n);

	/* empty body, body with the delimiter inside a line, "EOF" after quote removal */
	r = parse_all_of("cat <<E\nE\ncat <<\"E\"F\n xEF\nEF\n", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	c = ((struct list_item *)r.n->list.items.items[0])->cmd;
	ck_assert_uint_eq(((struct redir *)c->redirs.items[0])->body->parts.len, 0);
	c = ((struct list_item *)r.n->list.items.items[1])->cmd;
	ck_assert_str_eq(((struct redir *)c->redirs.items[0])->body->lit.text, " xEF\n");
	ast_node_destroy(r.n);

	/* inside $( ) and in a nested here-doc body */
	r = parse_all_of("x=$(cat <<E\nin\nE\n); y=`cat <<F\nz\nF`", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ast_node_destroy(r.n);
	r = parse_all_of("cat <<A\n$(cat <<B\ninner\nB\n)\nA\n", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ast_node_destroy(r.n);
	/* $(cat <<E) with the body on the following lines */
	r = parse_all_of("echo $(cat <<E)\nbody\nE\n", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ast_node_destroy(r.n);
}
END_TEST

/* 1,000 here-documents on one line, and a 10 MiB body. */
START_TEST(test_heredoc_many_and_huge)
{
	size_t n = 1000, cap = 64 * n;
	char *s = malloc(cap), *q = s;
	q += sprintf(q, ":");
	for (size_t i = 0; i < n; i++)
		q += sprintf(q, " <<E%zu", i);
	*q++ = '\n';
	for (size_t i = 0; i < n; i++)
		q += sprintf(q, "body %zu\nE%zu\n", i, i);
	*q = '\0';
	struct parsed r = parse_all_of(s, false);
	ck_assert_int_eq(r.st, PARSE_OK);
	struct ast_node *c = ((struct list_item *)r.n->list.items.items[0])->cmd;
	ck_assert_uint_eq(c->redirs.len, n);
	struct redir *last = c->redirs.items[n - 1];
	ck_assert_str_eq(((struct word *)last->body->parts.items[0])->lit.text, "body 999\n");
	ast_node_destroy(r.n);
	free(s);

	size_t big = 10u << 20;
	s = malloc(big + 32);
	memcpy(s, "cat <<'E'\n", 10);
	for (size_t i = 10; i < big; i++)
		s[i] = (i % 64 == 63) ? '\n' : 'x';
	strcpy(s + big, "\nE\n");
	r = parse_all_of(s, false);
	ck_assert_int_eq(r.st, PARSE_OK);
	c = ((struct list_item *)r.n->list.items.items[0])->cmd;
	ck_assert_uint_eq(((struct redir *)c->redirs.items[0])->body->lit.len, big - 10 + 1);
	ast_node_destroy(r.n);
	free(s);
}
END_TEST

START_TEST(test_dollar_single_escapes)
{
	struct parsed r = parse_all_of("echo $'\\\"\\'\\\\\\a\\b\\e\\E\\f\\n\\r\\t\\v\\cA\\c?\\x7e\\101\\0q\\z'", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	struct word *w = first_word(r.n, 1);
	ck_assert_int_eq(w->type, WORD_SQUOTE);
	ck_assert_int_eq(w->lit.kind, SQUOTE_DOLLAR);
	ck_assert_str_eq(w->lit.text, "\"'\\\a\b\033\033\f\n\r\t\v\001\177~Aq\\z");
	ast_node_destroy(r.n);
}
END_TEST

START_TEST(test_backquote_escapes)
{
	/* \$ \` \\ lose the backslash; others keep it; inside "..." also \" */
	struct parsed r = parse_all_of("echo `echo \\$x \\`y\\` \\\\ \\a` \"`echo \\\"q\\\"`\"", false);
	ck_assert_int_eq(r.st, PARSE_OK);
	char *t = ast_to_text(r.n);
	ck_assert_str_eq(t, "echo $(echo $x $(y) \\ \\a) \"$(echo \"q\")\"");
	free(t);
	ast_node_destroy(r.n);
}
END_TEST

START_TEST(test_tilde_forms)
{
	struct parsed r = parse_all_of("echo ~ ~/a ~b ~b/c a~ '~' ~'x' \\~ ~$x x=~", false);
	ck_assert_int_eq(first_word(r.n, 1)->type, WORD_TILDE);
	ck_assert_int_eq(first_word(r.n, 2)->type, WORD_LIST);
	ck_assert_int_eq(first_word(r.n, 3)->type, WORD_TILDE);
	ck_assert_str_eq(first_word(r.n, 3)->tilde.user, "b");
	ck_assert_int_eq(first_word(r.n, 5)->type, WORD_LITERAL);
	ck_assert_int_eq(first_word(r.n, 6)->type, WORD_SQUOTE);
	ck_assert_int_eq(((struct word *)first_word(r.n, 7)->parts.items[0])->type, WORD_LITERAL);
	ck_assert_int_eq(first_word(r.n, 8)->type, WORD_SQUOTE);
	ck_assert_int_eq(((struct word *)first_word(r.n, 9)->parts.items[0])->type, WORD_LITERAL);
	ck_assert_int_eq(first_word(r.n, 10)->type, WORD_LITERAL);	/* not an assignment here */
	ast_node_destroy(r.n);
}
END_TEST

START_TEST(test_io_numbers_and_named_fds)
{
	struct parsed r = parse_all_of("cmd 2>e 10<f {v}>&- {v}<>g", false);
	struct ast_node *c = ((struct list_item *)r.n->list.items.items[0])->cmd;
	struct redir *x = c->redirs.items[0];
	ck_assert_int_eq(x->fd, 2);
	ck_assert_int_eq(x->op, REDIR_OUT);
	x = c->redirs.items[1];
	ck_assert_int_eq(x->fd, 10);
	x = c->redirs.items[2];
	ck_assert_int_eq(x->fd, -1);
	ck_assert_str_eq(x->fd_var, "v");
	ck_assert_int_eq(x->op, REDIR_DUP_OUT);
	ck_assert_str_eq(x->target->lit.text, "-");
	x = c->redirs.items[3];
	ck_assert_int_eq(x->op, REDIR_RDWR);
	ast_node_destroy(r.n);
}
END_TEST

START_TEST(test_refcount)
{
	struct parsed r = parse_all_of("f() { echo; }", false);
	struct ast_node *def = ((struct list_item *)r.n->list.items.items[0])->cmd;
	ck_assert_int_eq(def->type, NODE_FUNCDEF);
	ck_assert_str_eq(def->func.name, "f");
	/* The tree lives in an arena: a reference to a node keeps all of
	   it (ASan reports a use of body after the arena is freed). */
	ck_assert_ptr_nonnull(def->arena);
	struct ast_node *body = ast_node_ref(def->func.body);
	ast_node_destroy(r.n);		/* the function outlives its tree */
	ck_assert_int_eq(body->type, NODE_BRACE);
	char *t = ast_to_text(body);
	ck_assert_str_eq(t, "{ echo; }");
	free(t);
	ast_node_destroy(body);
}
END_TEST

START_TEST(test_is_name)
{
	ck_assert(parse_is_name("a"));
	ck_assert(parse_is_name("_"));
	ck_assert(parse_is_name("A_1b"));
	ck_assert(!parse_is_name(""));
	ck_assert(!parse_is_name("1a"));
	ck_assert(!parse_is_name("a-b"));
	ck_assert(!parse_is_name("a.b"));
	ck_assert(!parse_is_name(NULL));
	ck_assert(!parse_is_name("\xc3\xa9"));
}
END_TEST

/* --------------------------------------------------------------- aliases */

struct alias_case {
	const char *in;
	const char *want;	/* text after substitution */
};

static const struct alias_case alias_cases[] = {
	{ "ll", "ls -l" },
	{ "ll w", "ls -l world" },			/* trailing blank */
	{ "e w", "echo world" },
	{ "e x w", "echo X world" },			/* chained trailing blanks */
	{ "e x y", "echo X Y" },
	{ "sr hi", "sr X hi" },				/* no self-recursion */
	{ "e sr", "echo sr X" },
	{ "a1", "a1" },					/* mutual recursion ends */
	{ "a2 z", "a2 z" },
	{ "begin echo; end", "{ echo; }" },		/* alias to reserved words */
	{ "many", "echo a; echo b" },
	{ "if y; then y; fi", "if Y; then Y; fi" },	/* after reserved words */
	{ "y && y | y; y & y", "Y && Y | Y; Y & Y" },
	{ "echo y", "echo y" },				/* not in argument position */
	{ "'y'", "'y'" },				/* quoted: not substituted */
	{ "\\y", "\\y" },
	{ "z=1 y", "z=1 Y" },				/* after an assignment */
	{ ">f y", "Y >f" },
	{ "fi=1; w", "fi=1; world" },
	{ "for y in y; do y; done", "for y in y; do Y; done" },
	{ "case y in y) y;; esac", "case y in (y) Y ;; esac" },
	{ "echo $(y) `y`", "echo $(Y) $(Y)" },
};

START_TEST(test_alias_table)
{
	const struct alias_case *c = &alias_cases[_i];
	char *got = text_of(c->in, true);
	ck_assert_msg(strcmp(got, c->want) == 0, "alias [%s]\n  got:  [%s]\n  want: [%s]",
		      c->in, got, c->want);
	free(got);
}
END_TEST

/* An alias with a newline: the rest of its text is the next command. */
START_TEST(test_alias_newline)
{
	const char *text = "nl\necho 3\n";
	struct source *src = source_from_string("t", text, strlen(text));
	struct parser *p = parser_create(src);
	parser_set_alias_hook(p, test_alias, NULL);
	const char *want[] = { "echo 1", "echo 2", "echo 3" };
	for (int i = 0; i < 3; i++) {
		struct ast_node *n;
		ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
		char *t = ast_to_text(n);
		ck_assert_str_eq(t, want[i]);
		free(t);
		ast_node_destroy(n);
	}
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_EOF);
	parser_destroy(p);
	source_destroy(src);
}
END_TEST

/* ------------------------------------------------------------ depth limits */

static char *repeat3(const char *pre, size_t n, const char *mid, const char *post)
{
	size_t lp = strlen(pre), lm = strlen(mid), lq = strlen(post);
	char *s = malloc(n * (lp + lq) + lm + 1), *q = s;
	for (size_t i = 0; i < n; i++, q += lp)
		memcpy(q, pre, lp);
	memcpy(q, mid, lm);
	q += lm;
	for (size_t i = 0; i < n; i++, q += lq)
		memcpy(q, post, lq);
	*q = '\0';
	return s;
}

struct depth_case {
	const char *pre, *mid, *post;
};

static const struct depth_case depth_cases[] = {
	{ "(", "a", ")" },
	{ "echo $(", "a", ")" },
	{ "{ ", "a", "; }" },
	{ "if a; then ", "b", "; fi" },
	{ "while a; do ", "b", "; done" },
	{ "for i in a; do ", "b", "; done" },
	{ "case x in x) ", "b", ";; esac" },
	{ "echo ${x-", "a", "}" },
	{ "echo $((", "1", "))" },
	{ "echo $((1+(", "1", ")))" },
	{ "echo \"${x-\"", "a", "\"}\"" },
	{ "f() { ", "a", "; }" },
	{ "if a; then :; elif b; then ", ":", "; fi" },
};

/* 100,000 levels: a clean error, no stack overflow; 900 levels: fine. */
START_TEST(test_depth_limits)
{
	const struct depth_case *c = &depth_cases[_i];
	char *s = repeat3(c->pre, 100000, c->mid, c->post);
	struct parsed r = parse_all_of(s, false);
	ck_assert_msg(r.st == PARSE_ERROR, "[%s...]: status %d", c->pre, r.st);
	ck_assert_str_eq(r.msg, "syntax error: too deeply nested");
	free(s);
	s = repeat3(c->pre, 300, c->mid, c->post);
	r = parse_all_of(s, false);
	ck_assert_msg(r.st == PARSE_OK, "[%s...] x300: %s", c->pre, r.msg);
	char *t = ast_to_text(r.n);
	free(t);
	ast_node_destroy(r.n);
	free(s);
}
END_TEST

/* Nested backquotes need escaping; nesting them deeply still ends cleanly. */
START_TEST(test_depth_backquotes)
{
	/* echo `echo \`echo \\\`...\\\`\`` */
	struct strbuf_like { char *s; size_t n; } b = { NULL, 0 };
	char *inner = strdup("x");
	for (int level = 0; level < 12; level++) {
		size_t n = strlen(inner);
		char *esc = malloc(2 * n + 1), *q = esc;
		for (size_t i = 0; i < n; i++) {
			if (inner[i] == '`' || inner[i] == '\\')
				*q++ = '\\';
			*q++ = inner[i];
		}
		*q = '\0';
		char *next = malloc(strlen(esc) + 8);
		sprintf(next, "echo `%s`", esc);
		free(esc);
		free(inner);
		inner = next;
	}
	(void)b;
	struct parsed r = parse_all_of(inner, false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ast_node_destroy(r.n);
	free(inner);
}
END_TEST

/* A long && chain and a long pipeline are not nesting. */
START_TEST(test_long_chains)
{
	char *s = repeat3("a && ", 100000, "b", "");
	struct parsed r = parse_all_of(s, false);
	ck_assert_int_eq(r.st, PARSE_OK);
	ast_node_destroy(r.n);	/* iterative: no deep recursion */
	free(s);
	s = repeat3("a | ", 100000, "b", "");
	r = parse_all_of(s, false);
	ck_assert_int_eq(r.st, PARSE_OK);
	struct ast_node *c = ((struct list_item *)r.n->list.items.items[0])->cmd;
	ck_assert_uint_eq(c->pipeline.cmds.len, 100001);
	ast_node_destroy(r.n);
	free(s);
}
END_TEST

/* The pool behind tree nodes and vectors (base/pool.c): a freed block of
   a class is handed out again, a block grows in place while its class
   holds it, and keeps its bytes when it moves; big blocks use malloc. */
START_TEST(test_pool)
{
	char *a = pool_alloc(20);
	memset(a, 'a', 20);
	pool_free(a);
	char *b = pool_zalloc(24);	/* same 16-byte class as 20 (+ header) */
	for (int i = 0; i < 24; i++)
		ck_assert_int_eq(b[i], 0);
	char *c = pool_realloc(b, 24);
	ck_assert_ptr_eq(c, b);
	memcpy(c, "0123456789abcdefghijklm", 24);
	char *d = pool_realloc(c, 200);
	ck_assert_str_eq(d, "0123456789abcdefghijklm");
	char *e = pool_realloc(d, 100000);	/* to malloc */
	ck_assert_str_eq(e, "0123456789abcdefghijklm");
	e[99999] = 'z';
	e = pool_realloc(e, 200000);
	ck_assert_int_eq(e[99999], 'z');
	pool_free(e);
	pool_free(NULL);
	/* Many blocks alive at once, across chunks, then all freed. */
	enum { N = 20000 };
	static char *blocks[N];
	for (int i = 0; i < N; i++) {
		blocks[i] = pool_alloc((size_t)(i % 300) + 1);
		memset(blocks[i], i & 0x7f, (size_t)(i % 300) + 1);
	}
	for (int i = 0; i < N; i++) {
		ck_assert_int_eq(blocks[i][i % 300], i & 0x7f);
		pool_free(blocks[i]);
	}
	struct vec v = VEC_INIT;
	for (intptr_t i = 0; i < 1000; i++)
		vec_push(&v, (void *)i);
	for (intptr_t i = 0; i < 1000; i++)
		ck_assert_ptr_eq(v.items[i], (void *)i);
	vec_free(&v);
}
END_TEST


static Suite *parser_suite(void)
{
	Suite *s = suite_create("parser");
	TCase *tc = tcase_create("dump");
	tcase_add_loop_test(tc, test_dump_table, 0, sizeof dump_cases / sizeof *dump_cases);
	tcase_add_test(tc, test_dump_arith_tree);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_loop_test(tc, test_text_table, 0, sizeof text_cases / sizeof *text_cases);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_loop_test(tc, test_error_table, 0, sizeof error_cases / sizeof *error_cases);
	tcase_add_test(tc, test_recover);
	tcase_add_test(tc, test_recover_at_newline);
	tcase_add_test(tc, test_parse_string);
	suite_add_tcase(s, tc);

	tc = tcase_create("structure");
	tcase_add_test(tc, test_one_command_per_call);
	tcase_add_test(tc, test_assignments_only_in_prefix);
	tcase_add_test(tc, test_reserved_words_only_in_place);
	tcase_add_test(tc, test_heredoc_bodies);
	tcase_add_test(tc, test_heredoc_many_and_huge);
	tcase_add_test(tc, test_dollar_single_escapes);
	tcase_add_test(tc, test_backquote_escapes);
	tcase_add_test(tc, test_tilde_forms);
	tcase_add_test(tc, test_io_numbers_and_named_fds);
	tcase_add_test(tc, test_refcount);
	tcase_add_test(tc, test_is_name);
	tcase_add_test(tc, test_pool);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	tc = tcase_create("aliases");
	tcase_add_loop_test(tc, test_alias_table, 0, sizeof alias_cases / sizeof *alias_cases);
	tcase_add_test(tc, test_alias_newline);
	suite_add_tcase(s, tc);

	tc = tcase_create("depth");
	tcase_add_loop_test(tc, test_depth_limits, 0, sizeof depth_cases / sizeof *depth_cases);
	tcase_add_test(tc, test_depth_backquotes);
	tcase_add_test(tc, test_long_chains);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(parser_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
