/* arith.h: arithmetic expansion $((...)) — parsing text into an expression tree (XCU 2.6.4). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_PARSER_ARITH_H
#define WHELK_PARSER_ARITH_H

#include <stdint.h>
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

/**
 * The value of digit c in base (2 to 64), or 99 when c is not a digit:
 * 0-9, then letters.  Up to base 36 a letter is a digit whatever its case
 * (a and A are 10); above 36, as in bash and ksh, a-z are 10-35, A-Z 36-61,
 * @ is 62 and _ is 63.  Used for every digit the shell reads in a number
 * (arithmetic constants and variable values, $'\xHH').
 */
unsigned arith_digit(unsigned char c, unsigned base);

/**
 * Convert [s, end) as an integer constant: 0x1F (hex), 017 (octal), 15
 * (decimal), or base#digits (extension: 2#101, 16#ff, 64#_) -- no sign, no
 * blanks.  Stores the magnitude as unsigned so a caller can accept
 * 9223372036854775808 after a minus sign (INT64_MIN).  Returns 0, -1 for a
 * bad digit or base, -2 when the value exceeds 2^63.  The one integer
 * reader of expressions ($(( )), (( )), let) and of the variables they use.
 */
int arith_constant(const char *s, const char *end, uint64_t *out);
/** Print the tree for the AST dump (indent = spaces before each line). */
void arith_dump(FILE *out, const struct arith_node *n, int indent);

#endif
