//! The linker. Today: the JIT — the linker producing an image for live
//! addresses in this process. [`link_jit`] resolves symbols across the
//! objects (then through the caller's resolver, i.e. the process's dynamic
//! symbols), lays the sections out in dual-mapped executable memory from
//! `host::exec_mem`, builds stubs and GOT entries for far targets, applies
//! relocations, serves thread-locals, locks the memory down (code
//! read+execute, constants read-only, data read+write) and registers the
//! unwind tables. The image then symbolizes addresses for backtraces.
//!
//! Modules, in pipeline order: `resolve` (symbols, COMDAT), `got` (stubs,
//! GOT, TLS pairs), `layout`, `reloc`, `tls`, `ehframe`, `symbolize`,
//! `image`, `backtrace`; `shims` has the few functions the image needs that
//! the process does not export.

mod backtrace;
mod ehframe;
mod got;
mod image;
mod layout;
pub mod ld;
mod reloc;
mod resolve;
mod shims;
mod symbolize;
mod tls;

pub use backtrace::{Frame, backtrace, backtrace_with_sp, format_backtrace};
pub use image::JitImage;
pub use symbolize::Symbolized;
pub use tls::kit_tls_get_addr;

use host::exec_mem::{ExecRegion, Prot};
use obj::{Object, SectionKind, SymbolDef, SymbolId, SymbolKind};
use reloc::{Addrs, Dest};
use resolve::Target;
use std::collections::HashMap;

/// Why an image could not be linked: one line per problem (every undefined
/// symbol, every clash, every bad relocation), each naming the symbol and
/// the objects involved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError {
    pub messages: Vec<String>,
}

impl LinkError {
    pub(crate) fn one(m: String) -> LinkError {
        LinkError { messages: vec![m] }
    }
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.messages.join("\n"))
    }
}

impl std::error::Error for LinkError {}

impl From<LinkError> for String {
    fn from(e: LinkError) -> String {
        e.to_string()
    }
}

/// Links `objects` into memory of this process. `resolver` finds symbols
/// outside the image (the process's libc and `-l` libraries, via dlsym).
pub fn link_jit(objects: Vec<Object>, resolver: &dyn Fn(&str) -> Option<usize>) -> Result<JitImage, LinkError> {
    let res = resolve::resolve(&objects)?;
    let tables = got::Tables::build(&objects, &res);
    let page = host::exec_mem::page_size() as u64;
    let lay = layout::layout(&objects, &res, &tables, page);
    if lay.total >= layout::MAX_SIZE || lay.tls_size >= 1 << 32 {
        return Err(LinkError::one(
            "error: the image's sections add up to more than kit can map (1 TiB of memory, 4 GiB of thread-locals)".into(),
        ));
    }

    // Addresses outside the image; every missing one is reported.
    let mut ext = vec![0u64; res.externs.len()];
    let mut undefined = Vec::new();
    for (i, e) in res.externs.iter().enumerate() {
        if lay.synth[i].is_some() {
            continue; // in the image, known once it is mapped
        }
        match shims::lookup(&e.name, resolver).or_else(|| resolver(&e.name)) {
            Some(a) => ext[i] = a as u64,
            None if e.weak => {}
            None => {
                let users: Vec<&str> = e.users.iter().map(|&o| objects[o].name.as_str()).collect();
                undefined.push(format!("error: undefined reference to '{}' (referenced from {})", e.name, users.join(", ")));
            }
        }
    }
    if !undefined.is_empty() {
        return Err(LinkError { messages: undefined });
    }

    let region = ExecRegion::new(lay.total as usize).map_err(|e| LinkError::one(format!("error: cannot map executable memory: {e}")))?;
    let base = region.runtime_addr() as u64;
    for (i, at) in lay.synth.iter().enumerate() {
        if let Some(at) = at {
            ext[i] = base + at;
        }
    }
    let w = region.write_ptr();
    let limit = region.len() as u64;
    // Every write lands inside the region: offsets come from the layout,
    // and the bounds are checked anyway so a layout bug cannot scribble.
    let write = |at: u64, bytes: &[u8]| {
        if at.checked_add(bytes.len() as u64).is_some_and(|end| end <= limit) {
            // SAFETY: in bounds of the region's write alias (checked above).
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), w.add(at as usize), bytes.len()) }
        }
    };

    // Section contents, and the TLS template.
    let mut tls_template = vec![0u8; lay.tls_size as usize];
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            if matches!(s.kind, SectionKind::Bss | SectionKind::TlsBss) {
                continue;
            }
            let data = &s.data[..s.data.len().min(s.size as usize)];
            if let Some(at) = lay.sec[oi][si] {
                write(at, data);
            } else if let Some(at) = lay.tls[oi][si] {
                tls_template[at as usize..at as usize + data.len()].copy_from_slice(data);
            }
        }
    }

    let addrs = Addrs { base, objects: &objects, res: &res, lay: &lay, tables: &tables, ext: &ext };
    // GOT slots hold absolute addresses; stubs jump through them.
    for (&t, &n) in &tables.got {
        write(lay.got_base + 8 * n, &addrs.value(t).to_le_bytes());
    }
    for (&t, &n) in &tables.stubs {
        let at = lay.stub_base + got::STUB_SIZE * n;
        let slot = addrs.got_slot(t).unwrap_or(0);
        write(at, &got::stub_code(base + at, slot));
    }
    reloc::apply(&addrs, &mut |dest, bytes| match dest {
        Dest::Image(at) => write(at, bytes),
        Dest::Tls(at) => {
            if let Some(d) = tls_template.get_mut(at as usize..at as usize + bytes.len()) {
                d.copy_from_slice(bytes);
            }
        }
    })
    .map_err(|messages| LinkError { messages })?;
    // Only the `.tdata` prefix needs copying per thread; `.tbss` is zeroed.
    let tls_module = if lay.tls_size > 0 || !tables.tls_pairs.is_empty() {
        tls_template.truncate(tls_init_len(&objects, &lay));
        tls::register(tls_template, lay.tls_size as usize, lay.tls_align as usize).map_err(LinkError::one)?
    } else {
        0
    };
    for (&pair, &n) in &tables.tls_pairs {
        let at = lay.tls_pair_base + 16 * n;
        let offset = match pair {
            got::TlsPair::Var(t) => addrs.value(t),
            got::TlsPair::Module => 0,
        };
        write(at, &(tls_module as u64).to_le_bytes());
        write(at + 8, &offset.to_le_bytes());
    }

    // Constructors and destructors, read back from the relocated arrays.
    let read_ptr = |at: u64| -> usize {
        let mut b = [0u8; 8];
        if at + 8 <= limit {
            // SAFETY: in bounds of the region's write alias.
            unsafe { std::ptr::copy_nonoverlapping(w.add(at as usize), b.as_mut_ptr(), 8) };
        }
        usize::from_le_bytes(b)
    };
    let mut init: Vec<(u32, usize)> = Vec::new();
    let mut fini: Vec<(u32, usize)> = Vec::new();
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            let list = match s.kind {
                SectionKind::InitArray => &mut init,
                SectionKind::FiniArray => &mut fini,
                _ => continue,
            };
            let Some(at) = lay.sec[oi][si] else { continue };
            let (prio, reversed) = array_priority(&s.name);
            let mut entries: Vec<usize> = (0..s.size / 8).map(|k| read_ptr(at + 8 * k)).filter(|&f| f != 0 && f != usize::MAX).collect();
            if reversed {
                entries.reverse();
            }
            list.extend(entries.into_iter().map(|f| (prio, f)));
        }
    }
    // Stable: equal priorities keep object order.
    init.sort_by_key(|e| e.0);
    fini.sort_by_key(|e| e.0);

    // Lock down: code read+execute, constants read-only, data read+write.
    let rt = region.runtime_addr();
    let protect = |from: u64, to: u64, prot: Prot| -> Result<(), LinkError> {
        if to > from {
            region
                .protect_range(rt + from as usize, (to - from) as usize, prot)
                .map_err(|e| LinkError::one(format!("error: cannot protect JIT memory: {e}")))?;
        }
        Ok(())
    };
    protect(0, lay.code_end, Prot::ReadExecute)?;
    protect(lay.code_end, lay.rodata_end, Prot::ReadOnly)?;
    protect(lay.rodata_end, region.len() as u64, Prot::ReadWrite)?;
    host::exec_mem::flush_icache(rt, lay.code_end as usize);
    let eh_frame = lay.eh_frame.and_then(|(at, _)| ehframe::EhFrameRegistration::register(rt + at as usize, resolver));

    // Global symbols for lookups.
    let mut symbols = HashMap::new();
    let mut tls_symbols = HashMap::new();
    for (name, &t) in &res.globals {
        let is_tls = match t {
            Target::Def(oi, sid) => objects[oi].symbol(sid).kind == SymbolKind::Tls || in_tls(&objects[oi], &lay.tls[oi], sid),
            _ => false,
        };
        if is_tls {
            tls_symbols.insert(name.clone(), addrs.value(t) as usize);
        } else {
            symbols.insert(name.clone(), addrs.value(t) as usize);
        }
    }
    let symbolizer = symbolize::Symbolizer::new(&objects, &lay, &res.kept, base);
    let atexit = shims::lookup("atexit", resolver);
    Ok(JitImage {
        symbols,
        tls_symbols,
        tls_module,
        symbolizer,
        init: init.into_iter().map(|e| e.1).collect(),
        fini: fini.into_iter().map(|e| e.1).collect(),
        atexit,
        code: (rt, rt + lay.code_end as usize),
        _eh_frame: eh_frame,
        region,
    })
}

/// Whether a symbol is defined in a thread-local section.
fn in_tls(o: &Object, tls: &[Option<u64>], sid: SymbolId) -> bool {
    matches!(o.symbol(sid).def, SymbolDef::Section { section, .. } if tls.get(section.0 as usize).is_some_and(|t| t.is_some()))
}

/// Length of the initialised part of the TLS template (up to the end of
/// the last `.tdata`), so the rest is zero-filled per thread.
fn tls_init_len(objects: &[Object], lay: &layout::Layout) -> usize {
    let mut end = 0;
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            if let (SectionKind::Tls, Some(at)) = (s.kind, lay.tls[oi][si]) {
                end = end.max((at + s.size) as usize);
            }
        }
    }
    end
}

/// Run priority of an init/fini array section: `.init_array.N` runs by N,
/// unnumbered ones after all numbered ones; `.ctors.N`/`.dtors.N` count the
/// other way and their entries run from last to first.
pub(crate) fn array_priority(name: &str) -> (u32, bool) {
    let num = name.rsplit_once('.').and_then(|(_, n)| n.parse::<u32>().ok());
    if name.starts_with(".ctors") || name.starts_with(".dtors") {
        (num.map_or(65536, |n| 65535u32.saturating_sub(n)), true)
    } else {
        (num.unwrap_or(65536), false)
    }
}
