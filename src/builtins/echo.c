/* echo.c: the echo builtin, with dash's behaviour (XCU echo, XSI form). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "builtins/builtins.h"
#include "builtins/escape.h"
#include "exec/shell.h"

/*
 * XCU echo leaves "-n" and backslashes implementation-defined and the XSI
 * option defines the escapes; whelk does what dash does, which is the XSI
 * behaviour plus -n:
 *
 *   - Only one option, and only as the very first argument spelled exactly
 *     "-n": it suppresses the final newline.  Everything else is an
 *     operand: "echo -e x" prints "-e x", "echo -- x" prints "-- x",
 *     "echo -n -n x" prints "-n x" without a newline.
 *   - Escapes are always interpreted: \a \b \e \f \n \r \t \v \\, \0NNN
 *     (zero then up to three octal digits), \NNN (one to three octal
 *     digits), and \c, which ends all output (no newline either).  Any
 *     other backslash is printed as is.
 *
 * Portable scripts use printf instead; this is documented in whelk(1).
 */
int builtin_echo(struct shell *sh, int argc, char **argv)
{
	bool newline = true;
	int i = 1;
	if (i < argc && strcmp(argv[i], "-n") == 0) {
		newline = false;
		i++;
	}
	struct strbuf out = STRBUF_INIT;
	bool go_on = true;
	for (int first = i; i < argc && go_on; i++) {
		if (i > first)
			sb_putc(&out, ' ');
		go_on = escape_string(argv[i], &out, ESCAPE_ECHO);
	}
	if (go_on && newline)
		sb_putc(&out, '\n');
	fwrite(sb_str(&out), 1, out.len, stdout);
	sb_free(&out);
	return builtin_flush_stdout(sh);
}
