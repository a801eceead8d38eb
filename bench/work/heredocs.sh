# 20,000 here-documents read by a builtin.
i=0 n=0
while [ $i -lt 20000 ]; do
	read -r line <<EOF2
value $i here
EOF2
	n=$((n + ${#line}))
	i=$((i + 1))
done
echo $n
