#!/usr/bin/env bash
# Lua built by make with kit as CC, AR and RANLIB (tests/lua-make/Makefile
# has Lua's own build lines), against the same build with gcc and binutils:
# the interpreter runs tests/programs/test.lua with byte-identical output.
set -euo pipefail
cd "$(dirname "$0")/.."
kit=$(realpath "${1:-target/release/kit}")
CACHE="${KIT_TEST_CACHE:-$HOME/.cache/kit-tests}"
src="$CACHE/lua" main="$PWD/tests/programs"
[ -f "$src/lapi.c" ] || { echo "lua-make: $src/lapi.c is missing: run tests/fetch-material.sh" >&2; exit 1; }
command -v make >/dev/null || { echo "lua-make: SKIPPED: make is not installed"; [ -z "${CI:-}" ] || exit 1; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mk="$PWD/tests/lua-make/Makefile"
test_lua="$PWD/tests/programs/test.lua"
mkdir "$tmp/gcc" "$tmp/kit"
make -s -C "$tmp/gcc" -f "$mk" SRC="$src" MAIN="$main" >/dev/null 2>&1 || { echo "lua-make: the gcc build failed" >&2; exit 1; }
if ! make -s -C "$tmp/kit" -f "$mk" SRC="$src" MAIN="$main" CC="$kit cc -std=gnu99" AR="$kit ar rcu" RANLIB="$kit ranlib" >"$tmp/kit.log" 2>&1; then
    echo "lua-make: make CC='kit cc' failed:" >&2; cat "$tmp/kit.log" >&2; exit 1
fi
for b in gcc kit; do
    (cd "$tmp/$b" && { ./lua "$test_lua" >out.txt 2>&1; echo "exit $?" >>out.txt; })
done
for f in out.txt; do
    cmp -s "$tmp/gcc/$f" "$tmp/kit/$f" || { echo "lua-make: $f differs:"; diff "$tmp/gcc/$f" "$tmp/kit/$f" | head -20; exit 1; }
done
echo "lua-make: lua built by make with kit cc/ar/ranlib: output identical to the gcc build ($(wc -c <"$tmp/kit/out.txt") bytes)"
