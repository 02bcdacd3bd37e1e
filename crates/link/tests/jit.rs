//! The JIT linker on hand-built objects (hand-assembled x86-64) and on
//! objects gcc compiled.
#![cfg(all(target_arch = "x86_64", target_os = "linux"))]

use link::{JitImage, link_jit};
use obj::*;
use std::collections::HashMap;
use std::process::Command;
use std::sync::Mutex;

/// A small builder over `obj::Object` for hand-assembled test code.
struct B {
    o: Object,
    text: SectionId,
}

impl B {
    fn new(name: &str) -> B {
        let mut o = Object::new(name);
        let text = o.add_section(".text", SectionKind::Text, 16);
        B { o, text }
    }
    fn sym(&mut self, name: &str, kind: SymbolKind, binding: Binding, def: SymbolDef, size: u64) -> SymbolId {
        if let (Some(id), SymbolDef::Undefined) = (self.o.find_symbol(name), def) {
            return id;
        }
        self.o.add_symbol(Symbol { name: name.into(), kind, binding, visibility: Visibility::Default, def, size })
    }
    fn undef(&mut self, name: &str) -> SymbolId {
        self.sym(name, SymbolKind::Unknown, Binding::Global, SymbolDef::Undefined, 0)
    }
    /// Appends a global function; returns its offset in `.text`.
    fn func(&mut self, name: &str, code: &[u8]) -> u64 {
        let off = self.o.append(self.text, code, 16);
        let text = self.text;
        self.sym(name, SymbolKind::Func, Binding::Global, SymbolDef::Section { section: text, offset: off }, code.len() as u64);
        off
    }
    fn reloc(&mut self, sec: SectionId, offset: u64, kind: RelocKind, target: &str, addend: i64) {
        let symbol = match self.o.find_symbol(target) {
            Some(s) => s,
            None => self.undef(target),
        };
        self.o.section_mut(sec).relocs.push(Reloc { offset, kind, symbol, addend });
    }
    fn data(&mut self, section: &str, kind: SectionKind, name: &str, bytes: &[u8], align: u64) -> (SectionId, u64) {
        let sec = match self.o.sections.iter().position(|s| s.name == section) {
            Some(i) => SectionId(i as u32),
            None => self.o.add_section(section, kind, align),
        };
        let off = if matches!(kind, SectionKind::Bss | SectionKind::TlsBss) {
            self.o.reserve(sec, bytes.len() as u64, align)
        } else {
            self.o.append(sec, bytes, align)
        };
        let sk = if matches!(kind, SectionKind::Tls | SectionKind::TlsBss) { SymbolKind::Tls } else { SymbolKind::Data };
        if !name.is_empty() {
            self.sym(name, sk, Binding::Global, SymbolDef::Section { section: sec, offset: off }, bytes.len() as u64);
        }
        (sec, off)
    }
}

fn none(_: &str) -> Option<usize> {
    None
}

unsafe fn call0(img: &JitImage, name: &str) -> i64 {
    let f: extern "C" fn() -> i64 = unsafe { std::mem::transmute(img.symbol(name).unwrap_or_else(|| panic!("no {name}"))) };
    f()
}

const PROLOGUE: [u8; 4] = [0x55, 0x48, 0x89, 0xe5]; // push rbp; mov rbp, rsp
const EPILOGUE: [u8; 2] = [0x5d, 0xc3]; // pop rbp; ret

/// `push rbp; mov rbp,rsp; call <target>; pop rbp; ret` — the call's
/// operand is at offset 5.
fn wrapper(call_target_bytes: [u8; 4]) -> Vec<u8> {
    let mut v = PROLOGUE.to_vec();
    v.push(0xe8);
    v.extend_from_slice(&call_target_bytes);
    v.extend_from_slice(&EPILOGUE);
    v
}

#[test]
fn function_returns_42() {
    let mut b = B::new("a.o");
    b.func("answer", &[0xb8, 0x2a, 0, 0, 0, 0xc3]);
    let img = link_jit(vec![b.o], &none).unwrap();
    assert_eq!(unsafe { call0(&img, "answer") } as i32, 42);
    let (start, end) = img.code_range();
    assert!(img.symbol("answer").unwrap() >= start && img.symbol("answer").unwrap() < end);
}

#[test]
fn objects_call_each_other() {
    // a.o: a_fn: call b_fn; add eax, 1; ret        a_leaf: mov eax, 40; ret
    let mut a = B::new("a.o");
    let off = a.func("a_fn", &[0xe8, 0, 0, 0, 0, 0x83, 0xc0, 0x01, 0xc3]);
    a.reloc(a.text, off + 1, RelocKind::Plt32, "b_fn", -4);
    a.func("a_leaf", &[0xb8, 40, 0, 0, 0, 0xc3]);
    // b.o: b_fn: call a_leaf; add eax, 1; ret
    let mut b = B::new("b.o");
    let off = b.func("b_fn", &[0xe8, 0, 0, 0, 0, 0x83, 0xc0, 0x01, 0xc3]);
    b.reloc(b.text, off + 1, RelocKind::Plt32, "a_leaf", -4);
    let img = link_jit(vec![a.o, b.o], &none).unwrap();
    assert_eq!(unsafe { call0(&img, "a_fn") } as i32, 42);
}

extern "C" fn triple(x: i32) -> i32 {
    x * 3
}

#[test]
fn external_calls_go_through_stubs() {
    let mut b = B::new("ext.o");
    let off = b.func("call_triple", &wrapper([0; 4]));
    b.reloc(b.text, off + 5, RelocKind::Plt32, "triple", -4);
    let off = b.func("call_strlen", &wrapper([0; 4]));
    b.reloc(b.text, off + 5, RelocKind::Plt32, "strlen", -4);
    // An old-style `call` with a PC32 operand also reaches a far target.
    let off = b.func("call_triple_pc32", &wrapper([0; 4]));
    b.reloc(b.text, off + 5, RelocKind::PcRel32, "triple", -4);
    let resolver = |name: &str| match name {
        "triple" => Some(triple as *const () as usize),
        _ => host::dl::lookup(name),
    };
    let img = link_jit(vec![b.o], &resolver).unwrap();
    let f: extern "C" fn(i32) -> i32 = unsafe { std::mem::transmute(img.symbol("call_triple").unwrap()) };
    assert_eq!(f(14), 42);
    let f: extern "C" fn(i32) -> i32 = unsafe { std::mem::transmute(img.symbol("call_triple_pc32").unwrap()) };
    assert_eq!(f(5), 15);
    let f: extern "C" fn(*const u8) -> usize = unsafe { std::mem::transmute(img.symbol("call_strlen").unwrap()) };
    assert_eq!(f(c"hello".as_ptr().cast()), 5);
}

#[test]
fn data_pointers_and_pc_relative_loads() {
    let mut b = B::new("data.o");
    b.data(".rodata", SectionKind::ReadOnlyData, "text", b"xxxxhello\0", 1);
    let (data, off) = b.data(".data", SectionKind::Data, "ptr", &[0; 8], 8);
    b.reloc(data, off, RelocKind::Abs64, "text", 4);
    // get_ptr: mov rax, [rip+ptr]; ret
    let f = b.func("get_ptr", &[0x48, 0x8b, 0x05, 0, 0, 0, 0, 0xc3]);
    b.reloc(b.text, f + 3, RelocKind::PcRel32, "ptr", -4);
    let img = link_jit(vec![b.o], &none).unwrap();
    let p = unsafe { call0(&img, "get_ptr") } as usize;
    assert_eq!(p, img.symbol("text").unwrap() + 4);
    assert_eq!(unsafe { std::ffi::CStr::from_ptr(p as *const std::ffi::c_char) }, c"hello");
    assert!(img.contains(p));
}

static EXTERNAL_VALUE: i32 = 1234;

#[test]
fn got_entries_for_image_and_external_symbols() {
    let mut a = B::new("got.o");
    // get_counter: mov rax, [rip+counter@GOTPCREL]; mov eax, [rax]; ret
    let f = a.func("get_counter", &[0x48, 0x8b, 0x05, 0, 0, 0, 0, 0x8b, 0x00, 0xc3]);
    a.reloc(a.text, f + 3, RelocKind::GotPcRelX32, "counter", -4);
    let f = a.func("get_external", &[0x48, 0x8b, 0x05, 0, 0, 0, 0, 0x8b, 0x00, 0xc3]);
    a.reloc(a.text, f + 3, RelocKind::GotPcRel32, "external_value", -4);
    // weak_addr: mov rax, [rip+maybe@GOTPCREL]; ret — weak, undefined: 0.
    let f = a.func("weak_addr", &[0x48, 0x8b, 0x05, 0, 0, 0, 0, 0xc3]);
    let maybe = a.sym("maybe", SymbolKind::Unknown, Binding::Weak, SymbolDef::Undefined, 0);
    a.o.section_mut(a.text).relocs.push(Reloc { offset: f + 3, kind: RelocKind::GotPcRel32, symbol: maybe, addend: -4 });
    let mut b = B::new("counter.o");
    b.data(".data", SectionKind::Data, "counter", &77i32.to_le_bytes(), 4);
    let resolver = |name: &str| (name == "external_value").then_some(&EXTERNAL_VALUE as *const i32 as usize);
    let img = link_jit(vec![a.o, b.o], &resolver).unwrap();
    assert_eq!(unsafe { call0(&img, "get_counter") } as i32, 77);
    assert_eq!(unsafe { call0(&img, "get_external") } as i32, 1234);
    assert_eq!(unsafe { call0(&img, "weak_addr") }, 0);
}

#[test]
fn undefined_symbols_are_all_reported() {
    let mut a = B::new("a.o");
    let f = a.func("f", &wrapper([0; 4]));
    a.reloc(a.text, f + 5, RelocKind::Plt32, "foo", -4);
    let f = a.func("g", &wrapper([0; 4]));
    a.reloc(a.text, f + 5, RelocKind::Plt32, "bar", -4);
    let mut b = B::new("b.o");
    let f = b.func("h", &wrapper([0; 4]));
    b.reloc(b.text, f + 5, RelocKind::Plt32, "foo", -4);
    // Declared but never referenced: not an error.
    b.undef("never_used");
    let e = link_jit(vec![a.o, b.o], &none).err().unwrap();
    let text = e.to_string();
    assert_eq!(e.messages.len(), 2, "{text}");
    assert!(text.contains("undefined reference to 'foo' (referenced from a.o, b.o)"), "{text}");
    assert!(text.contains("undefined reference to 'bar' (referenced from a.o)"), "{text}");
}

#[test]
fn duplicate_definitions_and_weak_symbols() {
    let mut a = B::new("one.o");
    a.func("dup", &[0xb8, 1, 0, 0, 0, 0xc3]);
    let mut b = B::new("two.o");
    b.func("dup", &[0xb8, 2, 0, 0, 0, 0xc3]);
    let e = link_jit(vec![a.o.clone(), b.o], &none).err().unwrap().to_string();
    assert!(e.contains("multiple definition of 'dup'") && e.contains("one.o") && e.contains("two.o"), "{e}");
    // A weak definition yields to a strong one, whatever the order.
    let mut w = B::new("weak.o");
    let text = w.text;
    let off = w.o.append(text, &[0xb8, 9, 0, 0, 0, 0xc3], 16);
    w.sym("dup", SymbolKind::Func, Binding::Weak, SymbolDef::Section { section: text, offset: off }, 6);
    let img = link_jit(vec![w.o, a.o], &none).unwrap();
    assert_eq!(unsafe { call0(&img, "dup") } as i32, 1);
}

#[test]
fn commons_take_the_largest_size_and_alignment() {
    let mut objs = Vec::new();
    for (name, size, align) in [("c1.o", 8, 8), ("c2.o", 64, 32), ("c3.o", 16, 4)] {
        let mut b = B::new(name);
        b.sym("buf", SymbolKind::Data, Binding::Global, SymbolDef::Common { align }, size);
        // buf_addr: lea rax, [rip+buf]; ret
        let f = b.func(&format!("addr_{}", &name[..2]), &[0x48, 0x8d, 0x05, 0, 0, 0, 0, 0xc3]);
        b.reloc(b.text, f + 3, RelocKind::PcRel32, "buf", -4);
        objs.push(b.o);
    }
    let img = link_jit(objs.clone(), &none).unwrap();
    let buf = img.symbol("buf").unwrap();
    assert_eq!(buf % 32, 0);
    for f in ["addr_c1", "addr_c2", "addr_c3"] {
        assert_eq!(unsafe { call0(&img, f) } as usize, buf);
    }
    // A real definition beats the commons.
    let mut d = B::new("def.o");
    d.data(".data", SectionKind::Data, "buf", &[1; 64], 8);
    objs.push(d.o);
    let img = link_jit(objs, &none).unwrap();
    assert_eq!(unsafe { *(call0(&img, "addr_c1") as *const u8) }, 1);
}

static LOG: Mutex<Vec<i32>> = Mutex::new(Vec::new());
extern "C" fn log_call(n: i32) {
    LOG.lock().unwrap().push(n);
}

/// A function calling `log_call(n)`.
fn logger(b: &mut B, name: &str, n: i32) -> u64 {
    let mut code = PROLOGUE.to_vec();
    code.push(0xbf); // mov edi, n
    code.extend_from_slice(&n.to_le_bytes());
    code.extend_from_slice(&[0xe8, 0, 0, 0, 0]);
    code.extend_from_slice(&EPILOGUE);
    let off = b.func(name, &code);
    b.reloc(b.text, off + 10, RelocKind::Plt32, "log_call", -4);
    off
}

#[test]
fn constructors_and_destructors_run_in_priority_order() {
    let mut objs = Vec::new();
    for (obj, section, kind, n) in [
        ("x.o", ".init_array", SectionKind::InitArray, 3),
        ("y.o", ".init_array.00200", SectionKind::InitArray, 2),
        ("z.o", ".init_array.00101", SectionKind::InitArray, 1),
        ("z.o", ".fini_array", SectionKind::FiniArray, 10),
        ("y.o", ".fini_array.00200", SectionKind::FiniArray, 20),
    ] {
        let mut b = B::new(obj);
        logger(&mut b, &format!("fn{n}"), n);
        let (sec, off) = b.data(section, kind, "", &[0; 8], 8);
        b.reloc(sec, off, RelocKind::Abs64, &format!("fn{n}"), 0);
        objs.push(b.o);
    }
    let resolver = |name: &str| (name == "log_call").then_some(log_call as *const () as usize);
    let img = link_jit(objs, &resolver).unwrap();
    assert_eq!(img.constructors().len(), 3);
    img.run_init_array();
    assert_eq!(*LOG.lock().unwrap(), [1, 2, 3]);
    img.run_destructors();
    assert_eq!(*LOG.lock().unwrap(), [1, 2, 3, 10, 20]);
}

#[test]
fn thread_locals_are_per_thread() {
    let mut b = B::new("tls.o");
    b.data(".tdata", SectionKind::Tls, "tv", &5i32.to_le_bytes(), 4);
    let (tdata, tp_off) = b.data(".tdata", SectionKind::Tls, "tp", &[0; 8], 8);
    b.data(".data", SectionKind::Data, "gdata", &[0; 4], 4);
    b.reloc(tdata, tp_off, RelocKind::Abs64, "gdata", 0);
    b.data(".tbss", SectionKind::TlsBss, "pad", &[0; 4], 4);
    b.data(".tbss", SectionKind::TlsBss, "tz", &[0; 64], 64);
    // get_tv: general dynamic — data16 lea rdi,[rip+tv@tlsgd]; data16 data16 rex.W call __tls_get_addr
    let mut code = PROLOGUE.to_vec();
    code.extend_from_slice(&[0x66, 0x48, 0x8d, 0x3d, 0, 0, 0, 0, 0x66, 0x66, 0x48, 0xe8, 0, 0, 0, 0]);
    code.extend_from_slice(&EPILOGUE);
    let f = b.func("get_tv", &code);
    b.reloc(b.text, f + 8, RelocKind::TlsGd, "tv", -4);
    b.reloc(b.text, f + 16, RelocKind::Plt32, "__tls_get_addr", -4);
    // get_tz: local dynamic — lea rdi,[rip+tz@tlsld]; call __tls_get_addr; lea rax,[rax+tz@dtpoff]
    let mut code = PROLOGUE.to_vec();
    code.extend_from_slice(&[0x48, 0x8d, 0x3d, 0, 0, 0, 0, 0xe8, 0, 0, 0, 0, 0x48, 0x8d, 0x80, 0, 0, 0, 0]);
    code.extend_from_slice(&EPILOGUE);
    let f = b.func("get_tz", &code);
    b.reloc(b.text, f + 7, RelocKind::ElfRaw(20), "tz", -4);
    b.reloc(b.text, f + 12, RelocKind::Plt32, "__tls_get_addr", -4);
    b.reloc(b.text, f + 19, RelocKind::DtpOff32, "tz", 0);
    let img = link_jit(vec![b.o], &none).unwrap();
    let tv = unsafe { call0(&img, "get_tv") } as usize as *mut i32;
    let tz = unsafe { call0(&img, "get_tz") } as usize;
    assert_eq!(unsafe { *tv }, 5);
    assert_eq!(tz % 64, 0);
    assert_eq!(unsafe { *(tz as *const u64) }, 0);
    assert_eq!(img.thread_local_address("tv"), Some(tv as usize));
    let tp = img.thread_local_address("tp").unwrap();
    assert_eq!(unsafe { *(tp as *const usize) }, img.symbol("gdata").unwrap());
    unsafe { *tv = 7 };
    let addr = img.symbol("get_tv").unwrap();
    let other = std::thread::spawn(move || {
        let f: extern "C" fn() -> *mut i32 = unsafe { std::mem::transmute(addr) };
        let p = f();
        (p as usize, unsafe { *p })
    })
    .join()
    .unwrap();
    assert_ne!(other.0, tv as usize);
    assert_eq!(other.1, 5);
    assert_eq!(unsafe { *tv }, 7);
}

fn crash_object() -> Object {
    // f: push rbp; mov rbp,rsp; call g; pop rbp; ret     g: push rbp; mov rbp,rsp; ud2; pop rbp; ret
    let mut b = B::new("crash.o");
    let f = b.func("f", &wrapper([0; 4]));
    b.reloc(b.text, f + 5, RelocKind::Plt32, "g", -4);
    let mut g = PROLOGUE.to_vec();
    g.extend_from_slice(&[0x0f, 0x0b]);
    g.extend_from_slice(&EPILOGUE);
    let g_off = b.func("g", &g);
    b.o.line_files = vec!["crash.c".into()];
    for (off, line) in [(f, 3), (f + 4, 4), (f + 9, 5), (g_off, 8), (g_off + 4, 9)] {
        b.o.lines.push(LineEntry { section: b.text, offset: off, file: 0, line });
    }
    b.o
}

#[test]
fn symbolize_and_backtrace() {
    let img = link_jit(vec![crash_object()], &none).unwrap();
    let f = img.symbol("f").unwrap();
    let g = img.symbol("g").unwrap();
    assert_eq!(img.symbolize(f + 6), Some(("f".into(), 6, Some(("crash.c".into(), 4)))));
    assert_eq!(img.symbolize(g + 4), Some(("g".into(), 4, Some(("crash.c".into(), 9)))));
    assert_eq!(img.symbolize(img.memory().0 + img.memory().1), None);
    // A fake stack: g's frame at 0x1000 → f's frame at 0x2000 → outside.
    let mem: HashMap<usize, usize> = [(0x1000, 0x2000), (0x1008, f + 9), (0x2000, 0x3000), (0x2008, 0x1234)].into();
    let read = |a: usize| mem.get(&a).copied();
    let frames = link::backtrace(&img, g + 4, 0x1000, &read);
    assert_eq!(frames.len(), 2);
    assert_eq!(frames[0].function.as_deref(), Some("g"));
    assert_eq!(frames[1].function.as_deref(), Some("f"));
    // The return address maps to the call's line (4), not the next one (5).
    assert_eq!(frames[1].location, Some(("crash.c".into(), 4)));
    let text = link::format_backtrace(&frames);
    assert!(text.starts_with(&format!("#0  0x{:016x} in g () at crash.c:9\n", g + 4)), "{text}");
    assert!(text.contains("#1  ") && text.contains(" in f () at crash.c:4"), "{text}");
}

#[test]
fn backtrace_from_a_fault_outside_the_image() {
    let img = link_jit(vec![crash_object()], &none).unwrap();
    let f = img.symbol("f").unwrap();
    // Faulting in "libc" (pc outside); the stack holds a return address
    // into f right after its call, and %rbp is f's frame.
    let ret = f + 9;
    let mem: HashMap<usize, usize> = [(0x500, 0xdead), (0x508, ret), (0x1000, 0x2000), (0x1008, 0x77)].into();
    let read = |a: usize| {
        mem.get(&a).copied().or_else(|| {
            // Code bytes come from the image itself.
            img.contains(a).then(|| unsafe { (a as *const usize).read_unaligned() })
        })
    };
    let frames = link::backtrace_with_sp(&img, 0x42, 0x1000, 0x500, &read);
    assert_eq!(frames.len(), 2, "{frames:?}");
    assert_eq!(frames[0].function, None);
    assert_eq!(frames[1].function.as_deref(), Some("f"));
    assert!(link::format_backtrace(&frames).starts_with("#0  0x0000000000000042 in ?? ()\n"));
}

static FAR_DATA: [u8; 4] = [1, 2, 3, 4];

#[test]
fn unreachable_references_are_clear_errors() {
    let mut b = B::new("nopic.o");
    // mov eax, [rip+far_data] — data reached PC-relatively, outside the image.
    let f = b.func("load", &[0x8b, 0x05, 0, 0, 0, 0, 0xc3]);
    b.reloc(b.text, f + 2, RelocKind::PcRel32, "far_data", -4);
    // mov edi, OFFSET local_data — 32-bit absolute address of image data.
    let f = b.func("addr32", &[0xbf, 0, 0, 0, 0, 0xc3]);
    b.data(".data", SectionKind::Data, "local_data", &[0; 4], 4);
    b.reloc(b.text, f + 1, RelocKind::Abs32, "local_data", 0);
    let resolver = |name: &str| (name == "far_data").then_some(FAR_DATA.as_ptr() as usize);
    let e = link_jit(vec![b.o], &resolver).err().unwrap().to_string();
    let lines: Vec<&str> = e.lines().collect();
    assert!(lines.iter().any(|l| l.contains("nopic.o") && l.contains("'far_data'") && l.contains("-fPIC")), "{e}");
    assert!(lines.iter().any(|l| l.contains("'local_data'") && l.contains("32-bit")), "{e}");
}

#[test]
fn comdat_groups_are_kept_once() {
    let mut objs = Vec::new();
    for (name, v) in [("c1.o", 1u8), ("c2.o", 2u8)] {
        let mut b = B::new(name);
        let sec = b.o.add_section(".text.inl", SectionKind::Text, 16);
        b.o.section_mut(sec).comdat = Some("inl".into());
        let off = b.o.append(sec, &[0xb8, v, 0, 0, 0, 0xc3], 1);
        b.sym("inl", SymbolKind::Func, Binding::Global, SymbolDef::Section { section: sec, offset: off }, 6);
        let f = b.func(&format!("call_{name}"), &[0xe9, 0, 0, 0, 0]);
        b.reloc(b.text, f + 1, RelocKind::Plt32, "inl", -4);
        // Unwind data of the group's code, through its section symbol: the
        // dropped copy's reference is left alone.
        let sec_sym = b.sym(".text.inl", SymbolKind::Section, Binding::Local, SymbolDef::Section { section: sec, offset: 0 }, 0);
        let (eh, eh_off) = b.data(".eh_frame", SectionKind::EhFrame, "", &[0; 8], 8);
        b.o.section_mut(eh).relocs.push(Reloc { offset: eh_off + 4, kind: RelocKind::PcRel32, symbol: sec_sym, addend: 0 });
        objs.push(b.o);
    }
    let img = link_jit(objs, &none).unwrap();
    assert_eq!(unsafe { call0(&img, "call_c1.o") } as i32, 1);
    assert_eq!(unsafe { call0(&img, "call_c2.o") } as i32, 1);
}

fn have_gcc() -> bool {
    let found = Command::new("gcc").arg("--version").output().is_ok_and(|o| o.status.success());
    // A skip is fine on a developer's machine; in CI it would hide a failure.
    assert!(found || std::env::var_os("CI").is_none(), "{} is required when CI is set", "gcc");
    found
}

fn gcc_object(test: &str, src: &str, flags: &[&str]) -> Object {
    let d = std::env::temp_dir().join(format!("kit-link-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("t.c"), src).unwrap();
    let out = Command::new("gcc").current_dir(&d).args(["-c", "t.c", "-o", "t.o"]).args(flags).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let o = obj::elf_read::read_elf("t.o", &std::fs::read(d.join("t.o")).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&d);
    o
}

const GCC_SRC: &str = r#"
#include <string.h>
#include <execinfo.h>
__thread int counter = 3;
static const char *words[] = {"alpha", "beta", "gamma"};
int total_len(void) { int n = 0; for (int i = 0; i < 3; i++) n += strlen(words[i]); return n; }
int bump(void) { return ++counter; }
__attribute__((noinline)) int depth(void) { void *b[64]; return backtrace(b, 64); }
__attribute__((noinline)) int outer(void) { return depth() + 0; }
"#;

#[test]
fn links_gcc_objects_with_tls_and_unwind_tables() {
    if !have_gcc() {
        eprintln!("skipped: no gcc");
        return;
    }
    let o = gcc_object("gcc", GCC_SRC, &["-fPIC", "-O1", "-fno-omit-frame-pointer"]);
    let img = link_jit(vec![o], &|n: &str| host::dl::lookup(n)).unwrap();
    assert_eq!(unsafe { call0(&img, "total_len") } as i32, 14);
    assert_eq!(unsafe { call0(&img, "bump") } as i32, 4);
    assert_eq!(unsafe { call0(&img, "bump") } as i32, 5);
    let addr = img.symbol("bump").unwrap();
    let in_thread = std::thread::spawn(move || {
        let f: extern "C" fn() -> i32 = unsafe { std::mem::transmute(addr) };
        f()
    })
    .join()
    .unwrap();
    assert_eq!(in_thread, 4);
    // The unwinder walks through the JIT frames only with the image's
    // .eh_frame registered: backtrace() → depth → outer → this test → ...
    let frames = unsafe { call0(&img, "outer") } as i32;
    assert!(frames >= 5, "backtrace() saw {frames} frames");
}

#[test]
fn gcc_initial_exec_tls_is_a_clear_error() {
    if !have_gcc() {
        eprintln!("skipped: no gcc");
        return;
    }
    let o = gcc_object("gcc-ie", "__thread int counter = 3;\nint bump(void) { return ++counter; }\n", &["-fPIE", "-O1"]);
    let e = link_jit(vec![o], &none).err().unwrap().to_string();
    assert!(e.contains("'counter'") && e.contains("TLS model") && e.contains("-fPIC"), "{e}");
}

#[test]
fn malformed_objects_are_errors_not_panics() {
    let mut b = B::new("bad.o");
    let f = b.func("f", &[0xe8, 0, 0, 0, 0, 0xc3]);
    b.o.section_mut(b.text).relocs.push(Reloc { offset: f + 1, kind: RelocKind::Plt32, symbol: SymbolId(99), addend: -4 });
    let e = link_jit(vec![b.o.clone()], &none).err().unwrap().to_string();
    assert!(e.contains("bad.o") && e.contains("#99"), "{e}");
    b.o.section_mut(b.text).relocs.clear();
    b.reloc(b.text, 1000, RelocKind::Abs64, "f", 0);
    let e = link_jit(vec![b.o.clone()], &none).err().unwrap().to_string();
    assert!(e.contains("outside the section"), "{e}");
    b.o.section_mut(b.text).relocs.clear();
    b.reloc(b.text, 0, RelocKind::ElfRaw(200), "f", 0);
    let e = link_jit(vec![b.o.clone()], &none).err().unwrap().to_string();
    assert!(e.contains("unsupported relocation type 200"), "{e}");
    // Symbols and lines naming sections that do not exist, absurd sizes.
    let mut o = b.o.clone();
    o.section_mut(b.text).relocs.clear();
    o.add_symbol(Symbol {
        name: "ghost".into(),
        kind: SymbolKind::Func,
        binding: Binding::Global,
        visibility: Visibility::Default,
        def: SymbolDef::Section { section: SectionId(42), offset: 0 },
        size: 0,
    });
    o.lines.push(LineEntry { section: SectionId(42), offset: 0, file: 7, line: 1 });
    o.lines.push(LineEntry { section: b.text, offset: 0, file: 7, line: 1 });
    let img = link_jit(vec![o.clone()], &none).unwrap();
    assert_eq!(img.symbolize(img.symbol("f").unwrap()).unwrap().2, Some(("??".into(), 1)));
    let huge = o.add_section(".bss", SectionKind::Bss, 1 << 62);
    o.section_mut(huge).size = u64::MAX;
    let e = link_jit(vec![o], &none).err().unwrap().to_string();
    assert!(e.contains("more than"), "{e}");
}
