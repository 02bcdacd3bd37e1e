//! x86-64 instructions in AT&T syntax: operands, mnemonics (with their
//! size suffixes and AT&T-only names), and the choice of an iced-x86 opcode
//! whose operand forms fit, preferring the shortest encoding, as GNU as does.

use crate::expr::{Expr, Value};
use iced_x86::{
    Code, Encoder, EncodingKind, Instruction, MemoryOperand, Mnemonic, OpCodeOperandKind as K, OpKind, Register, RepPrefixKind,
};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq)]
pub struct Mem {
    pub segment: Register,
    pub base: Register,
    pub index: Register,
    pub scale: u32,
    pub disp: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    Reg(Register),
    Imm(Expr),
    Mem(Mem),
    /// A bare expression: a branch target, or an absolute address.
    Target(Expr),
    /// `*operand`: an indirect branch through a register or memory.
    Indirect(Box<Operand>),
}

/// The register named `name` (without `%`).
pub fn register(name: &str) -> Option<Register> {
    static MAP: OnceLock<HashMap<String, Register>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m: HashMap<String, Register> = Register::values().map(|r| (format!("{r:?}").to_ascii_lowercase(), r)).collect();
        for n in 8..16 {
            if let Some(&r) = m.get(&format!("r{n}l")) {
                m.insert(format!("r{n}b"), r);
            }
        }
        m.insert("st".into(), Register::ST0);
        m.remove("none");
        m
    });
    map.get(name).copied()
}

/// Codes usable in 64-bit mode with legacy or VEX encodings, by mnemonic.
fn codes() -> &'static HashMap<Mnemonic, Vec<Code>> {
    static MAP: OnceLock<HashMap<Mnemonic, Vec<Code>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: HashMap<Mnemonic, Vec<Code>> = HashMap::new();
        for code in Code::values() {
            let op = code.op_code();
            if !op.is_instruction() || !op.mode64() || !matches!(op.encoding(), EncodingKind::Legacy | EncodingKind::VEX) {
                continue;
            }
            let far = op.op_kinds().iter().any(|k| matches!(k, K::farbr2_2 | K::farbr4_2 | K::mem_offs));
            let name = format!("{code:?}");
            if far || name.contains("m1664") || name.contains("m1632") || name.contains("m1616") {
                continue;
            }
            m.entry(code.mnemonic()).or_default().push(code);
        }
        m
    })
}

fn mnemonic_by_name(name: &str) -> Option<Mnemonic> {
    static MAP: OnceLock<HashMap<String, Mnemonic>> = OnceLock::new();
    MAP.get_or_init(|| Mnemonic::values().map(|m| (format!("{m:?}").to_ascii_lowercase(), m)).collect()).get(name).copied()
}

/// Condition-code spellings iced does not use.
fn condition_alias(cc: &str) -> Option<&'static str> {
    Some(match cc {
        "z" => "e",
        "nz" => "ne",
        "c" | "nae" => "b",
        "nc" | "nb" => "ae",
        "na" => "be",
        "nbe" => "a",
        "nge" => "l",
        "nl" => "ge",
        "ng" => "le",
        "nle" => "g",
        "pe" => "p",
        "po" => "np",
        _ => return None,
    })
}

/// One reading of an AT&T mnemonic: the instruction, the operand size its
/// suffix gives (bytes), and for sign/zero extensions the source size.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    pub mnemonic: Mnemonic,
    pub size: Option<u32>,
    pub source_size: Option<u32>,
    /// `movabs`: only the 64-bit immediate form.
    pub imm64: bool,
}

/// Every way to read `name` (lower case).
pub fn readings(name: &str) -> Vec<Reading> {
    let r = |m: Mnemonic, size: Option<u32>| Reading { mnemonic: m, size, source_size: None, imm64: false };
    let ext = |m: Mnemonic, from: u32, to: u32| Reading { mnemonic: m, size: Some(to), source_size: Some(from), imm64: false };
    let sizes = |c: char| match c {
        'b' => Some(1),
        'w' => Some(2),
        'l' => Some(4),
        'q' => Some(8),
        _ => None,
    };
    // AT&T names with no Intel counterpart spelled alike.
    let special = match name {
        "cbtw" => Some(r(Mnemonic::Cbw, None)),
        "cwtl" => Some(r(Mnemonic::Cwde, None)),
        "cltq" => Some(r(Mnemonic::Cdqe, None)),
        "cwtd" => Some(r(Mnemonic::Cwd, None)),
        "cltd" => Some(r(Mnemonic::Cdq, None)),
        "cqto" => Some(r(Mnemonic::Cqo, None)),
        "movslq" => Some(ext(Mnemonic::Movsxd, 4, 8)),
        "movabs" | "movabsq" => Some(Reading { mnemonic: Mnemonic::Mov, size: Some(8), source_size: None, imm64: true }),
        "sal" | "sall" | "salq" | "salw" | "salb" => Some(r(Mnemonic::Shl, name[3..].chars().next().and_then(sizes))),
        "fldt" | "fstpt" => Some(r(if name == "fldt" { Mnemonic::Fld } else { Mnemonic::Fstp }, Some(10))),
        _ => None,
    };
    if let Some(s) = special {
        return vec![s];
    }
    // movsbl, movzwq, ...: extensions with both sizes in the suffix.
    for (prefix, m) in [("movs", Mnemonic::Movsx), ("movz", Mnemonic::Movzx)] {
        if let Some(rest) = name.strip_prefix(prefix)
            && rest.len() == 2
        {
            let mut c = rest.chars();
            if let (Some(from), Some(to)) = (c.next().and_then(sizes), c.next().and_then(sizes))
                && from < to
            {
                return vec![ext(m, from, to)];
            }
        }
    }
    // crc32b/w/l/q: the suffix sizes the source; the destination is a
    // 32- or 64-bit register.
    if let Some(size) = name.strip_prefix("crc32").and_then(|rest| rest.chars().next().filter(|_| rest.len() == 1)).and_then(sizes) {
        return vec![Reading { mnemonic: Mnemonic::Crc32, size: None, source_size: Some(size), imm64: false }];
    }
    // cvtsi2sdl, cvtsi2ssq, vcvtsi2sdq...: the suffix sizes the integer source.
    for stem in ["cvtsi2sd", "cvtsi2ss", "vcvtsi2sd", "vcvtsi2ss", "cvttsd2si", "cvttss2si", "cvtsd2si", "cvtss2si"] {
        if let Some(rest) = name.strip_prefix(stem)
            && let Some(size) = rest.chars().next().and_then(sizes)
            && rest.len() == 1
        {
            let m = mnemonic_by_name(stem).expect("conversion mnemonic");
            return vec![r(m, Some(size))];
        }
    }
    let mut out = Vec::new();
    let direct = |n: &str| {
        mnemonic_by_name(n).or_else(|| {
            // jz, setnz, cmovnae...
            ["j", "set", "cmov"].iter().find_map(|p| {
                let cc = n.strip_prefix(p)?;
                mnemonic_by_name(&format!("{p}{}", condition_alias(cc)?))
            })
        })
    };
    // x87 memory forms: flds/fldl, fildl/fildll/filds, fistpll... (`l` is a
    // double, or for integers 32 bits).
    if name.starts_with('f') && direct(name).is_none() {
        let is_int = name.starts_with("fi");
        let suffixes: [(&str, u32); 4] = [("ll", 8), ("s", if is_int { 2 } else { 4 }), ("l", if is_int { 4 } else { 8 }), ("q", 8)];
        for (suffix, size) in suffixes {
            if let Some(m) = name.strip_suffix(suffix).and_then(direct) {
                return vec![r(m, Some(size))];
            }
        }
    }
    if let Some(m) = direct(name) {
        out.push(r(m, None));
    }
    if let Some(last) = name.chars().last()
        && let Some(size) = sizes(last)
        && let Some(m) = direct(&name[..name.len() - 1])
    {
        out.push(r(m, Some(size)));
    }
    out
}

/// The readings of `name` used with `count` operands, and an immediate
/// operand the AT&T form leaves implicit (written first in AT&T order):
/// the 1 of `shrl %eax`, the predicate of `cmpnlesd`.
pub fn readings_with_operands(name: &str, count: usize) -> (Vec<Reading>, Option<i64>) {
    const PREDICATES: [&str; 8] = ["eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"];
    for prefix in ["cmp", "vcmp"] {
        if let Some(rest) = name.strip_prefix(prefix)
            && rest.len() > 2
        {
            let (pred, ty) = rest.split_at(rest.len() - 2);
            if let Some(p) = PREDICATES.iter().position(|&x| x == pred)
                && ["ss", "sd", "ps", "pd"].contains(&ty)
                && let Some(m) = mnemonic_by_name(&format!("{prefix}{ty}"))
            {
                return (vec![Reading { mnemonic: m, size: None, source_size: None, imm64: false }], Some(p as i64));
            }
        }
    }
    let readings = readings(name);
    let shift = readings.iter().any(|r| {
        matches!(r.mnemonic, Mnemonic::Shl | Mnemonic::Shr | Mnemonic::Sar | Mnemonic::Rol | Mnemonic::Ror | Mnemonic::Rcl | Mnemonic::Rcr)
    });
    (readings, (shift && count == 1).then_some(1))
}

/// A string instruction without operands (`movsb`, `rep stosq`...).
pub fn string_instruction(name: &str, rep: RepPrefixKind) -> Option<Result<Instruction, String>> {
    let r = match name {
        "movsb" => Instruction::with_movsb(64, Register::None, rep),
        "movsw" => Instruction::with_movsw(64, Register::None, rep),
        "movsl" | "movsd" => Instruction::with_movsd(64, Register::None, rep),
        "movsq" => Instruction::with_movsq(64, Register::None, rep),
        "stosb" => Instruction::with_stosb(64, rep),
        "stosw" => Instruction::with_stosw(64, rep),
        "stosl" | "stosd" => Instruction::with_stosd(64, rep),
        "stosq" => Instruction::with_stosq(64, rep),
        "lodsb" => Instruction::with_lodsb(64, Register::None, rep),
        "lodsw" => Instruction::with_lodsw(64, Register::None, rep),
        "lodsl" | "lodsd" => Instruction::with_lodsd(64, Register::None, rep),
        "lodsq" => Instruction::with_lodsq(64, Register::None, rep),
        "scasb" => Instruction::with_scasb(64, rep),
        "scasw" => Instruction::with_scasw(64, rep),
        "scasl" | "scasd" => Instruction::with_scasd(64, rep),
        "scasq" => Instruction::with_scasq(64, rep),
        "cmpsb" => Instruction::with_cmpsb(64, Register::None, rep),
        "cmpsw" => Instruction::with_cmpsw(64, Register::None, rep),
        "cmpsl" | "cmpsd" => Instruction::with_cmpsd(64, Register::None, rep),
        "cmpsq" => Instruction::with_cmpsq(64, Register::None, rep),
        _ => return None,
    };
    Some(r.map_err(|e| e.to_string()))
}

fn gpr_size(r: Register) -> Option<u32> {
    if r.is_gpr8() {
        Some(1)
    } else if r.is_gpr16() {
        Some(2)
    } else if r.is_gpr32() {
        Some(4)
    } else if r.is_gpr64() {
        Some(8)
    } else {
        None
    }
}

/// What an immediate operand is known to be while choosing a form.
#[derive(Clone, Copy, Debug)]
pub enum ImmShape {
    Known(i64),
    /// Needs a relocation or a later value: only 32/64-bit fields.
    Symbolic,
}

fn imm_fits(kind: K, v: ImmShape, op_size: u32) -> bool {
    let ImmShape::Known(x) = v else { return matches!(kind, K::imm32 | K::imm32sex64 | K::imm64) };
    let x = x as i128;
    // An operation narrower than 64 bits takes its immediate modulo its
    // size, as GNU as does (`addl $0xffffffff` is `addl $-1`).
    let narrow = |bits: u32| {
        let m = 1i128 << bits;
        (x >= -(m / 2) && x < m).then(|| if x.rem_euclid(m) >= m / 2 { x.rem_euclid(m) - m } else { x.rem_euclid(m) })
    };
    let byte = |v: i128| (-128..=127).contains(&v);
    let int32 = |v: i128| (i32::MIN as i128..=i32::MAX as i128).contains(&v);
    match kind {
        K::imm8 => (-128..=255).contains(&x),
        K::imm8_const_1 => x == 1,
        K::imm8sex16 => narrow(16).is_some_and(byte),
        K::imm8sex32 => narrow(32).is_some_and(byte),
        K::imm8sex64 => byte(x),
        K::imm16 => narrow(16).is_some(),
        K::imm32 if op_size == 8 => int32(x),
        K::imm32 => narrow(32).is_some(),
        K::imm32sex64 => int32(x),
        K::imm64 => x >= i64::MIN as i128 && x <= u64::MAX as i128,
        _ => false,
    }
}

fn reg_fits(kind: K, r: Register) -> bool {
    match kind {
        K::r8_or_mem | K::r8_reg | K::r8_opcode => r.is_gpr8(),
        K::r16_or_mem | K::r16_reg | K::r16_reg_mem | K::r16_rm | K::r16_opcode => r.is_gpr16(),
        K::r32_or_mem | K::r32_reg | K::r32_reg_mem | K::r32_rm | K::r32_opcode | K::r32_vvvv => r.is_gpr32(),
        K::r64_or_mem | K::r64_reg | K::r64_reg_mem | K::r64_rm | K::r64_opcode | K::r64_vvvv => r.is_gpr64(),
        K::mm_or_mem | K::mm_reg | K::mm_rm => r.is_mm(),
        K::xmm_or_mem | K::xmm_reg | K::xmm_rm | K::xmm_vvvv | K::xmm_is4 | K::xmm_is5 => r.is_xmm(),
        K::ymm_or_mem | K::ymm_reg | K::ymm_rm | K::ymm_vvvv | K::ymm_is4 | K::ymm_is5 => r.is_ymm(),
        K::seg_reg => r.is_segment_register(),
        K::cr_reg => r.is_cr(),
        K::dr_reg => r.is_dr(),
        K::al => r == Register::AL,
        K::cl => r == Register::CL,
        K::ax => r == Register::AX,
        K::dx => r == Register::DX,
        K::eax => r == Register::EAX,
        K::rax => r == Register::RAX,
        K::st0 => r == Register::ST0,
        K::sti_opcode => r.is_st(),
        K::es => r == Register::ES,
        K::cs => r == Register::CS,
        K::ss => r == Register::SS,
        K::ds => r == Register::DS,
        K::fs => r == Register::FS,
        K::gs => r == Register::GS,
        _ => false,
    }
}

fn is_mem_kind(kind: K) -> bool {
    matches!(
        kind,
        K::mem
            | K::r8_or_mem
            | K::r16_or_mem
            | K::r32_or_mem
            | K::r64_or_mem
            | K::mm_or_mem
            | K::xmm_or_mem
            | K::ymm_or_mem
            | K::r32_or_mem_mpx
            | K::r64_or_mem_mpx
    )
}

/// Bytes a memory operand of `code` reads or writes (0 when unsized).
fn mem_size(code: Code) -> u32 {
    let mut i = Instruction::default();
    i.set_code(code);
    i.memory_size().size() as u32
}

/// The operands as this module sees them while choosing: `Intel` order.
pub enum Shape {
    Reg(Register),
    Mem,
    Imm(ImmShape),
    Branch,
}

/// The codes of `reading` whose operand forms accept `ops`.
pub fn candidates(reading: &Reading, ops: &[Shape]) -> Vec<Code> {
    let Some(list) = codes().get(&reading.mnemonic) else { return Vec::new() };
    let mut out = Vec::new();
    'codes: for &code in list {
        let info = code.op_code();
        let kinds = info.op_kinds();
        if kinds.len() != ops.len() {
            continue;
        }
        if reading.imm64 && !kinds.contains(&K::imm64) && kinds.iter().any(|k| matches!(k, K::imm32 | K::imm32sex64 | K::imm8sex64)) {
            continue;
        }
        let op_size = info.operand_size();
        for (&kind, op) in kinds.iter().zip(ops) {
            match op {
                Shape::Reg(r) => {
                    if !reg_fits(kind, *r) {
                        continue 'codes;
                    }
                }
                Shape::Mem => {
                    if !is_mem_kind(kind) {
                        continue 'codes;
                    }
                }
                Shape::Imm(v) => {
                    let size = match op_size {
                        0 => gpr_kind_size(kinds).unwrap_or(8),
                        s => s / 8,
                    };
                    if !imm_fits(kind, *v, size) {
                        continue 'codes;
                    }
                }
                Shape::Branch => {
                    if !matches!(kind, K::br64_1 | K::br64_4 | K::xbegin_4) {
                        continue 'codes;
                    }
                }
            }
        }
        if !suffix_fits(reading, code, kinds, ops) {
            continue;
        }
        out.push(code);
    }
    out
}

/// Whether `code` has the operand size the mnemonic's suffix names: that
/// of its general-purpose operands (for extensions: the destination's,
/// and the source's is the other size), else of its memory operand.
fn suffix_fits(reading: &Reading, code: Code, kinds: &[K], ops: &[Shape]) -> bool {
    if let Some(from) = reading.source_size {
        let src = match ops.get(1) {
            Some(Shape::Reg(r)) => gpr_size(*r),
            _ => Some(mem_size(code)),
        };
        return src == Some(from) && reading.size.is_none_or(|size| gpr_kind_size(&kinds[..1]) == Some(size));
    }
    let Some(size) = reading.size else { return true };
    if size != 10
        && let Some(s) = gpr_kind_size(kinds)
    {
        return s == size;
    }
    if ops.iter().any(|o| matches!(o, Shape::Mem)) {
        return mem_size(code) == size;
    }
    // Immediate-only forms (`pushq $512`): the operation's size.
    match code.op_code().operand_size() {
        0 => true,
        bits => bits == size * 8,
    }
}

/// The size of the first general-purpose operand form among `kinds`.
fn gpr_kind_size(kinds: &[K]) -> Option<u32> {
    kinds.iter().find_map(|k| match k {
        K::r8_or_mem | K::r8_reg | K::r8_opcode | K::al => Some(1),
        K::r16_or_mem | K::r16_reg | K::r16_rm | K::r16_opcode | K::ax => Some(2),
        K::r32_or_mem | K::r32_reg | K::r32_rm | K::r32_opcode | K::eax => Some(4),
        K::r64_or_mem | K::r64_reg | K::r64_rm | K::r64_opcode | K::rax => Some(8),
        _ => None,
    })
}

/// A concrete operand for encoding.
pub enum Concrete {
    Reg(Register),
    /// Memory; `disp` is the displacement (for RIP-relative: the target
    /// address), `force32` asks for a 32-bit field (a relocation goes there).
    Mem {
        segment: Register,
        base: Register,
        index: Register,
        scale: u32,
        disp: i64,
        force32: bool,
    },
    Imm(i64),
    Branch(u64),
}

/// Builds the instruction `code` with `ops` (Intel order).
pub fn build(code: Code, ops: &[Concrete]) -> Result<Instruction, String> {
    let mut insn = Instruction::default();
    insn.set_code(code);
    let kinds = code.op_code().op_kinds();
    for (i, (op, &kind)) in ops.iter().zip(kinds).enumerate() {
        let i = i as u32;
        match *op {
            Concrete::Reg(r) => {
                insn.set_op_kind(i, OpKind::Register);
                insn.set_op_register(i, r);
            }
            Concrete::Mem { segment, base, index, scale, disp, force32 } => {
                insn.set_op_kind(i, OpKind::Memory);
                let size = if force32 || base == Register::RIP {
                    8
                } else if disp == 0 {
                    0
                } else {
                    1
                };
                let m = MemoryOperand::new(base, index, scale, disp, size, false, segment);
                insn.set_memory_base(m.base);
                insn.set_memory_index(m.index);
                insn.set_memory_index_scale(m.scale);
                insn.set_memory_displ_size(m.displ_size);
                insn.set_memory_displacement64(m.displacement as u64);
                insn.set_segment_prefix(m.segment_prefix);
            }
            Concrete::Imm(v) => {
                let op_kind = match kind {
                    K::imm8 | K::imm8_const_1 => OpKind::Immediate8,
                    K::imm8sex16 => OpKind::Immediate8to16,
                    K::imm8sex32 => OpKind::Immediate8to32,
                    K::imm8sex64 => OpKind::Immediate8to64,
                    K::imm16 => OpKind::Immediate16,
                    K::imm32 => OpKind::Immediate32,
                    K::imm32sex64 => OpKind::Immediate32to64,
                    K::imm64 => OpKind::Immediate64,
                    other => return Err(format!("operand form {other:?} takes no immediate")),
                };
                insn.set_op_kind(i, op_kind);
                match op_kind {
                    OpKind::Immediate8 => insn.set_immediate8(v as u8),
                    OpKind::Immediate8to16 | OpKind::Immediate8to32 | OpKind::Immediate8to64 => insn.set_immediate8(v as u8),
                    OpKind::Immediate16 => insn.set_immediate16(v as u16),
                    OpKind::Immediate32 => insn.set_immediate32(v as u32),
                    OpKind::Immediate32to64 => insn.set_immediate32(v as u32),
                    _ => insn.set_immediate64(v as u64),
                }
            }
            Concrete::Branch(target) => {
                insn.set_op_kind(i, OpKind::NearBranch64);
                insn.set_near_branch64(target);
            }
        }
    }
    Ok(insn)
}

/// An encoded instruction: bytes, and where its displacement and immediate
/// fields are (offset, size).
pub type Encoded = (Vec<u8>, (usize, usize), (usize, usize));

/// Encodes `insn` at `ip`.
pub fn encode(insn: &Instruction, ip: u64) -> Result<Encoded, String> {
    let mut enc = Encoder::new(64);
    enc.encode(insn, ip).map_err(|e| e.to_string())?;
    let offs = enc.get_constant_offsets();
    let disp = (offs.displacement_offset(), offs.displacement_size());
    let imm = (offs.immediate_offset(), offs.immediate_size());
    Ok((enc.take_buffer(), disp, imm))
}

/// A value known to be a constant while choosing forms, or symbolic.
pub fn shape_of(e: &Expr, known: &dyn Fn(&Expr) -> Option<Value>) -> ImmShape {
    match known(e).and_then(|v| v.constant()) {
        Some(v) => ImmShape::Known(v),
        None => ImmShape::Symbolic,
    }
}
