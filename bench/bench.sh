#!/usr/bin/env bash
# Benchmarks kit against its peers in one run and prints ratios (not a test).
#   1. compile time: kit cc -O0 -c sqlite3.c vs gcc -O0 -c vs tcc -c
#   2. run latency:  kit run hello.c vs tcc -run hello.c (and gcc build+run)
#   3. link time:    the SQLite shell and Lua from gcc -c objects, linked by
#                    kit ld vs GNU ld, lld and mold (each through its driver:
#                    kit cc / gcc -fuse-ld=...), where those are installed
#   4. assembly:     gcc -S output of sqlite3.c (-O0 and -O2) through kit as
#                    vs GNU as
# Writes bench/RESULTS.md. Needs gcc, tcc, tests/fetch-material.sh's sqlite3.c,
# and hyperfine (falls back to a timing loop without it).
#   --peers-only   time gcc and tcc only (checks the script; writes nothing)
#   --kit PATH     kit binary (default target/release/kit, or $KIT)
set -euo pipefail
cd "$(dirname "$0")/.."
kit=${KIT:-target/release/kit}
peers_only=0
while [ $# -gt 0 ]; do
    case $1 in
        --peers-only) peers_only=1 ;;
        --kit) kit=$2; shift ;;
        *) echo "usage: $0 [--peers-only] [--kit PATH]" >&2; exit 2 ;;
    esac
    shift
done
CACHE="${KIT_TEST_CACHE:-$HOME/.cache/kit-tests}"
sq="$CACHE/sqlite/sqlite3.c"
hello=tests/smoke/hello.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $peers_only = 0 ] && [ ! -x "$kit" ]; then cargo build --release; fi
[ -f "$sq" ] || tests/fetch-material.sh
for t in gcc tcc python3; do
    command -v $t >/dev/null || { echo "bench: $t is not installed" >&2; exit 1; }
done
flags="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION"
have_hyperfine=0
command -v hyperfine >/dev/null && have_hyperfine=1

mean() { # hyperfine JSON → mean seconds
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"
}
bench() { # name runs command... → mean wall seconds on stdout
    local name=$1 runs=$2; shift 2
    # Check once that the command works, so a failure is reported, not timed.
    if ! sh -c "$*" >"$tmp/$name.out" 2>&1; then
        echo "bench: '$*' failed:" >&2; cat "$tmp/$name.out" >&2; exit 1
    fi
    if [ $have_hyperfine = 1 ]; then
        hyperfine --shell=none --warmup 1 --runs "$runs" --export-json "$tmp/$name.json" "$*" >/dev/null 2>&1
        mean "$tmp/$name.json"
    else
        local t0 t1 i
        t0=$(date +%s.%N)
        for ((i = 0; i < runs; i++)); do eval "$*" >/dev/null 2>&1; done
        t1=$(date +%s.%N)
        python3 -c "print(($t1 - $t0) / $runs)"
    fi
}
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
ms() { python3 -c "print(f'{$1*1000:.1f} ms')"; }

gcc_cc=$(bench gcc_cc 3 "gcc -O0 -w $flags -c $sq -o $tmp/g.o")
tcc_cc=$(bench tcc_cc 5 "tcc -w $flags -c $sq -o $tmp/t.o")
tcc_run=$(bench tcc_run 20 "tcc -run $hello")
gcc_run=$(bench gcc_run 10 "sh -c 'gcc $hello -o $tmp/h && $tmp/h'")
if [ $peers_only = 1 ]; then
    echo "peers only (hyperfine: $have_hyperfine): gcc -O0 -c sqlite3.c $(ms $gcc_cc), tcc -c sqlite3.c $(ms $tcc_cc)," \
         "tcc -run hello.c $(ms $tcc_run), gcc hello.c + run $(ms $gcc_run)"
    exit 0
fi
kit_cc=$(bench kit_cc 5 "$kit cc -O0 -w $flags -c $sq -o $tmp/k.o")
kit_run=$(bench kit_run 20 "$kit run $hello")

# Link times: the same gcc-compiled objects through each linker.
lua_dir="$CACHE/lua"
mkdir -p "$tmp/sq" "$tmp/lua"
gcc -O0 -w $flags -c "$sq" -o "$tmp/sq/sqlite3.o"
gcc -O0 -w $flags -I"$CACHE/sqlite" -c "$CACHE/sqlite/shell.c" -o "$tmp/sq/shell.o"
for f in "$lua_dir"/*.c tests/programs/lua-driver.c; do
    gcc -O0 -w -I"$lua_dir" -c "$f" -o "$tmp/lua/$(basename "$f" .c).o"
done
link_row() { # name objdir → a markdown table row
    local name=$1 dir=$2 k b l m objs
    # hyperfine runs commands without a shell: expand the objects here.
    objs=$(echo "$dir"/*.o)
    k=$(bench "kl_$name" 10 "$kit cc $objs -o $tmp/$name-kit -lm")
    b=$(bench "bl_$name" 10 "gcc -fuse-ld=bfd $objs -o $tmp/$name-bfd -lm")
    l=- m=-
    if command -v ld.lld >/dev/null; then l=$(bench "ll_$name" 10 "gcc -fuse-ld=lld $objs -o $tmp/$name-lld -lm"); fi
    if command -v mold >/dev/null; then m=$(bench "ml_$name" 10 "gcc -fuse-ld=mold $objs -o $tmp/$name-mold -lm"); fi
    local lr=- mr=- lm=- mm=-
    [ "$l" = - ] || { lr=$(ratio $k $l); lm=$(ms $l); }
    [ "$m" = - ] || { mr=$(ratio $k $m); mm=$(ms $m); }
    echo "| link $name | $(ms $k) | $(ms $b) | $lm | $mm | $(ratio $k $b) | $lr | $mr |"
}
link_sq=$(link_row sqlite-shell "$tmp/sq")
link_lua=$(link_row lua "$tmp/lua")

# Assembly: gcc's own -S output, so both assemblers read the same text.
as_row() { # opt → a markdown table row
    local opt=$1 k g
    gcc "$opt" -w $flags -S "$sq" -o "$tmp/sq$opt.s"
    k=$(bench "kas$opt" 5 "$kit as $tmp/sq$opt.s -o $tmp/sq$opt.k.o")
    g=$(bench "gas$opt" 5 "as $tmp/sq$opt.s -o $tmp/sq$opt.g.o")
    echo "| assemble gcc $opt -S sqlite3.c ($(( $(wc -c <"$tmp/sq$opt.s") / 1000000 )) MB) | $(ms $k) | $(ms $g) | $(ratio $k $g) |"
}
as_o0=$(as_row -O0)
as_o2=$(as_row -O2)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
timer=$([ $have_hyperfine = 1 ] && echo "hyperfine means" || echo "means of a timing loop")
report=$(cat <<EOT
# kit benchmarks

Date: $(date -u +%Y-%m-%d), machine: $(nproc) cores, $cpu.
Produced by \`bench/bench.sh\` ($timer; lower is better). kit $("$kit" --version 2>/dev/null | head -1),
$(gcc --version | head -1), tcc $(tcc -v 2>&1 | head -1 | awk '{print $3}').

| what | kit | gcc -O0 | tcc | kit/gcc | kit/tcc |
|---|---|---|---|---|---|
| compile sqlite3.c to an object | $(ms $kit_cc) | $(ms $gcc_cc) | $(ms $tcc_cc) | $(ratio $kit_cc $gcc_cc) | $(ratio $kit_cc $tcc_cc) |
| run hello.c (compile + run) | $(ms $kit_run) | $(ms $gcc_run) (build, then run) | $(ms $tcc_run) (tcc -run) | $(ratio $kit_run $gcc_run) | $(ratio $kit_run $tcc_run) |

Linking gcc -O0 objects into a PIE (each linker through its driver: \`kit cc\`, \`gcc -fuse-ld=...\`):

| what | kit ld | GNU ld | lld | mold | kit/ld | kit/lld | kit/mold |
|---|---|---|---|---|---|---|---|
$link_sq
$link_lua

Assembling gcc's \`-S\` output:

| what | kit as | GNU as | kit/GNU |
|---|---|---|---|
$as_o0
$as_o2
EOT
)
echo "$report"
echo "$report" > bench/RESULTS.md
