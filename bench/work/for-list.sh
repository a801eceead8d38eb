# for over a 100,000-word list, five times.
list=$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf "w%d ", i }')
n=0
for k in 1 2 3 4 5; do
	for w in $list; do
		n=$((n + 1))
	done
done
echo $n $w
