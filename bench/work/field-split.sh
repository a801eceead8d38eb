# Field splitting of long unquoted expansions with custom IFS.
line=
i=0
while [ $i -lt 200 ]; do line="$line a$i:b$i c$i"; i=$((i + 1)); done
n=0 i=0
while [ $i -lt 500 ]; do
	IFS=' :'
	set -- $line
	n=$((n + $#))
	i=$((i + 1))
done
echo $n
