/* expand_stubs.c: stand-ins for the evaluator and parser functions expansion calls, so its unit test links alone. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "builtins/registry.h"
#include "exec/eval.h"
#include "exec/shell.h"
#include "jobs/jobs.h"
#include "parser/parser.h"

/*
 * The test links vars.c, expand.c, param.c, split.c, read.c and the
 * matcher, but not the evaluator: these few functions are replaced.
 * eval_cmdsub() "runs" a program by printing the text its pointer points
 * to (the test builds $(...) words whose program is really a string);
 * eval_procsub() answers fd 63.
 */

int eval_cmdsub(struct shell *sh, struct ast_node *program, struct strbuf *out)
{
	(void)sh;
	if (program)
		sb_append(out, (const char *)program);
	return 3;
}

/* A process substitution "opens" fd 63 (the test checks the name). */
int eval_procsub(struct shell *sh, struct ast_node *program, char dir)
{
	(void)sh;
	(void)program;
	(void)dir;
	return 63;
}

void shell_verror(struct shell *sh, const char *fmt, va_list ap)
{
	(void)sh;
	fputs("whelk: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void shell_error(struct shell *sh, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	shell_verror(sh, fmt, ap);
	va_end(ap);
}

void builtin_error(struct shell *sh, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "whelk: %s: ", sh->current_builtin ? sh->current_builtin : "?");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* For the option scanner of read and getopts (builtins/opts.c): no table
   here, so a usage error prints no usage line. */
const struct builtin *builtin_find(const char *name)
{
	(void)name;
	return NULL;
}

void path_hash_clear(struct shell *sh)
{
	(void)sh;
}

bool parse_is_name(const char *s)
{
	if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return false;
	for (s++; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

char *word_to_text(const struct word *w)
{
	return xstrdup(w->type == WORD_LITERAL ? w->lit.text : "...");
}

/* expand_text_as_heredoc parses its text first: the parser is not linked
   here, so that text never parses (the unit tests do not call it). */
struct word *parse_heredoc_text(const char *name, const char *text, char **err)
{
	(void)name;
	(void)text;
	*err = xstrdup("the parser is not linked into test_expand");
	return NULL;
}

void word_destroy(struct word *w)
{
	(void)w;
}

/* The unit tests build no $((...)) words: no tree to parse lazily. */
struct arith_node *word_arith_tree(const struct word *w)
{
	return w->arith.tree;
}

/* brace.c builds words; the unit tests never turn brace expansion on. */
struct word *word_create(enum word_type type)
{
	struct word *w = xcalloc(1, sizeof *w);
	w->type = type;
	return w;
}

struct word *word_create_text(enum word_type type, const char *text, size_t len)
{
	struct word *w = word_create(type);
	w->lit.text = xstrndup(text, len);
	w->lit.len = len;
	return w;
}

void word_decode_dollar_single(struct strbuf *out, const char *s, size_t n)
{
	sb_appendn(out, s, n);
}

char *shell_prompt_expand(struct shell *sh, const char *ps)
{
	(void)sh;
	return xstrdup(ps);
}
