/* arith_tree.h: the private layout of a parsed $((...)) tree, shared by arith.c and arith_eval.c. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PARSER_ARITH_TREE_H
#define WHELK_PARSER_ARITH_TREE_H

#include <stdint.h>

/*
 * Operators are named by their C spelling; each one below is a distinct
 * token of the XCU 2.6.4 language.  Assignment operators carry the binary
 * operator they apply (AR_ASSIGN with op = ARO_ADD for "+="; ARO_NONE for
 * plain "=").
 */
enum arith_op {
	ARO_NONE,
	ARO_MUL, ARO_DIV, ARO_MOD,
	ARO_ADD, ARO_SUB,
	ARO_SHL, ARO_SHR,
	ARO_LT, ARO_LE, ARO_GT, ARO_GE,
	ARO_EQ, ARO_NE,
	ARO_BAND, ARO_BXOR, ARO_BOR,
	ARO_LAND, ARO_LOR,
	ARO_POW,	/* ** (extension) */
	ARO_COMMA,	/* , (extension): left, then right's value */
	/* unary */
	ARO_PLUS, ARO_NEG, ARO_BNOT, ARO_LNOT,
};

enum arith_kind {
	AR_NUM,		/* num */
	AR_VAR,		/* name */
	AR_UNARY,	/* op a */
	AR_BINARY,	/* a op b (including && and ||, which short-circuit) */
	AR_COND,	/* a ? b : c */
	AR_ASSIGN,	/* name op= a */
	AR_INCDEC,	/* ++name --name name++ name-- (extension): op is ARO_ADD
			   or ARO_SUB, num is 1 for the prefix forms (the
			   value is the new one) and 0 for the postfix forms
			   (the value is the old one) */
};

struct arith_node {
	enum arith_kind kind;
	enum arith_op op;
	int64_t num;			/* AR_NUM */
	char *name;			/* owned: AR_VAR, AR_ASSIGN */
	struct arith_node *a, *b, *c;	/* owned operands, NULL when unused */
	int depth;			/* height of this subtree (1 for a leaf) */
};

/** The operator's C spelling ("+", "<<", "&&"; "-" for ARO_NEG). */
const char *arith_op_name(enum arith_op op);

#endif
