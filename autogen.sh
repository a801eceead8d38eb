#!/bin/sh
# autogen.sh: regenerate configure and Makefile.in (needs autoconf, automake, pkg-config).
set -e
cd "$(dirname "$0")"
exec autoreconf -fi
