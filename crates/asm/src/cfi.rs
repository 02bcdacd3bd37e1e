//! `.cfi_*` directives → `.eh_frame` (one CIE, as GNU as writes for
//! x86-64, and an FDE per `.cfi_startproc`/`.cfi_endproc`).

/// A position in a section: label name the assembler resolves.
pub type At = String;

#[derive(Clone, Debug)]
pub enum Op {
    DefCfa(u64, i64),
    DefCfaRegister(u64),
    DefCfaOffset(i64),
    Offset(u64, i64),
    Restore(u64),
    Undefined(u64),
    SameValue(u64),
    Register(u64, u64),
    RememberState,
    RestoreState,
    Escape(Vec<u8>),
}

#[derive(Clone, Debug)]
pub struct Fde {
    pub section: usize,
    pub start: At,
    pub end: At,
    pub ops: Vec<(At, Op)>,
}

/// The state of the FDE being written: the CFA offset, for
/// `.cfi_adjust_cfa_offset` and `.cfi_rel_offset`.
#[derive(Default)]
pub struct Open {
    pub fde: Option<Fde>,
    pub cfa_offset: i64,
    pub saved: Vec<i64>,
}

/// A DWARF register number, given as a number or an x86-64 register name.
pub fn dwarf_reg(s: &str) -> Option<u64> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let names = ["rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip"];
    let name = s.trim_start_matches('%');
    names.iter().position(|&n| n == name).map(|i| i as u64)
}

fn uleb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn sleb(out: &mut Vec<u8>, mut v: i64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if (v == 0 && b & 0x40 == 0) || (v == -1 && b & 0x40 != 0) {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

pub fn leb(v: i64, signed: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if signed {
        sleb(&mut out, v)
    } else {
        uleb(&mut out, v as u64)
    }
    out
}

const DATA_ALIGN: i64 = -8;

fn op_bytes(out: &mut Vec<u8>, op: &Op) {
    match op {
        Op::DefCfa(r, n) => {
            out.push(0x0c);
            uleb(out, *r);
            uleb(out, *n as u64);
        }
        Op::DefCfaRegister(r) => {
            out.push(0x0d);
            uleb(out, *r);
        }
        Op::DefCfaOffset(n) => {
            out.push(0x0e);
            uleb(out, *n as u64);
        }
        Op::Offset(r, n) => {
            let factored = n / DATA_ALIGN;
            if n % DATA_ALIGN == 0 && factored >= 0 {
                if *r < 64 {
                    out.push(0x80 | *r as u8);
                } else {
                    out.push(0x05);
                    uleb(out, *r);
                }
                uleb(out, factored as u64);
            } else {
                out.push(0x11);
                uleb(out, *r);
                sleb(out, n / DATA_ALIGN);
            }
        }
        Op::Restore(r) if *r < 64 => out.push(0xc0 | *r as u8),
        Op::Restore(r) => {
            out.push(0x06);
            uleb(out, *r);
        }
        Op::Undefined(r) => {
            out.push(0x07);
            uleb(out, *r);
        }
        Op::SameValue(r) => {
            out.push(0x08);
            uleb(out, *r);
        }
        Op::Register(a, b) => {
            out.push(0x09);
            uleb(out, *a);
            uleb(out, *b);
        }
        Op::RememberState => out.push(0x0a),
        Op::RestoreState => out.push(0x0b),
        Op::Escape(b) => out.extend_from_slice(b),
    }
}

fn advance(out: &mut Vec<u8>, delta: u64) {
    match delta {
        0 => {}
        1..=63 => out.push(0x40 | delta as u8),
        64..=255 => out.extend_from_slice(&[0x02, delta as u8]),
        256..=65535 => {
            out.push(0x03);
            out.extend_from_slice(&(delta as u16).to_le_bytes());
        }
        _ => {
            out.push(0x04);
            out.extend_from_slice(&(delta as u32).to_le_bytes());
        }
    }
}

fn pad_to_4(out: &mut Vec<u8>, start: usize) {
    while !(out.len() - start).is_multiple_of(4) {
        out.push(0); // DW_CFA_nop
    }
}

/// `.eh_frame`'s bytes and, per FDE, the offset of its `pc_begin` field
/// (a PC-relative reference to the FDE's start). `offset` gives a label's
/// offset in its section.
pub fn eh_frame(fdes: &[Fde], offset: &dyn Fn(&str) -> u64) -> (Vec<u8>, Vec<(usize, usize)>) {
    let mut out = Vec::new();
    // CIE: version 1, "zR", code align 1, data align -8, return address
    // column 16, pointers pc-relative sdata4; CFA = rsp+8, ra at cfa-8.
    let cie = [0x14, 0, 0, 0, 0, 0, 0, 0, 1, b'z', b'R', 0, 1, 0x78, 0x10, 1, 0x1b, 0x0c, 7, 8, 0x90, 1, 0, 0];
    out.extend_from_slice(&cie);
    let mut pc_begins = Vec::new();
    for (i, f) in fdes.iter().enumerate() {
        let start = out.len();
        out.extend_from_slice(&[0; 4]);
        let cie_ptr = (out.len()) as u32;
        out.extend_from_slice(&cie_ptr.to_le_bytes());
        pc_begins.push((i, out.len()));
        let begin = offset(&f.start);
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&((offset(&f.end) - begin) as u32).to_le_bytes());
        out.push(0); // augmentation data length
        let mut loc = begin;
        for (at, op) in &f.ops {
            let here = offset(at);
            advance(&mut out, here.saturating_sub(loc));
            loc = loc.max(here);
            op_bytes(&mut out, op);
        }
        // Entries are 4-byte aligned; the last one pads the section to 8.
        if i + 1 == fdes.len() {
            while !out.len().is_multiple_of(8) {
                out.push(0);
            }
        }
        pad_to_4(&mut out, start);
        let len = (out.len() - start - 4) as u32;
        out[start..start + 4].copy_from_slice(&len.to_le_bytes());
    }
    (out, pc_begins)
}
