//! Reading the input files of the object-inspection tools (`objdump`,
//! `size`, `strings`, `strip`, `objcopy`, `addr2line`) through `host`,
//! with binutils' wording for a missing file or a directory.

/// The bytes of `path`, or binutils' message about it.
pub fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if host::fs::is_dir(path) {
        return Err(format!("Warning: '{path}' is a directory"));
    }
    host::fs::read(path).map_err(|_| format!("'{path}': No such file"))
}
