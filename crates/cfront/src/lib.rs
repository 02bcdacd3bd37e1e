//! The C frontend: source files → tokens → preprocessed tokens → AST → KIR.
//!
//! File access goes through [`source::FileLoader`], which the driver
//! implements on top of the host crate; nothing here touches the OS.

pub mod abi;
pub mod ast;
pub mod diag;
pub mod lang;
pub mod lex;
pub mod lower;
pub mod parse;
pub mod pp;
pub mod source;
pub mod token;
pub mod types;
pub mod x87;
