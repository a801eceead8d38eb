/* umask.c: the umask builtin (XCU umask) — octal and chmod-style symbolic masks, -S output. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "builtins/builtins.h"
#include "builtins/opts.h"
#include "exec/shell.h"

/*
 * The file mode creation mask is a set of permission bits to REMOVE from
 * new files.  XCU umask lets a symbolic operand describe it the way chmod
 * describes a mode — "u=rwx,g=rx,o=" means "allow rwx for the owner, rx for
 * the group, nothing for others" — so a symbolic operand is applied to the
 * complement of the mask (the allowed bits) and the result complemented
 * back.  "u=rwx,g=rx,o=" is thus umask 027.
 *
 * umask(2) cannot be read without being set: reading is umask(0) then
 * restoring the old value (a shell has one thread, so nothing else can
 * create a file in between).
 */

static mode_t current_mask(void)
{
	mode_t m = umask(0);
	umask(m);
	return m;
}

/* "u=rwx,g=rx,o=rx" for the permissions the mask allows. */
static void print_symbolic(mode_t mask)
{
	mode_t allowed = ~mask & 0777;
	static const char who[] = "ugo";
	for (int i = 0; i < 3; i++) {
		int shift = 6 - 3 * i;
		printf("%s%c=", i ? "," : "", who[i]);
		if (allowed & (4u << shift)) putchar('r');
		if (allowed & (2u << shift)) putchar('w');
		if (allowed & (1u << shift)) putchar('x');
	}
	putchar('\n');
}

/* who letters "ugoa" to the bits they cover (empty: all). */
static mode_t parse_who(const char **sp)
{
	mode_t who = 0;
	for (;; (*sp)++) {
		switch (**sp) {
		case 'u': who |= 0700; continue;
		case 'g': who |= 0070; continue;
		case 'o': who |= 0007; continue;
		case 'a': who |= 0777; continue;
		}
		return who ? who : 0777;
	}
}

/* The permission letters after an operator: "rwx", or one of "ugo" to copy
   that class's bits in the mask the operand started from (chmod's g=u; so
   `umask a=,a=u` copies the old owner bits, as dash and yash do).
   Returns false on a bad letter. */
static bool parse_perm(const char **sp, mode_t allowed, mode_t *perm)
{
	const char *s = *sp;
	*perm = 0;
	if (*s == 'u' || *s == 'g' || *s == 'o') {
		int shift = *s == 'u' ? 6 : *s == 'g' ? 3 : 0;
		mode_t bits = (allowed >> shift) & 7;
		*perm = bits | bits << 3 | bits << 6;
		*sp = s + 1;
		return true;
	}
	for (; *s && *s != ',' && *s != '+' && *s != '-' && *s != '='; s++) {
		if (*s == 'r') *perm |= 0444;
		else if (*s == 'w') *perm |= 0222;
		else if (*s == 'x') *perm |= 0111;
		else if (*s == 'X' || *s == 's' || *s == 't') continue;
		else return false;
	}
	*sp = s;
	return true;
}

/* Apply a symbolic operand to the allowed bits; false when malformed. */
static bool apply_symbolic(const char *s, mode_t *allowed)
{
	const mode_t start = *allowed;
	for (;;) {
		mode_t who = parse_who(&s);
		if (*s != '+' && *s != '-' && *s != '=')
			return false;
		while (*s == '+' || *s == '-' || *s == '=') {
			char op = *s++;
			mode_t perm;
			if (!parse_perm(&s, start, &perm))
				return false;
			perm &= who;
			if (op == '+')
				*allowed |= perm;
			else if (op == '-')
				*allowed &= ~perm;
			else
				*allowed = (*allowed & ~who) | perm;
		}
		if (*s == '\0')
			return true;
		if (*s++ != ',')
			return false;
	}
}

/* Parse an octal or symbolic operand into a new mask. */
static bool parse_mask(const char *arg, mode_t old, mode_t *mask)
{
	if (*arg >= '0' && *arg <= '7') {
		unsigned long v = 0;
		for (const char *p = arg; *p; p++) {
			if (*p < '0' || *p > '7' || v > 07777)
				return false;
			v = v * 8 + (unsigned long)(*p - '0');
		}
		if (v > 0777)
			return false;
		*mask = (mode_t)v;
		return true;
	}
	mode_t allowed = ~old & 0777;
	if (!apply_symbolic(arg, &allowed))
		return false;
	*mask = ~allowed & 0777;
	return true;
}

int builtin_umask(struct shell *sh, int argc, char **argv)
{
	bool seen[128] = { false };
	int i = bopt_scan(sh, argc, argv, "S", seen);
	if (i < 0)
		return 2;
	bool symbolic = seen['S'];
	mode_t old = current_mask();
	if (i == argc) {
		if (symbolic)
			print_symbolic(old);
		else
			printf("%04o\n", (unsigned)old);
		return 0;
	}
	mode_t mask;
	if (i + 1 < argc)
		return bopt_too_many(sh);
	if (!parse_mask(argv[i], old, &mask)) {
		builtin_error(sh, "%s: invalid mask", argv[i]);
		return 2;
	}
	umask(mask);
	return 0;
}
