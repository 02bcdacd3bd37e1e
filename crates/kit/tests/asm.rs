//! `kit as` against GNU as on gcc's own output (`gcc -S` at -O0 and -O2):
//! the same instructions, the same relocations (resolved to section
//! offsets, since GNU as keeps some `.L` symbols that kit as does not),
//! the same unwind tables, and programs that behave the same.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KIT: &str = env!("CARGO_BIN_EXE_kit");

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kit-asm-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(cmd: &mut Command) -> Output {
    let o = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(o.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&o.stderr));
    o
}

fn text(cmd: &mut Command) -> String {
    String::from_utf8_lossy(&run(cmd).stdout).into_owned()
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

/// `objdump -d`, without the header (the file name differs) and the
/// `<symbol+offset>` notes (GNU as keeps some `.L` symbols that objdump
/// then names targets after; the addresses stay).
fn disassembly(obj: &Path) -> String {
    let out = text(Command::new("objdump").args(["-d", "--no-show-raw-insn"]).arg(obj));
    out.lines().skip(3).map(|l| l.split(" <").next().unwrap_or(l)).collect::<Vec<_>>().join("\n")
}

/// Relocations by (section, offset): type, the symbol if it is a named
/// one, and the address it resolves to within its section.
fn relocations(obj: &Path) -> BTreeMap<(String, u64), (String, String, i64)> {
    let out = text(Command::new("readelf").args(["-rW"]).arg(obj));
    let mut section = String::new();
    let mut map = BTreeMap::new();
    for line in out.lines() {
        if let Some(rest) = line.strip_prefix("Relocation section '") {
            section = rest.split('\'').next().unwrap().to_string();
            continue;
        }
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 7 || f[0].len() != 16 || u64::from_str_radix(f[0], 16).is_err() {
            continue;
        }
        let value = u64::from_str_radix(f[3], 16).unwrap() as i64;
        let addend = i64::from_str_radix(f[6], 16).unwrap() * if f[5] == "-" { -1 } else { 1 };
        let name = if f[4].starts_with('.') { String::new() } else { f[4].to_string() };
        map.insert((section.clone(), u64::from_str_radix(f[0], 16).unwrap()), (f[2].to_string(), name, value + addend));
    }
    map
}

fn frames(obj: &Path) -> String {
    let out = text(Command::new("readelf").args(["--debug-dump=frames"]).arg(obj));
    out.lines().skip(2).collect::<Vec<_>>().join("\n")
}

const SOURCES: &[&str] = &[
    "tests/frames/frames.c",
    "tests/interop/byval-aggregates/lib.c",
    "tests/interop/byval-aggregates/main.c",
    "tests/interop/long-double/lib.c",
    "tests/interop/long-double/main.c",
    "tests/programs/features.c",
    "tests/programs/features-lib.c",
    "tests/c/argument-order.c",
];

#[test]
fn gcc_output_assembles_as_gnu_as_does() {
    if !common::have("gcc") || !common::have("as") || !common::have("objdump") {
        return;
    }
    let d = tmp("same");
    for src in SOURCES {
        for opt in ["-O0", "-O2"] {
            let stem = Path::new(src).file_stem().unwrap().to_str().unwrap();
            let s = d.join(format!("{stem}{opt}.s"));
            run(Command::new("gcc").args([opt, "-w", "-S", "-o"]).arg(&s).arg(repo(src)));
            let (k, g) = (d.join(format!("{stem}{opt}.k.o")), d.join(format!("{stem}{opt}.g.o")));
            run(Command::new(KIT).arg("as").arg(&s).arg("-o").arg(&k));
            run(Command::new("as").arg(&s).arg("-o").arg(&g));
            assert_eq!(disassembly(&k), disassembly(&g), "{src} {opt}: instructions differ");
            let (rk, rg) = (relocations(&k), relocations(&g));
            for (at, want) in &rg {
                if at.0 == ".rela.eh_frame" {
                    continue;
                }
                assert_eq!(rk.get(at), Some(want), "{src} {opt}: relocation at {at:?}");
            }
            assert_eq!(rk.len(), rg.len(), "{src} {opt}: relocation count");
            assert_eq!(frames(&k), frames(&g), "{src} {opt}: .eh_frame differs");
        }
    }
}

/// `gcc -g -S` output: kit as writes the line table from `.file`/`.loc`
/// (views included) and it decodes as GNU as's does; the debug info gcc
/// wrote, with its references to line-table labels and views, matches too.
#[test]
fn gcc_debug_output_gets_gnu_as_line_tables() {
    if !common::have("gcc") || !common::have("as") || !common::have("readelf") {
        return;
    }
    let d = tmp("debug");
    for src in SOURCES {
        for opt in ["-O0", "-O2"] {
            let stem = Path::new(src).file_stem().unwrap().to_str().unwrap();
            let s = d.join(format!("{stem}{opt}.s"));
            run(Command::new("gcc").args(["-g", opt, "-w", "-S", "-o"]).arg(&s).arg(repo(src)));
            let (k, g) = (d.join(format!("{stem}{opt}.k.o")), d.join(format!("{stem}{opt}.g.o")));
            run(Command::new(KIT).arg("as").arg(&s).arg("-o").arg(&k));
            run(Command::new("as").arg(&s).arg("-o").arg(&g));
            assert_eq!(disassembly(&k), disassembly(&g), "{src} -g {opt}: instructions differ");
            for dump in ["--debug-dump=decodedline", "--debug-dump=info", "--debug-dump=loc"] {
                let out = |o: &Path| text(Command::new("readelf").arg(dump).arg(o)).lines().skip(2).collect::<Vec<_>>().join("\n");
                assert_eq!(out(&k), out(&g), "{src} -g {opt}: readelf {dump} differs");
            }
        }
    }
}

/// `kit install DIR` links `as`: gcc with DIR first on PATH assembles
/// through kit as (`-v` shows it), `-g` flags included.
#[test]
fn gcc_assembles_with_installed_kit_as() {
    if !common::have("gcc") || !common::have("objdump") {
        return;
    }
    let d = tmp("install");
    let bin = d.join("bin");
    run(Command::new(KIT).arg("install").arg(&bin));
    assert!(bin.join("as").exists(), "kit install made no as");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let src = repo("tests/programs/features.c");
    let k = d.join("k.o");
    let out = run(Command::new("gcc").env("PATH", &path).args(["-v", "-g", "-O2", "-w", "-c"]).arg(&src).arg("-o").arg(&k));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kit as"), "gcc did not run kit as");
    let g = d.join("g.o");
    run(Command::new("gcc").args(["-g", "-O2", "-w", "-c"]).arg(&src).arg("-o").arg(&g));
    assert_eq!(disassembly(&k), disassembly(&g));
}

/// `gcc -masm=intel -S` output (`.intel_syntax noprefix`) assembles to GNU
/// as's instructions. Symbol annotations are left out of the comparison:
/// GNU as keeps `.L` symbols used in Intel memory operands in the symbol
/// table, kit as (like GNU as in AT&T mode) does not.
#[test]
fn intel_syntax_assembles_as_gnu_as_does() {
    if !common::have("gcc") || !common::have("as") || !common::have("objdump") {
        return;
    }
    let d = tmp("intel");
    let plain = |o: &Path| {
        let text = text(Command::new("objdump").args(["-d", "--no-show-raw-insn"]).arg(o));
        text.lines().skip(2).map(|l| l.split(" <").next().unwrap_or(l).trim_end().to_string()).collect::<Vec<_>>().join("\n")
    };
    for src in SOURCES {
        for opt in ["-O0", "-O2"] {
            let stem = Path::new(src).file_stem().unwrap().to_str().unwrap();
            let s = d.join(format!("{stem}{opt}.s"));
            run(Command::new("gcc").args(["-masm=intel", opt, "-w", "-S", "-o"]).arg(&s).arg(repo(src)));
            let (k, g) = (d.join(format!("{stem}{opt}.k.o")), d.join(format!("{stem}{opt}.g.o")));
            run(Command::new(KIT).arg("as").arg(&s).arg("-o").arg(&k));
            run(Command::new("as").arg(&s).arg("-o").arg(&g));
            assert_eq!(plain(&k), plain(&g), "{src} -masm=intel {opt}: instructions differ");
        }
    }
}

/// Forms gcc's output rarely uses but headers and hand-written assembly
/// do: crc32's source-sized suffixes, the implicit %xmm0 written out.
#[test]
fn hand_written_forms_encode_as_gnu_as_does() {
    if !common::have("as") || !common::have("objdump") {
        return;
    }
    let d = tmp("forms");
    let s = d.join("forms.s");
    let lines = [
        "crc32b %cl, %eax",
        "crc32w %cx, %eax",
        "crc32l %ecx, %eax",
        "crc32q %rcx, %rax",
        "crc32b (%rax), %eax",
        "crc32w 8(%rsp), %eax",
        "crc32b %cl, %rax",
        "crc32l (%rdi), %eax",
        "sha256rnds2 %xmm0, %xmm2, %xmm1",
        "sha256rnds2 %xmm2, %xmm1",
        "blendvps %xmm0, %xmm3, %xmm4",
        "pblendvb %xmm0, (%rax), %xmm4",
    ];
    std::fs::write(&s, lines.join("\n") + "\n").unwrap();
    let (k, g) = (d.join("k.o"), d.join("g.o"));
    let out = run(Command::new(KIT).arg("as").arg(&s).arg("-o").arg(&k));
    assert!(out.status.success(), "kit as: {}", String::from_utf8_lossy(&out.stderr));
    run(Command::new("as").arg(&s).arg("-o").arg(&g));
    assert_eq!(disassembly(&k), disassembly(&g));
}

/// Macros, repetitions, conditionals, `.include` and `.incbin` give GNU
/// as's bytes; unclosed blocks and runaway macros are errors.
#[test]
fn macros_and_conditionals_expand_as_gnu_as_does() {
    if !common::have("as") || !common::have("objdump") {
        return;
    }
    let d = tmp("macros");
    for f in ["macros.s", "macros-inc.s"] {
        std::fs::copy(repo(&format!("tests/asm/{f}")), d.join(f)).unwrap();
    }
    std::fs::write(d.join("macros.bin"), b"ABCDEFGHIJ").unwrap();
    let (k, g) = (d.join("k.o"), d.join("g.o"));
    let out = run(Command::new(KIT).arg("as").arg("macros.s").arg("-o").arg(&k).current_dir(&d));
    assert!(out.status.success(), "kit as: {}", String::from_utf8_lossy(&out.stderr));
    run(Command::new("as").arg("macros.s").arg("-o").arg(&g).current_dir(&d));
    assert_eq!(disassembly(&k), disassembly(&g));
    let data = |o: &Path| text(Command::new("objdump").args(["-s", "-j", ".data"]).arg(o)).lines().skip(3).collect::<Vec<_>>().join("\n");
    assert_eq!(data(&k), data(&g));
    for (src, want) in [
        (".if 1\nnop\n", "'.if' without '.endif'"),
        (".macro m\nm\n.endm\nm\n", "nested too deeply"),
        (".rept 2\nnop\n", "without '.endm'/'.endr'"),
        (".endif\n", "'.endif' without '.if'"),
        (".error \"stop here\"\n", "stop here"),
    ] {
        let s = d.join("bad.s");
        std::fs::write(&s, src).unwrap();
        let out = Command::new(KIT).arg("as").arg(&s).arg("-o").arg(d.join("bad.o")).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(want), "{src:?}: {err}");
        assert!(!d.join("bad.o").exists(), "{src:?} left an object");
    }
}

/// features.c (threads, TLS, setjmp, constructors) from `gcc -S -O2`,
/// assembled and linked by `kit cc`, prints what gcc's build prints.
#[test]
fn programs_from_kit_as_run_as_gccs() {
    if !common::have("gcc") {
        return;
    }
    let d = tmp("run");
    let mut asm = Vec::new();
    for src in ["tests/programs/features.c", "tests/programs/features-lib.c"] {
        let s = d.join(format!("{}.s", Path::new(src).file_stem().unwrap().to_str().unwrap()));
        run(Command::new("gcc").args(["-O2", "-w", "-S", "-o"]).arg(&s).arg(repo(src)));
        asm.push(s);
    }
    run(Command::new(KIT).arg("cc").args(&asm).arg("-o").arg(d.join("kit-as")).arg("-lpthread"));
    run(Command::new("gcc")
        .args(["-O2", "-w"])
        .arg(repo("tests/programs/features.c"))
        .arg(repo("tests/programs/features-lib.c"))
        .arg("-o")
        .arg(d.join("gcc"))
        .arg("-lpthread"));
    // features.c exits with status 3.
    let got = Command::new(d.join("kit-as")).arg("hello").output().unwrap();
    let want = Command::new(d.join("gcc")).arg("hello").output().unwrap();
    assert_eq!((got.status.code(), got.stdout), (want.status.code(), want.stdout));
}

/// Bad input: every error with its line, exit status 1, no object left.
#[test]
fn errors_name_the_line_and_leave_no_object() {
    let d = tmp("errors");
    let s = d.join("bad.s");
    std::fs::write(&s, "\t.text\nf:\n\tmovl %eax\n\tfrobnicate %eax\n\tmovl $1, %eax\n\t.bogus 3\n").unwrap();
    let out = d.join("bad.o");
    let o = Command::new(KIT).arg("as").arg(&s).arg("-o").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.s:3: error: invalid operands for 'movl'"), "{err}");
    assert!(err.contains("bad.s:4: error: unknown instruction 'frobnicate'"), "{err}");
    assert!(err.contains("bad.s:6: error: unknown or unsupported directive '.bogus'"), "{err}");
    assert!(!out.exists());
}
