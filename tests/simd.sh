#!/usr/bin/env bash
# kit's x86 intrinsics headers against gcc's: tests/simd/gen.py writes a
# program calling every intrinsic kit's headers declare on fixed and random
# inputs (NaNs, infinities, denormals, edge integers included). gcc builds it
# with its own headers at -O0 (the reference: at -O2 gcc itself picks other
# NaN operands for FMA); kit's builds (kit cc -O0, -O2 and kit run) must
# print the same bytes, intrinsic by intrinsic.
set -euo pipefail
cd "$(dirname "$0")/.."
kit=${1:-target/release/kit}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# AVX-512 is left out: this machine's CPU (and CI's) cannot run gcc's
# reference; tests/simd/avx512.c checks kit's AVX-512 against its AVX2.
headers=$(ls crates/cfront/include/*.h | grep -v avx512)
# shellcheck disable=SC2086
python3 tests/simd/gen.py $headers >"$tmp/simd.c"
isa="-mavx2 -mfma -msse4.2 -maes -mpclmul -msha -mf16c -mbmi -mbmi2 -mlzcnt -mpopcnt -madx -mrdrnd -mrdseed"
# shellcheck disable=SC2086
gcc -O0 -w $isa "$tmp/simd.c" -o "$tmp/gcc" -lm
"$tmp/gcc" >"$tmp/gcc.out"
count=$(tail -1 "$tmp/gcc.out")
# Every header's intrinsics reach the test: fewer means gen.py lost some.
[ "${count% intrinsics}" -ge 1140 ] || { echo "simd: only $count"; exit 1; }
fail=0
check() {
    local lane=$1 out=$2
    if ! cmp -s "$tmp/gcc.out" "$out"; then
        echo "simd ($lane): results differ from gcc's (first lines: gcc, then kit):"
        diff "$tmp/gcc.out" "$out" | head -20
        fail=1
    fi
}
for opt in -O0 -O2; do
    # shellcheck disable=SC2086
    "$kit" cc $opt $isa "$tmp/simd.c" -o "$tmp/kit$opt"
    "$tmp/kit$opt" >"$tmp/kit$opt.out"
    check "kit cc $opt" "$tmp/kit$opt.out"
done
"$kit" run "$tmp/simd.c" >"$tmp/run.out"
check "kit run" "$tmp/run.out"
if [ -f tests/simd/avx512.c ]; then
    "$kit" run tests/simd/avx512.c >"$tmp/avx512.out" || { echo "simd: AVX-512 against AVX2:"; grep -v ' ok$' "$tmp/avx512.out" | head -20; fail=1; }
fi
[ $fail = 0 ] && echo "simd: $count, same results as gcc (kit cc -O0, -O2, kit run)"
exit $fail
