//! Stack frames: kit -O2 reserves no more than gcc -O0 for the functions in
//! tests/frames/, shapes that once made kit's frames several times larger
//! (so deep recursion that works with gcc overflowed with kit).

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

const KIT: &str = env!("CARGO_BIN_EXE_kit");

/// What one call of each function takes from the stack at its deepest,
/// from assembly text (gcc's, or kit's `-S`, which carries each instruction
/// in a comment): what the prologue reserves (8 per register pushed plus
/// the `sub $N, %rsp`) plus the most the body pushes at once. gcc pushes
/// the stack arguments of a call there; kit reserves their space in the
/// prologue.
fn frames(asm: &str) -> HashMap<String, u64> {
    #[derive(Default)]
    struct Frame {
        prologue: u64,
        lines: usize,
        pushed: i64,
        deepest: i64,
    }
    let imm = |n: &str| -> i64 {
        let n = n.trim_start_matches('$').trim_end_matches([',', ' ']);
        let v = n.strip_prefix("0x").map_or_else(|| n.parse::<i64>(), |h| u64::from_str_radix(h, 16).map(|v| v as i64));
        v.expect("stack adjustment")
    };
    let mut out: HashMap<String, Frame> = HashMap::new();
    let mut current: Option<String> = None;
    for line in asm.lines() {
        if let Some(name) = line.strip_suffix(':').filter(|n| !n.starts_with('.') && !n.contains(char::is_whitespace)) {
            out.insert(name.to_string(), Frame::default());
            current = Some(name.to_string());
            continue;
        }
        let Some(f) = current.as_ref().and_then(|n| out.get_mut(n)) else { continue };
        let insn = line.rsplit_once('#').map_or(line, |(_, c)| c).split_whitespace().collect::<Vec<_>>().join(" ");
        let (op, operands) = insn.split_once(' ').unwrap_or((&insn, ""));
        let rsp_imm = || operands.strip_suffix("%rsp").map(imm);
        if f.lines < 12 {
            f.lines += 1;
            match op {
                "push" | "pushq" => {
                    f.prologue += 8;
                    continue;
                }
                "sub" | "subq" if rsp_imm().is_some() => {
                    f.prologue += rsp_imm().unwrap() as u64;
                    f.lines = 12;
                    continue;
                }
                _ if op.starts_with("call") => f.lines = 12,
                _ => continue,
            }
        }
        match op {
            "push" | "pushq" => f.pushed += 8,
            "pop" | "popq" => f.pushed -= 8,
            "sub" | "subq" => f.pushed += rsp_imm().unwrap_or(0),
            "add" | "addq" => f.pushed -= rsp_imm().unwrap_or(0),
            "ret" | "retq" => f.pushed = 0,
            _ => {}
        }
        f.pushed = f.pushed.max(0);
        f.deepest = f.deepest.max(f.pushed);
    }
    out.into_iter().map(|(name, f)| (name, f.prologue + f.deepest as u64)).collect()
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
    assert_eq!(kit.len(), 9, "functions in kit's assembly: {kit:?}");
    for (f, &want) in &gcc {
        let got = kit.get(f).copied().unwrap_or_else(|| panic!("kit's assembly lacks {f}"));
        assert!(got <= want, "{f}: kit -O2 reserves {got} bytes, gcc -O0 {want}");
    }
}
