#!/bin/sh
# fuzz/run.sh: a bounded fuzzing run of the parser (default 300 s), seeded from fuzz/corpus.
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: fuzz/run.sh [SECONDS] [OUTDIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
secs=${1:-300}
out=${2:-/tmp/whelk-fuzz}
bin=$("$here/build.sh" "$out")
mkdir -p "$out/corpus" "$out/artifacts"
# New inputs go to $out/corpus (the seed corpus in the repository stays as it is).
exec "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
	-artifact_prefix="$out/artifacts/" -print_final_stats=1 \
	"$out/corpus" "$here/corpus"
