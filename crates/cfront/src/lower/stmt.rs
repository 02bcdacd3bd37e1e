//! Statements → blocks; local initialisation; builtins.

use super::*;
use kir::{BinOp as KB, CmpOp, ConvOp, UnOp as KU};

impl<'a, 't, 'd> FnCx<'a, 't, 'd> {
    pub(super) fn label_block(&mut self, id: u32) -> Block {
        if let Some(b) = self.labels[id as usize] {
            return b;
        }
        let b = self.new_block();
        self.labels[id as usize] = Some(b);
        b
    }

    pub(super) fn stmt(&mut self, s: &Stmt) {
        let mark = self.temps_live.len();
        self.stmt_kind(s);
        let done = self.temps_live.split_off(mark);
        self.temps_free.extend(done);
    }

    fn stmt_kind(&mut self, s: &Stmt) {
        match s {
            Stmt::Expr(e) => self.effect(e),
            Stmt::Decl(decls) => {
                for d in decls {
                    self.local_decl(d);
                }
            }
            Stmt::If(c, then, els) => {
                let tb = self.new_block();
                let eb = self.new_block();
                let join = if els.is_some() { self.new_block() } else { eb };
                self.branch(c, tb, eb);
                self.switch_to(tb);
                self.stmt(then);
                self.jump(join);
                if let Some(e) = els {
                    self.switch_to(eb);
                    self.stmt(e);
                    self.jump(join);
                }
                self.switch_to(join);
            }
            Stmt::While(c, body) => {
                let head = self.new_block();
                let bb = self.new_block();
                let exit = self.new_block();
                self.jump(head);
                self.switch_to(head);
                self.branch(c, bb, exit);
                self.switch_to(bb);
                self.loop_body(body, exit, head);
                self.jump(head);
                self.switch_to(exit);
            }
            Stmt::DoWhile(body, c) => {
                let bb = self.new_block();
                let cond = self.new_block();
                let exit = self.new_block();
                self.jump(bb);
                self.switch_to(bb);
                self.loop_body(body, exit, cond);
                self.jump(cond);
                self.switch_to(cond);
                self.branch(c, bb, exit);
                self.switch_to(exit);
            }
            Stmt::For(init, c, step, body) => {
                self.cleanups.push(Vec::new());
                if let Some(i) = init {
                    self.stmt(i);
                }
                let head = self.new_block();
                let bb = self.new_block();
                let next = self.new_block();
                let exit = self.new_block();
                self.jump(head);
                self.switch_to(head);
                match c {
                    Some(c) => self.branch(c, bb, exit),
                    None => self.jump(bb),
                }
                self.switch_to(bb);
                self.loop_body(body, exit, next);
                self.jump(next);
                self.switch_to(next);
                if let Some(s) = step {
                    self.effect(s);
                }
                self.jump(head);
                self.switch_to(exit);
                self.cleanups.pop();
            }
            Stmt::Switch { cond, body, cases, default } => self.switch(cond, body, cases, *default),
            Stmt::Case(id, s) => {
                let b = self.cases.get(id).copied().unwrap_or_else(|| self.f.new_block());
                self.jump(b);
                self.switch_to(b);
                self.stmt(s);
            }
            Stmt::Break => {
                if let Some(&b) = self.breaks.last() {
                    self.jump(b);
                }
            }
            Stmt::Continue => {
                if let Some(&b) = self.conts.last() {
                    self.jump(b);
                }
            }
            Stmt::Return(e, loc) => {
                self.line = loc.line;
                self.ret(e.as_ref());
            }
            Stmt::Asm(a) => self.asm_stmt(a),
            Stmt::Goto(id) => {
                let b = self.label_block(*id);
                self.jump(b);
            }
            Stmt::GotoComputed(e) => {
                let v = self.value(e);
                let v = self.fit_int(v, KT::I64, false);
                let mut cases = Vec::new();
                for &l in &self.def.addr_labels.clone() {
                    let b = self.label_block(l);
                    cases.push((l as i128 + 1, b));
                }
                let default = self.new_block();
                self.terminate(Term::Switch { val: v, cases, default });
                self.switch_to(default);
                self.terminate(Term::Trap);
            }
            Stmt::Label(id, s) => {
                let b = self.label_block(*id);
                self.jump(b);
                self.switch_to(b);
                self.stmt(s);
            }
            Stmt::Block(stmts) => {
                self.cleanups.push(Vec::new());
                for s in stmts {
                    self.stmt(s);
                }
                let depth = self.cleanups.len() - 1;
                self.run_cleanups(depth);
                self.cleanups.pop();
            }
            Stmt::Empty => {}
        }
    }

    fn loop_body(&mut self, body: &Stmt, brk: Block, cont: Block) {
        self.breaks.push(brk);
        self.conts.push(cont);
        self.stmt(body);
        self.breaks.pop();
        self.conts.pop();
    }

    fn switch(&mut self, cond: &Expr, body: &Stmt, cases: &[(i128, i128, u32)], default: Option<u32>) {
        let v = self.value(cond);
        let exit = self.new_block();
        let mut singles = Vec::new();
        let mut ranges = Vec::new();
        for &(lo, hi, id) in cases {
            let b = self.new_block();
            self.cases.insert(id, b);
            if hi < lo {
                continue;
            }
            if hi - lo < 64 {
                for x in lo..=hi {
                    if !singles.iter().any(|(y, _)| *y == x) {
                        singles.push((x, b));
                    }
                }
            } else {
                ranges.push((lo, hi, b));
            }
        }
        let dflt = match default {
            Some(id) => {
                let b = self.new_block();
                self.cases.insert(id, b);
                b
            }
            None => exit,
        };
        // Wide ranges are tested after the table misses.
        let mut miss = dflt;
        if !ranges.is_empty() {
            miss = self.new_block();
        }
        self.terminate(Term::Switch { val: v, cases: singles, default: miss });
        if !ranges.is_empty() {
            self.switch_to(miss);
            let t = self.ty(v);
            let signed = cond.ty.is_signed();
            for (lo, hi, b) in ranges {
                let next = self.new_block();
                let l = self.iconst(t, lo);
                let h = self.iconst(t, hi);
                let c1 = self.val(Op::Cmp(if signed { CmpOp::SGe } else { CmpOp::UGe }, v, l));
                let c2 = self.val(Op::Cmp(if signed { CmpOp::SLe } else { CmpOp::ULe }, v, h));
                let c = self.bin(KB::And, c1, c2);
                self.terminate(Term::Br { cond: c, then: b, els: next });
                self.switch_to(next);
            }
            self.jump(dflt);
        }
        self.breaks.push(exit);
        self.stmt(body);
        self.breaks.pop();
        self.jump(exit);
        self.switch_to(exit);
    }

    fn ret(&mut self, e: Option<&Expr>) {
        let rty = self.def.ty.func().unwrap().ret.clone();
        let Some(e) = e else {
            self.run_cleanups(0);
            self.profile_hook(true);
            self.x87_return_zero(&rty);
            let rets = self.f.sig.rets.clone();
            let vals: Vec<Value> = rets.iter().map(|&t| self.zero(t)).collect();
            self.terminate(Term::Ret(vals));
            return;
        };
        if compatible_unqual(&e.ty, &rty)
            && let Some(vals) = self.call_eightbytes(e)
        {
            self.run_cleanups(0);
            self.profile_hook(true);
            self.terminate(Term::Ret(vals));
            return;
        }
        let v = self.rval(e);
        let Some(v) = v else {
            self.run_cleanups(0);
            self.profile_hook(true);
            self.terminate(Term::Ret(vec![]));
            return;
        };
        let vals = match abi::classify_ret(&rty, self.recs()) {
            ArgClass::Scalar(_) => vec![v],
            ArgClass::Regs(r) => {
                let size = self.size_of(&rty);
                let tmp = self.eightbytes(v, size, "<retval>");
                r.iter().enumerate().map(|(k, t)| self.load(*t, tmp, 8 * k as i32, false)).collect()
            }
            ArgClass::Memory => {
                let dst = self.val(Op::Param(u32::MAX));
                let size = self.size_of(&rty);
                let al = self.align_of(&rty);
                self.copy(dst, v, size, al);
                vec![]
            }
            ArgClass::Ignore => vec![],
            ArgClass::X87(n) => {
                self.run_cleanups(0);
                self.profile_hook(true);
                self.x87_return(n, v, rty.is_record());
                self.terminate(Term::Ret(vec![]));
                return;
            }
        };
        self.run_cleanups(0);
        self.profile_hook(true);
        self.terminate(Term::Ret(vals));
    }

    fn local_decl(&mut self, d: &LocalDecl) {
        let l = &self.def.locals[d.local as usize];
        self.line = l.loc.line;
        for (len_id, e) in &d.vla_dims {
            let v = self.value(e);
            self.store_local(*len_id, v);
        }
        let ty = l.ty.clone();
        if let Store::Indirect(var) = self.locals[d.local as usize] {
            let size = self.vla_size(&ty);
            let al = self.align_of(&ty).max(16);
            let p = self.val(Op::Alloca { size, align: al });
            self.push(Op::SetVar(var, p));
        }
        if l.cleanup.is_some() {
            self.cleanups.last_mut().unwrap().push(d.local);
        }
        match (&d.init, self.locals[d.local as usize]) {
            (Some(init), _) => self.init_local(d.local, &ty, init),
            // A register local's value starts here: without a definition,
            // SSA construction would carry the function's initial value
            // through every loop around the declaration, keeping a register
            // or spill slot busy for the whole loop.
            // (A VLA's hidden length is its own dimension, set above.)
            (None, Store::Var(var)) if !d.vla_dims.iter().any(|&(id, _)| id == d.local) => {
                let z = self.zero(self.f.vars[var.0 as usize]);
                self.push(Op::SetVar(var, z));
            }
            (None, _) => {}
        }
    }

    /// Runs an initializer for a local object.
    pub(super) fn init_local(&mut self, id: u32, ty: &T, init: &Init) {
        if let Store::Var(_) = self.locals[id as usize] {
            // A register scalar: the single item is its value.
            if let Some(InitItem { value: InitVal::Expr(e), .. }) = init.items.last() {
                let v = self.value(e);
                self.store_local(id, v);
            } else {
                let z = self.zero(kt_of(ty));
                self.store_local(id, z);
            }
            return;
        }
        let base = self.local_addr(id);
        self.init_at(base, ty, init);
    }

    pub(super) fn init_at(&mut self, base: Value, ty: &T, init: &Init) {
        let size = self.size_of(ty);
        let covers_all = init.items.len() == 1
            && init.items[0].offset == 0
            && match &init.items[0].value {
                InitVal::Expr(e) => self.size_of(&e.ty) == size,
                InitVal::Bytes(b) => b.len() as u64 == size,
            };
        // An item that covers the whole object leaves nothing to zero.
        let zeroed = !covers_all && size > 0;
        if zeroed {
            let al = self.align_of(ty);
            self.push(Op::Zero { dst: base, size, align: al });
        }
        for item in &init.items {
            let addr = self.add_offset(base, item.offset as i64);
            match &item.value {
                InitVal::Bytes(b) => {
                    if b.len() > 16 {
                        let sym = self.mc.string_sym(b);
                        let src = self.val(Op::SymAddr(sym, 0));
                        self.copy(addr, src, b.len() as u64, 1);
                    } else {
                        for (k, &byte) in b.iter().enumerate() {
                            if byte != 0 || !zeroed {
                                let c = self.iconst(KT::I8, byte as i128);
                                self.store(addr, k as i32, c, false);
                            }
                        }
                    }
                }
                InitVal::Expr(e) => {
                    if self.size_of(&e.ty).is_multiple_of(8)
                        && item.bits.is_none()
                        && let Some(regs) = self.call_eightbytes(e)
                    {
                        for (k, v) in regs.into_iter().enumerate() {
                            self.store(addr, 8 * k as i32, v, false);
                        }
                        continue;
                    }
                    let v = self.rval(e);
                    let Some(v) = v else { continue };
                    match abi::scalar_type(&e.ty) {
                        Some(_) => {
                            if let Some((b, w)) = item.bits {
                                self.store_bits_at(addr, b, w, v, false);
                            } else {
                                self.store_scalar(addr, &unqual(&e.ty), v);
                            }
                        }
                        None => {
                            let s = self.size_of(&e.ty);
                            let al = self.align_of(&e.ty);
                            if v != addr {
                                self.copy(addr, v, s, al);
                            }
                        }
                    }
                }
            }
        }
    }

    pub(super) fn builtin(&mut self, b: Builtin, args: &[Expr], ty: &T) -> Option<Value> {
        let vals = |cx: &mut Self| -> Vec<Value> { args.iter().map(|a| cx.value(a)).collect() };
        Some(match b {
            Builtin::Trap | Builtin::Unreachable => {
                self.terminate(Term::Trap);
                return None;
            }
            Builtin::Clz | Builtin::Ctz | Builtin::Popcount | Builtin::Parity | Builtin::Ffs | Builtin::Clrsb => {
                let v = vals(self)[0];
                let t = self.ty(v);
                let r = match b {
                    Builtin::Clz => self.val(Op::Un(KU::Clz, v)),
                    Builtin::Ctz => self.val(Op::Un(KU::Ctz, v)),
                    Builtin::Popcount => self.val(Op::Un(KU::Popcnt, v)),
                    Builtin::Parity => {
                        let p = self.val(Op::Un(KU::Popcnt, v));
                        let one = self.iconst(t, 1);
                        self.bin(KB::And, p, one)
                    }
                    Builtin::Ffs => {
                        // ffs(x) = x ? ctz(x) + 1 : 0
                        let c = self.val(Op::Un(KU::Ctz, v));
                        let one = self.iconst(t, 1);
                        let c1 = self.bin(KB::Add, c, one);
                        let z = self.iconst(t, 0);
                        let nz = self.val(Op::Cmp(CmpOp::Ne, v, z));
                        self.val(Op::Select(nz, c1, z))
                    }
                    _ => {
                        // clrsb(x) = clz(x ^ (x >> (bits-1))) - 1
                        let sh = self.iconst(KT::I32, t.bytes() as i128 * 8 - 1);
                        let s = self.bin(KB::SShr, v, sh);
                        let x = self.bin(KB::Xor, v, s);
                        let c = self.val(Op::Un(KU::Clz, x));
                        let one = self.iconst(t, 1);
                        self.bin(KB::Sub, c, one)
                    }
                };
                self.fit_int(r, KT::I32, false)
            }
            Builtin::Bswap => {
                let v = vals(self)[0];
                if self.ty(v) == KT::I8 { v } else { self.val(Op::Un(KU::Bswap, v)) }
            }
            Builtin::Expect => vals(self)[0],
            Builtin::Shuffle => {
                let v = vals(self);
                let (Kind::Vector(el, n), Kind::Vector(mel, m)) = (&args[0].ty.kind, &args[args.len() - 1].ty.kind) else { return None };
                let (n, m) = (*n, *m);
                let es = self.size_of(el);
                let ms = self.size_of(mel);
                let size = self.size_of(ty);
                let al = self.align_of(ty);
                let s = self.temp_slot(size, al, "<shuffle>");
                let out = self.slot_addr(s);
                let two = args.len() == 3;
                let mask = v[v.len() - 1];
                for i in 0..m {
                    let mi = self.load(abi::scalar_type(mel).unwrap_or(KT::I32), mask, (i * ms) as i32, false);
                    let mi = self.fit_int(mi, KT::I64, false);
                    let sel_mask = self.iconst(KT::I64, if two { 2 * n as i128 - 1 } else { n as i128 - 1 });
                    let sel = self.bin(KB::And, mi, sel_mask);
                    let lane_mask = self.iconst(KT::I64, n as i128 - 1);
                    let lane = self.bin(KB::And, sel, lane_mask);
                    let esz = self.iconst(KT::I64, es as i128);
                    let off = self.bin(KB::Mul, lane, esz);
                    let base = if two {
                        let nn = self.iconst(KT::I64, n as i128);
                        let from_b = self.val(Op::Cmp(CmpOp::UGe, sel, nn));
                        self.val(Op::Select(from_b, v[1], v[0]))
                    } else {
                        v[0]
                    };
                    let addr = self.bin(KB::Add, base, off);
                    let x = self.load(kt_of(el), addr, 0, false);
                    self.store(out, (i * es) as i32, x, false);
                }
                out
            }
            Builtin::Abs => {
                let v = vals(self)[0];
                let t = self.ty(v);
                let z = self.iconst(t, 0);
                let neg = self.val(Op::Un(kir::UnOp::Neg, v));
                let lt = self.val(Op::Cmp(CmpOp::SLt, v, z));
                self.val(Op::Select(lt, neg, v))
            }
            Builtin::Fabs | Builtin::Sqrt | Builtin::CopySign | Builtin::IsNan | Builtin::IsInf | Builtin::IsFinite | Builtin::SignBit
                if super::expr::is_long_double(&args[0].ty) =>
            {
                let v = vals(self);
                let r = match b {
                    Builtin::Fabs => return Some(self.ld_copysign(v[0], None)),
                    Builtin::Sqrt => return Some(self.ld_sqrt(v[0])),
                    Builtin::CopySign => return Some(self.ld_copysign(v[0], Some(v[1]))),
                    Builtin::IsNan => self.ld_isnan(v[0]),
                    Builtin::SignBit => self.ld_signbit(v[0]),
                    _ => {
                        let a = self.ld_copysign(v[0], None);
                        let inf = self.ld_const(crate::x87::from_f64(f64::INFINITY));
                        self.ld_compare(if b == Builtin::IsInf { BinOp::Eq } else { BinOp::Lt }, a, inf)
                    }
                };
                self.val(Op::Conv(ConvOp::ZExt, r, KT::I32))
            }
            Builtin::Fabs => {
                let v = vals(self)[0];
                self.val(Op::Un(KU::FAbs, v))
            }
            Builtin::Sqrt => {
                let v = vals(self)[0];
                self.val(Op::Un(KU::Sqrt, v))
            }
            Builtin::CopySign => {
                let v = vals(self);
                let t = self.ty(v[0]);
                let it = if t == KT::F32 { KT::I32 } else { KT::I64 };
                let a = self.val(Op::Conv(ConvOp::Bitcast, v[0], it));
                let s = self.val(Op::Conv(ConvOp::Bitcast, v[1], it));
                let sign: i128 = if it == KT::I32 { 0x8000_0000 } else { 1i128 << 63 };
                let sm = self.iconst(it, sign);
                let nm = self.iconst(it, !sign);
                let a = self.bin(KB::And, a, nm);
                let s = self.bin(KB::And, s, sm);
                let r = self.bin(KB::Or, a, s);
                self.val(Op::Conv(ConvOp::Bitcast, r, t))
            }
            Builtin::IsNan | Builtin::IsInf | Builtin::IsFinite | Builtin::SignBit => {
                let v = vals(self)[0];
                let t = self.ty(v);
                let r = match b {
                    Builtin::IsNan => self.val(Op::Cmp(CmpOp::FUno, v, v)),
                    Builtin::SignBit => {
                        let it = if t == KT::F32 { KT::I32 } else { KT::I64 };
                        let x = self.val(Op::Conv(ConvOp::Bitcast, v, it));
                        let z = self.iconst(it, 0);
                        self.val(Op::Cmp(CmpOp::SLt, x, z))
                    }
                    _ => {
                        let a = self.val(Op::Un(KU::FAbs, v));
                        let inf = self.val(Op::Fconst(t, f64::INFINITY));
                        if b == Builtin::IsInf { self.val(Op::Cmp(CmpOp::FEq, a, inf)) } else { self.val(Op::Cmp(CmpOp::FLt, a, inf)) }
                    }
                };
                self.val(Op::Conv(ConvOp::ZExt, r, KT::I32))
            }
            Builtin::SetJmp => {
                let buf = vals(self)[0];
                let call = |cx: &mut Self, name: &str, params: Vec<kir::Param>, rets: Vec<KT>, args: Vec<Value>| -> Option<Value> {
                    let r: Vec<Value> = rets.iter().map(|&t| cx.f.new_value(t)).collect();
                    let sig = kir::Sig { params, rets, ..Default::default() };
                    let line = cx.line;
                    cx.f.blocks[cx.cur.0 as usize].insts.push(kir::Inst {
                        result: None,
                        op: Op::Call { callee: kir::Callee::Direct(name.into()), sig, args, rets: r.clone() },
                        line,
                    });
                    r.first().copied()
                };
                let size = self.iconst(KT::I64, 512);
                let jb = call(self, "malloc", vec![kir::Param::Scalar(KT::I64)], vec![KT::I64], vec![size]).unwrap();
                self.store(buf, 0, jb, false);
                call(self, "_setjmp", vec![kir::Param::Scalar(KT::I64)], vec![KT::I32], vec![jb]).unwrap()
            }
            Builtin::LongJmp => {
                let v = vals(self);
                let jb = self.load(KT::I64, v[0], 0, false);
                let one = self.iconst(KT::I32, 1);
                let sig = kir::Sig { params: vec![kir::Param::Scalar(KT::I64), kir::Param::Scalar(KT::I32)], ..Default::default() };
                self.push(Op::Call { callee: kir::Callee::Direct("longjmp".into()), sig, args: vec![jb, one], rets: vec![] });
                self.terminate(Term::Trap);
                return None;
            }
            Builtin::Alloca => {
                let v = vals(self)[0];
                self.val(Op::Alloca { size: v, align: 16 })
            }
            Builtin::FrameAddress | Builtin::ReturnAddress => {
                // Level n walks the frame-pointer chain n frames up.
                let level = match args.first().map(|a| &a.kind) {
                    Some(ExprKind::Int(n)) => *n,
                    _ => 0,
                };
                if level == 0 && b == Builtin::ReturnAddress {
                    return Some(self.val(Op::ReturnAddr));
                }
                let mut fp = self.val(Op::FrameAddr);
                for _ in 0..level {
                    fp = self.load(KT::I64, fp, 0, false);
                }
                if b == Builtin::FrameAddress { fp } else { self.load(KT::I64, fp, 8, false) }
            }
            Builtin::AddOverflow | Builtin::SubOverflow | Builtin::MulOverflow => return Some(self.overflow(b, args)),
            Builtin::AtomicFetch(k, new) => {
                let v = vals(self);
                let t = kt_of(ty);
                let op = match k {
                    AtomicKind::Add => kir::AtomicOp::Add,
                    AtomicKind::Sub => kir::AtomicOp::Sub,
                    AtomicKind::And => kir::AtomicOp::And,
                    AtomicKind::Or => kir::AtomicOp::Or,
                    AtomicKind::Xor => kir::AtomicOp::Xor,
                    AtomicKind::Nand => kir::AtomicOp::Nand,
                };
                let old = self.val(Op::AtomicRmw { op, ty: t, addr: v[0], val: v[1] });
                if !new {
                    return Some(old);
                }
                match k {
                    AtomicKind::Add => self.bin(KB::Add, old, v[1]),
                    AtomicKind::Sub => self.bin(KB::Sub, old, v[1]),
                    AtomicKind::And => self.bin(KB::And, old, v[1]),
                    AtomicKind::Or => self.bin(KB::Or, old, v[1]),
                    AtomicKind::Xor => self.bin(KB::Xor, old, v[1]),
                    AtomicKind::Nand => {
                        let a = self.bin(KB::And, old, v[1]);
                        self.val(Op::Un(KU::Not, a))
                    }
                }
            }
            Builtin::AtomicExchange => {
                let v = vals(self);
                let t = self.ty(v[1]);
                self.val(Op::AtomicRmw { op: kir::AtomicOp::Xchg, ty: t, addr: v[0], val: v[1] })
            }
            Builtin::AtomicCas(_) | Builtin::AtomicCasVal => {
                let v = vals(self);
                let t = self.ty(v[1]);
                let old = self.val(Op::AtomicCas { ty: t, addr: v[0], expected: v[1], new: v[2] });
                if b == Builtin::AtomicCasVal {
                    return Some(old);
                }
                self.val(Op::Cmp(CmpOp::Eq, old, v[1]))
            }
            Builtin::AtomicCompareExchange => {
                // (ptr, expected_ptr, desired): on failure store the observed value.
                let v = vals(self);
                let t = self.ty(v[2]);
                let exp = self.load(t, v[1], 0, false);
                let old = self.val(Op::AtomicCas { ty: t, addr: v[0], expected: exp, new: v[2] });
                let ok = self.val(Op::Cmp(CmpOp::Eq, old, exp));
                self.store(v[1], 0, old, false);
                ok
            }
            Builtin::AtomicLoad => {
                let v = vals(self);
                self.val(Op::AtomicLoad { ty: kt_of(ty), addr: v[0] })
            }
            Builtin::AtomicStore => {
                let v = vals(self);
                self.push(Op::AtomicStore { addr: v[0], val: v[1] });
                return None;
            }
            Builtin::Fence => {
                self.push(Op::Fence);
                return None;
            }
        })
    }

    fn overflow(&mut self, b: Builtin, args: &[Expr]) -> Value {
        // Compute in 128 bits, then check the result fits the target type.
        let rt = args[2].ty.base().unwrap().clone();
        let rk = rt.int_kind().unwrap();
        let a = self.value(&args[0]);
        let c = self.value(&args[1]);
        let wide = KT::I128;
        let wa = self.fit_int(a, wide, args[0].ty.is_signed());
        let wc = self.fit_int(c, wide, args[1].ty.is_signed());
        let r = match b {
            Builtin::AddOverflow => self.bin(KB::Add, wa, wc),
            Builtin::SubOverflow => self.bin(KB::Sub, wa, wc),
            _ => self.bin(KB::Mul, wa, wc),
        };
        let t = kt_of(&rt);
        let narrow = self.fit_int(r, t, false);
        let dst = self.value(&args[2]);
        self.store(dst, 0, narrow, false);
        let back = self.fit_int(narrow, wide, rk.signed());
        let ne = self.val(Op::Cmp(CmpOp::Ne, back, r));
        // 128-bit operands can overflow the 128-bit computation itself; the
        // common cases (≤64-bit) are exact.
        ne
    }
}
