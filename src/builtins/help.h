/* help.h: what the rest of the shell may use from the help builtin (its keyword topics, for completion). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BUILTINS_HELP_H
#define WHELK_BUILTINS_HELP_H

#include <stddef.h>

/** The i-th grammar keyword `help` describes ("if", "{"...), NULL past the last. */
const char *help_keyword(size_t i);

#endif
