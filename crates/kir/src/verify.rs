//! Structural checks on a function: operand types agree, values are defined
//! before use within a block, branch targets exist. Run in debug builds and
//! tests; a failure is a frontend bug, reported rather than miscompiled.

use crate::*;

pub fn verify_function(f: &Function) -> Result<(), String> {
    let nblocks = f.blocks.len() as u32;
    let nvals = f.value_types.len() as u32;
    let check_block = |b: &Block| -> Result<(), String> {
        if b.0 < nblocks { Ok(()) } else { Err(format!("{}: branch to missing block b{}", f.name, b.0)) }
    };
    let check_val = |x: &Value| -> Result<(), String> {
        if x.0 < nvals { Ok(()) } else { Err(format!("{}: use of undefined value %{}", f.name, x.0)) }
    };
    for (bi, b) in f.blocks.iter().enumerate() {
        for inst in &b.insts {
            let err = |m: &str| Err(format!("{}: b{bi}: {m}: {inst:?}", f.name));
            match &inst.op {
                Op::Bin(op, a, c) => {
                    check_val(a)?;
                    check_val(c)?;
                    let shift = matches!(op, BinOp::Shl | BinOp::SShr | BinOp::UShr);
                    if !shift && f.ty(*a) != f.ty(*c) {
                        return err("operand types differ");
                    }
                    let float_op = matches!(op, BinOp::FAdd | BinOp::FSub | BinOp::FMul | BinOp::FDiv);
                    if float_op != f.ty(*a).is_float() {
                        return err("int/float operator mismatch");
                    }
                }
                Op::Cmp(_, a, c) => {
                    check_val(a)?;
                    check_val(c)?;
                    if f.ty(*a) != f.ty(*c) {
                        return err("compared types differ");
                    }
                }
                Op::Store { addr, val, .. } => {
                    check_val(addr)?;
                    check_val(val)?;
                    if f.ty(*addr) != PTR {
                        return err("store address is not a pointer");
                    }
                }
                Op::Load { addr, .. } => {
                    check_val(addr)?;
                    if f.ty(*addr) != PTR {
                        return err("load address is not a pointer");
                    }
                }
                Op::SetVar(x, a) => {
                    check_val(a)?;
                    if f.vars[x.0 as usize] != f.ty(*a) {
                        return err("variable type mismatch");
                    }
                }
                Op::Select(c, a, d) => {
                    check_val(c)?;
                    check_val(a)?;
                    check_val(d)?;
                    if f.ty(*a) != f.ty(*d) {
                        return err("select arms differ");
                    }
                }
                Op::Call { sig, args, rets, .. } => {
                    let fixed = sig.params.len() + sig.sret as usize;
                    if args.len() < fixed || (!sig.variadic && args.len() != fixed) {
                        return err("wrong argument count");
                    }
                    if rets.len() != sig.rets.len() {
                        return err("wrong result count");
                    }
                }
                _ => {}
            }
        }
        match &b.term {
            Term::Jump(t) => check_block(t)?,
            Term::Br { cond, then, els } => {
                check_val(cond)?;
                check_block(then)?;
                check_block(els)?;
            }
            Term::Switch { val, cases, default } => {
                check_val(val)?;
                check_block(default)?;
                for (_, t) in cases {
                    check_block(t)?;
                }
            }
            Term::Ret(vs) => {
                if vs.len() != f.sig.rets.len() {
                    return Err(format!("{}: b{bi}: return arity", f.name));
                }
                for (x, t) in vs.iter().zip(&f.sig.rets) {
                    check_val(x)?;
                    if f.ty(*x) != *t {
                        return Err(format!("{}: b{bi}: return type mismatch", f.name));
                    }
                }
            }
            Term::Unreachable | Term::Trap => {}
        }
    }
    Ok(())
}
