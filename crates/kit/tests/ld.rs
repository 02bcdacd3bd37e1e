//! `kit ld` and `kit cc -o`: programs linked by kit run and print what they
//! should, in every output kind; interop with gcc's objects both ways; link
//! errors name the symbol and the objects; bad inputs give errors, never a
//! panic, and leave no output file behind.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KIT: &str = env!("CARGO_BIN_EXE_kit");

const MAIN_C: &str = r#"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
extern int lib_counter;
extern __thread int lib_tls;
int lib_add(int, int);
const char *lib_name(void);
static int seen;
__attribute__((constructor)) static void ctor(void) { seen = 7; }
static void bye(void) { puts("bye"); }
int main(int argc, char **argv) {
    atexit(bye);
    int (*f)(int, int) = lib_add;
    lib_tls += 2;
    lib_counter += f(40, 2);
    char buf[32];
    snprintf(buf, sizeof buf, "%s:%d:%d:%d", lib_name(), lib_counter, lib_tls, seen);
    puts(buf);
    return strlen(buf) == 0;
}
"#;

const LIB_C: &str = r#"
int lib_counter = 100;
__thread int lib_tls = 5;
static const char *names[] = { "kit", "ld" };
int lib_add(int a, int b) { return a + b; }
const char *lib_name(void) { return names[lib_counter > 0]; }
"#;

const WANT: &str = "ld:142:7:7\nbye\n";

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kit-ld-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

fn ok(cmd: &mut Command) -> Output {
    let o = run(cmd);
    assert!(o.status.success(), "{cmd:?} failed:\n{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    o
}

fn kit(dir: &Path, args: &[&str]) -> Output {
    run(Command::new(KIT).args(args).current_dir(dir))
}

fn has_gcc() -> bool {
    let found = Command::new("gcc").arg("--version").output().is_ok_and(|o| o.status.success());
    // A skip is fine on a developer's machine; in CI it would hide a failure.
    assert!(found || std::env::var_os("CI").is_none(), "{} is required when CI is set", "gcc");
    found
}

fn write_sources(dir: &Path) {
    std::fs::write(dir.join("main.c"), MAIN_C).unwrap();
    std::fs::write(dir.join("lib.c"), LIB_C).unwrap();
}

fn stdout_of(exe: &Path) -> String {
    String::from_utf8_lossy(&ok(&mut Command::new(exe)).stdout).into_owned()
}

#[test]
fn every_output_kind_runs() {
    let d = tmp("kinds");
    write_sources(&d);
    for (flags, exe) in [(&[][..], "pie"), (&["-no-pie"][..], "nopie"), (&["-static"][..], "static")] {
        let mut args = vec!["cc", "-w", "main.c", "lib.c", "-o", exe];
        args.extend(flags);
        let o = kit(&d, &args);
        assert!(o.status.success(), "kit cc {flags:?}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(stdout_of(&d.join(exe)), WANT, "{exe}");
    }
    // The library as a shared object the program links against.
    let o = kit(&d, &["cc", "-shared", "-fPIC", "lib.c", "-o", "libt.so"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rpath = format!("-Wl,-rpath,{}", d.display());
    let o = kit(&d, &["cc", "main.c", "-L.", "-lt", &rpath, "-o", "shared"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout_of(&d.join("shared")), WANT);
}

#[test]
fn interop_with_gcc_objects() {
    if !has_gcc() {
        eprintln!("skipped: gcc is not installed");
        return;
    }
    let d = tmp("interop");
    write_sources(&d);
    // gcc compiles, kit links (PIE and non-PIE code: copy relocations).
    ok(Command::new("gcc").args(["-c", "main.c", "lib.c"]).current_dir(&d));
    ok(Command::new("gcc").args(["-c", "-fno-pic", "main.c", "-o", "main-nopic.o"]).current_dir(&d));
    let o = kit(&d, &["cc", "main.o", "lib.o", "-o", "g1"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout_of(&d.join("g1")), WANT);
    ok(Command::new("gcc").args(["-shared", "-fPIC", "lib.c", "-o", "libg.so"]).current_dir(&d));
    let rpath = format!("-Wl,-rpath,{}", d.display());
    let o = kit(&d, &["cc", "-no-pie", "main-nopic.o", "-L.", "-lg", &rpath, "-o", "g2"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout_of(&d.join("g2")), WANT);
    // A copied variable with aliases in libc: libc must use the copy too.
    std::fs::write(
        d.join("env.c"),
        "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nextern char **environ;\nint main(void) { setenv(\"KIT_V\", \"yes\", 1); int n = 0; for (char **e = environ; *e; e++) n += !strncmp(*e, \"KIT_V=\", 6); printf(\"%s %d\\n\", getenv(\"KIT_V\"), n); return 0; }\n",
    )
    .unwrap();
    ok(Command::new("gcc").args(["-c", "-fno-pic", "env.c"]).current_dir(&d));
    let o = kit(&d, &["cc", "-no-pie", "env.o", "-o", "env"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout_of(&d.join("env")), "yes 1\n");
    // gcc's -fPIC thread-local code (general and local dynamic) in a PIE
    // and in a static executable, where it must be rewritten to local-exec.
    std::fs::write(
        d.join("tls.c"),
        "#include <stdio.h>\nstatic __thread int a = 1, b = 2;\n__thread int x = 10;\nint get(void) { return a + b + x; }\nint main(void) { a += 100; x += 1000; printf(\"%d\\n\", get()); return 0; }\n",
    )
    .unwrap();
    ok(Command::new("gcc").args(["-c", "-fPIC", "-O1", "tls.c"]).current_dir(&d));
    for (flag, exe) in [("-pie", "tls-pie"), ("-static", "tls-static")] {
        let o = kit(&d, &["cc", flag, "tls.o", "-o", exe]);
        assert!(o.status.success(), "{flag}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(stdout_of(&d.join(exe)), "1113\n", "{exe}");
    }
    // kit compiles, gcc links.
    let o = kit(&d, &["cc", "-c", "main.c", "-o", "km.o"]);
    assert!(o.status.success());
    ok(Command::new("gcc").args(["km.o", "lib.o", "-o", "g3"]).current_dir(&d));
    assert_eq!(stdout_of(&d.join("g3")), WANT);
    // An archive: only the members needed are linked.
    ok(Command::new("ar").args(["rcs", "libx.a", "lib.o"]).current_dir(&d));
    let o = kit(&d, &["cc", "main.c", "libx.a", "-o", "g4"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout_of(&d.join("g4")), WANT);
}

#[test]
fn link_errors_name_symbols_and_objects() {
    let d = tmp("errors");
    std::fs::write(d.join("a.c"), "int twice(void) { return 1; } int missing(void); int main(void) { return missing(); }\n").unwrap();
    std::fs::write(d.join("b.c"), "int twice(void) { return 2; }\n").unwrap();
    let o = kit(&d, &["cc", "a.c", "-o", "out"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("undefined reference to 'missing'") && err.contains("a.c"), "{err}");
    assert!(!d.join("out").exists(), "a failed link left an output file");
    let o = kit(&d, &["cc", "a.c", "b.c", "-o", "out"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("multiple definition of 'twice'") && err.contains("a.c") && err.contains("b.c"), "{err}");
    assert!(!d.join("out").exists());
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let d = tmp("bad");
    std::fs::write(d.join("m.c"), "int main(void) { return 0; }\n").unwrap();
    assert!(kit(&d, &["cc", "-c", "m.c", "-o", "m.o"]).status.success());
    let good = std::fs::read(d.join("m.o")).unwrap();
    std::fs::write(d.join("garbage.o"), b"\x7fELF\x02\x01\x01garbage").unwrap();
    std::fs::write(d.join("trunc.o"), &good[..good.len() / 3]).unwrap();
    std::fs::write(d.join("trunc.a"), b"!<arch>\nx.o/            0           0     0     644     99999     `\nabc").unwrap();
    std::fs::write(d.join("text.o"), "SECTIONS { }").unwrap();
    for bad in ["garbage.o", "trunc.o", "trunc.a", "text.o", "missing.o"] {
        std::fs::write(d.join("out"), b"old").unwrap();
        let o = kit(&d, &["ld", "m.o", bad, "-o", "out"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{bad}: {err}");
        assert!(err.contains(bad) && !err.contains("panicked"), "{bad}: {err}");
        assert_eq!(std::fs::read(d.join("out")).unwrap(), b"old", "{bad}: the old output was replaced");
    }
    let o = kit(&d, &["ld", "--no-such-option", "m.o"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--no-such-option"));
}

#[test]
fn gc_sections_drops_unreferenced_code_and_data() {
    if !has_gcc() {
        eprintln!("skipped: gcc is not installed");
        return;
    }
    let d = tmp("gc");
    std::fs::write(
        d.join("gc.c"),
        "#include <stdio.h>\nint unused_fn(int x) { return x * 3; }\nint used_fn(int x) { return x + 1; }\nint unused_data[1000] = {1};\nint main(void) { printf(\"%d\\n\", used_fn(41)); return 0; }\n",
    )
    .unwrap();
    ok(Command::new("gcc").args(["-ffunction-sections", "-fdata-sections", "-c", "gc.c"]).current_dir(&d));
    let o = kit(&d, &["cc", "gc.o", "-Wl,--gc-sections", "-Wl,-Map,gc.map", "-o", "gc"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout_of(&d.join("gc")), "42\n");
    let syms = String::from_utf8_lossy(&kit(&d, &["nm", "gc"]).stdout).into_owned();
    assert!(syms.contains("used_fn") && !syms.contains("unused_fn") && !syms.contains("unused_data"), "{syms}");
    let map = std::fs::read_to_string(d.join("gc.map")).unwrap();
    assert!(map.contains(".text") && map.contains("gc.o"), "{map}");
}

#[test]
fn linker_script_sections_and_symbols() {
    let d = tmp("script");
    std::fs::write(
        d.join("ts.c"),
        r#"#include <stdio.h>
extern char __my_text_end[], data_begin[], data_end[];
extern long answer[];
__attribute__((section("mytable"), used)) static int table[] = { 10, 20, 30 };
extern int __start_mytable[], __stop_mytable[];
int counter = 5;
int main(void) {
    int n = __stop_mytable - __start_mytable;
    printf("%d %d %d %d\n", n, data_end > data_begin, (long)answer == 42, __my_text_end != 0);
    return 0;
}
"#,
    )
    .unwrap();
    std::fs::write(
        d.join("ts.ld"),
        "ENTRY(_start)\nSECTIONS {\n  .text : { *(.text .text.*) }\n  __my_text_end = .;\n  mytable : { KEEP(*(mytable)) }\n  .data : { data_begin = .; *(.data .data.*) PROVIDE(data_end = .); }\n  /DISCARD/ : { *(.comment) }\n}\nPROVIDE(answer = 40 + 2);\n",
    )
    .unwrap();
    for (flag, exe) in [("-pie", "ts-pie"), ("-no-pie", "ts-exec")] {
        let o = kit(&d, &["cc", flag, "ts.c", "-Wl,-T,ts.ld", "-o", exe]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(stdout_of(&d.join(exe)), "3 1 1 1\n", "{exe}");
    }
    std::fs::write(d.join("bad.ld"), "MEMORY { rom : ORIGIN = 0 }\n").unwrap();
    let o = kit(&d, &["cc", "ts.c", "-Wl,-T,bad.ld", "-o", "bad"]);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("MEMORY"));
}
