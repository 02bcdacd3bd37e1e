//! `.cfi_*` directives → `.eh_frame` (a CIE per personality routine, as
//! GNU as writes for x86-64, and an FDE per `.cfi_startproc`/`.cfi_endproc`).

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
    /// `.cfi_personality ENC, SYM` and `.cfi_lsda ENC, SYM`.
    pub personality: Option<(u8, String)>,
    pub lsda: Option<(u8, String)>,
}

/// A pointer in `.eh_frame` to relocate: its offset, the symbol it names,
/// and whether it is PC-relative (else absolute, 8 bytes).
pub struct Pointer {
    pub offset: usize,
    pub symbol: String,
    pub pcrel: bool,
}

/// Bytes of a pointer in DWARF exception-header encoding `enc`.
fn pointer_size(enc: u8) -> Result<usize, String> {
    match enc & 0x0f {
        0x00 | 0x04 | 0x0c => Ok(8),
        0x03 | 0x0b => Ok(4),
        0x02 | 0x0a => Ok(2),
        _ => Err(format!("pointer encoding {enc:#x} is not supported")),
    }
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

/// Writes a CIE: version 1, augmentation "z[P][L]R", code align 1, data
/// align -8, return address column 16, FDE pointers pc-relative sdata4;
/// CFA = rsp+8, ra at cfa-8. Padded to 8 bytes as GNU as does.
fn cie(out: &mut Vec<u8>, personality: Option<&(u8, String)>, lsda: Option<u8>, pointers: &mut Vec<Pointer>) -> Result<(), String> {
    let start = out.len();
    out.extend_from_slice(&[0; 4]); // length
    out.extend_from_slice(&[0; 4]); // CIE id
    out.push(1);
    out.push(b'z');
    if personality.is_some() {
        out.push(b'P');
    }
    if lsda.is_some() {
        out.push(b'L');
    }
    out.extend_from_slice(&[b'R', 0, 1, 0x78, 0x10]);
    let mut aug = Vec::new();
    if let Some((enc, sym)) = personality {
        aug.push(*enc);
        let at = out.len() + 1 + aug.len();
        pointers.push(Pointer { offset: at, symbol: sym.clone(), pcrel: enc & 0x70 == 0x10 });
        aug.extend(std::iter::repeat_n(0, pointer_size(*enc)?));
    }
    if let Some(enc) = lsda {
        aug.push(enc);
    }
    aug.push(0x1b);
    uleb(out, aug.len() as u64);
    out.extend_from_slice(&aug);
    out.extend_from_slice(&[0x0c, 7, 8, 0x90, 1]);
    while !(out.len() - start).is_multiple_of(8) {
        out.push(0);
    }
    let len = (out.len() - start - 4) as u32;
    out[start..start + 4].copy_from_slice(&len.to_le_bytes());
    Ok(())
}

/// `.eh_frame`: bytes, `pc_begin` offsets by FDE, pointers to relocate.
pub type EhFrame = (Vec<u8>, Vec<(usize, usize)>, Vec<Pointer>);

/// A CIE's personality, LSDA encoding and offset.
type CieKey = (Option<(u8, String)>, Option<u8>, usize);

/// `.eh_frame`'s bytes; per FDE, the offset of its `pc_begin` field (a
/// PC-relative reference to the FDE's start); and the personality and
/// LSDA pointers to relocate. `offset` gives a label's offset in its section.
pub fn eh_frame(fdes: &[Fde], offset: &dyn Fn(&str) -> u64) -> Result<EhFrame, String> {
    let mut out = Vec::new();
    let mut pointers = Vec::new();
    // One CIE per (personality, LSDA encoding), at its offset; the plain one first.
    let mut cies: Vec<CieKey> = Vec::new();
    let key = |f: &Fde| (f.personality.clone(), f.lsda.as_ref().map(|l| l.0));
    let plain_needed = fdes.is_empty() || fdes.iter().any(|f| key(f) == (None, None));
    if plain_needed {
        cies.push((None, None, out.len()));
        cie(&mut out, None, None, &mut pointers)?;
    }
    let mut pc_begins = Vec::new();
    for (i, f) in fdes.iter().enumerate() {
        let (p, l) = key(f);
        let cie_at = match cies.iter().find(|c| c.0 == p && c.1 == l) {
            Some(c) => c.2,
            None => {
                let at = out.len();
                cie(&mut out, p.as_ref(), l, &mut pointers)?;
                cies.push((p.clone(), l, at));
                at
            }
        };
        let start = out.len();
        out.extend_from_slice(&[0; 4]);
        let cie_ptr = (out.len() - cie_at) as u32;
        out.extend_from_slice(&cie_ptr.to_le_bytes());
        pc_begins.push((i, out.len()));
        let begin = offset(&f.start);
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&((offset(&f.end) - begin) as u32).to_le_bytes());
        match &f.lsda {
            Some((enc, sym)) => {
                let n = pointer_size(*enc)?;
                uleb(&mut out, n as u64);
                pointers.push(Pointer { offset: out.len(), symbol: sym.clone(), pcrel: enc & 0x70 == 0x10 });
                out.extend(std::iter::repeat_n(0, n));
            }
            None => out.push(0), // augmentation data length
        }
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
    Ok((out, pc_begins, pointers))
}
