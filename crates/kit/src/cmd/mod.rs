//! The tools' entry points, one module per tool (each a thin driver:
//! argv in, files through `host`, text out), and the input reading the
//! object-inspection tools share.

pub mod addr2line;
pub mod ar;
pub mod r#as;
pub mod cc;
pub mod cpp;
pub mod install;
pub mod ld;
pub mod nm;
pub mod objcopy;
pub mod objdump;
pub mod ranlib;
pub mod run;
pub mod size;
pub mod strings;
pub mod strip;

/// Reads an input of the object-inspection tools, with binutils' wording
/// for a missing file or a directory.
pub fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if host::fs::is_dir(path) {
        return Err(format!("Warning: '{path}' is a directory"));
    }
    host::fs::read(path).map_err(|_| format!("'{path}': No such file"))
}
