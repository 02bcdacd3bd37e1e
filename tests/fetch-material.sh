#!/usr/bin/env bash
# Fetches test material nobody here wrote into a cache outside the repo:
#   gcc's torture tests (Debian's gcc-12-source) and the C sources shipped in
#   the crates.io packages sqlite3-src and lua-src.
set -euo pipefail
CACHE="${KIT_TEST_CACHE:-$HOME/.cache/kit-tests}"
mkdir -p "$CACHE"

# gcc torture tests: gcc.c-torture/execute/*.c and execute/ieee/*.c
if [ ! -d "$CACHE/torture/execute/ieee" ]; then
    tarball=$(ls /usr/src/gcc-12/gcc-12.*.tar.xz 2>/dev/null | head -1 || true)
    if [ -z "$tarball" ]; then
        echo "fetch-material: /usr/src/gcc-12/gcc-12.*.tar.xz missing (apt-get install gcc-12-source)" >&2
        exit 1
    fi
    top=$(basename "$tarball" .tar.xz | sed 's/-dfsg$//')
    tmp=$(mktemp -d)
    tar -xJf "$tarball" -C "$tmp" --wildcards "$top/gcc/testsuite/gcc.c-torture/execute/*"
    mkdir -p "$CACHE/torture"
    rm -rf "$CACHE/torture/execute"
    mv "$tmp/$top/gcc/testsuite/gcc.c-torture/execute" "$CACHE/torture/execute"
    rm -rf "$tmp"
fi

# SQLite and Lua sources from crates.io packages.
if [ ! -f "$CACHE/sqlite/sqlite3.c" ] || [ ! -f "$CACHE/lua/lapi.c" ]; then
    proj="$CACHE/cargo-fetch"
    mkdir -p "$proj/src"
    cat > "$proj/Cargo.toml" <<'TOML'
[package]
name = "kit-test-material"
version = "0.0.0"
edition = "2021"

[dependencies]
sqlite3-src = "0.6"
lua-src = "548"
TOML
    echo "fn main() {}" > "$proj/src/main.rs"
    (cd "$proj" && cargo fetch -q)
    reg="${CARGO_HOME:-$HOME/.cargo}/registry/src"
    sq=$(ls -d "$reg"/*/sqlite3-src-*/source 2>/dev/null | sort -V | tail -1)
    lua=$(ls -d "$reg"/*/lua-src-*/lua-5.4* 2>/dev/null | sort -V | tail -1)
    if [ -z "$sq" ] || [ -z "$lua" ]; then
        echo "fetch-material: sqlite3-src or lua-src sources not found under $reg" >&2
        exit 1
    fi
    mkdir -p "$CACHE/sqlite" "$CACHE/lua"
    cp "$sq"/sqlite3.c "$sq"/sqlite3.h "$CACHE/sqlite/"
    cp "$sq"/shell.c "$CACHE/sqlite/" 2>/dev/null || true
    cp "$lua"/*.c "$lua"/*.h "$CACHE/lua/"
    rm -f "$CACHE/lua/lua.c" "$CACHE/lua/luac.c"
fi
echo "test material in $CACHE"
