/* lexer.c: bytes to tokens — operators, blanks, comments, IO_NUMBER, alias text and here-document bodies (XCU 2.3). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "parser/parser_internal.h"

/* ------------------------------------------------------------ byte input */

/*
 * Three layers feed the lexer, top first: bytes pushed back by the lexer
 * itself, the text of aliases being substituted (a stack: an alias value may
 * begin with another alias), and the source.  Positions advance only for
 * source bytes, so a token read from alias text is reported at the place
 * where the alias name was written.
 */
static void lx_remember(struct parser *p, bool from_alias)
{
	unsigned i = p->nhist % LX_HISTORY;
	p->hist[i] = p->pos;
	p->hist_alias[i] = from_alias;
	p->nhist++;
	p->last_from_alias = from_alias;
}

static void alias_frame_free(struct alias_frame *f)
{
	vec_free_all(&f->chain, free);
	free(f->name);
	free(f->text);
	free(f);
}

static int lx_alias_getc(struct parser *p, bool *source_bytes)
{
	while (p->aliases) {
		struct alias_frame *f = p->aliases;
		*source_bytes = f->source_bytes;
		if (f->text[f->pos] != '\0')
			return (unsigned char)f->text[f->pos++];
		/* This alias's text is used up.  XCU 2.3.1: if its value
		 * ended in a blank, the next word is checked for aliases. */
		p->aliases = f->next;
		if (f->trailing_blank)
			p->alias_next = true;
		alias_frame_free(f);
	}
	return -1;
}

static void lx_advance(struct parser *p, int c)
{
	if (c == '\n') {
		p->pos.line++;
		p->pos.col = 1;
	} else if (c >= 0) {
		p->pos.col++;
	}
}

static int lx_getc_raw(struct parser *p)
{
	if (p->npb > 0) {
		struct pushback *b = &p->pb[--p->npb];
		p->pos = b->pos;
		lx_remember(p, b->from_alias);
		if (!b->from_alias)
			lx_advance(p, b->c);
		return b->c;
	}
	bool source_bytes = false;
	int c = lx_alias_getc(p, &source_bytes);
	if (c >= 0) {
		lx_remember(p, !source_bytes);
		if (source_bytes)
			lx_advance(p, c);
		return c;
	}
	c = source_getc(p->src);
	lx_remember(p, false);
	lx_advance(p, c);
	return c;
}

int lx_getc_slow(struct parser *p)
{
	int c = lx_getc_raw(p);
	if (p->rec && c >= 0)
		sb_putc(p->rec, (char)c);
	return c;
}

void lx_ungetc_slow(struct parser *p, int c)
{
	if (c < 0 || p->npb >= LX_PUSHBACK_MAX)
		return;
	if (p->rec && p->rec->len)
		sb_truncate(p->rec, p->rec->len - 1);
	unsigned i = --p->nhist % LX_HISTORY;
	struct pushback *b = &p->pb[p->npb++];
	b->c = c;
	b->from_alias = p->hist_alias[i];
	b->pos = p->hist[i];
	p->pos = b->pos;
}

/*
 * Step over k bytes of the source's buffer (none of them a newline) as if
 * lx_getc had read them one by one: the column moves by k, and the last
 * byte's position goes into the history, so an lx_ungetc right after
 * still restores the right position.
 */
static inline __attribute__((always_inline)) void lx_skip_run(struct parser *p,
								  size_t k)
{
	source_run_skip(p->src, k);
	p->pos.col += (unsigned)k;
	unsigned i = p->nhist++ % LX_HISTORY;
	p->hist[i] = (struct src_pos){ p->pos.line, p->pos.col - 1 };
	p->hist_alias[i] = false;
	p->last_from_alias = false;
}

/*
 * Fast path for word.c: take a run of bytes straight from the source
 * buffer, skipping the per-byte layers above: lx_take_run the bytes that
 * stop[] does not mark, lx_take_while the bytes that go[] marks.  Only
 * when nothing sits above the source (no pushed-back byte, no alias text),
 * so the run is exactly what lx_getc would have returned one byte at a
 * time.  The run never holds '\n' (only the column moves here), NUL (the
 * source's NUL policy) or '\\' (line continuation is lx_getc_bnl's job):
 * the tables must see to that.
 */
static inline const unsigned char *take(struct parser *p, const bool table[256],
					bool stop_at, size_t *n)
{
	size_t avail, k = 0;
	*n = 0;
	if (p->npb > 0 || p->aliases)
		return NULL;
	const unsigned char *s = source_run(p->src, &avail);
	while (k < avail && table[s[k]] != stop_at)
		k++;
	if (k == 0)
		return NULL;
	lx_skip_run(p, k);
	if (p->rec)
		sb_appendn(p->rec, (const char *)s, k);
	*n = k;
	return s;
}

const unsigned char *lx_take_run(struct parser *p, const bool stop[256], size_t *n)
{
	return take(p, stop, true, n);
}

const unsigned char *lx_take_while(struct parser *p, const bool go[256], size_t *n)
{
	return take(p, go, false, n);
}

int lx_peekc(struct parser *p)
{
	int c = lx_getc(p);
	lx_ungetc(p, c);
	return c;
}

int lx_getc_bnl_slow(struct parser *p)
{
	for (;;) {		/* a backslash was just read */
		int d = lx_getc(p);
		if (d != '\n') {
			lx_ungetc(p, d);
			return '\\';
		}
		int c = lx_getc(p);
		if (c != '\\')
			return c;
	}
}

/*
 * Bytes the lexer peeked at after the alias name (and pushed back) come
 * after the alias text: park them in a frame of their own below it.
 */
static void lx_park_pushback(struct parser *p)
{
	if (p->npb == 0)
		return;
	struct alias_frame *f = xcalloc(1, sizeof *f);
	struct strbuf sb = STRBUF_INIT;
	p->pos = p->pb[p->npb - 1].pos;
	while (p->npb > 0)
		sb_putc(&sb, (char)p->pb[--p->npb].c);
	f->name = xstrdup("");
	f->text = sb_finish(&sb);
	f->source_bytes = true;
	f->next = p->aliases;
	p->aliases = f;
}

void lx_push_alias(struct parser *p, const char *name, const char *text)
{
	lx_park_pushback(p);
	if (p->rec)	/* the word being recorded is the alias text's */
		sb_clear(p->rec);
	struct alias_frame *f = xcalloc(1, sizeof *f);
	size_t n = strlen(text);
	f->name = xstrdup(name);
	f->text = xstrdup(text);
	f->trailing_blank = n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t');
	/* The aliases being read when this name was read stay "in use". */
	for (size_t i = 0; i < p->active_aliases.len; i++)
		vec_push_heap(&f->chain, xstrdup(p->active_aliases.items[i]));
	vec_push_heap(&f->chain, xstrdup(name));
	f->next = p->aliases;
	p->aliases = f;
}

void lx_unread(struct parser *p, const char *text, struct src_pos at)
{
	lx_park_pushback(p);
	struct alias_frame *f = xcalloc(1, sizeof *f);
	f->name = xstrdup("");
	f->text = xstrdup(text);
	f->source_bytes = true;
	f->next = p->aliases;
	p->aliases = f;
	p->pos = at;
}

bool lx_alias_active(const struct parser *p, const char *name)
{
	for (size_t i = 0; i < p->active_aliases.len; i++)
		if (strcmp(p->active_aliases.items[i], name) == 0)
			return true;
	return false;
}

/* Forget alias text and pushed-back bytes (after an error). */
void lx_clear_input(struct parser *p)
{
	while (p->aliases) {
		struct alias_frame *f = p->aliases;
		p->aliases = f->next;
		alias_frame_free(f);
	}
	p->npb = 0;
	p->alias_next = false;
	p->heredocs.len = 0;
}

/* ------------------------------------------------------------- operators */

static const char *const token_names[] = {
	[TK_EOF] = "end of file", [TK_NEWLINE] = "newline",
	[TK_WORD] = "word", [TK_IO_NUMBER] = "io-number",
	[TK_IO_NAME] = "io-name", [TK_AND] = "&", [TK_AND_IF] = "&&",
	[TK_PIPE] = "|", [TK_OR_IF] = "||", [TK_SEMI] = ";",
	[TK_DSEMI] = ";;", [TK_SEMI_AND] = ";&", [TK_DSEMI_AND] = ";;&",
	[TK_LPAREN] = "(",
	[TK_RPAREN] = ")", [TK_LESS] = "<", [TK_GREAT] = ">",
	[TK_DLESS] = "<<", [TK_DLESSDASH] = "<<-", [TK_DGREAT] = ">>",
	[TK_LESSAND] = "<&", [TK_GREATAND] = ">&", [TK_LESSGREAT] = "<>",
	[TK_CLOBBER] = ">|", [TK_TLESS] = "<<<", [TK_ANDGREAT] = "&>",
	[TK_ANDDGREAT] = "&>>", [TK_PIPE_AND] = "|&",
};

const char *lex_token_name(enum token_type t)
{
	return token_names[t];
}

/* The bytes that start an operator (XCU 2.3 rule 6, 2.10.1). */
static const bool lx_opchar[128] = {
	['&'] = true, ['|'] = true, [';'] = true, ['('] = true, [')'] = true,
	['<'] = true, ['>'] = true,
};

/* If the next byte is c, consume it. */
static bool lx_accept(struct parser *p, int c)
{
	int d = lx_getc_bnl(p);
	if (d == c)
		return true;
	lx_ungetc(p, d);
	return false;
}

/*
 * XCU 2.3 rule 2/3: an operator is the longest sequence forming one.  The
 * extensions <<<, &>, &>> and |& (bash) are operators too, except that
 * under set -o posix "&>" is "&" then ">" and "|&" is "|" then "&", as a
 * conforming script means them.
 */
static enum token_type lx_operator(struct parser *p, int c)
{
	switch (c) {
	case '&':
		if (lx_accept(p, '&'))
			return TK_AND_IF;
		if (p->posix || !lx_accept(p, '>'))
			return TK_AND;
		return lx_accept(p, '>') ? TK_ANDDGREAT : TK_ANDGREAT;
	case '|':
		if (lx_accept(p, '|'))
			return TK_OR_IF;
		return !p->posix && lx_accept(p, '&') ? TK_PIPE_AND : TK_PIPE;
	case ';':
		if (lx_accept(p, ';'))
			return lx_accept(p, '&') ? TK_DSEMI_AND : TK_DSEMI;
		return lx_accept(p, '&') ? TK_SEMI_AND : TK_SEMI;
	case '(': return TK_LPAREN;
	case ')': return TK_RPAREN;
	case '<':
		if (lx_accept(p, '<')) {
			if (lx_accept(p, '<'))
				return TK_TLESS;
			return lx_accept(p, '-') ? TK_DLESSDASH : TK_DLESS;
		}
		if (lx_accept(p, '&'))
			return TK_LESSAND;
		return lx_accept(p, '>') ? TK_LESSGREAT : TK_LESS;
	case '>':
		if (lx_accept(p, '>'))
			return TK_DGREAT;
		if (lx_accept(p, '&'))
			return TK_GREATAND;
		return lx_accept(p, '|') ? TK_CLOBBER : TK_GREAT;
	default: return TK_EOF;
	}
}

/* ------------------------------------------------------- here-documents */

/* Bytes a here-document line is taken in runs up to (lx_take_run). */
static const bool line_stop[256] = { ['\n'] = true, ['\0'] = true,
				     ['\\'] = true };

/* Read one raw line (without its newline); false at end of input. */
static bool lx_read_line(struct parser *p, struct strbuf *line, bool *nl)
{
	int c;
	sb_clear(line);
	*nl = false;
	for (;;) {
		size_t n;	/* most of a line in one copy, not byte by byte */
		const unsigned char *run = lx_take_run(p, line_stop, &n);
		if (run)
			sb_appendn(line, (const char *)run, n);
		if ((c = lx_getc(p)) < 0)
			break;
		if (c == '\n') {
			*nl = true;
			return true;
		}
		sb_putc(line, (char)c);
	}
	return line->len > 0;
}

/* Does the line end in an unescaped backslash (an odd run of them)? */
static bool lx_continued(const struct strbuf *line)
{
	size_t n = 0;
	while (n < line->len && line->data[line->len - 1 - n] == '\\')
		n++;
	return n % 2 == 1;
}

/* An unquoted body without $, ` or \: "text", one literal part in a
   WORD_DQUOTE, as word_parse_heredoc makes it, ending where the nested
   parser would (a column counts bytes). */
static struct word *heredoc_plain(struct strbuf *body, unsigned line)
{
	struct src_pos end = { line, (unsigned)body->len + 1 };
	for (const char *s = body->data, *e = s + body->len, *nl;
	     (nl = memchr(s, '\n', (size_t)(e - s))) != NULL; s = nl + 1) {
		end.line++;
		end.col = (unsigned)(e - nl);
	}
	struct word *lit = word_create(WORD_LITERAL);
	lit->lit.len = body->len;
	lit->lit.text = pool_adopt(sb_finish(body), lit->lit.len + 1);
	lit->range.begin = (struct src_pos){ line, 1 };
	lit->range.end = end;
	struct word *d = word_create(WORD_DQUOTE);
	d->range = lit->range;
	vec_push(&d->parts, lit);
	return d;
}

/*
 * XCU 2.7.4: the body is the lines after the newline that ends the line
 * holding the operator, up to a line that is exactly the delimiter (after
 * quote removal of the delimiter word); with <<- leading tabs are removed
 * from every body line and from the delimiter line first.  In an unquoted
 * body a backslash-newline joins two lines before the delimiter is looked
 * for: a line that continues another is never the delimiter and keeps its
 * leading tabs (dash, yash, bash).  The body is kept in a strbuf, so it may
 * be of any size.  The end of the input also ends the body, with a warning
 * (dash accepts it silently, bash warns).
 */
static void lx_read_heredoc(struct parser *p, struct redir *r)
{
	bool quoted = false;
	char *delim = word_heredoc_delim(r->target, &quoted);
	if (r->delim) {
		free(delim);
		delim = xstrdup(r->delim);
	}
	struct strbuf body = STRBUF_INIT, line = STRBUF_INIT;
	unsigned start = p->pos.line, last = start;
	bool nl, found = false, cont = false;
	while (lx_read_line(p, &line, &nl)) {
		last = nl ? p->pos.line - 1 : p->pos.line;
		const char *s = sb_str(&line);
		if (r->strip_tabs && !cont)
			while (*s == '\t')
				s++;
		if (!cont && strcmp(s, delim) == 0) {
			found = true;
			break;
		}
		sb_append(&body, s);
		if (nl)
			sb_putc(&body, '\n');
		cont = !quoted && nl && lx_continued(&line);
	}
	if (!found)
		parse_warn(p, last, "warning: here-document at line %u delimited "
			   "by end-of-file (wanted '%s')", r->range.begin.line, delim);
	if (quoted) {
		r->body = word_create(WORD_SQUOTE);
		r->body->lit.kind = SQUOTE_SINGLE;
		r->body->lit.len = body.len;
		r->body->lit.text = pool_adopt(sb_finish(&body), r->body->lit.len + 1);
		r->body->range.begin = (struct src_pos){ start, 1 };
		r->body->range.end = p->pos;
	} else if (body.len && !memchr(body.data, '$', body.len) &&
		   !memchr(body.data, '`', body.len) &&
		   !memchr(body.data, '\\', body.len)) {
		/* Nothing to expand: the one literal word_lex would make,
		   holding the body's own buffer (no copy of a big document). */
		r->body = heredoc_plain(&body, start);
	} else {
		size_t len = body.len;
		r->body = word_parse_heredoc(p, sb_finish(&body), len, start);
	}
	free(delim);
	sb_free(&line);
}

static void lx_read_heredocs(struct parser *p)
{
	/* Bodies are read in the order the operators appeared (XCU 2.7.4). */
	for (size_t i = 0; i < p->heredocs.len && !p->err; i++)
		lx_read_heredoc(p, p->heredocs.items[i]);
	p->heredocs.len = 0;
}

/* ---------------------------------------------------------------- tokens */

void lx_token_free(struct token *t)
{
	word_destroy(t->word);
	pool_free(t->io_name);
	memset(t, 0, sizeof *t);
}

/*
 * Skip blanks and a comment; return the first byte after them, already read
 * (lx_next would only read it again).  lx_read_pos() is where it was read.
 */
static int lx_skip_blanks(struct parser *p)
{
	for (;;) {
		int c = lx_getc_bnl(p);
		if (c == ' ' || c == '\t')
			continue;
		if (c == '#') {		/* XCU 2.3 rule 9: a comment */
			while ((c = lx_getc(p)) >= 0 && c != '\n')
				;
		}
		return c;
	}
}

/* The position the byte just read was read at (what lx_ungetc restores). */
static struct src_pos lx_read_pos(const struct parser *p)
{
	return p->hist[(p->nhist - 1) % LX_HISTORY];
}

/*
 * Most words of a script are plain text up to a blank or an operator:
 * "then", "-f", "x=1".  When the rest of such a word is in the source's
 * buffer, take it in one run and make the literal word directly, instead
 * of pushing c back for word_lex to read again byte by byte.  c is the
 * word's first byte, just read from the source (so it is the byte before
 * the buffered run).  NULL when anything else may happen (quotes, $,
 * backslash, alias or pushed-back text, the run reaching the end of the
 * buffer): word_lex then reads the word from c as before.
 */
static struct word *lx_plain_word(struct parser *p, int c, struct src_pos at)
{
	const bool *stop = word_stop_normal;
	size_t avail, k = 0;
	if (stop[c] || p->npb > 0 || p->aliases)
		return NULL;
	const unsigned char *s = source_run_after_last(p->src, &avail);
	if (!s || s[-1] != c)
		return NULL;
	while (k < avail && !stop[s[k]])
		k++;
	/* The byte after the run must end the word (word_ends): a blank, a
	   newline or an operator, not a quote, $, ` or \ that continues it,
	   nor a '(' (@(a|b) in [[ ]], name=(...) and the like are
	   word_lex's to decide). */
	if (k == avail || s[k] == '\\' || s[k] == '\'' || s[k] == '"' ||
	    s[k] == '`' || s[k] == '$' || s[k] == '(' || s[k] == '\0')
		return NULL;
	if (k > 0) {
		size_t n;
		lx_take_run(p, stop, &n);
	}
	struct word *w = word_create_text(WORD_LITERAL, (const char *)s - 1, k + 1);
	w->range.begin = at;
	w->range.end = p->pos;
	return w;
}

/* Remember which aliases are being read as this token starts (recursion rule). */
static void lx_note_aliases(struct parser *p)
{
	vec_free_all(&p->active_aliases, free);
	vec_init(&p->active_aliases);
	for (struct alias_frame *f = p->aliases; f; f = f->next)
		for (size_t i = 0; i < f->chain.len; i++)
			vec_push_heap(&p->active_aliases, xstrdup(f->chain.items[i]));
}

/*
 * Digits before < or > make an IO_NUMBER; {name} makes an IO_NAME.  The
 * spelling is checked first and the next byte peeked at only for a word
 * that could be one, so an ordinary word costs no peek.
 */
static void lx_classify_word(struct parser *p, struct token *t)
{
	if (!t->lit || !((t->lit[0] >= '0' && t->lit[0] <= '9') || t->lit[0] == '{'))
		return;
	const char *s = t->lit;
	size_t n = strlen(s);
	bool digits = n > 0 && n < 10 && strspn(s, "0123456789") == n;
	bool braces = !digits && n > 2 && s[0] == '{' && s[n - 1] == '}';
	if (!digits && !braces)
		return;
	int c = lx_peekc(p);
	if (c != '<' && c != '>')
		return;
	if (digits) {
		t->type = TK_IO_NUMBER;
		t->io_number = atoi(s);
	} else {
		char *name = pool_strndup(s + 1, n - 2);
		if (!parse_is_name(name)) {
			pool_free(name);
			return;
		}
		t->type = TK_IO_NAME;
		t->io_name = name;
	}
	word_destroy(t->word);
	t->word = NULL;
	t->lit = NULL;
}

/*
 * <(list) and >(list), process substitution (ksh, bash): c is the '<' or
 * '>' just read and '(' comes next.  In POSIX the two bytes can only be a
 * redirection operator followed by '(' -- a syntax error -- so giving
 * them a meaning changes no conforming script.  The list is parsed like
 * $(...); word characters glued on after the ')' stay part of the word.
 */
static struct word *lx_procsub(struct parser *p, int c, struct src_pos at)
{
	lx_getc(p);	/* the '(' */
	struct ast_node *prog = parse_cmdsub_body(p);
	if (p->err)
		return NULL;
	struct word *w = word_create(WORD_CMDSUB);
	w->cmdsub.program = prog;
	w->cmdsub.procsub = (char)c;
	w->range.begin = at;
	w->range.end = p->pos;
	int d = lx_peekc(p);
	if (d < 0 || d == ' ' || d == '\t' || d == '\n' || (d < 128 && lx_opchar[d]))
		return w;
	struct word *rest = word_lex(p, WM_NORMAL);
	if (!rest)
		return w;
	struct word *list = word_create(WORD_LIST);
	list->range.begin = at;
	list->range.end = p->pos;
	vec_push(&list->parts, w);
	if (rest->type == WORD_LIST) {
		for (size_t i = 0; i < rest->parts.len; i++)
			vec_push(&list->parts, rest->parts.items[i]);
		rest->parts.len = 0;
		word_destroy(rest);
	} else {
		vec_push(&list->parts, rest);
	}
	return list;
}

/*
 * lx_operator's choice made from bytes in hand: b[0] starts the operator
 * and b[1], b[2] follow it (the caller has checked that they exist and
 * that neither is a backslash or a NUL, which lx_getc_bnl would not hand
 * out as they are).  *len: the operator's length in bytes.  The same
 * choice as lx_operator's, made from bytes in hand instead of read one by
 * one (test_operator_paths in tests/unit/test_lexer.c holds them equal).
 */
static enum token_type lx_op_bytes(const unsigned char *b, bool posix, size_t *len)
{
	*len = 2;
	switch (b[0]) {
	case '&':
		if (b[1] == '&')
			return TK_AND_IF;
		if (posix || b[1] != '>')
			break;
		if (b[2] == '>') {
			*len = 3;
			return TK_ANDDGREAT;
		}
		return TK_ANDGREAT;
	case '|':
		if (b[1] == '|')
			return TK_OR_IF;
		if (!posix && b[1] == '&')
			return TK_PIPE_AND;
		break;
	case ';':
		if (b[1] == ';') {
			if (b[2] != '&')
				return TK_DSEMI;
			*len = 3;
			return TK_DSEMI_AND;
		}
		if (b[1] == '&')
			return TK_SEMI_AND;
		break;
	case '<':
		if (b[1] == '<') {
			*len = b[2] == '<' || b[2] == '-' ? 3 : 2;
			return b[2] == '<' ? TK_TLESS : b[2] == '-' ? TK_DLESSDASH
			       : TK_DLESS;
		}
		if (b[1] == '&')
			return TK_LESSAND;
		if (b[1] == '>')
			return TK_LESSGREAT;
		break;
	case '>':
		if (b[1] == '>')
			return TK_DGREAT;
		if (b[1] == '&')
			return TK_GREATAND;
		if (b[1] == '|')
			return TK_CLOBBER;
		break;
	}
	*len = 1;
	switch (b[0]) {
	case '&': return TK_AND;
	case '|': return TK_PIPE;
	case ';': return TK_SEMI;
	case '(': return TK_LPAREN;
	case ')': return TK_RPAREN;
	case '<': return TK_LESS;
	default: return TK_GREAT;
	}
}

/* The bytes after which a plain word is certainly complete (word_ends in
   WM_NORMAL: a blank, a newline or an operator byte other than '('). */
static const bool fast_word_end[256] = {
	[' '] = true, ['\t'] = true, ['\n'] = true, [';'] = true, ['&'] = true,
	['|'] = true, ['<'] = true, ['>'] = true, [')'] = true,
};

/*
 * Most tokens of a script are a plain word ("then", "-f", "x=1") or an
 * operator, after a few blanks, all of it in the source's buffer with
 * nothing above it (no pushed-back byte, no alias text, no recording, no
 * set -v echo).  Then the token is cut straight out of the buffer: one
 * scan for the blanks, one for the word, the literal word made at once,
 * positions moved per run instead of per byte.  A word with quotes and
 * simple expansions in it ($name, ${name}, "...", '...', $((...))) is
 * scanned in one pass by word_lex_quick.  Anything else -- `, a
 * backslash, $( or ${ with an operator, a comment, a newline, a NUL, a
 * word that may be an IO_NUMBER or {name}, <( or >(, a token reaching the
 * end of the buffer -- returns false with only the blanks consumed, and
 * lx_next reads the token the general way, byte by byte, to the same
 * result.
 */
static bool lx_next_fast(struct parser *p, struct token *t)
{
	struct source *s = p->src;
	if (p->npb > 0 || p->aliases || p->rec || p->active_aliases.len ||
	    s->npb > 0 || s->synced || s->echo_fd >= 0)
		return false;
	const unsigned char *b = s->buf;
	size_t i = s->pos, n = s->len;
	while (i < n && (b[i] == ' ' || b[i] == '\t'))
		i++;
	size_t blanks = i - s->pos, len;
	struct src_pos at = { p->pos.line, p->pos.col + (unsigned)blanks };
	int c = i < n ? b[i] : '\0';
	if (i == n) {
		goto blanks_only;
	} else if (!word_stop_normal[c] && c != '#') {
		size_t j = i + 1;
		while (j < n && !word_stop_normal[b[j]])
			j++;
		if (j < n && (b[j] == '$' || b[j] == '"' || b[j] == '\'') &&
		    (t->word = word_lex_quick(p, b + i, n - i, at, fast_word_end,
					      &len)) != NULL) {
			t->type = TK_WORD;	/* text, then quotes or $ */
		} else if (j == n || !fast_word_end[b[j]] ||
			   ((b[j] == '<' || b[j] == '>') &&
			    ((c >= '0' && c <= '9') || c == '{'))) {
			goto blanks_only;
		} else {
			len = j - i;
			t->type = TK_WORD;
			t->word = word_create_text(WORD_LITERAL, (const char *)b + i, len);
			t->lit = t->word->lit.text;
		}
	} else if ((c == '$' || c == '"' || c == '\'') &&
		   (t->word = word_lex_quick(p, b + i, n - i, at, fast_word_end,
					     &len)) != NULL) {
		t->type = TK_WORD;
	} else if (c < 128 && lx_opchar[c] && i + 2 < n &&
		   b[i + 1] != '\\' && b[i + 1] != '\0' &&
		   b[i + 2] != '\\' && b[i + 2] != '\0' &&
		   !((c == '<' || c == '>') && b[i + 1] == '(')) {
		t->type = lx_op_bytes(b + i, p->posix, &len);
	} else {
		goto blanks_only;
	}
	t->alias_ok = p->alias_next;
	p->alias_next = false;
	t->range.begin = at;
	lx_skip_run(p, blanks + len);	/* the blanks and the token at once */
	t->range.end = p->pos;
	if (t->lit)
		t->word->range = t->range;
	return true;
blanks_only:
	if (blanks)
		lx_skip_run(p, blanks);
	return false;
}

void lx_next(struct parser *p)
{
	struct token *t = &p->tok;
	memset(t, 0, sizeof *t);
	if (lx_next_fast(p, t))
		return;
	int c = lx_skip_blanks(p);
	t->alias_ok = p->alias_next;
	p->alias_next = false;
	if (p->aliases || p->active_aliases.len)
		lx_note_aliases(p);
	t->range.begin = c < 0 ? p->pos : lx_read_pos(p);
	if (c < 0) {
		t->type = TK_EOF;
		if (p->heredocs.len)
			lx_read_heredocs(p);
	} else if (c == '\n') {
		t->type = TK_NEWLINE;
		t->range.end = p->pos;
		lx_read_heredocs(p);
		return;
	} else if ((c == '<' || c == '>') && lx_peekc(p) == '(') {
		t->type = TK_WORD;
		t->word = lx_procsub(p, c, t->range.begin);
	} else if (c < 128 && lx_opchar[c]) {
		t->type = lx_operator(p, c);
	} else {
		t->type = TK_WORD;
		t->word = lx_plain_word(p, c, t->range.begin);
		if (!t->word) {
			lx_ungetc(p, c);
			t->word = word_lex(p, WM_NORMAL);
		}
		t->lit = word_literal_text(t->word);
		if (t->word)
			lx_classify_word(p, t);
	}
	t->range.end = p->pos;
}

/* --------------------------------------------------------- test support */

char *lex_dump_string(const char *text)
{
	struct source *src = source_from_string("lex", text, strlen(text));
	struct parser *p = parser_create(src);
	struct strbuf out = STRBUF_INIT;
	for (;;) {
		lx_next(p);
		struct token *t = &p->tok;
		if (p->err) {
			sb_printf(&out, "%sERROR(%s)", out.len ? " " : "", p->err);
			lx_token_free(t);
			break;
		}
		if (out.len)
			sb_putc(&out, ' ');
		if (t->type == TK_WORD) {
			char *s = word_to_text(t->word);
			sb_printf(&out, "WORD(%s)", s);
			free(s);
		} else if (t->type == TK_IO_NUMBER) {
			sb_printf(&out, "IO(%d)", t->io_number);
		} else if (t->type == TK_IO_NAME) {
			sb_printf(&out, "IONAME(%s)", t->io_name);
		} else {
			sb_printf(&out, "%s", t->type == TK_EOF ? "EOF" :
				  t->type == TK_NEWLINE ? "NL" :
				  lex_token_name(t->type));
		}
		enum token_type ty = t->type;
		lx_token_free(t);
		/* a $(cat <<E) inside the word queued a body for a redir
		 * that was just freed with the token: forget it */
		p->heredocs.len = 0;
		if (ty == TK_EOF)
			break;
	}
	parser_destroy(p);
	source_destroy(src);
	return sb_finish(&out);
}
