//! The host boundary: the only crate in kit that talks to the operating
//! system. Every other crate receives what it needs from here as plain
//! values, so a tool's behaviour is a function of its arguments and of the
//! host it runs on.
//!
//! Linux is the primary host and is tested; other POSIX systems compile
//! through the same `libc` paths with a few documented gaps; Windows
//! (x86-64, MinGW target) implements every module with Win32 calls and is
//! compile-tested.
//!
//! Paths are UTF-8 `&str` everywhere; `std` converts to wide strings on
//! Windows.

pub mod crash;
pub mod dl;
pub mod entropy;
pub mod env;
pub mod exec_mem;
pub mod fs;
pub mod interrupt;
pub mod io;
pub mod probe;
pub mod process;
pub mod target;
pub mod time;
