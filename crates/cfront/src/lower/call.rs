//! Calls: the order arguments are evaluated in, how each is passed (SysV
//! classes), and aggregate results returned in registers.

use super::*;

impl<'a, 't, 'd> FnCx<'a, 't, 'd> {
    pub(super) fn call(&mut self, f: &Expr, args: &[Expr], ret_ty: &T) -> Option<Value> {
        let (rets, sret_slot) = self.emit_call(f, args, ret_ty);
        if ret_ty.is_void() {
            return None;
        }
        if let Some(a) = sret_slot {
            return Some(a);
        }
        match abi::classify_ret(ret_ty, self.recs()) {
            ArgClass::Scalar(_) => Some(rets[0]),
            ArgClass::X87(n) => Some(self.x87_result(n, ret_ty)),
            ArgClass::Regs(_) => {
                let size = self.size_of(ret_ty);
                let s = self.temp_slot(size.next_multiple_of(8).max(8), self.align_of(ret_ty).max(8), "<ret>");
                let a = self.slot_addr(s);
                for (k, v) in rets.iter().enumerate() {
                    self.store(a, 8 * k as i32, *v, false);
                }
                Some(a)
            }
            _ => {
                let s = self.slot(1, 1, "<empty>");
                Some(self.slot_addr(s))
            }
        }
    }

    /// The eightbytes of a call that returns an aggregate in registers,
    /// which can go straight to an argument, a return or a store instead of
    /// through a temporary (what keeps frames of code like jq's
    /// `BLOCK(gen_a(), gen_b())` small). None for any other expression.
    pub(super) fn call_eightbytes(&mut self, e: &Expr) -> Option<Vec<Value>> {
        let ExprKind::Call(f, args) = &e.kind else { return None };
        if !matches!(abi::classify_ret(&e.ty, self.recs()), ArgClass::Regs(_)) {
            return None;
        }
        if e.loc.line != 0 {
            self.line = e.loc.line;
        }
        Some(self.emit_call(f, args, &e.ty).0)
    }

    /// Emits a call: its return values, and the hidden return slot if any.
    fn emit_call(&mut self, f: &Expr, args: &[Expr], ret_ty: &T) -> (Vec<Value>, Option<Value>) {
        let ft = f.ty.func().expect("callee type").clone();
        let mut sig = abi::lower_sig(&ft, self.recs(), true);
        // Direct calls to a known function by name.
        let callee = match &f.kind {
            ExprKind::Addr(inner) => match &inner.kind {
                ExprKind::Global(n) => Some(kir::Callee::Direct(n.to_string())),
                _ => None,
            },
            _ => None,
        };
        let callee = match callee {
            Some(c) => c,
            None => kir::Callee::Indirect(self.value(f)),
        };
        let mut vals = Vec::new();
        let sret_slot = if sig.sret {
            let size = self.size_of(ret_ty);
            let al = self.align_of(ret_ty);
            let s = self.temp_slot(size, al, "<sret>");
            let a = self.slot_addr(s);
            vals.push(a);
            Some(a)
        } else {
            None
        };
        let nfixed = if ft.unprototyped { 0 } else { ft.params.len() };
        let mut placer = abi::Placer::new(sig.sret);
        let classes: Vec<ArgClass> = args.iter().map(|a| placer.place(&a.ty, self.recs())).collect();
        // The order of evaluation is unspecified. Arguments with the most
        // calls in them go first, so that fewer finished arguments wait in
        // registers or spill slots across the calls of the others (jq's
        // `BLOCK(a, b, c)` nests `block_join` calls in the first argument;
        // frames stay as small as gcc -O0's, which keeps its waiting values
        // in its frame). Ties go last to first, as gcc does, so that code
        // that depends on the order behaves as it does when built by gcc.
        let mut order: Vec<usize> = (0..args.len()).collect();
        order.sort_by_cached_key(|&i| (std::cmp::Reverse(calls_in(&args[i])), std::cmp::Reverse(i)));
        let mut passed: Vec<(Vec<Value>, Vec<kir::Param>)> = vec![(Vec::new(), Vec::new()); args.len()];
        for i in order {
            passed[i] = self.argument(&args[i], &classes[i]);
        }
        for (i, (v, params)) in passed.into_iter().enumerate() {
            vals.extend(v);
            if i >= nfixed {
                sig.params.extend(params);
            }
        }
        let rets: Vec<Value> = sig.rets.clone().into_iter().map(|t| self.f.new_value(t)).collect();
        let line = self.line;
        self.f.blocks[self.cur.0 as usize].insts.push(kir::Inst {
            result: None,
            op: Op::Call { callee, sig: sig.clone(), args: vals, rets: rets.clone() },
            line,
        });
        (rets, sret_slot)
    }

    /// One call argument of the given class: the values passed, and their
    /// parameters in the call's signature.
    fn argument(&mut self, a: &Expr, class: &ArgClass) -> (Vec<Value>, Vec<kir::Param>) {
        if let ArgClass::Regs(r) = class
            && let Some(regs) = self.call_eightbytes(a)
        {
            return (regs, r.iter().map(|t| kir::Param::Scalar(*t)).collect());
        }
        let Some(v) = self.rval(a) else { return (Vec::new(), Vec::new()) };
        match class {
            // Variadic extras were promoted by the parser; they join the
            // call's signature with their own types.
            ArgClass::Scalar(_) => (vec![v], vec![kir::Param::Scalar(self.ty(v))]),
            ArgClass::Regs(r) => {
                let size = self.size_of(&a.ty);
                let tmp = self.eightbytes(v, size, "<arg>");
                let vals = r.iter().enumerate().map(|(k, t)| self.load(*t, tmp, 8 * k as i32, false)).collect();
                (vals, r.iter().map(|t| kir::Param::Scalar(*t)).collect())
            }
            ArgClass::Memory => {
                let size = self.size_of(&a.ty) as u32;
                let al = self.align_of(&a.ty).max(8);
                let param = kir::Param::ByVal { size, align: al };
                if abi::scalar_type(&a.ty).is_none() {
                    return (vec![v], vec![param]);
                }
                // A scalar passed in memory: pass the address of a copy.
                let s = self.temp_slot(size as u64, al, "<arg>");
                let tmp = self.slot_addr(s);
                self.store_scalar(tmp, &unqual(&a.ty), v);
                (vec![tmp], vec![param])
            }
            ArgClass::Ignore | ArgClass::X87(_) => (Vec::new(), Vec::new()),
        }
    }
}

/// How many calls evaluating `e` makes, roughly (a statement expression or
/// a compound literal counts as several): what orders a call's arguments.
fn calls_in(e: &Expr) -> u32 {
    const OPAQUE: u32 = 8;
    let sum = |es: &mut dyn Iterator<Item = &Expr>| es.map(calls_in).fold(0u32, u32::saturating_add);
    match &e.kind {
        ExprKind::Call(f, args) => sum(&mut std::iter::once(&**f).chain(args)).saturating_add(1),
        ExprKind::StmtExpr(_) | ExprKind::CompoundLit(..) => OPAQUE,
        ExprKind::Unary(_, a)
        | ExprKind::IncDec { e: a, .. }
        | ExprKind::Member { e: a, .. }
        | ExprKind::Deref(a)
        | ExprKind::Addr(a)
        | ExprKind::Cast(a)
        | ExprKind::VaArg(a, _)
        | ExprKind::VaStart(a) => calls_in(a),
        ExprKind::Binary(_, a, b)
        | ExprKind::LogAnd(a, b)
        | ExprKind::LogOr(a, b)
        | ExprKind::Assign(a, b)
        | ExprKind::CompoundAssign { lhs: a, rhs: b, .. }
        | ExprKind::Comma(a, b)
        | ExprKind::VaCopy(a, b)
        | ExprKind::Complex(a, b) => calls_in(a).saturating_add(calls_in(b)),
        ExprKind::Cond(a, b, c) => sum(&mut [a, b, c].into_iter().map(|e| &**e)),
        ExprKind::Builtin(_, args) => sum(&mut args.iter()),
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::LongFloat(_)
        | ExprKind::Str(_)
        | ExprKind::Local(_)
        | ExprKind::Global(_)
        | ExprKind::LabelAddr(_)
        | ExprKind::VlaSize(_)
        | ExprKind::Nop => 0,
    }
}
