//! `kit ld` and `kit cc -o`: programs linked by kit run and print what they
//! should, in every output kind; interop with gcc's objects both ways; link
//! errors name the symbol and the objects; bad inputs give errors, never a
//! panic, and leave no output file behind; shared-library options (version
//! scripts, -Bsymbolic, dynamic lists, --exclude-libs, undefined symbols)
//! behave as GNU ld's, checked with readelf and by running programs.

mod common;

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
    if !common::have("gcc") {
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
    if !common::have("gcc") {
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

const VLIB_C: &str = "int foo(void) { return 1; }\nint bar(void) { return 2; }\nint helper(void) { return 3; }\nint data_v = 5;\n";
const VMAP: &str = "/* comment */\nVERS_1.0 { global: foo; data_*; # rest of line\n  local: *; };\nVERS_2.0 { global: bar; extern \"C\" { baz; }; } VERS_1.0;\n";
const VMAIN_C: &str = r#"#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
int foo(void); int bar(void); extern int data_v;
int main(int argc, char **argv) {
    void *h = dlopen(argv[1], RTLD_NOW);
    int (*b2)(void) = h ? (int (*)(void))dlvsym(h, "bar", "VERS_2.0") : 0;
    int (*b1)(void) = h ? (int (*)(void))dlvsym(h, "bar", "VERS_1.0") : 0;
    printf("%d %d %d %d %d %d\n", foo(), bar(), data_v, b2 ? b2() : -1, b1 == 0, h && dlsym(h, "helper") == 0);
    return 0;
}
"#;

fn readelf(dir: &Path, args: &[&str]) -> String {
    String::from_utf8_lossy(&ok(Command::new("readelf").args(args).current_dir(dir)).stdout).into_owned()
}

/// The defined dynamic symbols as readelf names them (`foo@@VERS_1.0`), sorted.
fn defined_dynsyms(dir: &Path, file: &str) -> Vec<String> {
    let mut v: Vec<String> = readelf(dir, &["-W", "--dyn-syms", file])
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() >= 8 && f[0].ends_with(':') && f[6] != "UND" && f[6] != "Ndx").then(|| f[7].to_string())
        })
        .collect();
    v.sort();
    v
}

fn kit_ok(dir: &Path, args: &[&str]) {
    let o = kit(dir, args);
    assert!(o.status.success(), "kit {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn version_script_versions_hides_and_runs() {
    if !common::have("readelf") {
        return;
    }
    let d = tmp("vscript");
    std::fs::write(d.join("lib.c"), VLIB_C).unwrap();
    std::fs::write(d.join("v.map"), VMAP).unwrap();
    std::fs::write(d.join("main.c"), VMAIN_C).unwrap();
    kit_ok(&d, &["cc", "-shared", "-fPIC", "lib.c", "-Wl,--version-script=v.map", "-o", "libv.so"]);
    let syms = defined_dynsyms(&d, "libv.so");
    assert_eq!(syms, ["VERS_1.0", "VERS_2.0", "bar@@VERS_2.0", "data_v@@VERS_1.0", "foo@@VERS_1.0"]);
    let v = readelf(&d, &["-V", "libv.so"]);
    for want in [
        "Flags: BASE  Index: 1  Cnt: 1  Name: libv.so",
        "Index: 2  Cnt: 1  Name: VERS_1.0",
        "Index: 3  Cnt: 2  Name: VERS_2.0",
        "Parent 1: VERS_1.0",
    ] {
        assert!(v.contains(want), "no '{want}' in:\n{v}");
    }
    let dynamic = readelf(&d, &["-d", "libv.so"]);
    assert!(dynamic.contains("(VERDEF)") && dynamic.contains("(VERDEFNUM)") && dynamic.contains("(VERSYM)"), "{dynamic}");
    let nm = String::from_utf8_lossy(&kit(&d, &["nm", "-D", "libv.so"]).stdout).into_owned();
    assert!(nm.contains("foo@@VERS_1.0") && !nm.contains("helper"), "{nm}");
    // In .symtab the hidden definition is a local symbol.
    let nm = String::from_utf8_lossy(&kit(&d, &["nm", "libv.so"]).stdout).into_owned();
    assert!(nm.lines().any(|l| l.ends_with(" t helper")), "{nm}");
    // A program linked by kit needs the versions, and runs.
    let rpath = format!("-Wl,-rpath,{}", d.display());
    kit_ok(&d, &["cc", "main.c", "-L.", "-lv", &rpath, "-o", "main-kit"]);
    let needs = readelf(&d, &["-V", "main-kit"]);
    assert!(needs.contains("File: libv.so") && needs.contains("Name: VERS_2.0"), "{needs}");
    let lib = d.join("libv.so").display().to_string();
    let run_main = |exe: &str| String::from_utf8_lossy(&ok(Command::new(d.join(exe)).arg(&lib)).stdout).into_owned();
    assert_eq!(run_main("main-kit"), "1 2 5 2 1 1\n");
    if !common::have("gcc") {
        return;
    }
    // GNU ld gives the same symbols and versions, and the programs each
    // linker makes run against the other's library.
    ok(Command::new("gcc").args(["-shared", "-fPIC", "lib.c", "-Wl,--version-script=v.map", "-o", "libg.so"]).current_dir(&d));
    assert_eq!(defined_dynsyms(&d, "libg.so"), syms);
    ok(Command::new("gcc").args(["main.c", "-L.", "-lv", &rpath, "-o", "main-gcc"]).current_dir(&d));
    assert_eq!(run_main("main-gcc"), "1 2 5 2 1 1\n");
    std::fs::copy(d.join("libg.so"), d.join("libv.so")).unwrap();
    assert_eq!(run_main("main-kit"), "1 2 5 2 1 1\n");
}

/// `--default-symver` (jansson links with it): unversioned exports get a
/// version named after the soname, as GNU ld gives them.
#[test]
fn default_symver_versions_exports_by_soname() {
    if !common::have("readelf") {
        return;
    }
    let d = tmp("defsymver");
    std::fs::write(d.join("lib.c"), "int f(void) { return 1; }\nint g(void) { return 2; }\nint h(void) { return 3; }\n").unwrap();
    // libtool's -export-symbols adds an anonymous version script.
    std::fs::write(d.join("lib.map"), "{ global: f; g; local: *; };\n").unwrap();
    let plain = ["-shared", "-fPIC", "lib.c", "-Wl,--default-symver", "-Wl,-soname,libds.so.1", "-o"];
    let scripted = [&plain[..5], &["-Wl,--version-script=lib.map", "-o"]].concat();
    for (link, want) in [
        (&plain[..], &["f@@libds.so.1", "g@@libds.so.1", "h@@libds.so.1", "libds.so.1"][..]),
        (&scripted[..], &["f@@libds.so.1", "g@@libds.so.1", "libds.so.1"][..]),
    ] {
        kit_ok(&d, &[&["cc"][..], link, &["libk.so"]].concat());
        assert_eq!(defined_dynsyms(&d, "libk.so"), want, "kit cc {link:?}");
        if common::have("gcc") {
            ok(Command::new("gcc").args(link).arg("libg.so").current_dir(&d));
            assert_eq!(defined_dynsyms(&d, "libg.so"), want, "gcc {link:?}");
        }
    }
}

#[test]
fn symver_names_and_anonymous_scripts() {
    if !common::have("gcc") || !common::have("readelf") {
        return;
    }
    let d = tmp("symver");
    std::fs::write(
        d.join("sv.c"),
        "int old_f(void) { return 10; }\nint new_f(void) { return 20; }\nint other(void) { return 3; }\n\
         __asm__(\".symver old_f, f@V1\");\n__asm__(\".symver new_f, f@@V2\");\n",
    )
    .unwrap();
    std::fs::write(d.join("sv.map"), "V1 { global: other; };\nV2 { global: f; local: *; } V1;\n").unwrap();
    ok(Command::new("gcc").args(["-c", "-fPIC", "sv.c"]).current_dir(&d));
    kit_ok(&d, &["cc", "-shared", "sv.o", "-Wl,--version-script,sv.map", "-o", "libsv.so"]);
    ok(Command::new("gcc").args(["-shared", "sv.o", "-Wl,--version-script,sv.map", "-o", "libsvg.so"]).current_dir(&d));
    // `f@V1` is a non-default (hidden) version; old_f and new_f are local.
    let syms = defined_dynsyms(&d, "libsv.so");
    assert_eq!(syms, ["V1", "V2", "f@@V2", "f@V1", "other@@V1"]);
    assert_eq!(defined_dynsyms(&d, "libsvg.so"), syms);
    assert!(readelf(&d, &["-V", "libsv.so"]).contains("2h(V1)"));
    // A node's own `local:` hides a symbol `.symver` put in that node.
    std::fs::write(d.join("sv2.map"), "V1 { global: other; };\nV2 { local: *; } V1;\n").unwrap();
    kit_ok(&d, &["cc", "-shared", "sv.o", "-Wl,--version-script,sv2.map", "-o", "libsv2.so"]);
    ok(Command::new("gcc").args(["-shared", "sv.o", "-Wl,--version-script,sv2.map", "-o", "libsvg2.so"]).current_dir(&d));
    assert_eq!(defined_dynsyms(&d, "libsv2.so"), ["V1", "V2", "f@V1", "other@@V1"]);
    assert_eq!(defined_dynsyms(&d, "libsvg2.so"), defined_dynsyms(&d, "libsv2.so"));
    std::fs::write(
        d.join("dl.c"),
        "#define _GNU_SOURCE\n#include <dlfcn.h>\n#include <stdio.h>\nint main(int c, char **v) { void *h = dlopen(v[1], RTLD_NOW);\n\
         int (*a)(void) = (int (*)(void))dlvsym(h, \"f\", \"V1\"), (*b)(void) = (int (*)(void))dlvsym(h, \"f\", \"V2\"), (*x)(void) = (int (*)(void))dlsym(h, \"f\");\n\
         printf(\"%d %d %d\\n\", a(), b(), x()); return 0; }\n",
    )
    .unwrap();
    kit_ok(&d, &["cc", "dl.c", "-o", "dl"]);
    let out = ok(Command::new(d.join("dl")).arg(d.join("libsv.so")));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "10 20 20\n");
    // A version the script does not define is an error naming the symbol.
    std::fs::write(d.join("bad.map"), "V1 { global: *; };\n").unwrap();
    let o = kit(&d, &["cc", "-shared", "sv.o", "-Wl,--version-script=bad.map", "-o", "libbad.so"]);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("f@@V2"), "{}", String::from_utf8_lossy(&o.stderr));
    // An anonymous script hides without defining versions.
    std::fs::write(d.join("lib.c"), VLIB_C).unwrap();
    std::fs::write(d.join("anon.map"), "{ global: foo; b*; local: *; };\n").unwrap();
    kit_ok(&d, &["cc", "-shared", "-fPIC", "lib.c", "-Wl,--version-script=anon.map", "-o", "liba.so"]);
    assert_eq!(defined_dynsyms(&d, "liba.so"), ["bar", "foo"]);
    assert!(!readelf(&d, &["-V", "liba.so"]).contains("version_d"));
}

#[test]
fn undefined_symbols_in_shared_libraries() {
    let d = tmp("noundef");
    std::fs::write(d.join("u.c"), "int need_me(void);\nint uses(void) { return need_me(); }\n").unwrap();
    std::fs::write(d.join("um.c"), "int uses(void);\nint need_me(void) { return 0; }\nint main(void) { return uses(); }\n").unwrap();
    std::fs::write(d.join("um2.c"), "int uses(void);\nint main(void) { return uses(); }\n").unwrap();
    kit_ok(&d, &["cc", "-shared", "-fPIC", "u.c", "-o", "libu.so"]);
    for flag in ["-Wl,--no-undefined", "-Wl,-z,defs"] {
        let o = kit(&d, &["cc", "-shared", "-fPIC", "u.c", flag, "-o", "libu2.so"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success() && err.contains("undefined reference to 'need_me'") && err.contains("u.c"), "{flag}: {err}");
    }
    // The executable defines it: fine. Nothing defines it: an error, as
    // with GNU ld, unless --allow-shlib-undefined.
    let rpath = format!("-Wl,-rpath,{}", d.display());
    kit_ok(&d, &["cc", "um.c", "-L.", "-lu", &rpath, "-o", "um"]);
    ok(&mut Command::new(d.join("um")));
    let o = kit(&d, &["cc", "um2.c", "-L.", "-lu", "-o", "um2"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success() && err.contains("libu.so") && err.contains("'need_me'"), "{err}");
    kit_ok(&d, &["cc", "um2.c", "-L.", "-lu", "-Wl,--allow-shlib-undefined", "-o", "um2"]);
    kit_ok(&d, &["cc", "-shared", "-fPIC", "um2.c", "-L.", "-lu", "-o", "libum2.so"]);
    let o = kit(&d, &["cc", "-shared", "-fPIC", "um2.c", "-L.", "-lu", "-Wl,--no-allow-shlib-undefined", "-o", "libum2.so"]);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("'need_me'"));
}

#[test]
fn symbolic_binding_and_interposition() {
    let d = tmp("symbolic");
    std::fs::write(d.join("sym.c"), "int who(void) { return 1; }\nint data = 10;\nint call_who(void) { return who() * 100 + data; }\n")
        .unwrap();
    std::fs::write(
        d.join("main.c"),
        "#include <stdio.h>\nint call_who(void);\nint who(void) { return 2; }\nint data = 20;\nint main(void) { printf(\"%d\\n\", call_who()); return 0; }\n",
    )
    .unwrap();
    let rpath = format!("-Wl,-rpath,{}", d.display());
    kit_ok(&d, &["cc", "-shared", "-fPIC", "sym.c", "-o", "libsym.so"]);
    kit_ok(&d, &["cc", "main.c", "-L.", "-lsym", &rpath, "-o", "main"]);
    if common::have("gcc") {
        ok(Command::new("gcc").args(["main.c", "-L.", "-lsym", &rpath, "-o", "main-gcc"]).current_dir(&d));
    }
    // The executable's who and data interpose the library's unless the
    // library binds its own references.
    for (flag, want) in [(None, "220\n"), (Some("-Wl,-Bsymbolic"), "110\n"), (Some("-Wl,-Bsymbolic-functions"), "120\n")] {
        let mut args = vec!["cc", "-shared", "-fPIC", "sym.c", "-o", "libsym.so"];
        args.extend(flag);
        kit_ok(&d, &args);
        assert_eq!(stdout_of(&d.join("main")), want, "{flag:?}");
        if d.join("main-gcc").exists() {
            assert_eq!(stdout_of(&d.join("main-gcc")), want, "{flag:?}, gcc's program");
        }
        if common::have("readelf") {
            let dy = readelf(&d, &["-d", "libsym.so"]);
            assert_eq!(dy.contains("(SYMBOLIC)") && dy.contains("SYMBOLIC BIND_NOW"), flag == Some("-Wl,-Bsymbolic"), "{dy}");
        }
    }
    // A dynamic list keeps only the listed symbols interposable.
    std::fs::write(d.join("dyn.list"), "{ data; };\n").unwrap();
    kit_ok(&d, &["cc", "-shared", "-fPIC", "sym.c", "-Wl,--dynamic-list=dyn.list", "-o", "libsym.so"]);
    assert_eq!(stdout_of(&d.join("main")), "120\n");
}

#[test]
fn dynamic_list_and_exclude_libs() {
    let d = tmp("dynlist");
    std::fs::write(
        d.join("prog.c"),
        "#include <dlfcn.h>\n#include <stdio.h>\nint exported_fn(void) { return 7; }\nint private_fn(void) { return 8; }\n\
         int main(void) { void *h = dlopen(0, RTLD_NOW); printf(\"%d %d\\n\", dlsym(h, \"exported_fn\") != 0, dlsym(h, \"private_fn\") != 0); return 0; }\n",
    )
    .unwrap();
    std::fs::write(d.join("d.list"), "{ exported_*; };\n").unwrap();
    kit_ok(&d, &["cc", "prog.c", "-Wl,--dynamic-list,d.list", "-o", "prog"]);
    assert_eq!(stdout_of(&d.join("prog")), "1 0\n");
    kit_ok(&d, &["cc", "prog.c", "-o", "prog"]);
    assert_eq!(stdout_of(&d.join("prog")), "0 0\n");
    // Symbols from an excluded archive stay out of the library's exports.
    std::fs::write(d.join("z.c"), "int from_archive(void) { return 1; }\n").unwrap();
    std::fs::write(d.join("l.c"), "int from_archive(void);\nint lib_fn(void) { return from_archive(); }\n").unwrap();
    kit_ok(&d, &["cc", "-c", "-fPIC", "z.c", "-o", "z.o"]);
    kit_ok(&d, &["ar", "rcs", "libz.a", "z.o"]);
    let dynsyms = |lib: &str| String::from_utf8_lossy(&kit(&d, &["nm", "-D", lib]).stdout).into_owned();
    kit_ok(&d, &["cc", "-shared", "-fPIC", "l.c", "libz.a", "-o", "l1.so"]);
    assert!(dynsyms("l1.so").contains("from_archive"));
    for ex in ["ALL", "libz.a", "libq.a:libz.a"] {
        let flag = format!("-Wl,--exclude-libs,{ex}");
        kit_ok(&d, &["cc", "-shared", "-fPIC", "l.c", "libz.a", &flag, "-o", "l2.so"]);
        let s = dynsyms("l2.so");
        assert!(s.contains("lib_fn") && !s.contains("from_archive"), "{ex}: {s}");
    }
}

/// xz's liblzma, in small: C with `__attribute__((symver))` compiled by
/// kit, the old version on an alias, and another object's plain reference
/// to `get`, which only `get@@V2` defines.
const SV_LIB_C: &str = r#"
extern __attribute__((symver("get@V1"))) int get_1(int x) __attribute__((alias("get_2")));
int get_2(int x) __attribute__((symver("get@@V2")));
int get_2(int x) { return x + 52; }
int data_2 __attribute__((symver("data@@V2"))) = 7;
"#;
const SV_USE_C: &str = "int get(int);\nextern int data;\nint twice(int x) { return get(x) * 2 + data; }\n";
const SV_MAP: &str = "V1 { global: get; twice; local: *; };\nV2 { global: get; data; } V1;\n";
const SV_MAIN_C: &str = r#"#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
int get(int); int twice(int); extern int data;
int main(int argc, char **argv) {
    void *h = dlopen(argv[1], RTLD_NOW);
    int (*v1)(int) = h ? (int (*)(int))dlvsym(h, "get", "V1") : 0;
    int (*v2)(int) = h ? (int (*)(int))dlvsym(h, "get", "V2") : 0;
    printf("%d %d %d %d %d\n", get(1), twice(1), data, v1 ? v1(2) : -1, v2 ? v2(3) : -1);
    return 0;
}
"#;

#[test]
fn symver_attribute_library_binds_plain_references_to_the_default() {
    if !common::have("gcc") || !common::have("readelf") {
        return;
    }
    let d = tmp("symver-attr");
    for (f, text) in [("svlib.c", SV_LIB_C), ("svuse.c", SV_USE_C), ("sv.map", SV_MAP), ("main.c", SV_MAIN_C)] {
        std::fs::write(d.join(f), text).unwrap();
    }
    let lib_args = ["-shared", "-fPIC", "svlib.c", "svuse.c", "-Wl,--version-script=sv.map"];
    kit_ok(&d, &[&["cc"][..], &lib_args, &["-o", "libsv.so"]].concat());
    ok(Command::new("gcc").args(lib_args).args(["-o", "libsvg.so"]).current_dir(&d));
    // The exports and versions GNU ld gives.
    let syms = defined_dynsyms(&d, "libsv.so");
    assert_eq!(syms, ["V1", "V2", "data@@V2", "get@@V2", "get@V1", "twice@@V1"]);
    assert_eq!(defined_dynsyms(&d, "libsvg.so"), syms);
    // twice's call binds to get@@V2 (interposable, as GNU ld leaves it):
    // no undefined `get` is left for the loader.
    let dynsyms = readelf(&d, &["-W", "--dyn-syms", "libsv.so"]);
    assert!(
        !dynsyms
            .lines()
            .any(|l| l.contains(" UND ") && l.split_whitespace().last().is_some_and(|n| n.starts_with("get") || n.starts_with("data"))),
        "{dynsyms}"
    );
    let relocs = readelf(&d, &["-W", "-r", "libsv.so"]);
    assert!(relocs.contains("get@@V2") && relocs.contains("data@@V2"), "{relocs}");
    // A program linked by kit needs V2 and runs, against either library.
    let rpath = format!("-Wl,-rpath,{}", d.display());
    kit_ok(&d, &["cc", "main.c", "-L.", "-lsv", &rpath, "-o", "main"]);
    assert!(readelf(&d, &["-V", "main"]).contains("Name: V2"));
    let lib = d.join("libsv.so").display().to_string();
    let run_main = || String::from_utf8_lossy(&ok(Command::new(d.join("main")).arg(&lib)).stdout).into_owned();
    assert_eq!(run_main(), "53 113 7 54 55\n");
    std::fs::copy(d.join("libsvg.so"), d.join("libsv.so")).unwrap();
    assert_eq!(run_main(), "53 113 7 54 55\n");
    // From an archive, a member defining get@@V2 serves a reference to get.
    kit_ok(&d, &["cc", "-c", "svlib.c", "-o", "svlib.o"]);
    kit_ok(&d, &["ar", "rcs", "libsva.a", "svlib.o"]);
    std::fs::write(d.join("plain.c"), "#include <stdio.h>\nint get(int);\nint main(void) { printf(\"%d\\n\", get(1)); return 0; }\n")
        .unwrap();
    kit_ok(&d, &["cc", "plain.c", "libsva.a", "-o", "plain"]);
    assert_eq!(stdout_of(&d.join("plain")), "53\n");
    // A plain strong `get` besides get@@V2 is a multiple definition (GNU ld:
    // "multiple definition of `get'").
    std::fs::write(d.join("dup.c"), "int get(int x) { return x; }\n").unwrap();
    let o = kit(&d, &["cc", "plain.c", "dup.c", "svlib.o", "-o", "dup"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success() && err.contains("multiple definition of 'get'") && err.contains("get@@V2"), "{err}");
    // `-S` output assembles to the same versioned names.
    if common::have("as") {
        kit_ok(&d, &["cc", "-S", "svlib.c", "-o", "svlib.s"]);
        ok(Command::new("as").args(["svlib.s", "-o", "svlib-as.o"]).current_dir(&d));
        let s = readelf(&d, &["-sW", "svlib-as.o"]);
        for name in ["get@V1", "get@@V2", "data@@V2"] {
            assert!(s.lines().any(|l| l.contains(" GLOBAL ") && l.ends_with(&format!(" {name}"))), "no {name} in:\n{s}");
        }
    }
}

/// Top-level `__asm__(".symver ...")`, the older spelling of the symver
/// attribute, versions symbols the same way (it was skipped with a
/// warning, so such libraries silently lost their versions).
#[test]
fn top_level_symver_directives_version_symbols() {
    if !common::have("gcc") || !common::have("readelf") {
        return;
    }
    let d = tmp("symver-asm");
    std::fs::write(
        d.join("lib.c"),
        "int old_f(int x) { return x + 1; }\nint new_f(int x) { return x + 2; }\n\
         __asm__(\".symver old_f, f@V1\");\n__asm__(\".symver new_f, f@@V2\\n\");\n\
         int call_f(int x) { return new_f(x); }\n",
    )
    .unwrap();
    std::fs::write(d.join("v.map"), "V1 { global: f; local: *; };\nV2 { global: f; call_f; } V1;\n").unwrap();
    let lib_args = ["-shared", "-fPIC", "lib.c", "-Wl,--version-script=v.map"];
    kit_ok(&d, &[&["cc"][..], &lib_args, &["-o", "libk.so"]].concat());
    ok(Command::new("gcc").args(lib_args).args(["-o", "libg.so"]).current_dir(&d));
    let syms = defined_dynsyms(&d, "libk.so");
    assert_eq!(syms, ["V1", "V2", "call_f@@V2", "f@@V2", "f@V1"]);
    assert_eq!(defined_dynsyms(&d, "libg.so"), syms);
    // A directive without a versioned name is an error, not skipped.
    std::fs::write(d.join("bad.c"), "int g(void) { return 0; }\n__asm__(\".symver g\");\n").unwrap();
    let o = kit(&d, &["cc", "-c", "bad.c", "-o", "bad.o"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success() && err.contains(".symver"), "{err}");
}

/// A shared library without a soname is needed by the name it was linked
/// by, as GNU ld records it: the path as given on the command line, or the
/// file name `-l` found (cffi's embedding tests link modules by full path).
#[test]
fn libraries_without_soname_are_needed_by_the_name_given() {
    if !common::have("gcc") || !common::have("readelf") {
        return;
    }
    let d = tmp("nosoname");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    std::fs::write(d.join("sub/f.c"), "int f(void) { return 3; }\n").unwrap();
    std::fs::write(d.join("m.c"), "int f(void);\nint main(void) { return f(); }\n").unwrap();
    ok(Command::new("gcc").args(["-shared", "-fPIC", "sub/f.c", "-o", "sub/libnos.so"]).current_dir(&d));
    let full = d.join("sub/libnos.so").to_str().unwrap().to_string();
    for (how, args) in [("full path", vec![full.as_str()]), ("relative path", vec!["sub/libnos.so"]), ("-l", vec!["-Lsub", "-lnos"])] {
        ok(Command::new("gcc").arg("m.c").args(&args).args(["-o", "g"]).current_dir(&d));
        ok(Command::new(KIT).args(["cc", "m.c"]).args(&args).args(["-o", "k"]).current_dir(&d));
        let needed = |exe: &str| -> Vec<String> {
            readelf(&d, &["-d", exe])
                .lines()
                .filter(|l| l.contains("(NEEDED)"))
                .map(|l| l.split('[').nth(1).unwrap_or("").to_string())
                .collect()
        };
        assert_eq!(needed("k"), needed("g"), "{how}");
    }
}
