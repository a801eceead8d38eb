/* expand.h: word expansion (XCU 2.6) — tilde, parameters, command substitution, arithmetic, splitting, globbing, quote removal. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_EXPAND_H
#define WHELK_EXEC_EXPAND_H

#include <stdint.h>

#include "base/vec.h"
#include "parser/ast.h"

struct shell;

/*
 * All functions return 0 on success and -1 on an expansion error, after
 * printing the message (e.g. "whelk: t.sh: line 3: x: parameter not set").
 * The caller applies XCU 2.8.1: in a non-interactive shell an expansion error
 * exits the shell (the caller sets UNWIND_EXIT), otherwise the command fails.
 * $? of a command substitution that ran is left in sh->last_status so an
 * assignment-only command can return it (XCU 2.9.1).
 */

/**
 * Expand command words into fields: every stage, including field splitting,
 * pathname expansion (unless set -f) and quote removal.  words: struct word *;
 * appends malloc'd strings to fields.
 */
int expand_words(struct shell *sh, const struct vec *words, struct vec *fields);

/**
 * Expand one word to one string: tilde, parameter, command substitution,
 * arithmetic and quote removal, but no field splitting or globbing
 * (assignment values, case subjects, here-doc words, redirection targets in a
 * non-interactive shell).  For an assignment value tilde expansion also
 * happens after each unquoted ':' (flag EXPAND_ASSIGN).
 */
enum {
	EXPAND_ASSIGN = 1,
};
int expand_word_str(struct shell *sh, const struct word *w, int flags, char **out);

/**
 * Expand a word used as a pattern (case items, ${x#pat}): the result is in
 * the escaped form of pattern.h — characters that were quoted are preceded
 * by a backslash.
 */
int expand_word_pattern(struct shell *sh, const struct word *w, char **out);

/** Expand a here-document body (REDIR_HEREDOC's body word). */
int expand_heredoc(struct shell *sh, const struct redir *r, char **out);

/**
 * Expand a here-document body straight into fd, a piece at a time: the
 * bytes expand_heredoc would return, without ever holding all of them (a
 * long literal part is written from the tree itself).  0, or -1 after
 * printing the error (an expansion failed, or a write did).
 */
int expand_heredoc_to_fd(struct shell *sh, const struct word *body, int fd);

/**
 * The value of an arithmetic word (WORD_ARITH: $(( )), (( )), for (( ))).
 * 0, or -1 after printing the error (bad expression, division by zero, ...).
 */
int expand_arith_value(struct shell *sh, const struct word *w, int64_t *value);
struct strbuf;
/** Append s quoted for re-input, as ${x@Q} shows it: '...', or $'...'
    when it holds control characters (param_ext.c). */
void param_quote(struct strbuf *sb, const char *s);

/** s in upper (or lower) case, by characters of the locale: owned. */
char *param_case(const char *s, bool upper);

/** Parse and evaluate text as an arithmetic expression (`let`, ${x:o:l}):
    as above; in a builtin the message names the builtin. */
int expand_arith_text(struct shell *sh, const char *text, int64_t *value);

/**
 * Expand text the way an unquoted here-document body is expanded (parameters,
 * $( ), $(( )), \ quoting only $ ` \ and newline): PS1, PS2, PS4 and $ENV
 * get exactly the here-document rules.  Returns the malloc'd result, or NULL
 * when the text does not parse or an expansion fails.
 */
char *expand_text_as_heredoc(struct shell *sh, const char *name, const char *text);

/**
 * Brace expansion (brace.c; when set -o braceexpand is on): the words w
 * expands to, appended to out, and true; false (out untouched) when w has
 * no braces to expand.  The new words borrow parts of w: free them with
 * expand_braces_free before w.
 */
bool expand_braces(const struct word *w, struct vec *out);
void expand_braces_free(struct vec *words);

/** pattern.h flags for case and ${x#pat}: PM_EXTGLOB when extglob is on,
    PM_NOCASE when nocasematch is (case only; the caller masks it). */
int expand_match_flags(const struct shell *sh);

/** Field-split s by $IFS (for `read`): the public face of the splitter. */
void expand_split_ifs(struct shell *sh, const char *s, struct vec *fields);

#endif
