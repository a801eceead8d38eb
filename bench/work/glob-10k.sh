# Globbing a directory of 10,000 files.
d=${BENCH_DIR:-/tmp}/globdir
if [ ! -d "$d" ]; then
	mkdir -p "$d"
	(cd "$d" && awk 'BEGIN { for (i = 0; i < 10000; i++) printf "f%05d.txt\n", i }' | xargs touch)
fi
n=0
for i in 1 2 3 4 5; do
	set -- "$d"/f*[0-9].txt
	n=$((n + $#))
done
echo $n
