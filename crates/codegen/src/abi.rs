//! C calling convention details Cranelift leaves to its users (x86-64 SysV):
//! signatures, argument-register accounting, and the `%al` thunks for
//! variadic calls.

use cranelift_codegen::ir::{self, AbiParam, ArgumentPurpose, types};
use cranelift_codegen::isa::CallConv;
use kir::{Param, Type as KT};

pub(crate) fn cl_type(t: KT) -> ir::Type {
    match t {
        KT::I8 => types::I8,
        KT::I16 => types::I16,
        KT::I32 => types::I32,
        KT::I64 => types::I64,
        KT::I128 => types::I128,
        KT::F32 => types::F32,
        KT::F64 => types::F64,
    }
}

/// The Cranelift signature of a KIR signature, plus `extra` trailing
/// parameters (variadic arguments at a call site, widening registers).
pub(crate) fn cl_sig(sig: &kir::Sig, extra: impl IntoIterator<Item = ir::Type>) -> ir::Signature {
    let mut s = ir::Signature::new(CallConv::SystemV);
    if sig.sret {
        // Cranelift also returns it in rax, as SysV requires.
        s.params.push(AbiParam::special(types::I64, ArgumentPurpose::StructReturn));
    }
    for p in &sig.params {
        s.params.push(match p {
            Param::Scalar(t) => AbiParam::new(cl_type(*t)),
            // The caller copies the object into the outgoing argument area;
            // the callee's parameter is its address there.
            Param::ByVal { size, .. } => AbiParam::special(types::I64, ArgumentPurpose::StructArgument(size.next_multiple_of(8))),
        });
    }
    s.params.extend(extra.into_iter().map(AbiParam::new));
    s.returns.extend(sig.rets.iter().map(|t| AbiParam::new(cl_type(*t))));
    s
}

/// One Cranelift argument of a call whose small in-memory aggregates are
/// passed as their eightbytes ([`spread_byval`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArgPiece {
    /// The KIR argument with this index (after any sret pointer), as is.
    Arg(usize),
    /// A dummy value filling an integer argument register, so that the
    /// eightbytes after it go to the stack.
    Filler,
    /// Bytes `offset..offset + len` (`len` ≤ 8) of the aggregate whose
    /// address is KIR argument `arg`.
    Eightbyte { arg: usize, offset: u32, len: u32 },
}

/// Aggregates passed in memory at most this big, in all, go as eightbytes.
const SPREAD_MAX_BYTES: u32 = 32;

/// The arguments of a call to `sig` with its in-memory aggregates passed as
/// plain eightbytes on the stack, or None where that does not apply.
///
/// Cranelift passes a `StructArgument` by calling `memcpy` into the outgoing
/// area after computing the other arguments, which then all live across
/// that call, in callee-saved registers or spill slots. Eightbytes are
/// stored one by one instead. The stack layout is the same (SysV puts an
/// aggregate at the next 8-byte boundary); to keep the eightbytes off the
/// integer argument registers, the register arguments come first, then
/// fillers for the integer registers left, then every stack argument in
/// order.
pub(crate) fn spread_byval(sig: &kir::Sig) -> Option<Vec<ArgPiece>> {
    let byval = |p: &Param| matches!(p, Param::ByVal { .. });
    if sig.variadic || !sig.params.iter().any(byval) {
        return None;
    }
    let mut bytes = 0;
    let (mut gp, mut fp) = (sig.sret as u32, 0);
    let (mut regs, mut stack) = (Vec::new(), Vec::new());
    for (i, p) in sig.params.iter().enumerate() {
        let arg = i + sig.sret as usize;
        match *p {
            Param::ByVal { size, align } => {
                if align > 8 {
                    return None;
                }
                bytes += size.next_multiple_of(8);
                for offset in (0..size).step_by(8) {
                    stack.push(ArgPiece::Eightbyte { arg, offset, len: (size - offset).min(8) });
                }
            }
            Param::Scalar(KT::I128) => return None,
            Param::Scalar(t) => {
                let (used, max) = if t.is_float() { (&mut fp, FP_ARGS) } else { (&mut gp, GP_ARGS) };
                if *used < max {
                    regs.push(ArgPiece::Arg(arg))
                } else {
                    stack.push(ArgPiece::Arg(arg))
                }
                *used += 1;
            }
        }
    }
    if bytes > SPREAD_MAX_BYTES {
        return None;
    }
    let fillers = GP_ARGS.saturating_sub(gp) as usize;
    let sret = sig.sret.then_some(ArgPiece::Arg(0));
    Some(sret.into_iter().chain(regs).chain(std::iter::repeat_n(ArgPiece::Filler, fillers)).chain(stack).collect())
}

/// Where parameter `i`, passed in memory, sits relative to the frame
/// pointer: above the saved frame pointer and the return address.
pub(crate) fn incoming_offset(sig: &kir::Sig, i: u32) -> i64 {
    16 + RegUse::of(sig.sret, sig.params[..i as usize].iter().copied()).stack as i64
}

pub(crate) const GP_ARGS: u32 = 6;
pub(crate) const FP_ARGS: u32 = 8;

/// How a parameter list uses argument registers and stack, counted the way
/// Cranelift assigns them (which is SysV's order for what KIR passes: the
/// frontend sends an `__int128` that does not fit to memory as `ByVal`).
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct RegUse {
    /// General-purpose registers consumed (may exceed 6: then stack).
    pub gp: u32,
    pub fp: u32,
    /// Bytes of stack arguments.
    pub stack: u32,
}

impl RegUse {
    pub fn of(sret: bool, params: impl IntoIterator<Item = Param>) -> RegUse {
        let mut r = RegUse { gp: sret as u32, ..Default::default() };
        for p in params {
            match p {
                Param::Scalar(t) if t.is_float() => {
                    if r.fp < FP_ARGS {
                        r.fp += 1
                    } else {
                        r.stack += 8
                    }
                }
                Param::Scalar(KT::I128) => {
                    if r.gp + 2 > GP_ARGS {
                        r.stack = r.stack.next_multiple_of(16) + 16;
                    }
                    r.gp += 2;
                }
                Param::Scalar(_) => {
                    if r.gp >= GP_ARGS {
                        r.stack += 8
                    }
                    r.gp += 1;
                }
                Param::ByVal { size, .. } => r.stack += size.next_multiple_of(8),
            }
        }
        r
    }

    pub fn of_sig(sig: &kir::Sig) -> RegUse {
        RegUse::of(sig.sret, sig.params.iter().copied())
    }

    /// Argument registers still free after these parameters.
    pub fn free_gp(&self) -> u32 {
        GP_ARGS.saturating_sub(self.gp)
    }
    pub fn free_fp(&self) -> u32 {
        FP_ARGS.saturating_sub(self.fp)
    }
}

/// SysV integer argument registers as x86 register numbers (rdi, rsi, rdx,
/// rcx, r8, r9).
const GP_REGNUM: [u8; 6] = [7, 6, 2, 1, 8, 9];

/// A thunk that sets `%al` (an upper bound on the vector registers a
/// variadic call uses, which SysV requires and Cranelift never sets) and
/// jumps to the callee.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum VaThunk {
    /// `mov al, N; jmp callee` (PLT32).
    Direct { callee: String, nfloat: u8 },
    /// Indirect call with the target passed as an extra argument in the
    /// first argument register the call leaves free: `mov al, N; jmp *%reg`
    /// (for an xmm register: `movq %xmmK, %r11; jmp *%r11`). An unused
    /// argument register is harmless to the callee, and this is thread-safe.
    InReg { nfloat: u8, reg: ArgReg },
    /// Indirect call using all 6 integer and 8 vector argument registers:
    /// the target goes through a module-local global slot (not thread-safe;
    /// such calls are practically nonexistent).
    Slot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ArgReg {
    Gp(u8),
    Xmm(u8),
}

/// The module-local pointer slot [`VaThunk::Slot`] jumps through.
pub(crate) const VA_SLOT: &str = "__kit_va_target";

impl VaThunk {
    /// The thunk for a variadic call with these (already lowered) arguments.
    pub fn for_call(callee: &kir::Callee, sig: &kir::Sig, arg_types: impl Iterator<Item = KT> + Clone) -> VaThunk {
        let nfloat = arg_types.clone().filter(|t| t.is_float()).count().min(FP_ARGS as usize) as u8;
        match callee {
            kir::Callee::Direct(name) => VaThunk::Direct { callee: name.clone(), nfloat },
            kir::Callee::Indirect(_) => {
                let ru = call_reg_use(sig, arg_types);
                if ru.free_gp() > 0 {
                    VaThunk::InReg { nfloat, reg: ArgReg::Gp(ru.gp as u8) }
                } else if ru.free_fp() > 0 {
                    VaThunk::InReg { nfloat, reg: ArgReg::Xmm(ru.fp as u8) }
                } else {
                    VaThunk::Slot
                }
            }
        }
    }

    pub fn name(&self) -> String {
        match self {
            VaThunk::Direct { callee, nfloat } => format!("__kit_va.{nfloat}.{callee}"),
            VaThunk::InReg { nfloat, reg: ArgReg::Gp(r) } => format!("__kit_va.{nfloat}.gp{r}"),
            VaThunk::InReg { nfloat, reg: ArgReg::Xmm(r) } => format!("__kit_va.{nfloat}.xmm{r}"),
            VaThunk::Slot => "__kit_va.slot".to_string(),
        }
    }

    /// The extra trailing argument type carrying the target, if any.
    pub fn target_arg(&self) -> Option<ir::Type> {
        match self {
            VaThunk::InReg { reg: ArgReg::Gp(_), .. } => Some(types::I64),
            VaThunk::InReg { reg: ArgReg::Xmm(_), .. } => Some(types::F64),
            _ => None,
        }
    }

    /// Machine code, and the offset of a rel32 field needing a relocation
    /// (PLT32 to the callee, or PC32 to [`VA_SLOT`]).
    pub fn code(&self) -> (Vec<u8>, Option<u32>) {
        match *self {
            VaThunk::Direct { nfloat, .. } => (vec![0xb0, nfloat, 0xe9, 0, 0, 0, 0], Some(3)),
            VaThunk::InReg { nfloat, reg: ArgReg::Gp(r) } => {
                let n = GP_REGNUM[r as usize];
                let mut c = vec![0xb0, nfloat];
                if n >= 8 {
                    c.push(0x41);
                }
                c.extend([0xff, 0xe0 | (n & 7)]);
                (c, None)
            }
            // movq %xmmK, %r11 (66 REX.W+B 0f 7e /r); jmp *%r11
            VaThunk::InReg { nfloat, reg: ArgReg::Xmm(k) } => {
                (vec![0xb0, nfloat, 0x66, 0x49, 0x0f, 0x7e, 0xc3 | (k << 3), 0x41, 0xff, 0xe3], None)
            }
            // mov al, 8; jmp *slot(%rip)
            VaThunk::Slot => (vec![0xb0, 8, 0xff, 0x25, 0, 0, 0, 0], Some(4)),
        }
    }

    pub fn callee(&self) -> Option<&str> {
        match self {
            VaThunk::Direct { callee, .. } => Some(callee),
            _ => None,
        }
    }
}

/// Register use of a call's arguments: the signature's fixed parameters
/// then the variadic extras (`arg_types` lists all arguments, sret first).
fn call_reg_use(sig: &kir::Sig, arg_types: impl Iterator<Item = KT>) -> RegUse {
    let fixed = sig.params.len() + sig.sret as usize;
    let extra = arg_types.skip(fixed).map(Param::Scalar);
    RegUse::of(sig.sret, sig.params.iter().copied().chain(extra))
}
