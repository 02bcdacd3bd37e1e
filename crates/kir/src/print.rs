//! The readable text form of KIR (`kit cc --emit=ir`).

use crate::*;
use std::fmt::Write;

fn v(x: Value) -> String {
    format!("%{}", x.0)
}

fn param(p: &Param) -> String {
    match p {
        Param::Scalar(t) => t.name().to_string(),
        Param::ByVal { size, align } => format!("byval({size},{align})"),
    }
}

fn sig_text(s: &Sig) -> String {
    let mut ps: Vec<String> = Vec::new();
    if s.sret {
        ps.push("sret".into());
    }
    ps.extend(s.params.iter().map(param));
    if s.variadic {
        ps.push("...".into());
    }
    let rets: Vec<&str> = s.rets.iter().map(|t| t.name()).collect();
    format!("({}) -> ({})", ps.join(", "), rets.join(", "))
}

fn op_text(op: &Op) -> String {
    let list = |xs: &[Value]| xs.iter().map(|x| v(*x)).collect::<Vec<_>>().join(", ");
    match op {
        Op::Iconst(t, c) => format!("iconst.{} {c}", t.name()),
        Op::Fconst(t, c) => format!("fconst.{} {c:?}", t.name()),
        Op::Bin(o, a, b) => format!("{o:?} {}, {}", v(*a), v(*b)).to_lowercase(),
        Op::Un(o, a) => format!("{o:?} {}", v(*a)).to_lowercase(),
        Op::Cmp(o, a, b) => format!("cmp.{o:?} {}, {}", v(*a), v(*b)).to_lowercase(),
        Op::Conv(o, a, t) => format!("{} {} to {}", format!("{o:?}").to_lowercase(), v(*a), t.name()),
        Op::Select(c, a, b) => format!("select {}, {}, {}", v(*c), v(*a), v(*b)),
        Op::Load { ty, addr, offset, volatile } => {
            format!("load{}.{} [{}{:+}]", if *volatile { ".volatile" } else { "" }, ty.name(), v(*addr), offset)
        }
        Op::Store { addr, offset, val, volatile } => {
            format!("store{} [{}{:+}], {}", if *volatile { ".volatile" } else { "" }, v(*addr), offset, v(*val))
        }
        Op::SlotAddr(s) => format!("slot_addr ss{}", s.0),
        Op::SymAddr(s, off) => format!("sym_addr @{s}{off:+}"),
        Op::GetVar(x) => format!("get var{}", x.0),
        Op::SetVar(x, a) => format!("set var{}, {}", x.0, v(*a)),
        Op::Param(i) => format!("param {}", if *i == u32::MAX { "sret".to_string() } else { i.to_string() }),
        Op::Call { callee, sig, args, rets } => {
            let c = match callee {
                Callee::Direct(s) => format!("@{s}"),
                Callee::Indirect(x) => v(*x),
            };
            let r = if rets.is_empty() { String::new() } else { format!("{} = ", list(rets)) };
            format!("{r}call {c}({}) {}", list(args), sig_text(sig))
        }
        Op::Copy { dst, src, size, align } => format!("copy {}, {}, {size}, align {align}", v(*dst), v(*src)),
        Op::Zero { dst, size, align } => format!("zero {}, {size}, align {align}", v(*dst)),
        Op::Alloca { size, align } => format!("alloca {}, align {align}", v(*size)),
        Op::VaStart(a) => format!("va_start {}", v(*a)),
        Op::AtomicRmw { op, ty, addr, val } => {
            format!("atomic_rmw.{}.{} [{}], {}", format!("{op:?}").to_lowercase(), ty.name(), v(*addr), v(*val))
        }
        Op::AtomicCas { ty, addr, expected, new } => {
            format!("atomic_cas.{} [{}], {}, {}", ty.name(), v(*addr), v(*expected), v(*new))
        }
        Op::AtomicLoad { ty, addr } => format!("atomic_load.{} [{}]", ty.name(), v(*addr)),
        Op::AtomicStore { addr, val } => format!("atomic_store [{}], {}", v(*addr), v(*val)),
        Op::Fence => "fence".into(),
        Op::FrameAddr => "frame_addr".into(),
        Op::ReturnAddr => "return_addr".into(),
    }
}

pub fn print_function(f: &Function, out: &mut String) {
    let _ = writeln!(out, "fn @{} {} {:?} {{", f.name, sig_text(&f.sig), f.linkage);
    for (i, s) in f.slots.iter().enumerate() {
        let _ = writeln!(out, "  ss{i} = slot {}, align {} ; {}", s.size, s.align, s.name);
    }
    for (i, t) in f.vars.iter().enumerate() {
        let _ = writeln!(out, "  var{i}: {}", t.name());
    }
    for (bi, b) in f.blocks.iter().enumerate() {
        let _ = writeln!(out, "b{bi}:");
        for inst in &b.insts {
            match inst.result {
                Some(r) => {
                    let _ = writeln!(out, "  {}: {} = {}", v(r), f.ty(r).name(), op_text(&inst.op));
                }
                None => {
                    let _ = writeln!(out, "  {}", op_text(&inst.op));
                }
            }
        }
        let t = match &b.term {
            Term::Jump(b) => format!("jump b{}", b.0),
            Term::Br { cond, then, els } => format!("br {}, b{}, b{}", v(*cond), then.0, els.0),
            Term::Switch { val, cases, default } => {
                let cs: Vec<String> = cases.iter().map(|(c, b)| format!("{c}: b{}", b.0)).collect();
                format!("switch {} [{}] default b{}", v(*val), cs.join(", "), default.0)
            }
            Term::Ret(vs) => format!("ret {}", vs.iter().map(|x| v(*x)).collect::<Vec<_>>().join(", ")),
            Term::Unreachable => "unreachable".into(),
            Term::Trap => "trap".into(),
        };
        let _ = writeln!(out, "  {t}");
    }
    let _ = writeln!(out, "}}");
}

pub fn print_module(m: &Module) -> String {
    let mut out = String::new();
    for g in &m.globals {
        let _ = writeln!(
            out,
            "data @{} size {} align {} {:?}{}{}{}",
            g.name,
            g.size,
            g.align,
            g.linkage,
            if g.readonly { " readonly" } else { "" },
            if g.thread_local { " tls" } else { "" },
            match &g.init {
                None => " zeroinit".to_string(),
                Some(i) => format!(" init {} bytes, {} relocs", i.bytes.len(), i.relocs.len()),
            }
        );
    }
    for e in &m.externs {
        let _ = writeln!(out, "extern @{}{}", e.name, if e.is_func { " fn" } else { "" });
    }
    for f in &m.funcs {
        out.push('\n');
        print_function(f, &mut out);
    }
    out
}
