//! The dynamic-linking tables: `.dynstr`, `.dynsym`, `.gnu.hash`,
//! `.gnu.version`, `.gnu.version_d`, `.gnu.version_r` and `.dynamic`.

use super::layout::Layout;
use super::plan::Image;
use super::{Config, OutputKind};
use object::elf;
use std::collections::HashMap;

/// The GNU symbol hash (`h * 33 + c`, from 5381).
pub(crate) fn gnu_hash(name: &[u8]) -> u32 {
    name.iter().fold(5381u32, |h, &c| h.wrapping_mul(33).wrapping_add(c as u32))
}

pub(crate) fn gnu_hash_buckets(defined: usize) -> u32 {
    (defined / 4).max(1) as u32
}

pub(crate) struct DynStr {
    pub bytes: Vec<u8>,
    offsets: HashMap<String, u32>,
}

impl DynStr {
    fn add(&mut self, s: &str) {
        if !self.offsets.contains_key(s) {
            self.offsets.insert(s.to_string(), self.bytes.len() as u32);
            self.bytes.extend_from_slice(s.as_bytes());
            self.bytes.push(0);
        }
    }
    pub(crate) fn get(&self, s: &str) -> u32 {
        self.offsets.get(s).copied().unwrap_or(0)
    }
}

/// The dynamic tables that do not depend on addresses, built once.
pub(crate) struct Tables {
    pub strs: DynStr,
    pub gnu_hash: Vec<u8>,
    /// `.gnu.version`: empty without version definitions or needs (a
    /// version table alone would make ld.so index a version array it never
    /// allocated).
    pub versym: Vec<u8>,
    pub verdef: Vec<u8>,
    pub verneed: Vec<u8>,
}

pub(crate) fn tables(img: &Image, cfg: &Config) -> Tables {
    let strs = dynstr(img, cfg);
    let verneed = verneed_section(img, &strs);
    let verdef = verdef_section(img, cfg, &strs);
    let versym = if verneed.is_empty() && verdef.is_empty() { Vec::new() } else { versym_section(img) };
    Tables { gnu_hash: gnu_hash_section(img), versym, verdef, verneed, strs }
}

fn dynstr(img: &Image, cfg: &Config) -> DynStr {
    let mut d = DynStr { bytes: vec![0], offsets: HashMap::from([(String::new(), 0)]) };
    for &l in &img.needed {
        d.add(&img.dylibs[l].soname);
    }
    if let Some(s) = soname(img, cfg) {
        d.add(&s);
    }
    if !cfg.rpath.is_empty() {
        d.add(&cfg.rpath.join(":"));
    }
    for s in &img.dynsyms {
        d.add(&s.name);
    }
    for (_, v, _, _) in &img.verneeds {
        d.add(v);
    }
    if !img.exports.verdefs.is_empty() {
        d.add(&base_version(img, cfg));
    }
    d
}

/// The name of version 1 in `.gnu.version_d`: the soname, else the
/// output's file name (as GNU ld).
fn base_version(img: &Image, cfg: &Config) -> String {
    soname(img, cfg).unwrap_or_else(|| cfg.output.rsplit('/').next().unwrap_or(&cfg.output).to_string())
}

/// The System V ELF hash, which version entries carry.
pub(crate) fn elf_hash(name: &[u8]) -> u32 {
    name.iter().fold(0u32, |h, &c| {
        let h = (h << 4).wrapping_add(c as u32);
        let g = h & 0xf000_0000;
        (h ^ (g >> 24)) & !g
    })
}

/// `.gnu.version_d`: the base version (the file itself), then one entry
/// per version node, each followed by its name and its parents' names.
fn verdef_section(img: &Image, cfg: &Config, strs: &DynStr) -> Vec<u8> {
    let defs = &img.exports.verdefs;
    if defs.is_empty() {
        return Vec::new();
    }
    let base = base_version(img, cfg);
    let entries: Vec<(u16, &str, Vec<&str>)> = std::iter::once((elf::VER_FLG_BASE, base.as_str(), Vec::new()))
        .chain(defs.iter().map(|d| (0, d.name.as_str(), d.parents.iter().map(String::as_str).collect())))
        .collect();
    let mut out = Vec::new();
    for (i, (flags, name, parents)) in entries.iter().enumerate() {
        let cnt = 1 + parents.len() as u32;
        let next = if i + 1 == entries.len() { 0 } else { 20 + 8 * cnt };
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&flags.to_le_bytes());
        out.extend_from_slice(&(i as u16 + 1).to_le_bytes());
        out.extend_from_slice(&(cnt as u16).to_le_bytes());
        out.extend_from_slice(&elf_hash(name.as_bytes()).to_le_bytes());
        out.extend_from_slice(&20u32.to_le_bytes());
        out.extend_from_slice(&next.to_le_bytes());
        for (k, aux) in std::iter::once(name).chain(parents).enumerate() {
            out.extend_from_slice(&strs.get(aux).to_le_bytes());
            out.extend_from_slice(&(if k as u32 + 1 == cnt { 0u32 } else { 8 }).to_le_bytes());
        }
    }
    out
}

pub(crate) fn verdef_count(img: &Image) -> u64 {
    if img.exports.verdefs.is_empty() { 0 } else { 1 + img.exports.verdefs.len() as u64 }
}

fn soname(img: &Image, cfg: &Config) -> Option<String> {
    (img.kind == OutputKind::Shared).then(|| cfg.soname.clone()).flatten()
}

fn gnu_hash_section(img: &Image) -> Vec<u8> {
    let first = img.first_hashed_dynsym();
    let hashed = &img.dynsyms[first.min(img.dynsyms.len())..];
    let nbuckets = gnu_hash_buckets(hashed.len());
    let bloom_words = (hashed.len() / 8).max(1).next_power_of_two() as u32;
    let shift = 6u32;
    let mut bloom = vec![0u64; bloom_words as usize];
    let mut buckets = vec![0u32; nbuckets as usize];
    let mut chain = vec![0u32; hashed.len()];
    let hashes: Vec<u32> = hashed.iter().map(|s| gnu_hash(s.name.as_bytes())).collect();
    for (i, &h) in hashes.iter().enumerate() {
        let w = ((h / 64) % bloom_words) as usize;
        bloom[w] |= (1u64 << (h % 64)) | (1u64 << ((h >> shift) % 64));
        let b = (h % nbuckets) as usize;
        if buckets[b] == 0 {
            buckets[b] = (first + i) as u32;
        }
        let last_in_bucket = hashes.get(i + 1).is_none_or(|&n| n % nbuckets != h % nbuckets);
        chain[i] = (h & !1) | u32::from(last_in_bucket);
    }
    let mut out = Vec::new();
    for v in [nbuckets, first as u32, bloom_words, shift] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    bloom.iter().for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
    buckets.iter().for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
    chain.iter().for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
    out
}

fn versym_section(img: &Image) -> Vec<u8> {
    img.dynsyms.iter().flat_map(|s| s.version.to_le_bytes()).collect()
}

fn verneed_section(img: &Image, strs: &DynStr) -> Vec<u8> {
    let mut libs: Vec<usize> = Vec::new();
    for (l, ..) in &img.verneeds {
        if !libs.contains(l) {
            libs.push(*l);
        }
    }
    let mut out = Vec::new();
    for (n, &l) in libs.iter().enumerate() {
        let vers: Vec<_> = img.verneeds.iter().filter(|v| v.0 == l).collect();
        let next = if n + 1 == libs.len() { 0 } else { 16 + 16 * vers.len() as u32 };
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&(vers.len() as u16).to_le_bytes());
        out.extend_from_slice(&strs.get(&img.dylibs[l].soname).to_le_bytes());
        out.extend_from_slice(&16u32.to_le_bytes());
        out.extend_from_slice(&next.to_le_bytes());
        for (k, (_, name, hash, idx)) in vers.iter().enumerate() {
            out.extend_from_slice(&hash.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(&idx.to_le_bytes());
            out.extend_from_slice(&strs.get(name).to_le_bytes());
            let next = if k + 1 == vers.len() { 0u32 } else { 16 };
            out.extend_from_slice(&next.to_le_bytes());
        }
    }
    out
}

pub(crate) fn verneed_count(img: &Image) -> u64 {
    let mut libs: Vec<usize> = img.verneeds.iter().map(|v| v.0).collect();
    libs.sort_unstable();
    libs.dedup();
    libs.len() as u64
}

/// `.dynamic` entries. With `lay` absent, addresses are 0 (for sizing).
pub(crate) fn dynamic_entries(img: &Image, cfg: &Config, lay: Option<&Layout>, strs: &DynStr) -> Vec<(u32, u64)> {
    let addr = |name: &str| lay.and_then(|l| l.section(name)).map_or(0, |s| s.addr);
    let size = |name: &str| lay.and_then(|l| l.section(name)).map_or(0, |s| s.size);
    // Sizing (no layout yet) counts every optional entry: an upper bound,
    // and the final table is padded with DT_NULL.
    let present = |name: &str| lay.is_none_or(|l| l.section(name).is_some_and(|s| s.size > 0));
    let mut d: Vec<(u32, u64)> = Vec::new();
    for &l in &img.needed {
        d.push((elf::DT_NEEDED, strs.get(&img.dylibs[l].soname) as u64));
    }
    if let Some(s) = soname(img, cfg) {
        d.push((elf::DT_SONAME, strs.get(&s) as u64));
    }
    if !cfg.rpath.is_empty() {
        d.push((elf::DT_RUNPATH, strs.get(&cfg.rpath.join(":")) as u64));
    }
    for (tag, name, func) in [(elf::DT_INIT, "_init", lay.map(|l| l.init_fn)), (elf::DT_FINI, "_fini", lay.map(|l| l.fini_fn))] {
        match func {
            Some(Some(at)) => d.push((tag, at)),
            None if img.res.globals.contains_key(name) => d.push((tag, 0)),
            _ => {}
        }
    }
    let arrays = [
        (".preinit_array", elf::DT_PREINIT_ARRAY, elf::DT_PREINIT_ARRAYSZ),
        (".init_array", elf::DT_INIT_ARRAY, elf::DT_INIT_ARRAYSZ),
        (".fini_array", elf::DT_FINI_ARRAY, elf::DT_FINI_ARRAYSZ),
    ];
    for (name, tag_addr, tag_size) in arrays {
        // A shared library's preinit array is not run: ld does not record it.
        if present(name) && !(name == ".preinit_array" && img.kind == OutputKind::Shared) {
            d.push((tag_addr, addr(name)));
            d.push((tag_size, size(name)));
        }
    }
    d.push((elf::DT_GNU_HASH, addr(".gnu.hash")));
    d.push((elf::DT_STRTAB, addr(".dynstr")));
    d.push((elf::DT_SYMTAB, addr(".dynsym")));
    d.push((elf::DT_STRSZ, strs.bytes.len() as u64));
    d.push((elf::DT_SYMENT, 24));
    if img.kind != OutputKind::Shared {
        d.push((elf::DT_DEBUG, 0));
    }
    if img.n_rela_plt > 0 {
        d.push((elf::DT_PLTGOT, addr(".got")));
        d.push((elf::DT_PLTRELSZ, 24 * img.n_rela_plt));
        d.push((elf::DT_PLTREL, elf::DT_RELA as u64));
        d.push((elf::DT_JMPREL, addr(".rela.plt")));
    }
    if img.n_rela_dyn > 0 {
        d.push((elf::DT_RELA, addr(".rela.dyn")));
        d.push((elf::DT_RELASZ, 24 * img.n_rela_dyn));
        d.push((elf::DT_RELAENT, 24));
    }
    let symbolic = img.kind == OutputKind::Shared && cfg.symbolic == super::Symbolic::All;
    if symbolic {
        d.push((elf::DT_SYMBOLIC, 0));
    }
    let flags = if cfg.bind_now { elf::DF_BIND_NOW } else { 0 } | if symbolic { elf::DF_SYMBOLIC } else { 0 };
    if flags != 0 {
        d.push((elf::DT_FLAGS, flags as u64));
    }
    let mut flags1 = if cfg.bind_now { elf::DF_1_NOW } else { 0 };
    if img.kind == OutputKind::Pie {
        flags1 |= elf::DF_1_PIE;
    }
    if flags1 != 0 {
        d.push((elf::DT_FLAGS_1, flags1 as u64));
    }
    let (nd, nv) = (verdef_count(img), verneed_count(img));
    if present(".gnu.version") && nd + nv > 0 {
        d.push((elf::DT_VERSYM, addr(".gnu.version")));
    }
    if present(".gnu.version_d") && nd > 0 {
        d.push((elf::DT_VERDEF, addr(".gnu.version_d")));
        d.push((elf::DT_VERDEFNUM, nd));
    }
    if present(".gnu.version_r") && nv > 0 {
        d.push((elf::DT_VERNEED, addr(".gnu.version_r")));
        d.push((elf::DT_VERNEEDNUM, nv));
    }
    d.push((elf::DT_NULL, 0));
    d
}
