/* ast_print.c: the tree as text — an indented dump with source ranges (-n --dump-ast), and re-parseable shell text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "parser/arith.h"
#include "parser/ast.h"
#include "parser/parser_internal.h"

/* ================================================================ dump */

static void pad(FILE *out, int indent)
{
	fprintf(out, "%*s", indent, "");
}

static void put_range(FILE *out, struct src_range r)
{
	fprintf(out, "[%u:%u-%u:%u]", r.begin.line, r.begin.col, r.end.line, r.end.col);
}

/* A string in double quotes with C escapes for what is not printable. */
static void put_str(FILE *out, const char *s, size_t n)
{
	fputc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		default:
			if (c < 0x20 || c >= 0x7f)
				fprintf(out, "\\x%02x", c);
			else
				fputc(c, out);
		}
	}
	fputc('"', out);
}

static const char *const squote_kinds[] = {
	[SQUOTE_SINGLE] = "'...'", [SQUOTE_DOLLAR] = "$'...'",
	[SQUOTE_BACKSLASH] = "backslash",
};

static const char *const param_ops[] = {
	[PARAM_PLAIN] = "", [PARAM_LENGTH] = "#", [PARAM_DEFAULT] = "-",
	[PARAM_ASSIGN] = "=", [PARAM_ERROR] = "?", [PARAM_ALT] = "+",
	[PARAM_TRIM_SUFFIX] = "%", [PARAM_TRIM_SUFFIX_LONG] = "%%",
	[PARAM_TRIM_PREFIX] = "#", [PARAM_TRIM_PREFIX_LONG] = "##",
	[PARAM_BAD] = "", [PARAM_SUBSTR] = ":", [PARAM_REPLACE] = "/",
	[PARAM_REPLACE_ALL] = "//", [PARAM_REPLACE_PREFIX] = "/#",
	[PARAM_REPLACE_SUFFIX] = "/%", [PARAM_UPPER_FIRST] = "^",
	[PARAM_UPPER_ALL] = "^^", [PARAM_LOWER_FIRST] = ",",
	[PARAM_LOWER_ALL] = ",,", [PARAM_TRANSFORM] = "@",
	[PARAM_NAMES_STAR] = "*", [PARAM_NAMES_AT] = "@",
};

/* The byte between arg and arg2: ${x:1:2}, ${x/a/b}. */
static char param_sep(const struct word *w)
{
	return w->param.op == PARAM_SUBSTR ? ':' : '/';
}

static const char *const param_op_names[] = {
	[PARAM_PLAIN] = "", [PARAM_LENGTH] = "length", [PARAM_DEFAULT] = "default",
	[PARAM_ASSIGN] = "assign", [PARAM_ERROR] = "error", [PARAM_ALT] = "alternative",
	[PARAM_TRIM_SUFFIX] = "remove-smallest-suffix",
	[PARAM_TRIM_SUFFIX_LONG] = "remove-largest-suffix",
	[PARAM_TRIM_PREFIX] = "remove-smallest-prefix",
	[PARAM_TRIM_PREFIX_LONG] = "remove-largest-prefix",
	[PARAM_BAD] = "bad-substitution", [PARAM_SUBSTR] = "substring",
	[PARAM_REPLACE] = "replace-first", [PARAM_REPLACE_ALL] = "replace-all",
	[PARAM_REPLACE_PREFIX] = "replace-prefix",
	[PARAM_REPLACE_SUFFIX] = "replace-suffix",
	[PARAM_UPPER_FIRST] = "upper-first", [PARAM_UPPER_ALL] = "upper-all",
	[PARAM_LOWER_FIRST] = "lower-first", [PARAM_LOWER_ALL] = "lower-all",
	[PARAM_TRANSFORM] = "transform", [PARAM_NAMES_STAR] = "names",
	[PARAM_NAMES_AT] = "names",
};

static void dump_node(FILE *out, const struct ast_node *n, int indent, const char *suffix);

/* "label [range] kind" for a labelled word, "kind [range]" for a part. */
static void word_head(FILE *out, const char *label, const char *kind, struct src_range r)
{
	if (label[0]) {
		fprintf(out, "%s", label);
		put_range(out, r);
		fprintf(out, " %s", kind);
	} else {
		fprintf(out, "%s ", kind);
		put_range(out, r);
	}
}

static void dump_part(FILE *out, const struct word *w, int indent, const char *label);

static void dump_param(FILE *out, const struct word *w, int indent, const char *label)
{
	word_head(out, label, "param", w->range);
	fprintf(out, " %s", w->param.braced ? "${" : "$");
	if (w->param.op == PARAM_LENGTH)
		fputc('#', out);
	fputs(w->param.indirect || w->param.op >= PARAM_NAMES_STAR ? "!" : "", out);
	fputs(w->param.name, out);
	fputs(w->param.subscript ? "[...]" : "", out);
	if (w->param.op != PARAM_LENGTH)
		fprintf(out, "%s%s%s", w->param.colon ? ":" : "", param_ops[w->param.op],
			w->param.arg ? "..." : "");
	if (w->param.arg2)
		fprintf(out, "%c...", param_sep(w));
	fputs(w->param.braced ? "}" : "", out);
	if (w->param.op != PARAM_PLAIN)
		fprintf(out, " (%s%s)", param_op_names[w->param.op],
			w->param.colon ? ", also when empty" : "");
	fputc('\n', out);
	if (w->param.arg)
		dump_part(out, w->param.arg, indent + 2, "word ");
	if (w->param.arg2)
		dump_part(out, w->param.arg2, indent + 2, "word ");
}

static void dump_part(FILE *out, const struct word *w, int indent, const char *label)
{
	pad(out, indent);
	switch (w->type) {
	case WORD_LITERAL:
	case WORD_SQUOTE:
		word_head(out, label, w->type == WORD_LITERAL ? "literal" : "quoted", w->range);
		if (w->type == WORD_SQUOTE)
			fprintf(out, " %s", squote_kinds[w->lit.kind]);
		fputc(' ', out);
		put_str(out, w->lit.text, w->lit.len);
		fputc('\n', out);
		return;
	case WORD_DQUOTE:
	case WORD_LIST:
	case WORD_ARRAY:
		word_head(out, label, w->type == WORD_LIST ? "concatenation" :
			  w->type == WORD_ARRAY ? "array" : "double-quoted",
			  w->range);
		fputc('\n', out);
		for (size_t i = 0; i < w->parts.len; i++)
			dump_part(out, w->parts.items[i], indent + 2, "");
		return;
	case WORD_PARAM:
		dump_param(out, w, indent, label);
		return;
	case WORD_CMDSUB:
		word_head(out, label, w->cmdsub.procsub ? "process-substitution" :
			  "command-substitution", w->range);
		fprintf(out, " %s%s\n", w->cmdsub.backquote ? "`...`" :
			w->cmdsub.procsub == '<' ? "<(...)" :
			w->cmdsub.procsub == '>' ? ">(...)" : "$(...)",
			w->cmdsub.program ? "" : " empty");
		if (w->cmdsub.program)
			dump_node(out, w->cmdsub.program, indent + 2, "");
		return;
	case WORD_ARITH:
		word_head(out, label, "arithmetic", w->range);
	{
		struct arith_node *tree = word_arith_tree(w);
		fprintf(out, " $((...))%s\n", tree ? "" : " (parsed at run time)");
		dump_part(out, w->arith.expr, indent + 2, "text ");
		if (tree) {
			pad(out, indent + 2);
			fputs("expression\n", out);
			arith_dump(out, tree, indent + 4);
		}
		return;
	}
	case WORD_TILDE:
		word_head(out, label, "tilde", w->range);
		fprintf(out, " ~%s%s\n", w->tilde.user,
			w->tilde.user[0] ? "" : " (home directory)");
		return;
	}
}

void word_dump(FILE *out, const struct word *w, int indent)
{
	if (w)
		dump_part(out, w, indent, "word ");
}

static const char *const redir_ops[] = {
	[REDIR_IN] = "<", [REDIR_OUT] = ">", [REDIR_CLOBBER] = ">|",
	[REDIR_APPEND] = ">>", [REDIR_DUP_IN] = "<&", [REDIR_DUP_OUT] = ">&",
	[REDIR_RDWR] = "<>", [REDIR_HEREDOC] = "<<", [REDIR_HERESTR] = "<<<",
};

static bool redir_is_input(enum redir_op op)
{
	return op == REDIR_IN || op == REDIR_DUP_IN || op == REDIR_RDWR ||
	       op == REDIR_HEREDOC || op == REDIR_HERESTR;
}

static void dump_redir(FILE *out, const struct redir *r, int indent)
{
	pad(out, indent);
	fprintf(out, "redirect %s%s ", redir_ops[r->op],
		r->op == REDIR_HEREDOC && r->strip_tabs ? "-" : "");
	put_range(out, r->range);
	if (r->fd_var)
		fprintf(out, " fd={%s}", r->fd_var);
	else
		fprintf(out, " fd=%d%s", r->fd >= 0 ? r->fd : redir_is_input(r->op) ? 0 : 1,
			r->fd >= 0 ? "" : " (default)");
	if (r->op == REDIR_HEREDOC)
		fprintf(out, " here-document%s", r->quoted_delim ? ", quoted delimiter: body is literal" : "");
	fputc('\n', out);
	if (r->target)
		dump_part(out, r->target, indent + 2,
			  r->op == REDIR_HEREDOC ? "delimiter " : "target ");
	if (r->body)
		dump_part(out, r->body, indent + 2, "body ");
}

static void dump_label(FILE *out, int indent, const char *label)
{
	pad(out, indent);
	fprintf(out, "%s\n", label);
}

static void dump_child(FILE *out, const struct ast_node *n, int indent, const char *label)
{
	dump_label(out, indent, label);
	if (n)
		dump_node(out, n, indent + 2, "");
}

static void dump_words(FILE *out, const struct vec *v, int indent)
{
	for (size_t i = 0; i < v->len; i++)
		dump_part(out, v->items[i], indent, "word ");
}

static void dump_simple(FILE *out, const struct ast_node *n, int indent)
{
	for (size_t i = 0; i < n->simple.assigns.len; i++) {
		const struct assign *a = n->simple.assigns.items[i];
		pad(out, indent);
		fprintf(out, "assignment %s%s%s ", a->name, a->subscript ? "[...]" : "",
			a->append ? "+=" : "=");
		put_range(out, a->range);
		fputc('\n', out);
		dump_part(out, a->value, indent + 2, "value ");
	}
	dump_words(out, &n->simple.words, indent);
}

static const char *case_term_text(enum case_term t)
{
	return t == CASE_FALLTHROUGH ? ";&" : t == CASE_CONTINUE ? ";;&" : ";;";
}

static void dump_case(FILE *out, const struct ast_node *n, int indent)
{
	dump_part(out, n->case_.subject, indent, "subject ");
	for (size_t i = 0; i < n->case_.items.len; i++) {
		const struct case_item *ci = n->case_.items.items[i];
		pad(out, indent);
		fprintf(out, "item %s ", case_term_text(ci->term));
		put_range(out, ci->range);
		fputc('\n', out);
		for (size_t j = 0; j < ci->patterns.len; j++)
			dump_part(out, ci->patterns.items[j], indent + 2, "pattern ");
		if (ci->body)
			dump_child(out, ci->body, indent + 2, "body");
	}
}

static void dump_cond(FILE *out, const struct cond *c, int indent)
{
	static const char *const kinds[] = {
		[COND_WORD] = "word", [COND_UNARY] = "unary", [COND_BINARY] = "binary",
		[COND_NOT] = "!", [COND_AND] = "&&", [COND_OR] = "||",
	};
	pad(out, indent);
	fputs(kinds[c->type], out);
	if (c->type == COND_UNARY)
		fprintf(out, " -%c", c->op);
	else if (c->type == COND_BINARY)
		fprintf(out, " %s", cond_binop_name(c->op));
	fputc('\n', out);
	if (c->left)
		dump_part(out, c->left, indent + 2, "word ");
	if (c->right)
		dump_part(out, c->right, indent + 2, "word ");
	if (c->a)
		dump_cond(out, c->a, indent + 2);
	if (c->b)
		dump_cond(out, c->b, indent + 2);
}

static void dump_body(FILE *out, const struct ast_node *n, int indent)
{
	switch (n->type) {
	case NODE_SIMPLE:
		dump_simple(out, n, indent);
		break;
	case NODE_PIPELINE:
		for (size_t i = 0; i < n->pipeline.cmds.len; i++)
			dump_node(out, n->pipeline.cmds.items[i], indent, "");
		break;
	case NODE_AND:
	case NODE_OR:
		dump_node(out, n->binary.left, indent, "");
		dump_node(out, n->binary.right, indent, "");
		break;
	case NODE_LIST:
		for (size_t i = 0; i < n->list.items.len; i++) {
			const struct list_item *it = n->list.items.items[i];
			dump_node(out, it->cmd, indent, it->async ? " & (asynchronous)" : "");
		}
		break;
	case NODE_SUBSHELL:
	case NODE_BRACE:
		dump_node(out, n->group.body, indent, "");
		break;
	case NODE_IF:
		dump_child(out, n->if_.cond, indent, "condition");
		dump_child(out, n->if_.then_part, indent, "then");
		if (n->if_.else_part)
			dump_child(out, n->if_.else_part, indent, "else");
		break;
	case NODE_WHILE:
	case NODE_UNTIL:
		dump_child(out, n->loop.cond, indent, "condition");
		dump_child(out, n->loop.body, indent, "do");
		break;
	case NODE_FOR:
	case NODE_SELECT:
		dump_words(out, &n->for_.words, indent);
		dump_child(out, n->for_.body, indent, "do");
		break;
	case NODE_CASE:
		dump_case(out, n, indent);
		break;
	case NODE_FUNCDEF:
		dump_child(out, n->func.body, indent, "body");
		break;
	case NODE_ARITH:
		word_dump(out, n->arith.expr, indent);
		break;
	case NODE_COND:
		dump_cond(out, n->cond.expr, indent);
		break;
	case NODE_ARITH_FOR:
		word_dump(out, n->afor.init, indent);
		if (n->afor.cond)
			word_dump(out, n->afor.cond, indent);
		word_dump(out, n->afor.step, indent);
		dump_child(out, n->afor.body, indent, "do");
		break;
	}
}

static void dump_header(FILE *out, const struct ast_node *n)
{
	switch (n->type) {
	case NODE_SIMPLE: fputs("simple-command", out); break;
	case NODE_PIPELINE:
		fputs(n->pipeline.bang ? "pipeline ! (status negated)" : "pipeline", out);
		if (n->pipeline.timed)
			fputs(n->pipeline.time_posix ? " (timed, -p)" : " (timed)", out);
		break;
	case NODE_AND: fputs("and-or &&", out); break;
	case NODE_OR: fputs("and-or ||", out); break;
	case NODE_LIST: fputs("list", out); break;
	case NODE_SUBSHELL: fputs("subshell ( )", out); break;
	case NODE_BRACE: fputs("brace-group { }", out); break;
	case NODE_IF: fputs("if", out); break;
	case NODE_WHILE: fputs("while", out); break;
	case NODE_UNTIL: fputs("until", out); break;
	case NODE_SELECT:
	case NODE_FOR:
		fprintf(out, "%s %s%s", n->type == NODE_FOR ? "for" : "select", n->for_.var, n->for_.has_in ? " in" :
			" (no 'in': loops over \"$@\")");
		break;
	case NODE_CASE: fputs("case", out); break;
	case NODE_FUNCDEF: fprintf(out, "function-definition %s()", n->func.name); break;
	case NODE_ARITH: fputs("arithmetic-command (( ))", out); break;
	case NODE_COND: fputs("conditional-command [[ ]]", out); break;
	case NODE_ARITH_FOR:
		fputs(n->afor.cond ? "for (( init; cond; step ))"
		      : "for (( init; ; step )) (no condition: loops until break)", out);
		break;
	}
}

static void dump_node(FILE *out, const struct ast_node *n, int indent, const char *suffix)
{
	pad(out, indent);
	dump_header(out, n);
	fputc(' ', out);
	put_range(out, n->range);
	fprintf(out, "%s\n", suffix);
	dump_body(out, n, indent + 2);
	for (size_t i = 0; i < n->redirs.len; i++)
		dump_redir(out, n->redirs.items[i], indent + 2);
}

void ast_dump(FILE *out, const struct ast_node *n)
{
	if (n)
		dump_node(out, n, 0, "");
}

/* ============================================================ to text */

/*
 * Re-parseable text.  Here-document bodies cannot sit on the operator's
 * line: they are queued in the printer and written after the next list
 * separator, which then becomes a newline (just as a user writes them).
 */
struct printer {
	struct strbuf sb;
	struct vec docs;	/* const struct redir * (borrowed): bodies to write */
};

static void text_node(struct printer *pr, const struct ast_node *n);
/* Where a word is printed: decides how literal backslashes and quotes are written. */
enum text_ctx { CTX_UNQUOTED, CTX_DQUOTE, CTX_ARITH };

static void text_word(struct strbuf *sb, const struct word *w, enum text_ctx ctx);

static void text_dollar_single(struct strbuf *sb, const struct word *w)
{
	sb_append(sb, "$'");
	for (size_t i = 0; i < w->lit.len; i++) {
		unsigned char c = (unsigned char)w->lit.text[i];
		if (c == '\'' || c == '\\')
			sb_printf(sb, "\\%c", c);
		else if (c == '\n')
			sb_append(sb, "\\n");
		else if (c == '\t')
			sb_append(sb, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sb_printf(sb, "\\%03o", c);
		else
			sb_putc(sb, (char)c);
	}
	sb_putc(sb, '\'');
}

static void text_param(struct strbuf *sb, const struct word *w, enum text_ctx ctx)
{
	if (!w->param.braced) {
		sb_printf(sb, "$%s", w->param.name);
		return;
	}
	sb_printf(sb, "${%s%s%s", w->param.op == PARAM_LENGTH ? "#" : "",
		  w->param.indirect || w->param.op >= PARAM_NAMES_STAR ? "!" : "",
		  w->param.name);
	if (w->param.subscript) {
		sb_putc(sb, '[');
		text_word(sb, w->param.subscript, CTX_UNQUOTED);
		sb_putc(sb, ']');
	}
	if (w->param.op != PARAM_LENGTH)
		sb_printf(sb, "%s%s", w->param.colon ? ":" : "", param_ops[w->param.op]);
	/* "${x-word}": word was read like "..." text; trims and unquoted: as a word */
	bool dq = ctx == CTX_DQUOTE && w->param.op < PARAM_TRIM_SUFFIX;
	if (w->param.arg)
		text_word(sb, w->param.arg, dq ? CTX_DQUOTE : CTX_UNQUOTED);
	if (w->param.arg2) {
		sb_putc(sb, param_sep(w));
		text_word(sb, w->param.arg2, CTX_UNQUOTED);
	}
	sb_putc(sb, '}');
}

/*
 * A literal '$' just before another part ($ then "x", or $ then a $(...))
 * would join it when read back ($"x", $$()).  Quote that '$' instead.
 */
static void dollar_guard(struct strbuf *sb, const struct word *w, size_t i)
{
	const struct word *part = w->parts.items[i];
	if (i + 1 >= w->parts.len || part->type != WORD_LITERAL || !part->lit.len ||
	    part->lit.text[part->lit.len - 1] != '$')
		return;
	sb_truncate(sb, sb->len - 1);
	sb_append(sb, "\\$");
}

static void text_word(struct strbuf *sb, const struct word *w, enum text_ctx ctx)
{
	bool in_dq = ctx == CTX_DQUOTE;
	switch (w->type) {
	case WORD_LITERAL:
		/* Unquoted, a literal backslash can only have come from a
		 * backslash at the very end of the input: keep it literal. */
		for (size_t i = 0; i < w->lit.len; i++) {
			bool bs_next = i + 1 < w->lit.len && w->lit.text[i + 1] == '\\';
			if (ctx == CTX_UNQUOTED && (w->lit.text[i] == '\\' ||
						    (w->lit.text[i] == '$' && bs_next)))
				sb_putc(sb, '\\');
			sb_putc(sb, w->lit.text[i]);
		}
		break;
	case WORD_SQUOTE:
		if (w->lit.kind == SQUOTE_DOLLAR)
			text_dollar_single(sb, w);
		else if (w->lit.kind == SQUOTE_BACKSLASH || in_dq)
			for (size_t i = 0; i < w->lit.len; i++)
				sb_printf(sb, "\\%c", w->lit.text[i]);
		else
			sb_printf(sb, "'%s'", w->lit.text);
		break;
	case WORD_ARRAY:
		sb_putc(sb, '(');
		for (size_t i = 0; i < w->parts.len; i++) {
			sb_append(sb, i ? " " : "");
			text_word(sb, w->parts.items[i], CTX_UNQUOTED);
		}
		sb_putc(sb, ')');
		break;
	case WORD_DQUOTE:
	case WORD_LIST:
		if (w->type == WORD_DQUOTE)
			sb_putc(sb, '"');
		for (size_t i = 0; i < w->parts.len; i++) {
			text_word(sb, w->parts.items[i], w->type == WORD_DQUOTE ? CTX_DQUOTE : ctx);
			dollar_guard(sb, w, i);
		}
		if (w->type == WORD_DQUOTE)
			sb_putc(sb, '"');
		break;
	case WORD_PARAM:
		text_param(sb, w, ctx);
		break;
	case WORD_CMDSUB: {
		char *s = w->cmdsub.program ? ast_to_text(w->cmdsub.program) : xstrdup("");
		bool sp = s[0] == '(';	/* $( ( is not $(( */
		sb_printf(sb, "%c(%s%s%s)",
			  w->cmdsub.procsub ? w->cmdsub.procsub : '$',
			  sp ? " " : "", s, sp ? " " : "");
		free(s);
		break;
	}
	case WORD_ARITH:
		sb_append(sb, "$((");
		text_word(sb, w->arith.expr, CTX_ARITH);
		sb_append(sb, "))");
		break;
	case WORD_TILDE:
		sb_printf(sb, "~%s", w->tilde.user);
		break;
	}
}

char *word_to_text(const struct word *w)
{
	struct strbuf sb = STRBUF_INIT;
	if (w)
		text_word(&sb, w, CTX_UNQUOTED);
	return sb_finish(&sb);
}

/* The body of an unquoted here-document: like "..." content without the quotes. */
static void text_heredoc_body(struct strbuf *sb, const struct word *body)
{
	if (!body)
		return;
	if (body->type == WORD_SQUOTE) {
		sb_appendn(sb, body->lit.text, body->lit.len);
		return;
	}
	const struct vec *parts = &body->parts;
	for (size_t i = 0; i < parts->len; i++) {
		const struct word *w = parts->items[i];
		if (w->type == WORD_LITERAL)
			sb_appendn(sb, w->lit.text, w->lit.len);
		else
			text_word(sb, w, CTX_DQUOTE);
		dollar_guard(sb, body, i);
	}
}

static void flush_docs(struct printer *pr)
{
	for (size_t i = 0; i < pr->docs.len; i++) {
		const struct redir *r = pr->docs.items[i];
		bool quoted;
		char *delim = word_heredoc_delim(r->target, &quoted);
		text_heredoc_body(&pr->sb, r->body);
		/* A delimiter with a newline in it never matches a line: the
		   body ran to the end of the input, and so it must again. */
		if (!strchr(delim, '\n')) {
			if (pr->sb.len && pr->sb.data[pr->sb.len - 1] != '\n')
				sb_putc(&pr->sb, '\n');
			sb_printf(&pr->sb, "%s\n", delim);
		}
		free(delim);
	}
	pr->docs.len = 0;
}

/* A separator after a list item: ";" or "&", or a newline with bodies after it. */
static void text_sep(struct printer *pr, bool async, bool last, bool need_term)
{
	if (pr->docs.len) {
		sb_append(&pr->sb, async ? " &\n" : "\n");
		flush_docs(pr);
		return;
	}
	if (async)
		sb_append(&pr->sb, last ? " &" : " & ");
	else if (!last || need_term)
		sb_append(&pr->sb, last ? ";" : "; ");
}

/* A list; need_term: inside a compound command, end it with ; or & or newline. */
static void text_list(struct printer *pr, const struct ast_node *n, bool need_term)
{
	if (n->type != NODE_LIST) {
		text_node(pr, n);
		text_sep(pr, false, true, need_term);
		return;
	}
	for (size_t i = 0; i < n->list.items.len; i++) {
		const struct list_item *it = n->list.items.items[i];
		bool last = i + 1 == n->list.items.len;
		text_node(pr, it->cmd);
		text_sep(pr, it->async, last, need_term);
	}
}

static void text_redirs(struct printer *pr, const struct vec *redirs)
{
	for (size_t i = 0; i < redirs->len; i++) {
		const struct redir *r = redirs->items[i];
		sb_putc(&pr->sb, ' ');
		if (r->fd_var)
			sb_printf(&pr->sb, "{%s}", r->fd_var);
		else if (r->fd >= 0)
			sb_printf(&pr->sb, "%d", r->fd);
		sb_printf(&pr->sb, "%s%s", redir_ops[r->op],
			  r->op == REDIR_HEREDOC && r->strip_tabs ? "-" : "");
		/* A blank where operator and word would run together into
		   another operator: "< <(ls)" (not "<<(ls)"), "<< -x" (a
		   delimiter "-x", not "<<-" and "x"). */
		struct strbuf word = STRBUF_INIT;
		text_word(&word, r->target, CTX_UNQUOTED);
		const char *w = sb_str(&word);
		if ((w[0] && strchr("<>&|()", w[0])) ||
		    (w[0] == '-' && r->op == REDIR_HEREDOC && !r->strip_tabs))
			sb_putc(&pr->sb, ' ');
		sb_append(&pr->sb, w);
		sb_free(&word);
		if (r->op == REDIR_HEREDOC)
			vec_push(&pr->docs, (void *)r);
	}
}

static void text_words(struct printer *pr, const struct vec *v, bool space_first)
{
	for (size_t i = 0; i < v->len; i++) {
		if (i > 0 || space_first)
			sb_putc(&pr->sb, ' ');
		text_word(&pr->sb, v->items[i], CTX_UNQUOTED);
	}
}

static void text_simple(struct printer *pr, const struct ast_node *n)
{
	for (size_t i = 0; i < n->simple.assigns.len; i++) {
		const struct assign *a = n->simple.assigns.items[i];
		sb_printf(&pr->sb, "%s%s", i ? " " : "", a->name);
		if (a->subscript) {
			sb_putc(&pr->sb, '[');
			text_word(&pr->sb, a->subscript, CTX_UNQUOTED);
			sb_putc(&pr->sb, ']');
		}
		sb_append(&pr->sb, a->append ? "+=" : "=");
		text_word(&pr->sb, a->value, CTX_UNQUOTED);
	}
	const char *first = n->simple.words.len ? word_literal_text(n->simple.words.items[0]) : NULL;
	if (!n->simple.assigns.len && first && parse_reserved_word(first)) {
		/* "<f {" must not print as "{ <f": keep the redirections first */
		size_t at = pr->sb.len;
		text_redirs(pr, &n->redirs);
		text_words(pr, &n->simple.words, true);
		memmove(pr->sb.data + at, pr->sb.data + at + 1, pr->sb.len-- - at);
		return;
	}
	text_words(pr, &n->simple.words, n->simple.assigns.len > 0);
	size_t before = pr->sb.len;
	text_redirs(pr, &n->redirs);
	/* no leading blank when the command is only redirections */
	if (!n->simple.words.len && !n->simple.assigns.len && pr->sb.len > before &&
	    pr->sb.data[before] == ' ')
		memmove(pr->sb.data + before, pr->sb.data + before + 1,
			pr->sb.len-- - before);
}

/* The text of a WORD_ARITH inside (( )) or for (( )): its expression only. */
static void text_arith(struct printer *pr, const struct word *w)
{
	text_word(&pr->sb, w->arith.expr, CTX_ARITH);
}

static void text_case(struct printer *pr, const struct ast_node *n)
{
	sb_append(&pr->sb, "case ");
	text_word(&pr->sb, n->case_.subject, CTX_UNQUOTED);
	sb_append(&pr->sb, " in");
	for (size_t i = 0; i < n->case_.items.len; i++) {
		const struct case_item *ci = n->case_.items.items[i];
		sb_append(&pr->sb, " (");
		for (size_t j = 0; j < ci->patterns.len; j++) {
			if (j)
				sb_putc(&pr->sb, '|');
			text_word(&pr->sb, ci->patterns.items[j], CTX_UNQUOTED);
		}
		sb_append(&pr->sb, ") ");
		if (ci->body)
			text_list(pr, ci->body, false);
		sb_printf(&pr->sb, " %s", case_term_text(ci->term));
		if (pr->docs.len) {
			sb_putc(&pr->sb, '\n');
			flush_docs(pr);
		}
	}
	sb_append(&pr->sb, " esac");
}

/* [[ ]]'s expression; a child of another kind of && / || or of ! gets
   parentheses, so the text parses back to the same tree. */
static void text_cond(struct strbuf *sb, const struct cond *c, bool paren)
{
	if (paren)
		sb_append(sb, "( ");
	switch (c->type) {
	case COND_WORD:
		text_word(sb, c->left, CTX_UNQUOTED);
		break;
	case COND_UNARY:
		sb_printf(sb, "-%c ", c->op);
		text_word(sb, c->left, CTX_UNQUOTED);
		break;
	case COND_BINARY:
		text_word(sb, c->left, CTX_UNQUOTED);
		sb_printf(sb, " %s ", cond_binop_name(c->op));
		text_word(sb, c->right, CTX_UNQUOTED);
		break;
	case COND_NOT:
		sb_append(sb, "! ");
		text_cond(sb, c->a, c->a->type == COND_AND || c->a->type == COND_OR);
		break;
	case COND_AND:
	case COND_OR: {
		enum cond_type other = c->type == COND_AND ? COND_OR : COND_AND;
		text_cond(sb, c->a, c->a->type == other);
		sb_append(sb, c->type == COND_AND ? " && " : " || ");
		text_cond(sb, c->b, c->b->type == other);
		break;
	}
	}
	if (paren)
		sb_append(sb, " )");
}

static void text_if(struct printer *pr, const struct ast_node *n)
{
	sb_append(&pr->sb, "if ");
	for (;;) {
		text_list(pr, n->if_.cond, true);
		sb_append(&pr->sb, " then ");
		text_list(pr, n->if_.then_part, true);
		n = n->if_.else_part;
		if (!n)
			break;
		if (n->type == NODE_IF && n->redirs.len == 0) {
			sb_append(&pr->sb, " elif ");
			continue;
		}
		sb_append(&pr->sb, " else ");
		text_list(pr, n, true);
		break;
	}
	sb_append(&pr->sb, " fi");
}

static void text_compound(struct printer *pr, const struct ast_node *n)
{
	switch (n->type) {
	case NODE_SUBSHELL:
		sb_append(&pr->sb, "( ");
		text_list(pr, n->group.body, false);
		sb_append(&pr->sb, " )");
		break;
	case NODE_BRACE:
		sb_append(&pr->sb, "{ ");
		text_list(pr, n->group.body, true);
		sb_append(&pr->sb, " }");
		break;
	case NODE_IF:
		text_if(pr, n);
		break;
	case NODE_WHILE:
	case NODE_UNTIL:
		sb_append(&pr->sb, n->type == NODE_WHILE ? "while " : "until ");
		text_list(pr, n->loop.cond, true);
		sb_append(&pr->sb, " do ");
		text_list(pr, n->loop.body, true);
		sb_append(&pr->sb, " done");
		break;
	case NODE_FOR:
	case NODE_SELECT:
		sb_printf(&pr->sb, "%s %s", n->type == NODE_FOR ? "for" : "select",
			  n->for_.var);
		if (n->for_.has_in) {
			sb_append(&pr->sb, " in");
			text_words(pr, &n->for_.words, true);
		}
		sb_append(&pr->sb, "; do ");
		text_list(pr, n->for_.body, true);
		sb_append(&pr->sb, " done");
		break;
	case NODE_CASE:
		text_case(pr, n);
		break;
	case NODE_ARITH:
		sb_append(&pr->sb, "((");
		text_arith(pr, n->arith.expr);
		sb_append(&pr->sb, "))");
		break;
	case NODE_COND:
		sb_append(&pr->sb, "[[ ");
		text_cond(&pr->sb, n->cond.expr, false);
		sb_append(&pr->sb, " ]]");
		break;
	case NODE_ARITH_FOR:
		sb_append(&pr->sb, "for ((");
		text_arith(pr, n->afor.init);
		sb_append(&pr->sb, ";");
		if (n->afor.cond)
			text_arith(pr, n->afor.cond);
		sb_append(&pr->sb, ";");
		text_arith(pr, n->afor.step);
		sb_append(&pr->sb, ")); do ");
		text_list(pr, n->afor.body, true);
		sb_append(&pr->sb, " done");
		break;
	default:
		break;
	}
}

static void text_node(struct printer *pr, const struct ast_node *n)
{
	switch (n->type) {
	case NODE_SIMPLE:
		text_simple(pr, n);
		return;
	case NODE_PIPELINE:
		if (n->pipeline.timed)
			sb_append(&pr->sb, n->pipeline.time_posix ? "time -p "
				  : "time ");
		if (n->pipeline.bang)
			sb_append(&pr->sb, "! ");
		for (size_t i = 0; i < n->pipeline.cmds.len; i++) {
			if (i)
				sb_append(&pr->sb, " | ");
			text_node(pr, n->pipeline.cmds.items[i]);
		}
		return;
	case NODE_AND:
	case NODE_OR:
		text_node(pr, n->binary.left);
		sb_append(&pr->sb, n->type == NODE_AND ? " && " : " || ");
		text_node(pr, n->binary.right);
		return;
	case NODE_LIST:
		text_list(pr, n, false);
		return;
	case NODE_FUNCDEF:
		sb_printf(&pr->sb, "%s() ", n->func.name);
		text_node(pr, n->func.body);
		return;
	default:
		text_compound(pr, n);
		text_redirs(pr, &n->redirs);
	}
}

char *ast_to_text(const struct ast_node *n)
{
	struct printer pr = { STRBUF_INIT, VEC_INIT };
	if (n)
		text_node(&pr, n);
	if (pr.docs.len) {
		sb_putc(&pr.sb, '\n');
		flush_docs(&pr);
	}
	vec_free(&pr.docs);
	return sb_finish(&pr.sb);
}
