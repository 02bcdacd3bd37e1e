#!/usr/bin/env bash
# Benchmarks kit against its peers in one run and prints ratios (not a test).
#   1. compile time: kit cc -O0 -c sqlite3.c vs gcc -O0 -c vs tcc -c
#   2. run latency:  kit run hello.c vs tcc -run hello.c (and gcc build+run)
# Writes bench/RESULTS.md. Needs hyperfine, gcc, tcc, and tests/fetch-material.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
kit=${KIT:-target/release/kit}
CACHE="${KIT_TEST_CACHE:-$HOME/.cache/kit-tests}"
sq="$CACHE/sqlite/sqlite3.c"
hello=tests/smoke/hello.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -x "$kit" ] || cargo build --release
[ -f "$sq" ] || tests/fetch-material.sh
flags="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION"

mean() { # hyperfine JSON → mean seconds
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"
}
bench() { # name runs command...
    local name=$1 runs=$2; shift 2
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$tmp/$name.json" "$*" >/dev/null 2>&1
    mean "$tmp/$name.json"
}

kit_cc=$(bench kit_cc 5 "$kit cc -O0 -w $flags -c $sq -o $tmp/k.o")
gcc_cc=$(bench gcc_cc 3 "gcc -O0 -w $flags -c $sq -o $tmp/g.o")
tcc_cc=$(bench tcc_cc 5 "tcc -w $flags -c $sq -o $tmp/t.o")
kit_run=$(bench kit_run 20 "$kit run $hello")
tcc_run=$(bench tcc_run 20 "tcc -run $hello")
gcc_run=$(bench gcc_run 10 "sh -c 'gcc $hello -o $tmp/h && $tmp/h'")

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
ms() { python3 -c "print(f'{$1*1000:.1f} ms')"; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
report=$(cat <<EOT
# kit benchmarks

Date: $(date -u +%Y-%m-%d), machine: $(nproc) cores, $cpu.
Produced by \`bench/bench.sh\` (hyperfine means; lower is better).

| what | kit | gcc -O0 | tcc | kit/gcc | kit/tcc |
|---|---|---|---|---|---|
| compile sqlite3.c to an object | $(ms $kit_cc) | $(ms $gcc_cc) | $(ms $tcc_cc) | $(ratio $kit_cc $gcc_cc) | $(ratio $kit_cc $tcc_cc) |
| run hello.c (compile + run) | $(ms $kit_run) | $(ms $gcc_run) (build, then run) | $(ms $tcc_run) (tcc -run) | $(ratio $kit_run $gcc_run) | $(ratio $kit_run $tcc_run) |
EOT
)
echo "$report"
echo "$report" > bench/RESULTS.md
