/* arith_eval.c: evaluating a parsed $((...)) tree — checked signed 64-bit arithmetic (XCU 2.6.4). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "exec/arith_eval.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strbuf.h"
#include "parser/arith.h"
#include "parser/arith_tree.h"

/*
 * Every operation that C leaves undefined for signed integers is checked
 * before it happens, so no input can raise SIGFPE or trip UBSan:
 *   - x / 0 and x % 0                        "division by zero"
 *   - INT64_MIN / -1 and INT64_MIN % -1      "arithmetic overflow" (the
 *     quotient 2^63 does not fit; on x86 idiv traps for both)
 *   - + - * and unary - beyond 64 bits       "arithmetic overflow"
 *   - shift counts outside 0..63             "shift count out of range"
 *   - ** with a negative exponent            "negative exponent"; its
 *     products are checked like *
 *   - left shifts are done on the unsigned bit pattern (as two's
 *     complement machines do), so 1<<63 is INT64_MIN, not UB;
 *     right shifts of negative values are arithmetic (sign-filling).
 */

struct actx {
	const struct arith_vars *vars;	/* borrowed */
	char *err;			/* owned: the error, NULL when none */
};

__attribute__((format(printf, 2, 3)))
static int fail(struct actx *cx, const char *fmt, ...)
{
	if (!cx->err) {
		struct strbuf sb = STRBUF_INIT;
		va_list va;
		va_start(va, fmt);
		sb_vprintf(&sb, fmt, va);
		va_end(va);
		cx->err = sb_finish(&sb);
	}
	return -1;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * A variable's value must itself be an integer constant (optionally signed,
 * with surrounding blanks), as in dash: "1+2" is not re-evaluated.  The
 * constant is read by arith_constant, exactly as in the expression text
 * (decimal, 0octal, 0xhex, base#digits).
 */
static bool parse_value(const char *s, int64_t *out)
{
	while (is_space((unsigned char)*s))
		s++;
	bool neg = false;
	if (*s == '+' || *s == '-')
		neg = (*s++ == '-');
	const char *end = s + strlen(s);
	while (end > s && is_space((unsigned char)end[-1]))
		end--;
	uint64_t v = 0;
	if (end == s || arith_constant(s, end, &v) != 0 ||
	    (v == (UINT64_C(1) << 63) && !neg))
		return false;
	*out = v == (UINT64_C(1) << 63) ? INT64_MIN
		: neg ? -(int64_t)v : (int64_t)v;
	return true;
}

static int get_var(struct actx *cx, const char *name, int64_t *out)
{
	const char *v = cx->vars->get(cx->vars->ctx, name);
	if (!v && cx->vars->nounset)	/* set -u: as for $name (XCU 2.6.4) */
		return fail(cx, "%s: parameter not set", name);
	if (!v || !*v) {	/* unset or empty: 0 */
		*out = 0;
		return 0;
	}
	if (!parse_value(v, out))
		return fail(cx, "%s: bad number '%s'", name, v);
	return 0;
}

static int set_var(struct actx *cx, const char *name, int64_t v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%" PRId64, v);
	if (cx->vars->set(cx->vars->ctx, name, buf) != 0)
		return fail(cx, "%s: assignment refused", name);
	return 0;
}

/* Division and remainder with both C traps checked first. */
static int divide(struct actx *cx, enum arith_op op, int64_t a, int64_t b,
		  int64_t *r)
{
	if (b == 0)
		return fail(cx, "division by zero");
	if (a == INT64_MIN && b == -1)
		return fail(cx, "arithmetic overflow");
	*r = op == ARO_DIV ? a / b : a % b;
	return 0;
}

static int shift(struct actx *cx, enum arith_op op, int64_t a, int64_t b,
		 int64_t *r)
{
	if (b < 0 || b > 63)
		return fail(cx, "shift count out of range: %" PRId64, b);
	if (op == ARO_SHL) {
		/* The unsigned shift is defined for every bit pattern; the
		   conversion back is implementation-defined (two's complement
		   in gcc and clang), never undefined. */
		*r = (int64_t)((uint64_t)a << b);
	} else {
		/* a >> b of a negative a is implementation-defined in C11;
		   compute the sign-filling shift explicitly. */
		*r = a >= 0 ? a >> b : ~(~a >> b);
	}
	return 0;
}

/* Checked + - *: each test decides overflow before the operation, in plain
   C11 (no compiler builtins), so the operation itself is always defined. */
static bool add_overflows(int64_t a, int64_t b)
{
	return (b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b);
}

static bool sub_overflows(int64_t a, int64_t b)
{
	return (b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b);
}

static bool mul_overflows(int64_t a, int64_t b)
{
	if (a == 0 || b == 0)
		return false;
	if (a > 0)
		return b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a;
	/* a < 0: the bounds flip when dividing by a negative b. */
	return b > 0 ? a < INT64_MIN / b : a < INT64_MAX / b;
}

/* a ** b by repeated squaring, every product checked. */
static int power(struct actx *cx, int64_t a, int64_t b, int64_t *r)
{
	if (b < 0)
		return fail(cx, "negative exponent: %" PRId64, b);
	int64_t result = 1;
	while (b > 0) {
		if (b & 1) {
			if (mul_overflows(result, a))
				return fail(cx, "arithmetic overflow");
			result *= a;
		}
		b >>= 1;
		if (b > 0) {
			if (mul_overflows(a, a))
				return fail(cx, "arithmetic overflow");
			a *= a;
		}
	}
	*r = result;
	return 0;
}

/* The binary operators that need both operands (all but && and ||). */
static int apply_binary(struct actx *cx, enum arith_op op, int64_t a,
			int64_t b, int64_t *r)
{
	switch (op) {
	case ARO_ADD: case ARO_SUB: case ARO_MUL: {
		bool over = op == ARO_ADD ? add_overflows(a, b)
			: op == ARO_SUB ? sub_overflows(a, b)
			: mul_overflows(a, b);
		if (over)
			return fail(cx, "arithmetic overflow");
		*r = op == ARO_ADD ? a + b : op == ARO_SUB ? a - b : a * b;
		return 0;
	}
	case ARO_DIV: case ARO_MOD: return divide(cx, op, a, b, r);
	case ARO_SHL: case ARO_SHR: return shift(cx, op, a, b, r);
	case ARO_POW: return power(cx, a, b, r);
	case ARO_COMMA: *r = b; return 0;
	case ARO_LT: *r = a < b; return 0;
	case ARO_LE: *r = a <= b; return 0;
	case ARO_GT: *r = a > b; return 0;
	case ARO_GE: *r = a >= b; return 0;
	case ARO_EQ: *r = a == b; return 0;
	case ARO_NE: *r = a != b; return 0;
	case ARO_BAND: *r = a & b; return 0;
	case ARO_BXOR: *r = a ^ b; return 0;
	case ARO_BOR: *r = a | b; return 0;
	default: return fail(cx, "internal error: bad operator");
	}
}

static int eval(struct actx *cx, const struct arith_node *n, int64_t *r);

static int eval_unary(struct actx *cx, const struct arith_node *n, int64_t *r)
{
	int64_t v;
	if (eval(cx, n->a, &v) != 0)
		return -1;
	switch (n->op) {
	case ARO_PLUS: *r = v; return 0;
	case ARO_NEG:
		if (v == INT64_MIN)
			return fail(cx, "arithmetic overflow");
		*r = -v;
		return 0;
	case ARO_BNOT: *r = ~v; return 0;
	case ARO_LNOT: *r = !v; return 0;
	default: return fail(cx, "internal error: bad operator");
	}
}

/* && and || evaluate the right side only when it decides the result. */
static int eval_binary(struct actx *cx, const struct arith_node *n, int64_t *r)
{
	int64_t a, b;
	if (eval(cx, n->a, &a) != 0)
		return -1;
	if (n->op == ARO_LAND || n->op == ARO_LOR) {
		if ((n->op == ARO_LAND) == (a == 0)) {
			*r = a != 0;
			return 0;
		}
		if (eval(cx, n->b, &b) != 0)
			return -1;
		*r = b != 0;
		return 0;
	}
	if (eval(cx, n->b, &b) != 0)
		return -1;
	return apply_binary(cx, n->op, a, b, r);
}

static int eval_assign(struct actx *cx, const struct arith_node *n, int64_t *r)
{
	int64_t v;
	if (eval(cx, n->a, &v) != 0)
		return -1;
	if (n->op != ARO_NONE) {	/* x op= v means x = x op v */
		int64_t old;
		if (get_var(cx, n->name, &old) != 0
		    || apply_binary(cx, n->op, old, v, &v) != 0)
			return -1;
	}
	if (set_var(cx, n->name, v) != 0)
		return -1;
	*r = v;
	return 0;
}

/* ++x --x x++ x--: n->num is 1 for the prefix forms. */
static int eval_incdec(struct actx *cx, const struct arith_node *n, int64_t *r)
{
	int64_t old, new;
	if (get_var(cx, n->name, &old) != 0 ||
	    apply_binary(cx, n->op, old, 1, &new) != 0 ||
	    set_var(cx, n->name, new) != 0)
		return -1;
	*r = n->num ? new : old;
	return 0;
}

static int eval(struct actx *cx, const struct arith_node *n, int64_t *r)
{
	switch (n->kind) {
	case AR_NUM:
		*r = n->num;
		return 0;
	case AR_VAR:
		return get_var(cx, n->name, r);
	case AR_UNARY:
		return eval_unary(cx, n, r);
	case AR_BINARY:
		return eval_binary(cx, n, r);
	case AR_COND: {
		int64_t t;
		if (eval(cx, n->a, &t) != 0)
			return -1;
		return eval(cx, t ? n->b : n->c, r);
	}
	case AR_ASSIGN:
		return eval_assign(cx, n, r);
	case AR_INCDEC:
		return eval_incdec(cx, n, r);
	}
	return fail(cx, "internal error: bad node");
}

int arith_eval(const struct arith_node *n, const struct arith_vars *vars,
	       int64_t *result, char **err)
{
	struct actx cx = { .vars = vars, .err = NULL };
	*err = NULL;
	if (eval(&cx, n, result) != 0) {
		*err = cx.err;
		return -1;
	}
	return 0;
}
