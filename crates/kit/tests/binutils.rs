//! `kit ar`, `kit ranlib` and `kit nm` against GNU binutils on objects gcc
//! builds here: archives byte for byte, listings and symbol tables text for
//! text. Skipped (with a message) where gcc or binutils is missing.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const KIT: &str = env!("CARGO_BIN_EXE_kit");

/// Statics, initialised and zero globals, commons (-fcommon), weak
/// definitions and references, thread-locals, read-only data and an
/// undefined function.
const A_C: &str = r#"
static int s_init = 1;
static int s_zero;
int g_init = 2;
int g_bss = 0;
int com_x;
int com_big[100];
__attribute__((weak)) int w_data = 3;
__attribute__((weak)) void w_func(void) {}
extern void w_undef(void) __attribute__((weak));
__thread int tls_init = 4;
__thread int tls_zero;
static __thread int tls_static;
const int ro_const = 5;
static const char ro_str[] = "hello";
extern int ext_func(int);
static int helper(int x) { return ext_func(x) + s_init + s_zero + tls_static; }
int api(int x) { if (w_undef) w_undef(); return helper(x) + ro_str[x] + com_big[x]; }
"#;

/// A member name over 15 bytes, and a local that repeats one in a.c.
const LONG_C: &str = "static int s_zero; int long_named(void) { return 7 + s_zero; }\n";

/// A GNU indirect function.
const IFUNC_C: &str = r#"
static int impl(void) { return 1; }
static void *resolve(void) { return (void *)impl; }
int chosen(void) __attribute__((ifunc("resolve")));
"#;

const MAIN_C: &str = r#"
int api(int); int chosen(void);
int ext_func(int x) { return x; }
int main(void) { return api(1) + chosen() - 'e' - 11; }
"#;

const LONG_O: &str = "a_long_member_name.o";

/// The objects, a text file and a linked program, built once. `None`
/// (after a printed reason) when gcc or binutils is missing.
fn fixture() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        for tool in ["gcc", "ar", "nm"] {
            if !common::have(tool) {
                return None;
            }
        }
        let d = std::env::temp_dir().join(format!("kit-binutils-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        for (name, src) in [("a.c", A_C), ("long.c", LONG_C), ("ifunc.c", IFUNC_C), ("main.c", MAIN_C)] {
            std::fs::write(d.join(name), src).unwrap();
        }
        std::fs::write(d.join("notes.txt"), "not an object\n").unwrap();
        let gcc = |args: &[&str]| {
            let out = Command::new("gcc").current_dir(&d).args(args).output().unwrap();
            assert!(out.status.success(), "gcc {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        };
        gcc(&["-c", "-O1", "-fcommon", "a.c", "-o", "a.o"]);
        gcc(&["-c", "long.c", "-o", LONG_O]);
        gcc(&["-c", "-fPIC", "ifunc.c", "-o", "ifunc.o"]);
        gcc(&["main.c", "a.o", "ifunc.o", "-o", "prog"]);
        Some(d)
    })
    .as_deref()
}

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
    String::from_utf8(out.stdout).unwrap()
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const MEMBERS: [&str; 4] = ["a.o", LONG_O, "ifunc.o", "notes.txt"];

#[test]
fn archives_match_gnu_ar_byte_for_byte() {
    let Some(d) = fixture() else { return };
    let _ = std::fs::remove_file(d.join("gnu.a"));
    ok(run(d, "ar", &[&["rcsD", "gnu.a"][..], &MEMBERS].concat()), "ar rcsD");
    for (key, out) in [("rcs", "k1.a"), ("-rcs", "k2.a"), ("rc", "k3.a")] {
        let _ = std::fs::remove_file(d.join(out));
        ok(kit(d, "ar", &[&[key, out][..], &MEMBERS].concat()), "kit ar");
        assert!(read(d, out) == read(d, "gnu.a"), "kit ar {key} differs from ar rcsD");
    }

    // q without an index, then ranlib / `ar s`, gives the same archive.
    for (fix, out) in [(&["ranlib"][..], "q1.a"), (&["ar", "s"][..], "q2.a")] {
        let _ = std::fs::remove_file(d.join(out));
        ok(kit(d, "ar", &[&["qS", out][..], &MEMBERS].concat()), "kit ar qS");
        assert!(read(d, out) != read(d, "gnu.a"));
        ok(kit(d, fix[0], &[&fix[1..], &[out][..]].concat()), "kit ranlib");
        assert!(read(d, out) == read(d, "gnu.a"), "{fix:?} differs from ar rcsD");
    }

    // Replace in place, append, delete: same as GNU ar on a copy.
    std::fs::copy(d.join("gnu.a"), d.join("gnu2.a")).unwrap();
    std::fs::copy(d.join("gnu.a"), d.join("k4.a")).unwrap();
    for (tool_args, what) in [(&["rD", "gnu2.a", "a.o", "main.c"][..], "r"), (&["dD", "gnu2.a", LONG_O][..], "d")] {
        ok(run(d, "ar", tool_args), what);
        let mut kargs = tool_args.to_vec();
        kargs[0] = &what[..1];
        kargs[1] = "k4.a";
        ok(kit(d, "ar", &kargs), what);
        assert!(read(d, "k4.a") == read(d, "gnu2.a"), "kit ar {what} differs from GNU ar");
    }
}

#[test]
fn ar_lists_and_extracts() {
    let Some(d) = fixture() else { return };
    let _ = std::fs::remove_file(d.join("lx.a"));
    ok(kit(d, "ar", &[&["rcs", "lx.a"][..], &MEMBERS].concat()), "kit ar");
    for key in ["t", "tv"] {
        assert_eq!(ok(kit(d, "ar", &[key, "lx.a"]), "kit ar t"), ok(run(d, "ar", &[key, "lx.a"]), "ar t"), "ar {key}");
    }
    let x = d.join("extract");
    let _ = std::fs::remove_dir_all(&x);
    std::fs::create_dir_all(&x).unwrap();
    let out = ok(kit(&x, "ar", &["xv", "../lx.a"]), "kit ar xv");
    assert_eq!(out, MEMBERS.iter().map(|m| format!("x - {m}\n")).collect::<String>());
    for m in MEMBERS {
        assert!(read(&x, m) == read(d, m), "extracted {m} differs");
    }
    let out = kit(&x, "ar", &["x", "../lx.a", "missing.o"]);
    assert!(!out.status.success());
}

/// `kit nm ARGS` prints what `nm ARGS` prints.
fn same_nm(d: &Path, args: &[&str]) {
    let gnu = run(d, "nm", args);
    let mine = kit(d, "nm", args);
    let (g, k) = (String::from_utf8_lossy(&gnu.stdout), String::from_utf8_lossy(&mine.stdout));
    if g != k {
        let diff: Vec<_> = g.lines().zip(k.lines()).filter(|(a, b)| a != b).take(5).collect();
        panic!("nm {args:?}: {} vs {} lines; first differences (gnu, kit): {diff:#?}", g.lines().count(), k.lines().count());
    }
    assert_eq!(gnu.status.success(), mine.status.success(), "nm {args:?} exit status");
}

#[test]
fn nm_matches_gnu_nm() {
    let Some(d) = fixture() else { return };
    let _ = std::fs::remove_file(d.join("nm.a"));
    ok(run(d, "ar", &["rcsD", "nm.a", "a.o", LONG_O, "ifunc.o"]), "ar");
    let option_sets: [&[&str]; 12] = [
        &[],
        &["-n"],
        &["-p"],
        &["-r"],
        &["-g"],
        &["-u"],
        &["-S"],
        &["--size-sort"],
        &["-g", "-S", "--size-sort"],
        &["-g", "-u"],
        &["-A"],
        &["--defined-only", "-n", "-r"],
    ];
    for opts in option_sets {
        for file in ["a.o", "nm.a", "prog"] {
            same_nm(d, &[opts, &[file]].concat());
        }
    }
    same_nm(d, &["a.o", "nm.a", "ifunc.o"]);
    same_nm(d, &["-o", "a.o", "nm.a"]);
    same_nm(d, &["-D", "prog"]);
}

#[test]
fn nm_dynamic_libc() {
    let Some(d) = fixture() else { return };
    let libc = "/lib/x86_64-linux-gnu/libc.so.6";
    if !Path::new(libc).exists() {
        assert!(std::env::var_os("CI").is_none(), "{libc} is required when CI is set");
        eprintln!("skipping nm -D libc: {libc} does not exist");
        return;
    }
    same_nm(d, &["-D", libc]);
    same_nm(d, &["-D", "-n", "-S", libc]);
    same_nm(d, &["-D", "--size-sort", "-g", libc]);
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let d = std::env::temp_dir().join(format!("kit-binutils-bad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
    elf.resize(64, 0xee);
    let mut short_archive = b"!<arch>\na.o/            0           0     0     644     9999      `\nxx".to_vec();
    std::fs::write(d.join("garbage.o"), b"this is not an object file").unwrap();
    std::fs::write(d.join("trunc.o"), &elf).unwrap();
    std::fs::write(d.join("trunc.a"), &short_archive).unwrap();
    short_archive.truncate(30);
    std::fs::write(d.join("header.a"), &short_archive).unwrap();
    if let Some(f) = fixture() {
        // A real object cut short at several points.
        let a = read(f, "a.o");
        for (i, cut) in [a.len() / 2, a.len() - 7, 100].into_iter().enumerate() {
            std::fs::write(d.join(format!("cut{i}.o")), &a[..cut]).unwrap();
        }
    }
    for name in ["missing.o", "garbage.o", "trunc.o", "trunc.a", "header.a", "cut0.o", "cut1.o", "cut2.o"] {
        if name.starts_with("cut") && !d.join(name).exists() {
            continue;
        }
        let out = kit(&d, "nm", &[name]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains("kit nm: ") && err.contains(name), "nm {name}: {err}");
    }
    let err = String::from_utf8_lossy(&kit(&d, "nm", &["missing.o"]).stderr).into_owned();
    assert_eq!(err, "kit nm: 'missing.o': No such file\n");
    for name in ["trunc.a", "header.a", "garbage.o"] {
        let out = kit(&d, "ar", &["t", name]);
        assert!(!out.status.success(), "ar t {name} succeeded");
    }
    // An archive whose ELF member is malformed cannot be indexed.
    let out = kit(&d, "ar", &["rcs", "bad.a", "trunc.o"]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("trunc.o"));
    assert!(!d.join("bad.a").exists());
    let out = kit(&d, "ar", &["rcs", "none.a", "missing.o"]);
    assert!(!out.status.success() && !d.join("none.a").exists());
}
