/* repl.c: the read-parse-eval-notify loop (being written). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "repl.h"
