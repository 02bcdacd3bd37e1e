//! Preprocessor behaviour, including the C standard's macro examples.

use cfront::diag::Diags;
use cfront::pp::{preprocess, PpOptions};
use cfront::source::{FileLoader, SourceMap};
use std::collections::HashMap;

struct Mem(HashMap<String, String>);

impl FileLoader for Mem {
    fn load(&self, path: &str) -> Result<Vec<u8>, String> {
        if let Some(s) = self.0.get(path) {
            return Ok(s.as_bytes().to_vec());
        }
        std::fs::read(path).map_err(|e| e.to_string())
    }
    fn exists(&self, path: &str) -> bool {
        self.0.contains_key(path) || std::path::Path::new(path).is_file()
    }
}

fn pp_with(files: &[(&str, &str)], opts: &PpOptions) -> (String, String) {
    let loader = Mem(files.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect());
    let mut sm = SourceMap::default();
    let mut d = Diags::default();
    let out = preprocess(files[0].0, opts, &loader, &mut sm, &mut d);
    let text: Vec<String> = out.tokens.iter().filter(|t| t.kind != cfront::token::TokKind::Eof).map(|t| t.text.to_string()).collect();
    (text.join(" "), d.render(&sm))
}

fn pp(src: &str) -> String {
    let (t, e) = pp_with(&[("t.c", src)], &PpOptions::default());
    assert!(e.is_empty(), "{e}");
    t
}

#[test]
fn standard_example_3() {
    let src = r#"
#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };
"#;
    let want = "f ( 2 * ( y + 1 ) ) + f ( 2 * ( f ( 2 * ( z [ 0 ] ) ) ) ) % f ( 2 * ( 0 ) ) + t ( 1 ) ; \
f ( 2 * ( 2 + ( 3 , 4 ) - 0 , 1 ) ) | f ( 2 * ( ~ 5 ) ) & f ( 2 * ( 0 , 1 ) ) ^ m ( 0 , 1 ) ; \
int i [ ] = { 1 , 23 , 4 , 5 , } ; char c [ 2 ] [ 6 ] = { \"hello\" , \"\" } ;";
    assert_eq!(pp(src), want);
}

#[test]
fn standard_example_4() {
    let src = r#"
#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\0d", "abc", '\4') == 0) str(: @\n), s);
glue(HIGH, LOW);
xglue(HIGH, LOW)
"#;
    let want = r#"printf ( "x" "1" "= %d, x" "2" "= %s" , x1 , x2 ) ; fputs ( "strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n" , s ) ; "hello" ; "hello" ", world""#;
    assert_eq!(pp(src), want);
}

#[test]
fn variadic_and_va_opt() {
    let src = r#"
#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))
#define e(fmt, ...) f(fmt, ## __VA_ARGS__)
#define o(a, ...) g(a __VA_OPT__(,) __VA_ARGS__)
debug("Flag");
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);
e("a"); e("b", 1); o(1); o(1, 2);
"#;
    let want = r#"fprintf ( stderr , "Flag" ) ; puts ( "The first, second, and third items." ) ; ( ( x > y ) ? puts ( "x>y" ) : printf ( "x is %d but y is %d" , x , y ) ) ; f ( "a" ) ; f ( "b" , 1 ) ; g ( 1 ) ; g ( 1 , 2 ) ;"#;
    assert_eq!(pp(src), want);
}

#[test]
fn conditionals_and_arithmetic() {
    let src = r#"
#if -1 > 0u
unsigned_ok
#endif
#if (2 || 1/0) && defined(__STDC__) && !defined NOPE
short_circuit_ok
#elif 1
bad
#else
bad
#endif
#ifdef __x86_64__
arch_ok
#endif
#if __has_include(<stddef.h>) && __LINE__ == 15
line_ok __LINE__
#endif
"#;
    assert_eq!(pp(src), "unsigned_ok short_circuit_ok arch_ok line_ok 16");
}

#[test]
fn includes_and_errors() {
    let (t, e) = pp_with(&[("dir/t.c", "#include \"a.h\"\nA B\n#pragma once\n"), ("dir/a.h", "#pragma once\n#define A 1\n#include \"a.h\"\n#define B 2\n")], &PpOptions::default());
    assert!(e.is_empty(), "{e}");
    assert_eq!(t, "1 2");
    let (_, e) = pp_with(&[("t.c", "#include \"missing.h\"\n")], &PpOptions::default());
    assert!(e.contains("t.c:1:2: error: missing.h: No such file or directory"), "{e}");
    let (_, e) = pp_with(&[("t.c", "#if 1\nx\n")], &PpOptions::default());
    assert!(e.contains("unterminated conditional directive"), "{e}");
    let (_, e) = pp_with(&[("t.c", "#define f(a) a\nf(1\n")], &PpOptions::default());
    assert!(e.contains("unterminated argument list"), "{e}");
}

#[test]
fn system_headers_preprocess() {
    if !std::path::Path::new("/usr/include/stdio.h").exists() {
        eprintln!("skipped: /usr/include/stdio.h not present");
        return;
    }
    let opts = PpOptions {
        system_dirs: vec!["/usr/local/include".into(), "/usr/include/x86_64-linux-gnu".into(), "/usr/include".into()],
        ..Default::default()
    };
    let hdrs = ["stdio.h", "stdlib.h", "string.h", "math.h", "stdint.h", "limits.h", "setjmp.h", "signal.h", "pthread.h", "errno.h", "ctype.h", "time.h", "unistd.h", "fcntl.h", "sys/stat.h", "assert.h", "float.h", "stdatomic.h", "wchar.h", "locale.h", "complex.h", "stdarg.h", "stddef.h", "stdbool.h", "inttypes.h"];
    let src: String = hdrs.iter().map(|h| format!("#include <{h}>\n")).collect();
    let (_, e) = pp_with(&[("t.c", &src)], &opts);
    assert!(e.is_empty(), "{e}");
}

#[test]
fn mutated_input_never_panics() {
    let base = "#define f(a, ...) a ## __VA_ARGS__ #a\n#if defined(f) && (1 << 3) > 2\nint x = f(1, 2);\n#elif\n#endif\n\"str\\\" 'c' /* c */ // x\n";
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    for i in 0..3000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut b = base.as_bytes().to_vec();
        let n = (seed % 4) as usize + 1;
        for k in 0..n {
            let pos = ((seed >> (8 * k)) as usize) % b.len();
            match (seed >> 40) % 3 {
                0 => b[pos] = b"#()\\\"',\n_a1"[((seed >> 20) % 11) as usize],
                1 => {
                    b.truncate(pos);
                }
                _ => {
                    b.insert(pos, b"#(\")"[(i % 4) as usize]);
                }
            }
            if b.is_empty() {
                break;
            }
        }
        let s = String::from_utf8_lossy(&b).into_owned();
        let _ = pp_with(&[("t.c", &s)], &PpOptions::default());
    }
}
