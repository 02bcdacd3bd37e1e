#!/usr/bin/env python3
"""Writes a C program that calls every intrinsic kit's x86 headers declare,
on fixed and random inputs, and prints each result's bytes in hex.

Built once with gcc (its own headers) and once with kit (kit's), the two
programs must print the same lines: that is tests/simd.sh's check.

Usage: gen.py HEADER... > test.c

Intrinsics are found by their one-line prototypes,
    static __inline__ RET __KIT_INTRIN NAME(PARAMS)
or the same text in a `/* kit-intrinsic: ... */` comment above a macro.
A parameter named __immN must be a constant of N bits (gcc insists on a
literal), __imm_scale a gather scale (1, 2, 4 or 8).
"""
import re
import sys

PROTO = re.compile(r"static __inline__ (.+?) __KIT_INTRIN (\w+)\s*\((.*?)\)")

# Results that differ run to run, or calls that change state the rest of
# the program depends on: called (so they must compile) but not printed.
UNPRINTED = re.compile(r"undefined|^__rdtsc|^_rdrand|^_rdseed|^__readeflags$|^_mm_getcsr$|^_MM_GET|^__bs[fr][dq]$")
# Not called at all: they change the FPU state, stop the CPU or allocate.
UNCALLED = re.compile(r"^__rdpmc$|^__writeeflags$|^_mm_setcsr$|^_MM_SET|^_mm_monitor$|^_mm_mwait$|^_mm_malloc$|^_mm_free$|^_mm256_zeroall$")

SETS = 6  # input sets per intrinsic: 2 fixed patterns, 4 random

VECTORS = {
    "__m64": (8, "i"), "__m128": (16, "f"), "__m128d": (16, "d"), "__m128i": (16, "i"),
    "__m256": (32, "f"), "__m256d": (32, "d"), "__m256i": (32, "i"),
}
FLOATS = {"float": (4, "f"), "double": (8, "d")}


def parse_params(text):
    text = text.strip()
    if text in ("", "void"):
        return []
    out = []
    for p in text.split(","):
        p = p.strip()
        m = re.match(r"(.*?)(\w+)$", p)
        ty, name = m.group(1).strip(), m.group(2)
        out.append((ty, name))
    return out


def intrinsics(paths):
    seen = {}
    for path in paths:
        for line in open(path):
            m = PROTO.search(line)
            if not m:
                continue
            ret, name, params = m.group(1).strip(), m.group(2), m.group(3)
            if name.startswith("__kit") or name in seen:
                continue
            seen[name] = (ret, parse_params(params))
    return seen


def kind_of(ty):
    """(size, lane kind) of a value type; lane kind f/d for float data."""
    base = ty.replace("const", "").replace("volatile", "").strip()
    if base.endswith("_u"):
        base = base[:-2]
    if base in VECTORS:
        return VECTORS[base]
    if base in FLOATS:
        return FLOATS[base]
    return None


def pointee(ty):
    t = ty.replace("const", "").replace("volatile", "").replace("*", "").strip()
    if t.endswith("_u"):
        t = t[:-2]
    if t in VECTORS:
        return VECTORS[t][1]
    if t in FLOATS:
        return FLOATS[t][1]
    return "i"


def rng(seed):
    x = seed
    while True:
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        yield x


def imm_values(name, pname, r):
    if pname == "__imm_scale":
        return [[1, 2, 4, 8][i % 4] for i in range(SETS)]
    bits = int(pname[5:]) if pname[5:].isdigit() else 8
    top = (1 << bits) - 1
    vals = [0, top]
    while len(vals) < SETS:
        vals.append(next(r) % (top + 1))
    return vals


PRELUDE = r"""
#include <immintrin.h>
#include <x86intrin.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static uint64_t kit_rng = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) {
    kit_rng ^= kit_rng << 13; kit_rng ^= kit_rng >> 7; kit_rng ^= kit_rng << 17;
    return kit_rng;
}
static const uint32_t special_f[] = {0x7fc00000u, 0xffc12345u, 0x7f800001u, 0x7f800000u, 0xff800000u,
    0x80000000u, 0u, 0x00000001u, 0x807fffffu, 0x4f000000u, 0xcf000000u, 0x5f800000u, 0x3f000000u,
    0xbfc00000u, 0x40200000u, 0x7f7fffffu};
static const uint64_t special_d[] = {0x7ff8000000000000ull, 0xfff8000000001234ull, 0x7ff0000000000001ull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x8000000000000000ull, 0ull, 1ull,
    0x41e0000000000000ull, 0xc1e0000000000000ull, 0x43e0000000000000ull, 0x3fe0000000000000ull,
    0xbff8000000000000ull, 0x4004000000000000ull, 0x41dfffffffc00000ull, 0x7fefffffffffffffull};
static const uint64_t pattern_i[] = {0x8000000000000000ull, 0x7fffffffffffffffull, 0xffffffffffffffffull,
    0x0000000100000001ull, 0x00ff00ff7f7f8080ull, 0x0123456789abcdefull, 0x8000800080008000ull,
    0x7fff7fff00010000ull};

/* set 0: small counting values; set 1: edge values; others random. */
static void fill(void *p, size_t n, char kind, int set) {
    unsigned char *b = p;
    if (kind == 'f') {
        for (size_t i = 0; i + 4 <= n; i += 4) {
            uint32_t v;
            uint64_t r = rnd();
            if (set == 0) { float f = (float)(i / 4 + 1) * 1.25f - 3.0f; memcpy(&v, &f, 4); }
            else if (set == 1 || r % 4 == 0) v = special_f[(r >> 8) % 16];
            else { float f = (float)((int64_t)(r >> 11) % 2000001 - 1000000) / (float)(1 << ((r >> 3) % 24)); memcpy(&v, &f, 4); }
            memcpy(b + i, &v, 4);
        }
    } else if (kind == 'd') {
        for (size_t i = 0; i + 8 <= n; i += 8) {
            uint64_t v, r = rnd();
            if (set == 0) { double f = (double)(i / 8 + 1) * 1.25 - 3.0; memcpy(&v, &f, 8); }
            else if (set == 1 || r % 4 == 0) v = special_d[(r >> 8) % 16];
            else { double f = (double)((int64_t)(r >> 11) % 2000000001 - 1000000000) / (double)(1ull << ((r >> 3) % 40)); memcpy(&v, &f, 8); }
            memcpy(b + i, &v, 8);
        }
    } else {
        for (size_t i = 0; i < n; i += 8) {
            uint64_t v = set == 0 ? (i / 8 + 1) * 0x0102030405060708ull
                       : set == 1 ? pattern_i[(i / 8 + (size_t)(rnd() % 8)) % 8] : rnd();
            memcpy(b + i, &v, n - i < 8 ? n - i : 8);
        }
    }
}
/* Small lane values of `lane` bytes (gather indices stay in the buffer). */
static void fill_small(void *p, size_t n, size_t lane) {
    unsigned char *b = p;
    memset(b, 0, n);
    for (size_t i = 0; i < n; i += lane) b[i] = (unsigned char)(rnd() % 8);
}
static void dump(const char *name, int set, const char *what, const void *p, size_t n) {
    const unsigned char *b = p;
    printf("%s#%d %s:", name, set, what);
    for (size_t i = 0; i < n; i++) printf("%02x", b[n - 1 - i]);
    printf("\n");
}
"""


def emit(name, ret, params, r):
    lines = [f"static void t_{name}(void) {{"]
    imms = {pn: imm_values(name, pn, r) for ty, pn in params if pn.startswith("__imm")}
    gather = "gather" in name
    for s in range(SETS):
        lines.append("    {")
        args = []
        outs = []
        for i, (ty, pn) in enumerate(params):
            if pn.startswith("__imm"):
                args.append(str(imms[pn][s]))
                continue
            if "*" in ty:
                buf = f"buf{i}"
                lines.append(f"        static unsigned char {buf}[256] __attribute__((aligned(32)));")
                lines.append(f"        fill({buf}, sizeof {buf}, '{pointee(ty)}', {s});")
                args.append(f"({ty}){buf}")
                if "const" not in ty:
                    outs.append(buf)
                continue
            k = kind_of(ty)
            var = f"a{i}"
            # The value is filled in through a pointer: no const.
            local_ty = re.sub(r"\bconst\b", "", ty).strip()
            lines.append(f"        {local_ty} {var};")
            if gather and "index" in pn.lower() and ty.startswith("__m"):
                lane = 8 if "i64gather" in name else 4
                lines.append(f"        fill_small(&{var}, sizeof {var}, {lane});")
            elif k:
                lines.append(f"        fill(&{var}, sizeof {var}, '{k[1]}', {s});")
            else:
                lines.append(f"        fill(&{var}, sizeof {var}, 'i', {s});")
            args.append(var)
        call = f"{name}({', '.join(args)})"
        printed = not UNPRINTED.search(name)
        if ret == "void":
            lines.append(f"        {call};")
        else:
            lines.append(f"        {ret} r = {call};")
            if printed:
                lines.append(f'        dump("{name}", {s}, "ret", &r, sizeof r);')
            else:
                lines.append("        (void)r;")
        if printed:
            for o in outs:
                lines.append(f'        dump("{name}", {s}, "{o}", {o}, 64);')
        if "__m64" in ret or any("__m64" in ty for ty, _ in params):
            lines.append('        __asm__ volatile("emms");')
        lines.append("    }")
    lines.append("}")
    return lines


def main():
    found = intrinsics(sys.argv[1:])
    r = rng(0x2545F4914F6CDD1D)
    out = [PRELUDE]
    names = []
    for name, (ret, params) in found.items():
        if UNCALLED.search(name):
            continue
        out.extend(emit(name, ret, params, r))
        names.append(name)
    out.append("int main(void) {")
    for n in names:
        out.append(f"    t_{n}();")
    out.append(f'    printf("%d intrinsics\\n", {len(names)});')
    out.append("    return 0;")
    out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
