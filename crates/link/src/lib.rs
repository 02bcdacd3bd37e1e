//! The linker. Today: the JIT — the linker producing an image for live
//! addresses in this process: resolve symbols across objects (then through
//! the process's dynamic symbols), lay out sections in dual-mapped
//! executable memory, apply relocations, build PLT stubs and GOT entries for
//! far targets, and symbolize addresses for backtraces.

mod backtrace;
mod jit;
mod shims;
mod tls;

pub use backtrace::{backtrace, format_backtrace, Frame};
pub use jit::{link_jit, JitImage};
