#!/bin/sh
# fuzz/run.sh: a bounded fuzzing run (default 300 s) of the parser or the whole-script target.
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: fuzz/run.sh [SECONDS] [OUTDIR] [parser|script]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
secs=${1:-300}
out=${2:-/tmp/whelk-fuzz}
target=${3:-parser}
bin=$("$here/build.sh" "$out" "$target")
mkdir -p "$out/corpus-$target" "$out/artifacts"
# New inputs go to $out/corpus-TARGET (the seed corpora in the repository
# stay as they are).  The script target also starts from the parser's seeds.
case $target in
parser) seeds="$here/corpus"; extra="-max_len=4096" ;;
*) seeds="$here/corpus-script $here/corpus"; extra="-dict=$here/script.dict -max_len=2048" ;;
esac
# shellcheck disable=SC2086
exec nice "$bin" -max_total_time="$secs" -timeout=15 -rss_limit_mb=2048 $extra \
	-artifact_prefix="$out/artifacts/" -print_final_stats=1 \
	"$out/corpus-$target" $seeds
