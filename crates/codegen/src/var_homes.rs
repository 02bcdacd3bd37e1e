//! Frame homes for KIR vars that live in memory: one slot, in which vars
//! that are never live at the same time share bytes, as gcc's stack-slot
//! sharing does. The frame of a long function with many short-lived locals
//! then ends up below gcc -O0's, which gives every local its own bytes.

use crate::abi::cl_type;
use kir::{Function, Op, Term};

/// Each var's offset in the slot, and the slot's size.
pub(crate) struct Homes {
    pub offsets: Vec<u32>,
    pub size: u32,
}

/// A set of vars, one bit each.
#[derive(Clone, PartialEq)]
struct Set(Vec<u64>);

impl Set {
    fn new(n: usize) -> Self {
        Set(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, v: usize) {
        self.0[v / 64] |= 1 << (v % 64);
    }
    fn remove(&mut self, v: usize) {
        self.0[v / 64] &= !(1 << (v % 64));
    }
    fn contains(&self, v: usize) -> bool {
        self.0[v / 64] & (1 << (v % 64)) != 0
    }
    fn union(&mut self, o: &Set) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a |= b);
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &bits)| {
            let mut rest = bits;
            std::iter::from_fn(move || {
                let bit = (rest != 0).then(|| rest.trailing_zeros() as usize)?;
                rest &= rest - 1;
                Some(w * 64 + bit)
            })
        })
    }
}

fn successors(t: &Term) -> Vec<usize> {
    match t {
        Term::Jump(b) => vec![b.0 as usize],
        Term::Br { then, els, .. } => vec![then.0 as usize, els.0 as usize],
        Term::Switch { cases, default, .. } => cases.iter().map(|c| c.1.0 as usize).chain([default.0 as usize]).collect(),
        Term::Ret(_) | Term::Unreachable | Term::Trap => Vec::new(),
    }
}

/// Whether `f` calls a function that can return twice. A var live across
/// such a call must keep its bytes until the second return, which liveness
/// along the control-flow graph does not see.
fn returns_twice(f: &Function) -> bool {
    f.blocks.iter().flat_map(|b| &b.insts).any(|i| match &i.op {
        Op::Call { callee: kir::Callee::Direct(name), .. } => {
            name.contains("setjmp") || matches!(name.as_str(), "vfork" | "getcontext" | "savectx")
        }
        _ => false,
    })
}

/// Which vars are live at the same time as each var: at every write, the
/// written var and each var live after it; at entry, every var live there.
fn interference(f: &Function) -> Vec<Set> {
    let n = f.vars.len();
    let blocks = &f.blocks;
    // Per block: vars read before any write, and vars written.
    let mut uses = vec![Set::new(n); blocks.len()];
    let mut defs = vec![Set::new(n); blocks.len()];
    for (b, data) in blocks.iter().enumerate() {
        for i in &data.insts {
            match i.op {
                Op::GetVar(v) if !defs[b].contains(v.0 as usize) => uses[b].insert(v.0 as usize),
                Op::SetVar(v, _) => defs[b].insert(v.0 as usize),
                _ => {}
            }
        }
    }
    let succs: Vec<Vec<usize>> = blocks.iter().map(|b| successors(&b.term)).collect();
    let mut live_in = uses.clone();
    let mut changed = true;
    while changed {
        changed = false;
        for b in (0..blocks.len()).rev() {
            let mut live = Set::new(n);
            for &s in &succs[b] {
                live.union(&live_in[s]);
            }
            for (w, word) in live.0.iter_mut().enumerate() {
                *word = (*word & !defs[b].0[w]) | uses[b].0[w];
            }
            if live != live_in[b] {
                live_in[b] = live;
                changed = true;
            }
        }
    }
    let mut conflicts = vec![Set::new(n); n];
    let mut conflict = |a: usize, b: usize| {
        if a != b {
            conflicts[a].insert(b);
            conflicts[b].insert(a);
        }
    };
    for (b, data) in blocks.iter().enumerate() {
        let mut live = Set::new(n);
        for &s in &succs[b] {
            live.union(&live_in[s]);
        }
        for i in data.insts.iter().rev() {
            match i.op {
                Op::SetVar(v, _) => {
                    let v = v.0 as usize;
                    live.remove(v);
                    live.iter().for_each(|w| conflict(v, w));
                }
                Op::GetVar(v) => live.insert(v.0 as usize),
                _ => {}
            }
        }
    }
    if let Some(entry) = live_in.first() {
        let at_entry: Vec<usize> = entry.iter().collect();
        for (k, &a) in at_entry.iter().enumerate() {
            at_entry[k + 1..].iter().for_each(|&b| conflict(a, b));
        }
    }
    conflicts
}

/// Places every var of `f`, largest first, at the lowest offset aligned to
/// its size that overlaps no var it is live with.
pub(crate) fn pack(f: &Function) -> Homes {
    let n = f.vars.len();
    let size = |i: usize| cl_type(f.vars[i]).bytes();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(size(i)));
    let mut offsets = vec![0u32; n];
    if returns_twice(f) {
        let mut end = 0;
        for i in order {
            offsets[i] = end;
            end += size(i);
        }
        return Homes { offsets, size: end };
    }
    let conflicts = interference(f);
    let mut placed = Set::new(n);
    let mut end = 0;
    for i in order {
        let bytes = size(i);
        // The conflicting vars already placed, by offset.
        let mut taken: Vec<(u32, u32)> = conflicts[i].iter().filter(|&w| placed.contains(w)).map(|w| (offsets[w], size(w))).collect();
        taken.sort_unstable();
        let mut at = 0;
        for (start, len) in taken {
            if at + bytes <= start {
                break;
            }
            at = at.max((start + len).next_multiple_of(bytes));
        }
        offsets[i] = at;
        placed.insert(i);
        end = end.max(at + bytes);
    }
    Homes { offsets, size: end }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kir::{Block, Inst, Sig, Type, Value, Var};

    fn inst(f: &mut Function, b: Block, op: Op) -> Option<Value> {
        let result = kir::result_type(f, &op).map(|t| f.new_value(t));
        f.blocks[b.0 as usize].insts.push(Inst { result, op, line: 0 });
        result
    }
    fn set(f: &mut Function, b: Block, v: Var, x: i128) {
        let c = inst(f, b, Op::Iconst(Type::I64, x)).unwrap();
        inst(f, b, Op::SetVar(v, c));
    }
    fn get(f: &mut Function, b: Block, v: Var) -> Value {
        inst(f, b, Op::GetVar(v)).unwrap()
    }

    /// `a` lives in the first block, `b` in the second: they share bytes;
    /// `c` is live across both and shares with neither.
    #[test]
    fn disjoint_vars_share_bytes() {
        let mut f = Function::new("t", Sig { rets: vec![Type::I64], ..Default::default() });
        let (a, b, c) = (f.new_var(Type::I64), f.new_var(Type::I64), f.new_var(Type::I64));
        let (b0, b1) = (f.new_block(), f.new_block());
        set(&mut f, b0, c, 1);
        set(&mut f, b0, a, 2);
        get(&mut f, b0, a);
        f.blocks[0].term = Term::Jump(b1);
        set(&mut f, b1, b, 3);
        get(&mut f, b1, b);
        let r = get(&mut f, b1, c);
        f.blocks[1].term = Term::Ret(vec![r]);
        let h = pack(&f);
        assert_eq!(h.size, 16);
        assert_eq!(h.offsets[0], h.offsets[1]);
        assert_ne!(h.offsets[0], h.offsets[2]);
    }

    /// A var carried around a loop is live where the loop body defines
    /// another.
    #[test]
    fn loop_carried_var_keeps_its_bytes() {
        let mut f = Function::new("t", Sig::default());
        let (i, t) = (f.new_var(Type::I32), f.new_var(Type::I32));
        let (b0, head, body) = (f.new_block(), f.new_block(), f.new_block());
        let c = inst(&mut f, b0, Op::Iconst(Type::I32, 0)).unwrap();
        inst(&mut f, b0, Op::SetVar(i, c));
        f.blocks[0].term = Term::Jump(head);
        let x = get(&mut f, head, i);
        f.blocks[1].term = Term::Br { cond: x, then: body, els: b0 };
        inst(&mut f, body, Op::SetVar(t, c));
        let y = get(&mut f, body, t);
        let old = get(&mut f, body, i);
        let sum = inst(&mut f, body, Op::Bin(kir::BinOp::Add, old, y)).unwrap();
        inst(&mut f, body, Op::SetVar(i, sum));
        f.blocks[2].term = Term::Jump(head);
        let h = pack(&f);
        assert_ne!(h.offsets[0], h.offsets[1]);
    }

    /// After a call to setjmp, no var shares bytes with another.
    #[test]
    fn no_sharing_when_a_call_returns_twice() {
        let mut f = Function::new("t", Sig::default());
        let (a, b) = (f.new_var(Type::I64), f.new_var(Type::I64));
        let b0 = f.new_block();
        set(&mut f, b0, a, 1);
        get(&mut f, b0, a);
        let sig = Sig { rets: vec![Type::I32], ..Default::default() };
        let r = f.new_value(Type::I32);
        f.blocks[0].insts.push(Inst {
            result: None,
            op: Op::Call { callee: kir::Callee::Direct("_setjmp".into()), sig, args: vec![], rets: vec![r] },
            line: 0,
        });
        set(&mut f, b0, b, 2);
        get(&mut f, b0, b);
        f.blocks[0].term = Term::Ret(vec![]);
        let h = pack(&f);
        assert_eq!(h.size, 16);
    }
}
