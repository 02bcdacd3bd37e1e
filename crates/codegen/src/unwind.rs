//! `.eh_frame`: a CIE and one FDE per function from Cranelift's unwind
//! info, with PC-relative pointers (cranelift-object's absolute ones would
//! be text relocations in a PIE).

use crate::relwriter::{GenSection, RelocWriter};
use cranelift_codegen::isa::TargetIsa;
use gimli::write::{EhFrame, FrameDescriptionEntry, FrameTable};

pub(crate) fn eh_frame(isa: &dyn TargetIsa, fdes: Vec<FrameDescriptionEntry>) -> Result<Option<GenSection>, String> {
    if fdes.is_empty() {
        return Ok(None);
    }
    let Some(mut cie) = isa.create_systemv_cie() else { return Ok(None) };
    cie.fde_address_encoding = gimli::DW_EH_PE_pcrel | gimli::DW_EH_PE_sdata4;
    let mut table = FrameTable::default();
    let cie_id = table.add_cie(cie);
    for f in fdes {
        table.add_fde(cie_id, f);
    }
    let mut eh = EhFrame(RelocWriter::new());
    table.write_eh_frame(&mut eh).map_err(|e| format!(".eh_frame: {e}"))?;
    Ok(Some(eh.0.finish(".eh_frame")))
}
