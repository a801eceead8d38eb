# 20,000 command substitutions of builtins.
i=0 n=0
while [ $i -lt 20000 ]; do
	v=$(echo $i)
	n=$((n + ${#v}))
	i=$((i + 1))
done
echo $n
