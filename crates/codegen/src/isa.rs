//! The Cranelift target ISA and flags for a set of [`Options`].

use crate::{Options, Target};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};

pub(crate) fn build_isa(opts: &Options) -> Result<OwnedTargetIsa, String> {
    let mut b = settings::builder();
    let mut set = |k: &str, v: &str| b.set(k, v).map_err(|e| format!("cranelift setting {k}={v}: {e}"));
    // -O1 and up run the e-graph pass from `func` instead, to rematerialize
    // addresses between it and lowering.
    set("opt_level", "none")?;
    set("is_pic", if opts.pic { "true" } else { "false" })?;
    // Backtraces (JIT crash handler, gdb without CFI) walk the rbp chain;
    // variadic definitions and `ReturnAddr` need the frame pointer too.
    set("preserve_frame_pointers", "true")?;
    set("tls_model", "elf_gd")?;
    // The verifier halves throughput: tests and debug builds only.
    set("enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" })?;
    set("unwind_info", "true")?;
    // __int128 arguments in register pairs, as SysV (and gcc) pass them.
    set("enable_llvm_abi_extensions", "true")?;
    // gcc (Debian) does not probe big frames either; a 1 MB local array is
    // a plain `sub rsp`.
    set("enable_probestack", "false")?;
    let flags = settings::Flags::new(b);
    let triple = match opts.target {
        Target::X86_64 => "x86_64-unknown-linux-gnu",
    };
    let isa = cranelift_codegen::isa::lookup_by_name(triple).map_err(|e| e.to_string())?;
    isa.finish(flags).map_err(|e| e.to_string())
}
