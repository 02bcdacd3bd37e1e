//! `kit ld`: the static linker for x86-64 ELF. It shares symbol resolution
//! (`crate::resolve`) with the JIT; what it adds is the file: output
//! sections and segments, the dynamic-linking tables, and relocations
//! applied against load addresses.
//!
//! Pipeline: `input` (objects, archives, shared libraries, scripts) →
//! `resolve` → `plan` (GOT, stubs, copies, dynamic symbols) → `layout`
//! (sections and addresses) → `write` (contents, relocations, ELF file).
//! Lazy binding is not used: every import is bound at load time through
//! the GOT (`-z now`), so there is no PLT0 and no `.got.plt`.

mod args;
mod dylib;
mod dynamic;
mod ehhdr;
mod gc;
mod input;
mod layout;
mod plan;
mod script;
mod symver;
mod version_script;
mod write;

pub use args::{help, parse_args};

use crate::LinkError;
use obj::Object;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OutputKind {
    /// Position-independent executable (the default, as gcc on Debian).
    Pie,
    /// Executable at a fixed address.
    Exec,
    Shared,
}

/// `-Bsymbolic` and `-Bsymbolic-functions`: which exported definitions of
/// a shared library its own references bind to directly.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Symbolic {
    /// All exported definitions may be interposed (GNU ld's default).
    None,
    Functions,
    All,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Strip {
    None,
    Debug,
    All,
}

/// One input, in command-line order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputArg {
    Path(String),
    /// `-lname` (or `-l:file`).
    Lib(String),
    /// An object already in memory (compiled by `kit cc`): index into the
    /// objects handed to [`link`].
    Memory(usize),
    /// `-Bstatic` (true) / `-Bdynamic`.
    Static(bool),
    WholeArchive(bool),
    AsNeeded(bool),
    GroupStart,
    GroupEnd,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub output: String,
    pub kind: OutputKind,
    /// `-static`: no dynamic section, no interpreter.
    pub static_exe: bool,
    pub inputs: Vec<InputArg>,
    pub lib_dirs: Vec<String>,
    /// kit's runtime objects: linked like an archive, after everything.
    pub runtime: Vec<String>,
    pub entry: Option<String>,
    pub soname: Option<String>,
    pub rpath: Vec<String>,
    pub dynamic_linker: Option<String>,
    pub export_dynamic: bool,
    pub gc_sections: bool,
    pub build_id: bool,
    /// Always true: kit's call stubs need their GOT slots bound at load time.
    pub bind_now: bool,
    pub relro: bool,
    pub exec_stack: bool,
    pub no_undefined: bool,
    /// Whether undefined names in input shared libraries are allowed
    /// (`None`: GNU ld's default, which allows them in shared outputs).
    pub allow_shlib_undefined: Option<bool>,
    /// `--version-script` files; their nodes are concatenated.
    pub version_scripts: Vec<String>,
    /// `--default-symver`: unversioned exports get a version named after
    /// the soname (the output's file name without one).
    pub default_symver: bool,
    /// `--dynamic-list` files.
    pub dynamic_lists: Vec<String>,
    pub symbolic: Symbolic,
    /// `--exclude-libs`: archive file names, or `ALL`.
    pub exclude_libs: Vec<String>,
    pub strip: Strip,
    pub map: Option<String>,
    pub scripts: Vec<String>,
    pub sysroot: Option<String>,
    pub print_version: bool,
    pub print_help: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            output: "a.out".into(),
            kind: OutputKind::Pie,
            static_exe: false,
            inputs: Vec::new(),
            lib_dirs: Vec::new(),
            runtime: Vec::new(),
            entry: None,
            soname: None,
            rpath: Vec::new(),
            dynamic_linker: None,
            export_dynamic: false,
            gc_sections: false,
            build_id: false,
            bind_now: true,
            relro: true,
            exec_stack: false,
            no_undefined: false,
            allow_shlib_undefined: None,
            version_scripts: Vec::new(),
            default_symver: false,
            dynamic_lists: Vec::new(),
            symbolic: Symbolic::None,
            exclude_libs: Vec::new(),
            strip: Strip::None,
            map: None,
            scripts: Vec::new(),
            sysroot: None,
            print_version: false,
            print_help: false,
        }
    }
}

pub const DEFAULT_INTERP: &str = "/lib64/ld-linux-x86-64.so.2";

/// Links the inputs into `cfg.output`. `memory` holds the in-memory objects
/// that [`InputArg::Memory`] refers to. The file is written atomically: on
/// error nothing is left behind.
pub fn link(cfg: &Config, memory: Vec<Object>) -> Result<(), LinkError> {
    let mut script = script::Script::default();
    for path in &cfg.scripts {
        let text = host::fs::read_to_string(path).map_err(|e| LinkError::one(format!("error: {path}: {e}")))?;
        let s = script::parse(path, &text).map_err(|e| LinkError::one(format!("error: {e}")))?;
        if !s.inputs.is_empty() {
            return Err(LinkError::one(format!("error: {path}: INPUT/GROUP in a -T script: name the inputs on the command line")));
        }
        script.entry = s.entry.or(script.entry);
        script.base = s.base.or(script.base);
        script.assigns.extend(s.assigns);
        script.rules.extend(s.rules);
        script.outputs.extend(s.outputs);
    }
    let inputs = input::load(cfg, memory.into_iter().map(Some).collect())?;
    let image = plan::plan(cfg, inputs, script)?;
    let bytes = write::write(cfg, &image)?;
    host::fs::write_atomic_exec(&cfg.output, &bytes).map_err(|e| LinkError::one(format!("error: cannot write {}: {e}", cfg.output)))?;
    if let Some(map) = &cfg.map {
        host::fs::write_atomic(map, image.map_text().as_bytes()).map_err(|e| LinkError::one(format!("error: cannot write {map}: {e}")))?;
    }
    Ok(())
}
