# 100,000 function calls with positional parameters and a return status.
add() { r=$(( $1 + $2 )); return 0; }
i=0 t=0
while [ $i -lt 100000 ]; do
	add $i 3
	t=$((t + r))
	i=$((i + 1))
done
echo $t
