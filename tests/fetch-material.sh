#!/usr/bin/env bash
# Fetches test material nobody here wrote into a cache outside the repo
# (${KIT_TEST_CACHE:-~/.cache/kit-tests}); idempotent, quiet, loud on errors:
#   torture/execute/*.c, execute/ieee/*.c  gcc 12's torture tests, from Debian's
#                                          gcc-12-source (1592 + 61 tests)
#   sqlite/  sqlite3.c sqlite3.h shell.c   from the crates.io package sqlite3-src
#   lua/     Lua 5.4 sources without lua.c/luac.c, from the crates.io package lua-src
set -euo pipefail
CACHE="${KIT_TEST_CACHE:-$HOME/.cache/kit-tests}"
# Pinned so that results (and the known-failure lists) refer to fixed sources.
SQLITE3_SRC_VERSION=0.6.1   # SQLite 3.45.3
LUA_SRC_VERSION=548.1.2     # Lua 5.4.8
mkdir -p "$CACHE"
die() { echo "fetch-material: $*" >&2; exit 1; }
tmp=""
trap '[ -z "$tmp" ] || rm -rf "$tmp"' EXIT

# gcc torture tests: gcc.c-torture/execute/ (only the top-level *.c of execute/
# and execute/ieee/ are tests; the rest are .x companions and helpers).
if [ ! -d "$CACHE/torture/execute/ieee" ]; then
    tarball=$(ls /usr/src/gcc-12/gcc-12.*.tar.xz 2>/dev/null | head -1 || true)
    [ -n "$tarball" ] || die "/usr/src/gcc-12/gcc-12.*.tar.xz missing (apt-get install gcc-12-source)"
    top=$(basename "$tarball" .tar.xz | sed 's/-dfsg$//')   # gcc-12.2.0-dfsg.tar.xz holds gcc-12.2.0/
    tmp=$(mktemp -d "$CACHE/.extract.XXXXXX")
    tar -xJf "$tarball" -C "$tmp" --wildcards "$top/gcc/testsuite/gcc.c-torture/execute/*" \
        || die "could not extract gcc.c-torture/execute from $tarball"
    mkdir -p "$CACHE/torture"
    rm -rf "$CACHE/torture/execute"
    mv "$tmp/$top/gcc/testsuite/gcc.c-torture/execute" "$CACHE/torture/execute"
    rm -rf "$tmp"; tmp=""
fi
n=$(ls "$CACHE"/torture/execute/*.c | wc -l)
ni=$(ls "$CACHE"/torture/execute/ieee/*.c | wc -l)
[ "$n" -gt 1500 ] && [ "$ni" -gt 50 ] || die "only $n + $ni torture tests in $CACHE/torture/execute"

# SQLite and Lua sources from crates.io packages, through cargo fetch in a
# scratch project; cargo metadata says where the registry unpacked them.
if [ ! -f "$CACHE/sqlite/shell.c" ] || [ ! -f "$CACHE/lua/lapi.c" ]; then
    proj="$CACHE/cargo-fetch"
    mkdir -p "$proj/src"
    cat > "$proj/Cargo.toml" <<TOML
[package]
name = "kit-test-material"
version = "0.0.0"
edition = "2021"

[dependencies]
sqlite3-src = "=$SQLITE3_SRC_VERSION"
lua-src = "=$LUA_SRC_VERSION"

[workspace]
TOML
    echo "fn main() {}" > "$proj/src/main.rs"
    (cd "$proj" && cargo fetch -q) || die "cargo fetch failed in $proj"
    dirs=$(cd "$proj" && cargo metadata -q --format-version 1 | python3 -c '
import json, os, sys
m = json.load(sys.stdin)
d = {p["name"]: os.path.dirname(p["manifest_path"]) for p in m["packages"]}
print(d["sqlite3-src"]); print(d["lua-src"])') || die "cargo metadata failed in $proj"
    sq="$(sed -n 1p <<<"$dirs")/source"
    lua=$(ls -d "$(sed -n 2p <<<"$dirs")"/lua-5.4* | sort -V | tail -1)
    for f in "$sq/sqlite3.c" "$sq/sqlite3.h" "$sq/shell.c" "$lua/lapi.c" "$lua/lua.h"; do
        [ -f "$f" ] || die "$f is missing"
    done
    rm -rf "$CACHE/sqlite" "$CACHE/lua"
    mkdir -p "$CACHE/sqlite" "$CACHE/lua"
    cp "$sq/sqlite3.c" "$sq/sqlite3.h" "$sq/shell.c" "$CACHE/sqlite/"
    cp "$lua"/*.c "$lua"/*.h "$CACHE/lua/"
    rm -f "$CACHE/lua/lua.c" "$CACHE/lua/luac.c"
fi
echo "test material in $CACHE: $n + $ni torture tests, SQLite, Lua"
