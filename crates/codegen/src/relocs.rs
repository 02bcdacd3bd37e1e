//! Cranelift's relocations → kit's, named by what they compute.

use crate::names::Names;
use cranelift_codegen::binemit::Reloc;
use cranelift_codegen::entity::PrimaryMap;
use cranelift_codegen::ir::{ExternalName, LibCall, UserExternalName};
use cranelift_codegen::{FinalizedMachReloc, FinalizedRelocTarget};
use obj::RelocKind;

/// A relocation in a function's code, against a symbol of the module's
/// [`Names`] or the function itself (`target == None`: Cranelift's
/// intra-function references, with the offset in the addend).
pub(crate) struct FuncReloc {
    pub offset: u32,
    pub kind: RelocKind,
    pub target: Option<u32>,
    pub addend: i64,
}

fn kind(r: Reloc) -> Option<RelocKind> {
    Some(match r {
        // Both become PLT32: the linker binds local calls directly and sends
        // the others through a PLT stub.
        Reloc::X86CallPCRel4 | Reloc::X86CallPLTRel4 => RelocKind::Plt32,
        Reloc::X86PCRel4 => RelocKind::PcRel32,
        // `mov sym@GOTPCREL(%rip), %reg` for symbols outside the module.
        Reloc::X86GOTPCRel4 => RelocKind::GotPcRel32,
        Reloc::Abs8 => RelocKind::Abs64,
        Reloc::Abs4 => RelocKind::Abs32,
        Reloc::ElfX86_64TlsGd => RelocKind::TlsGd,
        _ => return None,
    })
}

fn libcall_name(lc: LibCall) -> Option<&'static str> {
    Some(match lc {
        LibCall::ElfTlsGetAddr => "__tls_get_addr",
        LibCall::Memcpy => "memcpy",
        LibCall::Memset => "memset",
        _ => return None,
    })
}

pub(crate) fn convert(
    func: &str,
    relocs: &[FinalizedMachReloc],
    user_names: &PrimaryMap<cranelift_codegen::ir::UserExternalNameRef, UserExternalName>,
    names: &Names,
    out: &mut Vec<FuncReloc>,
) -> Result<(), String> {
    for r in relocs {
        let kind = kind(r.kind).ok_or_else(|| format!("{func}: unsupported relocation {:?}", r.kind))?;
        let (target, addend) = match &r.target {
            FinalizedRelocTarget::ExternalName(ExternalName::User(u)) => (Some(user_names[*u].index), r.addend),
            FinalizedRelocTarget::ExternalName(ExternalName::LibCall(lc)) => {
                let n = libcall_name(*lc).ok_or_else(|| format!("{func}: unsupported libcall {lc:?}"))?;
                (Some(names.id(n)), r.addend)
            }
            FinalizedRelocTarget::Func(off) => (None, r.addend + *off as i64),
            other => return Err(format!("{func}: unsupported relocation target {other:?}")),
        };
        out.push(FuncReloc { offset: r.offset, kind, target, addend });
    }
    Ok(())
}
