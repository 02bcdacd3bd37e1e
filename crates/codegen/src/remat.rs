//! Rematerialization of addresses and constants (and of scalar arguments
//! passed on the stack) after Cranelift's e-graph pass.
//!
//! The e-graph merges every `stack_addr` of a slot (and every address of a
//! symbol) into one value and hoists it out of loops. That value then lives
//! across calls, and regalloc2, which never rematerializes, gives it a
//! callee-saved register or a spill slot of its own: large functions ended
//! up with frames far bigger than gcc's. Recomputing such an address right
//! before each use costs one `lea` (what gcc does too) and no register.
//! Constants, merged the same way, are recomputed too: most fold into the
//! instruction that uses them.

use crate::lower::incoming_scalar;
use cranelift_codegen::cursor::{Cursor, FuncCursor};
use cranelift_codegen::ir::{Function, Inst, InstBuilder, InstructionData, Opcode, Value, ValueDef, types};
use std::collections::{HashMap, HashSet};

/// Gives each instruction that uses a cheap address or a constant its own
/// copy of it.
pub(crate) fn addresses(func: &mut Function) {
    let mut users = Vec::new();
    for block in func.layout.blocks() {
        for inst in func.layout.block_insts(block) {
            let cheap: Vec<Value> = func.dfg.inst_values(inst).filter(|&v| recipe(func, v).is_some()).collect();
            if !cheap.is_empty() {
                users.push((inst, cheap));
            }
        }
    }
    let mut incoming_loads = Vec::new();
    for (inst, values) in users {
        let mut copies: HashMap<Value, Value> = HashMap::new();
        let mut cur = FuncCursor::new(func).at_inst(inst);
        for v in values {
            if copies.contains_key(&v) {
                continue;
            }
            let ty = cur.func.dfg.value_type(v);
            let copy = match recipe(cur.func, v) {
                Some(Recipe::Copy(data)) => {
                    let inst = cur.func.dfg.make_inst(data);
                    cur.func.dfg.make_inst_results(inst, ty);
                    cur.insert_inst(inst);
                    cur.func.dfg.first_result(inst)
                }
                Some(Recipe::FrameOffset(off)) => {
                    let fp = cur.ins().get_frame_pointer(ty);
                    let off = cur.ins().iconst(ty, off);
                    cur.ins().iadd(fp, off)
                }
                Some(Recipe::Incoming(off)) => {
                    incoming_loads.push(cur.func.dfg.resolve_aliases(v));
                    let fp = cur.ins().get_frame_pointer(types::I64);
                    let off = cur.ins().iconst(types::I64, off);
                    let addr = cur.ins().iadd(fp, off);
                    cur.ins().load(ty, incoming_scalar(), addr, 0)
                }
                None => continue,
            };
            copies.insert(v, copy);
        }
        cur.func.dfg.map_inst_values(inst, |v| copies.get(&v).copied().unwrap_or(v));
    }
    remove_unused_loads(func, incoming_loads);
    sink_slot_loads(func);
}

/// Moves each load from a stack slot that has one user later in its block,
/// with nothing between them that stores or calls, to just before that user
/// (with its address). The e-graph places pure instructions as late as it
/// can, so `a + b + c` becomes every load first, then the adds; Cranelift
/// then folds each load into its add but leaves the address computations
/// behind, all live at once (Cranelift's x64 `lower_to_amode` does not fold
/// a `stack_addr`, and regalloc2 spills them).
fn sink_slot_loads(func: &mut Function) {
    let mut uses: HashMap<Value, (u32, Option<Inst>)> = HashMap::new();
    for block in func.layout.blocks() {
        for inst in func.layout.block_insts(block) {
            for v in func.dfg.inst_values(inst) {
                let e = uses.entry(func.dfg.resolve_aliases(v)).or_insert((0, None));
                *e = (e.0 + 1, Some(inst));
            }
        }
    }
    let single_user = |v: Value| match uses.get(&v) {
        Some(&(1, user)) => user,
        _ => None,
    };
    let blocks: Vec<_> = func.layout.blocks().collect();
    for block in blocks {
        let insts: Vec<Inst> = func.layout.block_insts(block).collect();
        for inst in insts {
            let InstructionData::Load { arg, .. } = func.dfg.insts[inst] else { continue };
            let Some(InstructionData::StackAddr { .. }) = def_of(func, arg) else { continue };
            let Some(user) = func.dfg.inst_results(inst).first().and_then(|&r| single_user(r)) else { continue };
            if func.layout.inst_block(user) != Some(block) || !only_loads_and_pure_between(func, inst, user) {
                continue;
            }
            func.layout.remove_inst(inst);
            func.layout.insert_inst(inst, user);
            if let ValueDef::Result(addr, _) = func.dfg.value_def(func.dfg.resolve_aliases(arg))
                && single_user(func.dfg.resolve_aliases(arg)) == Some(inst)
            {
                func.layout.remove_inst(addr);
                func.layout.insert_inst(addr, inst);
            }
        }
    }
}

/// Whether every instruction strictly between `from` and `to` (in one
/// block, `from` first) leaves memory alone, so a load can move across them.
fn only_loads_and_pure_between(func: &Function, from: Inst, to: Inst) -> bool {
    let mut at = func.layout.next_inst(from);
    while let Some(inst) = at {
        if inst == to {
            return true;
        }
        let op = func.dfg.insts[inst].opcode();
        if op.can_store() || op.is_call() || op.other_side_effects() || op.is_terminator() {
            return false;
        }
        at = func.layout.next_inst(inst);
    }
    false
}

/// Removes the original loads of stack-passed arguments that every user now
/// reloads for itself: Cranelift would still emit a load it does not know
/// to be dead.
fn remove_unused_loads(func: &mut Function, mut loads: Vec<Value>) {
    if loads.is_empty() {
        return;
    }
    let mut used = HashSet::new();
    for block in func.layout.blocks() {
        for inst in func.layout.block_insts(block) {
            used.extend(func.dfg.inst_values(inst).map(|v| func.dfg.resolve_aliases(v)));
        }
    }
    loads.sort_unstable();
    loads.dedup();
    for v in loads {
        if let ValueDef::Result(inst, _) = func.dfg.value_def(v)
            && !used.contains(&v)
        {
            func.layout.remove_inst(inst);
        }
    }
}

enum Recipe {
    /// One instruction, as it is (or with a folded offset).
    Copy(InstructionData),
    /// The frame pointer plus a constant: an argument passed in memory.
    FrameOffset(i64),
    /// A scalar argument loaded from the caller's argument area, at this
    /// offset from the frame pointer.
    Incoming(i64),
}

/// How to recompute `v` if it is an address worth recomputing: a slot's
/// (`lea` off the stack pointer; a constant added to one folds into its
/// offset), a non-TLS symbol's (`lea` off `%rip`, or one GOT load), or an
/// incoming argument's; a constant; or a scalar argument passed on the
/// stack (one load).
fn recipe(func: &Function, v: Value) -> Option<Recipe> {
    let data = def_of(func, v)?;
    match data {
        InstructionData::Load { opcode: Opcode::Load, arg, flags, offset } if func.dfg.mem_flags[flags] == incoming_scalar() => {
            let Some(Recipe::FrameOffset(off)) = recipe(func, arg) else { return None };
            Some(Recipe::Incoming(off.checked_add(i64::from(offset))?))
        }
        InstructionData::StackAddr { .. }
        | InstructionData::UnaryGlobalValue { opcode: Opcode::SymbolValue, .. }
        | InstructionData::UnaryImm { opcode: Opcode::Iconst, .. }
        | InstructionData::UnaryIeee32 { opcode: Opcode::F32const, .. }
        | InstructionData::UnaryIeee64 { opcode: Opcode::F64const, .. } => Some(Recipe::Copy(data)),
        InstructionData::Binary { opcode: Opcode::Iadd, args } => {
            let (base, add) = match (def_of(func, args[0])?, def_of(func, args[1])?) {
                (b, InstructionData::UnaryImm { imm, .. }) | (InstructionData::UnaryImm { imm, .. }, b) => (b, imm.bits()),
                _ => return None,
            };
            match base {
                InstructionData::StackAddr { opcode, stack_slot, offset } => {
                    let offset = i32::try_from(i64::from(offset).checked_add(add)?).ok()?;
                    Some(Recipe::Copy(InstructionData::StackAddr { opcode, stack_slot, offset: offset.into() }))
                }
                InstructionData::NullAry { opcode: Opcode::GetFramePointer } => Some(Recipe::FrameOffset(add)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn def_of(func: &Function, v: Value) -> Option<InstructionData> {
    let ValueDef::Result(def, _) = func.dfg.value_def(func.dfg.resolve_aliases(v)) else { return None };
    Some(func.dfg.insts[def])
}
