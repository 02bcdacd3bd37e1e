//! kit's runtime library (placeholder until the runtime sources land).

use crate::args::CcArgs;

pub fn objects(_a: &CcArgs) -> Result<Vec<String>, String> {
    Ok(Vec::new())
}
