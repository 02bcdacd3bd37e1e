//! Linker-made entries: PLT-style stubs for calls that leave the image, GOT
//! slots for GOT-relative loads (and for the stubs), and TLS GOT pairs
//! `{module, offset}` handed to `__tls_get_addr`. Entries are created on
//! demand, one per distinct target.

use crate::resolve::{Resolution, Target};
use obj::{Object, Reloc, RelocKind};
use std::collections::HashMap;

pub(crate) const STUB_SIZE: u64 = 16;
pub(crate) const R_X86_64_TLSLD: u32 = 20;

/// A TLS GOT pair: for one variable (general dynamic) or the module's base
/// (local dynamic: offset 0, the variable's DTPOFF added by the code).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum TlsPair {
    Var(Target),
    Module,
}

#[derive(Default)]
pub(crate) struct Tables {
    /// Target → stub number.
    pub stubs: HashMap<Target, u64>,
    /// Target → GOT slot number.
    pub got: HashMap<Target, u64>,
    /// Pair → pair number.
    pub tls_pairs: HashMap<TlsPair, u64>,
}

fn number<K: std::hash::Hash + Eq>(m: &mut HashMap<K, u64>, k: K) {
    let n = m.len() as u64;
    m.entry(k).or_insert(n);
}

/// A `PcRel32` that is the operand of `call rel32` / `jmp rel32` (older
/// assemblers emit these for calls): it may go through a stub like `Plt32`.
pub(crate) fn is_call_operand(data: &[u8], r: &Reloc) -> bool {
    r.addend == -4 && r.offset >= 1 && matches!(data.get(r.offset as usize - 1), Some(0xe8 | 0xe9))
}

impl Tables {
    pub(crate) fn build(objects: &[Object], res: &Resolution) -> Tables {
        let mut t = Tables::default();
        for (oi, o) in objects.iter().enumerate() {
            for (si, s) in o.sections.iter().enumerate() {
                for (r, &target) in s.relocs.iter().zip(&res.targets[oi][si]) {
                    match r.kind {
                        RelocKind::Plt32 if matches!(target, Target::Ext(_)) => number(&mut t.stubs, target),
                        RelocKind::PcRel32 if matches!(target, Target::Ext(_)) && is_call_operand(&s.data, r) => {
                            number(&mut t.stubs, target)
                        }
                        RelocKind::GotPcRel32 | RelocKind::GotPcRelX32 => number(&mut t.got, target),
                        RelocKind::TlsGd => number(&mut t.tls_pairs, TlsPair::Var(target)),
                        RelocKind::ElfRaw(R_X86_64_TLSLD) => number(&mut t.tls_pairs, TlsPair::Module),
                        _ => {}
                    }
                }
            }
        }
        // Each stub jumps through a GOT slot of its own target.
        let mut stub_targets: Vec<(Target, u64)> = t.stubs.iter().map(|(&k, &v)| (k, v)).collect();
        stub_targets.sort_by_key(|e| e.1);
        for (target, _) in stub_targets {
            number(&mut t.got, target);
        }
        t
    }
}

/// `jmp *slot(%rip)` padded with `int3` to a stub's size; `at` is the
/// stub's runtime address, `slot` its GOT slot's.
pub(crate) fn stub_code(at: u64, slot: u64) -> [u8; STUB_SIZE as usize] {
    let rel = slot.wrapping_sub(at + 6) as i64 as i32;
    let mut code = [0xcc; STUB_SIZE as usize];
    code[0] = 0xff;
    code[1] = 0x25;
    code[2..6].copy_from_slice(&rel.to_le_bytes());
    code
}
