//! `kit objdump`, `size`, `strings`, `strip`, `objcopy` and `addr2line`
//! against GNU binutils on objects and programs that gcc and kit build
//! here: listings text for text, stripped files by what remains and by
//! still running or linking, `-O binary` byte for byte, addr2line answers
//! for addresses taken from the files. A mutation test feeds every tool
//! corrupted copies and checks none panics. Skipped (with a message) where
//! gcc or binutils is missing.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const KIT: &str = env!("CARGO_BIN_EXE_kit");

/// Statics, globals, a string table, a loop with a call, a switch (a jump
/// table at -O2), floating point and a variadic call.
const PROG_C: &str = r#"
#include <stdio.h>
#include <string.h>
static int counter;
int table[16] = {1, 2, 3};
const char *greeting = "hello, inspection";
static int square(int x) { return x * x; }
int sum(const int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += square(a[i]); return s; }
double scale(double x, int k) {
    switch (k) { case 0: return x; case 1: return x * 2.5; case 2: return x / 3.0; case 3: return -x; case 4: return x + 1; default: return 0; }
}
long mix(long a, long b) { return (a << 3) ^ (b >> 1) ^ (a * 37) ^ (long)strlen(greeting); }
int main(int argc, char **argv) {
    (void)argv;
    counter += argc;
    printf("%s %d %.2f %ld\n", greeting, sum(table, 16) + counter, scale(4.0, argc), mix(argc, 99));
    return 0;
}
"#;

/// The files every test reads, built once. `None` (after a printed reason)
/// when gcc or binutils is missing.
fn fixture() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        for tool in ["gcc", "objdump", "size", "strings", "strip", "objcopy", "addr2line", "readelf", "nm", "ar"] {
            if !common::have(tool) {
                return None;
            }
        }
        let d = std::env::temp_dir().join(format!("kit-inspect-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("prog.c"), PROG_C).unwrap();
        let build = |prog: &str, args: &[&str]| {
            let out = Command::new(prog).current_dir(&d).args(args).output().unwrap();
            assert!(out.status.success(), "{prog} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        };
        build("gcc", &["-c", "-O2", "prog.c", "-o", "gcc_O2.o"]);
        build("gcc", &["-c", "-O0", "-g", "prog.c", "-o", "gcc_g.o"]);
        build("gcc", &["-O0", "-g", "prog.c", "-o", "gcc_prog"]);
        build("gcc", &["-O2", "-g", "prog.c", "-o", "gcc_prog_O2"]);
        // Static: libc's aliases, IFUNCs and `addr32 call` without DWARF.
        build("gcc", &["-O1", "-static", "prog.c", "-o", "gcc_static"]);
        build(KIT, &["cc", "-c", "-g", "prog.c", "-o", "kit_g.o"]);
        build(KIT, &["cc", "-c", "-O1", "prog.c", "-o", "kit_O1.o"]);
        build(KIT, &["cc", "-g", "prog.c", "-o", "kit_prog"]);
        build("ar", &["rcsD", "lib.a", "gcc_O2.o", "kit_g.o"]);
        // More code for the disassembler: the repository's C tests, built
        // by gcc -O2 (each is a complete program).
        let tests_c = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/c");
        for name in TESTS_C {
            build("gcc", &["-c", "-O2", "-w", tests_c.join(name).to_str().unwrap(), "-o", &format!("{name}.o")]);
        }
        Some(d)
    })
    .as_deref()
}

/// C files from tests/c that gcc compiles on its own.
const TESTS_C: [&str; 4] = ["statement-forms.c", "long-double-precision.c", "complex-integer.c", "float-classification.c"];

const OBJECTS: [&str; 4] = ["gcc_O2.o", "gcc_g.o", "kit_g.o", "kit_O1.o"];
const PROGRAMS: [&str; 4] = ["gcc_prog", "gcc_prog_O2", "kit_prog", "gcc_static"];

fn run(dir: &Path, prog: &str, args: &[&str]) -> Output {
    Command::new(prog).current_dir(dir).args(args).output().unwrap_or_else(|e| panic!("{prog}: {e}"))
}

fn kit(dir: &Path, tool: &str, args: &[&str]) -> Output {
    let out = Command::new(KIT).current_dir(dir).arg(tool).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "kit {tool} {args:?} panicked:\n{err}");
    out
}

fn ok(out: Output, what: &str) -> String {
    assert!(out.status.success(), "{what} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `kit TOOL ARGS` prints what GNU's `TOOL ARGS` prints, line for line.
fn same(d: &Path, tool: &str, args: &[&str]) {
    let g = ok(run(d, tool, args), &format!("{tool} {args:?}"));
    let k = ok(kit(d, tool, args), &format!("kit {tool} {args:?}"));
    if g != k {
        let diff: Vec<_> = g.lines().zip(k.lines()).filter(|(a, b)| a != b).take(5).collect();
        panic!("{tool} {args:?}: {} vs {} lines; first differences (gnu, kit): {diff:#?}", g.lines().count(), k.lines().count());
    }
}

#[test]
fn objdump_disassembly_matches_gnu() {
    let Some(d) = fixture() else { return };
    let tests_c: Vec<String> = TESTS_C.iter().map(|n| format!("{n}.o")).collect();
    let files = OBJECTS.iter().chain(&PROGRAMS).map(|s| s.to_string()).chain(tests_c).chain(["lib.a".to_string()]);
    for f in files {
        same(d, "objdump", &["-d", &f]);
        same(d, "objdump", &["-dr", &f]);
    }
    same(d, "objdump", &["-d", "-j", ".text", "gcc_prog"]);
    same(d, "objdump", &["-dwr", "gcc_O2.o"]);
    same(d, "objdump", &["-d", "--start-address=0x10", "--stop-address=0x40", "gcc_O2.o"]);
    for f in ["gcc_O2.o", "kit_O1.o", "gcc_prog_O2"] {
        same(d, "objdump", &["-d", "-M", "intel", f]);
    }
}

#[test]
fn objdump_headers_symbols_relocations_match_gnu() {
    let Some(d) = fixture() else { return };
    for f in OBJECTS.iter().chain(&PROGRAMS).chain(&["lib.a"]) {
        for opt in ["-h", "-t", "-r", "-f", "-s", "-x", "-p", "-a"] {
            same(d, "objdump", &[opt, f]);
        }
    }
    same(d, "objdump", &["-s", "-j", ".rodata", "gcc_g.o"]);
    same(d, "objdump", &["-h", "-t", "gcc_O2.o", "kit_g.o"]);
    same(d, "objdump", &["-hw", "kit_prog"]);
    for f in ["gcc_prog", "kit_prog", "gcc_prog_O2"] {
        same(d, "objdump", &["-T", f]);
        same(d, "objdump", &["-R", f]);
    }
}

#[test]
fn objdump_dwarf_outline_reads_both_compilers() {
    let Some(d) = fixture() else { return };
    for f in ["gcc_g.o", "kit_g.o", "gcc_prog", "kit_prog"] {
        let info = ok(kit(d, "objdump", &["--dwarf=info", f]), "objdump --dwarf=info");
        assert!(info.contains("DW_TAG_compile_unit") && info.contains("DW_TAG_subprogram"), "{f}: {info}");
        assert!(info.contains(": sum\n") && info.contains(": main\n"), "{f}: subprogram names missing");
        let lines = ok(kit(d, "objdump", &["--dwarf=line", f]), "objdump --dwarf=line");
        assert!(lines.lines().filter(|l| l.starts_with("prog.c ")).count() > 5, "{f}: too few line rows:\n{lines}");
    }
}

#[test]
fn size_matches_gnu() {
    let Some(d) = fixture() else { return };
    for args in [
        &["gcc_O2.o", "kit_g.o", "gcc_prog"][..],
        &["-t", "gcc_O2.o", "kit_prog"],
        &["-A", "gcc_g.o", "kit_prog"],
        &["-A", "lib.a"],
        &["lib.a"],
        &["-x", "gcc_prog"],
        &["-o", "-t", "lib.a"],
    ] {
        same(d, "size", args);
    }
}

#[test]
fn strings_matches_gnu() {
    let Some(d) = fixture() else { return };
    for args in [
        &["gcc_prog"][..],
        &["-n", "8", "kit_prog"],
        &["-t", "x", "gcc_g.o"],
        &["-td", "-n3", "kit_g.o"],
        &["-f", "gcc_O2.o", "lib.a"],
        &["-10", "gcc_prog"],
    ] {
        same(d, "strings", args);
    }
}

/// The section names `readelf -S` lists.
fn section_names(d: &Path, file: &str) -> Vec<String> {
    let out = ok(run(d, "readelf", &["-SW", file]), "readelf -S");
    out.lines()
        .filter_map(|l| l.trim_start().strip_prefix('['))
        .filter_map(|l| l.split(']').nth(1)?.split_whitespace().next().map(str::to_string))
        .collect()
}

/// `nm -a` of a file (empty when it has no symbols).
fn symbols(d: &Path, file: &str) -> String {
    String::from_utf8_lossy(&run(d, "nm", &["-a", file]).stdout).into_owned()
}

#[test]
fn strip_agrees_with_gnu_and_programs_still_run() {
    let Some(d) = fixture() else { return };
    for f in OBJECTS.iter().chain(&PROGRAMS) {
        for mode in [&[][..], &["-g"], &["--strip-unneeded"], &["-R", ".comment"], &["--strip-debug", "-K", "sum"], &["-x"], &["-X"]] {
            let (g, k) = (format!("gnu-stripped-{f}"), format!("kit-stripped-{f}"));
            ok(run(d, "strip", &[mode, &[f, "-o", &g]].concat()), "strip");
            ok(kit(d, "strip", &[mode, &[f, "-o", &k]].concat()), "kit strip");
            assert_eq!(section_names(d, &g), section_names(d, &k), "strip {mode:?} {f}: sections");
            assert_eq!(symbols(d, &g), symbols(d, &k), "strip {mode:?} {f}: symbols");
            if PROGRAMS.contains(f) {
                let want = ok(run(d, &format!("./{f}"), &[]), f);
                assert_eq!(ok(run(d, &format!("./{k}"), &[]), &k), want, "stripped {f} prints something else");
                ok(run(d, "readelf", &["-lW", &k]), "readelf -l");
            } else if mode.iter().any(|m| ["-g", "--strip-unneeded", "--strip-debug", "-x", "-X"].contains(m)) {
                // An object stripped of what linking does not need still
                // links and the program still runs. (Without one of these,
                // strip removes every symbol, as GNU strip does.)
                let exe = format!("linked-{k}");
                ok(run(d, "gcc", &[&k, "-o", &exe]), "gcc link of stripped object");
                assert!(ok(run(d, &format!("./{exe}"), &[]), &exe).starts_with("hello, inspection"));
            }
        }
    }
    // In place, as GNU strip works without -o.
    std::fs::copy(d.join("kit_prog"), d.join("inplace")).unwrap();
    ok(kit(d, "strip", &["inplace"]), "kit strip in place");
    assert!(symbols(d, "inplace").is_empty());
    assert!(ok(run(d, "./inplace", &[]), "inplace").starts_with("hello, inspection"));
}

#[test]
fn objcopy_matches_gnu() {
    let Some(d) = fixture() else { return };
    std::fs::write(d.join("blob.bin"), b"extra section\n").unwrap();
    for f in ["gcc_O2.o", "kit_g.o", "gcc_prog", "kit_prog"] {
        for args in [&["-O", "binary", "-j", ".text"][..], &["-O", "binary"], &["-j", ".text"]] {
            // A linked file cannot lose its loaded sections in kit (below).
            if !f.ends_with(".o") && args == ["-j", ".text"] {
                continue;
            }
            let (g, k) = (format!("gnu-copy-{f}"), format!("kit-copy-{f}"));
            let gnu = run(d, "objcopy", &[args, &[f, &g]].concat());
            let mine = kit(d, "objcopy", &[args, &[f, &k]].concat());
            // GNU objcopy refuses `-j .text` when .text refers to other
            // sections' symbols; so must kit.
            assert_eq!(gnu.status.success(), mine.status.success(), "objcopy {args:?} {f}: exit status");
            if !gnu.status.success() {
                continue;
            }
            if args.contains(&"binary") {
                assert!(std::fs::read(d.join(&g)).unwrap() == std::fs::read(d.join(&k)).unwrap(), "objcopy {args:?} {f}: bytes differ");
            } else {
                assert_eq!(section_names(d, &g), section_names(d, &k), "objcopy {args:?} {f}");
            }
        }
        for args in [
            &["--strip-debug"][..],
            &["-R", ".comment"],
            &["--add-section", ".note.kit=blob.bin"],
            &["--only-keep-debug"],
            &["-I", "elf64-x86-64", "-O", "elf64-x86-64", "-S"],
        ] {
            let (g, k) = (format!("gnu-copy-{f}"), format!("kit-copy-{f}"));
            ok(run(d, "objcopy", &[args, &[f, &g]].concat()), "objcopy");
            ok(kit(d, "objcopy", &[args, &[f, &k]].concat()), "kit objcopy");
            assert_eq!(section_names(d, &g), section_names(d, &k), "objcopy {args:?} {f}: sections");
            assert_eq!(symbols(d, &g), symbols(d, &k), "objcopy {args:?} {f}: symbols");
        }
    }
    ok(kit(d, "objcopy", &["--strip-debug", "gcc_prog", "copied_prog"]), "kit objcopy");
    assert!(ok(run(d, "./copied_prog", &[]), "copied_prog").starts_with("hello, inspection"));
    ok(kit(d, "objcopy", &["--add-section", ".note.kit=blob.bin", "kit_prog", "noted_prog"]), "kit objcopy --add-section");
    same(d, "objdump", &["-s", "-j", ".note.kit", "noted_prog"]);
    assert!(ok(run(d, "./noted_prog", &[]), "noted_prog").starts_with("hello, inspection"));
    // What kit cannot do is an error naming the option, never ignored.
    for args in [&["--bogus", "gcc_O2.o", "x.o"][..], &["-O", "srec", "gcc_O2.o", "x.o"], &["-j", ".text", "gcc_prog", "x"]] {
        let out = kit(d, "objcopy", args);
        assert!(!out.status.success(), "kit objcopy {args:?} succeeded");
        assert!(String::from_utf8_lossy(&out.stderr).contains("kit objcopy:"), "{args:?}");
    }
}

/// Function starts from `nm` and a few addresses inside functions from
/// `objdump -d`, for addr2line.
fn addresses(d: &Path, prog: &str) -> Vec<String> {
    let nm = ok(run(d, "nm", &[prog]), "nm");
    let mut v: Vec<String> = nm
        .lines()
        .filter_map(|l| {
            l.split_whitespace().collect::<Vec<_>>().first().filter(|_| l.contains(" T ") || l.contains(" t ")).map(|a| a.to_string())
        })
        .collect();
    let dis = ok(run(d, "objdump", &["-d", prog]), "objdump -d");
    v.extend(
        dis.lines()
            .filter_map(|l| {
                l.trim_start().split(':').next().filter(|a| !a.is_empty() && a.len() < 9 && a.bytes().all(|b| b.is_ascii_hexdigit()))
            })
            .step_by(7)
            .map(str::to_string),
    );
    v.extend(["0".to_string(), "0x7fffffff".to_string()]);
    v
}

#[test]
fn addr2line_matches_gnu() {
    let Some(d) = fixture() else { return };
    for prog in PROGRAMS {
        let addrs = addresses(d, prog);
        assert!(addrs.len() > 20, "{prog}: too few addresses");
        let addr_args: Vec<&str> = addrs.iter().map(String::as_str).collect();
        for flags in [&[][..], &["-f"], &["-f", "-i"], &["-a", "-f", "-p"], &["-s", "-f", "-i", "-p", "-C"]] {
            same(d, "addr2line", &[&["-e", prog][..], flags, &addr_args].concat());
        }
    }
    // Objects: every section starts at 0; the first holding the address
    // is the one meant.
    let offsets = ["0", "0x4", "0x10", "0x20", "0x30", "0x40", "0x58", "0x60", "0x90", "0x100", "0x5000"];
    for obj in ["gcc_g.o", "kit_g.o", "gcc_O2.o"] {
        for flags in [&["-f"][..], &["-f", "-i", "-a", "-p"]] {
            same(d, "addr2line", &[&["-e", obj][..], flags, &offsets].concat());
        }
    }
    // Addresses on standard input.
    let mut child = Command::new(KIT)
        .current_dir(d)
        .args(["addr2line", "-f", "-e", "kit_prog"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let main_addr = addresses(d, "kit_prog")
        .into_iter()
        .find(|a| ok(run(d, "addr2line", &["-f", "-e", "kit_prog", a]), "addr2line").starts_with("main\n"))
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), format!("{main_addr}\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("main\n"));
}

/// Corrupted copies of a small object, a program and an archive: every
/// tool must end with status 0 or 1, never panic, and name the file when
/// it fails.
#[test]
fn malformed_inputs_never_panic() {
    let Some(d) = fixture() else { return };
    let m = d.join("mutants");
    std::fs::create_dir_all(&m).unwrap();
    let sources = ["kit_g.o", "kit_prog", "lib.a"].map(|f| std::fs::read(d.join(f)).unwrap());
    // A deterministic generator (xorshift), so failures reproduce.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut files = Vec::new();
    for i in 0..240 {
        let mut b = sources[i % 3].clone();
        match i % 4 {
            0 => b.truncate((next() % b.len() as u64) as usize),
            1 => {
                // Header fields: offsets, counts, sizes.
                for _ in 0..1 + next() % 4 {
                    let at = (next() % 64) as usize;
                    b[at] = next() as u8;
                }
            }
            _ => {
                for _ in 0..1 + next() % 32 {
                    let at = (next() % b.len() as u64) as usize;
                    b[at] ^= 1 << (next() % 8);
                }
            }
        }
        let name = format!("m{i}");
        std::fs::write(m.join(&name), b).unwrap();
        files.push(name);
    }
    let runs: [&[&str]; 13] = [
        &["objdump", "-dr"],
        &["objdump", "-DTw", "-M", "intel"],
        &["objdump", "-R"],
        &["objdump", "-x"],
        &["objdump", "-s"],
        &["objdump", "--dwarf=info,line"],
        &["size"],
        &["size", "-A"],
        &["strings", "-a"],
        &["strip", "-o", "out"],
        &["strip", "-x", "-o", "out"],
        &["objcopy", "-O", "binary"],
        &["objcopy", "--strip-debug"],
    ];
    for f in &files {
        for r in runs {
            let mut args: Vec<&str> = r[1..].to_vec();
            args.push(f);
            if r[0] == "objcopy" {
                args.push("copy");
            }
            let out = kit(&m, r[0], &args);
            let code = out.status.code();
            assert!(matches!(code, Some(0) | Some(1)), "kit {r:?} {f}: exit {code:?}");
            if code == Some(1) {
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(err.contains(f.as_str()) || err.contains("out"), "kit {r:?} {f}: error does not name the file: {err}");
            }
        }
        let out = kit(&m, "addr2line", &["-f", "-i", "-e", f, "0x1139", "0x10"]);
        assert!(matches!(out.status.code(), Some(0) | Some(1)), "kit addr2line {f}");
    }
}
