//! Lowering: typed AST → KIR. Decides storage for locals, applies the
//! calling convention (via [`crate::abi`]), evaluates static initializers
//! to bytes and relocations, and turns control flow into blocks.

mod asm;
mod call;
mod complex;
mod consts;
mod debug;
mod expr;
mod prune;
mod stmt;
mod vector;
mod x87;

use crate::abi::{self, ArgClass};
use crate::ast::*;
use crate::diag::Diags;
use crate::parse::Tu;
use crate::types::*;
use kir::{Block, Op, Term, Type as KT, Value};
use std::collections::HashMap;
use std::rc::Rc;

pub struct LowerOptions {
    pub opt_level: u8,
    /// The main source file name (for debug info).
    pub file: String,
    pub comp_dir: String,
    /// Describe C types, parameters and globals for debuggers (`-g`).
    pub debug: bool,
}

/// Lowers a parsed translation unit. Errors (non-constant static
/// initializers and the like) go to `diags`.
pub fn lower(tu: &Tu, opts: &LowerOptions, diags: &mut Diags) -> kir::Module {
    let mut mc = ModCx {
        tu,
        m: kir::Module::default(),
        strings: HashMap::new(),
        diags,
        opts,
        dtypes: Default::default(),
        statics: HashMap::new(),
        asm_count: 0,
    };
    mc.m.source_name = opts.file.clone();
    mc.m.comp_dir = opts.comp_dir.clone();
    let defined_funcs: std::collections::HashSet<&str> = tu.funcs.iter().map(|f| &*f.name).collect();
    if opts.debug {
        for g in &tu.globals {
            if let Some(f) = &g.static_in
                && defined_funcs.contains(&**f)
            {
                mc.statics.entry(&**f).or_default().push(g);
            }
        }
    }
    for f in &tu.funcs {
        let func = FnCx::lower_function(&mut mc, f);
        mc.m.funcs.push(func);
    }
    let aliased: std::collections::HashSet<&str> = tu.aliases.iter().map(|a| &*a.0).collect();
    for g in &tu.globals {
        if g.ty.is_func() {
            if !defined_funcs.contains(&*g.name) && g.used && !aliased.contains(&*g.name) {
                mc.m.externs.push(kir::Extern { name: g.name.to_string(), is_func: true, thread_local: false, weak: g.is_weak });
            }
            continue;
        }
        if aliased.contains(&*g.name) {
            continue;
        }
        if g.is_extern && g.init.is_none() {
            if g.used {
                mc.m.externs.push(kir::Extern { name: g.name.to_string(), is_func: false, thread_local: g.is_tls, weak: g.is_weak });
            }
            continue;
        }
        mc.global(g);
        // Static locals are described in their function.
        if opts.debug
            && !g.is_tls
            && !g.static_in.as_ref().is_some_and(|f| defined_funcs.contains(&**f))
            && let Some(name) = &g.c_name
        {
            let ty = mc.debug_type(&g.ty);
            mc.m.debug_globals.push(kir::DebugGlobal {
                name: name.to_string(),
                symbol: g.name.to_string(),
                ty,
                line: g.loc.line,
                external: !g.is_static,
            });
        }
    }
    for (name, target, weak) in &tu.aliases {
        let is_static = tu.globals.iter().any(|g| g.name == *name && g.is_static);
        mc.m.aliases.push(kir::Alias {
            name: name.to_string(),
            target: target.to_string(),
            linkage: if *weak {
                kir::Linkage::Weak
            } else if is_static {
                kir::Linkage::Internal
            } else {
                kir::Linkage::External
            },
        });
    }
    // After the aliases: a versioned name may be one of an alias (xz's
    // `lzma_get_progress@XZ_5.2.2` names `lzma_get_progress_522`).
    mc.m.asm.extend(tu.asm.iter().map(|text| kir::AsmChunk { owner: None, text: format!("\t.text\n{text}\n") }));
    for v in &tu.symvers {
        mc.m.aliases.push(kir::Alias {
            name: v.name.to_string(),
            target: v.symbol.to_string(),
            linkage: if v.weak { kir::Linkage::Weak } else { kir::Linkage::External },
        });
    }
    mc.m.ctors = tu.ctors.iter().map(|(n, p)| (n.to_string(), *p)).collect();
    mc.m.dtors = tu.dtors.iter().map(|(n, p)| (n.to_string(), *p)).collect();
    let discardable: std::collections::HashSet<String> =
        tu.funcs.iter().filter(|f| f.is_static && f.is_inline).map(|f| f.name.to_string()).collect();
    prune::prune(&mut mc.m, &discardable);
    mc.m
}

struct ModCx<'t, 'd> {
    tu: &'t Tu,
    m: kir::Module,
    strings: HashMap<Rc<[u8]>, String>,
    diags: &'d mut Diags,
    opts: &'t LowerOptions,
    dtypes: debug::DebugTypes,
    /// Static locals by function, for debug info.
    statics: HashMap<&'t str, Vec<&'t crate::parse::GlobalVar>>,
    /// Inline `asm` statements outlined so far (their functions' names).
    asm_count: u32,
}

impl<'t, 'd> ModCx<'t, 'd> {
    fn recs(&self) -> &'t Records {
        &self.tu.records
    }

    /// The symbol of an anonymous read-only copy of `bytes` (deduplicated).
    fn string_sym(&mut self, bytes: &Rc<[u8]>) -> String {
        if let Some(s) = self.strings.get(bytes) {
            return s.clone();
        }
        let name = format!(".Lstr.{}", self.strings.len());
        self.m.globals.push(kir::Global {
            name: name.clone(),
            linkage: kir::Linkage::Internal,
            visibility: kir::Visibility::Default,
            size: bytes.len() as u64,
            align: 1,
            init: Some(kir::Init { bytes: bytes.to_vec(), relocs: vec![] }),
            readonly: true,
            thread_local: false,
            common: false,
            section: None,
        });
        self.strings.insert(bytes.clone(), name.clone());
        name
    }

    fn global(&mut self, g: &crate::parse::GlobalVar) {
        let recs = self.recs();
        let size = size_of(&g.ty, recs);
        let mut align = align_of(&g.ty, recs).max(g.align);
        // Like gcc, give big arrays 16-byte alignment.
        if g.ty.is_array() && size >= 16 {
            align = align.max(16);
        }
        let init = g.init.as_ref().map(|i| self.const_init(&g.ty, size, i));
        let size = init.as_ref().map_or(size, |i| size.max(i.bytes.len() as u64));
        let readonly = g.ty.is_const && !g.ty.is_volatile && init.as_ref().is_some_and(|i| i.relocs.is_empty());
        self.m.globals.push(kir::Global {
            name: g.name.to_string(),
            linkage: if g.is_static {
                kir::Linkage::Internal
            } else if g.is_weak {
                kir::Linkage::Weak
            } else {
                kir::Linkage::External
            },
            visibility: if g.hidden { kir::Visibility::Hidden } else { kir::Visibility::Default },
            size,
            align,
            init,
            readonly,
            thread_local: g.is_tls,
            common: false,
            section: g.section.as_ref().map(|s| s.to_string()),
        });
    }
}

/// Where a local lives.
#[derive(Clone, Copy, Debug)]
enum Store {
    Slot(kir::Slot),
    Var(kir::Var),
    /// A VLA: the variable holds the address of its storage.
    Indirect(kir::Var),
    /// A parameter passed in memory, used where the caller put it: its
    /// address (a KIR parameter value) and that parameter's index.
    Incoming(Value, u32),
}

struct FnCx<'a, 't, 'd> {
    mc: &'a mut ModCx<'t, 'd>,
    f: kir::Function,
    cur: Block,
    line: u32,
    def: &'t FuncDef,
    locals: Vec<Store>,
    breaks: Vec<Block>,
    conts: Vec<Block>,
    labels: Vec<Option<Block>>,
    /// Case id → block, for the switches being lowered.
    cases: HashMap<u32, Block>,
    /// Locals with a cleanup attribute, per open block scope.
    cleanups: Vec<Vec<u32>>,
    /// Temporary slots (call arguments and results) of the statements being
    /// lowered, innermost last; a statement's temporaries are free again
    /// when it ends, so a function's frame holds one statement's worth.
    temps_live: Vec<(u64, u32, kir::Slot)>,
    temps_free: Vec<(u64, u32, kir::Slot)>,
}

fn kt_of(t: &CType) -> KT {
    abi::scalar_type(t).unwrap_or(KT::I64)
}

impl<'a, 't, 'd> FnCx<'a, 't, 'd> {
    fn recs(&self) -> &'t Records {
        self.mc.recs()
    }
    fn size_of(&self, t: &CType) -> u64 {
        size_of(t, self.recs())
    }
    fn align_of(&self, t: &CType) -> u32 {
        align_of(t, self.recs())
    }

    // ---- emission ----
    fn push(&mut self, op: Op) -> Option<Value> {
        let result = kir::result_type(&self.f, &op).map(|t| self.f.new_value(t));
        let line = self.line;
        self.f.blocks[self.cur.0 as usize].insts.push(kir::Inst { result, op, line });
        result
    }
    fn val(&mut self, op: Op) -> Value {
        self.push(op).expect("op with a result")
    }
    fn iconst(&mut self, t: KT, v: i128) -> Value {
        self.val(Op::Iconst(t, v))
    }
    fn bin(&mut self, op: kir::BinOp, a: Value, b: Value) -> Value {
        self.val(Op::Bin(op, a, b))
    }
    fn load(&mut self, t: KT, addr: Value, off: i32, volatile: bool) -> Value {
        self.val(Op::Load { ty: t, addr, offset: off, volatile })
    }
    fn store(&mut self, addr: Value, off: i32, v: Value, volatile: bool) {
        self.push(Op::Store { addr, offset: off, val: v, volatile });
    }
    fn ty(&self, v: Value) -> KT {
        self.f.ty(v)
    }
    fn new_block(&mut self) -> Block {
        self.f.new_block()
    }
    fn terminate(&mut self, t: Term) {
        self.f.blocks[self.cur.0 as usize].term = t;
        // Code after a terminator goes to a fresh unreachable block.
        self.cur = self.f.new_block();
    }
    fn jump(&mut self, b: Block) {
        self.terminate(Term::Jump(b));
    }
    fn switch_to(&mut self, b: Block) {
        // Fall through from the current block if it is still open.
        if matches!(self.f.blocks[self.cur.0 as usize].term, Term::Unreachable) && self.cur != b {
            self.f.blocks[self.cur.0 as usize].term = Term::Jump(b);
        }
        self.cur = b;
    }
    fn add_offset(&mut self, addr: Value, off: i64) -> Value {
        if off == 0 {
            return addr;
        }
        let c = self.iconst(KT::I64, off as i128);
        self.bin(kir::BinOp::Add, addr, c)
    }
    fn slot(&mut self, size: u64, align: u32, name: &str) -> kir::Slot {
        self.f.new_slot(size, align, name)
    }
    /// A slot that lives until the end of the current statement.
    fn temp_slot(&mut self, size: u64, align: u32, name: &str) -> kir::Slot {
        let s = match self.temps_free.iter().position(|&(sz, al, _)| sz == size && al == align) {
            Some(i) => self.temps_free.swap_remove(i).2,
            None => self.slot(size, align, name),
        };
        self.temps_live.push((size, align, s));
        s
    }
    /// An aggregate at `addr` as whole eightbytes to load for registers:
    /// itself when its size is a multiple of 8, else a padded copy (loading
    /// a partial last eightbyte in place could read past the object).
    fn eightbytes(&mut self, addr: Value, size: u64, name: &str) -> Value {
        if size.is_multiple_of(8) {
            return addr;
        }
        let s = self.temp_slot(size.next_multiple_of(8), 8, name);
        let tmp = self.slot_addr(s);
        self.copy(tmp, addr, size, 1);
        tmp
    }
    fn slot_addr(&mut self, s: kir::Slot) -> Value {
        self.val(Op::SlotAddr(s))
    }
    /// `-finstrument-functions`: `__cyg_profile_func_enter` (or `_exit`)
    /// with this function's address and its return address.
    fn profile_hook(&mut self, exit: bool) {
        if !self.def.instrument {
            return;
        }
        let this = self.val(Op::SymAddr(self.def.name.to_string(), 0));
        let site = self.val(Op::ReturnAddr);
        let hook = if exit { "__cyg_profile_func_exit" } else { "__cyg_profile_func_enter" };
        self.runtime_call(hook, vec![this, site], None);
    }

    fn copy(&mut self, dst: Value, src: Value, size: u64, align: u32) {
        if size > 0 {
            self.push(Op::Copy { dst, src, size, align });
        }
    }

    fn lower_function(mc: &'a mut ModCx<'t, 'd>, def: &'t FuncDef) -> kir::Function {
        let ft = def.ty.func().expect("function type").clone();
        let sig = abi::lower_sig(&ft, mc.recs(), false);
        let mut f = kir::Function::new(&def.name, sig);
        f.linkage = if def.is_static {
            kir::Linkage::Internal
        } else if def.is_weak {
            kir::Linkage::Weak
        } else {
            kir::Linkage::External
        };
        if def.visibility_hidden {
            f.visibility = kir::Visibility::Hidden;
        }
        f.file = mc.opts.file.clone();
        f.line = def.loc.line;
        f.section = def.section.as_ref().map(|s| s.to_string());
        let entry = f.new_block();
        let mut cx = FnCx {
            mc,
            f,
            cur: entry,
            line: def.loc.line,
            def,
            locals: Vec::new(),
            breaks: Vec::new(),
            conts: Vec::new(),
            labels: vec![None; def.nlabels as usize],
            cases: HashMap::new(),
            cleanups: vec![Vec::new()],
            temps_live: Vec::new(),
            temps_free: Vec::new(),
        };
        let classes = cx.param_classes(&ft);
        cx.alloc_locals(&classes);
        cx.debug_locals();
        cx.bind_params(&ft, &classes);
        cx.profile_hook(false);
        for s in &def.body {
            cx.stmt(s);
        }
        // Falling off the end: `main` returns 0, others return garbage (zero).
        cx.run_cleanups(0);
        cx.profile_hook(true);
        cx.x87_return_zero(&ft.ret);
        let rets = cx.f.sig.rets.clone();
        let vals: Vec<Value> = rets.iter().map(|&t| cx.zero(t)).collect();
        cx.terminate(Term::Ret(vals));
        cx.f
    }

    fn alloc_locals(&mut self, classes: &[(ArgClass, u32)]) {
        let opt = self.mc.opts.opt_level;
        // Aggregates passed in memory stay in the caller's argument area,
        // which the callee owns: no copy, no slot.
        let mut incoming = HashMap::new();
        for (&lid, (class, pi)) in self.def.params.iter().zip(classes) {
            if matches!(class, ArgClass::Memory) && abi::scalar_type(&self.def.locals[lid as usize].ty).is_none() {
                incoming.insert(lid as usize, *pi);
            }
        }
        // Locals in memory, as (local, size, align), placed after the others.
        let mut in_memory = Vec::new();
        for (i, l) in self.def.locals.iter().enumerate() {
            let st = if let Some(&pi) = incoming.get(&i) {
                Store::Incoming(self.val(Op::Param(pi)), pi)
            } else if l.ty.is_vla() {
                Store::Indirect(self.f.new_var(KT::I64))
            } else if opt > 0 && !l.addr_taken && !l.ty.is_volatile && !l.ty.is_atomic && abi::scalar_type(&l.ty).is_some() {
                Store::Var(self.f.new_var(kt_of(&l.ty)))
            } else {
                let size = self.size_of(&l.ty).max(1);
                let align = self.align_of(&l.ty).max(l.align);
                // Parameters arriving as eightbytes may store up to 16 bytes.
                let size = if l.is_param { size.next_multiple_of(8) } else { size };
                in_memory.push((i, size, align));
                Store::Slot(kir::Slot(u32::MAX))
            };
            self.locals.push(st);
        }
        self.share_slots(in_memory);
        // Give register variables a defined starting value so the SSA
        // construction never reads an undefined variable.
        for st in self.locals.clone() {
            if let Store::Var(v) | Store::Indirect(v) = st {
                let z = self.zero(self.f.vars[v.0 as usize]);
                self.push(Op::SetVar(v, z));
            }
        }
    }

    /// Gives the locals in memory their slots. Locals of disjoint block
    /// scopes never live at the same time, so they share a slot (as gcc
    /// shares stack space): deep recursion needs no more stack than with gcc.
    fn share_slots(&mut self, mut locals: Vec<(usize, u64, u32)>) {
        let span = |i: usize| if self.def.locals[i].is_param { (0, u32::MAX) } else { self.def.locals[i].scope_span };
        // Largest first, each into the first slot none of whose locals'
        // scopes overlaps its own: big objects end up sharing.
        locals.sort_by_key(|&(i, size, _)| (std::cmp::Reverse(size), i));
        /// Locals sharing one slot: their scope spans never overlap.
        struct Group {
            spans: Vec<(u32, u32)>,
            members: Vec<usize>,
            size: u64,
            align: u32,
        }
        let mut groups: Vec<Group> = Vec::new();
        for (i, size, align) in locals {
            let (open, close) = span(i);
            let free = groups.iter().position(|g| g.spans.iter().all(|&(o, c)| c <= open || close <= o));
            match free {
                Some(k) => {
                    let g = &mut groups[k];
                    g.spans.push((open, close));
                    g.members.push(i);
                    g.size = g.size.max(size);
                    g.align = g.align.max(align);
                }
                None => groups.push(Group { spans: vec![(open, close)], members: vec![i], size, align }),
            }
        }
        // Slots in declaration order, so frames lay out like the source.
        groups.sort_by_key(|g| g.members.iter().copied().min());
        for Group { members, size, align, .. } in groups {
            let first = members.iter().copied().min().unwrap_or(members[0]);
            let name = self.def.locals[first].name.clone();
            let s = self.slot(size, align, &name);
            for m in members {
                self.locals[m] = Store::Slot(s);
            }
        }
    }

    /// Parameters (in order), then locals, then static locals. Register
    /// locals get no location (there is no single place to give).
    fn debug_locals(&mut self) {
        let debug = self.mc.opts.debug;
        if debug {
            self.f.debug_type = Some(self.mc.debug_type(&self.def.ty));
        }
        let def = self.def;
        let order = def.params.iter().copied().chain((0..def.locals.len() as u32).filter(|i| !def.params.contains(i)));
        for lid in order {
            let l = &def.locals[lid as usize];
            let loc = match self.locals[lid as usize] {
                Store::Slot(s) => kir::DebugLoc::Slot(s),
                Store::Incoming(_, pi) => kir::DebugLoc::Incoming(pi),
                _ if debug => kir::DebugLoc::None,
                _ => continue,
            };
            if l.name.starts_with('<') {
                continue;
            }
            let ty = debug.then(|| self.mc.debug_type(&l.ty));
            let param = def.params.contains(&lid);
            self.f.debug_locals.push(kir::DebugLocal { name: l.name.to_string(), loc, ty, param, line: l.loc.line });
        }
        let statics = self.mc.statics.get(&*def.name).cloned().unwrap_or_default();
        for g in statics {
            if g.is_tls {
                continue;
            }
            let Some(name) = &g.c_name else { continue };
            let ty = Some(self.mc.debug_type(&g.ty));
            let loc = kir::DebugLoc::Symbol(g.name.to_string());
            self.f.debug_locals.push(kir::DebugLocal { name: name.to_string(), loc, ty, param: false, line: g.loc.line });
        }
    }

    /// How each parameter arrives, with the index of its first KIR parameter.
    fn param_classes(&self, ft: &FuncType) -> Vec<(ArgClass, u32)> {
        let mut placer = abi::Placer::new(self.f.sig.sret);
        let mut pi = 0;
        let mut out = Vec::new();
        for &lid in &self.def.params {
            let lty = &self.def.locals[lid as usize].ty;
            // K&R definitions receive promoted values.
            let arrive_ty = if ft.unprototyped { abi::promoted(lty) } else { lty.clone() };
            let class = placer.place(&arrive_ty, self.recs());
            let n = match &class {
                ArgClass::Scalar(_) | ArgClass::Memory => 1,
                ArgClass::Regs(r) => r.len() as u32,
                ArgClass::Ignore | ArgClass::X87(_) => 0,
            };
            out.push((class, pi));
            pi += n;
        }
        out
    }

    fn bind_params(&mut self, ft: &FuncType, classes: &[(ArgClass, u32)]) {
        let params = self.def.params.clone();
        for (&lid, (class, pi)) in params.iter().zip(classes) {
            let pi = *pi;
            let lty = self.def.locals[lid as usize].ty.clone();
            match class {
                ArgClass::Scalar(_) => {
                    let v = self.val(Op::Param(pi));
                    let v = if ft.unprototyped { self.convert_val(v, &abi::promoted(&lty), &lty) } else { v };
                    self.store_local(lid, v);
                }
                ArgClass::Regs(r) => {
                    // The parameter's slot is padded to whole eightbytes
                    // (`alloc_locals`), so they are stored in place.
                    let addr = self.local_addr(lid);
                    for i in 0..r.len() as u32 {
                        let v = self.val(Op::Param(pi + i));
                        self.store(addr, 8 * i as i32, v, false);
                    }
                }
                ArgClass::Memory if abi::scalar_type(&lty).is_some() => {
                    // A scalar (__int128) that arrived on the stack.
                    let src = self.val(Op::Param(pi));
                    let v = self.load_scalar(src, &lty);
                    self.store_local(lid, v);
                }
                // Used in place (`alloc_locals`).
                ArgClass::Memory => {}
                ArgClass::Ignore | ArgClass::X87(_) => {}
            }
        }
    }

    fn zero(&mut self, t: KT) -> Value {
        if t.is_float() { self.val(Op::Fconst(t, 0.0)) } else { self.iconst(t, 0) }
    }

    /// Address of a local that lives in memory.
    fn local_addr(&mut self, id: u32) -> Value {
        match self.locals[id as usize] {
            Store::Slot(s) => self.slot_addr(s),
            Store::Indirect(v) => self.val(Op::GetVar(v)),
            Store::Incoming(addr, _) => addr,
            Store::Var(_) => unreachable!("address of a register local"),
        }
    }

    fn store_local(&mut self, id: u32, v: Value) {
        match self.locals[id as usize] {
            Store::Var(var) => {
                self.push(Op::SetVar(var, v));
            }
            _ => {
                let a = self.local_addr(id);
                let ty = self.def.locals[id as usize].ty.clone();
                self.store_scalar(a, &ty, v);
            }
        }
    }

    /// Runs `cleanup` functions of scopes deeper than `depth` (innermost first).
    fn run_cleanups(&mut self, depth: usize) {
        let scopes: Vec<Vec<u32>> = self.cleanups[depth..].to_vec();
        for scope in scopes.iter().rev() {
            for &lid in scope.iter().rev() {
                let l = &self.def.locals[lid as usize];
                let Some(fname) = l.cleanup.clone() else { continue };
                let addr = self.local_addr(lid);
                let sig = kir::Sig { params: vec![kir::Param::Scalar(KT::I64)], ..Default::default() };
                self.push(Op::Call { callee: kir::Callee::Direct(fname.to_string()), sig, args: vec![addr], rets: vec![] });
            }
        }
    }
}
