//! kit's runtime library: the libgcc-style helpers (128-bit division,
//! complex multiply/divide, float <-> __int128 conversions, bit counts,
//! trapping arithmetic) that kit's and gcc's generated code call. They are
//! C sources in `runtime/`, compiled by kit itself on first use and cached
//! per kit build, so linking needs no libgcc.

use crate::args::CcArgs;

/// (file name, source) of each runtime unit, one topic per file.
pub const SOURCES: &[(&str, &str)] = &[
    ("int128.c", include_str!("../../../runtime/int128.c")),
    ("complex.c", include_str!("../../../runtime/complex.c")),
    ("convert.c", include_str!("../../../runtime/convert.c")),
    ("bits.c", include_str!("../../../runtime/bits.c")),
    ("powi.c", include_str!("../../../runtime/powi.c")),
    ("overflow.c", include_str!("../../../runtime/overflow.c")),
    ("cpu.c", include_str!("../../../runtime/cpu.c")),
];

/// The runtime's object files, compiled into
/// `<cache>/runtime-<hash>/` unless already there. The hash covers the
/// sources and this kit binary, so a rebuilt kit recompiles them.
/// `args_template` supplies target settings; its user-level flags
/// (-D, -I, -include, -g, -O, -w) do not apply to the runtime.
pub fn objects(args_template: &CcArgs) -> Result<Vec<String>, String> {
    let dir = format!("{}/runtime-{:016x}", host::env::cache_dir(), build_hash());
    build_into(&dir, args_template)
}

/// The runtime as one archive (`-print-libgcc-file-name`: projects that
/// link libgcc explicitly get kit's helpers), built beside the objects.
pub fn archive(args_template: &CcArgs) -> Result<String, String> {
    let dir = format!("{}/runtime-{:016x}", host::env::cache_dir(), build_hash());
    let objects = build_into(&dir, args_template)?;
    let path = format!("{dir}/libkitrt.a");
    if !host::fs::is_file(&path) {
        let mut members = Vec::new();
        for o in &objects {
            let name = o.rsplit('/').next().unwrap_or(o).to_string();
            members.push((name, host::fs::read(o).map_err(|e| format!("{o}: {}", host::fs::error_text(&e)))?));
        }
        let bytes = obj::archive::write_archive(&members, true)?;
        host::fs::write_atomic(&path, &bytes).map_err(|e| format!("{path}: {}", host::fs::error_text(&e)))?;
    }
    Ok(path)
}

/// FNV-1a over kit's version, its executable's size and mtime, and the
/// sources: cheap, and enough to tell kit builds apart.
fn build_hash() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    eat(env!("CARGO_PKG_VERSION").as_bytes());
    if let Some(exe) = host::fs::self_exe() {
        let size = host::fs::file_size(&exe).unwrap_or(0);
        let mtime = host::fs::mtime(&exe).and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map(|d| d.as_nanos()).unwrap_or(0);
        eat(&size.to_le_bytes());
        eat(&mtime.to_le_bytes());
    }
    for (name, src) in SOURCES {
        eat(name.as_bytes());
        eat(src.as_bytes());
    }
    h
}

fn build_into(dir: &str, args_template: &CcArgs) -> Result<Vec<String>, String> {
    let args = CcArgs {
        opt_level: 1,
        debug: false,
        defines: vec![],
        includes: vec![],
        include_dirs: vec![],
        // The sources include no headers: skip the libc include probe.
        nostdinc: true,
        no_warnings: true,
        ..args_template.clone()
    };
    let mut paths = Vec::new();
    for (name, src) in SOURCES {
        let stem = name.strip_suffix(".c").unwrap_or(name);
        let obj_path = format!("{dir}/{stem}.o");
        if !host::fs::is_file(&obj_path) {
            // (The cache is the only place kit writes besides its outputs.)
            let unwritable = |path: &str, e: &std::io::Error| {
                format!("{path}: {} (kit caches its runtime there; set XDG_CACHE_HOME to a writable directory)", host::fs::error_text(e))
            };
            host::fs::mkdir_p(dir).map_err(|e| unwritable(dir, &e))?;
            // The source goes beside the object so diagnostics and debuggers
            // can name it. Every writer writes the same bytes, and atomically,
            // so concurrent kit processes only duplicate work.
            let src_path = format!("{dir}/{name}");
            host::fs::write_atomic(&src_path, src.as_bytes()).map_err(|e| unwritable(&src_path, &e))?;
            let o = crate::compile::compile_to_object(&src_path, &args)
                .ok_or_else(|| format!("kit: internal error: runtime source {name} does not compile"))?;
            let bytes = obj::elf_write::write_elf(&o).map_err(|e| format!("kit: internal error: {name}: {e}"))?;
            host::fs::write_atomic(&obj_path, &bytes).map_err(|e| unwritable(&obj_path, &e))?;
        }
        paths.push(obj_path);
    }
    Ok(paths)
}

/// The runtime members a JIT image needs: those defining a symbol the
/// objects leave undefined and the process does not export (kit run gets
/// most helpers from the process's libgcc_s, but not `__cpu_model`'s
/// default version or `__cpu_features2`). Empty, and nothing compiled,
/// when every symbol resolves.
pub fn jit_members(image: &[obj::Object], resolves: &dyn Fn(&str) -> bool, args_template: &CcArgs) -> Result<Vec<obj::Object>, String> {
    use obj::{Binding, SymbolDef};
    let defined: std::collections::HashSet<&str> = image
        .iter()
        .flat_map(|o| &o.symbols)
        .filter(|s| s.def != SymbolDef::Undefined && !s.name.is_empty())
        .map(|s| s.name.as_str())
        .collect();
    let missing: Vec<&str> = image
        .iter()
        .flat_map(|o| &o.symbols)
        .filter(|s| s.def == SymbolDef::Undefined && s.binding != Binding::Weak && !s.name.is_empty())
        .map(|s| s.name.as_str())
        .filter(|n| !defined.contains(n) && !resolves(n))
        .collect();
    if missing.is_empty() {
        return Ok(Vec::new());
    }
    let mut members = Vec::new();
    for path in objects(args_template)? {
        let bytes = host::fs::read(&path).map_err(|e| format!("{path}: {}", host::fs::error_text(&e)))?;
        let o = obj::elf_read::read_elf(&path, &bytes)?;
        let provides =
            o.symbols.iter().any(|s| s.def != SymbolDef::Undefined && s.binding != Binding::Local && missing.contains(&s.name.as_str()));
        if provides {
            members.push(o);
        }
    }
    Ok(members)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every runtime source compiles with kit and defines the functions its
    /// header promises; a second call reuses the cached objects.
    #[test]
    fn runtime_builds_and_caches() {
        let dir = std::env::temp_dir().join(format!("kit-runtime-test-{}", std::process::id()));
        let dir = dir.to_string_lossy().into_owned();
        let paths = build_into(&dir, &CcArgs::default()).expect("runtime builds");
        assert_eq!(paths.len(), SOURCES.len());
        let mut defined = Vec::new();
        for p in &paths {
            let bytes = host::fs::read(p).expect("object written");
            let o = obj::elf_read::read_elf(p, &bytes).expect("valid ELF");
            for s in &o.symbols {
                if matches!(s.def, obj::SymbolDef::Section { .. }) {
                    defined.push(s.name.clone());
                }
            }
        }
        for f in
            ["__divti3", "__udivmodti4", "__muldc3", "__divsc3", "__floatuntidf", "__fixsfti", "__popcountti2", "__powidf2", "__mulvti3"]
        {
            assert!(defined.iter().any(|d| d == f), "{f} not defined; have {defined:?}");
        }
        let mtime = host::fs::mtime(&paths[0]);
        assert_eq!(build_into(&dir, &CcArgs::default()).expect("cached"), paths);
        assert_eq!(host::fs::mtime(&paths[0]), mtime);
        let _ = host::fs::remove_dir_all(&dir);
    }
}
