# 100,000 iterations of plain variable assignments and concatenation.
i=0
while [ $i -lt 100000 ]; do
	a=$i b=x$i
	c=$a$b d=${c}y e="$a $b"
	i=$((i + 1))
done
echo $a $b $c $d $e
