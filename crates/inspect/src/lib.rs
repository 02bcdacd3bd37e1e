//! Object inspection and rewriting behind `kit objdump`, `kit size`,
//! `kit strings`, `kit strip`, `kit objcopy` and `kit addr2line`. Each tool
//! is a module that takes a file's bytes (read by the driver through
//! `host`) and returns text or new bytes; nothing here touches the OS. The
//! outputs follow GNU binutils 2.40 so scripts and diffs keep working.
//!
//! Architecture invariant: every reader of file bytes goes through
//! `elf.rs`'s checked reads (or gimli's), so malformed input is an
//! [`Error`] naming the file, never a panic.

pub mod addr2line;
pub mod dwarf;
pub mod elf;
pub mod objcopy;
pub mod objdump;
pub mod rewrite;
pub mod size;
pub mod strings;
pub mod strip;

use std::fmt;

/// An error about one input, its text already naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl Error {
    pub fn new(file: &str, what: impl fmt::Display) -> Error {
        Error(format!("{file}: {what}"))
    }

    /// binutils' message for bytes that are not an object it knows.
    pub fn format(file: &str) -> Error {
        Error::new(file, "file format not recognized")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn is_archive(data: &[u8]) -> bool {
    data.starts_with(b"!<arch>\n")
}

/// An archive's members with their names, or an error naming the archive.
pub fn archive_members(name: &str, data: &[u8]) -> Result<Vec<obj::archive::Member>, Error> {
    obj::archive::read_members(name, data).map_err(Error)
}
