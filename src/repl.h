/* repl.h: the read-parse-eval-notify loop. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_REPL_H
#define WHELK_REPL_H
#endif
