//! Parse + lower C snippets (no preprocessing) and check the KIR verifies.

use cfront::diag::Diags;
use cfront::source::SourceMap;

fn lower(src: &str) -> Result<String, String> {
    let mut sm = SourceMap::default();
    let id = sm.add("t.c", src.into());
    let mut diags = Diags::default();
    let toks = cfront::lex::tokenize(id, src, &mut diags);
    let tu = cfront::parse::parse(toks, &Default::default(), &mut diags);
    if diags.has_errors() {
        return Err(diags.render(&sm));
    }
    let opts = cfront::lower::LowerOptions { opt_level: 0, file: "t.c".into(), comp_dir: "/".into(), debug: true };
    let m = cfront::lower::lower(&tu, &opts, &mut diags);
    if diags.has_errors() {
        return Err(diags.render(&sm));
    }
    for f in &m.funcs {
        kir::verify_function(f)?;
    }
    Ok(kir::print_module(&m))
}

const PROGRAM: &str = r#"
typedef unsigned long size_t;
int printf(const char *, ...);
struct point { int x, y; double w; };
union u { int i; float f; char c[4]; };
struct bits { unsigned a : 3, b : 5; int c : 7; };
enum color { RED, GREEN = 5, BLUE };
static int table[] = { 1, 2, 3, [7] = 9 };
const char *names[] = { "a", "bc", 0 };
struct point origin = { .y = 2, .x = 1 };
int counter;
static double avg(int n, ...) {
    __builtin_va_list ap;
    __builtin_va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += __builtin_va_arg(ap, double);
    __builtin_va_end(ap);
    return s / n;
}
struct point mk(int x, int y) { struct point p = { x, y, 1.5 }; return p; }
long fact(long n) { return n <= 1 ? 1 : n * fact(n - 1); }
int sw(int x) {
    switch (x) {
    case 1: return 10;
    case 2 ... 5: return 20;
    case 100 ... 1000: return 30;
    default: break;
    }
    return -1;
}
int main(int argc, char **argv) {
    struct point p = mk(3, 4);
    struct bits b = { 1, 2, -3 };
    union u v; v.f = 1.0f;
    int arr[10], *q = arr;
    for (int i = 0; i < 10; i++) arr[i] = i * i;
    q += 2; *q++ = 7; q[-1] += 3;
    unsigned char uc = 250; uc += 10;
    b.a++; b.c -= 1;
    int n = argc;
    int vla[n + 2];
    vla[0] = sizeof vla;
    printf("%d %d %f %d %ld %s %d\n", p.x, p.y, avg(2, 1.0, 2.0), sw(3), fact(5), names[1], table[7]);
    counter += (int)(p.w * 2) + b.c + BLUE + vla[0] + uc;
    _Bool ok = counter && argv;
    goto end;
end:
    return ok ? 0 : 1;
}
"#;

#[test]
fn lowers_a_program() {
    match lower(PROGRAM) {
        Ok(ir) => {
            if std::env::var("SHOW_IR").is_ok() {
                println!("{ir}");
            }
            assert!(ir.contains("fn @main"))
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn reports_errors_with_location() {
    let e = lower("int f(void) { return x; }").unwrap_err();
    assert!(e.contains("t.c:1:22: error: 'x' undeclared"), "{e}");
}

#[test]
fn garbage_gives_errors_not_panics() {
    for src in ["int", "int (", "struct { int", "int f() { if (", "}}}", "int a[", "x = = 3;", "int f(int a, ...) { return a ? : ; }"] {
        let errors = lower(src).expect_err(src);
        assert!(errors.contains("error"), "{src:?} must be rejected with an error, got: {errors:?}");
    }
}

#[test]
fn debug_types_are_shared_and_recursive() {
    use kir::{DebugLoc, DebugType as D};
    let src = "typedef const int cint; struct node { struct node *next; unsigned v : 4; };
        static int count; enum e { A = -1, B = 7 };
        int f(struct node *n, cint k) { static int seen; int a = k, b = 2; enum e x = B; return a + b + x + seen + n->v; }";
    let mut sm = SourceMap::default();
    let id = sm.add("t.c", src.into());
    let mut diags = Diags::default();
    let tu = cfront::parse::parse(cfront::lex::tokenize(id, src, &mut diags), &Default::default(), &mut diags);
    let opts = cfront::lower::LowerOptions { opt_level: 0, file: "t.c".into(), comp_dir: "/".into(), debug: true };
    let m = cfront::lower::lower(&tu, &opts, &mut diags);
    assert!(!diags.has_errors(), "{}", diags.render(&sm));
    let ty = |t: kir::DType| &m.debug_types[t.0 as usize];
    // Every distinct type once (records are distinct by identity).
    for t in &m.debug_types {
        assert!(matches!(t, D::Record { .. }) || m.debug_types.iter().filter(|u| *u == t).count() == 1, "{t:?} twice");
    }
    let f = &m.funcs[0];
    let names: Vec<(&str, bool)> = f.debug_locals.iter().map(|l| (l.name.as_str(), l.param)).collect();
    assert_eq!(names, [("n", true), ("k", true), ("a", false), ("b", false), ("x", false), ("seen", false)]);
    let l = |n: &str| f.debug_locals.iter().find(|l| l.name == n).and_then(|l| l.ty).map(ty).cloned();
    assert_eq!(l("a"), l("b"));
    // struct node *: the member points back at the record itself.
    let Some(D::Pointer(rec)) = l("n") else { panic!("{:?}", l("n")) };
    let D::Record { name, members, size: Some(16), .. } = ty(rec) else { panic!("{:?}", ty(rec)) };
    assert_eq!(name.as_deref(), Some("node"));
    assert!(matches!(ty(members[0].ty), D::Pointer(p) if *p == rec));
    assert_eq!((members[1].offset, members[1].bits), (8, Some((64, 4))));
    // cint k: the typedef names a const int; no extra qualifier outside it.
    let Some(D::Typedef(n, inner)) = l("k") else { panic!("{:?}", l("k")) };
    assert_eq!(n, "cint");
    assert!(matches!(ty(inner), D::Const(_)));
    let Some(D::Enum { values, .. }) = l("x") else { panic!("{:?}", l("x")) };
    assert_eq!(values, [("A".to_string(), -1), ("B".to_string(), 7)]);
    assert!(matches!(&f.debug_locals[5].loc, DebugLoc::Symbol(s) if s.starts_with("f.seen")));
    assert!(matches!(f.debug_type.map(ty), Some(D::Func { params, .. }) if params.len() == 2));
    let g: Vec<(&str, bool)> = m.debug_globals.iter().map(|g| (g.name.as_str(), g.external)).collect();
    assert_eq!(g, [("count", false)]);
}

/// xz's liblzma: `symver` names become aliases of the definition (after
/// `alias` ones, whose targets they may be), with the symbol's binding;
/// gcc's errors point at the attribute's string.
#[test]
fn symver_attribute_names_and_errors() {
    let src = r#"
int get_52(int x) __attribute__((symver("get@@V2")));
extern __attribute__((__symver__("get@V1"))) int get_522(int x) __attribute__((alias("get_52")));
int get_52(int x) { return x; }
__attribute__((weak, symver("w@V1"), symver("w@V1"))) int w(void) { return 1; }
int data __attribute__((symver("data@V1"))) = 5;
int unused_decl(void) __attribute__((symver("u@V1")));
"#;
    let mut sm = SourceMap::default();
    let id = sm.add("t.c", src.into());
    let mut diags = Diags::default();
    let toks = cfront::lex::tokenize(id, src, &mut diags);
    let tu = cfront::parse::parse(toks, &Default::default(), &mut diags);
    let opts = cfront::lower::LowerOptions { opt_level: 0, file: "t.c".into(), comp_dir: "/".into(), debug: false };
    let m = cfront::lower::lower(&tu, &opts, &mut diags);
    assert!(!diags.has_errors(), "{}", diags.render(&sm));
    let aliases: Vec<(&str, &str, kir::Linkage)> = m.aliases.iter().map(|a| (&*a.name, &*a.target, a.linkage)).collect();
    assert_eq!(
        aliases,
        [
            ("get_522", "get_52", kir::Linkage::External),
            ("get@@V2", "get_52", kir::Linkage::External),
            ("get@V1", "get_522", kir::Linkage::External),
            ("w@V1", "w", kir::Linkage::Weak),
            ("data@V1", "data", kir::Linkage::External),
        ]
    );
    for (src, want) in [
        ("int f(void) __attribute__((symver(\"f\")));", "t.c:1:35: error: symver attribute argument 'f' must have the form"),
        ("int f(void) __attribute__((symver(\"f@V@W\")));", "t.c:1:35: error: symver attribute argument 'f@V@W' must contain one '@'"),
        ("int f(void) __attribute__((symver));", "t.c:1:28: error: symver attribute needs a \"name@VERSION\" string"),
        ("static int f(void) __attribute__((symver(\"f@V\")));\nstatic int f(void) { return 0; }", "t.c:1:42: error: 'f' is static"),
        ("__attribute__((visibility(\"hidden\"), symver(\"f@V\"))) int f(void) { return 0; }", "t.c:1:45: error: 'f' is hidden"),
        ("int f(void) __attribute__((symver(\"f@V\")));\nint g(void) { return f(); }", "t.c:1:35: error: 'f' must be defined in this file"),
        (
            "int v __attribute__((symver(\"v@V\")));\nint w __attribute__((symver(\"v@V\")));",
            "t.c:2:29: error: symbol version 'v@V' is given to both 'v' and 'w'",
        ),
    ] {
        let e = lower(src).expect_err(src);
        assert!(e.contains(want), "{src}: want '{want}' in:\n{e}");
    }
}
