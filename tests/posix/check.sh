#!/bin/sh
# check.sh: `make check` entry for the golden POSIX cases, run against the whelk just built.
# SPDX-License-Identifier: GPL-3.0-or-later
here=$(cd "$(dirname "$0")" && pwd)
shell=${WHELK:-$(pwd)/whelk}
exec "$here/run" -s "$shell"
