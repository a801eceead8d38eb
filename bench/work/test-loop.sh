# 100,000 iterations of test / [ with string, integer and file primaries.
i=0 n=0 s=abc
while [ $i -lt 100000 ]; do
	if [ "$s" = abc ] && [ $i -ge 0 ] && test -n "$s"; then
		n=$((n + 1))
	fi
	[ -d / ] && [ ! -f / ] && n=$((n + 1))
	i=$((i + 1))
done
echo $n
