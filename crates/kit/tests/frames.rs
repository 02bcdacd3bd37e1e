//! Stack frames: kit -O2 reserves no more than gcc -O0 for the functions in
//! tests/frames/, shapes that once made kit's frames several times larger
//! (so deep recursion that works with gcc overflowed with kit).

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

const KIT: &str = env!("CARGO_BIN_EXE_kit");

/// Bytes each function's prologue reserves, from assembly text (gcc's, or
/// kit's `-S`, which carries each instruction in a comment): 8 per register
/// pushed plus the `sub $N, %rsp`.
fn frames(asm: &str) -> HashMap<String, u64> {
    let mut out = HashMap::new();
    let mut current: Option<(String, usize)> = None;
    for line in asm.lines() {
        if let Some(name) = line.strip_suffix(':').filter(|n| !n.starts_with('.') && !n.contains(char::is_whitespace)) {
            out.insert(name.to_string(), 0);
            current = Some((name.to_string(), 0));
            continue;
        }
        let Some((name, seen)) = &mut current else { continue };
        *seen += 1;
        if *seen > 12 {
            current = None;
            continue;
        }
        let insn = line.rsplit_once('#').map_or(line, |(_, c)| c).split_whitespace().collect::<Vec<_>>().join(" ");
        let frame = out.get_mut(name.as_str()).unwrap();
        if insn.starts_with("push") {
            *frame += 8;
        } else if let Some(n) = insn.strip_prefix("subq $").or_else(|| insn.strip_prefix("sub $")).and_then(|r| r.strip_suffix("%rsp")) {
            let n = n.trim_end_matches([',', ' ']);
            *frame += n.strip_prefix("0x").map_or_else(|| n.parse(), |h| u64::from_str_radix(h, 16)).expect("frame size");
            current = None;
        }
    }
    out
}

fn assembly(cmd: &mut Command) -> String {
    let o = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(o.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn frames_at_o2_stay_within_gcc_o0() {
    if !common::have("gcc") {
        return;
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/frames/frames.c");
    let kit = frames(&assembly(Command::new(KIT).args(["cc", "-O2", "-S", "-o", "-"]).arg(&src)));
    let gcc = frames(&assembly(Command::new("gcc").args(["-O0", "-S", "-o", "-"]).arg(&src)));
    assert_eq!(kit.len(), 5, "functions in kit's assembly: {kit:?}");
    for (f, &want) in &gcc {
        let got = kit.get(f).copied().unwrap_or_else(|| panic!("kit's assembly lacks {f}"));
        assert!(got <= want, "{f}: kit -O2 reserves {got} bytes, gcc -O0 {want}");
    }
}
