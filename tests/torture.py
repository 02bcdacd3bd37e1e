#!/usr/bin/env python3
"""gcc's C torture tests (gcc.c-torture/execute and execute/ieee from Debian's
gcc-12-source) through kit's lanes. A test passes when it exits 0.

Lanes:  run  kit run -w t.c -lm
        obj  kit cc -c -w t.c -o t.o && gcc t.o -lm && ./a.out
        gcc  gcc -O0 -w t.c -lm (sanity check of the harness itself)

Known failures live in tests/torture-known-failures.txt, one per line:
    <test> <lane> <reason>
A failure not on the list fails the run; a listed test that passes is
reported (and fails the run with --strict) so the list only shrinks.
"""
import argparse, concurrent.futures as cf, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWN = os.path.join(HERE, "torture-known-failures.txt")
CACHE = os.environ.get("KIT_TEST_CACHE", os.path.expanduser("~/.cache/kit-tests"))


def tests(root):
    out = []
    for sub in ("", "ieee"):
        d = os.path.join(root, sub)
        for f in sorted(os.listdir(d)):
            if f.endswith(".c"):
                out.append(os.path.join(sub, f) if sub else f)
    return out


def run(cmd, timeout, cwd=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", ""


def first_line(s):
    for l in s.splitlines():
        if "error" in l or "panicked" in l or "signal" in l:
            return l.strip()[:150]
    return (s.strip().splitlines() or [""])[0][:150]


def one(kit, root, name, lane, timeout):
    src = os.path.join(root, name)
    with tempfile.TemporaryDirectory(prefix="kit-torture-") as tmp:
        if lane == "run":
            rc, err = run([kit, "run", "-w", src, "-lm"], timeout, cwd=tmp)
        elif lane == "obj":
            rc, err = run([kit, "cc", "-c", "-w", src, "-o", "t.o"], timeout, cwd=tmp)
            if rc == 0:
                rc, err = run(["gcc", "t.o", "-o", "t", "-lm"], timeout, cwd=tmp)
                if rc == 0:
                    rc, err = run(["./t"], timeout, cwd=tmp)
                else:
                    rc = "link"
        else:
            rc, err = run(["gcc", "-O0", "-w", src, "-o", "t", "-lm"], timeout, cwd=tmp)
            if rc == 0:
                rc, err = run(["./t"], timeout, cwd=tmp)
    if rc == 0:
        return True, ""
    why = f"exit {rc}" if rc not in ("timeout", "link") else rc
    return False, f"{why}: {first_line(err)}".strip().rstrip(":")


def load_known():
    known = {}
    if os.path.exists(KNOWN):
        for line in open(KNOWN):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            known[(parts[0], parts[1])] = parts[2] if len(parts) > 2 else ""
    return known


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kit", default=os.path.join(HERE, "..", "target", "release", "kit"))
    ap.add_argument("--root", default=os.path.join(CACHE, "torture", "execute"))
    ap.add_argument("--lane", action="append", choices=["run", "obj", "gcc"])
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--update-known", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("only", nargs="*")
    a = ap.parse_args()
    lanes = a.lane or ["run", "obj"]
    kit = os.path.abspath(a.kit)
    names = a.only or tests(a.root)
    known = load_known()
    results = {}
    t0 = time.time()
    with cf.ThreadPoolExecutor(a.j) as ex:
        futs = {ex.submit(one, kit, a.root, n, l, a.timeout): (n, l) for l in lanes for n in names}
        for f in cf.as_completed(futs):
            results[futs[f]] = f.result()
    new_fail, now_pass = [], []
    for (n, l), (ok, why) in sorted(results.items()):
        if not ok and (n, l) not in known and l != "gcc":
            new_fail.append((n, l, why))
        if ok and (n, l) in known:
            now_pass.append((n, l))
    for l in lanes:
        p = sum(1 for (n, ll), (ok, _) in results.items() if ll == l and ok)
        print(f"lane {l}: {p}/{len(names)} passed")
    print(f"({time.time() - t0:.0f}s)")
    for n, l, why in new_fail:
        print(f"NEW FAILURE {n} [{l}]: {why}")
    for n, l in now_pass:
        print(f"now passing (remove from the list): {n} [{l}]")
    if a.update_known:
        for (n, l), (ok, why) in results.items():
            if l == "gcc":
                continue
            if ok:
                known.pop((n, l), None)
            elif (n, l) not in known:
                known[(n, l)] = "unclassified: " + (why or "fails")
        with open(KNOWN, "w") as f:
            f.write("# gcc torture tests kit does not pass yet: <test> <lane> <reason>\n")
            for (n, l), why in sorted(known.items()):
                f.write(f"{n} {l} {why}\n")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({f"{n}:{l}": {"ok": ok, "why": why} for (n, l), (ok, why) in results.items()}, f, indent=1)
    failed = bool(new_fail) and not a.update_known
    if a.strict and now_pass:
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
