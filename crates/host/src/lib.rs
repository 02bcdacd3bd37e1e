//! The host boundary: the only crate in kit that talks to the operating
//! system. Everything else receives what it needs from here as values.
//!
//! POSIX (Linux first) is complete; the Windows side compiles and covers
//! what `kit cc` and `kit run` need.

pub mod crash;
pub mod dl;
pub mod env;
pub mod exec_mem;
pub mod fs;
pub mod interrupt;
pub mod io;
pub mod probe;
pub mod process;
pub mod target;
pub mod time;
