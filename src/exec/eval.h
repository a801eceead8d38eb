/* eval.h: the tree walker — one eval_* function per node type. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_EVAL_H
#define WHELK_EXEC_EVAL_H

#include "base/strbuf.h"
#include "parser/ast.h"

struct shell;

/** Run a tree; returns its exit status (also stored in sh->last_status). */
int eval_node(struct shell *sh, struct ast_node *n);

/**
 * Command substitution: run program (may be NULL) in a subshell environment
 * with its standard output captured into out (trailing newlines NOT yet
 * removed; the expander removes them).  Returns the exit status.  May run
 * builtins without forking where that is safe.
 */
int eval_cmdsub(struct shell *sh, struct ast_node *program, struct strbuf *out);
/** <(program) or >(program), dir '<' or '>': start program on a pipe and
    return the shell's end N (the word is /dev/fd/N), or -1. */
int eval_procsub(struct shell *sh, struct ast_node *program, char dir);
/** Close the process substitutions' fds opened since mark (an index into
    sh->procsubs): the command that expanded them is done. */
void procsub_close_from(struct shell *sh, size_t mark);

#endif
