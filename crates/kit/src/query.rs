//! Answers to what build systems ask a C compiler about itself
//! (`--version`, `-v`, `-dumpmachine`, `-print-prog-name=ld`, ...), in gcc's
//! formats, so autoconf, libtool, CMake and the `cc` crate take their
//! GNU-compatible paths. kit answers for itself: the version names kit and
//! the gcc dialect it implements, and the programs it names are kit's tools.

use crate::args::{CcArgs, Query};

/// The GNU C version whose dialect and predefined macros kit follows
/// (`__GNUC__`, `__GNUC_MINOR__`).
pub const GNUC_VERSION: &str = "12.2.0";
const TRIPLE: &str = "x86_64-linux-gnu";

/// The first line of `--version` and `-v`: says "gcc-compatible", which is
/// what configure scripts such as zlib's look for.
pub fn version_line() -> String {
    format!("kit cc {} (gcc-compatible C compiler, GNU C {GNUC_VERSION} dialect)", env!("CARGO_PKG_VERSION"))
}

/// `-v`'s header, printed to stderr like gcc's.
pub fn verbose_header() -> String {
    format!("{}\nTarget: {TRIPLE}\nThread model: posix\nInstalledDir: {}\n", version_line(), exe_dir())
}

/// The text printed for `q` (ends with a newline).
pub fn answer(q: &Query, a: &CcArgs) -> String {
    match q {
        Query::Version => format!("{}\nThis is free software, without warranty; see the project's license.\n", version_line()),
        Query::DumpVersion => "12\n".into(),
        Query::DumpMachine | Query::Multiarch => format!("{TRIPLE}\n"),
        Query::SearchDirs => {
            let probe = host::probe::probe_libc(host::target::Arch::X86_64, a.sysroot.as_deref());
            let libs: Vec<String> = lib_dirs(a, &probe);
            format!("install: {}/\nprograms: ={}/\nlibraries: ={}\n", exe_dir(), exe_dir(), libs.join(":"))
        }
        Query::ProgName(p) => format!("{}\n", prog_name(p)),
        Query::FileName(f) => format!("{}\n", file_name(f, a)),
        Query::LibgccFileName => match crate::runtime::archive(a) {
            Ok(p) => format!("{p}\n"),
            Err(_) => "libgcc.a\n".into(),
        },
        Query::MultiOsDirectory => "../lib\n".into(),
        Query::MultiDirectory => ".\n".into(),
        Query::MultiLib => ".;\n".into(),
        Query::Sysroot => format!("{}\n", a.sysroot.clone().unwrap_or_default()),
    }
}

fn exe_path() -> String {
    host::fs::self_exe().unwrap_or_else(|| "kit".into())
}

fn exe_dir() -> String {
    let exe = exe_path();
    match exe.rfind('/') {
        Some(i) => exe[..i].to_string(),
        None => ".".into(),
    }
}

/// A kit tool as a command line: the per-tool link beside kit when
/// `kit install` made one, else `kit TOOL` (two words, which Makefiles and
/// libtool split as they split `$(CC)`).
fn prog_name(p: &str) -> String {
    if !crate::tool_names().any(|t| t == p) {
        return p.to_string();
    }
    let exe = exe_path();
    let sibling = format!("{}/{p}", exe_dir());
    if host::fs::canonicalize(&sibling).is_some_and(|s| Some(s) == host::fs::canonicalize(&exe)) {
        return sibling;
    }
    format!("{exe} {p}")
}

fn lib_dirs(a: &CcArgs, probe: &host::probe::LibcProbe) -> Vec<String> {
    let mut dirs: Vec<String> = a.lib_dirs.clone();
    dirs.extend(probe.lib_dirs.iter().cloned());
    dirs.extend(probe.crt_dir.iter().cloned());
    dirs.extend(probe.gcc_lib_dir.iter().cloned());
    dirs
}

/// `-print-file-name=NAME`: the first library directory holding NAME, or
/// NAME itself (gcc's answer when it finds nothing).
fn file_name(name: &str, a: &CcArgs) -> String {
    let probe = host::probe::probe_libc(host::target::Arch::X86_64, a.sysroot.as_deref());
    lib_dirs(a, &probe).into_iter().map(|d| format!("{d}/{name}")).find(|p| host::fs::exists(p)).unwrap_or_else(|| name.to_string())
}

/// `-###` and `-v`: the linker command kit runs in-process, quoted the way
/// gcc prints its subcommands.
pub fn print_command(args: &[String]) {
    let mut line = String::new();
    for a in args {
        line.push_str(" \"");
        line.push_str(&a.replace('\\', "\\\\").replace('"', "\\\""));
        line.push('"');
    }
    eprintln!("{line}");
}
