#!/usr/bin/env bash
# The real-world lane: software nobody here wrote, built with CC="kit cc"
# (AR="kit ar", RANLIB="kit ranlib") by its own build system, then checked by
# its own test suite. Sources come from registries at test time (Debian's
# `apt-get source`, PyPI sdists) into ${KIT_TEST_CACHE:-~/.cache/kit-tests}/realworld
# and are never committed.
#
#   tests/realworld.sh [--kit PATH] [--quick | PROJECT...]
#
# --quick is CI's subset. Exit status 1 if any project fails; each project
# prints one line: "<project>: ok (<what was checked>)" or "<project>: FAIL".
set -euo pipefail
cd "$(dirname "$0")/.."
kit=$(realpath target/release/kit)
projects=()
quick=0
while [ $# -gt 0 ]; do
    case "$1" in
        --kit) kit=$(realpath "$2"); shift 2 ;;
        --quick) quick=1; shift ;;
        *) projects+=("$1"); shift ;;
    esac
done
ALL=(zlib bzip2 sed grep m4 bc gawk patch mawk tar xz jq pcre2 lua markupsafe simplejson bitarray mmh3 msgpack pyyaml cffi xxhash crc32c libz-sys rustc-linker)
QUICK=(zlib bzip2 sed bc gawk xz jq pcre2 markupsafe msgpack xxhash crc32c)
if [ ${#projects[@]} -eq 0 ]; then
    if [ $quick = 1 ]; then projects=("${QUICK[@]}"); else projects=("${ALL[@]}"); fi
fi

CACHE="${KIT_TEST_CACHE:-$HOME/.cache/kit-tests}/realworld"
mkdir -p "$CACHE"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Build tools find kit's tools under the names they expect.
bin="$work/bin"
"$kit" install "$bin" >/dev/null
system_path=$PATH
export PATH="$bin:$PATH"
export CC="$kit cc" AR="$kit ar" RANLIB="$kit ranlib" NM="$kit nm"
export MAKEFLAGS="-j${JOBS:-2}"

# Debian source package NAME, unpacked into $work/NAME (the upstream tree,
# without Debian's patches: the lane builds what upstream ships).
debian_source() {
    local pkg=$1 dir="$CACHE/debian/$1"
    if ! ls "$dir"/*.orig.tar.* >/dev/null 2>&1; then
        if ! apt-cache showsrc "$pkg" >/dev/null 2>&1 || [ -z "$(apt-cache showsrc "$pkg" 2>/dev/null)" ]; then
            echo "realworld: no deb-src entry for $pkg (.ci/run adds one; run apt-get update)" >&2
            return 1
        fi
        mkdir -p "$dir"
        (cd "$dir" && apt-get source -qq --download-only "$pkg" >/dev/null 2>&1) || { echo "realworld: apt-get source $pkg failed" >&2; return 1; }
    fi
    mkdir -p "$work/$pkg"
    tar -xf "$(ls "$dir"/*.orig.tar.* | grep -v '\.asc$' | head -1)" -C "$work/$pkg" --strip-components=1
}

# Runs a project's steps with their output in a log; prints the verdict and
# sets status=1 on failure. Never call it (or anything above the subshell)
# in a tested context (`if`, `||`, `&&`): bash then ignores `set -e` in
# everything below, even the subshell's own, and a failing step in the
# middle of a build would go unnoticed.
run_project() {
    local p=$1 log="$work/$1.log" rc
    set +e
    ( set -e; "build_$p" ) >"$log" 2>&1
    rc=$?
    set -e
    if [ $rc = 0 ]; then
        echo "$p: ok ($(tail -1 "$log"))"
        return
    fi
    echo "$p: FAIL (last lines of the log follow)"
    tail -25 "$log" | sed 's/^/    /'
    status=1
}

build_zlib() {
    debian_source zlib
    cd "$work/zlib"
    ./configure
    # configure must take the GNU/clang path: a shared library.
    grep -q '^SHAREDLIBV=libz.so' Makefile || { echo "configure did not choose the shared library"; exit 1; }
    make
    make check
    [ -f libz.so.1 ] || { echo "no libz.so.1"; exit 1; }
    echo "configure chose the shared library; make check passed"
}

build_bzip2() {
    debian_source bzip2
    cd "$work/bzip2"
    make CC="$CC" AR="$AR" RANLIB="$RANLIB" all
    make CC="$CC" check
    make -f Makefile-libbz2_so CC="$CC"
    [ -f libbz2.so.1.0 ] || { echo "no libbz2.so.1.0"; exit 1; }
    echo "make check passed; shared library built"
}

# Runs a test suite as an unprivileged user when the lane runs as root (as
# CI does): suites such as sed's check that writing a read-only file fails,
# which root's writes never do.
unprivileged() {
    if [ "$(id -u)" != 0 ]; then
        "$@"
        return
    fi
    chmod 755 "$work"
    mkdir -p "$work/nobody-home"
    chown -R nobody:nogroup . "$work/nobody-home"
    setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$work/nobody-home" "$@"
}

build_sed() {
    debian_source sed
    cd "$work/sed"
    ./configure --disable-nls --quiet
    make
    unprivileged make check
    echo "make check passed"
}

build_grep() {
    debian_source grep
    cd "$work/grep"
    ./configure --disable-nls --quiet
    make
    make check
    echo "make check passed"
}

build_m4() {
    debian_source m4
    cd "$work/m4"
    ./configure --disable-nls --quiet
    make
    # checks/198.sysval expects `sh -c 'kill -9 $$'` to leave stderr empty,
    # but the shell here reports "Killed", and gcc's build fails it the same
    # way: every other check runs.
    make check CHECKS="$(cd checks && ls ./*[0-9][0-9][0-9].* | grep -v '198\.sysval' | tr '\n' ' ') ./stackovf.test"
    echo "make check passed (all but 198.sysval, which fails here with gcc's build too)"
}

build_bc() {
    debian_source bc
    cd "$work/bc"
    ./configure --quiet
    # configure writes texi-ver.incl, which makes the shipped info manuals
    # look stale; the lane checks programs, not manuals (and CI has no
    # makeinfo to remake them).
    make MAKEINFO=true
    # bc's own check: its library and test programs against known answers.
    echo "scale=50; 4*a(1)" | bc/bc -l > pi.txt
    grep -q '^3.14159265358979323846264338327950288419716939937508$' pi.txt || { cat pi.txt; exit 1; }
    make MAKEINFO=true check
    echo "make check passed; pi to 50 digits"
}

build_gawk() {
    debian_source gawk
    cd "$work/gawk"
    ./configure --disable-nls --quiet
    # Debian's upstream tarball has no manual sources (doc/, awklib/), so
    # the lane builds the program and its extensions and runs test/.
    make -C support
    make gawk
    make -C extension
    # The locale tests need en_US, fr_FR, ru_RU and ja_JP UTF-8 locales
    # (.ci/run generates them); without them gawk skips, not fails, them.
    locale -a | grep -qi '^en_US.utf8$' || { echo "the en_US.UTF-8 locale is missing (locale-gen)"; exit 1; }
    gawk_check
    LC_ALL=C.UTF-8 gawk_check
    echo "make check passed (C and C.UTF-8 locales, locale tests included)"
}

# gawk's `time` test races glibc: time() reads the coarse clock, which can
# lag gettimeofday() by a tick, so "gettimeofday - systime" is now and then 1
# with any compiler. A failure of that test alone is re-run (up to three
# times) instead of failing the lane; every other failure stands.
gawk_check() {
    if unprivileged make -C test check; then
        return 0
    fi
    [ "$(cd test && ls _* 2>/dev/null)" = _time ] || return 1
    local try
    for try in 1 2 3; do
        rm -f test/_time
        unprivileged make -C test time
        [ ! -e test/_time ] && { echo "gawk: the time test passed on re-run $try"; return 0; }
    done
    return 1
}

build_patch() {
    debian_source patch
    cd "$work/patch"
    ./configure --disable-nls --quiet
    make
    unprivileged make check
    echo "make check passed"
}

build_mawk() {
    debian_source mawk
    cd "$work/mawk"
    ./configure --quiet
    make
    make check
    echo "make check passed"
}

build_tar() {
    debian_source tar
    cd "$work/tar"
    # tar's configure refuses root unless told (the lane runs as root in CI).
    FORCE_UNSAFE_CONFIGURE=1 ./configure --disable-nls --quiet
    make
    unprivileged make check
    echo "make check passed"
}

build_xz() {
    debian_source xz-utils
    cd "$work/xz-utils"
    # liblzma built by gcc and GNU ld from the same tree is the reference
    # for the exports (the versioned names come from symver attributes); at
    # -O0, since optimization changes no export and the lane stays quick.
    cp -r . "$work/xz-gcc"
    ./configure --disable-nls --quiet
    make
    make check
    (cd "$work/xz-gcc" && PATH=$system_path CC=gcc CFLAGS=-O0 AR=ar RANLIB=ranlib NM=nm ./configure --disable-nls --quiet && PATH=$system_path make -C src/liblzma) >/dev/null
    # Defined dynamic symbols with their versions, and the version definitions.
    exports() { readelf --dyn-syms -W "$1" | awk '$7 != "UND" && NF >= 8 {print $4, $5, $6, $8}' | sort; }
    verdefs() { readelf -V "$1" | sed -n '/\.gnu\.version_d/,/^$/p' | sed -n 's/^ *[0-9a-fx]*: *//p'; }
    lib=src/liblzma/.libs/liblzma.so
    exports $lib > kit.exports
    exports "$work/xz-gcc/$lib" > gcc.exports
    grep 'lzma_get_progress@XZ_5.2.2$' kit.exports >/dev/null || { echo "liblzma.so lacks lzma_get_progress@XZ_5.2.2"; exit 1; }
    diff gcc.exports kit.exports || { echo "liblzma.so's exports differ from the gcc build's"; exit 1; }
    diff <(verdefs "$work/xz-gcc/$lib") <(verdefs $lib) || { echo "liblzma.so's version definitions differ"; exit 1; }
    echo "make check passed; liblzma.so's $(wc -l < kit.exports) versioned exports equal the gcc build's"
}

build_jq() {
    debian_source jq
    cd "$work/jq"
    # Upstream's 1.6 tarball ships no configure script.
    [ -x configure ] || autoreconf -fi
    ./configure --quiet --with-oniguruma=no --disable-docs --disable-maintainer-mode
    make
    # Without oniguruma (the tarball lacks its submodule) jq has no regex
    # functions, so tests/onigtest fails with any compiler; the rest run.
    make check TESTS="tests/optionaltest tests/mantest tests/jqtest tests/shtest tests/utf8test tests/base64test"
    echo "make check passed (all but the oniguruma tests)"
}

build_pcre2() {
    debian_source pcre2
    cd "$work/pcre2"
    ./configure --quiet --disable-jit
    make
    make check
    echo "make check passed"
}

build_lua() {
    debian_source lua5.4
    cd "$work/lua5.4"
    # Lua's own Makefile; the same tree built by gcc is the reference.
    cp -r . "$work/lua-gcc"
    make linux CC="$kit cc -std=gnu99" AR="$kit ar rcu" RANLIB="$kit ranlib"
    PATH=$system_path make -C "$work/lua-gcc" linux CC="gcc -std=gnu99" AR="ar rcu" RANLIB="ranlib" >/dev/null
    cat > "$work/check.lua" <<'LUA'
local t = {}
for i = 1, 200 do t[i] = (i * 7919) % 1009 end
table.sort(t)
print(table.concat(t, ",", 1, 20), #t)
print(string.format("%.17g %5.2f %d %x %q", math.pi, -1/3, 7 // 2, 255, "a\n\0b"))
print(2^53 + 1, math.maxinteger, math.mininteger, 7 % -3, -7 // 2, 3 / 0, -(0/0) ~= -(0/0))
local co = coroutine.wrap(function(a) for i = 1, 3 do a = coroutine.yield(a * i) end return "done" end)
print(co(2), co(3), co(4), co(5))
print(pcall(error, {code = 42}), select("#", pcall(error)))
print(("hello world from lua"):gsub("%w+", string.upper), utf8.char(72, 228, 8364, 128512))
local s = 0
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do s = s + #w end
print(s, string.rep("ab", 5, "-"), tostring(nil), tostring(1e100), 0x7fffffffffffffff + 1)
local f = load("return function(x) return x * 2 + 1 end")()
print(f(20), string.pack("<i4", 1000):byte(1, -1))
LUA
    src/lua "$work/check.lua" > kit.out
    "$work/lua-gcc/src/lua" "$work/check.lua" > gcc.out
    cmp kit.out gcc.out || { diff gcc.out kit.out; exit 1; }
    src/luac -o "$work/check.luac" "$work/check.lua"
    src/lua "$work/check.luac" | cmp - gcc.out
    echo "built by Lua's Makefile; lua and luac output equal the gcc build's"
}

# A Python sdist from PyPI, unpacked into $work/NAME, and a virtualenv with
# the build tools, shared by the Python projects of one run.
python_source() {
    local pkg=$1 dir="$CACHE/pypi/$1"
    if ! ls "$dir"/*.tar.gz >/dev/null 2>&1; then
        mkdir -p "$dir"
        python3 -m pip download -q --no-binary :all: --no-deps -d "$dir" "$pkg" || { echo "realworld: pip download $pkg failed" >&2; return 1; }
    fi
    mkdir -p "$work/$pkg"
    tar -xzf "$(ls "$dir"/*.tar.gz | head -1)" -C "$work/$pkg" --strip-components=1
    if [ ! -x "$work/venv/bin/python" ]; then
        python3 -m venv "$work/venv"
        "$work/venv/bin/python" -m pip install -q "setuptools>=77" wheel Cython pytest
    fi
}

# Builds the extension with kit (LDSHARED links it), installs it, and checks
# that the module Python imports is the compiled one: these packages fall
# back to pure Python when their extension does not load.
python_ext() {
    local pkg=$1 module=$2
    python_source "$pkg"
    cd "$work/$pkg"
    CC="$kit cc" LDSHARED="$kit cc -shared" "$work/venv/bin/python" -m pip install -q --no-build-isolation --no-deps .
    (cd "$work" && "$work/venv/bin/python" -c "import $module as m, sys; f = m.__file__; print(f); sys.exit(not f.endswith('.so'))")
}

build_markupsafe() {
    python_ext markupsafe markupsafe._speedups
    "$work/venv/bin/python" -m pytest -q tests
    echo "extension loads; its tests pass"
}

build_simplejson() {
    python_ext simplejson simplejson._speedups
    "$work/venv/bin/python" -m pytest -q simplejson/tests
    echo "extension loads; its tests pass"
}

build_bitarray() {
    python_ext bitarray bitarray._bitarray
    (cd "$work" && "$work/venv/bin/python" -c "import bitarray, sys; sys.exit(not bitarray.test(verbosity=0).wasSuccessful())")
    echo "extension loads; bitarray.test() passes"
}

build_mmh3() {
    python_ext mmh3 mmh3
    # The sdist's tests import a helper module it does not ship; check the
    # hashes against the values the project documents instead.
    (cd "$work" && "$work/venv/bin/python" -c "
import mmh3, sys
want = [(mmh3.hash('foo'), -156908512), (mmh3.hash('foo', 42), -1322301282), (mmh3.hash('foo', signed=False), 4138058784),
        (mmh3.hash128('foo', 42), 215966891540331383248189432718888555506), (mmh3.hash64('foo')[0], -2129773440516405919)]
bad = [w for w in want if w[0] != w[1]]
print(bad or 'hashes ok'); sys.exit(bool(bad))")
    echo "extension loads; documented hashes match"
}

# xxHash's SSE2 path (XXH3 keys on __SSE2__) and its runtime dispatcher's
# AVX2 and AVX-512 paths (target attributes) go through kit's intrinsics.
build_xxhash() {
    python_ext xxhash xxhash._xxhash
    # Run outside the source tree, whose xxhash/ (no extension) would shadow
    # the installed one; the benchmark and stub tests need pytest-benchmark
    # and pyright, which the lane does not install.
    rm -rf "$work/xxhash-tests" && cp -r tests "$work/xxhash-tests"
    (cd "$work" && "$work/venv/bin/python" -m pytest -q -p no:cacheprovider xxhash-tests \
        --ignore=xxhash-tests/test_benchmark.py --ignore=xxhash-tests/test_benchmark_xxh3_long.py \
        --ignore=xxhash-tests/test_benchmark_xxh3_short.py --ignore=xxhash-tests/test_stubs_pyright.py)
    echo "extension loads; its tests pass (benchmarks and pyright stubs left out)"
}

# crc32c: SSE4.2's crc32 through __builtin_ia32_crc32*, cpuid.h's probe, and
# the software paths; its own runner tests each mode.
build_crc32c() {
    python_ext crc32c crc32c._crc32c
    (cd "$work" && "$work/venv/bin/python" -c "import crc32c, sys; sys.exit(not crc32c.hardware_based)")
    "$work/venv/bin/python" run-tests.py
    echo "extension loads, uses the crc32 instruction; its tests pass in every mode"
}

build_msgpack() {
    python_ext msgpack msgpack._cmsgpack
    "$work/venv/bin/python" -m pytest -q test
    echo "Cython extension loads; its tests pass"
}

build_pyyaml() {
    python_source pyyaml
    cd "$work/pyyaml"
    CC="$kit cc" LDSHARED="$kit cc -shared" PYYAML_FORCE_CYTHON=1 PYYAML_FORCE_LIBYAML=1 "$work/venv/bin/python" -m pip install -q --no-build-isolation --no-deps .
    (cd "$work" && "$work/venv/bin/python" -c "import yaml, sys; sys.exit(not yaml.__with_libyaml__)")
    "$work/venv/bin/python" -m pytest -q tests
    echo "Cython extension over libyaml loads; its tests pass"
}

# cffi's backend over libffi: long double arguments and results cross
# between kit's code and libffi's; the tests also compile C with $CC.
build_cffi() {
    python_ext cffi _cffi_backend
    "$work/venv/bin/python" -m pip install -q pycparser
    LDSHARED="$kit cc -shared" "$work/venv/bin/python" -m pytest -q -p no:cacheprovider testing src/c
    echo "backend loads; its tests pass"
}

# A Rust program using zlib through libz-sys (bundled C sources, built by
# its build script with the `cc` crate); $1: extra RUSTFLAGS.
rust_zlib_program() {
    mkdir -p "$work/zdemo/src"
    cd "$work/zdemo"
    cat > Cargo.toml <<'TOML'
[package]
name = "zdemo"
version = "0.1.0"
edition = "2021"
[dependencies]
libz-sys = { version = "1", features = ["static"] }
[workspace]
TOML
    cat > src/main.rs <<'RS'
fn main() {
    let src = b"hello hello hello hello hello";
    let mut packed = vec![0u8; 128];
    let mut n: libz_sys::uLongf = packed.len() as _;
    let mut back = vec![0u8; 64];
    let mut m: libz_sys::uLongf = back.len() as _;
    unsafe {
        assert_eq!(libz_sys::compress(packed.as_mut_ptr(), &mut n, src.as_ptr(), src.len() as _), 0);
        assert_eq!(libz_sys::uncompress(back.as_mut_ptr(), &mut m, packed.as_ptr(), n), 0);
    }
    assert_eq!(&back[..m as usize], &src[..]);
    println!("zlib round trip ok ({} -> {} bytes)", src.len(), n);
}
RS
    CARGO_TARGET_DIR="$work/zdemo/target" RUSTFLAGS="$1" cargo build -q --release
    "$work/zdemo/target/release/zdemo"
}

build_libz-sys() {
    rust_zlib_program ""
    # kit compiled the C: its objects carry no gcc .comment section.
    obj=$(find "$work/zdemo/target" -name '*deflate.o' | head -1)
    [ -n "$obj" ] || { echo "no deflate.o from the cc crate"; exit 1; }
    # Not `grep -q`: with pipefail, readelf cut off by SIGPIPE fails the test.
    if readelf -p .comment "$obj" 2>/dev/null | grep GCC >/dev/null; then
        echo "$obj was compiled by gcc, not kit"
        exit 1
    fi
    echo "cargo built zlib with kit through the cc crate; the program runs"
}

build_rustc-linker() {
    # The linker rustc runs is kit's `cc` link (kit install), so kit ld links.
    rust_zlib_program "-C linker=$bin/cc"
    echo "rustc linked through kit cc (kit ld), build scripts included; the program runs"
}

status=0
for p in "${projects[@]}"; do
    if ! declare -F "build_$p" >/dev/null; then
        echo "realworld: unknown project '$p' (known: ${ALL[*]})" >&2
        exit 2
    fi
    run_project "$p"
done
exit $status
