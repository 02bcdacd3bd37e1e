//! Rematerialization of addresses (and of scalar arguments passed on the
//! stack) after Cranelift's e-graph pass.
//!
//! The e-graph merges every `stack_addr` of a slot (and every address of a
//! symbol) into one value and hoists it out of loops. That value then lives
//! across calls, and regalloc2, which never rematerializes, gives it a
//! callee-saved register or a spill slot of its own: large functions ended
//! up with frames far bigger than gcc's. Recomputing such an address right
//! before each use costs one `lea` (what gcc does too) and no register.

use crate::lower::incoming_scalar;
use cranelift_codegen::cursor::{Cursor, FuncCursor};
use cranelift_codegen::ir::{Function, InstBuilder, InstructionData, Opcode, Value, ValueDef, types};
use std::collections::{HashMap, HashSet};

/// Gives each instruction that uses a cheap address its own copy of it.
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
/// incoming argument's; or a scalar argument passed on the stack (one load).
fn recipe(func: &Function, v: Value) -> Option<Recipe> {
    let data = def_of(func, v)?;
    match data {
        InstructionData::Load { opcode: Opcode::Load, arg, flags, offset } if func.dfg.mem_flags[flags] == incoming_scalar() => {
            let Some(Recipe::FrameOffset(off)) = recipe(func, arg) else { return None };
            Some(Recipe::Incoming(off.checked_add(i64::from(offset))?))
        }
        InstructionData::StackAddr { .. } | InstructionData::UnaryGlobalValue { opcode: Opcode::SymbolValue, .. } => {
            Some(Recipe::Copy(data))
        }
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
