# Start the shell under test 1,000 times: $BENCH_SHELL -c : (the issue's
# "sh -c : xN"; startup.sh is one start, for instruction counts).
sh=${BENCH_SHELL:?BENCH_SHELL is not set}
i=0
while [ $i -lt 1000 ]; do
	"$sh" -c :
	i=$((i + 1))
done
echo ok
