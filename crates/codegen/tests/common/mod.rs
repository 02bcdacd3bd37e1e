//! Helpers: build KIR by hand, compile with kit's codegen, link the object
//! with a C driver using the system gcc, run, and return stdout.
#![allow(dead_code)]

use kir::{Builder, Function, Global, Init, Linkage, Module, Op, Param, Sig, Term, Type as KT, Value, Visibility};
use std::path::PathBuf;
use std::process::Command;

pub fn sig(params: &[KT], rets: &[KT]) -> Sig {
    Sig { params: params.iter().map(|t| Param::Scalar(*t)).collect(), rets: rets.to_vec(), sret: false, variadic: false }
}

pub fn func(name: &str, params: &[KT], rets: &[KT]) -> Function {
    let mut f = Function::new(name, sig(params, rets));
    f.file = "kir-test.c".into();
    f
}

pub fn params(b: &mut Builder, n: usize) -> Vec<Value> {
    (0..n as u32).map(|i| b.val(Op::Param(i))).collect()
}

/// `name(x: ty) -> ty { op(x) }` style helpers, from a closure over the builder.
pub fn def(m: &mut Module, name: &str, ps: &[KT], ret: KT, body: impl FnOnce(&mut Builder, &[Value]) -> Value) {
    let mut f = func(name, ps, &[ret]);
    let mut b = Builder::new(&mut f);
    b.line = 10;
    let args = params(&mut b, ps.len());
    let r = body(&mut b, &args);
    b.terminate(Term::Ret(vec![r]));
    m.funcs.push(f);
}

pub fn cstring(m: &mut Module, name: &str, s: &str) {
    let mut bytes = s.as_bytes().to_vec();
    bytes.push(0);
    m.globals.push(Global {
        name: name.into(),
        linkage: Linkage::Internal,
        visibility: Visibility::Default,
        size: bytes.len() as u64,
        align: 1,
        init: Some(Init { bytes, relocs: vec![] }),
        readonly: true,
        thread_local: false,
        common: false,
        section: None,
    });
}

pub fn call(b: &mut Builder, name: &str, s: Sig, args: Vec<Value>) -> Vec<Value> {
    let rets: Vec<Value> = s.rets.iter().map(|t| b.func.new_value(*t)).collect();
    b.push(Op::Call { callee: kir::Callee::Direct(name.into()), sig: s, args, rets: rets.clone() });
    rets
}

pub fn opts() -> codegen::Options {
    codegen::Options::default()
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kit-codegen-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Compiles `m`, links it with the C sources (gcc), runs; returns stdout.
pub fn run(name: &str, m: &Module, o: &codegen::Options, c_sources: &[&str], gcc_flags: &[&str]) -> String {
    for f in &m.funcs {
        kir::verify_function(f).unwrap_or_else(|e| panic!("{}\n{}", e, kir::print_module(m)));
    }
    let object = codegen::compile_module(m, o).unwrap_or_else(|e| panic!("compile: {e}"));
    let dir = tmpdir(name);
    let objpath = dir.join("k.o");
    std::fs::write(&objpath, obj::elf_write::write_elf(&object).expect("write_elf")).unwrap();
    let mut cmd = Command::new("gcc");
    cmd.current_dir(&dir).arg("-w").arg("-o").arg("prog").arg("k.o");
    for (i, src) in c_sources.iter().enumerate() {
        let p = format!("c{i}.c");
        std::fs::write(dir.join(&p), src).unwrap();
        cmd.arg(p);
    }
    cmd.args(gcc_flags).arg("-lm");
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "link failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let out = Command::new(dir.join("prog")).current_dir(&dir).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "program failed ({:?}):\n{stdout}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    stdout
}

/// Runs a tool on the built program (in the test's directory).
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(args[0]).current_dir(tmpdir(name)).args(&args[1..]).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn cleanup(name: &str) {
    let _ = std::fs::remove_dir_all(tmpdir(name));
}
