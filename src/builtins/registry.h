/* registry.h: the builtin table — the one header the exec layer takes from builtins. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_BUILTINS_REGISTRY_H
#define WHELK_BUILTINS_REGISTRY_H

#include <stddef.h>

struct shell;

/**
 * A builtin gets the shell and its argv (argv[0] is its name; argv[argc] is
 * NULL) and returns an exit status.  Output goes to stdout/stderr through
 * stdio; the caller flushes stdout afterwards and turns a write error into a
 * message and status 1.  Usage errors: a message and status 2.
 */
typedef int (*builtin_fn)(struct shell *sh, int argc, char **argv);

/* XCU 2.14 special builtins behave differently: their errors exit a
   non-interactive shell, their variable assignments persist, and they are
   found before functions (XCU 2.9.1.1). */
enum builtin_class {
	BUILTIN_SPECIAL,
	BUILTIN_REGULAR,
};

struct builtin {
	const char *name;
	builtin_fn fn;
	enum builtin_class cls;
	const char *usage;	/* "cd [-L|-P] [dir]" */
	const char *summary;	/* one line, for `help` */
};

/** bsearch the sorted table; NULL when name is not a builtin. */
const struct builtin *builtin_find(const char *name);
/** The whole table (sorted by name, strcmp) and its length. */
const struct builtin *builtin_table(size_t *count);

#endif
