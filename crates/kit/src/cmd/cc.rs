//! `kit cc`: the gcc-compatible compiler driver.

use crate::args::{self, CcArgs, Mode};
use crate::compile;
use cfront::diag::Diags;
use cfront::source::SourceMap;

const HELP: &str = "usage: kit cc [options] FILE...

  -c            compile to an object file          -E   preprocess only
  -S            assembly text (GNU as syntax)      --emit=ir  print KIR
  -o FILE       output file                        -O0 -O1 -O2  optimization
  -I DIR  -D NAME[=VAL]  -U NAME  -include FILE    -g   debug info
  -M -MM -MD -MMD -MF FILE -MT TARGET -MP          dependency output
  -w            no warnings                        @FILE  read options from FILE
";

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help") {
        print!("{HELP}");
        return 0;
    }
    match args::parse(argv) {
        Ok(a) => run_cc(a),
        Err(e) => {
            eprintln!("kit cc: error: {e}");
            2
        }
    }
}

fn write_output(path: Option<&str>, bytes: &[u8]) -> Result<(), String> {
    match path {
        None | Some("-") => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|_| out.flush()).map_err(|e| format!("stdout: {e}"))
        }
        Some(p) => host::fs::write_atomic(p, bytes).map_err(|e| format!("{p}: {e}")),
    }
}

/// `foo/bar.c` → `bar.o`
fn default_output(input: &str, ext: &str) -> String {
    let base = input.rsplit(['/', '\\']).next().unwrap_or(input);
    let stem = base.rsplit_once('.').map(|(s, _)| s).unwrap_or(base);
    format!("{stem}.{ext}")
}

pub fn run_cc(a: CcArgs) -> i32 {
    if let Some(q) = &a.query {
        print!("{}", crate::query::answer(q, &a));
        return 0;
    }
    if a.verbose || a.dry_run {
        eprint!("{}", crate::query::verbose_header());
        if a.inputs.is_empty() {
            return 0;
        }
    }
    if a.inputs.is_empty() {
        eprintln!("kit cc: fatal error: no input files");
        return 1;
    }
    if a.output.is_some() && a.inputs.len() > 1 && matches!(a.mode, Mode::Compile | Mode::Assembly | Mode::EmitIr) {
        eprintln!("kit cc: fatal error: cannot specify '-o' with '-c', '-S' or '-E' with multiple files");
        return 1;
    }
    if a.deps_only || a.mode == Mode::Preprocess {
        return preprocess_only(&a);
    }
    if a.mode == Mode::Link {
        return crate::linking::link(&a);
    }
    if a.dry_run {
        // Nothing runs as a separate program when kit compiles.
        return 0;
    }
    let mut status = 0;
    for input in &a.inputs {
        if !(a.is_c_source(input) || a.is_asm_source(input) || input.ends_with(".h")) {
            eprintln!("kit cc: warning: {input}: linker input file unused because linking not done");
            continue;
        }
        let r = match a.mode {
            Mode::EmitIr => compile::frontend(input, &a)
                .map(|m| kir::print_module(&m).into_bytes())
                .ok_or(())
                .and_then(|b| write_output(a.output.as_deref(), &b).map_err(|e| eprintln!("kit cc: error: {e}"))),
            Mode::Compile => compile_one(input, &a),
            Mode::Assembly => compile::compile_to_object(input, &a).ok_or(()).and_then(|o| {
                let out = a.output.clone().unwrap_or_else(|| default_output(input, "s"));
                write_output(Some(&out), obj::asm_write::write_asm(&o).as_bytes()).map_err(|e| eprintln!("kit cc: error: {e}"))
            }),
            Mode::Link | Mode::Preprocess => unreachable!(),
        };
        if r.is_err() {
            status = 1;
        }
    }
    status
}

fn compile_one(input: &str, a: &CcArgs) -> Result<(), ()> {
    let out = a.output.clone().unwrap_or_else(|| default_output(input, "o"));
    if a.deps_file {
        write_deps(input, a, &out)?;
    }
    let o = compile::compile_to_object(input, a).ok_or(())?;
    let bytes = obj::elf_write::write_elf(&o).map_err(|e| eprintln!("kit cc: internal error: {e}"))?;
    write_output(Some(&out), &bytes).map_err(|e| eprintln!("kit cc: error: {e}"))
}

fn preprocess_only(a: &CcArgs) -> i32 {
    let mut status = 0;
    for input in &a.inputs {
        let mut sm = SourceMap::default();
        let mut diags = Diags::default();
        let pp = compile::preprocess(input, a, &mut sm, &mut diags);
        compile::report(&diags, &sm, a.no_warnings);
        if diags.has_errors() {
            status = 1;
            continue;
        }
        let text = if a.dump_macros {
            pp.macro_defs
        } else if a.deps_only {
            let target = a.output.clone().unwrap_or_else(|| default_output(input, "o"));
            deps_text(input, a, &target, &pp.deps, &sm)
        } else {
            let mut s = String::new();
            cfront::pp::write_preprocessed(&pp.tokens, &sm, &mut s);
            s
        };
        let dest = if a.deps_only { a.dep_out.as_deref().or(None) } else { a.output.as_deref() };
        if let Err(e) = write_output(dest, text.as_bytes()) {
            eprintln!("kit cc: error: {e}");
            status = 1;
        }
    }
    status
}

fn deps_text(input: &str, a: &CcArgs, target: &str, deps: &[String], _sm: &SourceMap) -> String {
    let targets = if a.dep_targets.is_empty() { vec![target.to_string()] } else { a.dep_targets.clone() };
    let mut files = vec![input.to_string()];
    for d in deps {
        let system = a.deps_skip_system && (d.starts_with("/usr/") || d.starts_with("<kit>"));
        if !system && !files.contains(d) && !d.starts_with("<kit>") {
            files.push(d.clone());
        }
    }
    let mut s = format!("{}:", targets.join(" "));
    for f in &files {
        s.push_str(" \\\n ");
        s.push_str(f);
    }
    s.push('\n');
    if a.dep_phony {
        for f in files.iter().skip(1) {
            s.push_str(&format!("\n{f}:\n"));
        }
    }
    s
}

fn write_deps(input: &str, a: &CcArgs, out: &str) -> Result<(), ()> {
    let mut sm = SourceMap::default();
    let mut diags = Diags::default();
    let pp = compile::preprocess(input, a, &mut sm, &mut diags);
    let text = deps_text(input, a, out, &pp.deps, &sm);
    let path = a.dep_out.clone().unwrap_or_else(|| {
        let stem = out.rsplit_once('.').map(|(s, _)| s).unwrap_or(out);
        format!("{stem}.d")
    });
    host::fs::write_atomic(&path, text.as_bytes()).map_err(|e| eprintln!("kit cc: error: {path}: {e}"))
}
