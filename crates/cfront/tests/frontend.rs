//! Parse + lower C snippets (no preprocessing) and check the KIR verifies.

use cfront::diag::Diags;
use cfront::source::SourceMap;

fn lower(src: &str) -> Result<String, String> {
    let mut sm = SourceMap::default();
    let id = sm.add("t.c", src.into());
    let mut diags = Diags::default();
    let toks = cfront::lex::tokenize(id, src, &mut diags);
    let tu = cfront::parse::parse(toks, &mut diags);
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
fn survives_garbage() {
    for src in ["int", "int (", "struct { int", "int f() { if (", "}}}", "int a[", "x = = 3;", "int f(int a, ...) { return a ? : ; }"] {
        let _ = lower(src);
    }
}
