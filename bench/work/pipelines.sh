# 500 three-stage pipelines of external commands.
i=0 n=0
while [ $i -lt 500 ]; do
	n=$((n + $(echo "a b c" | tr ' ' '\n' | wc -l)))
	i=$((i + 1))
done
echo $n
