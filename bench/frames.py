#!/usr/bin/env python3
"""Stack use per function: kit against gcc at -O0 and -O2.

Compiles each program's sources to objects with each compiler, disassembles
them (objdump), and takes a function's frame as what one call of it takes
from the stack at its deepest: what its prologue reserves (8 bytes per
register pushed plus the `sub $N,%rsp` amount) plus the most it pushes in its
body at once. gcc pushes a call's stack arguments there; kit reserves their
space in the prologue, so counting only the prologue would flatter gcc.
Prints, per program, the 20 functions with the largest kit -O2 frames, and
totals. Deep recursion that works with gcc must not overflow the stack with
kit.

    bench/frames.py [--kit target/release/kit] [--out FILE]

Sources: SQLite and Lua from tests/fetch-material.sh's cache, and jq from
tests/realworld.sh's (Debian's upstream tarball, configured here by gcc).
"""
import argparse, glob, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.environ.get("KIT_TEST_CACHE", os.path.expanduser("~/.cache/kit-tests"))
FUNC = re.compile(r"^[0-9a-f]+ <([^>]+)>:$")
PUSH = re.compile(r"\tpush\s+%r")
SUB = re.compile(r"\tsub\s+\$0x([0-9a-f]+),%rsp")
ADD = re.compile(r"\tadd\s+\$0x([0-9a-f]+),%rsp")
PUSHANY = re.compile(r"\tpush")
POP = re.compile(r"\tpop\s+%r")
CALL = re.compile(r"\tcall")
RET = re.compile(r"\tret")


def imm(m):
    """objdump's hex immediate as a signed 64-bit number (gcc writes
    `add $-128,%rsp` as `sub $0xffffffffffffff80,%rsp`)."""
    v = int(m.group(1), 16)
    return v - (1 << 64) if v >= 1 << 63 else v


def frames(obj):
    """{function: peak stack bytes}: what its prologue reserves plus the most
    it pushes in its body at once (gcc pushes the stack arguments of a call,
    where kit reserves their space in the frame)."""
    out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", obj], capture_output=True, text=True, check=True).stdout
    sizes, name, seen, extra = {}, None, 0, 0
    for line in out.splitlines():
        m = FUNC.match(line)
        if m:
            name, seen, extra = m.group(1), 0, 0
            sizes[name] = [0, 0]
            continue
        if name is None:
            continue
        if seen < 12:
            seen += 1
            if PUSH.search(line):
                sizes[name][0] += 8
            m = SUB.search(line)
            if m:
                sizes[name][0] += imm(m)
                seen = 12
            if CALL.search(line):
                seen = 12
            else:
                continue
        if PUSHANY.search(line):
            extra += 8
        elif POP.search(line):
            extra -= 8
        elif m := SUB.search(line):
            extra += imm(m)
        elif m := ADD.search(line):
            extra -= imm(m)
        elif RET.search(line):
            extra = 0
        extra = max(extra, 0)
        sizes[name][1] = max(sizes[name][1], extra)
    return {f: frame + pushed for f, (frame, pushed) in sizes.items()}


def build(cc, opt, srcs, flags, tmp, tag):
    total = {}
    for i, s in enumerate(srcs):
        o = os.path.join(tmp, f"{tag}{opt}-{i}.o")
        subprocess.run(cc + [opt, "-w", "-c"] + flags + [s, "-o", o], check=True)
        total.update(frames(o))
    return total


def configured_jq(tmp):
    """jq's sources and flags, configured in `tmp`; None without the tarball."""
    tars = glob.glob(os.path.join(CACHE, "realworld", "debian", "jq", "*.orig.tar.*"))
    tars = [t for t in tars if not t.endswith(".asc")]
    if not tars:
        return None
    src = os.path.join(tmp, "jq")
    os.makedirs(src)
    subprocess.run(["tar", "-xf", tars[0], "-C", src, "--strip-components=1"], check=True)
    if not os.path.exists(os.path.join(src, "configure")):
        subprocess.run(["autoreconf", "-fi"], cwd=src, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["./configure", "--quiet", "--with-oniguruma=no", "--disable-docs", "--disable-maintainer-mode"],
                   cwd=src, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, CC="gcc"))
    return src


def build_with_make(cc, opt, src):
    """jq built by its own Makefile (per-file flags matter: jv_dtoa.c)."""
    subprocess.run(["make", "clean"], cwd=src, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["make", "-j2", "CC=" + " ".join(cc), "CFLAGS=" + opt + " -w"], cwd=src, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total = {}
    for o in sorted(glob.glob(os.path.join(src, "src", "*.o"))):
        total.update(frames(o))
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kit", default=os.path.join(HERE, "..", "target", "release", "kit"))
    ap.add_argument("--out", help="also write the tables (markdown) here")
    a = ap.parse_args()
    kit = [os.path.abspath(a.kit), "cc"]
    sq, lua = os.path.join(CACHE, "sqlite"), os.path.join(CACHE, "lua")
    programs = {
        "SQLite": ([os.path.join(sq, "sqlite3.c"), os.path.join(sq, "shell.c")], ["-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION", "-I" + sq]),
        "Lua": (sorted(glob.glob(os.path.join(lua, "*.c"))), ["-I" + lua]),
    }
    jq_tmp = tempfile.TemporaryDirectory()
    jq = configured_jq(jq_tmp.name)
    if jq:
        programs["jq"] = (jq, None)
    else:
        print("jq: run tests/realworld.sh jq first to fetch its sources", file=sys.stderr)
    text = []
    for prog, (srcs, flags) in programs.items():
        compilers = (("kit", kit), ("gcc", ["gcc"]))
        if flags is None:
            r = {(c, o): build_with_make(cc, o, srcs) for c, cc in compilers for o in ("-O0", "-O2")}
        else:
            if not all(os.path.exists(s) for s in srcs):
                sys.exit(f"{prog} sources missing: run tests/fetch-material.sh")
            with tempfile.TemporaryDirectory() as tmp:
                r = {(c, o): build(cc, o, srcs, flags, tmp, c) for c, cc in compilers for o in ("-O0", "-O2")}
        common = set(r[("kit", "-O2")]) & set(r[("gcc", "-O0")])
        worst = sorted(common, key=lambda f: -r[("kit", "-O2")][f])[:20]
        text.append(f"\n{prog}: the 20 largest kit -O2 frames (bytes)\n")
        text.append("| function | kit -O0 | kit -O2 | gcc -O0 | gcc -O2 | kit -O2 / gcc -O0 |")
        text.append("|---|---|---|---|---|---|")
        for f in worst:
            k0, k2 = r[("kit", "-O0")].get(f, 0), r[("kit", "-O2")][f]
            g0, g2 = r[("gcc", "-O0")][f], r[("gcc", "-O2")].get(f, 0)
            text.append(f"| {f} | {k0} | {k2} | {g0} | {g2} | {k2 / g0:.2f} |" if g0 else f"| {f} | {k0} | {k2} | {g0} | {g2} | - |")
        over = [f for f in common if r[("kit", "-O2")][f] > r[("gcc", "-O0")][f]]
        text.append(f"\n{len(over)} of {len(common)} functions have a kit -O2 frame larger than gcc -O0's; "
                    + f"largest kit -O2 frame {max(r[('kit', '-O2')].values())}, gcc -O0 {max(r[('gcc', '-O0')].values())}")
    print("\n".join(text))
    if a.out:
        with open(a.out, "w") as f:
            f.write("\n".join(text) + "\n")


if __name__ == "__main__":
    main()
