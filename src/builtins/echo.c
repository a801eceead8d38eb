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
 * option defines the escapes; whelk keeps the XSI behaviour and accepts
 * the options mksh (and bash) accept:
 *
 *   - Leading words made only of the letters n, e and E after one '-'
 *     ("-n", "-e", "-nE", ...) are options: -n suppresses the final
 *     newline, -E turns escape interpretation off and -e back on (the
 *     last one wins).  The first other word ends the options: "-x y",
 *     "--" and "-" are operands, as in mksh and bash.
 *   - Under set -o posix only a first word spelled exactly "-n" is an
 *     option (as in dash): XCU echo says it takes no options, so
 *     `echo -e x` must print "-e x", and only "-n" is left to the
 *     implementation.
 *   - Escapes are interpreted by default (XSI, as dash and mksh): \a \b
 *     \e \f \n \r \t \v \\, \0NNN (zero then up to three octal digits),
 *     \NNN (one to three octal digits), \xHH, \uHHHH, \UHHHHHHHH, and \c,
 *     which ends all output (no newline either).  Any other backslash is
 *     printed as is.
 *
 * Portable scripts use printf instead; this is documented in whelk(1).
 */

/* Is word an echo option word: '-' then one or more of n, e, E? */
static bool is_option_word(const struct shell *sh, const char *word)
{
	if (sh->opt.posix)
		return strcmp(word, "-n") == 0;
	if (word[0] != '-' || word[1] == '\0')
		return false;
	return strspn(word + 1, "neE") == strlen(word + 1);
}

int builtin_echo(struct shell *sh, int argc, char **argv)
{
	bool newline = true, escapes = true;
	int i = 1;
	for (; i < argc && is_option_word(sh, argv[i]) && (i == 1 || !sh->opt.posix);
	     i++)
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'n')
				newline = false;
			else
				escapes = *o == 'e';
		}
	struct strbuf out = STRBUF_INIT;
	bool go_on = true;
	for (int first = i; i < argc && go_on; i++) {
		if (i > first)
			sb_putc(&out, ' ');
		if (escapes)
			go_on = escape_string(argv[i], &out, ESCAPE_ECHO);
		else
			sb_append(&out, argv[i]);
	}
	if (go_on && newline)
		sb_putc(&out, '\n');
	fwrite(sb_str(&out), 1, out.len, stdout);
	sb_free(&out);
	return builtin_flush_stdout(sh);
}
