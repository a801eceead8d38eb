/* arith.h: arithmetic expansion $((...)) — parsing text into an expression tree (XCU 2.6.4). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PARSER_ARITH_H
#define WHELK_PARSER_ARITH_H

#include <stdio.h>

/*
 * The expression language of XCU 2.6.4 (the C subset): integer constants
 * (decimal, 0octal, 0xhex), variable names, ( ), unary + - ~ !, binary
 * * / % + - << >> < <= > >= == != & ^ | && ||, ?:, and the assignment
 * operators = *= /= %= += -= <<= >>= &= ^= |=.  Values are signed 64-bit.
 * Extensions shared by bash, ksh and mksh (POSIX leaves them to the
 * implementation): ++ and -- before or after a name, ** (power, right
 * associative, binding tighter than * but looser than unary minus), the
 * comma operator, and base#digits constants (base 2 to 64).
 * The tree's layout is private to arith.c / arith_eval.c.
 */
struct arith_node;

/**
 * Parse text (already expanded: no $ or ` left).  Returns the tree, or NULL
 * with *err a malloc'd message such as "arithmetic syntax error: missing ')'".
 * Empty (or all-blank) text parses as the constant 0.
 */
struct arith_node *arith_parse(const char *text, char **err);
void arith_destroy(struct arith_node *n);
/** Print the tree for the AST dump (indent = spaces before each line). */
void arith_dump(FILE *out, const struct arith_node *n, int indent);

#endif
