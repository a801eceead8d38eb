/* escape.h: backslash escapes shared by echo, printf's format and printf %b. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BUILTINS_ESCAPE_H
#define WHELK_BUILTINS_ESCAPE_H

#include <stdbool.h>

struct shell;
struct strbuf;

/*
 * Both modes also take \xHH (one or two hex digits: a byte), \uHHHH and
 * \UHHHHHHHH (one to four / eight hex digits: a character, in the
 * locale's encoding), as bash, mksh and ksh93 do.
 */
enum escape_mode {
	/* echo and printf %b: \0NNN (0 then up to 3 octal digits) and \NNN,
	   and \c stops all further output. */
	ESCAPE_ECHO,
	/* printf's format string (XBD File Format Notation): \NNN with 1 to
	   3 octal digits; \c is not special. */
	ESCAPE_FORMAT,
};

/**
 * Interpret the escape whose backslash is at *sp, append the result to out
 * and advance *sp past it.  Returns false when it was \c in ESCAPE_ECHO
 * mode (the caller stops all output).  Unknown escapes stay as written.
 */
bool escape_one(const char **sp, struct strbuf *out, enum escape_mode mode);
/** Interpret every escape in s; false when \c was seen (out ends there). */
bool escape_string(const char *s, struct strbuf *out, enum escape_mode mode);
/**
 * Flush stdout; on a write error print "whelk: NAME: write error: ..."
 * through builtin_error, clear the error and return 1.  Else 0.
 * (issue 7: echo and printf to /dev/full must fail.)
 */
int builtin_flush_stdout(struct shell *sh);

#endif
