//! The C frontend: source files → tokens → preprocessed tokens → AST → KIR.
//!
//! File access goes through [`source::FileLoader`], which the driver
//! implements on top of the host crate; nothing here touches the OS.

pub mod diag;
pub mod source;
pub mod lang;
pub mod token;
pub mod lex;
pub mod pp;
pub mod types;
pub mod ast;
pub mod parse;
pub mod abi;
pub mod lower;
pub mod x87;
