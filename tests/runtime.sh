#!/usr/bin/env bash
# kit's runtime library (runtime/*.c, the libgcc-style helpers) against
# libgcc: tests/runtime/test.c linked with libgcc is the reference; the same
# test object linked with the runtime compiled by kit (-O0 and -O1) and
# without libgcc (-nodefaultlibs) must print the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
kit=${1:-target/release/kit}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gcc -O1 -w tests/runtime/test.c -o "$tmp/ref"
"$tmp/ref" >"$tmp/ref.out"
gcc -O1 -w -c tests/runtime/test.c -o "$tmp/test.o"
for opt in -O0 -O1; do
    objs=()
    for src in runtime/*.c; do
        o="$tmp/$(basename "$src" .c)$opt.o"
        "$kit" cc -c "$opt" "$src" -o "$o"
        objs+=("$o")
    done
    # No libgcc on this link: every helper must come from kit's objects.
    gcc -nodefaultlibs "$tmp/test.o" "${objs[@]}" -lc -o "$tmp/kit$opt"
    funcs=$(nm --defined-only "${objs[@]}" | awk '$2 == "T" { print $3 }' | sort)
    linked=$(nm --defined-only "$tmp/kit$opt" | awk '$2 == "T" { print $3 }' | sort)
    missing=$(comm -23 <(echo "$funcs") <(echo "$linked"))
    [ -z "$missing" ] || { echo "runtime: not linked from kit's objects: $missing"; exit 1; }
    "$tmp/kit$opt" >"$tmp/kit$opt.out"
    if ! cmp -s "$tmp/ref.out" "$tmp/kit$opt.out"; then
        echo "runtime $opt: output differs from libgcc's:"
        diff "$tmp/ref.out" "$tmp/kit$opt.out" | head -20
        exit 1
    fi
done
echo "runtime ok: $(echo "$funcs" | wc -l) functions, $(wc -l <"$tmp/ref.out") lines match libgcc's"
