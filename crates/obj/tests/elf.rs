//! ELF writer/reader and archives against the system toolchain: objects kit
//! writes link with gcc, objects gcc writes read back into kit's model.

use obj::*;
use std::path::PathBuf;
use std::process::Command;

fn tmpdir(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kit-obj-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
    // A skip is fine on a developer's machine; in CI it would hide a failure.
    assert!(found || std::env::var_os("CI").is_none(), "{} is required when CI is set", tool);
    found
}

fn sym(o: &mut Object, name: &str, kind: SymbolKind, binding: Binding, def: SymbolDef, size: u64) -> SymbolId {
    o.add_symbol(Symbol { name: name.into(), kind, binding, visibility: Visibility::Default, def, size })
}

fn reloc(o: &mut Object, sec: SectionId, offset: u64, kind: RelocKind, symbol: SymbolId, addend: i64) {
    o.section_mut(sec).relocs.push(Reloc { offset, kind, symbol, addend });
}

/// An object exercising what codegen emits: functions (one in a COMDAT
/// group), a data pointer (Abs64), a PC-relative string load, a call to
/// libc (Plt32), a constructor, a common symbol and a thread-local.
fn sample_object() -> Object {
    let mut o = Object::new("kit.o");
    let text = o.add_section(".text", SectionKind::Text, 16);
    let group = o.add_section(".text.answer", SectionKind::Text, 16);
    o.section_mut(group).comdat = Some("answer".into());
    let data = o.add_section(".data", SectionKind::Data, 8);
    let rodata = o.add_section(".rodata", SectionKind::ReadOnlyData, 1);
    let init = o.add_section(".init_array", SectionKind::InitArray, 8);
    let tdata = o.add_section(".tdata", SectionKind::Tls, 4);
    let bss = o.add_section(".bss", SectionKind::Bss, 4);

    // answer: mov eax, 42; ret
    o.append(group, &[0xb8, 0x2a, 0, 0, 0, 0xc3], 1);
    let answer = sym(&mut o, "answer", SymbolKind::Func, Binding::Weak, SymbolDef::Section { section: group, offset: 0 }, 6);
    // hello: lea rdi, [rip+msg]; jmp puts
    let hello_off = o.append(text, &[0x48, 0x8d, 0x3d, 0, 0, 0, 0, 0xe9, 0, 0, 0, 0], 1);
    sym(&mut o, "hello", SymbolKind::Func, Binding::Global, SymbolDef::Section { section: text, offset: hello_off }, 12);
    let msg_off = o.append(rodata, b"hello from kit\0", 1);
    let msg = sym(&mut o, ".Lmsg", SymbolKind::Data, Binding::Local, SymbolDef::Section { section: rodata, offset: msg_off }, 15);
    let puts = sym(&mut o, "puts", SymbolKind::Unknown, Binding::Global, SymbolDef::Undefined, 0);
    reloc(&mut o, text, hello_off + 3, RelocKind::PcRel32, msg, -4);
    reloc(&mut o, text, hello_off + 8, RelocKind::Plt32, puts, -4);
    // ctor: mov dword [rip+ctor_ran], 7; ret
    let ctor_off = o.append(text, &[0xc7, 0x05, 0, 0, 0, 0, 7, 0, 0, 0, 0xc3], 16);
    let ctor = sym(&mut o, "ctor", SymbolKind::Func, Binding::Local, SymbolDef::Section { section: text, offset: ctor_off }, 11);
    let ran_off = o.reserve(bss, 4, 4);
    let ran = sym(&mut o, "ctor_ran", SymbolKind::Data, Binding::Global, SymbolDef::Section { section: bss, offset: ran_off }, 4);
    reloc(&mut o, text, ctor_off + 2, RelocKind::PcRel32, ran, -8);
    o.append(init, &[0; 8], 8);
    reloc(&mut o, init, 0, RelocKind::Abs64, ctor, 0);
    // ptr: .quad answer
    let ptr_off = o.append(data, &[0; 8], 8);
    sym(&mut o, "ptr", SymbolKind::Data, Binding::Global, SymbolDef::Section { section: data, offset: ptr_off }, 8);
    reloc(&mut o, data, ptr_off, RelocKind::Abs64, answer, 0);
    sym(&mut o, "shared", SymbolKind::Data, Binding::Global, SymbolDef::Common { align: 8 }, 16);
    let t_off = o.append(tdata, &[5, 0, 0, 0], 4);
    sym(&mut o, "tvar", SymbolKind::Tls, Binding::Global, SymbolDef::Section { section: tdata, offset: t_off }, 4);
    o
}

const MAIN_C: &str = r#"
#include <stdio.h>
extern int answer(void);
extern int (*ptr)(void);
extern void hello(void);
extern int ctor_ran;
extern long shared[2];
extern __thread int tvar;
int main(void) {
    hello();
    shared[1] = 3;
    printf("%d %d %d %ld %d\n", answer(), ptr(), ctor_ran, shared[1], tvar);
    return answer() == 42 ? 0 : 1;
}
"#;

#[test]
fn written_object_links_with_gcc_and_runs() {
    if !have("gcc") {
        eprintln!("skipped: no gcc");
        return;
    }
    let d = tmpdir("link");
    let bytes = elf_write::write_elf(&sample_object()).unwrap();
    std::fs::write(d.join("kit.o"), &bytes).unwrap();
    std::fs::write(d.join("main.c"), MAIN_C).unwrap();
    let out = Command::new("gcc").current_dir(&d).args(["main.c", "kit.o", "-o", "prog"]).output().unwrap();
    assert!(out.status.success(), "gcc failed: {}", String::from_utf8_lossy(&out.stderr));
    // GNU ld warns about an executable stack if the note is missing.
    assert!(!String::from_utf8_lossy(&out.stderr).contains("executable stack"), "{}", String::from_utf8_lossy(&out.stderr));
    let run = Command::new(d.join("prog")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "hello from kit\n42 42 7 3 5\n");
    assert!(run.status.success());
}

#[test]
fn written_object_reads_back() {
    let o = sample_object();
    let bytes = elf_write::write_elf(&o).unwrap();
    let r = elf_read::read_elf("kit.o", &bytes).unwrap();
    let sec = |name: &str| r.sections.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no {name}"));
    assert_eq!(sec(".text.answer").comdat.as_deref(), Some("answer"));
    assert_eq!(sec(".text.answer").data, [0xb8, 0x2a, 0, 0, 0, 0xc3]);
    assert_eq!(sec(".init_array").kind, SectionKind::InitArray);
    assert_eq!(sec(".tdata").kind, SectionKind::Tls);
    assert_eq!(sec(".bss").kind, SectionKind::Bss);
    assert_eq!(sec(".bss").size, 4);
    assert!(!r.sections.iter().any(|s| s.name == ".note.GNU-stack"));
    let s = |name: &str| r.symbols.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no {name}"));
    assert_eq!(s("answer").binding, Binding::Weak);
    assert_eq!(s("answer").kind, SymbolKind::Func);
    assert_eq!(s("answer").size, 6);
    assert_eq!(s("ctor").binding, Binding::Local);
    assert_eq!(s("puts").def, SymbolDef::Undefined);
    assert_eq!(s("shared").def, SymbolDef::Common { align: 8 });
    assert_eq!(s("shared").size, 16);
    assert_eq!(s("tvar").kind, SymbolKind::Tls);
    let text = sec(".text");
    let kinds: Vec<(u64, RelocKind, &str, i64)> =
        text.relocs.iter().map(|x| (x.offset, x.kind, r.symbol(x.symbol).name.as_str(), x.addend)).collect();
    assert!(kinds.contains(&(3, RelocKind::PcRel32, ".Lmsg", -4)), "{kinds:?}");
    assert!(kinds.contains(&(8, RelocKind::Plt32, "puts", -4)), "{kinds:?}");
    let data = sec(".data");
    assert_eq!(data.relocs.len(), 1);
    assert_eq!(r.symbol(data.relocs[0].symbol).name, "answer");
    assert_eq!(data.relocs[0].kind, RelocKind::Abs64);
    // Writing what was read gives an equivalent object again.
    let again = elf_read::read_elf("again.o", &elf_write::write_elf(&r).unwrap()).unwrap();
    assert_eq!(again.sections.len(), r.sections.len());
    assert_eq!(again.symbols.len(), r.symbols.len());
}

#[test]
fn every_reloc_kind_maps_to_its_elf_type_and_back() {
    let kinds = [
        RelocKind::Abs64,
        RelocKind::Abs32,
        RelocKind::Abs32S,
        RelocKind::PcRel32,
        RelocKind::Plt32,
        RelocKind::GotPcRel32,
        RelocKind::GotPcRelX32,
        RelocKind::PcRel64,
        RelocKind::TlsGd,
        RelocKind::TpOff32,
        RelocKind::GotTpOff32,
        RelocKind::DtpOff32,
        RelocKind::DtpOff64,
        RelocKind::ElfRaw(object::elf::R_X86_64_SIZE32),
    ];
    let mut o = Object::new("k.o");
    let t = o.add_section(".text", SectionKind::Text, 1);
    o.append(t, &[0; 16 * 8], 1);
    let x = sym(&mut o, "x", SymbolKind::Unknown, Binding::Global, SymbolDef::Undefined, 0);
    for (i, &k) in kinds.iter().enumerate() {
        reloc(&mut o, t, 8 * i as u64, k, x, i as i64);
    }
    let r = elf_read::read_elf("k.o", &elf_write::write_elf(&o).unwrap()).unwrap();
    let got: Vec<RelocKind> = r.sections[0].relocs.iter().map(|r| r.kind).collect();
    assert_eq!(got, kinds);
    let addends: Vec<i64> = r.sections[0].relocs.iter().map(|r| r.addend).collect();
    assert_eq!(addends, (0..kinds.len() as i64).collect::<Vec<_>>());
}

#[test]
fn bad_objects_are_errors_not_panics() {
    let mut o = Object::new("bad.o");
    let t = o.add_section(".text", SectionKind::Text, 1);
    o.append(t, &[0xc3], 1);
    o.section_mut(t).relocs.push(Reloc { offset: 0, kind: RelocKind::Abs32, symbol: SymbolId(9), addend: 0 });
    let e = elf_write::write_elf(&o).unwrap_err();
    assert!(e.contains("bad.o") && e.contains("symbol #9"), "{e}");
    o.section_mut(t).relocs.clear();
    let s = sym(&mut o, "f", SymbolKind::Func, Binding::Global, SymbolDef::Undefined, 0);
    o.section_mut(t).relocs.push(Reloc { offset: 0, kind: RelocKind::Abs32, symbol: s, addend: 0 });
    let e = elf_write::write_elf(&o).unwrap_err();
    assert!(e.contains("outside the section"), "{e}");
    let e = elf_write::write_elf_for(&sample_object(), elf_write::Machine::Aarch64).unwrap_err();
    assert!(e.contains("Aarch64"), "{e}");
}

const GCC_C: &str = r#"
#include <stdio.h>
static int counter;
int table[4] = {1, 2, 3, 4};
int *tp = &table[2];
__thread int tls_var = 7;
int common_var;
__attribute__((constructor)) static void init(void) { counter = 1; }
__attribute__((weak)) int weak_fn(void) { return 1; }
int f(int x) { puts("f"); return x + counter + table[1]; }
"#;

fn gcc_object(d: &std::path::Path, extra: &[&str]) -> Vec<u8> {
    std::fs::write(d.join("g.c"), GCC_C).unwrap();
    let out = Command::new("gcc").current_dir(d).args(["-c", "-O1", "-fcommon", "g.c", "-o", "g.o"]).args(extra).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(d.join("g.o")).unwrap()
}

#[test]
fn reads_gcc_objects() {
    if !have("gcc") {
        eprintln!("skipped: no gcc");
        return;
    }
    let d = tmpdir("gcc");
    for flags in [&["-fPIC"][..], &["-fno-pic"][..], &["-g", "-fPIE"][..]] {
        let o = elf_read::read_elf("g.o", &gcc_object(&d, flags)).unwrap();
        let s = |name: &str| o.symbols.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("{flags:?}: no {name}"));
        assert_eq!(s("f").kind, SymbolKind::Func);
        assert_eq!(s("f").binding, Binding::Global);
        assert!(matches!(s("f").def, SymbolDef::Section { .. }));
        assert_eq!(s("weak_fn").binding, Binding::Weak);
        assert_eq!(s("puts").def, SymbolDef::Undefined);
        assert_eq!(s("counter").binding, Binding::Local);
        assert_eq!(s("tls_var").kind, SymbolKind::Tls);
        assert!(matches!(s("common_var").def, SymbolDef::Common { .. }), "{:?}", s("common_var"));
        assert!(o.sections.iter().any(|s| s.kind == SectionKind::InitArray && !s.relocs.is_empty()));
        assert!(o.sections.iter().any(|s| s.kind == SectionKind::EhFrame && !s.relocs.is_empty()));
        assert!(o.sections.iter().any(|s| s.kind == SectionKind::Tls));
        let calls: Vec<&Reloc> = o.sections.iter().flat_map(|s| &s.relocs).filter(|r| o.symbol(r.symbol).name == "puts").collect();
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].kind, RelocKind::Plt32);
        assert_eq!(calls[0].addend, -4);
        // tp = &table[2]: in .data, or .data.rel under -fPIC.
        let tp = o.sections.iter().filter(|s| s.kind == SectionKind::Data).flat_map(|s| &s.relocs);
        assert!(tp.clone().any(|r| r.kind == RelocKind::Abs64 && r.addend == 8), "{flags:?}");
        if flags.contains(&"-g") {
            assert!(o.sections.iter().any(|s| s.name == ".debug_info" && s.kind == SectionKind::Debug && !s.relocs.is_empty()));
        }
        // kit writes back what it read from gcc; gcc links that.
        let back = elf_write::write_elf(&o).unwrap();
        elf_read::read_elf("back.o", &back).unwrap();
    }
}

#[test]
fn reads_archives() {
    if !have("gcc") || !have("ar") {
        eprintln!("skipped: no gcc/ar");
        return;
    }
    let d = tmpdir("ar");
    std::fs::write(d.join("a.c"), "int a_fn(void) { return 1; }\nint a_data = 3;\n").unwrap();
    std::fs::write(d.join("b.c"), "int b_fn(void) { return 2; }\n").unwrap();
    assert!(Command::new("gcc").current_dir(&d).args(["-c", "a.c", "b.c"]).status().unwrap().success());
    std::fs::write(d.join("README"), "not an object").unwrap();
    for (flags, lib) in [("rcs", "libx.a"), ("rcS", "liby.a")] {
        assert!(Command::new("ar").current_dir(&d).args([flags, lib, "a.o", "b.o", "README"]).status().unwrap().success());
        let bytes = std::fs::read(d.join(lib)).unwrap();
        let members = archive::read_archive(lib, &bytes).unwrap();
        let names: Vec<&str> = members.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(names, ["a.o", "b.o", "README"]);
        let index = archive::symbol_index(lib, &bytes).unwrap();
        assert_eq!(index.get("a_fn"), Some(&0), "{flags}");
        assert_eq!(index.get("a_data"), Some(&0));
        assert_eq!(index.get("b_fn"), Some(&1));
        let objs = archive::read_archive_objects(lib, &bytes).unwrap();
        assert_eq!(objs.len(), 2);
        assert_eq!(objs[1].name, format!("{lib}(b.o)"));
    }
    let e = archive::read_archive("junk.a", b"!<arch>\nthis is not a header at all.......").unwrap_err();
    assert!(e.contains("junk.a"), "{e}");
}

/// A small deterministic generator (xorshift) for the mutation test.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn truncated_and_mutated_input_never_panics() {
    let mut inputs = vec![elf_write::write_elf(&sample_object()).unwrap()];
    if have("gcc") {
        let d = tmpdir("fuzz");
        inputs.push(gcc_object(&d, &["-g"]));
    }
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for bytes in &inputs {
        for len in (0..bytes.len()).step_by(7) {
            let r = elf_read::read_elf("t.o", &bytes[..len]);
            if let Err(e) = r {
                assert!(e.starts_with("t.o:"), "{e}");
            }
        }
        for _ in 0..3000 {
            let mut b = bytes.clone();
            for _ in 0..1 + rng.next() % 8 {
                let i = (rng.next() % b.len() as u64) as usize;
                b[i] = rng.next() as u8;
            }
            if let Ok(o) = elf_read::read_elf("m.o", &b) {
                // Whatever was accepted must also be writable or rejected cleanly.
                let _ = elf_write::write_elf(&o);
            }
        }
    }
}

/// Mutated archives: the damage lands in member headers, the symbol index
/// and member contents, so most cases get past the magic number and
/// exercise the archive reader itself (counted, and checked to be most).
#[test]
fn mutated_archives_never_panic() {
    let members: Vec<(String, Vec<u8>)> = (0..3).map(|i| (format!("m{i}.o"), elf_write::write_elf(&sample_object()).unwrap())).collect();
    let good = archive::write_archive(&members, true).unwrap();
    assert_eq!(archive::read_archive("good.a", &good).unwrap().len(), 3, "the unmutated archive reads back");
    let mut rng = Rng(0x2545f4914f6cdd1d);
    let (mut cases, mut read, mut objects) = (0, 0, 0);
    for _ in 0..2000 {
        let mut b = good.clone();
        // Keep the 8-byte magic: damage past it is what the reader must survive.
        for _ in 0..1 + rng.next() % 4 {
            let i = 8 + (rng.next() % (b.len() as u64 - 8)) as usize;
            b[i] = match rng.next() % 3 {
                0 => rng.next() as u8,
                1 => b"0123456789 /`\n"[(rng.next() % 14) as usize],
                _ => 0,
            };
        }
        if rng.next().is_multiple_of(4) {
            b.truncate(8 + (rng.next() % (b.len() as u64 - 8)) as usize);
        }
        cases += 1;
        if archive::read_archive("m.a", &b).is_ok() {
            read += 1;
        }
        let _ = archive::symbol_index("m.a", &b);
        if archive::read_archive_objects("m.a", &b).is_ok() {
            objects += 1;
        }
    }
    eprintln!("mutated archives: {cases} cases, {read} read as archives, {objects} with every member read as an object");
    assert!(read * 3 >= cases, "only {read} of {cases} mutated archives reach member parsing");
}
