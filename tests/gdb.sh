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
echo "gdb ok (linked by: $linkers)"
