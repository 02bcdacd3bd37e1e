//! The compile pipeline shared by `cc` and `run`: preprocess, parse,
//! lower to KIR, generate code.

use crate::args::{CcArgs, Define};
use cfront::diag::Diags;
use cfront::source::{FileLoader, SourceMap};

/// Reads source files through the host layer.
pub struct HostLoader;

/// Standard input as a source file (`-x c -`), read once: `-MD` and the
/// compilation both preprocess it.
static STDIN_SOURCE: std::sync::OnceLock<Result<Vec<u8>, String>> = std::sync::OnceLock::new();

impl FileLoader for HostLoader {
    fn load(&self, path: &str) -> Result<Vec<u8>, String> {
        if path == "-" {
            return STDIN_SOURCE.get_or_init(|| host::io::read_stdin().map_err(|e| host::fs::error_text(&e))).clone();
        }
        host::fs::read(path).map_err(|e| host::fs::error_text(&e))
    }
    fn exists(&self, path: &str) -> bool {
        path == "-" || host::fs::is_file(path)
    }
}

/// Prints diagnostics (unless only warnings and `-w`).
pub fn report(diags: &Diags, sm: &SourceMap, no_warnings: bool) {
    let mut out = String::new();
    for d in &diags.list {
        if no_warnings && d.level != cfront::diag::Level::Error {
            continue;
        }
        cfront::diag::render_one(&mut out, d, sm);
    }
    if !out.is_empty() {
        eprint!("{out}");
    }
}

pub fn pp_options(args: &CcArgs) -> cfront::pp::PpOptions {
    let mut system_dirs = args.system_dirs.clone();
    if !args.nostdinc {
        let target = host::target::host_target();
        let probe = host::probe::probe_libc(target.arch, args.sysroot.as_deref());
        system_dirs.extend(probe.include_dirs);
    }
    // The extension macros come first, as predefined ones: -U and -D after them win.
    let isa = args.isa.macros().map(|m| cfront::pp::MacroDef::Define(m.to_string(), None));
    let defines = isa
        .chain(args.defines.iter().map(|d| match d {
            Define::Set(n, v) => cfront::pp::MacroDef::Define(n.clone(), v.clone()),
            Define::Unset(n) => cfront::pp::MacroDef::Undef(n.clone()),
        }))
        .collect();
    cfront::pp::PpOptions {
        include_dirs: args.include_dirs.clone(),
        system_dirs,
        quote_dirs: args.quote_dirs.clone(),
        after_dirs: args.after_dirs.clone(),
        macro_includes: args.macro_includes.clone(),
        keep_pragmas: args.mode == crate::args::Mode::Preprocess,
        dump_macros: args.dump_macros,
        defines,
        includes: args.includes.clone(),
        optimize: args.opt_level > 0,
        build_time: Some(host::env::build_time()),
        lang: args.lang,
        ..Default::default()
    }
}

/// Preprocesses one file.
pub fn preprocess(path: &str, args: &CcArgs, sm: &mut SourceMap, diags: &mut Diags) -> cfront::pp::PpOutput {
    let opts = cfront::pp::PpOptions { assembler: args.asm_needs_cpp(path), ..pp_options(args) };
    cfront::pp::preprocess(path, &opts, &HostLoader, sm, diags)
}

/// Front end: C file → KIR module. Diagnostics are printed; `None` on error.
pub fn frontend(path: &str, args: &CcArgs) -> Option<kir::Module> {
    let mut sm = SourceMap::default();
    let mut diags = Diags::default();
    let policy = cfront::diag::WarningPolicy { none: args.no_warnings, ..args.warnings.clone() };
    let pp = preprocess(path, args, &mut sm, &mut diags);
    diags.drop_system_warnings(&sm);
    diags.apply(&policy);
    if diags.has_errors() {
        report(&diags, &sm, args.no_warnings);
        return None;
    }
    let tu = cfront::parse::parse(pp.tokens, &args.lang, &mut diags);
    diags.drop_system_warnings(&sm);
    diags.apply(&policy);
    if diags.has_errors() {
        report(&diags, &sm, args.no_warnings);
        return None;
    }
    let comp_dir = host::env::current_dir().unwrap_or_default();
    let lopts = cfront::lower::LowerOptions { opt_level: args.opt_level, file: path.to_string(), comp_dir, debug: args.debug };
    let module = cfront::lower::lower(&tu, &lopts, &mut diags);
    diags.drop_system_warnings(&sm);
    diags.apply(&policy);
    report(&diags, &sm, args.no_warnings);
    if diags.has_errors() {
        return None;
    }
    let mut module = module;
    if uses_alloca(&module) {
        merge_runtime(&mut module);
    }
    if cfg!(debug_assertions) {
        for f in &module.funcs {
            if let Err(e) = kir::verify_function(f) {
                eprintln!("kit: internal error: invalid KIR: {e}");
                return None;
            }
        }
    }
    Some(module)
}

pub fn codegen_options(args: &CcArgs) -> codegen::Options {
    codegen::Options {
        opt_level: args.opt_level,
        debug_info: args.debug,
        pic: true,
        target: codegen::Target::X86_64,
        jit: false,
        threads: host::env::cpu_count(),
    }
}

/// C file → in-memory object.
pub fn compile_to_object(path: &str, args: &CcArgs) -> Option<obj::Object> {
    if args.is_asm_source(path) {
        return assemble(path, args);
    }
    let module = frontend(path, args)?;
    match codegen::compile_module(&module, &codegen_options(args)) {
        Ok(mut o) => {
            o.name = path.to_string();
            Some(o)
        }
        Err(e) => {
            eprintln!("kit: internal compiler error: {e}");
            None
        }
    }
}

/// An assembly source file, assembled by `kit as`.
/// `.s` through kit as; `.S` through the preprocessor first, as gcc's
/// assembler-with-cpp does.
fn assemble(path: &str, args: &CcArgs) -> Option<obj::Object> {
    let text = if args.asm_needs_cpp(path) {
        let mut sm = SourceMap::default();
        let mut diags = Diags::default();
        let pp = preprocess(path, args, &mut sm, &mut diags);
        report(&diags, &sm, args.no_warnings);
        if diags.has_errors() {
            return None;
        }
        let mut text = String::new();
        cfront::pp::write_preprocessed(&pp.tokens, &sm, &mut text);
        text
    } else {
        match host::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("kit cc: error: {path}: {}", host::fs::error_text(&e));
                return None;
            }
        }
    };
    match asm::assemble_with_files(path, &text, asm_files(&[])) {
        Ok(o) => Some(o),
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            None
        }
    }
}

/// File access for the assembler's `.include` and `.incbin`.
pub fn asm_files(include_dirs: &[String]) -> asm::Files {
    asm::Files {
        read: Box::new(|p| host::fs::read(p).map_err(|e| host::fs::error_text(&e))),
        exists: Box::new(host::fs::is_file),
        include_dirs: include_dirs.to_vec(),
    }
}

/// Whether the module calls into kit's runtime (dynamic stack allocation).
fn uses_alloca(m: &kir::Module) -> bool {
    m.funcs.iter().any(|f| f.blocks.iter().any(|b| b.insts.iter().any(|i| matches!(i.op, kir::Op::Alloca { .. }))))
}

/// Serves kit's runtime source to the preprocessor.
struct RuntimeLoader;

const RUNTIME_PATH: &str = "<kit-runtime>.c";

impl FileLoader for RuntimeLoader {
    fn load(&self, path: &str) -> Result<Vec<u8>, String> {
        if path == RUNTIME_PATH { Ok(codegen::RUNTIME_C.as_bytes().to_vec()) } else { Err("not found".into()) }
    }
    fn exists(&self, path: &str) -> bool {
        path == RUNTIME_PATH
    }
}

/// Adds kit's runtime helpers (weak, hidden) to a module that calls them,
/// so objects need no separate runtime library.
fn merge_runtime(m: &mut kir::Module) {
    let mut sm = SourceMap::default();
    let mut diags = Diags::default();
    let opts = cfront::pp::PpOptions::default();
    let pp = cfront::pp::preprocess(RUNTIME_PATH, &opts, &RuntimeLoader, &mut sm, &mut diags);
    let tu = cfront::parse::parse(pp.tokens, &cfront::lang::LangOptions::default(), &mut diags);
    let lopts = cfront::lower::LowerOptions { opt_level: 1, file: RUNTIME_PATH.into(), comp_dir: String::new(), debug: false };
    let rt = cfront::lower::lower(&tu, &lopts, &mut diags);
    if diags.has_errors() {
        report(&diags, &sm, false);
        return;
    }
    let defined: std::collections::HashSet<String> =
        m.funcs.iter().map(|f| f.name.clone()).chain(m.globals.iter().map(|g| g.name.clone())).collect();
    for f in rt.funcs {
        if !defined.contains(&f.name) {
            m.funcs.push(f);
        }
    }
    for g in rt.globals {
        if !defined.contains(&g.name) {
            m.globals.push(g);
        }
    }
    for e in rt.externs {
        if !m.externs.iter().any(|x| x.name == e.name) {
            m.externs.push(e);
        }
    }
}
