#!/usr/bin/env python3
"""gcc's C torture tests (gcc.c-torture/execute and execute/ieee from Debian's
gcc-12-source) through kit's lanes. A test passes when it exits 0.

Lanes:  run  kit run -w t.c -lm
        obj  kit cc -c -w t.c -o t.o && gcc t.o -lm && ./a.out
        as   gcc -O2 -S t.c; kit as t.s: the same instructions as GNU as
             makes of t.s, and gcc t.o -lm && ./a.out passes
        gcc  gcc -O0 -w t.c -lm (sanity check of the harness itself)

Known failures live in tests/torture-known-failures.txt, one per line:
    <test> <lane> [<signature>] <reason>
The signature is text the failure message must contain (the compiler's
error, the signal, "exit 1"), so an entry cannot hide a different failure
than the one its reason names. A failure not on the list, a listed failure
that fails differently, and a listed test that passes all fail the run
(--update-known rewrites the list instead), so the list only shrinks.
"""
import argparse, concurrent.futures as cf, json, os, re, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWN = os.path.join(HERE, "torture-known-failures.txt")
HEADER = """# gcc torture tests kit does not pass yet: <test> <lane> [<signature>] <reason>
# <test> is relative to gcc.c-torture/execute/ (ieee/... for execute/ieee/);
# <lane> is run, obj, link, static or as. Maintained by tests/torture.py --update-known.
"""
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
        p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", ""


def first_line(s):
    lines = s.splitlines()
    for l in lines:
        if "undefined reference" in l:
            return l.strip()[:150]
    for l in lines:
        if ("error" in l and "collect2" not in l) or "panicked" in l or "signal" in l:
            return l.strip()[:150]
    return (s.strip().splitlines() or [""])[0][:150]


DG_OPTIONS = re.compile(r'\{\s*dg-(?:additional-)?options\s+(?:"([^"]*)"|\{\s*"([^"]*)"\s*\})\s*(\{[^}]*(?:\}[^}]*)*?\})?\s*\}')


def dg_options(src):
    """The test's own flags (`{ dg-options "..." }`, `dg-additional-options`), as gcc's harness passes
    them: those without a target selector or selecting x86-64 (not ia32)."""
    with open(src, errors="replace") as f:
        text = f.read()
    out = []
    for m in DG_OPTIONS.finditer(text):
        opts, sel = m.group(1) or m.group(2) or "", m.group(3) or ""
        if sel and ("x86_64" not in sel or "ia32" in sel):
            continue
        out += opts.split()
    return out


def one(kit, root, name, lane, timeout):
    src = os.path.join(root, name)
    opts = dg_options(src)
    with tempfile.TemporaryDirectory(prefix="kit-torture-") as tmp:
        if lane == "run":
            rc, err = run([kit, "run", "-w", *opts, src, "-lm"], timeout, cwd=tmp)
        elif lane == "obj":
            rc, err = run([kit, "cc", "-c", "-w", *opts, src, "-o", "t.o"], timeout, cwd=tmp)
            if rc == 0:
                rc, err = run(["gcc", "t.o", "-o", "t", "-lm"], timeout, cwd=tmp)
                if rc == 0:
                    rc, err = run(["./t"], timeout, cwd=tmp)
                else:
                    rc = "link"
        elif lane in ("link", "static"):
            flags = ["-static"] if lane == "static" else []
            rc, err = run([kit, "cc", "-w", *opts, *flags, src, "-o", "t", "-lm"], timeout, cwd=tmp)
            if rc == 0:
                rc, err = run(["./t"], timeout, cwd=tmp)
            else:
                rc = "link"
        elif lane == "as":
            rc, err = assembled(kit, src, opts, timeout, tmp)
        else:
            rc, err = run(["gcc", "-O0", "-w", *opts, src, "-o", "t", "-lm"], timeout, cwd=tmp)
            if rc == 0:
                rc, err = run(["./t"], timeout, cwd=tmp)
    if rc == 0:
        return True, ""
    why = rc if isinstance(rc, str) else f"exit {rc}"
    return False, f"{why}: {first_line(err.replace(root + os.sep, ''))}".strip().rstrip(":")


def disassembly(obj, timeout, cwd):
    """objdump -d without its header and `<symbol>` notes (GNU as keeps
    some `.L` symbols that objdump then names addresses after)."""
    p = subprocess.run(["objdump", "-d", "--no-show-raw-insn", obj], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return [l.split(" <")[0] for l in p.stdout.splitlines()[3:]]


def assembled(kit, src, opts, timeout, tmp):
    """gcc -O2 -S output assembled by kit as: the same instructions as GNU
    as makes of it, and the program, linked by gcc, passes."""
    rc, err = run(["gcc", "-O2", "-w", *opts, "-S", src, "-o", "t.s"], timeout, cwd=tmp)
    if rc != 0:
        return f"gcc {rc}", err
    rc, err = run([kit, "as", "t.s", "-o", "t.o"], timeout, cwd=tmp)
    if rc != 0:
        return rc, err
    rc, err = run(["as", "t.s", "-o", "g.o"], timeout, cwd=tmp)
    if rc != 0:
        return f"gnu as {rc}", err
    mine, theirs = disassembly("t.o", timeout, tmp), disassembly("g.o", timeout, tmp)
    if mine != theirs:
        diff = next((f"{a.strip()} vs GNU as {b.strip()}" for a, b in zip(mine, theirs) if a != b), "lengths differ")
        return "disassembly", f"error: instructions differ from GNU as: {diff}"
    rc, err = run(["gcc", "t.o", "-o", "t", "-lm"], timeout, cwd=tmp)
    if rc != 0:
        return "link", err
    return run(["./t"], timeout, cwd=tmp)


def signature(why):
    """The stable part of a failure message: the compiler's or linker's error
    without its location, the signal, or the exit status."""
    m = re.search(r"(error: .*|undefined reference to '[^']*')", why)
    if m:
        return m.group(1)[:70].replace("]", ")")
    m = re.search(r"signal (SIG\w+)", why)
    if m:
        return m.group(1)
    return why.split(":")[0] or "fails"


def load_known(path):
    """{(test, lane): (signature, reason)}"""
    known = {}
    if os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            test, lane, rest = (line.split(None, 2) + ["", ""])[:3]
            m = re.match(r"\[([^\]]*)\]\s*(.*)", rest)
            if not m:
                sys.exit(f"{path}: entry without a [signature]: {line}")
            known[(test, lane)] = (m.group(1), m.group(2))
    return known


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kit", default=os.path.join(HERE, "..", "target", "release", "kit"))
    ap.add_argument("--root", default=os.path.join(CACHE, "torture", "execute"))
    ap.add_argument("--lane", action="append", choices=["run", "obj", "link", "static", "as", "gcc"])
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--update-known", action="store_true")
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--known", default=KNOWN, help="the known-failure list")
    ap.add_argument("only", nargs="*")
    a = ap.parse_args()
    lanes = a.lane or ["run", "obj"]
    kit = os.path.abspath(a.kit)
    if not os.path.isdir(os.path.join(a.root, "ieee")):
        sys.exit(f"{a.root}/ieee is missing: run tests/fetch-material.sh")
    names = a.only or tests(a.root)
    known = load_known(a.known)
    results = {}
    t0 = time.time()
    secs = {}

    def timed(n, l, timeout):
        t = time.time()
        r = one(kit, a.root, n, l, timeout)
        secs[(n, l)] = time.time() - t
        return r

    with cf.ThreadPoolExecutor(a.j) as ex:
        futs = {ex.submit(timed, n, l, a.timeout): (n, l) for l in lanes for n in names}
        for f in cf.as_completed(futs):
            results[futs[f]] = f.result()
    # A loaded machine (CI shares its cores) can push a slow test past the
    # timeout: retry timeouts one at a time with three times the limit.
    for k in sorted(k for k, (ok, why) in results.items() if why == "timeout"):
        results[k] = timed(*k, 3 * a.timeout)
        print(f"retried {k[0]} [{k[1]}] after a timeout: {'passed' if results[k][0] else results[k][1]} in {secs[k]:.1f}s")
    new_fail, now_pass, changed = [], [], []
    for (n, l), (ok, why) in sorted(results.items()):
        if not ok and (n, l) not in known and l != "gcc":
            new_fail.append((n, l, why))
        elif not ok and l != "gcc" and known[(n, l)][0] not in why:
            changed.append((n, l, why))
        if ok and (n, l) in known:
            now_pass.append((n, l))
    for l in lanes:
        p = sum(1 for (n, ll), (ok, _) in results.items() if ll == l and ok)
        print(f"lane {l}: {p}/{len(names)} passed")
    print(f"({time.time() - t0:.0f}s)")
    for l in lanes:
        slow = sorted(((secs[(n, ll)], n) for (n, ll) in results if ll == l), reverse=True)[:3]
        print(f"lane {l}: slowest " + ", ".join(f"{n} {t:.1f}s" for t, n in slow))
    for n, l, why in new_fail:
        print(f"{'added to the list' if a.update_known else 'NEW FAILURE'} {n} [{l}]: {why}")
    for n, l, why in changed:
        print(f"{'updated' if a.update_known else 'FAILS DIFFERENTLY'} {n} [{l}]: listed as [{known[(n, l)][0]}], now: {why}")
    for n, l in now_pass:
        print(f"{'removed from the list' if a.update_known else 'UNEXPECTED PASS (remove it from the list)'}: {n} [{l}]")
    if not a.only:
        stale = sorted(k for k in known if k[0] not in set(names))
        for n, l in stale:
            print(f"warning: {a.known} lists {n} [{l}], which is not a test here")
    if "gcc" in lanes:
        gcc_fails = {n for (n, l), (ok, _) in results.items() if l == "gcc" and not ok}
        for l in lanes:
            if l != "gcc":
                both = sum(1 for (n, ll), (ok, _) in results.items() if ll == l and not ok and n in gcc_fails)
                print(f"lane {l}: {both} of its failures also fail with gcc -O0 here")
    if a.update_known:
        for (n, l), (ok, why) in results.items():
            if l == "gcc":
                continue
            if ok:
                known.pop((n, l), None)
            elif (n, l) not in known:
                known[(n, l)] = (signature(why), "unclassified: " + (why or "fails"))
            else:
                known[(n, l)] = (signature(why), known[(n, l)][1])
        with open(a.known, "w") as f:
            f.write(HEADER)
            for (n, l), (sig, reason) in sorted(known.items()):
                f.write(f"{n} {l} [{sig}] {reason}\n")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({
                "total": len(names),
                "passed": {l: sum(1 for (n, ll), (ok, _) in results.items() if ll == l and ok) for l in lanes},
                "results": {f"{n}:{l}": {"ok": ok, "why": why, "known": (n, l) in known,
                                         "seconds": round(secs.get((n, l), 0), 3)}
                            for (n, l), (ok, why) in sorted(results.items())},
            }, f, indent=1)
    failed = bool(new_fail or changed or now_pass) and not a.update_known
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
