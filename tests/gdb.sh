#!/usr/bin/env bash
# Debugging kit's -g output with gdb: tests/gdb/prog.c compiled by kit and
# linked by gcc, and compiled and linked by kit (kit ld), driven by
# tests/gdb/cmds*.gdb in batch mode. Every line of
# the matching expected*.txt must appear in gdb's output, in order, after
# addresses become ADDR, assembler-local labels (which a linker may or may
# not keep in the symbol table) are dropped, and so are directories in file
# names.
set -euo pipefail
cd "$(dirname "$0")/.."
kit=$(realpath "${1:-target/release/kit}")
command -v gdb >/dev/null || { echo "gdb: SKIPPED: gdb not installed"; [ -z "${CI:-}" ] || exit 1; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check <opt> <commands> <expected> <linker: gcc|kit>
check() {
    "$kit" cc -g "$1" -c tests/gdb/prog.c -o "$tmp/prog.o"
    if [ "$4" = kit ]; then
        "$kit" cc "$tmp/prog.o" -o "$tmp/prog"
    else
        gcc "$tmp/prog.o" -o "$tmp/prog"
    fi
    gdb -nx -batch -ex 'set debuginfod enabled off' -x "$2" "$tmp/prog" </dev/null 2>&1 |
        sed -E 's/0x[0-9a-f]+/ADDR/g; s/ <\.L[^>]*>//g; s#(at |file )[^ ]*/prog\.c#\1prog.c#g; s/process [0-9]+/process N/' >"$tmp/out"
    local want=() got i=0
    mapfile -t want <"$3"
    while IFS= read -r got; do
        if [ $i -lt ${#want[@]} ] && [ "$got" = "${want[$i]}" ]; then
            i=$((i + 1))
        fi
    done <"$tmp/out"
    if [ $i -lt ${#want[@]} ]; then
        echo "gdb $1 (linked by $4): missing (in order) from gdb's output: ${want[$i]}"
        echo "--- gdb's output (normalized):"
        cat "$tmp/out"
        exit 1
    fi
}
linkers=kit
if command -v gcc >/dev/null; then
    linkers="gcc kit"
else
    echo "gdb: SKIPPED the gcc-linked half: gcc not installed"
    [ -z "${CI:-}" ] || exit 1
fi
for linker in $linkers; do
    check -O0 tests/gdb/cmds.gdb tests/gdb/expected.txt $linker
    check -O1 tests/gdb/cmds-O1.gdb tests/gdb/expected-O1.txt $linker
done
# gcc's own -g output assembled by kit as (its line table from .file/.loc):
# the gdb session equals the one on GNU as's object, line for line.
session() { # object commands → normalized gdb output
    gcc "$1" -o "$tmp/as-prog"
    gdb -nx -batch -ex 'set debuginfod enabled off' -x "$2" "$tmp/as-prog" </dev/null 2>&1 |
        sed -E 's/0x[0-9a-f]+/ADDR/g; s/process [0-9]+/process N/'
}
if [ "$linkers" = "gcc kit" ]; then
    for opt in -O0 -O1; do
        cmds=tests/gdb/cmds.gdb
        [ $opt = -O1 ] && cmds=tests/gdb/cmds-O1.gdb
        gcc -g $opt -S tests/gdb/prog.c -o "$tmp/prog.s"
        "$kit" as "$tmp/prog.s" -o "$tmp/kit-as.o"
        as "$tmp/prog.s" -o "$tmp/gnu-as.o"
        if ! diff <(session "$tmp/gnu-as.o" $cmds) <(session "$tmp/kit-as.o" $cmds) >"$tmp/as.diff"; then
            echo "gdb on gcc -g $opt output: kit as's object debugs differently from GNU as's:"
            cat "$tmp/as.diff"
            exit 1
        fi
    done
fi
echo "gdb ok (linked by: $linkers; gcc -g output through kit as)"
