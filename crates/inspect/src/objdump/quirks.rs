//! Where GNU objdump's AT&T text differs from iced-x86's Gas formatter,
//! rewritten after formatting: prefixes GNU names before the mnemonic
//! (`cs nopw`, `data16`), suffixes GNU leaves out (`call *`, `push`),
//! implicit operands GNU shows (`%es:(%rdi)`, `%st(1)`, the `,1` scale,
//! the repeated register of `imul $n,%r,%r`) and the ones it hides (the
//! `1` of `shr %eax`).

use iced_x86::{Instruction, Mnemonic, OpKind, Register};

fn reg(r: Register) -> String {
    format!("%{r:?}").to_lowercase()
}

/// GNU's name for a REX prefix byte: `rex`, `rex.W`, `rex.RB`...
pub fn rex_name(b: u8) -> String {
    let bits: String = [(8, 'W'), (4, 'R'), (2, 'X'), (1, 'B')].iter().filter(|(m, _)| b & m != 0).map(|(_, c)| *c).collect();
    if bits.is_empty() { "rex".into() } else { format!("rex.{bits}") }
}

/// Where an instruction's REX prefix is, if it has one.
pub fn rex_at(bytes: &[u8]) -> Option<usize> {
    let n = prefixes(bytes).len();
    bytes.get(n).is_some_and(|b| b & 0xf0 == 0x40).then_some(n)
}

/// Legacy prefix bytes at the start of an instruction.
fn prefixes(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| matches!(b, 0x66 | 0x67 | 0xf0 | 0xf2 | 0xf3 | 0x2e | 0x36 | 0x3e | 0x26 | 0x64 | 0x65)).count();
    &bytes[..n]
}

/// Adjusts (mnemonic, operands) of an AT&T instruction to GNU's spelling.
pub fn att(insn: &Instruction, bytes: &[u8], mnemonic: &mut String, ops: &mut String) {
    // GNU always shows an index's scale; iced leaves out `,1`.
    if insn.memory_index() != Register::None && insn.memory_index_scale() == 1 {
        let index = format!(",{})", reg(insn.memory_index()));
        *ops = ops.replacen(&index, &format!(",{},1)", reg(insn.memory_index())), 1);
    }
    // 64-bit code ignores cs/ds/es/ss overrides: GNU names them as prefixes.
    for (seg, name) in [("%cs:", "cs"), ("%ds:", "ds"), ("%es:", "es"), ("%ss:", "ss")] {
        let implicit = (0..insn.op_count())
            .any(|i| matches!(insn.op_kind(i), OpKind::MemorySegRSI | OpKind::MemorySegESI | OpKind::MemoryESRDI | OpKind::MemoryESEDI));
        if !implicit && ops.contains(seg) {
            *ops = ops.replacen(seg, "", 1);
            *mnemonic = format!("{name} {mnemonic}");
        }
    }
    data16(bytes, mnemonic);
    // Of several segment prefixes the last counts; GNU names the others.
    let segs: Vec<u8> = prefixes(bytes).iter().copied().filter(|b| matches!(b, 0x26 | 0x2e | 0x36 | 0x3e | 0x64 | 0x65)).collect();
    if segs.len() > 1 {
        let names: Vec<&str> = segs[..segs.len() - 1].iter().filter_map(|&b| prefix_name(b)).collect();
        *mnemonic = format!("{} {mnemonic}", names.join(" "));
    }
    // A SIB byte without an index but with a scale: GNU shows `%riz`.
    if ops.contains(",)") {
        *ops = ops.replacen(",)", &format!(",%riz,{})", insn.memory_index_scale()), 1);
    }
    addr32(insn, bytes, mnemonic);
    // `f3` before a non-string instruction (`repz ret`).
    let string_op = (0..insn.op_count())
        .any(|i| matches!(insn.op_kind(i), OpKind::MemorySegRSI | OpKind::MemorySegESI | OpKind::MemoryESRDI | OpKind::MemoryESEDI));
    if !string_op && mnemonic.starts_with("rep ") {
        mnemonic.replace_range(..3, "repz");
    }
    // Port operands: GNU writes `(%dx)`.
    if matches!(
        insn.mnemonic(),
        Mnemonic::In
            | Mnemonic::Out
            | Mnemonic::Insb
            | Mnemonic::Insw
            | Mnemonic::Insd
            | Mnemonic::Outsb
            | Mnemonic::Outsw
            | Mnemonic::Outsd
    ) {
        *ops = ops.replace("%dx", "(%dx)");
    }
    if mnemonic == "iretl" {
        *mnemonic = "iret".into();
    }
    if insn.mnemonic() == Mnemonic::Xlatb && !ops.contains(':') {
        *ops = format!("%ds:{ops}");
    }
    match mnemonic.as_str() {
        "callq" | "jmpq" | "pushq" | "popq" => {
            mnemonic.pop();
        }
        _ => {}
    }
    // String instructions: GNU shows the implicit segments.
    for i in 0..insn.op_count() {
        match insn.op_kind(i) {
            OpKind::MemoryESRDI | OpKind::MemoryESEDI => {
                let r = if insn.op_kind(i) == OpKind::MemoryESRDI { "(%rdi)" } else { "(%edi)" };
                if !ops.contains(&format!("%es:{r}")) {
                    *ops = ops.replacen(r, &format!("%es:{r}"), 1);
                }
            }
            OpKind::MemorySegRSI | OpKind::MemorySegESI => {
                let r = if insn.op_kind(i) == OpKind::MemorySegRSI { "(%rsi)" } else { "(%esi)" };
                if !ops.contains(&format!(":{r}")) {
                    *ops = ops.replacen(r, &format!("%ds:{r}"), 1);
                }
            }
            _ => {}
        }
    }
    let code = format!("{:?}", insn.code());
    // `shr %eax` for the shift-by-one encodings (D0/D1), which iced
    // spells with an explicit `$0x1`.
    if code.ends_with("_1") && insn.op_count() == 2 && ops.starts_with("$0x1,") {
        *ops = ops["$0x1,".len()..].to_string();
    }
    // `imul $n,%r,%r`: iced drops the repeated register.
    if insn.mnemonic() == Mnemonic::Imul
        && insn.op_count() == 3
        && insn.op1_kind() == OpKind::Register
        && insn.op0_register() == insn.op1_register()
    {
        ops.push(',');
        ops.push_str(&reg(insn.op0_register()));
    }
    // x87 register forms iced abbreviates.
    if ops.is_empty() {
        match insn.mnemonic() {
            Mnemonic::Fxch => *ops = "%st(1)".into(),
            Mnemonic::Faddp | Mnemonic::Fsubp | Mnemonic::Fsubrp | Mnemonic::Fmulp | Mnemonic::Fdivp | Mnemonic::Fdivrp
                if insn.op_count() == 2 =>
            {
                *ops = "%st,%st(1)".into()
            }
            _ => {}
        }
    }
}

/// An address-size prefix on an instruction without a memory operand
/// (`addr32 call`) is printed by name.
fn addr32(insn: &Instruction, bytes: &[u8], mnemonic: &mut String) {
    let has_memory = (0..insn.op_count()).any(|i| matches!(insn.op_kind(i), OpKind::Memory));
    if prefixes(bytes).contains(&0x67) && !has_memory {
        *mnemonic = format!("addr32 {mnemonic}");
    }
}

/// A repeated operand-size prefix is printed as `data16`; so is every one
/// before a REX.W that overrides it (outside the 0x0f opcode space, where
/// 0x66 selects the instruction).
fn data16(bytes: &[u8], mnemonic: &mut String) {
    let count = prefixes(bytes).iter().filter(|&&b| b == 0x66).count();
    let overridden = rex_at(bytes).is_some_and(|at| bytes[at] & 8 != 0 && bytes.get(at + 1) != Some(&0x0f));
    let extra_66 = if overridden { count } else { count.saturating_sub(1) };
    if extra_66 > 0 {
        *mnemonic = format!("{}{mnemonic}", "data16 ".repeat(extra_66));
    }
}

/// GNU's Intel spellings: prefixes as for AT&T, `movabs`, `sar rbx,1`,
/// and x87 memory forms without iced's explicit `st,`.
pub fn intel(insn: &Instruction, bytes: &[u8], mnemonic: &mut String, ops: &mut String) {
    let code = format!("{:?}", insn.code());
    if code.ends_with("_1") && ops.ends_with(",0x1") {
        ops.truncate(ops.len() - 3);
        ops.push('1');
    }
    if code == "Mov_r64_imm64" || code.contains("moffs") {
        *mnemonic = "movabs".into();
    }
    if mnemonic.starts_with('f') && ops.starts_with("st,") && ops.contains(" PTR ") {
        ops.drain(..3);
    }
    if matches!(mnemonic.as_str(), "fstp" | "fst") && ops.ends_with(",st") {
        ops.truncate(ops.len() - 3);
    }
    // x87 forms with iced's explicit `st` operand that GNU leaves out.
    if mnemonic.starts_with('f') && ops.contains(" PTR ") && ops.ends_with(",st") {
        ops.truncate(ops.len() - 3);
    }
    if mnemonic == "fld" && ops.starts_with("st,") {
        ops.drain(..3);
    }
    match insn.mnemonic() {
        Mnemonic::Fxch if ops.is_empty() => *ops = "st(1)".into(),
        Mnemonic::Fxch if ops.starts_with("st,") => {
            ops.drain(..3);
        }
        Mnemonic::Faddp | Mnemonic::Fsubp | Mnemonic::Fsubrp | Mnemonic::Fmulp | Mnemonic::Fdivp | Mnemonic::Fdivrp if ops.is_empty() => {
            *ops = "st(1),st".into()
        }
        _ => {}
    }
    // GNU shows a negative RIP displacement as its 64-bit two's complement.
    if let Some(at) = ops.find("[rip-0x") {
        let digits: String = ops[at + 7..].chars().take_while(char::is_ascii_hexdigit).collect();
        if let Ok(v) = u64::from_str_radix(&digits, 16) {
            let end = at + 7 + digits.len();
            ops.replace_range(at..end, &format!("[rip+0x{:x}", v.wrapping_neg()));
        }
    }
    // An absolute address (no base, no index) is written `ds:0x...`
    // (`fs:0x28` with a segment).
    if insn.memory_base() == Register::None
        && insn.memory_index() == Register::None
        && (0..insn.op_count()).any(|i| insn.op_kind(i) == OpKind::Memory)
        && let (Some(open), Some(close)) = (ops.find('['), ops.find(']'))
        && open < close
    {
        let seg = if ops[..open].ends_with(':') { "" } else { "ds:" };
        let inner = ops[open + 1..close].to_string();
        ops.replace_range(open..=close, &format!("{seg}{inner}"));
    }
    // String instructions: GNU names the implicit segments and accumulator
    // and drops the size letter (`rep stos QWORD PTR es:[rdi],rax`).
    let string_op = (0..insn.op_count())
        .any(|i| matches!(insn.op_kind(i), OpKind::MemorySegRSI | OpKind::MemorySegESI | OpKind::MemoryESRDI | OpKind::MemoryESEDI));
    if string_op {
        let acc = match mnemonic.chars().last() {
            Some('b') => "al",
            Some('w') => "ax",
            Some('d') => "eax",
            _ => "rax",
        };
        if !ops.contains("es:[rdi]") {
            *ops = ops.replacen("[rdi]", "es:[rdi]", 1);
        }
        if !ops.contains(":[rsi]") {
            *ops = ops.replacen("[rsi]", "ds:[rsi]", 1);
        }
        match insn.mnemonic() {
            Mnemonic::Stosb | Mnemonic::Stosw | Mnemonic::Stosd | Mnemonic::Stosq => *ops = format!("{ops},{acc}"),
            Mnemonic::Lodsb
            | Mnemonic::Lodsw
            | Mnemonic::Lodsd
            | Mnemonic::Lodsq
            | Mnemonic::Scasb
            | Mnemonic::Scasw
            | Mnemonic::Scasd
            | Mnemonic::Scasq => *ops = format!("{acc},{ops}"),
            _ => {}
        }
        if matches!(mnemonic.chars().last(), Some('b' | 'w' | 'd' | 'q')) {
            mnemonic.pop();
        }
    }
    if insn.mnemonic() == Mnemonic::Imul
        && insn.op_count() == 3
        && insn.op1_kind() == OpKind::Register
        && insn.op0_register() == insn.op1_register()
    {
        let r = format!("{:?}", insn.op0_register()).to_lowercase();
        *ops = ops.replacen(&format!("{r},"), &format!("{r},{r},"), 1);
    }
    if !string_op && mnemonic.starts_with("rep ") {
        mnemonic.replace_range(..3, "repz");
    }
    for seg in ["cs", "ds", "es", "ss"] {
        let with_colon = format!("{seg}:[");
        if !string_op && ops.contains(&with_colon) {
            *ops = ops.replacen(&with_colon, "[", 1);
            *mnemonic = format!("{seg} {mnemonic}");
        }
    }
    data16(bytes, mnemonic);
    addr32(insn, bytes, mnemonic);
}

/// GNU's name for a legacy prefix byte.
fn prefix_name(b: u8) -> Option<&'static str> {
    Some(match b {
        0x26 => "es",
        0x2e => "cs",
        0x36 => "ss",
        0x3e => "ds",
        0x64 => "fs",
        0x65 => "gs",
        0x66 => "data16",
        0x67 => "addr32",
        0xf0 => "lock",
        0xf2 => "repnz",
        0xf3 => "repz",
        _ => return None,
    })
}

/// What GNU prints for bytes that do not decode, and how many it takes.
/// Cut off by the end of a symbol or section: a lone prefix by name,
/// anything else as `.byte`. An invalid opcode: its prefixes by name, then
/// `(bad)`, taking the prefixes and one opcode byte.
pub fn undecodable(chunk: &[u8], cut_off: bool) -> (usize, String) {
    let first = chunk[0];
    if cut_off {
        if let Some(n) = prefix_name(first) {
            return (1, n.to_string());
        }
        if first & 0xf0 == 0x40 {
            return (1, rex_name(first));
        }
        return (1, format!(".byte 0x{first:x}"));
    }
    let mut names = Vec::new();
    let mut n = 0;
    while let Some(&b) = chunk.get(n) {
        match prefix_name(b) {
            Some(p) => names.push(p.to_string()),
            None if b & 0xf0 == 0x40 => names.push(rex_name(b)),
            None => break,
        }
        n += 1;
    }
    names.push("(bad)".into());
    ((n + 1).min(chunk.len()), names.join(" "))
}
