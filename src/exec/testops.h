/* testops.h: the file tests shared by the test builtin and [[ ]] (XCU test). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_EXEC_TESTOPS_H
#define WHELK_EXEC_TESTOPS_H

#include <stdbool.h>

/**
 * -X path for a file operator letter: b c d e f g h k L p r S s u w x (XCU
 * test), and O G N (owned by the effective user / group, modified since
 * last read: bash and ksh).  Symbolic links are followed except by -h/-L;
 * -r -w -x check the effective IDs.  False for any other letter.
 */
bool test_file(char op, const char *path);
/** a -nt b, a -ot b, a -ef b: op is 'n', 'o' or 'e'. */
bool test_file_compare(const char *a, char op, const char *b);

#endif
