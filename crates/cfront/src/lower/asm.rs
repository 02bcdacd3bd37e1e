//! GNU extended `asm`. Cranelift cannot take assembly inside a function,
//! so each statement becomes a call to a function of its own, written in
//! assembly and assembled with the module (`kir::Module::asm`): it loads
//! the inputs into the registers their constraints name or it picks, runs
//! the template, and stores the outputs. The call hands it one block of
//! 8-byte cells (input values, addresses of outputs and of memory
//! operands); being a call, it is the barrier that "memory" and "cc"
//! clobbers ask for, and it preserves what the caller keeps in registers.
//! `asm goto` returns which label to go to (0: fall through).

use super::*;
use crate::ast::{AsmOperand, AsmStmt};
use std::fmt::Write;

/// General-purpose registers: 64, 32, 16, 8-bit names and the high byte.
const GPRS: [(&str, &str, &str, &str, &str); 14] = [
    ("rax", "eax", "ax", "al", "ah"),
    ("rcx", "ecx", "cx", "cl", "ch"),
    ("rdx", "edx", "dx", "dl", "dh"),
    ("rsi", "esi", "si", "sil", ""),
    ("rdi", "edi", "di", "dil", ""),
    ("r8", "r8d", "r8w", "r8b", ""),
    ("r9", "r9d", "r9w", "r9b", ""),
    ("r10", "r10d", "r10w", "r10b", ""),
    ("r11", "r11d", "r11w", "r11b", ""),
    ("rbx", "ebx", "bx", "bl", "bh"),
    ("r12", "r12d", "r12w", "r12b", ""),
    ("r13", "r13d", "r13w", "r13b", ""),
    ("r14", "r14d", "r14w", "r14b", ""),
    ("r15", "r15d", "r15w", "r15b", ""),
];
const RDI: usize = 4;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Reg {
    Gpr(usize),
    Xmm(usize),
    /// `%st(N)` at the start of the template.
    X87(usize),
}

#[derive(Clone, Debug)]
enum Place {
    Reg(Reg),
    /// In memory: the register holding its address.
    Mem(usize),
    /// An immediate (its text, without `$`).
    Imm(i128),
    /// A link-time constant address (`"i"(&x)`): `sym` or `sym+8`.
    Sym(String),
}

struct Operand {
    place: Place,
    /// Bytes of the C value (register names are sized by it).
    size: u64,
    /// Block cell of the value to load, and of the address to store to.
    input: Option<u32>,
    output: Option<u32>,
    name: Option<String>,
    /// A vector (16 or 32 bytes) in an xmm/ymm register: its input cell
    /// holds the value's address too.
    vector: bool,
}

/// What a constraint asks for (its first alternative).
enum Want {
    Fixed(usize),
    AnyGpr {
        abcd_only: bool,
    },
    Xmm,
    /// `t` (st(0)), `u` (st(1)), or `f` (either).
    X87(Option<usize>),
    Mem,
    Imm,
    /// A register, or an immediate when the value is a constant.
    RegOrImm,
    Matching(usize),
}

fn parse_constraint(c: &str, is_const: bool, is_lvalue: bool) -> Result<Want, String> {
    let alt = c.split(',').next().unwrap_or("");
    let letters: String = alt.chars().filter(|ch| !"=+&%*!?#".contains(*ch)).collect();
    if let Ok(n) = letters.parse::<usize>() {
        return Ok(Want::Matching(n));
    }
    let has = |set: &str| letters.chars().any(|ch| set.contains(ch));
    for (ch, reg) in [('a', 0), ('c', 1), ('d', 2), ('S', 3), ('D', RDI), ('b', 9)] {
        if letters.contains(ch) {
            return Ok(Want::Fixed(reg));
        }
    }
    let imm = has("inIJKLMNOPeZEFsX");
    if is_const && imm {
        return Ok(Want::Imm);
    }
    if has("rRlgX") {
        return Ok(if is_const && has("g") { Want::RegOrImm } else { Want::AnyGpr { abcd_only: false } });
    }
    if has("qQ") {
        return Ok(Want::AnyGpr { abcd_only: true });
    }
    if has("xvY") {
        return Ok(Want::Xmm);
    }
    if has("tuf") {
        return Ok(Want::X87(if letters.contains('t') {
            Some(0)
        } else if letters.contains('u') {
            Some(1)
        } else {
            None
        }));
    }
    if has("moVp") {
        return Ok(if is_lvalue || !imm { Want::Mem } else { Want::Imm });
    }
    if imm {
        return Err(format!("asm operand with constraint \"{c}\" needs a constant"));
    }
    Err(format!("asm constraint \"{c}\" is not supported"))
}

/// A clobbered register name (`"rax"`, `"%eax"`, `"xmm3"`...).
fn clobbered(name: &str) -> Option<Reg> {
    let n = name.trim_start_matches('%');
    if n == "st" {
        return Some(Reg::X87(0));
    }
    if let Some(k) = n.strip_prefix("st(").and_then(|r| r.strip_suffix(')')).and_then(|d| d.parse().ok()) {
        return Some(Reg::X87(k));
    }
    if let Some(x) = n.strip_prefix("xmm").or_else(|| n.strip_prefix("ymm")).and_then(|d| d.parse().ok()) {
        return Some(Reg::Xmm(x));
    }
    GPRS.iter().position(|r| [r.0, r.1, r.2, r.3, r.4].contains(&n)).map(Reg::Gpr)
}

impl<'a, 't, 'd> FnCx<'a, 't, 'd> {
    pub(super) fn asm_stmt(&mut self, a: &AsmStmt) {
        self.line = a.loc.line;
        match self.asm_call(a) {
            Ok(()) => {}
            Err(e) => self.mc.diags.error(a.loc, e),
        }
    }

    /// `&global`, a global array or function (decayed), or either plus a
    /// constant: the assembler text of that address.
    fn symbolic_address(&self, e: &Expr) -> Option<String> {
        let global = |e: &Expr| match &e.kind {
            ExprKind::Global(name) => Some(name.to_string()),
            _ => None,
        };
        match &e.kind {
            ExprKind::Addr(inner) => global(inner),
            ExprKind::Global(name) if matches!(e.ty.kind, Kind::Func(_) | Kind::Array(..)) => Some(name.to_string()),
            ExprKind::Cast(inner) if e.ty.is_ptr() || matches!(e.ty.kind, Kind::Int(_)) => self.symbolic_address(inner),
            // (The parser has scaled a pointer's offset to bytes already.)
            ExprKind::Binary(BinOp::Add, a, b) => Some(format!("{}+{}", self.symbolic_address(a)?, crate::parse::expr_eval::eval_int(b)?)),
            _ => None,
        }
    }

    fn asm_call(&mut self, a: &AsmStmt) -> Result<(), String> {
        let n_out = a.outputs.len();
        let all: Vec<(&AsmOperand, bool)> = a.outputs.iter().map(|o| (o, true)).chain(a.inputs.iter().map(|i| (i, false))).collect();
        let mut used = [false; 14];
        let mut used_xmm = [false; 16];
        let mut used_x87 = [false; 2];
        let mut x87_clobbers = Vec::new();
        for c in &a.clobbers {
            match clobbered(c) {
                Some(Reg::Gpr(r)) => used[r] = true,
                Some(Reg::Xmm(x)) if x < 16 => used_xmm[x] = true,
                Some(Reg::X87(k)) => x87_clobbers.push(k),
                _ => {}
            }
        }
        let mut wants = Vec::new();
        for (op, _) in &all {
            let konst = crate::parse::expr_eval::eval_int(&op.expr);
            let symbolic = self.symbolic_address(&op.expr).filter(|_| konst.is_none() && op.constraint.contains(['i', 's']));
            let mut want =
                parse_constraint(&op.constraint, konst.is_some() || symbolic.is_some(), crate::parse::expr::is_lvalue(&op.expr))?;
            // `register long x asm("r10")` in a register operand is that register.
            if let ExprKind::Local(id) = op.expr.kind
                && let Some(reg) = &self.def.locals[id as usize].asm_reg
                && matches!(want, Want::AnyGpr { .. } | Want::RegOrImm | Want::Fixed(_))
            {
                want = match clobbered(reg) {
                    Some(Reg::Gpr(g)) => Want::Fixed(g),
                    _ => return Err(format!("register variable in asm: register '{reg}' is not supported")),
                };
            }
            if let Want::Fixed(r) = want {
                used[r] = true;
            }
            wants.push((want, konst, symbolic));
        }
        let take = |used: &mut [bool; 14], abcd_only: bool| -> Result<usize, String> {
            let order: &[usize] = if abcd_only { &[0, 1, 2, 9] } else { &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] };
            let r = order.iter().copied().find(|&r| !used[r]).ok_or("asm needs more registers than x86-64 has")?;
            used[r] = true;
            Ok(r)
        };
        // Places, then the block cells each operand needs.
        let mut ops: Vec<Operand> = Vec::new();
        let mut cells = 0u32;
        let mut cell = || {
            cells += 1;
            cells - 1
        };
        for (i, ((op, is_out), (want, konst, symbolic))) in all.iter().zip(&wants).enumerate() {
            let size = self.size_of(&op.expr.ty);
            let place = match want {
                Want::Fixed(r) => Place::Reg(Reg::Gpr(*r)),
                Want::AnyGpr { abcd_only } => Place::Reg(Reg::Gpr(take(&mut used, *abcd_only)?)),
                Want::RegOrImm | Want::Imm => match (konst, symbolic) {
                    (Some(v), _) => Place::Imm(*v),
                    (None, Some(sym)) => Place::Sym(sym.clone()),
                    (None, None) => unreachable!("immediate without a value"),
                },
                Want::Xmm => {
                    let x = (0..16).find(|&x| !used_xmm[x]).ok_or("asm needs more registers than x86-64 has")?;
                    used_xmm[x] = true;
                    Place::Reg(Reg::Xmm(x))
                }
                Want::X87(k) => {
                    let k = match k {
                        Some(k) => *k,
                        None => (0..2).find(|&k| !used_x87[k]).ok_or("asm needs more x87 registers than st(0) and st(1)")?,
                    };
                    used_x87[k] = true;
                    Place::Reg(Reg::X87(k))
                }
                Want::Mem => Place::Mem(take(&mut used, false)?),
                Want::Matching(m) => {
                    if *m >= n_out || i < n_out {
                        return Err(format!("asm operand {i}: matching constraint \"{m}\" must name an output"));
                    }
                    ops[*m].place.clone()
                }
            };
            let plus = op.constraint.contains('+');
            let wide = matches!(place, Place::Reg(Reg::X87(_))) && size > 8;
            let mut cell = || {
                let c = cell();
                if wide {
                    cell();
                }
                c
            };
            let (input, output) = match (&place, *is_out) {
                (Place::Imm(_) | Place::Sym(_), true) => return Err(format!("asm output operand {i} cannot be an immediate")),
                (Place::Imm(_) | Place::Sym(_), false) => (None, None),
                (Place::Mem(_), _) => (Some(cell()), None),
                (Place::Reg(_), true) => (plus.then(&mut cell), Some(cell())),
                (Place::Reg(_), false) => (Some(cell()), None),
            };
            let vector = matches!(place, Place::Reg(Reg::Xmm(_))) && op.expr.ty.is_vector() && matches!(size, 16 | 32);
            if !matches!(place, Place::Imm(_) | Place::Sym(_) | Place::Mem(_)) && !op.expr.ty.is_scalar() && !vector {
                return Err(format!(
                    "asm operand {i} in a register must have a scalar type (or be a 16- or 32-byte vector in an xmm register)"
                ));
            }
            if matches!(place, Place::Reg(Reg::Gpr(_) | Reg::Xmm(_))) && size > 8 && !vector {
                return Err(format!("asm operand {i}: {size}-byte values in registers are not supported"));
            }
            ops.push(Operand { place, size, input, output, name: op.name.clone(), vector });
        }
        // The block: values and addresses, evaluated in operand order.
        let block = self.temp_slot(u64::from(cells.max(1)) * 8, 8, "<asm>");
        let base = self.slot_addr(block);
        for ((op, is_out), o) in all.iter().zip(&ops) {
            let cell_off = |c: u32| (c * 8) as i32;
            match (&o.place, *is_out) {
                (Place::Mem(_), _) => {
                    let addr = if crate::parse::expr::is_lvalue(&op.expr) {
                        self.addr(&op.expr)
                    } else {
                        let v = self.value(&op.expr);
                        let s = self.temp_slot(o.size.max(1), 8, "<asm operand>");
                        let p = self.slot_addr(s);
                        self.store(p, 0, v, false);
                        p
                    };
                    self.store(base, cell_off(o.input.expect("cell")), addr, false);
                }
                (Place::Reg(_), true) => {
                    let addr = self.addr(&op.expr);
                    if let Some(c) = o.input {
                        if o.vector {
                            self.store(base, cell_off(c), addr, false);
                        } else {
                            let v = self.load(kt_of(&op.expr.ty), addr, 0, false);
                            let v = self.widen(v, &op.expr.ty);
                            self.store(base, cell_off(c), v, false);
                        }
                    }
                    self.store(base, cell_off(o.output.expect("cell")), addr, false);
                }
                (Place::Reg(_), false) if o.vector => {
                    // Vector values are aggregates: their address.
                    let addr = self.value(&op.expr);
                    self.store(base, cell_off(o.input.expect("cell")), addr, false);
                }
                (Place::Reg(_), false) => {
                    let v = self.value(&op.expr);
                    let v = self.widen(v, &op.expr.ty);
                    self.store(base, cell_off(o.input.expect("cell")), v, false);
                }
                (Place::Imm(_) | Place::Sym(_), _) => {}
            }
        }
        self.mc.asm_count += 1;
        let name = format!("__kit_asm.{}.{}", self.f.name, self.mc.asm_count);
        let text = outlined(&name, a, &ops, &x87_clobbers)?;
        self.mc.m.asm.push(kir::AsmChunk { owner: Some(self.f.name.clone()), text });
        let r = self.f.new_value(KT::I32);
        let sig = kir::Sig { params: vec![kir::Param::Scalar(KT::I64)], rets: vec![KT::I32], ..Default::default() };
        let line = self.line;
        self.f.blocks[self.cur.0 as usize].insts.push(kir::Inst {
            result: None,
            op: Op::Call { callee: kir::Callee::Direct(name), sig, args: vec![base], rets: vec![r] },
            line,
        });
        if !a.labels.is_empty() {
            let cases = a.labels.iter().enumerate().map(|(k, (_, id))| (k as i128 + 1, self.label_block(*id))).collect();
            let next = self.new_block();
            self.terminate(Term::Switch { val: r, cases, default: next });
            self.switch_to(next);
        }
        Ok(())
    }

    /// An input widened to a full cell: integers extended by their C
    /// signedness; floats stay as they are (their bits go to an xmm).
    fn widen(&mut self, v: Value, ty: &T) -> Value {
        if self.ty(v) == KT::I128 {
            // A `long double` (its 80-bit image) or `__int128`: both cells.
            return v;
        }
        let signed = ty.is_signed();
        self.fit_int(v, KT::I64, signed)
    }
}

/// The register's name for `size` bytes, or as `modifier` asks.
fn reg_name(r: Reg, size: u64, modifier: Option<char>) -> Result<String, String> {
    Ok(match r {
        Reg::Xmm(x) if modifier == Some('t') || (size == 32 && modifier != Some('x')) => format!("%ymm{x}"),
        Reg::Xmm(x) => format!("%xmm{x}"),
        Reg::X87(0) => "%st".to_string(),
        Reg::X87(k) => format!("%st({k})"),
        Reg::Gpr(g) => {
            let n = GPRS[g];
            let name = match (modifier, size) {
                (Some('q'), _) => n.0,
                (Some('k'), _) => n.1,
                (Some('w'), _) => n.2,
                (Some('b'), _) => n.3,
                (Some('h'), _) if !n.4.is_empty() => n.4,
                (Some('h'), _) => return Err(format!("%h needs a register with a high byte, not %{}", n.0)),
                (_, 1) => n.3,
                (_, 2) => n.2,
                (_, 4) => n.1,
                _ => n.0,
            };
            format!("%{name}")
        }
    })
}

/// Expands the template: `%N`, `%[name]`, modifiers, `%%`, `%=`, `%lN`,
/// and `{att|intel}` dialect alternatives (the first is AT&T).
fn expand(a: &AsmStmt, ops: &[Operand], unique: &str) -> Result<String, String> {
    let t: Vec<char> = a.template.chars().collect();
    let n_ops = ops.len();
    let mut out = String::new();
    let mut i = 0;
    let mut skip_to_close = false;
    while i < t.len() {
        let c = t[i];
        i += 1;
        match c {
            '{' => continue,
            '|' => {
                skip_to_close = true;
                continue;
            }
            '}' => {
                skip_to_close = false;
                continue;
            }
            _ if skip_to_close => continue,
            '%' => {}
            _ => {
                out.push(c);
                continue;
            }
        }
        let Some(&next) = t.get(i) else { return Err("'%' at the end of the asm template".into()) };
        match next {
            '%' | '{' | '|' | '}' => {
                out.push(next);
                i += 1;
                continue;
            }
            '=' => {
                out.push_str(unique);
                i += 1;
                continue;
            }
            _ => {}
        }
        let mut modifier = None;
        if next.is_ascii_alphabetic() {
            modifier = Some(next);
            i += 1;
        }
        // The operand: a number or [name].
        let index = if t.get(i) == Some(&'[') {
            let end = t[i..].iter().position(|&c| c == ']').ok_or("unterminated %[name] in asm template")? + i;
            let name: String = t[i + 1..end].iter().collect();
            i = end + 1;
            let by_name = ops.iter().position(|o| o.name.as_deref() == Some(name.as_str()));
            let label = a.labels.iter().position(|(l, _)| &**l == name.as_str()).map(|k| n_ops + k);
            by_name.or(label).ok_or_else(|| format!("undefined asm operand '[{name}]'"))?
        } else {
            let start = i;
            while t.get(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            if start == i {
                return Err(format!("invalid asm operand reference '%{}'", modifier.map_or(String::new(), String::from)));
            }
            t[start..i].iter().collect::<String>().parse().map_err(|_| "bad asm operand number")?
        };
        if index >= n_ops {
            let k = index - n_ops;
            if k >= a.labels.len() {
                return Err(format!("asm operand number {index} out of range"));
            }
            write!(out, ".Lkit{unique}_l{k}").unwrap();
            continue;
        }
        let o = &ops[index];
        match (&o.place, modifier) {
            (Place::Imm(v), Some('c' | 'P' | 'a')) => write!(out, "{v}").unwrap(),
            (Place::Imm(v), Some('n')) => write!(out, "{}", -v).unwrap(),
            (Place::Imm(v), _) => write!(out, "${v}").unwrap(),
            (Place::Sym(sym), Some('c' | 'P')) => out.push_str(sym),
            // As gcc prints it for position-independent code.
            (Place::Sym(sym), Some('a')) => write!(out, "{sym}(%rip)").unwrap(),
            (Place::Sym(_), Some('n')) => return Err("%n needs a numeric operand".into()),
            (Place::Sym(sym), _) => write!(out, "${sym}").unwrap(),
            (Place::Mem(r), _) => write!(out, "(%{})", GPRS[*r].0).unwrap(),
            // `%a`: the register as an address.
            (Place::Reg(Reg::Gpr(g)), Some('a')) => write!(out, "(%{})", GPRS[*g].0).unwrap(),
            (Place::Reg(r), m) => out.push_str(&reg_name(*r, o.size, m.filter(|m| *m != 'c' && *m != 'P'))?),
        }
    }
    Ok(out)
}

/// The outlined function `name` for statement `a` with operands `ops`.
fn outlined(name: &str, a: &AsmStmt, ops: &[Operand], x87_clobbers: &[usize]) -> Result<String, String> {
    let unique = name.rsplit('.').next().unwrap_or("0").to_string();
    let template = expand(a, ops, &unique)?;
    let mut s = String::new();
    let w = &mut s;
    writeln!(w, "\t.text\n\t.p2align 4\n\t.type {name}, @function\n{name}:\n\t.cfi_startproc").unwrap();
    writeln!(w, "\tpushq %rbp\n\t.cfi_def_cfa_offset 16\n\t.cfi_offset %rbp, -16\n\tmovq %rsp, %rbp\n\t.cfi_def_cfa_register %rbp")
        .unwrap();
    writeln!(w, "\tpushq %rbx\n\tpushq %r12\n\tpushq %r13\n\tpushq %r14\n\tpushq %r15\n\tpushq %rdi").unwrap();
    // Inputs and memory addresses; %rdi (the block) last.
    // x87 inputs first (deepest first), while %rdi is the block.
    let x87_size = |o: &Operand| match o.size {
        4 => 's',
        8 => 'l',
        _ => 't',
    };
    let mut x87_in: Vec<(usize, &Operand)> = ops
        .iter()
        .filter_map(|o| match (o.place.clone(), o.input) {
            (Place::Reg(Reg::X87(k)), Some(_)) => Some((k, o)),
            _ => None,
        })
        .collect();
    x87_in.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
    x87_in.dedup_by_key(|(k, _)| *k);
    for (_, o) in &x87_in {
        writeln!(w, "\tfld{} {}(%rdi)", x87_size(o), o.input.unwrap_or(0) * 8).unwrap();
    }
    // Vector inputs first, through %rax (loaded later if an operand).
    for o in ops.iter().filter(|o| o.vector) {
        if let (Some(cell), Place::Reg(Reg::Xmm(x))) = (o.input, &o.place) {
            let mov = if o.size == 32 { format!("vmovdqu (%rax), %ymm{x}") } else { format!("movdqu (%rax), %xmm{x}") };
            writeln!(w, "\tmovq {}(%rdi), %rax\n\t{mov}", cell * 8).unwrap();
        }
    }
    let load = |w: &mut String, o: &Operand| {
        let Some(cell) = o.input else { return };
        if o.vector {
            return;
        }
        match o.place {
            Place::Reg(Reg::X87(_)) => {}
            Place::Reg(Reg::Xmm(x)) => writeln!(w, "\tmovq {}(%rdi), %xmm{x}", cell * 8).unwrap(),
            Place::Reg(Reg::Gpr(g)) | Place::Mem(g) => writeln!(w, "\tmovq {}(%rdi), %{}", cell * 8, GPRS[g].0).unwrap(),
            Place::Imm(_) | Place::Sym(_) => {}
        }
    };
    let is_rdi = |o: &Operand| matches!(o.place, Place::Reg(Reg::Gpr(RDI)) | Place::Mem(RDI));
    for o in ops.iter().filter(|o| !is_rdi(o)) {
        load(w, o);
    }
    for o in ops.iter().filter(|o| is_rdi(o)) {
        load(w, o);
    }
    writeln!(w, "{template}").unwrap();
    // Outputs: spill them, fetch the block, store each through its address.
    let outs: Vec<&Operand> =
        ops.iter().filter(|o| o.output.is_some() && !o.vector && !matches!(o.place, Place::Reg(Reg::X87(_)))).collect();
    // Vector results stay in their registers until the block is back.
    let vector_outs: Vec<&Operand> = ops.iter().filter(|o| o.output.is_some() && o.vector).collect();
    let mut x87_out: Vec<(usize, &Operand)> = ops
        .iter()
        .filter_map(|o| match (o.place.clone(), o.output) {
            (Place::Reg(Reg::X87(k)), Some(_)) => Some((k, o)),
            _ => None,
        })
        .collect();
    x87_out.sort_by_key(|&(k, _)| k);
    for o in &outs {
        match o.place {
            Place::Reg(Reg::Xmm(x)) => writeln!(w, "\tsubq $8, %rsp\n\tmovq %xmm{x}, (%rsp)").unwrap(),
            Place::Reg(Reg::Gpr(g)) => writeln!(w, "\tpushq %{}", GPRS[g].0).unwrap(),
            _ => {}
        }
    }
    if !outs.is_empty() || !x87_out.is_empty() || !vector_outs.is_empty() {
        writeln!(w, "\tmovq {}(%rsp), %rdi", outs.len() * 8).unwrap();
    }
    for o in &vector_outs {
        if let Place::Reg(Reg::Xmm(x)) = o.place {
            let mov = if o.size == 32 { format!("vmovdqu %ymm{x}, (%rcx)") } else { format!("movdqu %xmm{x}, (%rcx)") };
            writeln!(w, "\tmovq {}(%rdi), %rcx\n\t{mov}", o.output.unwrap_or(0) * 8).unwrap();
        }
    }
    // x87 results, st(0) first; then pop what the template left of the
    // inputs (an input it pops is one it clobbers, as gcc reads it).
    for (_, o) in &x87_out {
        writeln!(w, "\tmovq {}(%rdi), %rcx\n\tfstp{} (%rcx)", o.output.unwrap_or(0) * 8, x87_size(o)).unwrap();
    }
    let outs_x87: Vec<usize> = x87_out.iter().map(|&(k, _)| k).collect();
    let left = x87_in.iter().filter(|(k, _)| !outs_x87.contains(k) && !x87_clobbers.contains(k)).count();
    for _ in 0..left {
        writeln!(w, "\tfstp %st(0)").unwrap();
    }
    for o in outs.iter().rev() {
        let suffix_reg = match o.size {
            1 => "%al",
            2 => "%ax",
            4 => "%eax",
            _ => "%rax",
        };
        writeln!(w, "\tpopq %rax\n\tmovq {}(%rdi), %rcx\n\tmov {suffix_reg}, (%rcx)", o.output.unwrap_or(0) * 8).unwrap();
    }
    writeln!(w, "\txorl %eax, %eax").unwrap();
    writeln!(w, "\t.cfi_remember_state").unwrap();
    writeln!(w, ".Lkit{unique}_ret:\n\taddq $8, %rsp\n\tpopq %r15\n\tpopq %r14\n\tpopq %r13\n\tpopq %r12\n\tpopq %rbx").unwrap();
    writeln!(w, "\tpopq %rbp\n\t.cfi_def_cfa %rsp, 8\n\tret\n\t.cfi_restore_state").unwrap();
    for k in 0..a.labels.len() {
        writeln!(w, ".Lkit{unique}_l{k}:\n\tmovl ${}, %eax\n\tjmp .Lkit{unique}_ret", k + 1).unwrap();
    }
    writeln!(w, "\t.cfi_endproc\n\t.size {name}, .-{name}").unwrap();
    Ok(s)
}
