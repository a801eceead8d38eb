/* parser.c: recursive descent over the XCU 2.10.2 grammar — one function per production. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "parser/parser_internal.h"

/*
 * How to read this file: each static parse_* function is one production of
 * XCU 2.10.2 and returns the node it built, or NULL after an error.  Errors
 * are sticky (p->err): the first one wins, every function checks p->err
 * after calling another and unwinds by returning NULL, freeing what it
 * built.  No setjmp/longjmp.
 *
 * Reserved words (XCU 2.4) are not a lexer concept: a TK_WORD whose text is
 * "if" is the reserved word only where the grammar can accept one — first
 * word of a command, or `do`/`in`/`esac` at their places.  Aliases (XCU
 * 2.3.1) are substituted when a word is looked at in command position
 * (peek_cmd), by pushing the alias text in front of the input and lexing
 * again.
 */

/* ---------------------------------------------------------------- errors */

static void fail_v(struct parser *p, unsigned line, bool eof, const char *fmt,
		   va_list ap)
{
	if (p->err)
		return;
	struct strbuf sb = STRBUF_INIT;
	sb_vprintf(&sb, fmt, ap);
	p->err = sb_finish(&sb);
	p->err_line = line;
	p->incomplete = eof;
}

void parse_fail(struct parser *p, unsigned line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fail_v(p, line, false, fmt, ap);
	va_end(ap);
}

void parse_fail_eof(struct parser *p, unsigned line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fail_v(p, line, true, fmt, ap);
	va_end(ap);
}

void parse_warn(struct parser *p, unsigned line, const char *fmt, ...)
{
	if (!p->warn_fn)
		return;
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	struct pool_arena *a = pool_arena_use(NULL);	/* the hook's own memory */
	p->warn_fn(p->warn_ctx, source_name(p->src), line, sb_str(&sb));
	pool_arena_use(a);
	sb_free(&sb);
}

/* ---------------------------------------------------------------- tokens */

/* XCU 2.4, sorted (a unit test keeps it sorted; kw_index's ranges follow
   this order).  "[[", "function" and "select" are the words XCU 2.4 lets
   an implementation reserve: whelk does, as ksh and bash do, so they are
   reserved only where a command starts, and stay ordinary arguments. */
static const char *const reserved_words[] = {
	"!", "[[", "case", "do", "done", "elif", "else", "esac", "fi", "for",
	"function", "if", "in", "select", "then", "until", "while", "{", "}",
};

/* Indexes into reserved_words: a token's kw is compared as a number. */
enum reserved_index {
	KW_BANG, KW_DLBRACK, KW_CASE, KW_DO, KW_DONE, KW_ELIF, KW_ELSE, KW_ESAC,
	KW_FI, KW_FOR, KW_FUNCTION, KW_IF, KW_IN, KW_SELECT, KW_THEN, KW_UNTIL,
	KW_WHILE, KW_LBRACE, KW_RBRACE,
};
_Static_assert(sizeof reserved_words / sizeof *reserved_words == KW_RBRACE + 1,
	       "reserved_index must follow reserved_words");

static bool is_kw(const struct token *t, enum reserved_index kw)
{
	return t->type == TK_WORD && t->kw == (signed char)kw;
}

/*
 * Every word of a script passes through here, so no bsearch: the first byte
 * alone narrows the sorted table to at most three candidates (the "d", "e",
 * "f", "i" groups), and most words — names, arguments — start with a byte
 * no reserved word starts with and cost one switch.
 */
static signed char kw_index(const char *s)
{
	size_t lo, hi;
	if (!s)
		return -1;
	switch (s[0]) {
	case '!': lo = KW_BANG; hi = KW_DLBRACK; break;
	case '[': lo = KW_DLBRACK; hi = KW_CASE; break;
	case 'c': lo = KW_CASE; hi = KW_DO; break;
	case 'd': lo = KW_DO; hi = KW_ELIF; break;
	case 'e': lo = KW_ELIF; hi = KW_FI; break;
	case 'f': lo = KW_FI; hi = KW_IF; break;
	case 'i': lo = KW_IF; hi = KW_SELECT; break;
	case 's': lo = KW_SELECT; hi = KW_THEN; break;
	case 't': lo = KW_THEN; hi = KW_UNTIL; break;
	case 'u': lo = KW_UNTIL; hi = KW_WHILE; break;
	case 'w': lo = KW_WHILE; hi = KW_LBRACE; break;
	case '{': lo = KW_LBRACE; hi = KW_RBRACE; break;
	case '}': lo = KW_RBRACE; hi = KW_RBRACE + 1; break;
	default: return -1;
	}
	for (size_t i = lo; i < hi; i++) {
		/* the rest compared here: a strcmp call would cost more than
		   these few bytes */
		const char *a = s + 1, *b = reserved_words[i] + 1;
		while (*a && *a == *b)
			a++, b++;
		if (*a == *b)
			return (signed char)i;
	}
	return -1;
}

/* t->kw is computed once per token (fill), so most words cost no strcmp here. */
bool parse_reserved_word(const char *s)
{
	/* `time` is reserved only before a pipeline (parse_time_prefix), so
	   it is not in the table, but it is a keyword all the same. */
	return kw_index(s) >= 0 || (s && strcmp(s, "time") == 0);
}

static void fill(struct parser *p)
{
	if (p->err && !p->have_tok) {	/* after an error, read nothing more */
		memset(&p->tok, 0, sizeof p->tok);
		return;
	}
	if (!p->have_tok) {
		lx_next(p);
		p->tok.kw = p->tok.type == TK_WORD ? kw_index(p->tok.lit) : -1;
		p->have_tok = true;
	}
}

/* Where a word is looked at, for alias substitution (XCU 2.3.1). */
enum alias_pos {
	AP_ARG,		/* only after an alias value ending in a blank */
	AP_KW,		/* the same, but a reserved word is not replaced: the
			   `in` of for and case */
	AP_CMD,		/* command position: any word but a reserved word */
};

/*
 * XCU 2.3.1: substitute an alias for the token if it is eligible.  The
 * first word of the value is looked at again: in command position because
 * it is still the command word, elsewhere because the word it replaces was
 * eligible (dash, yash, mksh: `alias e='echo ' w='a' a=zz; e w` prints zz).
 */
static __attribute__((noinline)) void try_alias(struct parser *p,
						enum alias_pos pos)
{
	for (unsigned n = 0; n < 10000; n++) {
		fill(p);
		struct token *t = &p->tok;
		if (p->err || !p->alias_fn || t->type != TK_WORD || !t->lit ||
		    t->alias_checked || (pos != AP_CMD && !t->alias_ok))
			return;
		t->alias_checked = true;
		if ((pos != AP_ARG && t->kw >= 0) || lx_alias_active(p, t->lit))
			return;
		struct pool_arena *a = pool_arena_use(NULL);
		const char *value = p->alias_fn(p->alias_ctx, t->lit);
		pool_arena_use(a);
		if (!value)
			return;
		lx_push_alias(p, t->lit, value);
		lx_token_free(t);
		p->have_tok = false;
		p->alias_next = pos != AP_CMD;
	}
}

/*
 * The grammar functions look at the same lookahead token many times.  When
 * it is already read and is not a word still to be checked for an alias,
 * try_alias would do nothing: return it at once.
 */
static bool tok_settled(const struct parser *p)
{
	return p->have_tok && (p->tok.type != TK_WORD || p->tok.alias_checked);
}

/* The lookahead token, looked at in position pos.  Inline: the grammar
   asks for the settled token far more often than a new one is read. */
static inline struct token *peek_at(struct parser *p, enum alias_pos pos)
{
	/* A word already read that is not in command position and not
	   made eligible by an alias (most arguments): try_alias would only
	   look and return. */
	if (!tok_settled(p) && !(p->have_tok && pos != AP_CMD && !p->tok.alias_ok)) {
		fill(p);
		/* try_alias's own first test, here: most new tokens are
		   operators, words that are not plain text, or arguments */
		struct token *t = &p->tok;
		if (!p->err && p->alias_fn && t->type == TK_WORD && t->lit &&
		    !t->alias_checked && (pos == AP_CMD || t->alias_ok)) {
			if (p->alias_count && *p->alias_count == 0)
				t->alias_checked = true;	/* no alias to find */
			else
				try_alias(p, pos);
		}
	}
	return &p->tok;
}

/* The lookahead token, not in command position. */
static struct token *peek(struct parser *p)
{
	return peek_at(p, AP_ARG);
}

/* The lookahead token where a command may start: aliases apply. */
static struct token *peek_cmd(struct parser *p)
{
	return peek_at(p, AP_CMD);
}

static void consume(struct parser *p)
{
	if (!p->have_tok)
		return;
	p->last_end = p->tok.range.end;
	/* What lx_token_free does, minus clearing the token: nothing reads
	   it before fill() reads the next one, which clears it first. */
	if (p->tok.word)
		word_destroy(p->tok.word);
	if (p->tok.io_name)
		pool_free(p->tok.io_name);
	p->tok.word = NULL;
	p->tok.io_name = NULL;
	p->have_tok = false;
}

static struct word *take_word(struct parser *p)
{
	struct word *w = p->tok.word;
	p->tok.word = NULL;
	consume(p);
	return w;
}

static void unexpected(struct parser *p, const char *expect)
{
	struct token *t = &p->tok;
	unsigned line = t->range.begin.line;
	if (p->err)
		return;
	if (t->type == TK_EOF) {
		if (expect)
			parse_fail_eof(p, line, "syntax error: unexpected end of file "
				       "(expecting '%s')", expect);
		else
			parse_fail_eof(p, line, "syntax error: unexpected end of file");
	} else if (t->type == TK_NEWLINE) {
		parse_fail(p, line, "syntax error: unexpected newline");
	} else if (t->type == TK_WORD) {
		char *s = word_to_text(t->word);
		parse_fail(p, line, "syntax error: unexpected '%s'", s);
		free(s);
	} else if (t->type == TK_IO_NUMBER) {
		parse_fail(p, line, "syntax error: unexpected '%d'", t->io_number);
	} else if (t->type == TK_IO_NAME) {
		parse_fail(p, line, "syntax error: unexpected '{%s}'", t->io_name);
	} else {
		parse_fail(p, line, "syntax error: unexpected '%s'",
			   lex_token_name(t->type));
	}
}

static bool expect_kw(struct parser *p, enum reserved_index kw)
{
	if (is_kw(peek_cmd(p), kw)) {
		consume(p);
		return true;
	}
	unexpected(p, reserved_words[kw]);
	return false;
}

/* linebreak: newline_list? (XCU 2.10.2); pos: how the word after it is looked at. */
static void parse_linebreak(struct parser *p, enum alias_pos pos)
{
	while (peek_at(p, pos)->type == TK_NEWLINE)
		consume(p);
}

static bool is_redir_op(enum token_type t)
{
	return (t >= TK_LESS && t <= TK_CLOBBER) || t == TK_TLESS ||
	       t == TK_ANDGREAT || t == TK_ANDDGREAT;
}

static bool starts_redirect(const struct token *t)
{
	return is_redir_op(t->type) || t->type == TK_IO_NUMBER || t->type == TK_IO_NAME;
}

/* Words that close a construct and so end a compound list. */
static bool is_closer(const struct token *t)
{
	if (t->type != TK_WORD)
		return false;
	switch (t->kw) {
	case KW_DO: case KW_DONE: case KW_ELIF: case KW_ELSE: case KW_ESAC:
	case KW_FI: case KW_IN: case KW_THEN: case KW_RBRACE:
		return true;
	default:
		return false;
	}
}

static bool starts_command(const struct token *t)
{
	if (t->type == TK_WORD)
		return !is_closer(t);
	return t->type == TK_LPAREN || starts_redirect(t);
}

/* The first token of a compound_command (XCU 2.9.4, plus [[ and select). */
static bool starts_compound(const struct token *t)
{
	if (t->type == TK_LPAREN)
		return true;
	switch (t->type == TK_WORD ? t->kw : -1) {
	case KW_LBRACE: case KW_IF: case KW_WHILE: case KW_UNTIL: case KW_FOR:
	case KW_CASE: case KW_DLBRACK: case KW_SELECT:
		return true;
	default:
		return false;
	}
}

static struct ast_node *new_node(struct parser *p, enum node_type type)
{
	struct ast_node *n = ast_node_create(type);
	n->range.begin = p->tok.range.begin;
	n->range.end = p->tok.range.end;
	return n;
}

static struct ast_node *finish(struct parser *p, struct ast_node *n)
{
	if (p->err) {
		ast_discard(n);
		return NULL;
	}
	n->range.end = p->last_end;
	return n;
}

static bool enter(struct parser *p)
{
	if (++p->depth > PARSER_MAX_DEPTH) {
		parse_fail(p, p->tok.range.begin.line, "syntax error: too deeply nested");
		return false;
	}
	return true;
}

/* ---------------------------------------------------------- productions */

static struct ast_node *parse_and_or(struct parser *p);
static struct ast_node *parse_command(struct parser *p);

/*
 * list / compound_list: and-or lists separated by ; & or newlines.  At top
 * level (a complete_command) a newline ends the list and is left for the
 * caller, so nothing after it is read.
 */
static struct ast_node *parse_list(struct parser *p, bool top, const char *expect)
{
	if (!top)
		parse_linebreak(p, AP_CMD);
	struct ast_node *list = new_node(p, NODE_LIST);
	for (;;) {
		struct token *t = peek_cmd(p);
		if (!starts_command(t)) {
			if (list->list.items.len == 0)
				unexpected(p, expect);
			break;
		}
		struct list_item *it = ast_list_add(list);
		if (!(it->cmd = parse_and_or(p)))
			break;
		t = peek(p);
		if (t->type == TK_SEMI || t->type == TK_AND) {
			it->async = t->type == TK_AND;
			consume(p);
			if (top && (peek_cmd(p)->type == TK_NEWLINE ||
				    p->tok.type == TK_EOF))
				break;
		} else if (t->type != TK_NEWLINE || top) {
			break;
		}
		if (!top)
			parse_linebreak(p, AP_CMD);
	}
	return finish(p, list);
}

/* and_or: pipeline { (&& | ||) linebreak pipeline } — left-associative. */
static struct ast_node *parse_pipeline(struct parser *p);

static struct ast_node *parse_and_or(struct parser *p)
{
	struct ast_node *left = parse_pipeline(p);
	while (left) {
		struct token *t = peek(p);
		if (t->type != TK_AND_IF && t->type != TK_OR_IF)
			break;
		struct ast_node *n = ast_node_create(t->type == TK_AND_IF ? NODE_AND : NODE_OR);
		n->range.begin = left->range.begin;
		n->binary.left = left;
		consume(p);
		parse_linebreak(p, AP_CMD);
		n->binary.right = parse_pipeline(p);
		left = finish(p, n);
	}
	return left;
}

static struct redir *dup_to_stdout(int fd, struct src_range at);

static bool is_pipe(const struct token *t)
{
	return t->type == TK_PIPE || t->type == TK_PIPE_AND;
}

/* Is t the unquoted word s? */
static bool is_lit(const struct token *t, const char *s)
{
	return t->type == TK_WORD && t->lit && t->lit[0] == s[0] &&
	       strcmp(t->lit, s) == 0;
}

/*
 * `time [-p]` before a pipeline (bash, ksh): a reserved word in command
 * position that times the whole pipeline.  Returns 0 when there is none,
 * 1 for `time`, 2 for `time -p`.
 */
static int parse_time_prefix(struct parser *p)
{
	if (!is_lit(peek_cmd(p), "time"))
		return 0;
	consume(p);
	if (!is_lit(peek(p), "-p"))
		return 1;
	consume(p);
	return 2;
}

/* pipeline: [time [-p]] [!] command { | linebreak command } — a node only
   when there is a time, a ! or a |; `time` alone times nothing. */
static struct ast_node *parse_pipeline(struct parser *p)
{
	struct src_pos begin = peek_cmd(p)->range.begin;
	int timed = parse_time_prefix(p);
	struct token *t = timed ? peek_cmd(p) : peek(p);
	bool bang = is_kw(t, KW_BANG);
	if (bang)
		consume(p);
	struct ast_node *c = NULL;
	if (!timed || bang || starts_command(peek_cmd(p))) {
		c = parse_command(p);
		if (!c || (!bang && !timed && !is_pipe(peek(p))))
			return c;
	}
	struct ast_node *n = ast_node_create(NODE_PIPELINE);
	n->range.begin = begin;
	n->pipeline.bang = bang;
	n->pipeline.timed = timed > 0;
	n->pipeline.time_posix = timed == 2;
	if (!c)		/* `time` alone */
		return finish(p, n);
	vec_push(&n->pipeline.cmds, c);
	while (is_pipe(peek(p))) {
		if (p->tok.type == TK_PIPE_AND)	/* a |& b: a 2>&1 | b (bash) */
			vec_push(&c->redirs, dup_to_stdout(2, p->tok.range));
		consume(p);
		parse_linebreak(p, AP_CMD);
		if (!(c = parse_command(p)))
			break;
		vec_push(&n->pipeline.cmds, c);
	}
	return finish(p, n);
}

/* io_redirect: [IO_NUMBER | {name}] op WORD; here-docs are queued for the
   next newline.  *both: the operator was &> or &>> (also send fd 2). */
static struct redir *parse_redirect(struct parser *p, bool *both)
{
	static const enum redir_op ops[] = {
		[TK_LESS] = REDIR_IN, [TK_GREAT] = REDIR_OUT,
		[TK_DLESS] = REDIR_HEREDOC, [TK_DLESSDASH] = REDIR_HEREDOC,
		[TK_DGREAT] = REDIR_APPEND, [TK_LESSAND] = REDIR_DUP_IN,
		[TK_GREATAND] = REDIR_DUP_OUT, [TK_LESSGREAT] = REDIR_RDWR,
		[TK_CLOBBER] = REDIR_CLOBBER, [TK_TLESS] = REDIR_HERESTR,
		[TK_ANDGREAT] = REDIR_OUT, [TK_ANDDGREAT] = REDIR_APPEND,
	};
	struct token *t = peek(p);
	struct redir *r = pool_zalloc(sizeof *r);
	r->fd = -1;
	r->range.begin = t->range.begin;
	if (t->type == TK_IO_NUMBER) {
		r->fd = t->io_number;
		consume(p);
	} else if (t->type == TK_IO_NAME) {
		r->fd_var = t->io_name;
		t->io_name = NULL;
		consume(p);
	}
	t = peek(p);
	if (!is_redir_op(t->type)) {	/* cannot happen: the lexer saw < or > */
		unexpected(p, NULL);
		redir_destroy(r);
		return NULL;
	}
	r->op = ops[t->type];
	r->strip_tabs = t->type == TK_DLESSDASH;
	*both = t->type == TK_ANDGREAT || t->type == TK_ANDDGREAT;
	consume(p);
	/* XCU 2.7.4: the delimiter is the word as written after quote
	   removal, with no expansion (`<<EO`x`F` ends at "EO`x`F"). */
	struct strbuf raw = STRBUF_INIT, *outer_rec = p->rec;
	if (r->op == REDIR_HEREDOC && !outer_rec)
		p->rec = &raw;
	if (peek(p)->type != TK_WORD) {
		p->rec = outer_rec;
		sb_free(&raw);
		unexpected(p, NULL);
		redir_destroy(r);
		return NULL;
	}
	r->target = take_word(p);
	r->range.end = p->last_end;
	p->rec = outer_rec;
	if (r->op == REDIR_HEREDOC) {
		char *d = word_heredoc_delim(r->target, &r->quoted_delim);
		free(d);
		if (raw.len) {
			char *delim = word_unquote_delim(raw.data, raw.len);
			r->delim = pool_strdup(delim);
			free(delim);
		}
		sb_free(&raw);
		vec_push_heap(&p->heredocs, r);
	} else {
		r->target = word_tilde(r->target, false);
	}
	return r;
}

/* A redirection `fd>&1`, made by the parser for &> and |& (range: at). */
static struct redir *dup_to_stdout(int fd, struct src_range at)
{
	struct redir *r = pool_zalloc(sizeof *r);
	r->op = REDIR_DUP_OUT;
	r->fd = fd;
	r->range = at;
	r->target = word_create_text(WORD_LITERAL, "1", 1);
	r->target->range = at;
	return r;
}

/* One redirection onto n's list; &>f and &>>f are >f and >>f, then 2>&1
   (bash's meaning). */
static void add_redirect(struct parser *p, struct ast_node *n)
{
	bool both = false;
	struct redir *r = parse_redirect(p, &both);
	if (!r)
		return;
	vec_push(&n->redirs, r);
	if (both)
		vec_push(&n->redirs, dup_to_stdout(2, r->range));
}

/* Trailing redirections of a compound command (XCU 2.9.4: redirect_list). */
static struct ast_node *parse_redirect_list(struct parser *p, struct ast_node *n)
{
	while (n && !p->err && starts_redirect(peek(p)))
		add_redirect(p, n);
	return n ? finish(p, n) : NULL;
}

static struct ast_node *parse_compound(struct parser *p);

/*
 * XCU 2.9.5 wants a NAME; like bash we also accept '-', '.' and ':' after
 * the first character (foo-bar() is common), but never a leading digit.
 */
static bool func_name_ok(const char *s)
{
	if (!s || parse_reserved_word(s) || !(*s == '_' || (*s >= 'A' && *s <= 'Z') ||
				      (*s >= 'a' && *s <= 'z')))
		return false;
	for (; *s; s++)
		if (!(*s == '_' || *s == '-' || *s == '.' || *s == ':' ||
		      (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

/* The function_body after the name (and "( )"): a compound command. */
static struct ast_node *parse_func_body(struct parser *p, struct ast_node *n)
{
	parse_linebreak(p, AP_CMD);
	if (starts_compound(peek_cmd(p)))
		n->func.body = parse_compound(p);
	else
		unexpected(p, "{");
	return finish(p, n);
}

static void bad_func_name(struct parser *p, const struct word *name)
{
	char *text = word_to_text(name);
	parse_fail(p, name->range.begin.line, "syntax error: bad function name '%s'", text);
	free(text);
}

/*
 * function name [( )] compound-command (ksh, bash).  The body runs like
 * that of name() (bash's semantics; ksh93 would give such a function its
 * own traps and options).
 */
static struct ast_node *parse_function_kw(struct parser *p)
{
	struct ast_node *n = new_node(p, NODE_FUNCDEF);
	consume(p);
	struct token *t = peek(p);
	if (t->type != TK_WORD || !t->word) {	/* no word: a lexer error */
		unexpected(p, "name");
		return finish(p, n);
	}
	if (!func_name_ok(t->lit)) {
		bad_func_name(p, t->word);
		return finish(p, n);
	}
	n->func.name = pool_strdup(t->lit);
	consume(p);
	if (peek(p)->type == TK_LPAREN) {
		consume(p);
		if (peek(p)->type != TK_RPAREN) {
			unexpected(p, ")");
			return finish(p, n);
		}
		consume(p);
	}
	return parse_func_body(p, n);
}

/* function_definition: fname ( ) linebreak function_body (XCU 2.9.5). */
static struct ast_node *parse_funcdef(struct parser *p, struct ast_node *simple)
{
	struct word *name = simple->simple.words.items[0];
	const char *s = word_literal_text(name);
	if (!func_name_ok(s)) {
		bad_func_name(p, name);
		ast_discard(simple);
		return NULL;
	}
	struct ast_node *n = ast_node_create(NODE_FUNCDEF);
	n->range.begin = simple->range.begin;
	n->func.name = pool_strdup(s);
	ast_discard(simple);
	consume(p);	/* ( */
	if (peek(p)->type != TK_RPAREN) {
		unexpected(p, ")");
		return finish(p, n);
	}
	consume(p);
	return parse_func_body(p, n);
}

/* Does a '(' follow the word just read with no blank between? */
static bool lparen_adjacent(struct parser *p)
{
	struct src_pos end = p->last_end;
	struct token *t = peek(p);
	return t->type == TK_LPAREN && t->range.begin.line == end.line &&
	       t->range.begin.col == end.col;
}

/* The ( word... ) of name=( ... ) after the name=: words, newlines
   between them, up to the ')' (ksh, bash: a syntax error in POSIX). */
static struct word *parse_array_words(struct parser *p)
{
	struct word *arr = word_create(WORD_ARRAY);
	arr->range.begin = peek(p)->range.begin;
	consume(p);
	for (;;) {
		struct token *t = peek(p);
		if (p->err)
			break;
		if (t->type == TK_NEWLINE) {
			consume(p);
			continue;
		}
		if (t->type == TK_RPAREN) {
			arr->range.end = t->range.end;
			consume(p);
			return arr;
		}
		if (t->type != TK_WORD) {
			unexpected(p, ")");
			break;
		}
		vec_push(&arr->parts, word_tilde(take_word(p), false));
	}
	word_destroy(arr);
	return NULL;
}

static bool word_is_empty(const struct word *w)
{
	return w->type == WORD_LIST && w->parts.len == 0;
}

/* A word in the simple command: assignment (prefix only), or a command word. */
static void simple_word(struct parser *p, struct ast_node *n)
{
	struct word *w = take_word(p);
	if (n->simple.words.len == 0) {
		struct src_range range = w->range;
		struct word *subscript = NULL;
		bool append = false;
		char *name = word_split_assignment(&w, &subscript, &append);
		if (name) {
			struct assign *a = pool_zalloc(sizeof *a);
			a->name = name;
			a->value = w;
			a->range = range;
			a->subscript = subscript;
			a->append = append;
			vec_push(&n->simple.assigns, a);
			if (!subscript && word_is_empty(w) && lparen_adjacent(p)) {
				word_destroy(w);
				a->value = parse_array_words(p);
				if (!a->value)
					a->value = word_create(WORD_LIST);
			}
			return;
		}
	}
	vec_push(&n->simple.words, word_tilde(w, false));
}

/* declare a=( ... ): the ( ... ) joins the word before it, whose
   expansion then reads "a=(elements)" (the builtin assigns it). */
static void decl_array_word(struct parser *p, struct ast_node *n)
{
	struct word *w = n->simple.words.items[n->simple.words.len - 1];
	const struct word *lastpart = w->type == WORD_LIST && w->parts.len ?
		w->parts.items[w->parts.len - 1] : w;
	if (lastpart->type != WORD_LITERAL || !lastpart->lit.len ||
	    lastpart->lit.text[lastpart->lit.len - 1] != '=' || !lparen_adjacent(p))
		return;
	struct word *arr = parse_array_words(p);
	if (!arr)
		return;
	if (w->type != WORD_LIST) {
		struct word *l = word_create(WORD_LIST);
		l->range = w->range;
		vec_push(&l->parts, w);
		n->simple.words.items[n->simple.words.len - 1] = w = l;
	}
	vec_push(&w->parts, arr);
}

/* Is w the name of a declaration utility: declare, export, local,
   readonly, typeset? */
static bool is_decl_utility(const char *w)
{
	/* Most command names start with none of these bytes: one switch. */
	switch (w[0]) {
	case 'd': return strcmp(w, "declare") == 0;
	case 'e': return strcmp(w, "export") == 0;
	case 'l': return strcmp(w, "local") == 0;
	case 'r': return strcmp(w, "readonly") == 0;
	case 't': return strcmp(w, "typeset") == 0;
	default: return false;
	}
}

/*
 * The index of the first argument of a declaration utility among words v
 * (the utility perhaps after `command`, with -p or --), or 0 when the
 * command is none of them.  *more (may be NULL): all of v is `command` and
 * its options, so a declaration utility may still follow.
 */
static size_t decl_args(const struct vec *v, bool *more)
{
	size_t i = 0;
	const char *w;
	while (i < v->len && (w = word_literal_text(v->items[i])) &&
	       w[0] == 'c' && strcmp(w, "command") == 0) {
		i++;
		while (i < v->len && (w = word_literal_text(v->items[i])) &&
		       (strcmp(w, "-p") == 0 || strcmp(w, "--") == 0))
			i++;
	}
	if (more)
		*more = i > 0 && i == v->len;
	w = i < v->len ? word_literal_text(v->items[i]) : NULL;
	if (!w || !is_decl_utility(w))
		return 0;
	return i + 1;
}

/*
 * Issue 8 (XCU 2.9.1.1): the NAME=value arguments of the declaration
 * utilities export, readonly (and local) are expanded as assignments:
 * tilde expansion after the = and each unquoted :, and no field splitting
 * or pathname expansion (word->decl).  Done here for the literal command
 * names, also after `command`, as dash and bash do.
 */
static void decl_tilde(struct ast_node *n)
{
	struct vec *v = &n->simple.words;
	size_t first = decl_args(v, NULL);
	if (first == 0)
		return;
	for (size_t i = first; i < v->len; i++) {
		struct word *w = v->items[i];
		struct src_range range = w->range;
		char *name = word_split_assign(&w);
		if (!name)
			continue;
		struct word *list = word_create(WORD_LIST), *head = word_create(WORD_LITERAL);
		list->range = range;
		head->lit.len = strlen(name) + 1;
		head->lit.text = pool_alloc(head->lit.len + 1);
		memcpy(head->lit.text, name, head->lit.len - 1);
		memcpy(head->lit.text + head->lit.len - 1, "=", 2);
		head->range = range;
		vec_push(&list->parts, head);
		if (w->type == WORD_LIST) {
			for (size_t j = 0; j < w->parts.len; j++)
				vec_push(&list->parts, w->parts.items[j]);
			w->parts.len = 0;
			word_destroy(w);
		} else {
			vec_push(&list->parts, w);
		}
		pool_free(name);
		list->decl = true;
		v->items[i] = list;
	}
}

/* simple_command: prefix and suffix of assignments, words and redirections. */
static struct ast_node *parse_simple(struct parser *p)
{
	struct ast_node *n = new_node(p, NODE_SIMPLE);
	bool decl = true;	/* the words so far may begin a declaration
				   utility's command (decl_args) */
	for (;;) {
		struct token *t = n->simple.words.len ? peek(p) : peek_cmd(p);
		if (p->err)
			break;
		if (starts_redirect(t)) {
			add_redirect(p, n);
			continue;
		}
		if (t->type != TK_WORD)
			break;
		bool first = n->simple.words.len == 0 && n->simple.assigns.len == 0 &&
			     n->redirs.len == 0;
		simple_word(p, n);
		if (first && n->simple.words.len == 1 && peek(p)->type == TK_LPAREN)
			return parse_funcdef(p, finish(p, n));
		if (decl && n->simple.words.len) {
			bool more;
			if (decl_args(&n->simple.words, &more)) {
				if (n->simple.words.len > 1)
					decl_array_word(p, n);
			} else if (!more) {
				decl = false;	/* no declaration utility can follow */
			}
		}
	}
	if (!p->err && n->simple.words.len + n->simple.assigns.len + n->redirs.len == 0)
		unexpected(p, NULL);
	decl_tilde(n);
	return finish(p, n);
}

/* if_clause: if list then list { elif list then list } [else list] fi */
static struct ast_node *parse_if(struct parser *p)
{
	struct ast_node *top = new_node(p, NODE_IF), *n = top;
	unsigned depth = p->depth;
	consume(p);
	for (;;) {
		n->if_.cond = parse_list(p, false, "then");
		if (!n->if_.cond || !expect_kw(p, KW_THEN))
			break;
		if (!(n->if_.then_part = parse_list(p, false, "fi")))
			break;
		struct token *t = peek_cmd(p);
		if (is_kw(t, KW_ELIF)) {	/* elif is an if nested in the else part */
			if (!enter(p))
				break;
			n->if_.else_part = new_node(p, NODE_IF);
			n = n->if_.else_part;
			consume(p);
			continue;
		}
		if (is_kw(t, KW_ELSE)) {
			consume(p);
			n->if_.else_part = parse_list(p, false, "fi");
		}
		break;
	}
	p->depth = depth;
	if (!p->err)
		expect_kw(p, KW_FI);
	for (n = top->if_.else_part; n && n->type == NODE_IF && !p->err; n = n->if_.else_part)
		n->range.end = p->last_end;	/* an elif ends where its fi does */
	return finish(p, top);
}

/* do_group: do compound_list done */
static struct ast_node *parse_do_group(struct parser *p)
{
	if (!expect_kw(p, KW_DO))
		return NULL;
	struct ast_node *body = parse_list(p, false, "done");
	if (body && !expect_kw(p, KW_DONE)) {
		ast_discard(body);
		return NULL;
	}
	return body;
}

/* while_clause / until_clause */
static struct ast_node *parse_loop(struct parser *p, enum node_type type)
{
	struct ast_node *n = new_node(p, type);
	consume(p);
	n->loop.cond = parse_list(p, false, "do");
	if (n->loop.cond)
		n->loop.body = parse_do_group(p);
	return finish(p, n);
}

/*
 * Read ahead from just after "((" to see whether the text closes with "))"
 * (an arithmetic command) or with a lone ')' (nested subshells, such as
 * "((cd d; make) | tee log)").  Quotes and backslashes are skipped so a ')'
 * inside them does not count.  The bytes read go into sb.
 */
static bool closes_with_double_paren(struct parser *p, struct strbuf *sb)
{
	int depth = 0, c;
	char quote = 0;
	while ((c = lx_getc(p)) >= 0) {
		sb_putc(sb, (char)c);
		if (quote) {
			if (c == quote)
				quote = 0;
			else if (c == '\\' && quote == '"' && (c = lx_getc(p)) >= 0)
				sb_putc(sb, (char)c);
		} else if (c == '\'' || c == '"') {
			quote = (char)c;
		} else if (c == '\\') {
			if ((c = lx_getc(p)) >= 0)
				sb_putc(sb, (char)c);
		} else if (c == '(') {
			depth++;
		} else if (c == ')' && depth > 0) {
			depth--;
		} else if (c == ')') {
			c = lx_getc(p);
			if (c >= 0)
				sb_putc(sb, (char)c);
			return c == ')';
		}
	}
	return true;	/* end of input: the arithmetic reader reports it */
}

/*
 * Is the '(' token just read the first of an arithmetic command's "(("?  The
 * lexer stops right after a '(' operator, so the next input byte tells
 * whether a second '(' follows; then, as ksh, bash and mksh do, the text up
 * to the matching close decides: "))" is arithmetic, a lone ')' means nested
 * subshells.  What was read ahead is given back to the lexer either way.
 * "( (" with a blank is always two subshells, as XCU 2.9.4 asks conforming
 * scripts to write it.
 */
static bool at_double_paren(struct parser *p)
{
	if (!p->have_tok || p->tok.type != TK_LPAREN || lx_peekc(p) != '(')
		return false;
	struct src_pos at = p->pos;
	struct strbuf sb = STRBUF_INIT;
	sb_putc(&sb, (char)lx_getc(p));
	bool arith = closes_with_double_paren(p, &sb);
	lx_unread(p, sb_str(&sb), at);
	sb_free(&sb);
	return arith;
}

/* An empty or all-blank arithmetic text: "for ((;;))" has no condition. */
static bool arith_empty(const struct word *w)
{
	const struct word *e = w->arith.expr;
	if (e->type == WORD_LIST && e->parts.len == 0)
		return true;
	const char *text = word_literal_text(e);
	return text && text[strspn(text, " \t\n")] == '\0';
}

/*
 * (( expression )) -- an extension of ksh and bash: the expression of
 * $(( )) (XCU 2.6.4 plus whelk's extensions), status 0 when its value is
 * not zero.  Called with "(" as the lookahead and the second "(" next.
 */
static struct ast_node *parse_arith_cmd(struct parser *p)
{
	struct ast_node *n = new_node(p, NODE_ARITH);
	struct src_pos at = p->tok.range.begin;
	consume(p);			/* the first "(" */
	lx_getc(p);			/* the second */
	n->arith.expr = word_lex_arith(p, WM_ARITH, at);
	p->last_end = p->pos;
	return finish(p, n);
}

/* for (( init; cond; step )) [;] do_group -- after "for" (extension). */
static struct ast_node *parse_arith_for(struct parser *p)
{
	struct ast_node *n = new_node(p, NODE_ARITH_FOR);
	struct src_pos at = p->tok.range.begin;
	consume(p);
	lx_getc(p);
	n->afor.init = word_lex_arith(p, WM_ARITH_SEMI, at);
	if (n->afor.init)
		n->afor.cond = word_lex_arith(p, WM_ARITH_SEMI, at);
	if (n->afor.cond)
		n->afor.step = word_lex_arith(p, WM_ARITH, at);
	if (!n->afor.step)
		return finish(p, n);
	if (arith_empty(n->afor.cond)) {
		word_destroy(n->afor.cond);
		n->afor.cond = NULL;
	}
	p->last_end = p->pos;
	if (peek(p)->type == TK_SEMI)
		consume(p);
	parse_linebreak(p, AP_CMD);
	n->afor.body = parse_do_group(p);
	return finish(p, n);
}

/*
 * for_clause: for name [linebreak in wordlist sequential_sep | sequential_sep] do_group
 * select (ksh, bash) has the same shape: select name [in words]; do list; done
 */
static struct ast_node *parse_for(struct parser *p, enum node_type type)
{
	struct ast_node *n = new_node(p, type);
	consume(p);
	struct token *t = peek(p);
	if (type == NODE_FOR && at_double_paren(p)) {
		ast_discard(n);
		return parse_arith_for(p);
	}
	if (t->type != TK_WORD || !t->lit || !parse_is_name(t->lit)) {
		if (t->type == TK_WORD)
			parse_fail(p, t->range.begin.line, "syntax error: bad %s loop variable",
				   type == NODE_FOR ? "for" : "select");
		else
			unexpected(p, "name");
		return finish(p, n);
	}
	n->for_.var = pool_strdup(t->lit);
	consume(p);
	parse_linebreak(p, AP_KW);
	t = peek(p);
	if (is_kw(t, KW_IN)) {
		n->for_.has_in = true;
		consume(p);
		while ((t = peek(p))->type == TK_WORD)
			vec_push(&n->for_.words, word_tilde(take_word(p), false));
		if (t->type != TK_SEMI && t->type != TK_NEWLINE) {
			unexpected(p, "do");
			return finish(p, n);
		}
		consume(p);
	} else if (t->type == TK_SEMI) {
		consume(p);
	}
	parse_linebreak(p, AP_CMD);
	n->for_.body = parse_do_group(p);
	return finish(p, n);
}

/* pattern: [(] word { | word } ) */
static bool parse_patterns(struct parser *p, struct case_item *ci)
{
	if (peek(p)->type == TK_LPAREN)
		consume(p);
	for (;;) {
		struct token *t = peek(p);
		if (t->type != TK_WORD) {
			unexpected(p, ")");
			return false;
		}
		vec_push(&ci->patterns, word_tilde(take_word(p), false));
		t = peek(p);
		if (t->type == TK_RPAREN) {
			consume(p);
			return true;
		}
		if (t->type != TK_PIPE) {
			unexpected(p, ")");
			return false;
		}
		consume(p);
	}
}

/* ;; ;& ;;& */
static bool is_case_term(const struct token *t)
{
	return t->type == TK_DSEMI || t->type == TK_SEMI_AND || t->type == TK_DSEMI_AND;
}

/* case_item: pattern ) linebreak [compound_list] (;; | ;& | before esac) */
static bool parse_case_item(struct parser *p, struct ast_node *n)
{
	struct case_item *ci = pool_zalloc(sizeof *ci);
	ci->range.begin = p->tok.range.begin;
	vec_push(&n->case_.items, ci);
	if (!parse_patterns(p, ci))
		return false;
	parse_linebreak(p, AP_CMD);
	struct token *t = peek_cmd(p);
	if (!is_case_term(t) && !is_kw(t, KW_ESAC))
		if (!(ci->body = parse_list(p, false, "esac")))
			return false;
	t = peek(p);
	ci->range.end = p->last_end;
	if (is_case_term(t)) {
		ci->term = t->type == TK_SEMI_AND ? CASE_FALLTHROUGH :
			   t->type == TK_DSEMI_AND ? CASE_CONTINUE : CASE_BREAK;
		consume(p);
		ci->range.end = p->last_end;
		parse_linebreak(p, AP_KW);
		return true;
	}
	if (!is_kw(t, KW_ESAC)) {
		unexpected(p, "esac");
		return false;
	}
	return true;
}

/* case_clause: case word linebreak in linebreak { case_item } esac */
static struct ast_node *parse_case(struct parser *p)
{
	struct ast_node *n = new_node(p, NODE_CASE);
	consume(p);
	if (peek(p)->type != TK_WORD) {
		unexpected(p, "word");
		return finish(p, n);
	}
	n->case_.subject = word_tilde(take_word(p), false);
	parse_linebreak(p, AP_KW);
	if (!is_kw(peek(p), KW_IN)) {
		unexpected(p, "in");
		return finish(p, n);
	}
	consume(p);
	parse_linebreak(p, AP_KW);
	while (!p->err && !is_kw(peek(p), KW_ESAC)) {
		if (p->tok.type == TK_EOF) {
			unexpected(p, "esac");
			break;
		}
		if (!parse_case_item(p, n))
			break;
	}
	if (!p->err)
		consume(p);	/* esac */
	return finish(p, n);
}

/* brace_group: { compound_list }   subshell: ( compound_list ) */
static struct ast_node *parse_group(struct parser *p, enum node_type type)
{
	struct ast_node *n = new_node(p, type);
	consume(p);
	n->group.body = parse_list(p, false, type == NODE_BRACE ? "}" : ")");
	if (!n->group.body)
		return finish(p, n);
	if (type == NODE_BRACE)
		expect_kw(p, KW_RBRACE);
	else if (peek(p)->type == TK_RPAREN)
		consume(p);
	else
		unexpected(p, ")");
	return finish(p, n);
}

/* ------------------------------------------------ [[ expression ]] */

/*
 * [[ ]] (ksh, bash; XCU 2.4 lets "[[" be reserved): its own little grammar,
 *   or := and { || and },  and := not { && not },  not := ! not | primary,
 *   primary := ( or ) | -X word | word binop word | word
 * read from the ordinary tokens: < > ( ) && || are operators, everything
 * else a word.  The words are expanded without field splitting or pathname
 * expansion at run time (exec/cond.c).  Newlines may separate the parts.
 * The right side of =~ is read by word.c's WM_REGEX: ( ) | are plain bytes
 * there, as in bash, so `[[ $x =~ ^(a|b)+$ ]]` needs no quoting.
 */
static struct cond *cond_or(struct parser *p);

static struct cond *cond_new(enum cond_type type)
{
	struct cond *c = pool_zalloc(sizeof *c);
	c->type = type;
	return c;
}

static struct token *cond_peek(struct parser *p)
{
	while (peek(p)->type == TK_NEWLINE)
		consume(p);
	return &p->tok;
}

/* The operator's letter when t is a unary operator of [[ ]], else 0. */
static int cond_unary_op(const struct token *t)
{
	const char *s = t->type == TK_WORD ? t->lit : NULL;
	if (!s || s[0] != '-' || !s[1] || s[2] ||
	    !strchr("abcdefghknoprstuvwxzGLNOS", s[1]))
		return 0;
	return s[1];
}

/* The binary operator t spells, or -1. */
static int cond_binop(const struct token *t)
{
	static const struct { const char *name; int op; } ops[] = {
		{ "=", CB_MATCH }, { "==", CB_MATCH }, { "!=", CB_NOMATCH },
		{ "=~", CB_REGEX }, { "-eq", CB_EQ }, { "-ne", CB_NE },
		{ "-lt", CB_LTN }, { "-le", CB_LEN }, { "-gt", CB_GTN },
		{ "-ge", CB_GEN }, { "-nt", CB_NT }, { "-ot", CB_OT },
		{ "-ef", CB_EF },
	};
	if (t->type == TK_LESS)
		return CB_LT;
	if (t->type == TK_GREAT)
		return CB_GT;
	if (t->type != TK_WORD || !t->lit)
		return -1;
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strcmp(t->lit, ops[i].name) == 0)
			return ops[i].op;
	return -1;
}

/* An operand: a word that is not "]]". */
static struct word *cond_operand(struct parser *p)
{
	struct token *t = peek(p);
	if (t->type != TK_WORD || is_lit(t, "]]")) {
		unexpected(p, NULL);
		return NULL;
	}
	return word_tilde(take_word(p), false);
}

/* The right side of =~, read before any token is: the lexer's rules for
   ( ) | do not apply to it. */
static struct word *cond_regex(struct parser *p)
{
	int c;
	while ((c = lx_getc_bnl(p)) == ' ' || c == '\t')
		;
	lx_ungetc(p, c);
	if (c < 0 || c == '\n') {
		fill(p);
		unexpected(p, NULL);
		return NULL;
	}
	struct word *w = word_lex(p, WM_REGEX);
	p->last_end = p->pos;
	return w;
}

static struct cond *cond_primary(struct parser *p)
{
	struct token *t = cond_peek(p);
	if (t->type == TK_LPAREN) {
		consume(p);
		if (!enter(p))
			return NULL;
		struct cond *c = cond_or(p);
		p->depth--;
		if (c && cond_peek(p)->type == TK_RPAREN) {
			consume(p);
			return c;
		}
		unexpected(p, ")");
		cond_destroy(c);
		return NULL;
	}
	int unary = cond_unary_op(t);
	struct word *w = cond_operand(p);
	if (!w)
		return NULL;
	t = peek(p);
	int op = cond_binop(t);
	struct cond *c;
	if (unary && op < 0 && t->type == TK_WORD && !is_lit(t, "]]")) {
		c = cond_new(COND_UNARY);
		c->op = unary;
		word_destroy(w);
		c->left = cond_operand(p);
	} else if (op >= 0) {
		c = cond_new(COND_BINARY);
		c->op = op;
		c->left = w;
		consume(p);
		c->right = op == CB_REGEX ? cond_regex(p) : cond_operand(p);
	} else {
		c = cond_new(COND_WORD);
		c->left = w;
	}
	if (p->err) {
		cond_destroy(c);
		return NULL;
	}
	return c;
}

static struct cond *cond_not(struct parser *p)
{
	struct token *t = cond_peek(p);
	if (!is_lit(t, "!"))
		return cond_primary(p);
	consume(p);
	if (!enter(p))
		return NULL;
	struct cond *a = cond_not(p);
	p->depth--;
	if (!a)
		return NULL;
	struct cond *c = cond_new(COND_NOT);
	c->a = a;
	return c;
}

/* and / or: left-associative chains of the next level down. */
static struct cond *cond_chain(struct parser *p, enum token_type tk)
{
	struct cond *left = tk == TK_AND_IF ? cond_not(p) : cond_chain(p, TK_AND_IF);
	while (left && cond_peek(p)->type == tk) {
		consume(p);
		struct cond *right = tk == TK_AND_IF ? cond_not(p)
				     : cond_chain(p, TK_AND_IF);
		if (!right) {
			cond_destroy(left);
			return NULL;
		}
		struct cond *c = cond_new(tk == TK_AND_IF ? COND_AND : COND_OR);
		c->a = left;
		c->b = right;
		left = c;
	}
	return left;
}

static struct cond *cond_or(struct parser *p)
{
	return cond_chain(p, TK_OR_IF);
}

/* [[ expression ]]: extended patterns are always on inside (as bash). */
static struct ast_node *parse_cond(struct parser *p)
{
	struct ast_node *n = new_node(p, NODE_COND);
	bool extglob = p->extglob;
	consume(p);
	p->extglob = true;
	if (is_lit(cond_peek(p), "]]"))
		unexpected(p, NULL);
	else
		n->cond.expr = cond_or(p);
	if (!p->err && is_lit(cond_peek(p), "]]"))
		consume(p);
	else
		unexpected(p, "]]");
	p->extglob = extglob;
	return finish(p, n);
}

/* compound_command [redirect_list] */
static struct ast_node *parse_compound(struct parser *p)
{
	struct token *t = peek_cmd(p);
	struct ast_node *n = NULL;
	if (!enter(p))
		return NULL;
	if (t->type == TK_LPAREN && at_double_paren(p))
		n = parse_arith_cmd(p);
	else if (t->type == TK_LPAREN)
		n = parse_group(p, NODE_SUBSHELL);
	else if (is_kw(t, KW_LBRACE))
		n = parse_group(p, NODE_BRACE);
	else if (is_kw(t, KW_IF))
		n = parse_if(p);
	else if (is_kw(t, KW_WHILE))
		n = parse_loop(p, NODE_WHILE);
	else if (is_kw(t, KW_UNTIL))
		n = parse_loop(p, NODE_UNTIL);
	else if (is_kw(t, KW_FOR))
		n = parse_for(p, NODE_FOR);
	else if (is_kw(t, KW_SELECT))
		n = parse_for(p, NODE_SELECT);
	else if (is_kw(t, KW_DLBRACK))
		n = parse_cond(p);
	else
		n = parse_case(p);
	p->depth--;
	return parse_redirect_list(p, n);
}

/* command: compound_command | function_definition | simple_command */
static struct ast_node *parse_command(struct parser *p)
{
	struct token *t = peek_cmd(p);
	if (p->err)
		return NULL;
	if (starts_compound(t))
		return parse_compound(p);
	if (is_kw(t, KW_FUNCTION))
		return parse_function_kw(p);
	if (!starts_command(t) || is_kw(t, KW_BANG)) {
		unexpected(p, NULL);
		return NULL;
	}
	return parse_simple(p);
}

/* -------------------------------------------------------- nested input */

struct parser *parser_create_nested(struct parser *parent, struct source *src)
{
	struct parser *p = parser_create(src);
	p->alias_fn = parent->alias_fn;
	p->alias_ctx = parent->alias_ctx;
	p->alias_count = parent->alias_count;
	p->warn_fn = parent->warn_fn;
	p->warn_ctx = parent->warn_ctx;
	p->syntax_fn = parent->syntax_fn;
	p->syntax_ctx = parent->syntax_ctx;
	p->extglob = parent->extglob;
	p->posix = parent->posix;
	p->depth = parent->depth;
	return p;
}

/*
 * $( ... ): parsed from the same input, recursively, up to the ')' that the
 * grammar says closes it — so a ')' in a case pattern or inside quotes does
 * not end it (XCU 2.6.3).  The lookahead token being built by the caller is
 * saved around the nested parse.
 */
struct ast_node *parse_cmdsub_body(struct parser *p)
{
	struct token saved = p->tok;
	struct vec outer_docs = p->heredocs, outer_active = p->active_aliases;
	struct ast_node *prog = NULL;
	vec_init(&p->heredocs);
	vec_init(&p->active_aliases);
	p->have_tok = false;
	parse_linebreak(p, AP_CMD);
	if (peek(p)->type != TK_RPAREN)
		prog = parse_list(p, false, ")");
	if (!p->err && peek(p)->type != TK_RPAREN)
		unexpected(p, ")");
	if (!p->err)
		consume(p);
	if (p->have_tok)
		lx_token_free(&p->tok);
	p->have_tok = false;
	/* $(cat <<EOF) with the body after the line: read at the next newline. */
	for (size_t i = 0; i < p->heredocs.len; i++)
		vec_push_heap(&outer_docs, p->heredocs.items[i]);
	vec_free(&p->heredocs);
	vec_free_all(&p->active_aliases, free);
	p->heredocs = outer_docs;
	p->active_aliases = outer_active;
	p->tok = saved;
	if (p->err) {
		ast_discard(prog);
		return NULL;
	}
	return prog;
}

/* Move cmd's items to the end of all (copies: an item may live inside cmd). */
static void list_append(struct ast_node *all, struct ast_node *cmd)
{
	for (size_t i = 0; i < cmd->list.items.len; i++) {
		struct list_item *from = cmd->list.items.items[i];
		*ast_list_add(all) = *from;
		from->cmd = NULL;
	}
	if (all->list.items.len == cmd->list.items.len)
		all->range.begin = cmd->range.begin;
	all->range.end = cmd->range.end;
	ast_discard(cmd);
}

/*
 * The lookahead token outlives the command; when the command's arena is
 * freed (after an error), a word the token still points into goes with it.
 */
static void forget_arena_token(struct parser *p)
{
	if (!p->have_tok)
		return;
	p->tok.word = NULL;
	p->tok.lit = NULL;
	p->tok.io_name = NULL;
}

/*
 * Parse everything p's source holds into one NODE_LIST (NULL when empty).
 * All of it goes into one arena: the current one when this text is nested
 * in a command being parsed (`...`), else a new one that the list's root
 * holds.
 */
static struct ast_node *parse_all(struct parser *p)
{
	struct ast_node *all = NULL, *cmd;
	enum parse_status st;
	struct pool_arena *own = NULL;
	if (!pool_arena_current())
		pool_arena_use(own = pool_arena_create());
	while ((st = parser_next(p, &cmd)) == PARSE_OK) {
		if (!all) {
			all = cmd;
			continue;
		}
		list_append(all, cmd);
	}
	if (own)
		pool_arena_use(NULL);
	if (st != PARSE_EOF || !all) {
		if (own) {
			forget_arena_token(p);
			pool_arena_unref(own);
		}
		else
			ast_discard(all);
		return NULL;
	}
	return all;
}

struct ast_node *parse_nested_text(struct parser *p, const char *text,
				   struct src_pos at)
{
	struct source *src = source_from_string(source_name(p->src), text, strlen(text));
	source_set_line(src, at.line);
	struct parser *np = parser_create_nested(p, src);
	np->pos = at;		/* positions continue those of the outer text */
	np->keep_pos = true;
	struct ast_node *prog = parse_all(np);
	if (np->err && !p->err) {
		/* More input cannot complete a `...` that is already closed. */
		parse_fail(p, np->err_line, "%s", np->err);
	}
	parser_destroy(np);
	source_destroy(src);
	return prog;
}

/* ---------------------------------------------------------- public API */

struct parser *parser_create(struct source *src)
{
	struct parser *p = xcalloc(1, sizeof *p);
	p->src = src;
	p->pos.line = source_line(src);
	p->pos.col = source_col(src);
	vec_init(&p->heredocs);
	vec_init(&p->active_aliases);
	return p;
}

void parser_destroy(struct parser *p)
{
	if (!p)
		return;
	lx_clear_input(p);
	if (p->have_tok)
		lx_token_free(&p->tok);
	vec_free(&p->heredocs);
	vec_free_all(&p->active_aliases, free);
	free(p->err);
	free(p);
}

void parser_set_alias_hook(struct parser *p, parser_alias_fn fn, void *ctx)
{
	p->alias_fn = fn;
	p->alias_ctx = ctx;
}

void parser_set_alias_count(struct parser *p, const size_t *count)
{
	p->alias_count = count;
}

void parser_set_warn_hook(struct parser *p, parser_warn_fn fn, void *ctx)
{
	p->warn_fn = fn;
	p->warn_ctx = ctx;
}

void parser_set_syntax_hook(struct parser *p, parser_syntax_fn fn, void *ctx)
{
	p->syntax_fn = fn;
	p->syntax_ctx = ctx;
}

static enum parse_status parse_status_of(struct parser *p)
{
	p->heredocs.len = 0;	/* their redirs were freed with the tree */
	return p->incomplete ? PARSE_INCOMPLETE : PARSE_ERROR;
}

static enum parse_status parse_one(struct parser *p, struct ast_node **out);

/*
 * One complete command, in an arena of its own that the root holds (see
 * ast.h): the tree is freed at once when the caller destroys the root.
 * Nested in a command being parsed, or under parse_all, the current arena
 * is used instead.
 */
enum parse_status parser_next(struct parser *p, struct ast_node **out)
{
	if (pool_arena_current())
		return parse_one(p, out);
	struct pool_arena *a = pool_arena_create();
	pool_arena_use(a);
	enum parse_status st = parse_one(p, out);
	pool_arena_use(NULL);
	if (st != PARSE_OK || !*out) {
		forget_arena_token(p);
		pool_arena_unref(a);
	}
	return st;
}

static enum parse_status parse_one(struct parser *p, struct ast_node **out)
{
	unsigned base = p->depth;
	*out = NULL;
	free(p->err);
	p->err = NULL;
	p->incomplete = false;
	if (p->syntax_fn) {
		struct pool_arena *a = pool_arena_use(NULL);
		int syn = p->syntax_fn(p->syntax_ctx);
		pool_arena_use(a);
		p->extglob = syn & PARSE_SYN_EXTGLOB;
		p->posix = syn & PARSE_SYN_POSIX;
	}
	if (!p->have_tok && !p->npb && !p->aliases && !p->keep_pos) {
		p->pos.line = source_line(p->src);
		p->pos.col = source_col(p->src);
	}
	for (;;) {
		if (!p->have_tok)
			source_reset_prompt(p->src);
		struct token *t = peek_cmd(p);
		if (p->err)
			return parse_status_of(p);
		if (t->type == TK_EOF)
			return PARSE_EOF;
		if (t->type != TK_NEWLINE)
			break;
		consume(p);
	}
	struct ast_node *list = parse_list(p, true, NULL);
	if (list) {
		struct token *t = peek(p);
		if (t->type == TK_NEWLINE)
			consume(p);
		else if (t->type != TK_EOF)
			unexpected(p, NULL);
	}
	p->depth = base;
	if (p->err) {
		ast_discard(list);
		return parse_status_of(p);
	}
	*out = list;
	return PARSE_OK;
}

const char *parser_error(const struct parser *p)
{
	return p->err ? p->err : "";
}

unsigned parser_error_line(const struct parser *p)
{
	return p->err_line;
}

void parser_recover(struct parser *p)
{
	bool at_newline = p->have_tok && p->tok.type == TK_NEWLINE;
	bool at_eof = p->have_tok && p->tok.type == TK_EOF;
	if (p->have_tok)
		lx_token_free(&p->tok);
	p->have_tok = false;
	lx_clear_input(p);
	if (!at_newline && !at_eof) {
		int c;
		while ((c = lx_getc(p)) >= 0 && c != '\n')
			;
	}
	free(p->err);
	p->err = NULL;
	p->incomplete = false;
}

struct ast_node *parse_string(const char *name, const char *text, char **err)
{
	struct source *src = source_from_string(name, text, strlen(text));
	struct parser *p = parser_create(src);
	struct ast_node *prog = parse_all(p);
	*err = NULL;
	if (p->err) {
		struct strbuf sb = STRBUF_INIT;
		sb_printf(&sb, "line %u: %s", p->err_line, p->err);
		*err = sb_finish(&sb);
	} else if (!prog) {
		prog = ast_node_create(NODE_LIST);
	}
	parser_destroy(p);
	source_destroy(src);
	return prog;
}

struct word *parse_heredoc_text(const char *name, const char *text, char **err)
{
	/* word_parse_heredoc reads the body through a parser nested in p (so
	   errors and positions are p's); p itself reads nothing. */
	struct source *src = source_from_string(name, "", 0);
	struct parser *p = parser_create(src);
	struct word *w = word_parse_heredoc(p, xstrdup(text), strlen(text), 1);
	*err = NULL;
	if (p->err) {
		struct strbuf sb = STRBUF_INIT;
		sb_printf(&sb, "line %u: %s", p->err_line, p->err);
		*err = sb_finish(&sb);
		word_destroy(w);
		w = NULL;
	}
	parser_destroy(p);
	source_destroy(src);
	return w;
}

bool parse_is_name(const char *s)
{
	if (!s || !(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return false;
	for (s++; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9')))
			return false;
	return true;
}
