# Parse (and run) a generated 20,000-line script.
f=${BENCH_DIR:-/tmp}/big-script.sh
if [ ! -f "$f" ]; then
	i=0
	while [ $i -lt 5000 ]; do
		printf 'if [ "$x" = %d ]; then\n\ty=$((y + 1))\nfi\ncase $x in a|b) : ;; *) z=1 ;; esac\n' $i
		i=$((i + 1))
	done > "$f"
fi
x=42 y=0
. "$f"
echo $y
