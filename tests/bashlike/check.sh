#!/bin/sh
# check.sh: `make check` entry for tests/bashlike, run against the whelk just built.
# SPDX-License-Identifier: GPL-3.0-or-later
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/run.sh" "${WHELK:-$(pwd)/whelk}"
