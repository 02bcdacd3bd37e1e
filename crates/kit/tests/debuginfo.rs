//! `kit cc -g` output read back by binutils' `readelf`.

mod common;

use std::process::Command;

const KIT: &str = env!("CARGO_BIN_EXE_kit");

/// A function with no stack slots has no frame layout; its static locals
/// still belong in the debug info (dropped before d6c76ac).
#[test]
fn static_locals_of_frameless_functions_are_described() {
    if !common::have("readelf") {
        return;
    }
    let d = std::env::temp_dir().join(format!("kit-debuginfo-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let src = d.join("t.c");
    std::fs::write(&src, "int counter(void) { static int calls_so_far; return ++calls_so_far; }\n").unwrap();
    let obj = d.join("t.o");
    for opt in ["-O0", "-O2"] {
        let o = Command::new(KIT).args(["cc", "-g", opt, "-c"]).arg(&src).arg("-o").arg(&obj).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let info = Command::new("readelf").arg("--debug-dump=info").arg(&obj).output().unwrap();
        let text = String::from_utf8_lossy(&info.stdout);
        assert!(text.contains("calls_so_far"), "{opt}: no DIE for the static local:\n{text}");
    }
    let _ = std::fs::remove_dir_all(&d);
}
