# tests/local.mk: unit tests (check), golden POSIX cases, pseudo-terminal tests.
WHELK_UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
WHELK_TEST_LIBS = $(WHELK_CORE_LIBS) $(CHECK_LIBS)
if HAVE_CHECK
include tests/unit/parser.mk
include tests/unit/exec.mk
include tests/unit/expand.mk
include tests/unit/util.mk
include tests/unit/jobs.mk
include tests/unit/proc.mk
include tests/unit/interactive.mk
include tests/unit/histexpand.mk
endif
include tests/posix/local.mk
include tests/interactive/local.mk
include tests/robust/local.mk
include tests/diff/local.mk
include tests/bashlike/local.mk

# DESIGN.md's layer rule, checked on every source file.
TESTS += tests/layers.sh
EXTRA_DIST += tests/layers.sh tests/summarize.awk

# docs/DESIGN.md's list of mutable globals, checked against the objects.
TESTS += tests/globals.sh
EXTRA_DIST += tests/globals.sh
