# 100,000 case statements: alternatives, bracket expressions and stars.
i=0 n=0
while [ $i -lt 100000 ]; do
	case w$((i % 7))x in
	w0x | w1x) n=$((n + 1)) ;;
	w[23]x) n=$((n + 2)) ;;
	*5*) n=$((n + 3)) ;;
	*) : ;;
	esac
	i=$((i + 1))
done
echo $n
