# 200,000 iterations of arithmetic expansion and a while loop.
i=0 s=0
while [ $i -lt 200000 ]; do
	s=$((s + i * 2 % 7))
	i=$((i + 1))
done
echo $s
