# Run a generated autoconf configure (see configure.setup) the way
# CONFIG_SHELL users do: CONFIG_SHELL=<shell> <shell> ./configure -q.
# bench: trace-exec
# bench/run.sh exports BENCH_SHELL, the shell under test.  The line printed
# is the checksum of what config.status wrote.
sh=${BENCH_SHELL:?BENCH_SHELL is not set}
cd "${BENCH_DIR:-/tmp}/conf" || exit 1
rm -f config.status config.log out.txt
CONFIG_SHELL=$sh
export CONFIG_SHELL
"$sh" ./configure -q || exit 1
cksum < out.txt
