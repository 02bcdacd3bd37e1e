#!/usr/bin/env python3
"""Real programs built by kit, compared byte for byte with gcc's build:
SQLite (amalgamation + shell from the sqlite3-src crate) running
programs/sqlite-test.sql (and programs/sqlite-longdouble.sql), Lua 5.4
(lua-src crate + programs/lua-driver.c) running programs/test.lua, and
programs/features.c (threads with TLS, setjmp, constructors, atexit).

A program is built once per lane and runs one or more cases (a case is
arguments plus an optional stdin file); each (case, lane) passes when its
stdout bytes and exit status equal those of the gcc -O0 build.

Lanes: run  kit run (JIT), one compile per case
       obj  kit cc -c each file, gcc links
       pie, nopie, static
            kit cc builds and links (kit ld) a PIE, non-PIE or static executable
       shared
            the library part as a kit-built shared library (-shared -fPIC),
            the program linked against it by kit
       ld   gcc -c each file, kit cc links (kit ld with gcc's objects)
       as, as-O2
            gcc -S (-O0, -O2) each file, kit as assembles, kit cc links
       gcc  gcc -O2 build against the gcc -O0 reference (checks that the
            scripts' expected output is deterministic and well defined)

Known failures: tests/programs-known-failures.txt, lines `<case> <lane> <reason>`.
"""
import argparse, re, glob, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.environ.get("KIT_TEST_CACHE", os.path.expanduser("~/.cache/kit-tests"))
KNOWN = os.path.join(HERE, "programs-known-failures.txt")
PROG = os.path.join(HERE, "programs")


def programs():
    sq = os.path.join(CACHE, "sqlite")
    lua = os.path.join(CACHE, "lua")
    lua_srcs = sorted(glob.glob(os.path.join(lua, "*.c"))) + [os.path.join(PROG, "lua-driver.c")]
    return {
        "sqlite": {
            "srcs": [os.path.join(sq, "sqlite3.c"), os.path.join(sq, "shell.c")],
            "main": os.path.join(sq, "shell.c"),
            "flags": ["-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION", "-I" + sq],
            "cases": {
                "sqlite": {"args": [":memory:"], "stdin": os.path.join(PROG, "sqlite-test.sql")},
                # SQLite probes long double at run time (hasHighPrecisionDouble)
                # and formats/parses floats through it when it has 64-bit
                # mantissas: kept apart so a long double gap does not hide
                # other SQLite regressions.
                "sqlite-longdouble": {"args": [":memory:"], "stdin": os.path.join(PROG, "sqlite-longdouble.sql")},
            },
        },
        "lua": {
            "srcs": lua_srcs,
            "main": os.path.join(PROG, "lua-driver.c"),
            "flags": ["-I" + lua],
            "cases": {"lua": {"args": [os.path.join(PROG, "test.lua")]}},
        },
        "features": {
            "srcs": [os.path.join(PROG, "features.c"), os.path.join(PROG, "features-lib.c")],
            "main": os.path.join(PROG, "features.c"),
            "flags": [],
            "libs": ["-lpthread"],
            "cases": {"features": {"args": ["hello"]}},
        },
    }


def run(cmd, stdin=None, cwd=None, timeout=600):
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as f:
        try:
            p = subprocess.run(cmd, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, timeout=timeout)
        except subprocess.TimeoutExpired as e:
            return "timeout", e.stdout or b"", (e.stderr or b"") + f"\ntimed out after {timeout}s".encode()
    return p.returncode, p.stdout, p.stderr


def build_gcc(p, tmp, opt):
    """Returns (exe, None) or (None, failure)."""
    exe = os.path.join(tmp, "gcc" + opt)
    got = run(["gcc", opt, "-w"] + p["flags"] + p["srcs"] + ["-o", exe, "-lm"] + p.get("libs", []))
    return (exe, None) if got[0] == 0 else (None, got)


def build_obj(kit, p, tmp):
    objs = []
    for i, s in enumerate(p["srcs"]):
        o = os.path.join(tmp, f"kit-{i}.o")
        got = run([kit, "cc", "-c", "-w"] + p["flags"] + [s, "-o", o])
        if got[0] != 0:
            return None, got
        objs.append(o)
    exe = os.path.join(tmp, "kit-exe")
    rc, out, err = run(["gcc"] + objs + ["-o", exe, "-lm"] + p.get("libs", []))
    if rc != 0:
        return None, ("link", out, b"gcc could not link kit's objects: " + err)
    return exe, None


def build_kit(kit, p, tmp, lane):
    """kit compiles and links: lanes pie, nopie, static, shared, ld."""
    exe = os.path.join(tmp, "kit-" + lane)
    libs = ["-lm"] + p.get("libs", [])
    if lane == "shared":
        lib = os.path.join(tmp, "libkitprog.so")
        lib_srcs = [s for s in p["srcs"] if s != p["main"]]
        got = run([kit, "cc", "-w", "-shared", "-fPIC"] + p["flags"] + lib_srcs + ["-o", lib] + libs)
        if got[0] != 0:
            return None, ("link", got[1], b"kit could not build the shared library: " + got[2])
        cmd = [kit, "cc", "-w"] + p["flags"] + [p["main"], "-L" + tmp, "-lkitprog", "-Wl,-rpath," + tmp, "-o", exe] + libs
    elif lane in ("as", "as-O2"):
        # gcc's own assembly, assembled by kit as, linked by kit ld.
        opt = "-O2" if lane == "as-O2" else "-O0"
        objs = []
        for i, src in enumerate(p["srcs"]):
            asm, o = os.path.join(tmp, f"gcc-{i}{opt}.s"), os.path.join(tmp, f"as-{i}{opt}.o")
            got = run(["gcc", "-S", opt, "-w"] + p["flags"] + [src, "-o", asm])
            if got[0] != 0:
                return None, got
            got = run([kit, "as", asm, "-o", o])
            if got[0] != 0:
                return None, ("link", got[1], b"kit as could not assemble gcc's output: " + got[2])
            objs.append(o)
        cmd = [kit, "cc"] + objs + ["-o", exe] + libs
    elif lane == "ld":
        objs = []
        for i, s in enumerate(p["srcs"]):
            o = os.path.join(tmp, f"gcc-{i}.o")
            got = run(["gcc", "-c", "-w"] + p["flags"] + [s, "-o", o])
            if got[0] != 0:
                return None, got
            objs.append(o)
        cmd = [kit, "cc"] + objs + ["-o", exe] + libs
    else:
        # fortify: the flags Debian, Ubuntu and Fedora build packages with.
        flags = {"pie": [], "nopie": ["-no-pie"], "static": ["-static"], "fortify": ["-O2", "-D_FORTIFY_SOURCE=2"]}[lane]
        cmd = [kit, "cc", "-w"] + flags + p["flags"] + p["srcs"] + ["-o", exe] + libs
    got = run(cmd)
    if got[0] != 0:
        return None, ("link", got[1], b"kit could not build the program: " + got[2])
    return exe, None


def run_case(lane, kit, p, exe, case):
    if lane == "run":
        cmd = [kit, "run", "-w"] + p["flags"] + p["srcs"] + ["-lm"] + p.get("libs", []) + ["--"] + case["args"]
    else:
        cmd = [exe] + case["args"]
    return run(cmd, case.get("stdin"))


def load_known():
    """{(case, lane): (signature, reason)}: the signature is text the failure's
    detail must contain, so an entry cannot hide another failure."""
    known = {}
    if os.path.exists(KNOWN):
        for line in open(KNOWN):
            if line.startswith("#") or not line.strip():
                continue
            case, lane, rest = (line.split(None, 2) + ["", ""])[:3]
            m = re.match(r"\[([^\]]*)\]\s*(.*)", rest.strip())
            if not m:
                raise SystemExit(f"{KNOWN}: entry without a [signature]: {line.strip()}")
            known[(case, lane)] = (m.group(1), m.group(2))
    return known


def first_difference(want, got):
    gl, kl = want.decode("utf-8", "replace").splitlines(), got.decode("utf-8", "replace").splitlines()
    for i in range(max(len(gl), len(kl))):
        x = gl[i] if i < len(gl) else "<end of output>"
        y = kl[i] if i < len(kl) else "<end of output>"
        if x != y:
            return f"first difference at line {i + 1}:\n    gcc: {x[:300]}\n    kit: {y[:300]}"
    return "outputs differ only in the final newline"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kit", default=os.path.join(HERE, "..", "target", "release", "kit"))
    ap.add_argument("--lane", action="append", choices=["run", "obj", "pie", "nopie", "static", "shared", "ld", "fortify", "as", "as-O2", "gcc"])
    ap.add_argument("--json", help="write per-(case, lane) results here")
    ap.add_argument("only", nargs="*", help="program or case names")
    a = ap.parse_args()
    kit = os.path.abspath(a.kit)
    lanes = a.lane or ["run", "obj"]
    known = load_known()
    failed = False
    results = {}
    for name, p in programs().items():
        cases = {c: v for c, v in p["cases"].items() if not a.only or name in a.only or c in a.only}
        if not cases:
            continue
        for f in p["srcs"]:
            if not os.path.exists(f):
                raise SystemExit(f"{f} is missing: run tests/fetch-material.sh")
        with tempfile.TemporaryDirectory(prefix="kit-prog-") as tmp:
            ref, bad = build_gcc(p, tmp, "-O0")
            if bad:
                raise SystemExit(f"{name}: the gcc reference build failed:\n" + bad[2].decode("utf-8", "replace"))
            want = {c: run_case("ref", kit, p, ref, case) for c, case in cases.items()}
            for c, w in want.items():
                if w[0] == "timeout":
                    raise SystemExit(f"{c}: the gcc-built reference timed out")
            for lane in lanes:
                t0 = time.time()
                exe, bad = None, None
                if lane == "obj":
                    exe, bad = build_obj(kit, p, tmp)
                elif lane == "gcc":
                    exe, bad = build_gcc(p, tmp, "-O2")
                elif lane != "run":
                    exe, bad = build_kit(kit, p, tmp, lane)
                build_s = time.time() - t0
                for c, case in cases.items():
                    t1 = time.time()
                    got = bad or run_case(lane, kit, p, exe, case)
                    ok = got[0] == want[c][0] and got[1] == want[c][1]
                    detail = ""
                    if not ok:
                        detail = f"exit {got[0]} (gcc: {want[c][0]}); stderr: {got[2].decode('utf-8', 'replace')[:500].strip()}"
                        if got[0] == want[c][0] or got[1]:
                            detail += "\n  " + first_difference(want[c][1], got[1])
                    status = "ok" if ok else "FAIL"
                    if not ok and (c, lane) in known:
                        sig, reason = known[(c, lane)]
                        if sig in detail:
                            status = "known failure: " + reason
                        else:
                            status = f"FAILS DIFFERENTLY (listed as [{sig}])"
                            failed = True
                    elif not ok:
                        failed = True
                    took = f"build {build_s:.1f}s + run {time.time() - t1:.1f}s" if lane != "run" else f"{time.time() - t1:.1f}s"
                    print(f"{c} [{lane}]: {status} ({took}, {len(got[1])} bytes of output)")
                    if detail:
                        print("  " + detail)
                    elif (c, lane) in known:
                        print(f"  UNEXPECTED PASS: remove '{c} {lane}' from {KNOWN}")
                        failed = True
                    results[f"{c}:{lane}"] = {"ok": ok, "known": (c, lane) in known, "detail": detail}
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
