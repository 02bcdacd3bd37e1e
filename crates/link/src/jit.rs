//! Linking objects into executable memory of this process.

use host::exec_mem::{ExecRegion, Prot};
use obj::{Binding, Object, RelocKind, SectionKind, SymbolDef, SymbolId, SymbolKind};
use std::collections::HashMap;

/// A linked image, alive as long as this value (kit leaks it while the
/// program runs).
pub struct JitImage {
    _region: ExecRegion,
    symbols: HashMap<String, usize>,
    /// (start, end, name) of functions, sorted by start.
    funcs: Vec<(usize, usize, String)>,
    /// (address, file, line), sorted by address.
    lines: Vec<(usize, u32, u32)>,
    files: Vec<String>,
    init: Vec<usize>,
    fini: Vec<usize>,
    atexit: Option<usize>,
}

/// Where a symbol reference resolves.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Target {
    /// Defined in object `o`, symbol `s`.
    Def(usize, SymbolId),
    /// Outside the image, by name index.
    Ext(usize),
}

struct Layout {
    /// Runtime offset (from the region base) of each object's sections.
    sec_off: Vec<Vec<Option<u64>>>,
    tls_off: Vec<Vec<Option<u64>>>,
}

fn is_alloc_data(k: SectionKind) -> bool {
    matches!(k, SectionKind::Data | SectionKind::ReadOnlyData | SectionKind::Bss | SectionKind::InitArray | SectionKind::FiniArray | SectionKind::EhFrame)
}

impl JitImage {
    pub fn symbol(&self, name: &str) -> Option<usize> {
        self.symbols.get(name).copied()
    }

    /// Runs `.init_array` entries, then registers `.fini_array` entries with
    /// the C library's `atexit` so they run at `exit`.
    pub fn run_constructors(&self) {
        for &f in &self.init {
            // SAFETY: constructors are `void (*)(void)` in the image.
            let func: extern "C" fn() = unsafe { std::mem::transmute(f) };
            func();
        }
        if let Some(atexit) = self.atexit {
            // SAFETY: libc's atexit(void (*)(void)).
            let reg: extern "C" fn(usize) -> i32 = unsafe { std::mem::transmute(atexit) };
            for &f in self.fini.iter().rev() {
                reg(f);
            }
        }
    }

    /// The function containing `addr`, the offset into it, and the source
    /// location if known.
    pub fn symbolize(&self, addr: usize) -> Option<(String, u64, Option<(String, u32)>)> {
        let i = self.funcs.partition_point(|f| f.0 <= addr);
        if i == 0 {
            return None;
        }
        let (start, end, name) = &self.funcs[i - 1];
        if addr >= *end {
            return None;
        }
        let j = self.lines.partition_point(|l| l.0 <= addr);
        let loc = if j > 0 && self.lines[j - 1].0 >= *start {
            let (_, file, line) = self.lines[j - 1];
            Some((self.files.get(file as usize).cloned().unwrap_or_default(), line))
        } else {
            None
        };
        Some((name.clone(), (addr - start) as u64, loc))
    }
}

/// Links `objects` for this process. `resolver` finds symbols outside the
/// image (the process's libc and loaded libraries).
pub fn link_jit(objects: Vec<Object>, resolver: &dyn Fn(&str) -> Option<usize>) -> Result<JitImage, String> {
    // 1. Global symbols: strong beats weak; two strong definitions clash.
    let mut globals: HashMap<String, (usize, SymbolId)> = HashMap::new();
    let mut errors = Vec::new();
    let mut commons: Vec<(usize, SymbolId)> = Vec::new();
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.symbols.iter().enumerate() {
            if s.binding == Binding::Local || s.def == SymbolDef::Undefined || s.kind == SymbolKind::Section {
                continue;
            }
            let id = SymbolId(si as u32);
            if let SymbolDef::Common { .. } = s.def {
                commons.push((oi, id));
            }
            match globals.get(&s.name) {
                None => {
                    globals.insert(s.name.clone(), (oi, id));
                }
                Some(&(po, ps)) => {
                    let prev = objects[po].symbol(ps);
                    let prev_common = matches!(prev.def, SymbolDef::Common { .. });
                    let this_common = matches!(s.def, SymbolDef::Common { .. });
                    if prev.binding == Binding::Weak && s.binding != Binding::Weak || prev_common && !this_common {
                        globals.insert(s.name.clone(), (oi, id));
                    } else if prev.binding != Binding::Weak && s.binding != Binding::Weak && !prev_common && !this_common {
                        errors.push(format!("multiple definition of '{}'; first defined in {}, again in {}", s.name, objects[po].name, o.name));
                    } else if prev_common && this_common && s.size > prev.size {
                        globals.insert(s.name.clone(), (oi, id));
                    }
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    // 2. Resolve every relocation target.
    let mut ext_names: Vec<String> = Vec::new();
    let mut ext_index: HashMap<String, usize> = HashMap::new();
    let resolve = |oi: usize, sid: SymbolId, ext_names: &mut Vec<String>, ext_index: &mut HashMap<String, usize>| -> Target {
        let s = objects[oi].symbol(sid);
        if s.binding == Binding::Local && s.def != SymbolDef::Undefined {
            return Target::Def(oi, sid);
        }
        if let Some(&(go, gs)) = globals.get(&s.name) {
            return Target::Def(go, gs);
        }
        let n = ext_index.len();
        let idx = *ext_index.entry(s.name.clone()).or_insert_with(|| {
            ext_names.push(s.name.clone());
            n
        });
        Target::Ext(idx)
    };
    // Stubs for far calls, GOT slots for GOT-relative loads, TLS GOT pairs.
    let mut stubs: HashMap<Target, u64> = HashMap::new();
    let mut got: HashMap<Target, u64> = HashMap::new();
    let mut tls_pairs: HashMap<Target, u64> = HashMap::new();
    // Targets of every relocation, per object and section.
    let mut targets: Vec<Vec<Vec<Target>>> = Vec::with_capacity(objects.len());
    for (oi, o) in objects.iter().enumerate() {
        let mut per_sec = Vec::with_capacity(o.sections.len());
        for s in &o.sections {
            let mut ts = Vec::with_capacity(s.relocs.len());
            for r in &s.relocs {
                let t = resolve(oi, r.symbol, &mut ext_names, &mut ext_index);
                ts.push(t);
                match r.kind {
                    RelocKind::Plt32 if matches!(t, Target::Ext(_)) => {
                        let n = stubs.len() as u64;
                        stubs.entry(t).or_insert(n);
                    }
                    RelocKind::GotPcRel32 | RelocKind::GotPcRelX32 | RelocKind::GotTpOff32 => {
                        let n = got.len() as u64;
                        got.entry(t).or_insert(n);
                    }
                    RelocKind::TlsGd => {
                        let n = tls_pairs.len() as u64;
                        tls_pairs.entry(t).or_insert(n);
                    }
                    _ => {}
                }
            }
            per_sec.push(ts);
        }
        targets.push(per_sec);
    }
    // Stubs jump through GOT slots of their own.
    for t in stubs.keys().copied().collect::<Vec<_>>() {
        let n = got.len() as u64;
        got.entry(t).or_insert(n);
    }
    // 3. Layout: code (+stubs), then a page break, then data, GOT, commons.
    let mut lay = Layout { sec_off: Vec::new(), tls_off: Vec::new() };
    let mut off: u64 = 0;
    for o in &objects {
        let mut v = vec![None; o.sections.len()];
        for (i, s) in o.sections.iter().enumerate() {
            if s.kind == SectionKind::Text {
                off = off.next_multiple_of(s.align.max(1));
                v[i] = Some(off);
                off += s.size;
            }
        }
        lay.sec_off.push(v);
    }
    off = off.next_multiple_of(16);
    let stub_base = off;
    off += 16 * stubs.len() as u64;
    let code_end = off.next_multiple_of(host::exec_mem::page_size() as u64);
    off = code_end;
    for (oi, o) in objects.iter().enumerate() {
        for (i, s) in o.sections.iter().enumerate() {
            if is_alloc_data(s.kind) {
                off = off.next_multiple_of(s.align.max(1));
                lay.sec_off[oi][i] = Some(off);
                off += s.size;
            }
        }
    }
    off = off.next_multiple_of(16);
    let got_base = off;
    off += 8 * got.len() as u64;
    let tls_pair_base = off;
    off += 16 * tls_pairs.len() as u64;
    let mut common_off: HashMap<(usize, SymbolId), u64> = HashMap::new();
    for &(oi, sid) in &commons {
        if globals.get(&objects[oi].symbol(sid).name) != Some(&(oi, sid)) {
            continue;
        }
        let s = objects[oi].symbol(sid);
        let align = match s.def {
            SymbolDef::Common { align } => align.max(1),
            _ => 8,
        };
        off = off.next_multiple_of(align);
        common_off.insert((oi, sid), off);
        off += s.size;
    }
    let total = off.max(1);
    // TLS template: .tdata then .tbss of every object.
    let mut tls_size: u64 = 0;
    let mut tls_align: u64 = 1;
    for o in &objects {
        let mut v = vec![None; o.sections.len()];
        for (i, s) in o.sections.iter().enumerate() {
            if s.kind == SectionKind::Tls {
                tls_size = tls_size.next_multiple_of(s.align.max(1));
                v[i] = Some(tls_size);
                tls_size += s.size;
                tls_align = tls_align.max(s.align);
            }
        }
        lay.tls_off.push(v);
    }
    for (oi, o) in objects.iter().enumerate() {
        for (i, s) in o.sections.iter().enumerate() {
            if s.kind == SectionKind::TlsBss {
                tls_size = tls_size.next_multiple_of(s.align.max(1));
                lay.tls_off[oi][i] = Some(tls_size);
                tls_size += s.size;
                tls_align = tls_align.max(s.align);
            }
        }
    }
    let region = ExecRegion::new(total as usize).map_err(|e| format!("cannot map executable memory: {e}"))?;
    let base = region.runtime_addr() as u64;
    let w = region.write_ptr();
    let write = |at: u64, bytes: &[u8]| {
        // SAFETY: `at + len` lies inside the region (from the layout above).
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), w.add(at as usize), bytes.len()) }
    };
    let mut tls_template = vec![0u8; tls_size as usize];
    for (oi, o) in objects.iter().enumerate() {
        for (i, s) in o.sections.iter().enumerate() {
            if let Some(at) = lay.sec_off[oi][i] {
                if !matches!(s.kind, SectionKind::Bss) {
                    write(at, &s.data);
                }
            }
            if let (Some(at), SectionKind::Tls) = (lay.tls_off[oi][i], s.kind) {
                tls_template[at as usize..at as usize + s.data.len()].copy_from_slice(&s.data);
            }
        }
    }
    let tls_module = if tls_size > 0 { crate::tls::register(tls_template, tls_size as usize, tls_align as usize) } else { 0 };
    // 4. Symbol addresses.
    let mut undefined: Vec<String> = Vec::new();
    let mut ext_addr: Vec<u64> = vec![0; ext_names.len()];
    for (i, n) in ext_names.iter().enumerate() {
        if let Some(a) = crate::shims::lookup(n, resolver) {
            ext_addr[i] = a as u64;
            continue;
        }
        match resolver(n) {
            Some(a) => ext_addr[i] = a as u64,
            None => {
                let weak = objects.iter().any(|o| o.symbols.iter().any(|s| s.name == *n && s.binding == Binding::Weak));
                if !weak {
                    undefined.push(n.clone());
                }
            }
        }
    }
    if !undefined.is_empty() {
        let mut msg = String::new();
        for n in &undefined {
            let users: Vec<&str> = objects
                .iter()
                .filter(|o| o.symbols.iter().any(|s| s.name == *n && s.def == SymbolDef::Undefined))
                .map(|o| o.name.as_str())
                .collect();
            msg.push_str(&format!("error: undefined reference to '{}' (referenced from {})\n", n, users.join(", ")));
        }
        return Err(msg.trim_end().to_string());
    }
    let sym_addr = |oi: usize, sid: SymbolId| -> u64 {
        let s = objects[oi].symbol(sid);
        match s.def {
            SymbolDef::Section { section, offset } => {
                let sec = section.0 as usize;
                if let Some(o) = lay.sec_off[oi][sec] {
                    base + o + offset
                } else if let Some(t) = lay.tls_off[oi][sec] {
                    t + offset // offset within the TLS block
                } else {
                    0
                }
            }
            SymbolDef::Absolute(v) => v,
            SymbolDef::Common { .. } => common_off.get(&(oi, sid)).map(|o| base + o).unwrap_or(0),
            SymbolDef::Undefined => 0,
        }
    };
    let target_addr = |t: Target| -> u64 {
        match t {
            Target::Def(oi, sid) => sym_addr(oi, sid),
            Target::Ext(i) => ext_addr[i],
        }
    };
    // GOT and stubs.
    for (&t, &slot) in &got {
        write(got_base + 8 * slot, &target_addr(t).to_le_bytes());
    }
    for (&t, &n) in &stubs {
        let at = stub_base + 16 * n;
        let slot = got_base + 8 * got[&t];
        let rel = (slot as i64 - (at as i64 + 6)) as i32;
        let mut code = vec![0xff, 0x25];
        code.extend_from_slice(&rel.to_le_bytes());
        code.resize(16, 0xcc);
        write(at, &code);
    }
    for (&t, &n) in &tls_pairs {
        let at = tls_pair_base + 16 * n;
        write(at, &(tls_module as u64).to_le_bytes());
        write(at + 8, &target_addr(t).to_le_bytes());
    }
    // 5. Relocations.
    let mut errs = Vec::new();
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            let Some(sec_at) = lay.sec_off[oi][si] else { continue };
            for (ri, r) in s.relocs.iter().enumerate() {
                let t = targets[oi][si][ri];
                let p = base + sec_at + r.offset;
                let at = sec_at + r.offset;
                let sv = target_addr(t) as i64;
                let a = r.addend;
                let pc32 = |v: i64, errs: &mut Vec<String>| -> Option<[u8; 4]> {
                    match i32::try_from(v) {
                        Ok(x) => Some(x.to_le_bytes()),
                        Err(_) => {
                            errs.push(format!("{}: relocation to '{}' out of range", o.name, o.symbol(r.symbol).name));
                            None
                        }
                    }
                };
                match r.kind {
                    RelocKind::Abs64 => write(at, &((sv + a) as u64).to_le_bytes()),
                    RelocKind::Abs32 | RelocKind::Abs32S | RelocKind::SecRel32 => {
                        write(at, &((sv + a) as u32).to_le_bytes());
                    }
                    RelocKind::PcRel64 => write(at, &((sv + a - p as i64) as u64).to_le_bytes()),
                    RelocKind::PcRel32 => {
                        if let Some(b) = pc32(sv + a - p as i64, &mut errs) {
                            write(at, &b);
                        }
                    }
                    RelocKind::Plt32 => {
                        let dest = match stubs.get(&t) {
                            Some(n) => (base + stub_base + 16 * n) as i64,
                            None => sv,
                        };
                        if let Some(b) = pc32(dest + a - p as i64, &mut errs) {
                            write(at, &b);
                        }
                    }
                    RelocKind::GotPcRel32 | RelocKind::GotPcRelX32 => {
                        let slot = (base + got_base + 8 * got[&t]) as i64;
                        if let Some(b) = pc32(slot + a - p as i64, &mut errs) {
                            write(at, &b);
                        }
                    }
                    RelocKind::TlsGd => {
                        let pair = (base + tls_pair_base + 16 * tls_pairs[&t]) as i64;
                        if let Some(b) = pc32(pair + a - p as i64, &mut errs) {
                            write(at, &b);
                        }
                    }
                    RelocKind::DtpOff32 => write(at, &((sv + a) as u32).to_le_bytes()),
                    RelocKind::DtpOff64 => write(at, &((sv + a) as u64).to_le_bytes()),
                    other => errs.push(format!("{}: unsupported relocation {:?} against '{}'", o.name, other, o.symbol(r.symbol).name)),
                }
            }
        }
    }
    if !errs.is_empty() {
        return Err(errs.join("\n"));
    }
    // 6. Protections: code read+execute, data read+write.
    if total > code_end {
        region.protect_range(region.runtime_addr() + code_end as usize, (total - code_end) as usize, Prot::ReadWrite).map_err(|e| format!("mprotect: {e}"))?;
    }
    if code_end > 0 {
        region.protect_range(region.runtime_addr(), code_end as usize, Prot::ReadExecute).map_err(|e| format!("mprotect: {e}"))?;
    }
    host::exec_mem::flush_icache(region.runtime_addr(), code_end as usize);
    // 7. Tables for lookups, constructors, symbolization.
    let mut symbols = HashMap::new();
    let mut funcs = Vec::new();
    for (name, &(oi, sid)) in &globals {
        symbols.insert(name.clone(), sym_addr(oi, sid) as usize);
    }
    let mut files = Vec::new();
    let mut lines = Vec::new();
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.symbols.iter().enumerate() {
            if s.kind == SymbolKind::Func && s.def != SymbolDef::Undefined {
                let a = sym_addr(oi, SymbolId(si as u32)) as usize;
                funcs.push((a, a + s.size.max(1) as usize, s.name.clone()));
            }
        }
        let fbase = files.len() as u32;
        files.extend(o.line_files.iter().cloned());
        for l in &o.lines {
            if let Some(so) = lay.sec_off[oi][l.section.0 as usize] {
                lines.push(((base + so + l.offset) as usize, fbase + l.file, l.line));
            }
        }
    }
    funcs.sort();
    lines.sort();
    let read_ptr = |at: u64| -> usize {
        // SAFETY: reading back what we wrote inside the region.
        unsafe { std::ptr::read_unaligned(w.add(at as usize) as *const usize) }
    };
    let mut init: Vec<(u32, usize)> = Vec::new();
    let mut fini: Vec<(u32, usize)> = Vec::new();
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            let prio = s.name.rsplit('.').next().and_then(|p| p.parse::<u32>().ok()).unwrap_or(65536);
            let list = match s.kind {
                SectionKind::InitArray => &mut init,
                SectionKind::FiniArray => &mut fini,
                _ => continue,
            };
            if let Some(at) = lay.sec_off[oi][si] {
                for k in 0..s.size / 8 {
                    let f = read_ptr(at + 8 * k);
                    if f != 0 && f != usize::MAX {
                        list.push((prio, f));
                    }
                }
            }
        }
    }
    init.sort_by_key(|e| e.0);
    fini.sort_by_key(|e| e.0);
    Ok(JitImage {
        _region: region,
        symbols,
        funcs,
        lines,
        files,
        init: init.into_iter().map(|e| e.1).collect(),
        fini: fini.into_iter().map(|e| e.1).collect(),
        atexit: crate::shims::lookup("atexit", resolver),
    })
}
