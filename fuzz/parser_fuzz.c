/* parser_fuzz.c: libFuzzer target — parse arbitrary bytes, dump and re-print every command, re-parse the text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/lexer.h"
#include "parser/parser.h"

/*
 * What this checks, beyond "no crash, no leak, no UB" (ASan + UBSan):
 *  - every complete command the parser accepts can be dumped and printed;
 *  - the printed text parses again (ast_to_text must produce valid shell),
 *    and printing that second tree gives the same text (a fixed point).
 * Aliases are on, with a few that chain, recurse and hold operators.
 */

static const char *fuzz_alias(void *ctx, const char *name)
{
	(void)ctx;
	if (strcmp(name, "a") == 0)
		return "b ";
	if (strcmp(name, "b") == 0)
		return "a";
	if (strcmp(name, "l") == 0)
		return "ls; { echo";
	if (strcmp(name, "c") == 0)
		return "case x in ";
	return NULL;
}

static void check_round_trip(const struct ast_node *n)
{
	char *text = ast_to_text(n);
	char *err = NULL;
	struct ast_node *again = parse_string("fuzz", text, &err);
	if (!again) {
		fprintf(stderr, "printed text does not parse: %s\n---\n%s\n---\n", err, text);
		abort();
	}
	char *text2 = ast_to_text(again);
	if (strcmp(text, text2) != 0) {
		fprintf(stderr, "not a fixed point:\n---\n%s\n---\n%s\n---\n", text, text2);
		abort();
	}
	free(text2);
	ast_node_destroy(again);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source *src = source_from_string("fuzz", (const char *)data, size);
	struct parser *p = parser_create(src);
	FILE *null = fopen("/dev/null", "w");
	parser_set_alias_hook(p, fuzz_alias, NULL);
	for (int i = 0; i < 10000; i++) {
		struct ast_node *n;
		enum parse_status st = parser_next(p, &n);
		if (st == PARSE_EOF)
			break;
		if (st != PARSE_OK) {
			(void)parser_error(p);
			(void)parser_error_line(p);
			parser_recover(p);
			continue;
		}
		ast_dump(null, n);
		check_round_trip(n);
		ast_node_destroy(n);
	}
	fclose(null);
	parser_destroy(p);
	source_destroy(src);

	char *s = malloc(size + 1);	/* the lexer alone, on the same bytes */
	memcpy(s, data, size);
	s[size] = '\0';
	free(lex_dump_string(s));
	free(s);
	return 0;
}
