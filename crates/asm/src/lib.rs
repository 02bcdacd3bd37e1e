//! `kit as`: an assembler for x86-64 GNU as syntax (AT&T), writing kit's
//! object model ([`obj::Object`]).
//!
//! Text is split into statements ([`lex`]); instructions are matched to
//! iced-x86's opcode tables ([`x86`]) and encoded by its encoder; each
//! section is a list of fragments whose branches start short and grow until
//! every displacement fits (as GNU as relaxes); symbols that cannot be
//! resolved in the file become relocations; `.cfi_*` directives become
//! `.eh_frame` ([`cfi`]).

mod assemble;
mod cfi;
mod expr;
mod lex;
mod x86;

pub use assemble::{Files, assemble, assemble_with_files};
