//! Where everything goes in the image. Three page-aligned areas, so each can
//! get its own protection once relocated:
//!
//! ```text
//! code      read+execute   .text of every object, then the stubs
//! rodata    read-only      .rodata, init/fini arrays, .eh_frame (+ terminator), GOT, TLS pairs
//! data      read+write     .data, .bss, commons, synthesised symbols
//! ```
//!
//! Thread-local sections are not placed in the image: they form the TLS
//! template (`.tdata` of every object, then `.tbss`), copied per thread.

use crate::got::{STUB_SIZE, Tables};
use crate::resolve::Resolution;
use obj::{Object, SectionKind};

/// Symbols the image defines for itself when its code references them.
pub(crate) const SYNTHESISED: &[&str] = &["__dso_handle"];

pub(crate) struct Layout {
    /// Offset from the image base of each loaded section (per object).
    pub sec: Vec<Vec<Option<u64>>>,
    /// Offset inside the TLS block of each thread-local section.
    pub tls: Vec<Vec<Option<u64>>>,
    /// Offset of each merged common symbol.
    pub commons: Vec<u64>,
    /// Offset of the storage of synthesised externs (by extern index).
    pub synth: Vec<Option<u64>>,
    pub stub_base: u64,
    pub got_base: u64,
    pub tls_pair_base: u64,
    /// Offset and length of the concatenated `.eh_frame` (with terminator).
    pub eh_frame: Option<(u64, u64)>,
    pub code_end: u64,
    pub rodata_end: u64,
    pub total: u64,
    pub tls_size: u64,
    pub tls_align: u64,
}

/// Largest image or TLS block accepted; beyond it sizes are surely bogus,
/// and the arithmetic below cannot overflow.
pub(crate) const MAX_SIZE: u64 = 1 << 40;

fn place(off: &mut u64, size: u64, align: u64) -> u64 {
    let align = align.clamp(1, MAX_SIZE);
    *off = (*off).min(MAX_SIZE).next_multiple_of(align);
    let at = *off;
    *off = off.saturating_add(size.min(MAX_SIZE)).min(MAX_SIZE + 1);
    at
}

pub(crate) fn layout(objects: &[Object], res: &Resolution, tables: &Tables, page: u64) -> Layout {
    let mut sec: Vec<Vec<Option<u64>>> = objects.iter().map(|o| vec![None; o.sections.len()]).collect();
    let mut tls: Vec<Vec<Option<u64>>> = sec.clone();
    let mut off = 0u64;
    let place_kinds = |off: &mut u64, kinds: &[SectionKind], sec: &mut Vec<Vec<Option<u64>>>| {
        for (oi, o) in objects.iter().enumerate() {
            for (si, s) in o.sections.iter().enumerate() {
                if res.kept[oi][si] && kinds.contains(&s.kind) {
                    sec[oi][si] = Some(place(off, s.size, s.align));
                }
            }
        }
    };
    place_kinds(&mut off, &[SectionKind::Text], &mut sec);
    let stub_base = place(&mut off, STUB_SIZE * tables.stubs.len() as u64, 16);
    let code_end = off.next_multiple_of(page);
    off = code_end;

    place_kinds(&mut off, &[SectionKind::ReadOnlyData, SectionKind::InitArray, SectionKind::FiniArray], &mut sec);
    // `.eh_frame` sections back to back: padding would read as a terminator.
    let eh_start = off.next_multiple_of(8);
    off = eh_start;
    for (oi, o) in objects.iter().enumerate() {
        for (si, s) in o.sections.iter().enumerate() {
            if res.kept[oi][si] && s.kind == SectionKind::EhFrame {
                sec[oi][si] = Some(place(&mut off, s.size, 4));
            }
        }
    }
    let eh_frame = (off > eh_start).then(|| {
        off += 4; // the zero-length terminator
        (eh_start, off - eh_start)
    });
    let got_base = place(&mut off, 8 * tables.got.len() as u64, 8);
    let tls_pair_base = place(&mut off, 16 * tables.tls_pairs.len() as u64, 16);
    let rodata_end = off.next_multiple_of(page);
    off = rodata_end;

    place_kinds(&mut off, &[SectionKind::Data, SectionKind::Bss], &mut sec);
    let commons = res.commons.iter().map(|c| place(&mut off, c.size, c.align)).collect();
    let synth = res.externs.iter().map(|e| SYNTHESISED.contains(&e.name.as_str()).then(|| place(&mut off, 8, 8))).collect();
    let total = off.next_multiple_of(page).max(page);

    let mut tls_size = 0u64;
    let mut tls_align = 1u64;
    for kind in [SectionKind::Tls, SectionKind::TlsBss] {
        for (oi, o) in objects.iter().enumerate() {
            for (si, s) in o.sections.iter().enumerate() {
                if res.kept[oi][si] && s.kind == kind {
                    tls[oi][si] = Some(place(&mut tls_size, s.size, s.align));
                    tls_align = tls_align.max(s.align);
                }
            }
        }
    }
    Layout { sec, tls, commons, synth, stub_base, got_base, tls_pair_base, eh_frame, code_end, rodata_end, total, tls_size, tls_align }
}
