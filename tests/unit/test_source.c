/* test_source.c: input sources — strings, seekable files (seek back), pipes (byte reads), line providers. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parser/parser.h"
#include "parser/source.h"

START_TEST(test_string_bytes_and_positions)
{
	struct source *s = source_from_string("t", "ab\nc", 4);
	ck_assert_str_eq(source_name(s), "t");
	ck_assert_uint_eq(source_line(s), 1);
	ck_assert_uint_eq(source_col(s), 1);
	ck_assert_int_eq(source_getc(s), 'a');
	ck_assert_uint_eq(source_col(s), 2);
	ck_assert_int_eq(source_getc(s), 'b');
	ck_assert_int_eq(source_getc(s), '\n');
	ck_assert_uint_eq(source_line(s), 2);
	ck_assert_uint_eq(source_col(s), 1);
	source_ungetc(s, '\n');
	ck_assert_uint_eq(source_line(s), 1);
	ck_assert_uint_eq(source_col(s), 3);
	ck_assert_int_eq(source_getc(s), '\n');
	ck_assert_int_eq(source_getc(s), 'c');
	ck_assert_int_eq(source_getc(s), -1);
	ck_assert_int_eq(source_getc(s), -1);
	ck_assert(!source_error(s));
	source_destroy(s);
}
END_TEST

/* Bytes are unsigned: 0xff is a byte, not end of input. */
START_TEST(test_unsigned_bytes)
{
	struct source *s = source_from_string("t", "\xff\x80", 2);
	ck_assert_int_eq(source_getc(s), 0xff);
	ck_assert_int_eq(source_getc(s), 0x80);
	ck_assert_int_eq(source_getc(s), -1);
	source_destroy(s);
}
END_TEST

/* NUL policy (source.c): skipped, the rest of the input is kept. */
START_TEST(test_nul_skipped)
{
	struct source *s = source_from_string("t", "a\0b\0\0c", 6);
	ck_assert_int_eq(source_getc(s), 'a');
	ck_assert_int_eq(source_getc(s), 'b');
	ck_assert_int_eq(source_getc(s), 'c');
	ck_assert_int_eq(source_getc(s), -1);
	source_destroy(s);

	const char text[] = "echo a\0b; echo c\n";
	s = source_from_string("t", text, sizeof text - 1);
	struct parser *p = parser_create(s);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	char *t = ast_to_text(n);
	ck_assert_str_eq(t, "echo ab; echo c");
	free(t);
	ast_node_destroy(n);
	parser_destroy(p);
	source_destroy(s);
}
END_TEST

START_TEST(test_set_line)
{
	struct source *s = source_from_string("t", "x", 1);
	source_set_line(s, 42);
	ck_assert_uint_eq(source_line(s), 42);
	source_destroy(s);
}
END_TEST

static FILE *script_file(const char *text)
{
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fflush(f);
	rewind(f);
	return f;
}

/*
 * XCU 2.1: a command that reads the script's own input sees the rest of
 * the script.  On a regular file the parser reads blocks, so source_sync
 * must seek back to just past the parsed command.
 */
START_TEST(test_fd_seek_back)
{
	FILE *f = script_file("echo one\nLINE TWO\necho three\n");
	int fd = fileno(f);
	struct source *s = source_from_fd("t.sh", fd);
	struct parser *p = parser_create(s);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ast_node_destroy(n);
	source_sync(s);
	ck_assert_int_eq(lseek(fd, 0, SEEK_CUR), 9);
	/* "the command" reads a line from the same fd */
	char buf[9];
	ck_assert_int_eq(read(fd, buf, 9), 9);
	ck_assert(memcmp(buf, "LINE TWO\n", 9) == 0);
	/* the parser continues after what the command consumed */
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	char *t = ast_to_text(n);
	ck_assert_str_eq(t, "echo three");
	free(t);
	ast_node_destroy(n);
	source_sync(s);
	ck_assert_int_eq(parser_next(p, &n), PARSE_EOF);
	parser_destroy(p);
	source_destroy(s);
	fclose(f);
}
END_TEST

/* Without a sync-time move by anyone else, the buffer is reused. */
START_TEST(test_fd_many_commands)
{
	char text[4096 * 8];
	size_t len = 0;
	for (int i = 0; i < 2000; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "echo %d\n", i);
	FILE *f = script_file(text);
	struct source *s = source_from_fd("t.sh", fileno(f));
	struct parser *p = parser_create(s);
	struct ast_node *n;
	int count = 0;
	long off = 0;
	while (parser_next(p, &n) == PARSE_OK) {
		char want[32];
		snprintf(want, sizeof want, "echo %d", count);
		char *t = ast_to_text(n);
		ck_assert_str_eq(t, want);
		free(t);
		ast_node_destroy(n);
		source_sync(s);
		off += (long)strlen(want) + 1;
		ck_assert_int_eq(lseek(fileno(f), 0, SEEK_CUR), off);
		count++;
	}
	ck_assert_int_eq(count, 2000);
	parser_destroy(p);
	source_destroy(s);
	fclose(f);
}
END_TEST

/* On a pipe nothing can be given back, so the parser reads byte by byte. */
START_TEST(test_pipe_byte_reads)
{
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	const char *text = "echo a; echo b\nrest of input\n";
	ck_assert_int_eq(write(fds[1], text, strlen(text)), (ssize_t)strlen(text));
	close(fds[1]);
	struct source *s = source_from_fd("stdin", fds[0]);
	struct parser *p = parser_create(s);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ast_node_destroy(n);
	source_sync(s);
	char buf[64] = "";
	ssize_t r = read(fds[0], buf, sizeof buf - 1);
	ck_assert_int_eq(r, 14);
	ck_assert_str_eq(buf, "rest of input\n");
	parser_destroy(p);
	source_destroy(s);
	close(fds[0]);
}
END_TEST

/* The here-document body is part of the command: read, but nothing after it. */
START_TEST(test_pipe_heredoc_stops_after_body)
{
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	const char *text = "cat <<E\nbody\nE\nnext\n";
	ck_assert_int_eq(write(fds[1], text, strlen(text)), (ssize_t)strlen(text));
	close(fds[1]);
	struct source *s = source_from_fd("stdin", fds[0]);
	struct parser *p = parser_create(s);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ast_node_destroy(n);
	char buf[16] = "";
	ck_assert_int_eq(read(fds[0], buf, sizeof buf - 1), 5);
	ck_assert_str_eq(buf, "next\n");
	parser_destroy(p);
	source_destroy(s);
	close(fds[0]);
}
END_TEST

struct lines {
	const char *const *lines;
	int next;
	bool cont[16];
};

static char *line_fn(void *ctx, bool continuation)
{
	struct lines *l = ctx;
	if (!l->lines[l->next])
		return NULL;
	l->cont[l->next] = continuation;
	return strdup(l->lines[l->next++]);
}

/* The interactive seam: the parser asks for PS2 lines itself. */
START_TEST(test_line_provider_continuation)
{
	static const char *const in[] = {
		"if true\n", "then echo 'a\n", "b'\n", "fi\n", "echo x\n", "\n", "echo y\n", NULL,
	};
	struct lines l = { in, 0, { false } };
	struct source *s = source_from_lines("", line_fn, &l);
	struct parser *p = parser_create(s);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ck_assert_int_eq(l.next, 4);	/* no line beyond fi was requested */
	ast_node_destroy(n);
	ck_assert(!l.cont[0]);
	ck_assert(l.cont[1]);
	ck_assert(l.cont[2]);
	ck_assert(l.cont[3]);
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ck_assert(!l.cont[4]);
	ast_node_destroy(n);
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ck_assert(!l.cont[5]);	/* a blank line: still PS1 */
	ck_assert(!l.cont[6]);
	ast_node_destroy(n);
	ck_assert_int_eq(parser_next(p, &n), PARSE_EOF);
	parser_destroy(p);
	source_destroy(s);
}
END_TEST

/* End of input inside a command from a line provider is PARSE_INCOMPLETE. */
START_TEST(test_line_provider_incomplete)
{
	static const char *const in[] = { "while :\n", NULL };
	struct lines l = { in, 0, { false } };
	struct source *s = source_from_lines("", line_fn, &l);
	struct parser *p = parser_create(s);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_INCOMPLETE);
	ck_assert_ptr_null(n);
	ck_assert_str_eq(parser_error(p), "syntax error: unexpected end of file (expecting 'do')");
	parser_destroy(p);
	source_destroy(s);
}
END_TEST

/* set -v: consumed input is echoed line by line. */
START_TEST(test_echo)
{
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	struct source *s = source_from_string("t", "echo a\necho b\n", 14);
	source_set_echo(s, fds[1]);
	struct parser *p = parser_create(s);
	struct ast_node *n;
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ast_node_destroy(n);
	char buf[64] = "";
	ck_assert_int_eq(read(fds[0], buf, sizeof buf - 1), 7);
	ck_assert_str_eq(buf, "echo a\n");
	source_set_echo(s, -1);
	ck_assert_int_eq(parser_next(p, &n), PARSE_OK);
	ast_node_destroy(n);
	parser_destroy(p);
	source_destroy(s);
	close(fds[1]);
	memset(buf, 0, sizeof buf);
	ck_assert_int_eq(read(fds[0], buf, sizeof buf - 1), 0);
	close(fds[0]);
}
END_TEST

static Suite *source_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc = tcase_create("source");
	tcase_add_test(tc, test_string_bytes_and_positions);
	tcase_add_test(tc, test_unsigned_bytes);
	tcase_add_test(tc, test_nul_skipped);
	tcase_add_test(tc, test_set_line);
	tcase_add_test(tc, test_fd_seek_back);
	tcase_add_test(tc, test_fd_many_commands);
	tcase_add_test(tc, test_pipe_byte_reads);
	tcase_add_test(tc, test_pipe_heredoc_stops_after_body);
	tcase_add_test(tc, test_line_provider_continuation);
	tcase_add_test(tc, test_line_provider_incomplete);
	tcase_add_test(tc, test_echo);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(source_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
