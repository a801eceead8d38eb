/* word.c: reading words into trees — quotes, $name, ${...}, $(...), `...`, $((...)), tilde prefixes (XCU 2.2, 2.6). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "parser/arith.h"
#include "parser/parser_internal.h"

/*
 * A word is read once, here, into a tree of parts.  The reader is one loop
 * (word_lex) parameterised by a mode saying where the word sits: unquoted in
 * a command, inside "...", in a here-document body, in the word of a
 * ${name-word}, or between $(( and )).  The modes differ only in what ends
 * the word and which characters are special — exactly the differences XCU
 * 2.2 (quoting) and 2.6 (expansions) spell out.
 */

/* Parts being collected for one word; adjacent plain bytes merge into one literal. */
#define WB_SMALL 64

struct wbuild {
	struct vec parts;		/* struct word * (owned), from the 2nd part */
	struct strbuf lit;		/* pending literal bytes, once they outgrow
					   small (until then lit.data is NULL) */
	char small[WB_SMALL];		/* pending literal bytes: the first
					   WB_SMALL, kept on the stack */
	size_t nlit;			/* pending literal bytes in all */
	bool have_lit;
	struct src_pos lit_begin, lit_end;
	struct word *only;		/* owned, may be NULL: the first part while
					   it is the only one */
};

/* An empty builder (small[] is left as it is: nlit says how much of it
   holds bytes). */
static void wb_init(struct wbuild *wb)
{
	wb->parts = (struct vec)VEC_INIT;
	wb->lit = (struct strbuf)STRBUF_INIT;
	wb->nlit = 0;
	wb->have_lit = false;
	wb->only = NULL;
}

/* Most words are one part ("then", "$x", "'a b'"): keep that part aside
   and allocate the parts vector only when a second one arrives (one malloc
   and free fewer per word; parsing a big script is mostly words). */
static void wb_add(struct wbuild *wb, struct word *w)
{
	if (!wb->only && wb->parts.len == 0) {
		wb->only = w;
		return;
	}
	if (wb->only) {
		vec_push(&wb->parts, wb->only);
		wb->only = NULL;
	}
	vec_push(&wb->parts, w);
}

/*
 * Literal bytes collect on the stack (almost every literal is short) and
 * move to a strbuf only past WB_SMALL bytes; wb_flush copies them once into
 * a word that holds its text inline.  So a short literal costs exactly one
 * allocation.
 */
static void wb_lit_add(struct wbuild *wb, const char *s, size_t n)
{
	if (!wb->lit.data && n <= WB_SMALL - wb->nlit) {
		memcpy(wb->small + wb->nlit, s, n);
	} else {
		if (!wb->lit.data)
			sb_appendn(&wb->lit, wb->small, wb->nlit);
		sb_appendn(&wb->lit, s, n);
	}
	wb->nlit += n;
}

static void wb_flush(struct wbuild *wb)
{
	if (!wb->have_lit)
		return;
	struct word *w = word_create_text(WORD_LITERAL, wb->lit.data ? wb->lit.data :
					  wb->small, wb->nlit);
	sb_clear(&wb->lit);
	wb->nlit = 0;
	w->range.begin = wb->lit_begin;
	w->range.end = wb->lit_end;
	wb_add(wb, w);
	wb->have_lit = false;
}

static void wb_char(struct parser *p, struct wbuild *wb, int c, struct src_pos at)
{
	if (!wb->have_lit) {
		wb->have_lit = true;
		wb->lit_begin = at;
	}
	if (!wb->lit.data && wb->nlit < WB_SMALL)
		wb->small[wb->nlit++] = (char)c;
	else {
		char ch = (char)c;
		wb_lit_add(wb, &ch, 1);
	}
	wb->lit_end = p->pos;
}

static void wb_part(struct wbuild *wb, struct word *w)
{
	wb_flush(wb);
	if (w)
		wb_add(wb, w);
}

static void wb_free(struct wbuild *wb)
{
	sb_free(&wb->lit);
	if (wb->only)
		word_destroy(wb->only);
	vec_free_all(&wb->parts, (void (*)(void *))word_destroy);
}

/* One part stays itself; zero or several become a WORD_LIST. */
static struct word *wb_finish(struct wbuild *wb, enum word_type wrap,
			      struct src_pos begin, struct src_pos end)
{
	wb_flush(wb);
	sb_free(&wb->lit);
	if (wb->only) {
		if (wrap != WORD_DQUOTE)
			return wb->only;
		vec_push(&wb->parts, wb->only);
	}
	struct word *w = word_create(wrap);
	w->parts = wb->parts;
	w->range.begin = begin;
	w->range.end = end;
	return w;
}

static bool depth_enter(struct parser *p)
{
	if (++p->depth > PARSER_MAX_DEPTH) {
		parse_fail(p, p->pos.line, "syntax error: too deeply nested");
		return false;
	}
	return true;
}

static bool is_name_start(int c) { return c == '_' || (c < 128 && isalpha(c)); }
static bool is_name_char(int c) { return c == '_' || (c < 128 && isalnum(c)); }
static bool is_special_param(int c) { return c >= 0 && strchr("@*#?-$!", c) && c; }

/* The text collected in sb as a tree's block (base/pool.h); sb is freed. */
static char *take_text(struct strbuf *sb)
{
	char *t = pool_strndup(sb->data ? sb->data : "", sb->len);
	sb_free(sb);
	return t;
}

static struct word *new_squote(enum squote_kind kind, char *text, size_t len,
			       struct src_pos b, struct src_pos e)
{
	struct word *w = word_create(WORD_SQUOTE);
	w->lit.kind = kind;
	w->lit.text = text;
	w->lit.len = len;
	w->range.begin = b;
	w->range.end = e;
	return w;
}

/* '...': every byte up to the next ' is literal (XCU 2.2.2). */
static const bool stop_single[256] = {
	[0] = true, ['\n'] = true, ['\\'] = true, ['\''] = true,
};

static struct word *lex_single(struct parser *p, struct src_pos at)
{
	struct strbuf sb = STRBUF_INIT;
	int c;
	for (;;) {
		size_t n;	/* the text between newlines in one copy */
		const unsigned char *run = lx_take_run(p, stop_single, &n);
		if (run)
			sb_appendn(&sb, (const char *)run, n);
		if ((c = lx_getc(p)) == '\'')
			break;
		if (c < 0) {
			sb_free(&sb);
			parse_fail_eof(p, at.line, "syntax error: unterminated quoted string");
			return NULL;
		}
		sb_putc(&sb, (char)c);
	}
	size_t n = sb.len;
	return new_squote(SQUOTE_SINGLE, take_text(&sb), n, at, p->pos);
}

/* $'...' (XCU 2.2.4, Issue 8): read raw up to an unescaped ', then decode. */
static struct word *lex_dollar_single(struct parser *p, struct src_pos at)
{
	struct strbuf raw = STRBUF_INIT, out = STRBUF_INIT;
	int c;
	while ((c = lx_getc(p)) != '\'') {
		if (c == '\\') {
			sb_putc(&raw, '\\');
			c = lx_getc(p);
		}
		if (c < 0) {
			sb_free(&raw);
			parse_fail_eof(p, at.line, "syntax error: unterminated quoted string");
			return NULL;
		}
		sb_putc(&raw, (char)c);
	}
	word_decode_dollar_single(&out, sb_str(&raw), raw.len);
	sb_free(&raw);
	size_t n = out.len;
	return new_squote(SQUOTE_DOLLAR, take_text(&out), n, at, p->pos);
}

/* Decode one escape after the backslash at s[*i]; returns the byte or -1 (keep as is). */
static int decode_escape(const char *s, size_t n, size_t *i)
{
	static const char from[] = "\"'\\abeEfnrtv?";
	static const char to[] = "\"'\\\a\b\033\033\f\n\r\t\v?";
	int c = (unsigned char)s[*i];
	const char *q = c ? strchr(from, c) : NULL;
	if (q) {
		(*i)++;
		return (unsigned char)to[q - from];
	}
	if (c == 'c' && *i + 1 < n) {	/* \cX: control-X */
		int x = (unsigned char)s[*i + 1];
		*i += 2;
		return x == '?' ? 0x7f : (toupper(x) & 0x1f);
	}
	int v = 0, k = 0;
	if (c == 'x') {
		for (k = 0; k < 2 && *i + 1 + k < n &&
			    arith_digit((unsigned char)s[*i + 1 + k], 16) < 16; k++)
			v = v * 16 + (int)arith_digit((unsigned char)s[*i + 1 + k], 16);
		if (k == 0)
			return -1;
		*i += 1 + k;
		return v & 0xff;
	}
	for (k = 0; k < 3 && *i + k < n && s[*i + k] >= '0' && s[*i + k] <= '7'; k++)
		v = v * 8 + (s[*i + k] - '0');
	if (k == 0)
		return -1;
	*i += k;
	return v & 0xff;
}

void word_decode_dollar_single(struct strbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (s[i] != '\\' || i + 1 >= n) {
			sb_putc(out, s[i++]);
			continue;
		}
		i++;
		int c = decode_escape(s, n, &i);
		if (c < 0) {	/* unknown escape: keep the backslash */
			sb_putc(out, '\\');
			continue;
		}
		if (c == 0)	/* \0 or \c@ would end the string: drop, as NUL input is */
			continue;
		sb_putc(out, (char)c);
	}
}

/* --------------------------------------------------------- backslashes */

/* The characters a backslash quotes in each mode (XCU 2.2.1, 2.2.3, 2.7.4). */
static const char *escapable(enum word_mode mode)
{
	switch (mode) {
	case WM_DQUOTE: case WM_ARITH: case WM_ARITH_SEMI: return "$`\"\\";
	case WM_ARG_DQ: case WM_ARG_HD: return "$`\"\\}";
	case WM_HEREDOC: return "$`\\";
	default: return NULL;	/* unquoted: any byte */
	}
}

static void lex_backslash(struct parser *p, struct wbuild *wb,
			  enum word_mode mode, struct src_pos at)
{
	int c = lx_getc(p);
	const char *set = escapable(mode);
	if (c < 0 || (set && !strchr(set, c))) {
		/* Not an escape here: the backslash is an ordinary byte. */
		lx_ungetc(p, c);
		wb_char(p, wb, '\\', at);
		return;
	}
	char ch = (char)c;
	char *t = pool_strndup(&ch, 1);
	wb_part(wb, new_squote(SQUOTE_BACKSLASH, t, 1, at, p->pos));
}

/* ------------------------------------------------------------ backquote */

/*
 * `...` (XCU 2.6.3): inside backquotes a backslash keeps its literal meaning
 * except before $ ` \ (and " when the backquotes are inside "..."), where it
 * is removed.  The resulting text is then parsed as a program.
 */
static struct word *lex_backquote(struct parser *p, bool in_dq, struct src_pos at)
{
	struct strbuf text = STRBUF_INIT;
	int c;
	while ((c = lx_getc(p)) != '`') {
		if (c < 0) {
			sb_free(&text);
			parse_fail_eof(p, at.line, "syntax error: unexpected end of "
				       "file (expecting '`')");
			return NULL;
		}
		if (c == '\\') {
			int d = lx_getc(p);
			if (d >= 0 && !strchr("$`\\", d) && !(in_dq && d == '"'))
				sb_putc(&text, '\\');
			if (d < 0)
				sb_putc(&text, '\\');
			else
				sb_putc(&text, (char)d);
			continue;
		}
		sb_putc(&text, (char)c);
	}
	if (!depth_enter(p)) {
		sb_free(&text);
		return NULL;
	}
	struct src_pos body = { at.line, at.col + 1 };
	struct ast_node *prog = parse_nested_text(p, sb_str(&text), body);
	p->depth--;
	sb_free(&text);
	if (p->err)
		return NULL;
	struct word *w = word_create(WORD_CMDSUB);
	w->cmdsub.program = prog;
	w->cmdsub.backquote = true;
	w->range.begin = at;
	w->range.end = p->pos;
	return w;
}

/* ---------------------------------------------------------- parameters */

static struct word *new_param(char *name, struct src_pos at)
{
	struct word *w = word_create(WORD_PARAM);
	w->param.name = name;
	w->range.begin = at;
	return w;
}

/* The bytes of a name (XCU 3.216) and of a run of digits (lx_take_while). */
static const bool name_bytes[256] = {
	['_'] = true, ['a'] = true, ['b'] = true, ['c'] = true, ['d'] = true,
	['e'] = true, ['f'] = true, ['g'] = true, ['h'] = true, ['i'] = true,
	['j'] = true, ['k'] = true, ['l'] = true, ['m'] = true, ['n'] = true,
	['o'] = true, ['p'] = true, ['q'] = true, ['r'] = true, ['s'] = true,
	['t'] = true, ['u'] = true, ['v'] = true, ['w'] = true, ['x'] = true,
	['y'] = true, ['z'] = true, ['A'] = true, ['B'] = true, ['C'] = true,
	['D'] = true, ['E'] = true, ['F'] = true, ['G'] = true, ['H'] = true,
	['I'] = true, ['J'] = true, ['K'] = true, ['L'] = true, ['M'] = true,
	['N'] = true, ['O'] = true, ['P'] = true, ['Q'] = true, ['R'] = true,
	['S'] = true, ['T'] = true, ['U'] = true, ['V'] = true, ['W'] = true,
	['X'] = true, ['Y'] = true, ['Z'] = true, ['0'] = true, ['1'] = true,
	['2'] = true, ['3'] = true, ['4'] = true, ['5'] = true, ['6'] = true,
	['7'] = true, ['8'] = true, ['9'] = true,
};
static const bool digit_bytes[256] = {
	['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true,
	['5'] = true, ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true,
};

/* A name, a run of digits (braced), or one special character. */
static char *lex_param_name(struct parser *p, int c, bool braced)
{
	/* Names are short: collect them on the stack, and in a strbuf
	   only past that. */
	char small[32];
	size_t n = 0;
	struct strbuf sb = STRBUF_INIT;
	small[n++] = (char)c;
	if (is_name_start(c) || (braced && isdigit(c))) {
		bool digits = isdigit(c);
		for (;;) {
			/* The rest of the name in one run when it is in the
			   buffer; a backslash (a line continuation may go on
			   with the name) or a NUL after it, or the buffer's
			   end, leaves the next byte to the loop below. */
			size_t k;
			const unsigned char *run = lx_take_while(p, digits ? digit_bytes
								 : name_bytes, &k);
			if (run) {
				if (!sb.len && n + k <= sizeof small) {
					memcpy(small + n, run, k);
					n += k;
				} else {
					if (!sb.len)
						sb_appendn(&sb, small, n);
					sb_appendn(&sb, (const char *)run, k);
				}
			}
			size_t left;
			const unsigned char *after = source_run(p->src, &left);
			if (after && after[0] != '\\' && after[0] != '\0' &&
			    !p->npb && !p->aliases)
				break;
			int d = lx_getc_bnl(p);
			if (digits ? !(d >= 0 && d < 128 && isdigit(d)) : !is_name_char(d)) {
				lx_ungetc(p, d);
				break;
			}
			if (n < sizeof small) {
				small[n++] = (char)d;
				continue;
			}
			if (!sb.len)
				sb_appendn(&sb, small, n);
			sb_putc(&sb, (char)d);
		}
	}
	if (!sb.len)
		return pool_strndup(small, n);
	return take_text(&sb);
}

static bool lx_accept_c(struct parser *p, int c)
{
	int d = lx_getc_bnl(p);
	if (d == c)
		return true;
	lx_ungetc(p, d);
	return false;
}

/*
 * A ${...} form XCU 2.6.2 does not define (${x/a/b}, ${x:1}, ${!x}): not a
 * syntax error but a PARAM_BAD word whose expansion fails, as in dash and
 * bash, so a script may keep bash-only code in a branch it never runs.
 * The name keeps what was read ("#x", "x:") so the word prints back as
 * written; c, the first byte that does not fit, is read again as the
 * start of the argument word, which runs to the matching '}'.
 */
static bool bad_subst(struct parser *p, struct word *w, int c)
{
	lx_ungetc(p, c);
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, w->param.op == PARAM_LENGTH ? "#" : "");
	sb_append(&sb, w->param.name);
	sb_append(&sb, w->param.colon ? ":" : "");
	pool_free(w->param.name);
	w->param.name = take_text(&sb);
	w->param.op = PARAM_BAD;
	w->param.colon = false;
	return true;
}

static bool eof_in_param(struct parser *p, struct src_pos at)
{
	parse_fail_eof(p, at.line, "syntax error: unexpected end of "
		       "file (expecting '}')");
	return false;
}

/* A doubled operator byte: ${x^^} ${x,,} ${x//}. */
static enum param_op op_or_double(struct parser *p, int c, enum param_op one,
				  enum param_op two)
{
	return lx_accept_c(p, c) ? two : one;
}

/* The extension operators after ${name (issue 10 item 4); false when c
   is none of them. */
static bool lex_param_ext_op(struct parser *p, struct word *w, int c)
{
	switch (c) {
	case '/':
		if (lx_accept_c(p, '/'))
			w->param.op = PARAM_REPLACE_ALL;
		else if (lx_accept_c(p, '#'))
			w->param.op = PARAM_REPLACE_PREFIX;
		else if (lx_accept_c(p, '%'))
			w->param.op = PARAM_REPLACE_SUFFIX;
		else
			w->param.op = PARAM_REPLACE;
		return true;
	case '^':
		w->param.op = op_or_double(p, '^', PARAM_UPPER_FIRST, PARAM_UPPER_ALL);
		return true;
	case ',':
		w->param.op = op_or_double(p, ',', PARAM_LOWER_FIRST, PARAM_LOWER_ALL);
		return true;
	case '@':
		w->param.op = PARAM_TRANSFORM;
		return true;
	default:
		return false;
	}
}

/* The operator after the name in ${name...}; false at the end of input. */
static bool lex_param_op(struct parser *p, struct word *w, struct src_pos at)
{
	int c = lx_getc_bnl(p);
	if (c == '}')
		return true;
	if (c == ':') {
		c = lx_getc_bnl(p);
		if (c < 0)
			return eof_in_param(p, at);
		if (!strchr("-=?+", c)) {	/* ${x:offset:length} */
			lx_ungetc(p, c);
			w->param.op = PARAM_SUBSTR;
			return true;
		}
		w->param.colon = true;
	}
	switch (c) {
	case '-': w->param.op = PARAM_DEFAULT; return true;
	case '=': w->param.op = PARAM_ASSIGN; return true;
	case '?': w->param.op = PARAM_ERROR; return true;
	case '+': w->param.op = PARAM_ALT; return true;
	case '%':
		w->param.op = lx_accept_c(p, '%') ? PARAM_TRIM_SUFFIX_LONG : PARAM_TRIM_SUFFIX;
		return true;
	case '#':
		w->param.op = lx_accept_c(p, '#') ? PARAM_TRIM_PREFIX_LONG : PARAM_TRIM_PREFIX;
		return true;
	default:
		if (c < 0)
			return eof_in_param(p, at);
		if (lex_param_ext_op(p, w, c))
			return true;
		return bad_subst(p, w, c);
	}
}

/* The [subscript] after a name in ${...}, when there is one: false
   after a syntax error. */
static bool lex_subscript(struct parser *p, struct word *w)
{
	if (!parse_is_name(w->param.name) || lx_peekc(p) != '[')
		return true;
	lx_getc_bnl(p);
	w->param.subscript = word_lex(p, WM_SUBSCRIPT);
	return w->param.subscript != NULL;
}

/* ${#...}: the length form, or the parameter # itself followed by an operator. */
static struct word *lex_param_hash(struct parser *p, struct src_pos at)
{
	int d = lx_getc_bnl(p);
	if (d == '}')
		return new_param(pool_strdup("#"), at);
	if (is_name_start(d) || (d >= 0 && d < 128 && isdigit(d)) ||
	    (is_special_param(d) && lx_peekc(p) == '}')) {
		struct word *w = new_param(lex_param_name(p, d, true), at);
		w->param.op = PARAM_LENGTH;
		if (!lex_subscript(p, w)) {
			word_destroy(w);
			return NULL;
		}
		int e = lx_getc_bnl(p);
		if (e < 0) {
			word_destroy(w);
			eof_in_param(p, at);
			return NULL;
		}
		if (e != '}')
			bad_subst(p, w, e);	/* ${#x:-y} */
		return w;
	}
	lx_ungetc(p, d);
	struct word *w = new_param(pool_strdup("#"), at);
	w->param.op = PARAM_PLAIN;
	if (!lex_param_op(p, w, at)) {
		word_destroy(w);
		return NULL;
	}
	return w;
}

static void split_literal(struct vec *parts, size_t i, size_t off);

/*
 * Cut the argument of ${x:o:l} or ${x/p/r} in two at the first unquoted
 * sep in its literal text; NULL when there is none.  The parts before the
 * cut stay in *w, the rest is returned.  For ':' a '?' before it pairs
 * with the ':' of a conditional operator (${x:a?1:2:3}), as in bash.
 */
static struct word *split_arg(struct word **w, char sep)
{
	struct word *l = *w;
	if (l->type != WORD_LIST) {
		struct word *wrap = word_create(WORD_LIST);
		wrap->range = l->range;
		vec_push(&wrap->parts, l);
		*w = l = wrap;
	}
	int pending = 0;
	for (size_t i = 0; i < l->parts.len; i++) {
		struct word *part = l->parts.items[i];
		if (part->type != WORD_LITERAL)
			continue;
		for (size_t k = 0; k < part->lit.len; k++) {
			char c = part->lit.text[k];
			if (sep == ':' && c == '?')
				pending++;
			if (c != sep || (sep == ':' && pending-- > 0))
				continue;
			split_literal(&l->parts, i, k);
			struct word *tail = l->parts.items[i + 1];
			memmove(tail->lit.text, tail->lit.text + 1, tail->lit.len);
			tail->lit.len--;
			struct word *rest = word_create(WORD_LIST);
			rest->range = tail->range;
			for (size_t j = i + 1; j < l->parts.len; j++)
				vec_push(&rest->parts, l->parts.items[j]);
			l->parts.len = i + 1;
			return rest;
		}
	}
	return NULL;
}

/* The word after a ${name OP}: "..."-like inside quotes for - = ? +, else a pattern. */
static bool lex_param_arg(struct parser *p, struct word *w, enum word_mode outer)
{
	enum param_op op = w->param.op;
	if (op == PARAM_PLAIN || op == PARAM_LENGTH || op >= PARAM_NAMES_STAR)
		return true;
	bool hd = outer == WM_HEREDOC || outer == WM_ARG_HD;
	bool dq = hd || outer == WM_DQUOTE || outer == WM_ARG_DQ;
	bool trim = op >= PARAM_TRIM_SUFFIX;
	w->param.arg = word_lex(p, trim ? WM_ARG : hd ? WM_ARG_HD : dq ? WM_ARG_DQ : WM_ARG);
	if (!w->param.arg)
		return false;
	if (op == PARAM_SUBSTR)
		w->param.arg2 = split_arg(&w->param.arg, ':');
	else if (op >= PARAM_REPLACE && op <= PARAM_REPLACE_SUFFIX)
		w->param.arg2 = word_tilde(split_arg(&w->param.arg, '/'), false);
	/* XCU 2.6.2: word undergoes tilde expansion — a trim pattern even
	   inside "..." (it is a pattern of its own: dash, bash, yash, mksh). */
	if (!dq || trim)
		w->param.arg = word_tilde(w->param.arg, false);
	return true;
}

/* ${!name}, ${!prefix*}, ${!prefix@} after the "${!" (bash, ksh93). */
static struct word *lex_param_bang(struct parser *p, struct src_pos at)
{
	int d = lx_getc_bnl(p);
	bool special = is_special_param(d) && lx_peekc(p) == '}';
	if (!is_name_start(d) && !(d >= '0' && d <= '9') && !special) {
		lx_ungetc(p, d);	/* $! itself: ${!}, ${!:-x} */
		struct word *w = new_param(pool_strdup("!"), at);
		return lex_param_op(p, w, at) ? w : (word_destroy(w), NULL);
	}
	struct word *w = new_param(lex_param_name(p, d, true), at);
	w->param.indirect = true;
	if (!lex_subscript(p, w)) {
		word_destroy(w);
		return NULL;
	}
	int e = lx_peekc(p);
	if (!special && !w->param.subscript && is_name_start(d) &&
	    (e == '*' || e == '@')) {
		lx_getc_bnl(p);
		if (lx_peekc(p) == '}') {
			lx_getc_bnl(p);
			w->param.indirect = false;
			w->param.op = e == '*' ? PARAM_NAMES_STAR : PARAM_NAMES_AT;
			return w;
		}
		lx_ungetc(p, e);
	}
	return lex_param_op(p, w, at) ? w : (word_destroy(w), NULL);
}

/* ${...} after the "${" (XCU 2.6.2). */
static struct word *lex_param_braced(struct parser *p, enum word_mode mode,
				     struct src_pos at)
{
	struct word *w;
	int c = lx_getc_bnl(p);
	if (c == '#') {
		w = lex_param_hash(p, at);
	} else if (c == '!') {
		w = lex_param_bang(p, at);
	} else if (is_name_start(c) || (c >= '0' && c <= '9') || is_special_param(c)) {
		w = new_param(lex_param_name(p, c, true), at);
		if (!lex_subscript(p, w) || !lex_param_op(p, w, at)) {
			word_destroy(w);
			w = NULL;
		}
	} else if (c < 0) {
		eof_in_param(p, at);
		return NULL;
	} else {
		w = new_param(pool_strdup(""), at);	/* ${}, ${ x}, ${%x} */
		bad_subst(p, w, c);
	}
	if (w && !lex_param_arg(p, w, mode)) {
		word_destroy(w);
		return NULL;
	}
	if (w) {
		w->param.braced = true;
		w->range.end = p->pos;
	}
	return w;
}

/* ---------------------------------------------- $(...) and $((...)) */

static struct word *lex_cmdsub(struct parser *p, struct src_pos at)
{
	struct ast_node *prog = parse_cmdsub_body(p);
	if (p->err)
		return NULL;
	struct word *w = word_create(WORD_CMDSUB);
	w->cmdsub.program = prog;
	w->range.begin = at;
	w->range.end = p->pos;
	return w;
}

/*
 * $((expr)): the text is read like "..." content up to the matching "))";
 * when it is plain text (no $, no quotes) it is parsed into a tree the
 * first time it is evaluated (word_arith_tree), once, so a loop evaluates
 * it without re-parsing and a script pays nothing for the expressions it
 * never runs.  A syntax error in the expression is an error at run time,
 * as in dash and bash: `echo $((1+))` is an expansion error of that
 * command, not of the script.
 */
struct word *word_lex_arith(struct parser *p, enum word_mode mode,
			    struct src_pos at)
{
	struct word *expr = word_lex(p, mode);
	if (!expr)
		return NULL;
	struct word *w = word_create(WORD_ARITH);
	w->arith.expr = expr;
	w->range.begin = at;
	w->range.end = p->pos;
	const char *text = expr->type == WORD_LIST && expr->parts.len == 0 ? ""
			   : word_literal_text(expr);
	if (text) {	/* parsed on first use: word_arith_tree */
		w->arith.lazy = true;
		w->arith.arena = pool_arena_current();
	}
	return w;
}

/* After a '$': an expansion, or NULL when the $ is literal. */
static struct word *lex_dollar(struct parser *p, enum word_mode mode,
			       struct src_pos at, bool *literal)
{
	int c = lx_getc_bnl(p);
	struct word *w = NULL;
	*literal = false;
	if (c == '{' || c == '(') {
		if (!depth_enter(p))
			return NULL;
		if (c == '{')
			w = lex_param_braced(p, mode, at);
		else if (lx_accept_c(p, '('))
			w = word_lex_arith(p, WM_ARITH, at);
		else
			w = lex_cmdsub(p, at);
		p->depth--;
		return w;
	}
	if (c == '\'' && (mode == WM_NORMAL || mode == WM_ARG || mode == WM_REGEX ||
			   mode == WM_SUBSCRIPT))
		return lex_dollar_single(p, at);
	if (c == '"' && (mode == WM_NORMAL || mode == WM_ARG || mode == WM_REGEX)) {
		/* $"..." (bash, ksh): a string to translate with the locale's
		   message catalog; whelk has none, so it is "..." */
		if (!depth_enter(p))
			return NULL;
		w = word_lex(p, WM_DQUOTE);
		p->depth--;
		return w;
	}
	if (is_name_start(c) || (c >= '0' && c <= '9') || is_special_param(c)) {
		w = new_param(lex_param_name(p, c, false), at);
		w->range.end = p->pos;
		return w;
	}
	lx_ungetc(p, c);
	*literal = true;
	return NULL;
}

/* ------------------------------------------------------------ the loop */

/* XCU 2.3 rule 6/7 and 3.231: the bytes that delimit an unquoted word. */
static const bool metachar[128] = {
	[' '] = true, ['\t'] = true, ['\n'] = true, [';'] = true, ['&'] = true,
	['|'] = true, ['<'] = true, ['>'] = true, ['('] = true, [')'] = true,
};

/* Does byte c end a word in this mode?  *consume: c belongs to the word's end. */
static bool word_ends(struct parser *p, enum word_mode mode, int c, int *nest,
		      bool *consume)
{
	*consume = false;
	switch (mode) {
	case WM_NORMAL:
	case WM_REGEX:
		return c < 0 || (c < 128 && metachar[c]);
	case WM_HEREDOC:
		return c < 0;
	case WM_DQUOTE:
		return *consume = (c == '"');
	case WM_ARG:
	case WM_ARG_DQ:
	case WM_ARG_HD:
		if (c == '{')
			++*nest;
		if (c == '}' && (*nest)-- == 0)
			return *consume = true;
		return false;
	case WM_SUBSCRIPT:
		if (c == '[')
			++*nest;
		if (c == ']' && (*nest)-- == 0)
			return *consume = true;
		return false;
	case WM_ARITH:
	case WM_ARITH_SEMI:
		if (c == '(' && ++*nest > PARSER_MAX_DEPTH) {
			parse_fail(p, p->pos.line, "syntax error: too deeply nested");
			return true;
		}
		if (mode == WM_ARITH_SEMI && c == ';' && *nest == 0)
			return *consume = true;
		if (c != ')' || (*nest)-- > 0)
			return false;
		if (mode == WM_ARITH && lx_accept_c(p, ')'))
			return *consume = true;
		parse_fail(p, p->pos.line, mode == WM_ARITH ?
			   "syntax error: missing '))'" :
			   "syntax error: missing ';' in for (( ))");
		return true;
	}
	return true;
}

static const char *mode_expect(enum word_mode mode)
{
	switch (mode) {
	case WM_ARG: case WM_ARG_DQ: case WM_ARG_HD: return "'}'";
	case WM_ARITH: return "'))'";
	case WM_ARITH_SEMI: return "';'";
	case WM_SUBSCRIPT: return "']'";
	default: return NULL;
	}
}

/* One special byte; false when c is an ordinary byte of this mode. */
static bool word_special(struct parser *p, struct wbuild *wb, enum word_mode mode,
			 int c, struct src_pos at)
{
	bool dq = mode == WM_DQUOTE || mode == WM_ARG_DQ || mode == WM_ARG_HD ||
		  mode == WM_HEREDOC;
	bool literal;
	switch (c) {
	case '\\':
		lex_backslash(p, wb, mode, at);
		return true;
	case '\'':
		if (dq)
			return false;
		wb_part(wb, lex_single(p, at));
		return true;
	case '"':
		if (mode == WM_HEREDOC)
			return false;
		if (!depth_enter(p))
			return true;
		wb_part(wb, word_lex(p, WM_DQUOTE));
		p->depth--;
		return true;
	case '`':
		wb_part(wb, lex_backquote(p, mode == WM_DQUOTE || mode == WM_ARG_DQ ||
					  p->in_backquote_dq, at));
		return true;
	case '$': {
		struct word *w = lex_dollar(p, mode, at, &literal);
		if (literal)
			return false;
		wb_part(wb, w);
		return true;
	}
	default:
		return false;
	}
}

/*
 * Bytes that end a run of plain word text: for an unquoted word the
 * metacharacters of XCU 2.3 plus the quoting and expansion introducers; for
 * "..." the bytes special inside double quotes (XCU 2.2.3).  Both also stop
 * at newline and NUL, which the byte-by-byte path handles (line counting,
 * the NUL policy in source.c).  Everything between is copied to the literal
 * in one go (wb_run) — the same bytes wb_char would have added one by one.
 */
static const bool stop_normal[256] = {
	[0] = true, ['\n'] = true, [' '] = true, ['\t'] = true, [';'] = true,
	['&'] = true, ['|'] = true, ['<'] = true, ['>'] = true, ['('] = true,
	[')'] = true, ['\\'] = true, ['\''] = true, ['"'] = true, ['`'] = true,
	['$'] = true,
};
const bool *const word_stop_normal = stop_normal;
static const bool stop_dquote[256] = {
	[0] = true, ['\n'] = true, ['\\'] = true, ['"'] = true, ['`'] = true,
	['$'] = true,
};
/* Between $(( and )): the quotes and expansions, and the parentheses and
   ';' that word_ends counts or stops at. */
static const bool stop_arith[256] = {
	[0] = true, ['\n'] = true, ['\\'] = true, ['"'] = true, ['`'] = true,
	['$'] = true, ['\''] = true, ['('] = true, [')'] = true, [';'] = true,
};

static void wb_run(struct parser *p, struct wbuild *wb, const bool stop[256])
{
	struct src_pos at = p->pos;
	size_t n;
	const unsigned char *s = lx_take_run(p, stop, &n);
	if (n == 0)
		return;
	if (!wb->have_lit) {
		wb->have_lit = true;
		wb->lit_begin = at;
	}
	wb_lit_add(wb, (const char *)s, n);
	wb->lit_end = p->pos;
}

/* The last byte of the pending unquoted literal, or -1. */
static int wb_last(const struct wbuild *wb)
{
	if (!wb->have_lit || wb->nlit == 0)
		return -1;
	return (unsigned char)(wb->lit.data ? wb->lit.data[wb->lit.len - 1]
			       : wb->small[wb->nlit - 1]);
}

/*
 * Parentheses that belong to the word instead of ending it: an extended
 * pattern's group ?( ) *( ) +( ) @( ) !( ) when extglob is on (ksh, bash:
 * the group is read whole, so |, blanks and newlines inside it are
 * pattern text),
 * and the groups of an ERE after =~.  *nest counts the open groups.
 */
static bool word_paren(struct parser *p, struct wbuild *wb, enum word_mode mode,
		       int c, int *nest)
{
	if (mode == WM_REGEX && c == '|')
		return true;
	if (mode != WM_REGEX && !(mode == WM_NORMAL && p->extglob))
		return false;
	if (c == '(') {
		int last = wb_last(wb);
		if (*nest == 0 && mode == WM_NORMAL &&
		    !(last >= 0 && strchr("?*+@!", last)))
			return false;
		if (++*nest > PARSER_MAX_DEPTH) {
			parse_fail(p, p->pos.line, "syntax error: too deeply nested");
			return false;
		}
		return true;
	}
	if (*nest == 0 || c < 0)
		return false;
	if (c == ')')
		--*nest;
	return c < 128 && metachar[c];	/* a newline too, as bash: perf's
					   completion splits a group over lines */
}

struct word *word_lex(struct parser *p, enum word_mode mode)
{
	struct wbuild wb;
	wb_init(&wb);
	struct src_pos begin = p->pos;
	if (mode == WM_DQUOTE)	/* include the opening quote in the range */
		begin.col = begin.col > 1 ? begin.col - 1 : 1;
	int nest = 0;
	bool consume;
	const bool *stop = mode == WM_NORMAL || mode == WM_REGEX ? stop_normal :
			   mode == WM_DQUOTE ? stop_dquote :
			   mode == WM_ARITH || mode == WM_ARITH_SEMI ? stop_arith : NULL;
	/* Look for a run where one is likely: after an ordinary byte, and
	   right after the opening quote of "..." or the $(( (an unquoted
	   word's first byte was pushed back by the lexer, so no run starts
	   there). */
	bool try_run = mode == WM_DQUOTE || mode == WM_ARITH || mode == WM_ARITH_SEMI;
	for (;;) {
		if (try_run)
			wb_run(p, &wb, stop);
		struct src_pos at = p->pos;
		int c = lx_getc_bnl(p);
		if (c < 0 && mode != WM_NORMAL && mode != WM_HEREDOC) {
			const char *exp = mode_expect(mode);
			if (exp)
				parse_fail_eof(p, begin.line, "syntax error: unexpected "
					       "end of file (expecting %s)", exp);
			else
				parse_fail_eof(p, begin.line, "syntax error: "
					       "unterminated quoted string");
			break;
		}
		if (word_paren(p, &wb, mode, c, &nest)) {
			wb_char(p, &wb, c, at);
			try_run = true;
			continue;
		}
		if (p->err)
			break;
		if (word_ends(p, mode, c, &nest, &consume)) {
			if (!consume)
				lx_ungetc(p, c);
			break;
		}
		try_run = false;
		if (!word_special(p, &wb, mode, c, at)) {
			wb_char(p, &wb, c, at);
			try_run = stop != NULL;
		}
		if (p->err)
			break;
	}
	if (p->err) {
		wb_free(&wb);
		return NULL;
	}
	return wb_finish(&wb, mode == WM_DQUOTE ? WORD_DQUOTE : WORD_LIST,
			 begin, p->pos);
}

/*
 * The lexer's fast path (lx_next_fast) for words that are not plain text
 * but still simple: literal text, '...', "..." and the expansions $name,
 * $1, $@ (and the other special parameters), ${name}, ${10} and a plain
 * $((...)), in any order, the whole word in b[0..n) on one line (b[0] read
 * at position at) and followed by a byte that ends a word (end[]).  One
 * pass with a cursor builds the same tree word_lex builds byte by byte;
 * *len is set to the word's bytes.  NULL (nothing built, nothing read)
 * for a word with anything else in it -- a backslash, a backquote, $( or
 * ${ with an operator, a $ standing for itself, a newline, a NUL, a '(' --
 * and for a word of plain text alone, which lx_next_fast cuts itself:
 * word_lex then reads it.
 */
struct qscan {
	const unsigned char *b;
	size_t n;
	struct src_pos at;	/* the position of b[0] */
};

static struct src_pos qpos(const struct qscan *q, size_t i)
{
	return (struct src_pos){ q->at.line, q->at.col + (unsigned)i };
}

/* Literal bytes b[i..e) for the word being built (wb_run's job, from
   bytes in hand). */
static void wb_text(struct wbuild *wb, const struct qscan *q, size_t i, size_t e)
{
	if (!wb->have_lit) {
		wb->have_lit = true;
		wb->lit_begin = qpos(q, i);
	}
	wb_lit_add(wb, (const char *)q->b + i, e - i);
	wb->lit_end = qpos(q, e);
}

/* The expansion whose '$' is b[i], when it is one quick_word takes;
   *e: the index past it. */
static struct word *quick_dollar(const struct qscan *q, size_t i, size_t *e)
{
	const unsigned char *b = q->b;
	size_t n = q->n, k = i + 1, j;
	if (k + 1 >= n)
		return NULL;
	int c = b[k];
	struct word *w;
	if (is_name_start(c) || digit_bytes[c] || (c && strchr("@*#?-$!", c))) {
		j = k + 1;				/* $name, $1, $@ */
		if (is_name_start(c))
			while (j < n && name_bytes[b[j]])
				j++;
		w = word_create(WORD_PARAM);
	} else if (c == '{') {				/* ${name}, ${10} */
		const bool *set = digit_bytes[b[k + 1]] ? digit_bytes : name_bytes;
		if (!is_name_start(b[k + 1]) && set != digit_bytes)
			return NULL;
		for (j = k + 2; j < n && set[b[j]]; j++)
			;
		if (j == n || b[j] != '}')
			return NULL;
		w = word_create(WORD_PARAM);
		w->param.name = pool_strndup((const char *)b + k + 1, j - k - 1);
		w->param.braced = true;
		w->range.begin = qpos(q, i);
		w->range.end = qpos(q, j + 1);
		*e = j + 1;
		return w;
	} else if (c == '(' && b[k + 1] == '(') {	/* $((text)) */
		unsigned nest = 0;
		for (j = k + 2; j < n; j++) {
			if (b[j] == '(' && ++nest > 64)
				return NULL;
			if (b[j] == ')' && nest-- == 0)
				break;
			if (stop_arith[b[j]] && b[j] != '(' && b[j] != ')' && b[j] != ';')
				return NULL;
		}
		if (j + 1 >= n || b[j + 1] != ')' || j == k + 2)
			return NULL;
		struct word *expr = word_create_text(WORD_LITERAL, (const char *)b + k + 2,
						     j - k - 2);
		expr->range.begin = qpos(q, k + 2);
		expr->range.end = qpos(q, j);
		w = word_create(WORD_ARITH);
		w->arith.expr = expr;
		w->arith.lazy = true;	/* as word_lex_arith: parsed on first use */
		w->arith.arena = pool_arena_current();
		w->range.begin = qpos(q, i);
		w->range.end = qpos(q, j + 2);
		*e = j + 2;
		return w;
	} else {
		return NULL;
	}
	w->param.name = pool_strndup((const char *)b + k, j - k);
	w->range.begin = qpos(q, i);
	w->range.end = qpos(q, j);
	*e = j;
	return w;
}

/* "..." from b[i] (the opening quote); *e: the index past the closing one. */
static struct word *quick_dquote(const struct qscan *q, size_t i, size_t *e)
{
	struct wbuild wb;
	wb_init(&wb);
	size_t j = i + 1;
	for (;;) {
		size_t r = j;
		while (j < q->n && !stop_dquote[q->b[j]])
			j++;
		if (j > r)
			wb_text(&wb, q, r, j);
		struct word *part;
		if (j < q->n && q->b[j] == '"')
			break;
		if (j == q->n || q->b[j] != '$' || !(part = quick_dollar(q, j, &j))) {
			wb_free(&wb);
			return NULL;
		}
		wb_part(&wb, part);
	}
	*e = j + 1;
	return wb_finish(&wb, WORD_DQUOTE, qpos(q, i), qpos(q, j + 1));
}

struct word *word_lex_quick(struct parser *p, const unsigned char *b, size_t n,
			    struct src_pos at, const bool end[256], size_t *len)
{
	/* "..." and ${ or $(( inside it are two levels: word_lex reports
	   a nesting too deep. */
	if (p->depth + 2 > PARSER_MAX_DEPTH)
		return NULL;
	const struct qscan q = { b, n, at };
	struct wbuild wb;
	wb_init(&wb);
	size_t i = 0;
	bool expansion = false;
	for (;;) {
		size_t r = i;
		while (i < n && !stop_normal[b[i]])
			i++;
		if (i > r)
			wb_text(&wb, &q, r, i);
		if (i == n)
			break;
		struct word *part = NULL;
		size_t e;
		if (b[i] == '\'') {
			for (e = i + 1; e < n && b[e] != '\'' && b[e] != '\n' && b[e]; e++)
				;
			if (e < n && b[e] == '\'') {
				part = new_squote(SQUOTE_SINGLE, pool_strndup((const char *)b + i + 1,
									  e - i - 1),
						  e - i - 1, qpos(&q, i), qpos(&q, e + 1));
				e++;
			}
		} else if (b[i] == '"') {
			part = quick_dquote(&q, i, &e);
		} else if (b[i] == '$') {
			part = quick_dollar(&q, i, &e);
		} else {
			break;		/* the word's end, if end[] says so */
		}
		if (!part)
			break;
		wb_part(&wb, part);
		expansion = true;
		i = e;
	}
	if (i == n || !end[b[i]] || !expansion) {
		wb_free(&wb);
		return NULL;
	}
	*len = i;
	return wb_finish(&wb, WORD_LIST, at, qpos(&q, i));
}

/* ------------------------------------------------- here-document bodies */

struct word *word_parse_heredoc(struct parser *p, char *text, size_t len,
				unsigned line)
{
	struct source *src = source_take_string(source_name(p->src), text, len);
	source_set_line(src, line);
	struct parser *np = parser_create_nested(p, src);
	struct word *w = word_lex(np, WM_HEREDOC);
	if (!np->err && np->heredocs.len) {
		/* $(cat <<E) closed on its line inside a body: no newline
		 * follows within this text, so E's body can never be read. */
		struct redir *r = np->heredocs.items[0];
		bool q;
		char *d = word_heredoc_delim(r->target, &q);
		parse_fail(np, r->range.begin.line, "syntax error: unterminated "
			   "here-document (expecting '%s')", d);
		free(d);
		np->heredocs.len = 0;
		word_destroy(w);
		w = NULL;
	}
	if (np->err && !p->err) {
		p->err = np->err;
		np->err = NULL;
		p->err_line = np->err_line;
		p->incomplete = np->incomplete;
	}
	parser_destroy(np);
	source_destroy(src);
	if (!w)
		return NULL;
	/* The body is quoted text: wrap it so expansion neither splits nor globs it. */
	if (w->type != WORD_LIST) {
		struct word *d = word_create(WORD_DQUOTE);
		d->range = w->range;
		vec_push(&d->parts, w);
		return d;
	}
	w->type = WORD_DQUOTE;
	return w;
}

/* ------------------------------------------------------------ helpers */

const char *word_literal_text(const struct word *w)
{
	return w && w->type == WORD_LITERAL ? w->lit.text : NULL;
}

static void delim_text(const struct word *w, struct strbuf *sb, bool *quoted)
{
	switch (w->type) {
	case WORD_LITERAL:
		sb_appendn(sb, w->lit.text, w->lit.len);
		break;
	case WORD_SQUOTE:
		*quoted = true;
		sb_appendn(sb, w->lit.text, w->lit.len);
		break;
	case WORD_DQUOTE:
	case WORD_LIST:
		if (w->type == WORD_DQUOTE)
			*quoted = true;
		for (size_t i = 0; i < w->parts.len; i++)
			delim_text(w->parts.items[i], sb, quoted);
		break;
	default: {
		char *s = word_to_text(w);
		sb_append(sb, s);
		free(s);
	}
	}
}

char *word_heredoc_delim(const struct word *w, bool *quoted)
{
	struct strbuf sb = STRBUF_INIT;
	*quoted = false;
	if (w)
		delim_text(w, &sb, quoted);
	return sb_finish(&sb);
}

/*
 * Quote removal on the delimiter word as the lexer read it: leading blanks
 * (and line continuations) are dropped; \c, '...', $'...' and "..." lose
 * their quotes; everything else — $, backquotes, braces — stays as written.
 */
char *word_unquote_delim(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0;
	for (;;) {
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (i + 1 < n && s[i] == '\\' && s[i + 1] == '\n')
			i += 2;
		else
			break;
	}
	while (i < n) {
		char c = s[i++];
		if (c == '\\' && i < n) {
			if (s[i] != '\n')
				sb_putc(&sb, s[i]);
			i++;
		} else if (c == '\'') {
			size_t from = i;
			while (i < n && s[i] != '\'')
				i++;
			sb_appendn(&sb, s + from, i - from);
			i += i < n;
		} else if (c == '$' && i < n && s[i] == '\'') {
			size_t from = ++i;
			while (i < n && s[i] != '\'')
				i += s[i] == '\\' && i + 1 < n ? 2 : 1;
			word_decode_dollar_single(&sb, s + from, i - from);
			i += i < n;
		} else if (c == '"') {
			while (i < n && s[i] != '"') {
				if (s[i] == '\\' && i + 1 < n && strchr("$`\"\\\n", s[i + 1])) {
					if (s[i + 1] != '\n')
						sb_putc(&sb, s[i + 1]);
					i += 2;
					continue;
				}
				sb_putc(&sb, s[i++]);
			}
			i += i < n;
		} else {
			sb_putc(&sb, c);
		}
	}
	return sb_finish(&sb);
}

/* Split literal part i of parts at offset off: the tail becomes part i+1. */
static void split_literal(struct vec *parts, size_t i, size_t off)
{
	struct word *a = parts->items[i];
	struct word *b = word_create_text(WORD_LITERAL, a->lit.text + off, a->lit.len - off);
	b->range = a->range;
	b->range.begin.col += (unsigned)off;
	a->lit.text[off] = '\0';
	a->lit.len = off;
	a->range.end = b->range.begin;
	vec_push(parts, NULL);
	memmove(&parts->items[i + 2], &parts->items[i + 1],
		(parts->len - i - 2) * sizeof *parts->items);
	parts->items[i + 1] = b;
}

/*
 * Literal part i starts with '~': turn the tilde-prefix into a WORD_TILDE.
 * XCU 2.6.1: the prefix runs to the first unquoted '/' (or ':' in an
 * assignment) or the end of the word; if any byte of it is quoted — the
 * literal ends before a '/' and another part follows — it is not a prefix.
 */
static void make_tilde(struct vec *parts, size_t i, bool assign)
{
	struct word *l = parts->items[i];
	size_t n = strcspn(l->lit.text, assign ? "/:" : "/");
	if (n == l->lit.len && i + 1 < parts->len)
		return;
	if (memchr(l->lit.text, '\\', n))	/* a backslash at end of input */
		return;
	if (n < l->lit.len)
		split_literal(parts, i, n);
	struct word *t = word_create(WORD_TILDE);
	t->tilde.user = pool_strdup(l->lit.text + 1);
	t->range = l->range;
	parts->items[i] = t;
	word_destroy(l);
}

struct word *word_tilde(struct word *w, bool assign)
{
	if (!w)
		return w;
	if (w->type == WORD_LITERAL) {
		if (w->lit.text[0] != '~' &&
		    !(assign && memchr(w->lit.text, ':', w->lit.len) &&
		      strstr(w->lit.text, ":~")))
			return w;
		struct word *l = word_create(WORD_LIST);
		l->range = w->range;
		vec_push(&l->parts, w);
		w = l;
	}
	if (w->type != WORD_LIST)
		return w;
	for (size_t i = 0; i < w->parts.len; i++) {
		struct word *part = w->parts.items[i];
		if (part->type != WORD_LITERAL)
			continue;
		if (part->lit.text[0] == '~' && (i == 0 || assign)) {
			if (i > 0) {	/* only after a ':' ending the previous literal */
				struct word *prev = w->parts.items[i - 1];
				if (prev->type != WORD_LITERAL || prev->lit.len == 0 ||
				    prev->lit.text[prev->lit.len - 1] != ':')
					continue;
			}
			make_tilde(&w->parts, i, assign);
			continue;
		}
		char *colon = assign ? strstr(part->lit.text, ":~") : NULL;
		if (colon)
			split_literal(&w->parts, i, (size_t)(colon - part->lit.text) + 1);
	}
	if (w->parts.len == 1) {
		struct word *only = w->parts.items[0];
		w->parts.len = 0;
		word_destroy(w);
		return only;
	}
	return w;
}

/* Where the ']' closing the subscript of name[... (started at byte n+1
   of part 0) is, when "]=" or "]+=" follows it in the same literal:
   *pj part, *pk byte; false when the word is no subscripted assignment. */
static bool find_subscript_end(struct word *const *parts, size_t nparts,
			       size_t n, size_t *pj, size_t *pk)
{
	int depth = 0;
	for (size_t j = 0; j < nparts; j++) {
		const struct word *l = parts[j];
		if (l->type != WORD_LITERAL)
			continue;
		for (size_t k = j == 0 ? n + 1 : 0; k < l->lit.len; k++) {
			char c = l->lit.text[k];
			if (c == '[')
				depth++;
			if (c != ']' || depth-- > 0)
				continue;
			const char *t = l->lit.text + k + 1;
			if (t[0] != '=' && !(t[0] == '+' && t[1] == '='))
				return false;
			*pj = j;
			*pk = k;
			return true;
		}
	}
	return false;
}

/* A new literal part of bytes [from, to) of literal l, or NULL if empty. */
static struct word *lit_piece(const struct word *l, size_t from, size_t to)
{
	if (to <= from)
		return NULL;
	struct word *w = word_create_text(WORD_LITERAL, l->lit.text + from, to - from);
	w->range = l->range;
	return w;
}

static void push_part(struct word *list, struct word *w)
{
	if (w)
		vec_push(&list->parts, w);
}

/* One part alone needs no list around it. */
static struct word *unwrap_one(struct word *list)
{
	if (list->parts.len != 1)
		return list;
	struct word *only = list->parts.items[0];
	list->parts.len = 0;
	word_destroy(list);
	return only;
}

/* name[subscript]=value and name[subscript]+=value (ksh, bash). */
static char *split_subscript_assign(struct word **wp, size_t n,
				    struct word **subscript, bool *append)
{
	struct word *w = *wp;
	bool list = w->type == WORD_LIST;
	struct word **parts = list ? (struct word **)w->parts.items : wp;
	size_t nparts = list ? w->parts.len : 1, j, k;
	if (!find_subscript_end(parts, nparts, n, &j, &k))
		return NULL;
	struct word *first = parts[0], *last = parts[j];
	*append = last->lit.text[k + 1] == '+';
	struct word *sub = word_create(WORD_LIST), *value = word_create(WORD_LIST);
	sub->range = value->range = w->range;
	push_part(sub, lit_piece(first, n + 1, j == 0 ? k : first->lit.len));
	for (size_t i = 1; i < j; i++)
		push_part(sub, parts[i]);
	if (j > 0)
		push_part(sub, lit_piece(last, 0, k));
	push_part(value, lit_piece(last, k + 2 + *append, last->lit.len));
	for (size_t i = j + 1; i < nparts; i++)
		push_part(value, parts[i]);
	char *name = pool_strndup(first->lit.text, n);
	word_destroy(first);
	if (j > 0)
		word_destroy(last);
	if (list) {
		w->parts.len = 0;
		word_destroy(w);
	}
	*subscript = unwrap_one(sub);
	*wp = word_tilde(unwrap_one(value), true);
	return name;
}

/* The length of the NAME at the start of s. */
static size_t name_len(const char *s)
{
	size_t n = 0;
	if (is_name_start((unsigned char)s[0]))
		while (is_name_char((unsigned char)s[++n]))
			;
	return n;
}

char *word_split_assign(struct word **wp)
{
	return word_split_assignment(wp, NULL, NULL);
}

char *word_split_assignment(struct word **wp, struct word **subscript,
			    bool *append)
{
	struct word *w = *wp;
	struct word *first = w->type == WORD_LIST && w->parts.len ? w->parts.items[0] : w;
	if (first->type != WORD_LITERAL)
		return NULL;
	size_t n = name_len(first->lit.text);
	if (subscript && n > 0 && first->lit.text[n] == '[')
		return split_subscript_assign(wp, n, subscript, append);
	/* The name must run right up to the first '=' (or to the "+=" of
	   x+=value when append is asked for). */
	const char *t = first->lit.text;
	size_t off;		/* the value's first byte */
	if (n > 0 && t[n] == '=') {
		off = n + 1;
	} else if (append && n > 0 && t[n] == '+' && t[n + 1] == '=') {
		off = n + 2;
		*append = true;
	} else {
		return NULL;
	}
	char *name = pool_strndup(t, n);
	struct word *rest = NULL;
	if (off < first->lit.len) {
		rest = word_create_text(WORD_LITERAL, first->lit.text + off,
					first->lit.len - off);
		rest->range = first->range;
		rest->range.begin.col += (unsigned)off;
	}
	size_t more = w->type == WORD_LIST ? w->parts.len - 1 : 0;
	if ((rest ? 1 : 0) + more == 1) {
		/* x=1, x=$y: the value is one part — no list around it (word_tilde
		   would unwrap a one-part list anyway). */
		struct word *only = rest ? rest : w->parts.items[1];
		if (w->type == WORD_LIST)
			w->parts.len = 1;
		word_destroy(w);
		*wp = word_tilde(only, true);
		return name;
	}
	struct word *value = word_create(WORD_LIST);
	value->range = w->range;
	if (rest)
		vec_push(&value->parts, rest);
	for (size_t i = 1; i <= more; i++)
		vec_push(&value->parts, w->parts.items[i]);
	if (w->type == WORD_LIST)
		w->parts.len = 1;
	word_destroy(w);
	value->range.begin.col += (unsigned)off;
	*wp = word_tilde(value, true);
	return name;
}
