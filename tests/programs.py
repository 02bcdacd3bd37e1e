#!/usr/bin/env python3
"""Real programs built by kit, compared byte for byte with gcc's build:
SQLite (amalgamation + shell from the sqlite3-src crate) running
programs/sqlite-test.sql, Lua 5.4 (lua-src crate + programs/lua-driver.c)
running programs/test.lua, and programs/features.c (threads with TLS,
setjmp, constructors, atexit).

Lanes: run  kit run (JIT)
       obj  kit cc -c each file, gcc links

Known failures: tests/programs-known-failures.txt, lines `<program> <lane> <reason>`.
"""
import argparse, glob, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.environ.get("KIT_TEST_CACHE", os.path.expanduser("~/.cache/kit-tests"))
KNOWN = os.path.join(HERE, "programs-known-failures.txt")


def programs():
    sq = os.path.join(CACHE, "sqlite")
    lua = os.path.join(CACHE, "lua")
    lua_srcs = sorted(glob.glob(os.path.join(lua, "*.c"))) + [os.path.join(HERE, "programs", "lua-driver.c")]
    return {
        "sqlite": {
            "srcs": [os.path.join(sq, "sqlite3.c"), os.path.join(sq, "shell.c")],
            "flags": ["-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION", "-I" + sq],
            "args": [":memory:"],
            "stdin": os.path.join(HERE, "programs", "sqlite-test.sql"),
        },
        "lua": {
            "srcs": lua_srcs,
            "flags": ["-I" + lua],
            "args": [os.path.join(HERE, "programs", "test.lua")],
            "stdin": None,
        },
        "features": {
            "srcs": [os.path.join(HERE, "programs", "features.c"), os.path.join(HERE, "programs", "features-lib.c")],
            "flags": [],
            "args": ["hello"],
            "stdin": None,
            "libs": ["-lpthread"],
        },
    }


def run(cmd, stdin=None, cwd=None, timeout=600):
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as f:
        p = subprocess.run(cmd, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def build_gcc(p, tmp):
    exe = os.path.join(tmp, "ref")
    rc, _, err = run(["gcc", "-O0", "-w"] + p["flags"] + p["srcs"] + ["-o", exe, "-lm"] + p.get("libs", []))
    if rc != 0:
        raise SystemExit("gcc build failed:\n" + err.decode())
    return run([exe] + p["args"], p["stdin"])


def lane_run(kit, p, tmp):
    return run([kit, "run", "-w"] + p["flags"] + p["srcs"] + ["-lm"] + p.get("libs", []) + ["--"] + p["args"], p["stdin"])


def lane_obj(kit, p, tmp):
    objs = []
    for i, s in enumerate(p["srcs"]):
        o = os.path.join(tmp, f"{i}.o")
        rc, out, err = run([kit, "cc", "-c", "-w"] + p["flags"] + [s, "-o", o])
        if rc != 0:
            return rc, out, err
        objs.append(o)
    exe = os.path.join(tmp, "kit-exe")
    rc, out, err = run(["gcc"] + objs + ["-o", exe, "-lm"] + p.get("libs", []))
    if rc != 0:
        return rc, out, b"link failed: " + err
    return run([exe] + p["args"], p["stdin"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kit", default=os.path.join(HERE, "..", "target", "release", "kit"))
    ap.add_argument("--lane", action="append", choices=["run", "obj"])
    ap.add_argument("only", nargs="*")
    a = ap.parse_args()
    kit = os.path.abspath(a.kit)
    lanes = a.lane or ["run", "obj"]
    known = set()
    if os.path.exists(KNOWN):
        for line in open(KNOWN):
            parts = line.split(None, 2)
            if len(parts) >= 2 and not line.startswith("#"):
                known.add((parts[0], parts[1]))
    failed = False
    for name, p in programs().items():
        if a.only and name not in a.only:
            continue
        with tempfile.TemporaryDirectory(prefix="kit-prog-") as tmp:
            want = build_gcc(p, tmp)
            for lane in lanes:
                t0 = time.time()
                got = (lane_run if lane == "run" else lane_obj)(kit, p, tmp)
                ok = got[0] == want[0] and got[1] == want[1]
                status = "ok" if ok else "FAIL"
                if not ok and (name, lane) in known:
                    status = "known failure"
                elif not ok:
                    failed = True
                print(f"{name} [{lane}]: {status} ({time.time() - t0:.1f}s, {len(got[1])} bytes of output)")
                if not ok:
                    print(f"  exit {got[0]} (gcc: {want[0]}); stderr: {got[2].decode('utf-8', 'replace')[:500]}")
                    gl, kl = want[1].decode("utf-8", "replace").splitlines(), got[1].decode("utf-8", "replace").splitlines()
                    for i, (x, y) in enumerate(zip(gl, kl)):
                        if x != y:
                            print(f"  first difference at line {i + 1}:\n    gcc: {x}\n    kit: {y}")
                            break
                elif (name, lane) in known:
                    print(f"  now passing: remove '{name} {lane}' from {KNOWN}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
