# while read over 100,000 lines.
f=${BENCH_DIR:-/tmp}/lines.txt
[ -f "$f" ] || awk 'BEGIN { for (i = 0; i < 100000; i++) print "line " i " of text" }' > "$f"
n=0
while read -r a b c d; do
	n=$((n + 1))
done < "$f"
echo $n
