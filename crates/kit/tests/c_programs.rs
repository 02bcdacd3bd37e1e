//! The C programs in `tests/c/`: each is built by gcc and by kit, and kit's
//! builds (`kit run`, and `kit cc -o` linked by kit) must print the same
//! bytes and exit with the same status as gcc's. A test is a `.c` file or a
//! directory of `.c` files (the directives live in `main.c`). Directives, in
//! the leading `//` comments:
//!   `// flags: -O2 ...`       flags for both compilers
//!   `// expect-error: TEXT`   kit must reject the program, saying TEXT
//! Every test is named after the bug it guards against.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KIT: &str = env!("CARGO_BIN_EXE_kit");

struct Case {
    name: String,
    sources: Vec<PathBuf>,
    flags: Vec<String>,
    expect_error: Option<String>,
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/c");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&root).expect("tests/c").map(|e| e.unwrap().path()).collect();
    entries.sort();
    let mut out = Vec::new();
    for p in entries {
        let (sources, main) = if p.is_dir() {
            let mut srcs: Vec<PathBuf> =
                std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()).filter(|f| f.extension().is_some_and(|x| x == "c")).collect();
            srcs.sort();
            let main = p.join("main.c");
            (srcs, main)
        } else if p.extension().is_some_and(|x| x == "c") {
            (vec![p.clone()], p.clone())
        } else {
            continue;
        };
        let text = std::fs::read_to_string(&main).unwrap_or_else(|e| panic!("{}: {e}", main.display()));
        let mut flags = Vec::new();
        let mut expect_error = None;
        for line in text.lines().take_while(|l| l.starts_with("//")) {
            let l = line.trim_start_matches('/').trim();
            if let Some(f) = l.strip_prefix("flags:") {
                flags.extend(f.split_whitespace().map(String::from));
            } else if let Some(e) = l.strip_prefix("expect-error:") {
                expect_error = Some(e.trim().to_string());
            }
        }
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        out.push(Case { name, sources, flags, expect_error });
    }
    assert!(out.len() >= 10, "tests/c has only {} tests", out.len());
    out
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Runs one case; returns a description of what went wrong, if anything.
fn check(case: &Case, dir: &Path) -> Result<(), String> {
    let srcs: Vec<&Path> = case.sources.iter().map(PathBuf::as_path).collect();
    if let Some(want) = &case.expect_error {
        let o = run(Command::new(KIT).arg("cc").arg("-c").args(&case.flags).args(&srcs).current_dir(dir));
        let err = text(&o.stderr);
        if o.status.success() || !err.contains(want.as_str()) {
            return Err(format!("kit should reject it saying '{want}'; exit {:?}, stderr:\n{err}", o.status.code()));
        }
        return Ok(());
    }
    let gcc_exe = dir.join("gcc.out");
    let o = run(Command::new("gcc").arg("-w").args(&case.flags).args(&srcs).arg("-o").arg(&gcc_exe).arg("-lm"));
    if !o.status.success() {
        return Err(format!("gcc could not build it:\n{}", text(&o.stderr)));
    }
    let want = run(&mut Command::new(&gcc_exe));
    let kit_exe = dir.join("kit.out");
    let o = run(Command::new(KIT).arg("cc").arg("-w").args(&case.flags).args(&srcs).arg("-o").arg(&kit_exe).arg("-lm"));
    if !o.status.success() {
        return Err(format!("kit cc could not build it:\n{}", text(&o.stderr)));
    }
    let lanes = [
        ("kit cc", run(&mut Command::new(&kit_exe))),
        ("kit run", run(Command::new(KIT).arg("run").arg("-w").args(&case.flags).args(&srcs).arg("-lm"))),
    ];
    for (lane, got) in lanes {
        if got.stdout != want.stdout || got.status.code() != want.status.code() {
            return Err(format!(
                "{lane}: exit {:?} (gcc: {:?})\n--- gcc\n{}--- kit\n{}--- kit's stderr\n{}",
                got.status.code(),
                want.status.code(),
                text(&want.stdout),
                text(&got.stdout),
                text(&got.stderr)
            ));
        }
    }
    Ok(())
}

#[test]
fn c_programs_match_gcc() {
    if !common::have("gcc") {
        return;
    }
    let mut failures = Vec::new();
    let cases = cases();
    for case in &cases {
        let dir = std::env::temp_dir().join(format!("kit-c-test-{}-{}", std::process::id(), case.name));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        if let Err(e) = check(case, &dir) {
            failures.push(format!("tests/c/{}: {e}", case.name));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(failures.is_empty(), "{} of {} C programs failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
