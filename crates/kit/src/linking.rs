//! The link step of `kit cc`: compiles the C inputs in memory and hands
//! them, with the other inputs, the C library's start files and libraries
//! the host probe finds, to `kit ld` — as gcc does with ld, but in-process.

use crate::args::{CcArgs, LinkItem};
use crate::compile;

/// Marks a `.c` input compiled in memory (argument to `Memory`).
const MEMORY: &str = "\0kit-memory:";

pub fn link(a: &CcArgs) -> i32 {
    let mut ld: Vec<String> = vec!["-o".into(), a.output.clone().unwrap_or_else(|| "a.out".into())];
    let mut items = Vec::new();
    // C inputs, compiled in memory: the n-th is linker input `{MEMORY}n`.
    let mut c_sources = Vec::new();
    for item in &a.link_items {
        match item {
            LinkItem::Input(p) if a.is_c_source(p) || a.is_asm_source(p) => {
                items.push(format!("{MEMORY}{}", c_sources.len()));
                c_sources.push(p.as_str());
            }
            LinkItem::Input(p) if p.ends_with(".h") => {}
            LinkItem::Input(p) => items.push(p.clone()),
            LinkItem::Lib(l) => items.push(format!("-l{l}")),
            LinkItem::LinkerArg(f) => items.push(f.clone()),
        }
    }
    let has = |f: &str| a.link_items.iter().any(|i| *i == LinkItem::LinkerArg(f.into()));
    let shared = has("-shared");
    let static_exe = has("-static");
    let pie = !shared && !static_exe && !has("-no-pie");

    let probe = host::probe::probe_libc(host::target::Arch::X86_64, a.sysroot.as_deref());
    // gcc's own directory last, as gcc searches it: `-lgcc_s` and `-lgcc`
    // (which rustc passes) live there.
    for d in a.lib_dirs.iter().chain(&probe.lib_dirs).chain(&probe.gcc_lib_dir) {
        ld.push(format!("-L{d}"));
    }
    let crt = |name: &str| probe.crt_dir.as_ref().map(|d| format!("{d}/{name}"));
    let mut start = Vec::new();
    if !a.no_start_files {
        let first = if shared {
            None
        } else if pie {
            Some("Scrt1.o")
        } else {
            Some("crt1.o")
        };
        for f in first.into_iter().chain(["crti.o"]) {
            match crt(f) {
                Some(p) if host::fs::is_file(&p) => start.push(p),
                _ => {
                    eprintln!(
                        "kit cc: error: cannot find the C library's start file {f} (is libc6-dev installed? set --sysroot or KIT_SYSROOT)"
                    );
                    return 1;
                }
            }
        }
    }
    ld.extend(start);
    ld.extend(items);
    if !a.no_default_libs {
        if static_exe {
            // Static glibc needs libgcc's soft-float128 and unwinder pieces;
            // they come from gcc's runtime directory when gcc is installed.
            ld.push("--start-group".into());
            if let Some(d) = &probe.gcc_lib_dir {
                ld.extend([format!("{d}/libgcc.a"), format!("{d}/libgcc_eh.a")].into_iter().filter(|p| host::fs::is_file(p)));
            }
            ld.extend(["-lc", "--end-group"].map(String::from));
        } else {
            ld.push("-lc".into());
        }
    }
    if !a.no_start_files {
        ld.extend(crt("crtn.o"));
    }
    if a.verbose || a.dry_run {
        let shown = ld.iter().map(|x| match x.strip_prefix(MEMORY).and_then(|n| n.parse::<usize>().ok()) {
            Some(n) => format!("{} (compiled in memory)", c_sources[n]),
            None => x.clone(),
        });
        let exe = host::fs::self_exe().unwrap_or_else(|| "kit".into());
        crate::query::print_command(&[exe, "ld".into()].into_iter().chain(shown).collect::<Vec<_>>());
        if a.dry_run {
            return 0;
        }
    }
    let mut memory = Vec::new();
    let mut failed = false;
    for p in &c_sources {
        match compile::compile_to_object(p, a) {
            Some(o) => memory.push(o),
            None => failed = true,
        }
    }
    if failed {
        return 1;
    }
    let mut cfg = match link::ld::parse_args(&ld) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("kit cc: error: {e}");
            return 1;
        }
    };
    for input in cfg.inputs.iter_mut() {
        if let link::ld::InputArg::Path(p) = input
            && let Some(n) = p.strip_prefix(MEMORY).and_then(|n| n.parse().ok())
        {
            *input = link::ld::InputArg::Memory(n);
        }
    }
    if pie {
        cfg.kind = link::ld::OutputKind::Pie;
    }
    if !a.no_default_libs {
        match crate::runtime::objects(a) {
            Ok(objs) => cfg.runtime = objs,
            Err(e) => {
                eprintln!("kit cc: error: kit's runtime library: {e}");
                return 1;
            }
        }
    }
    crate::cmd::ld::report(link::ld::link(&cfg, memory))
}
