//! `kit cc` as build systems see it: the probes autoconf, libtool, CMake and
//! Rust's `cc` crate run, flags kit honours or must reject by name, and
//! objects that the system toolchain links into shared libraries.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const KIT: &str = env!("CARGO_BIN_EXE_kit");

fn kit(args: &[&str]) -> Output {
    Command::new(KIT).args(args).output().expect("run kit")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kit-driver-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `kit ARGS` with `input` on standard input.
fn kit_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(KIT).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn version_probes_answer_like_gcc() {
    // zlib's configure looks for "gcc" in `$CC -v`; autoconf for a version.
    let v = kit(&["cc", "-v"]);
    assert!(v.status.success());
    assert!(stderr(&v).contains("gcc-compatible") && stderr(&v).contains("Target: x86_64-linux-gnu"), "{}", stderr(&v));
    assert!(stdout(&kit(&["cc", "--version"])).starts_with("kit cc "));
    assert_eq!(stdout(&kit(&["cc", "-dumpversion"])), "12\n");
    assert_eq!(stdout(&kit(&["cc", "-dumpmachine"])), "x86_64-linux-gnu\n");
    assert_eq!(stdout(&kit(&["cc", "-print-multi-os-directory"])), "../lib\n");
    // libtool runs `$CC -print-prog-name=ld` and then `$LD -v`.
    let ld = stdout(&kit(&["cc", "-print-prog-name=ld"]));
    let words: Vec<&str> = ld.split_whitespace().collect();
    let o = Command::new(words[0]).args(&words[1..]).arg("-v").output().unwrap();
    assert!(o.status.success(), "{ld}: {}", stderr(&o));
    // It takes the GNU path when the output says GNU, and uses anonymous
    // version scripts (so `-export-symbols` works) when, after dropping
    // "(...) " groups, the first " N." it finds is 2.12 or later.
    let v = stdout(&o);
    assert!(v.contains("GNU"), "{v}");
    let mut rest = v.clone();
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(") ").map(|c| open + c) else { break };
        rest.replace_range(open..close + 2, "");
    }
    let version = rest.split_whitespace().find(|w| w.starts_with(|c: char| c.is_ascii_digit())).unwrap_or("");
    assert!(
        version.starts_with("2.") && version[2..].split('.').next().unwrap().parse::<u32>().unwrap() >= 12,
        "libtool reads '{version}' in: {v}"
    );
    assert!(stdout(&kit(&["cc", "-print-file-name=libc.so"])).trim_end().ends_with("libc.so"));
    let rt = stdout(&kit(&["cc", "-print-libgcc-file-name"]));
    assert!(std::path::Path::new(rt.trim_end()).is_file(), "{rt}");
    assert!(stdout(&kit(&["cc", "-print-search-dirs"])).contains("libraries: ="));
}

#[test]
fn macros_follow_the_dialect() {
    let dm = |std: &str| stdout(&kit(&["cc", std, "-E", "-dM", "-x", "c", "/dev/null"]));
    let gnu = dm("-std=gnu17");
    assert!(gnu.contains("#define __STDC_VERSION__ 201710L\n") && gnu.contains("#define __GNUC__ 12\n"), "{gnu}");
    assert!(!gnu.contains("__STRICT_ANSI__"));
    let c99 = dm("-std=c99");
    assert!(c99.contains("#define __STDC_VERSION__ 199901L\n") && c99.contains("#define __STRICT_ANSI__ 1\n"));
    assert!(dm("-std=gnu89").contains("#define __GNUC_GNU_INLINE__ 1\n"));
    assert!(dm("-ffreestanding").contains("#define __STDC_HOSTED__ 0\n"));
    assert!(!dm("-mno-mmx").contains("__MMX__"));
    // -m extensions and -march= levels announce themselves as gcc does.
    let avx2 = dm("-mavx2");
    assert!(avx2.contains("#define __AVX2__ 1\n") && avx2.contains("#define __SSE4_1__ 1\n") && !avx2.contains("__FMA__"), "{avx2}");
    assert!(!stdout(&kit(&["cc", "-mavx2", "-mno-avx", "-E", "-dM", "-x", "c", "/dev/null"])).contains("__AVX2__"));
    assert!(dm("-march=x86-64-v3").contains("#define __FMA__ 1\n"));
    assert!(!gnu.contains("__SSE3__"));
}

#[test]
fn preprocessing_keeps_pragmas_and_reads_stdin() {
    // Rust's cc crate runs `kit -E` on this and reads the pragma back.
    let probe = "#ifdef __GNUC__\n#pragma message \"gcc\"\n#endif\n#pragma GCC diagnostic push\nint x;\n";
    let o = kit_stdin(&["-E", "-x", "c", "-"], probe);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("#pragma message \"gcc\"") && out.contains("#pragma GCC diagnostic push"), "{out}");
    let d = tmp("stdin");
    let exe = d.join("prog");
    let o = kit_stdin(&["cc", "-x", "c", "-", "-o", exe.to_str().unwrap()], "int main(void) { return 7; }\n");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(Command::new(&exe).status().unwrap().code(), Some(7));
    assert!(!kit(&["cc", "-c", "-"]).status.success(), "stdin without -x must be an error");
}

#[test]
fn flags_are_honoured_or_rejected_by_name() {
    let d = tmp("flags");
    let src = d.join("t.c");
    std::fs::write(&src, "int main(void) { return 0; }\n").unwrap();
    let s = src.to_str().unwrap();
    let obj = d.join("t.o");
    let o = obj.to_str().unwrap();
    for ok in [
        &["-O4"][..],
        &["-O3", "-fPIC", "-fno-plt", "-fstack-protector-strong", "-fno-strict-aliasing", "-fwrapv"],
        &["-march=x86-64", "-mtune=generic", "-m64", "-pipe", "-B/usr/lib"],
        &["-Wp,-D_FORTIFY_SOURCE=2", "-Wa,--noexecstack", "-fvisibility=hidden", "-std=c11"],
    ] {
        let out = kit(&[&["cc", "-c", s, "-o", o][..], ok].concat());
        assert!(out.status.success(), "{ok:?}: {}", stderr(&out));
    }
    for (bad, named) in [
        ("-m32", "-m32"),
        ("--target=aarch64-linux-gnu", "aarch64-linux-gnu"),
        ("-fopenmp", "-fopenmp"),
        ("-fshort-enums", "-fshort-enums"),
        ("-mavx512f", "-mavx512f"),
        ("-march=x86-64-v4", "x86-64-v4"),
        ("-fsanitize=address", "-fsanitize=address"),
        ("-fno-such-flag", "-fno-such-flag"),
        ("-std=c++17", "-std=c++17"),
        ("-Wa,-adhln", "-adhln"),
    ] {
        let out = kit(&["cc", "-c", s, "-o", o, bad]);
        assert_eq!(out.status.code(), Some(2), "{bad} must be rejected");
        let err = stderr(&out);
        assert!(err.starts_with("kit cc: error:") && err.contains(named), "{bad}: {err}");
    }
    // Assembly sources (gmp's configure probes) are assembled by kit as;
    // preprocessed ones (.S, -x assembler-with-cpp) go through kit's
    // preprocessor first, in assembler mode: `$NAME` expands NAME, a `#`
    // line that is no directive is a comment, __ASSEMBLER__ is defined.
    let asm = d.join("probe.s");
    std::fs::write(&asm, "\t.globl x\nx: .long 1\n").unwrap();
    let a = asm.to_str().unwrap();
    let probe_o = d.join("probe.o");
    let out = kit(&["cc", "-c", a, "-o", probe_o.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&kit(&["nm", probe_o.to_str().unwrap()])).contains("T x"));
    let pre = d.join("getpid.S");
    std::fs::write(
        &pre,
        "#include <sys/syscall.h>\n#define FUNC(n) .globl n; .type n, @function; n:\n# a comment, not a directive\n\t.text\n\
         FUNC(my_getpid)\n\tmovl $SYS_getpid, %eax # it's the syscall number\n\tsyscall\n\tret\n\
         #ifndef __ASSEMBLER__\n#error no __ASSEMBLER__\n#endif\n\t.section .note.GNU-stack,\"\",@progbits\n",
    )
    .unwrap();
    let main = d.join("main.c");
    std::fs::write(&main, "#include <stdio.h>\n#include <unistd.h>\nint my_getpid(void);\nint main(void) { printf(\"%d\\n\", my_getpid() == getpid()); return 0; }\n").unwrap();
    let exe = d.join("getpid");
    let out = kit(&["cc", main.to_str().unwrap(), pre.to_str().unwrap(), "-o", exe.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let run = std::process::Command::new(&exe).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "1\n");
    // The same text under another name, by -x.
    let txt = d.join("getpid.asm");
    std::fs::copy(&pre, &txt).unwrap();
    let out = kit(&["cc", "-c", "-x", "assembler-with-cpp", txt.to_str().unwrap(), "-o", o]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&kit(&["nm", o])).contains("T my_getpid"));
}

/// Warnings follow gcc's options: named in brackets, `-Werror` (all or one),
/// `-Wno-error=X`, `-Wno-X` and `-w`; constraint violations gcc warns about
/// by default are warned about.
#[test]
fn warnings_follow_werror_and_wno() {
    let d = tmp("werror");
    let src = d.join("w.c");
    std::fs::write(
        &src,
        "struct s { int *z; };\nint foo(long long x, ...) { return x; }\nvoid g(struct s *p, const int *c, int n) {\n\
         long **t = &p->z; (void)t;\n\
         int (*fp)(int, ...) = foo; (void)fp;\n\
         int *q = c; (void)q;\n\
         char *s = n; (void)s;\n\
         unsigned *u = p->z; const void *v = c; (void)u; (void)v;\n}\n",
    )
    .unwrap();
    let s = src.to_str().unwrap();
    let o = kit(&["cc", "-c", s, "-o", "/dev/null"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    for want in [
        "w.c:4:12: warning: conversion to 'long * *' from incompatible pointer type 'int * *' [-Wincompatible-pointer-types]",
        "w.c:5:23: warning: conversion to 'int (*)(int, ...)' from incompatible pointer type 'int (*)(long long, ...)'",
        "w.c:6:10: warning: conversion discards 'const' qualifier from pointer target type [-Wdiscarded-qualifiers]",
        "w.c:7:11: warning: conversion to 'char *' from 'int' makes pointer from integer without a cast [-Wint-conversion]",
    ] {
        assert!(err.contains(want), "no '{want}' in:\n{err}");
    }
    // Differing only in signedness (-Wpointer-sign) and void * with its
    // qualifiers kept (line 8) are not warned about, as with gcc.
    assert_eq!(err.matches("warning:").count(), 4, "{err}");
    let run = |extra: &[&str]| kit(&[&["cc", "-c", s, "-o", "/dev/null"][..], extra].concat());
    let all = run(&["-Werror"]);
    assert!(!all.status.success() && stderr(&all).contains("[-Werror=int-conversion]"), "{}", stderr(&all));
    let one = run(&["-Werror=discarded-qualifiers"]);
    assert!(!one.status.success() && stderr(&one).matches("error:").count() == 1, "{}", stderr(&one));
    let spared = run(&["-Werror", "-Wno-error=incompatible-pointer-types", "-Wno-error=discarded-qualifiers", "-Wno-error=int-conversion"]);
    assert!(spared.status.success(), "{}", stderr(&spared));
    let quiet = run(&["-Wno-incompatible-pointer-types", "-Wno-int-conversion"]);
    assert_eq!(stderr(&quiet).matches("warning:").count(), 1, "{}", stderr(&quiet));
    let none = run(&["-w", "-Werror"]);
    assert!(none.status.success() && stderr(&none).is_empty(), "{}", stderr(&none));
}

/// `-Wconversion` (off by default) warns where a conversion may change the
/// value, as gcc does; cffi's tests build with it and `-Werror` to catch
/// declarations that disagree with the C library.
#[test]
fn wconversion_warns_where_the_value_may_change() {
    let d = tmp("wconversion");
    let src = d.join("c.c");
    std::fs::write(
        &src,
        "#include <string.h>\n\
         unsigned f1(void) { int x = -1; return x; }\n\
         short f2(long long v) { return v; }\n\
         float f3(double d) { return d; }\n\
         int f4(float x) { return x; }\n\
         int f5(const char *s) { return strlen(s); }\n\
         short ok1(signed char c) { return c; }\n\
         float ok2(float a, float b) { return a * b; }\n\
         double ok3(int i) { return i; }\n\
         unsigned ok4(void) { return 5; }\n\
         long ok5(int i) { return i; }\n\
         float ok6(void) { return 1.5; }\n\
         unsigned char ok7(int c) { return c & 0x7f; }\n",
    )
    .unwrap();
    let s = src.to_str().unwrap();
    let quiet = kit(&["cc", "-c", s, "-o", "/dev/null"]);
    assert!(quiet.status.success() && stderr(&quiet).is_empty(), "{}", stderr(&quiet));
    let o = kit(&["cc", "-c", "-Wconversion", s, "-o", "/dev/null"]);
    let err = stderr(&o);
    for (line, want) in [
        (2, "conversion to 'unsigned int' from 'int' may change the sign of the result [-Wsign-conversion]"),
        (3, "conversion from 'long long' to 'short' may change value [-Wconversion]"),
        (4, "conversion from 'double' to 'float' may change value [-Wfloat-conversion]"),
        (5, "conversion from 'float' to 'int' may change value [-Wfloat-conversion]"),
        (6, "conversion from 'unsigned long' to 'int' may change value [-Wconversion]"),
    ] {
        assert!(err.lines().any(|l| l.contains(&format!("c.c:{line}:")) && l.ends_with(want)), "line {line}: no '{want}' in:\n{err}");
    }
    assert_eq!(err.matches("warning:").count(), 5, "{err}");
    let strict = kit(&["cc", "-c", "-Wconversion", "-Werror", s, "-o", "/dev/null"]);
    assert!(!strict.status.success(), "{}", stderr(&strict));
    // Warnings inside system headers are not shown (gcc's default); a
    // bit-field's width bounds its values, through a comma expression too.
    std::fs::create_dir_all(d.join("sys")).unwrap();
    std::fs::write(d.join("sys/h.h"), "static inline char narrow(int c) { return c; }\n").unwrap();
    std::fs::write(
        d.join("u.c"),
        "#include <h.h>\nstruct st { unsigned kind : 3; };\nint k(struct st *p) { int v; v = ((void)0, p->kind); return v + narrow(1); }\n",
    )
    .unwrap();
    let u = d.join("u.c");
    let u = u.to_str().unwrap();
    let sys = kit(&["cc", "-c", "-Wconversion", "-Werror", "-isystem", d.join("sys").to_str().unwrap(), u, "-o", "/dev/null"]);
    assert!(sys.status.success() && stderr(&sys).is_empty(), "{}", stderr(&sys));
    let user = kit(&["cc", "-c", "-Wconversion", "-I", d.join("sys").to_str().unwrap(), u, "-o", "/dev/null"]);
    assert!(stderr(&user).contains("h.h:1:") && stderr(&user).matches("warning:").count() == 1, "{}", stderr(&user));
}

#[test]
fn missing_file_error_has_no_rust_suffix() {
    let out = kit(&["cc", "-c", "/nonexistent/x.c"]);
    assert!(!out.status.success());
    assert!(!stderr(&out).contains("os error"), "{}", stderr(&out));
}

/// Configure scripts compile and link to `-o /dev/null`: kit writes into the
/// device (replacing it by renaming a file over it, as root, once broke every
/// later test on the machine; without root it failed).
#[cfg(unix)]
#[test]
fn output_to_dev_null_writes_into_the_device() {
    use std::os::unix::fs::FileTypeExt;
    let d = tmp("devnull");
    std::fs::write(d.join("m.c"), "int main(void) { return 0; }\n").unwrap();
    for args in [&["cc", "-c", "m.c", "-o", "/dev/null"][..], &["cc", "m.c", "-o", "/dev/null"], &["cc", "-E", "m.c", "-o", "/dev/null"]] {
        let o = Command::new(KIT).args(args).current_dir(&d).output().unwrap();
        assert!(o.status.success(), "kit {args:?}: {}", stderr(&o));
        let m = std::fs::metadata("/dev/null").unwrap();
        assert!(m.file_type().is_char_device(), "kit {args:?} replaced /dev/null");
    }
}

#[test]
fn dry_run_prints_the_link_and_writes_nothing() {
    let d = tmp("dryrun");
    let src = d.join("t.c");
    std::fs::write(&src, "int main(void) { return 0; }\n").unwrap();
    let exe = d.join("t");
    let out = kit(&["cc", "-###", src.to_str().unwrap(), "-o", exe.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("\"ld\"") && stderr(&out).contains("-lc"), "{}", stderr(&out));
    assert!(!exe.exists());
}

/// A `-fPIC` object from kit goes into a shared library linked by gcc/GNU ld:
/// its `.eh_frame` refers to the code through section symbols, as gcc's does.
#[test]
fn pic_objects_link_into_gnu_ld_shared_libraries() {
    if !common::have("gcc") {
        return;
    }
    let d = tmp("pic");
    std::fs::write(d.join("lib.c"), "int f(int x) { return x * 3; }\nint g(int x) { return f(x) + 1; }\n").unwrap();
    std::fs::write(d.join("main.c"), "#include <stdio.h>\nint g(int);\nint main(void) { printf(\"%d\\n\", g(4)); return 0; }\n").unwrap();
    let run = |cmd: &mut Command| {
        let o = cmd.current_dir(&d).output().unwrap();
        assert!(o.status.success(), "{cmd:?}: {}", stderr(&o));
        o
    };
    run(Command::new(KIT).args(["cc", "-fPIC", "-c", "lib.c", "-o", "lib.o"]));
    run(Command::new("gcc").args(["-shared", "lib.o", "-o", "libk.so"]));
    run(Command::new("gcc").args(["main.c", "-L.", "-lk", "-Wl,-rpath,$ORIGIN", "-o", "main"]));
    assert_eq!(stdout(&run(&mut Command::new(d.join("main")))), "13\n");
}

/// `long double` between gcc's code and kit's, both ways: arguments in
/// memory, results in %st0/%st1, structs, complex, variadic, callbacks
/// (tests/interop/long-double). Every mix prints gcc's bytes.
#[test]
fn long_double_crosses_the_gcc_boundary() {
    crosses_the_gcc_boundary("long-double", "third 0.333333333333333333342");
}

/// Aggregates passed by value in memory, both ways: after the argument
/// registers run out, larger than 16 bytes, sizes that are not a multiple
/// of 8 (read to their last byte and no further), with sret and indirect
/// calls (tests/interop/byval-aggregates).
#[test]
fn byval_aggregates_cross_the_gcc_boundary() {
    crosses_the_gcc_boundary("byval-aggregates", "find_lib jq rel search .jq origin lib");
}

/// Builds tests/interop/`name`'s lib.c and main.c with gcc and with kit
/// (-O0 and -O2) and checks that every mix prints what gcc's build prints,
/// which contains `sign`.
fn crosses_the_gcc_boundary(name: &str, sign: &str) {
    if !common::have("gcc") {
        return;
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/interop").join(name);
    let d = tmp(name);
    let run = |cmd: &mut Command| {
        let o = cmd.current_dir(&d).output().unwrap();
        assert!(o.status.success(), "{cmd:?}: {}", stderr(&o));
        o
    };
    let file = |part: &str| src.join(format!("{part}.c")).to_str().unwrap().to_string();
    for part in ["lib", "main"] {
        run(Command::new("gcc").args(["-c", &file(part), "-o", &format!("gcc-{part}.o")]));
        for opt in ["-O0", "-O2"] {
            run(Command::new(KIT).args(["cc", opt, "-c", &file(part), "-o", &format!("kit{opt}-{part}.o")]));
        }
    }
    run(Command::new("gcc").args(["gcc-lib.o", "gcc-main.o", "-o", "ref"]));
    let want = stdout(&run(&mut Command::new(d.join("ref"))));
    assert!(want.contains(sign), "{want}");
    for opt in ["-O0", "-O2"] {
        let (lib, main) = (format!("kit{opt}-lib.o"), format!("kit{opt}-main.o"));
        for (lib, main) in [(lib.as_str(), "gcc-main.o"), ("gcc-lib.o", main.as_str()), (lib.as_str(), main.as_str())] {
            run(Command::new("gcc").args([lib, main, "-o", "mixed"]));
            assert_eq!(stdout(&run(&mut Command::new(d.join("mixed")))), want, "{lib} + {main}");
        }
    }
}
