/* cond.c: [[ expression ]] (ksh, bash) — its words expanded without field splitting or pathname expansion, then tested. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <limits.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/mbchar.h"
#include "base/shquote.h"
#include "base/strbuf.h"
#include "exec/exec_int.h"
#include "exec/expand.h"
#include "exec/pattern.h"
#include "exec/shell.h"
#include "exec/testops.h"

/*
 * The parser built the expression (parser.c, parse_cond); here each
 * primary expands its words — tilde, parameters, $( ), $(( )) and quote
 * removal, never field splitting or pathname expansion — and tests them.
 * && and || evaluate their right side only when needed, so its expansions
 * happen only then.  The right side of == and != is a pattern (quoted
 * parts literal; extended patterns always on, as in bash), of =~ an ERE
 * (quoted parts literal) for regcomp/regexec, whose groups go to
 * rematch_set.  Under set -x each primary evaluated is traced as bash
 * does: "+ [[ left op right ]]", the right side of a match in its escaped
 * pattern form.
 */

enum { C_TRUE = 0, C_FALSE = 1, C_ERROR = 2, C_FATAL = 3 };

static void trace(struct shell *sh, const char *a, const char *op,
		  const char *b, bool b_raw)
{
	if (!sh->opt.xtrace)
		return;
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, "[[ ");
	if (a) {
		shq_word(&sb, a);
		sb_putc(&sb, ' ');
	}
	sb_printf(&sb, "%s ", op);
	if (b_raw)
		sb_append(&sb, *b ? b : "''");
	else
		shq_word(&sb, b);
	sb_append(&sb, " ]]");
	eval_xtrace_text(sh, sb_str(&sb));
	sb_free(&sb);
}

static int cond_unary(struct shell *sh, const struct cond *c, const char *arg)
{
	char op[3] = { '-', (char)c->op, '\0' };
	trace(sh, NULL, op, arg, false);
	switch (c->op) {
	case 'n': return *arg ? C_TRUE : C_FALSE;
	case 'z': return *arg ? C_FALSE : C_TRUE;
	case 'v': return var_target_is_set(sh, arg) ? C_TRUE : C_FALSE;
	case 'o': return shell_option_value(sh, arg) == 1 ? C_TRUE : C_FALSE;
	case 't': {
		char *end;
		long fd = strtol(arg, &end, 10);
		return *arg && !*end && fd >= 0 && fd <= INT_MAX &&
		       isatty((int)fd) ? C_TRUE : C_FALSE;
	}
	case 'a': return test_file('e', arg) ? C_TRUE : C_FALSE;
	default: return test_file((char)c->op, arg) ? C_TRUE : C_FALSE;
	}
}

/*
 * The escaped pattern form (quoted bytes after a backslash) as an ERE: a
 * quoted byte that is special in an ERE keeps its backslash, any other
 * quoted byte loses it (in an ERE "\a" is undefined).
 */
static char *ere_of(const char *pat)
{
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = pat; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			if (strchr(".[]()*+?{}|^$\\", *p))
				sb_putc(&sb, '\\');
		}
		sb_putc(&sb, *p);
	}
	return sb_finish(&sb);
}

static int cond_regex(struct shell *sh, const char *subject, const char *pat)
{
	trace(sh, subject, "=~", pat, true);
	char *ere = ere_of(pat);
	regex_t re;
	int flags = REG_EXTENDED | (sh->opt.nocasematch ? REG_ICASE : 0);
	mb_locale_ready();	/* regcomp reads LC_CTYPE and LC_COLLATE */
	int rc = regcomp(&re, ere, flags);
	free(ere);
	if (rc != 0) {
		char msg[128];
		regerror(rc, &re, msg, sizeof msg);
		shell_error(sh, "[[: %s: %s", pat, msg);
		return C_ERROR;
	}
	size_t n = re.re_nsub + 1;
	regmatch_t *m = xreallocarray(NULL, n, sizeof *m);
	bool hit = regexec(&re, subject, n, m, 0) == 0;
	rematch_set(sh, subject, hit ? m : NULL, hit ? n : 0);
	free(m);
	regfree(&re);
	return hit ? C_TRUE : C_FALSE;
}

/* -eq ... -ge: both sides are arithmetic expressions (bash, ksh). */
static int cond_arith(struct shell *sh, const struct cond *c, const char *a,
		      const char *b)
{
	trace(sh, a, cond_binop_name(c->op), b, false);
	int64_t x, y;
	const char *saved = sh->current_builtin;
	sh->current_builtin = "[[";
	int rc = expand_arith_text(sh, a, &x) < 0 || expand_arith_text(sh, b, &y) < 0;
	sh->current_builtin = saved;
	if (rc)
		return C_ERROR;
	bool r;
	switch (c->op) {
	case CB_EQ: r = x == y; break;
	case CB_NE: r = x != y; break;
	case CB_LTN: r = x < y; break;
	case CB_LEN: r = x <= y; break;
	case CB_GTN: r = x > y; break;
	default: r = x >= y; break;	/* CB_GEN */
	}
	return r ? C_TRUE : C_FALSE;
}

static int cond_match(struct shell *sh, const struct cond *c, const char *a)
{
	char *pat;
	if (expand_word_pattern(sh, c->right, &pat) < 0)
		return C_FATAL;
	int r;
	if (c->op == CB_REGEX) {
		r = cond_regex(sh, a, pat);
	} else {
		trace(sh, a, cond_binop_name(c->op), pat, true);
		int flags = PM_EXTGLOB | (sh->opt.nocasematch ? PM_NOCASE : 0);
		bool m = pattern_match(pat, a, flags);
		r = m == (c->op == CB_MATCH) ? C_TRUE : C_FALSE;
	}
	free(pat);
	return r;
}

static int cond_binary(struct shell *sh, const struct cond *c, const char *a)
{
	if (c->op == CB_MATCH || c->op == CB_NOMATCH || c->op == CB_REGEX)
		return cond_match(sh, c, a);
	char *b;
	if (expand_word_str(sh, c->right, 0, &b) < 0)
		return C_FATAL;
	int r;
	switch (c->op) {
	case CB_LT:
	case CB_GT: {
		trace(sh, a, cond_binop_name(c->op), b, false);
		mb_locale_ready();
		int k = strcoll(a, b);
		r = (c->op == CB_LT ? k < 0 : k > 0) ? C_TRUE : C_FALSE;
		break;
	}
	case CB_NT:
	case CB_OT:
	case CB_EF:
		trace(sh, a, cond_binop_name(c->op), b, false);
		r = test_file_compare(a, cond_binop_name(c->op)[1], b) ? C_TRUE : C_FALSE;
		break;
	default:
		r = cond_arith(sh, c, a, b);
		break;
	}
	free(b);
	return r;
}

/* A primary: expand the left word, then test. */
static int cond_primary(struct shell *sh, const struct cond *c)
{
	char *a;
	if (expand_word_str(sh, c->left, 0, &a) < 0)
		return C_FATAL;
	int r;
	if (c->type == COND_WORD) {
		trace(sh, NULL, "-n", a, false);
		r = *a ? C_TRUE : C_FALSE;
	} else if (c->type == COND_UNARY) {
		r = cond_unary(sh, c, a);
	} else {
		r = cond_binary(sh, c, a);
	}
	free(a);
	return r;
}

static int cond_eval(struct shell *sh, const struct cond *c)
{
	int r;
	switch (c->type) {
	case COND_NOT:
		r = cond_eval(sh, c->a);
		return r >= C_ERROR ? r : !r;
	case COND_AND:
	case COND_OR:
		r = cond_eval(sh, c->a);
		if (r >= C_ERROR || (c->type == COND_AND) != (r == C_TRUE))
			return r;
		return cond_eval(sh, c->b);
	default:
		return cond_primary(sh, c);
	}
}

int eval_cond_cmd(struct shell *sh, struct ast_node *n)
{
	sh->lineno = n->range.begin.line;
	int r = cond_eval(sh, n->cond.expr);
	if (r == C_FATAL) {	/* an expansion error (XCU 2.8.1) */
		eval_fatal(sh, 2);
		return 2;
	}
	eval_check_errexit(sh, r);
	return r;
}
