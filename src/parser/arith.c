/* arith.c: the $((...)) expression parser — text to tree, by C precedence (XCU 2.6.4). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "parser/arith.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/pool.h"
#include "base/strbuf.h"
#include "parser/arith_tree.h"

/*
 * XCU 2.6.4 says the expression language is that of the ISO C "integer
 * constant expressions" with the operators listed in arith.h, plus variable
 * names and assignment.  Precedence, loosest first:
 *
 *   comma       ,                                     (extension)
 *   assignment  = *= /= %= += -= <<= >>= &= ^= |= **= (right to left)
 *   conditional ?:                                    (right to left)
 *   ||  &&  |  ^  &  == !=  < <= > >=  << >>  + -  * / %
 *   power       **                  (extension, right to left)
 *   unary + - ~ !   ++name --name   (extension: increment, decrement)
 *   primary: constant, name, name++, name--, ( expression )
 *
 * The binary levels are one loop driven by a table (precedence climbing);
 * comma, assignment, ?:, ** and the unary operators have their own small
 * functions.
 *
 * POSIX does not require ++ and --; like bash, ksh and mksh, whelk has them
 * when they touch a name.  Next to anything else they mean what they would
 * without the extension, as bash reads them: "--5" is -(-5), "1--1" is
 * 1 - (-1), "++5" is +(+5).
 *
 * Robustness (issue 7): recursion is bounded.  ARITH_MAX_NEST limits how
 * deeply parentheses, unary operators and ?: / assignment nest while parsing;
 * ARITH_MAX_DEPTH limits the height of the finished tree (a long chain like
 * 1+1+...+1 is built in a loop but evaluated recursively), so neither the
 * parser nor the evaluator can run out of stack on hostile input.
 */
enum {
	ARITH_MAX_NEST = 1000,
	ARITH_MAX_DEPTH = 10000,
};

enum tok {
	T_END, T_NUM, T_NAME, T_BINOP, T_ASSIGN, T_LPAREN, T_RPAREN,
	T_QUESTION, T_COLON, T_BANG, T_TILDE, T_INC, T_DEC, T_COMMA, T_BAD,
};

struct aparser {
	const char *text;	/* borrowed: the whole expression */
	const char *p;		/* cursor: start of the next token */
	const char *tok_start;	/* where the current token begins */
	enum tok tok;
	enum arith_op op;	/* T_BINOP / T_ASSIGN: which operator */
	int nest;		/* current recursion depth */
	char *err;		/* owned: first error, NULL when none */
};

/* Operator spellings, longest first so "<<=" wins over "<<" and "<". */
static const struct {
	const char *text;
	enum tok tok;
	enum arith_op op;
} op_table[] = {
	{ "<<=", T_ASSIGN, ARO_SHL }, { ">>=", T_ASSIGN, ARO_SHR },
	{ "**=", T_ASSIGN, ARO_POW },
	{ "++", T_INC, ARO_ADD }, { "--", T_DEC, ARO_SUB },
	{ "**", T_BINOP, ARO_POW },
	{ "*=", T_ASSIGN, ARO_MUL }, { "/=", T_ASSIGN, ARO_DIV },
	{ "%=", T_ASSIGN, ARO_MOD }, { "+=", T_ASSIGN, ARO_ADD },
	{ "-=", T_ASSIGN, ARO_SUB }, { "&=", T_ASSIGN, ARO_BAND },
	{ "^=", T_ASSIGN, ARO_BXOR }, { "|=", T_ASSIGN, ARO_BOR },
	{ "<<", T_BINOP, ARO_SHL }, { ">>", T_BINOP, ARO_SHR },
	{ "<=", T_BINOP, ARO_LE }, { ">=", T_BINOP, ARO_GE },
	{ "==", T_BINOP, ARO_EQ }, { "!=", T_BINOP, ARO_NE },
	{ "&&", T_BINOP, ARO_LAND }, { "||", T_BINOP, ARO_LOR },
	{ "*", T_BINOP, ARO_MUL }, { "/", T_BINOP, ARO_DIV },
	{ "%", T_BINOP, ARO_MOD }, { "+", T_BINOP, ARO_ADD },
	{ "-", T_BINOP, ARO_SUB }, { "<", T_BINOP, ARO_LT },
	{ ">", T_BINOP, ARO_GT }, { "&", T_BINOP, ARO_BAND },
	{ "^", T_BINOP, ARO_BXOR }, { "|", T_BINOP, ARO_BOR },
	{ "=", T_ASSIGN, ARO_NONE }, { "(", T_LPAREN, ARO_NONE },
	{ ")", T_RPAREN, ARO_NONE }, { "?", T_QUESTION, ARO_NONE },
	{ ":", T_COLON, ARO_NONE }, { "!", T_BANG, ARO_LNOT },
	{ "~", T_TILDE, ARO_BNOT }, { ",", T_COMMA, ARO_COMMA },
};

/* Binding strength of each binary operator (0: not binary). */
static int binop_prec(enum arith_op op)
{
	switch (op) {
	case ARO_LOR: return 1;
	case ARO_LAND: return 2;
	case ARO_BOR: return 3;
	case ARO_BXOR: return 4;
	case ARO_BAND: return 5;
	case ARO_EQ: case ARO_NE: return 6;
	case ARO_LT: case ARO_LE: case ARO_GT: case ARO_GE: return 7;
	case ARO_SHL: case ARO_SHR: return 8;
	case ARO_ADD: case ARO_SUB: return 9;
	case ARO_MUL: case ARO_DIV: case ARO_MOD: return 10;
	default: return 0;
	}
}

const char *arith_op_name(enum arith_op op)
{
	static const char *const names[] = {
		[ARO_NONE] = "", [ARO_MUL] = "*", [ARO_DIV] = "/",
		[ARO_MOD] = "%", [ARO_ADD] = "+", [ARO_SUB] = "-",
		[ARO_SHL] = "<<", [ARO_SHR] = ">>", [ARO_LT] = "<",
		[ARO_LE] = "<=", [ARO_GT] = ">", [ARO_GE] = ">=",
		[ARO_EQ] = "==", [ARO_NE] = "!=", [ARO_BAND] = "&",
		[ARO_BXOR] = "^", [ARO_BOR] = "|", [ARO_LAND] = "&&",
		[ARO_LOR] = "||", [ARO_POW] = "**", [ARO_COMMA] = ",",
		[ARO_PLUS] = "+", [ARO_NEG] = "-",
		[ARO_BNOT] = "~", [ARO_LNOT] = "!",
	};
	if ((unsigned)op < sizeof names / sizeof names[0] && names[op])
		return names[op];
	return "?";
}

/* ------------------------------------------------------------- errors */

__attribute__((format(printf, 2, 3)))
static void set_error(struct aparser *ap, const char *fmt, ...)
{
	if (ap->err)
		return;	/* keep the first: later ones are consequences */
	struct strbuf sb = STRBUF_INIT;
	sb_append(&sb, "arithmetic syntax error: ");
	va_list va;
	va_start(va, fmt);
	sb_vprintf(&sb, fmt, va);
	va_end(va);
	ap->err = sb_finish(&sb);
}

/* "unexpected 'x+1'" naming the rest of the text from the current token. */
static void error_here(struct aparser *ap, const char *what)
{
	if (ap->tok == T_END)
		set_error(ap, "%s at end of expression", what);
	else
		set_error(ap, "%s at '%s'", what, ap->tok_start);
}

/* -------------------------------------------------------------- lexer */

static bool is_name_start(unsigned char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_name_char(unsigned char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

static bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
		|| c == '\f';
}

/*
 * name[subscript] (arrays, issue 10 item 2) is one name token, subscript
 * and all: the evaluator hands "a[i+1]" to the shell, which evaluates the
 * subscript (or takes it as the key of an associative array).  An
 * unmatched '[' leaves the name alone (the '[' is then a bad character).
 */
static void skip_subscript(struct aparser *ap)
{
	int depth = 0;
	for (const char *q = ap->p; *q; q++) {
		if (*q == '[')
			depth++;
		else if (*q == ']' && --depth == 0) {
			ap->p = q + 1;
			return;
		}
	}
}

static void next_token(struct aparser *ap)
{
	while (is_blank((unsigned char)*ap->p))
		ap->p++;
	ap->tok_start = ap->p;
	ap->op = ARO_NONE;
	unsigned char c = (unsigned char)*ap->p;
	if (c == '\0') {
		ap->tok = T_END;
		return;
	}
	if (is_name_char(c)) {	/* names and numbers: a run of word chars */
		ap->tok = (c >= '0' && c <= '9') ? T_NUM : T_NAME;
		while (is_name_char((unsigned char)*ap->p))
			ap->p++;
		if (ap->tok == T_NAME && *ap->p == '[')
			skip_subscript(ap);
		if (ap->tok == T_NUM && *ap->p == '#') {
			/* base#digits: the digits of bases above 36 include
			   @ and _ */
			ap->p++;
			while (is_name_char((unsigned char)*ap->p) || *ap->p == '@')
				ap->p++;
		}
		return;
	}
	for (size_t i = 0; i < sizeof op_table / sizeof op_table[0]; i++) {
		if (op_table[i].text[0] != *ap->p)	/* most entries: one test */
			continue;
		size_t n = strlen(op_table[i].text);
		if (strncmp(ap->p, op_table[i].text, n) == 0) {
			ap->tok = op_table[i].tok;
			ap->op = op_table[i].op;
			ap->p += n;
			return;
		}
	}
	ap->tok = T_BAD;
}

/* ---------------------------------------------------------- constants */

/* See arith.h. */
unsigned arith_digit(unsigned char c, unsigned base)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10u;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + (base <= 36 ? 10u : 36u);
	if (c == '@')
		return 62;
	if (c == '_')
		return 63;
	return 99;
}

/* The base of a base#digits constant in [s, hash): 2 to 64, else 0. */
static unsigned explicit_base(const char *s, const char *hash)
{
	unsigned base = 0;
	for (; s < hash; s++) {
		if (*s < '0' || *s > '9' || base > 64)
			return 0;
		base = base * 10 + (unsigned)(*s - '0');
	}
	return base >= 2 && base <= 64 ? base : 0;
}

/* See arith.h. */
int arith_constant(const char *s, const char *end, uint64_t *out)
{
	unsigned base = 10;
	const char *hash = memchr(s, '#', (size_t)(end - s));
	if (hash) {
		base = explicit_base(s, hash);
		s = hash + 1;
		if (base == 0 || s == end)
			return -1;
	} else if (s[0] == '0' && end - s >= 2 && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (s == end)
			return -1;
	} else if (s[0] == '0') {
		base = 8;
	}
	uint64_t v = 0;
	for (; s < end; s++) {
		unsigned d = arith_digit((unsigned char)*s, base);
		if (d >= base)
			return -1;
		if (v > (UINT64_C(1) << 63) / base)
			return -2;
		v = v * base + d;
		if (v > (UINT64_C(1) << 63))
			return -2;
	}
	*out = v;
	return 0;
}

/* --------------------------------------------------------------- tree */

static struct arith_node *new_node(enum arith_kind kind, enum arith_op op)
{
	struct arith_node *n = pool_zalloc(sizeof *n);
	n->kind = kind;
	n->op = op;
	return n;
}

void arith_destroy(struct arith_node *n)
{
	if (!n || pool_in_arena(n))	/* its arena frees it */
		return;
	arith_destroy(n->a);
	arith_destroy(n->b);
	arith_destroy(n->c);
	pool_free(n->name);
	pool_free(n);
}

/* Height of the tree below n, cached in the recursion of the parser. */
static int height(const struct arith_node *n)
{
	return n ? n->depth : 0;
}

/* Compute n's height from its operands; a tree too tall is an error
   (then n is freed and NULL returned, so no caller builds on it). */
static struct arith_node *seal(struct aparser *ap, struct arith_node *n)
{
	int h = height(n->a);
	if (height(n->b) > h)
		h = height(n->b);
	if (height(n->c) > h)
		h = height(n->c);
	n->depth = h + 1;
	if (n->depth > ARITH_MAX_DEPTH) {
		set_error(ap, "expression too long or nested too deeply");
		arith_destroy(n);
		return NULL;
	}
	return n;
}

/* ------------------------------------------------------------- parser */

static struct arith_node *parse_assign(struct aparser *ap);
static struct arith_node *parse_comma(struct aparser *ap);

/* Guard every recursive entry; false (with the error set) when too deep. */
static bool enter(struct aparser *ap)
{
	if (++ap->nest > ARITH_MAX_NEST) {
		set_error(ap, "expression nested too deeply");
		return false;
	}
	return true;
}

static struct arith_node *parse_number(struct aparser *ap, bool negated)
{
	uint64_t v = 0;
	int r = arith_constant(ap->tok_start, ap->p, &v);
	int len = (int)(ap->p - ap->tok_start);
	if (r == -1) {
		set_error(ap, "invalid number '%.*s'", len, ap->tok_start);
		return NULL;
	}
	if (r == -2 || (v == (UINT64_C(1) << 63) && !negated)) {
		set_error(ap, "constant out of range '%.*s'", len,
			  ap->tok_start);
		return NULL;
	}
	struct arith_node *n = new_node(AR_NUM, ARO_NONE);
	/* -(2^63) is INT64_MIN; computed without signed overflow. */
	n->num = (v == (UINT64_C(1) << 63)) ? INT64_MIN
		: (negated ? -(int64_t)v : (int64_t)v);
	next_token(ap);
	return seal(ap, n);
}

/* ++name, --name (prefix: the value is the new one), name++, name--. */
static struct arith_node *incdec(struct aparser *ap, enum tok which,
				 const char *name, size_t len, bool prefix)
{
	struct arith_node *n = new_node(AR_INCDEC,
					which == T_INC ? ARO_ADD : ARO_SUB);
	n->name = pool_strndup(name, len);
	n->num = prefix;
	return seal(ap, n);
}

/* primary: constant | name [ '++' | '--' ] | '(' expression ')' */
static struct arith_node *parse_primary(struct aparser *ap)
{
	if (ap->tok == T_NUM)
		return parse_number(ap, false);
	if (ap->tok == T_NAME) {
		const char *name = ap->tok_start;
		size_t len = (size_t)(ap->p - ap->tok_start);
		next_token(ap);
		if (ap->tok == T_INC || ap->tok == T_DEC) {
			enum tok which = ap->tok;
			next_token(ap);
			return incdec(ap, which, name, len, false);
		}
		struct arith_node *n = new_node(AR_VAR, ARO_NONE);
		n->name = pool_strndup(name, len);
		return seal(ap, n);
	}
	if (ap->tok == T_LPAREN) {
		next_token(ap);
		struct arith_node *n = parse_comma(ap);
		if (!n)
			return NULL;
		if (ap->tok != T_RPAREN) {
			arith_destroy(n);
			set_error(ap, "missing ')'");
			return NULL;
		}
		next_token(ap);
		if (n->kind == AR_VAR) {
			/* "(x)" is a value, not a variable: "(x)=1" is an
			   error, as in C.  Wrap it in a unary plus. */
			struct arith_node *plus = new_node(AR_UNARY, ARO_PLUS);
			plus->a = n;
			return seal(ap, plus);
		}
		return n;
	}
	error_here(ap, ap->tok == T_BAD ? "invalid character"
		   : "expected an operand");
	return NULL;
}

static struct arith_node *parse_unary(struct aparser *ap);

/* A unary op applied to the operand that follows (already read). */
static struct arith_node *unary_of(struct aparser *ap, enum arith_op op)
{
	if (!enter(ap))
		return NULL;
	struct arith_node *operand = parse_unary(ap);
	ap->nest--;
	if (!operand)
		return NULL;
	struct arith_node *n = new_node(AR_UNARY, op);
	n->a = operand;
	return seal(ap, n);
}

/* '++' or '--' in operand position: an increment of the name after it,
   else two signs ("--5" is -(-5)). */
static struct arith_node *parse_prefix_incdec(struct aparser *ap)
{
	enum tok which = ap->tok;
	enum arith_op sign = which == T_INC ? ARO_PLUS : ARO_NEG;
	next_token(ap);
	if (ap->tok == T_NAME) {
		const char *name = ap->tok_start;
		size_t len = (size_t)(ap->p - ap->tok_start);
		next_token(ap);
		if (ap->tok == T_INC || ap->tok == T_DEC) {
			set_error(ap, "'%s' of an increment: it needs a variable",
				  ap->tok == T_INC ? "++" : "--");
			return NULL;
		}
		return incdec(ap, which, name, len, true);
	}
	struct arith_node *inner = unary_of(ap, sign);
	if (!inner)
		return NULL;
	struct arith_node *n = new_node(AR_UNARY, sign);
	n->a = inner;
	return seal(ap, n);
}

/* unary: ('+' | '-' | '~' | '!') unary | ('++' | '--') name | primary */
static struct arith_node *parse_unary(struct aparser *ap)
{
	enum arith_op op;
	if (ap->tok == T_INC || ap->tok == T_DEC)
		return parse_prefix_incdec(ap);
	if (ap->tok == T_BINOP && ap->op == ARO_ADD)
		op = ARO_PLUS;
	else if (ap->tok == T_BINOP && ap->op == ARO_SUB)
		op = ARO_NEG;
	else if (ap->tok == T_BANG || ap->tok == T_TILDE)
		op = ap->op;
	else
		return parse_primary(ap);
	next_token(ap);
	if (op == ARO_NEG && ap->tok == T_NUM) {
		/* Fold "-constant" so -9223372036854775808 is INT64_MIN. */
		return parse_number(ap, true);
	}
	return unary_of(ap, op);
}

static struct arith_node *binary_node(struct aparser *ap, enum arith_op op,
				      struct arith_node *a, struct arith_node *b)
{
	struct arith_node *n = new_node(AR_BINARY, op);
	n->a = a;
	n->b = b;
	return seal(ap, n);
}

/* power: unary [ '**' power ] -- right associative, and its operands are
   unary expressions, so -2**2 is (-2)**2 as in bash and ksh. */
static struct arith_node *parse_power(struct aparser *ap)
{
	struct arith_node *left = parse_unary(ap);
	if (!left || ap->tok != T_BINOP || ap->op != ARO_POW)
		return left;
	next_token(ap);
	if (!enter(ap)) {
		arith_destroy(left);
		return NULL;
	}
	struct arith_node *right = parse_power(ap);
	ap->nest--;
	if (!right) {
		arith_destroy(left);
		return NULL;
	}
	return binary_node(ap, ARO_POW, left, right);
}

/* The binary operator at the current token, or ARO_NONE.  A '++' or '--'
   after an operand that is not a name is a sign pair: "1--1" is 1 - (-1). */
static enum arith_op binary_at(const struct aparser *ap, enum arith_op *sign)
{
	*sign = ARO_NONE;
	if (ap->tok == T_INC || ap->tok == T_DEC) {
		*sign = ap->tok == T_INC ? ARO_PLUS : ARO_NEG;
		return ap->tok == T_INC ? ARO_ADD : ARO_SUB;
	}
	if (ap->tok == T_BINOP && ap->op != ARO_POW)
		return ap->op;
	return ARO_NONE;
}

/* The binary levels by precedence climbing: every operator is left
   associative, so an operand binds to the operator on its left when their
   precedence is equal. */
static struct arith_node *parse_binary(struct aparser *ap, int min_prec)
{
	struct arith_node *left = parse_power(ap);
	enum arith_op op, sign;
	while (left && (op = binary_at(ap, &sign)) != ARO_NONE &&
	       binop_prec(op) >= min_prec) {
		next_token(ap);
		if (!enter(ap)) {
			arith_destroy(left);
			return NULL;
		}
		struct arith_node *right = parse_binary(ap, binop_prec(op) + 1);
		ap->nest--;
		if (right && sign != ARO_NONE) {
			struct arith_node *s = new_node(AR_UNARY, sign);
			s->a = right;
			right = seal(ap, s);
		}
		if (!right) {
			arith_destroy(left);
			return NULL;
		}
		left = binary_node(ap, op, left, right);
	}
	return left;
}

/* conditional: logical-or [ '?' expression ':' conditional ] */
static struct arith_node *parse_cond(struct aparser *ap)
{
	struct arith_node *test = parse_binary(ap, 1);
	if (!test || ap->tok != T_QUESTION)
		return test;
	next_token(ap);
	struct arith_node *n = new_node(AR_COND, ARO_NONE);
	n->a = test;
	if (!enter(ap))
		goto fail;
	n->b = parse_comma(ap);
	if (!n->b)
		goto fail;
	if (ap->tok != T_COLON) {
		set_error(ap, "missing ':' after '?'");
		goto fail;
	}
	next_token(ap);
	n->c = parse_cond(ap);
	if (!n->c)
		goto fail;
	ap->nest--;
	return seal(ap, n);
fail:
	arith_destroy(n);
	return NULL;
}

/* assignment: conditional | name assign-op assignment (right associative) */
static struct arith_node *parse_assign(struct aparser *ap)
{
	if (!enter(ap))
		return NULL;
	struct arith_node *lhs = parse_cond(ap);
	if (lhs && ap->tok == T_ASSIGN) {
		if (lhs->kind != AR_VAR) {
			set_error(ap, "assignment to a non-variable");
			arith_destroy(lhs);
			return NULL;
		}
		enum arith_op op = ap->op;
		next_token(ap);
		struct arith_node *rhs = parse_assign(ap);
		if (!rhs) {
			arith_destroy(lhs);
			return NULL;
		}
		struct arith_node *n = new_node(AR_ASSIGN, op);
		n->name = lhs->name;
		lhs->name = NULL;
		arith_destroy(lhs);
		n->a = rhs;
		lhs = seal(ap, n);
	}
	ap->nest--;
	return lhs;
}

/* expression: assignment { ',' assignment } -- each is evaluated in turn,
   the value is the last one's (extension, as in C and bash). */
static struct arith_node *parse_comma(struct aparser *ap)
{
	struct arith_node *left = parse_assign(ap);
	while (left && ap->tok == T_COMMA) {
		next_token(ap);
		struct arith_node *right = parse_assign(ap);
		if (!right) {
			arith_destroy(left);
			return NULL;
		}
		left = binary_node(ap, ARO_COMMA, left, right);
	}
	return left;
}

struct arith_node *arith_parse(const char *text, char **err)
{
	struct aparser ap = { .text = text, .p = text };
	*err = NULL;
	next_token(&ap);
	if (ap.tok == T_END) {	/* empty or blank: 0 (as bash, yash) */
		struct arith_node *zero = new_node(AR_NUM, ARO_NONE);
		zero->depth = 1;
		return zero;
	}
	struct arith_node *n = parse_comma(&ap);
	if (n && ap.tok != T_END)
		error_here(&ap, ap.tok == T_RPAREN ? "unmatched ')'"
			   : ap.tok == T_BAD ? "invalid character"
			   : "unexpected token");
	if (ap.err) {
		arith_destroy(n);
		*err = ap.err;
		return NULL;
	}
	return n;
}

/* --------------------------------------------------------------- dump */

void arith_dump(FILE *out, const struct arith_node *n, int indent)
{
	if (!n)
		return;
	fprintf(out, "%*s", indent, "");
	switch (n->kind) {
	case AR_NUM:
		fprintf(out, "num %lld\n", (long long)n->num);
		return;
	case AR_VAR:
		fprintf(out, "var %s\n", n->name);
		return;
	case AR_UNARY:
		fprintf(out, "unary %s\n", arith_op_name(n->op));
		break;
	case AR_BINARY:
		fprintf(out, "binary %s\n", arith_op_name(n->op));
		break;
	case AR_COND:
		fprintf(out, "cond ?:\n");
		break;
	case AR_ASSIGN:
		fprintf(out, "assign %s %s=\n", n->name, arith_op_name(n->op));
		break;
	case AR_INCDEC:
		fprintf(out, n->num ? "%2$s%1$s\n" : "%s%s\n", n->name,
			n->op == ARO_ADD ? "++" : "--");
		return;
	}
	arith_dump(out, n->a, indent + 2);
	arith_dump(out, n->b, indent + 2);
	arith_dump(out, n->c, indent + 2);
}
