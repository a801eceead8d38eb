# ${...} string work: trimming, lengths, defaults, concatenation.
i=0 n=0 acc=
while [ $i -lt 50000 ]; do
	p=/usr/local/lib/file$i.tar.gz
	b=${p##*/} d=${p%/*} e=${b#*.} r=${b%%.*}
	n=$((n + ${#b} + ${#d} + ${#e} + ${#r}))
	x=${unset_var:-dflt}${d:+y}
	i=$((i + 1))
done
echo $n $x
