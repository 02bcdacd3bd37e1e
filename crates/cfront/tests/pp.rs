//! Preprocessor behaviour, including the C standard's macro examples.

use cfront::diag::Diags;
use cfront::pp::{MacroDef, PpOptions, preprocess, write_preprocessed};
use cfront::source::{FileLoader, SourceMap};
use cfront::token::{TokKind, Token};
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
    let (t, e) = pp_with(
        &[("dir/t.c", "#include \"a.h\"\nA B\n#pragma once\n"), ("dir/a.h", "#pragma once\n#define A 1\n#include \"a.h\"\n#define B 2\n")],
        &PpOptions::default(),
    );
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
    let hdrs = [
        "stdio.h",
        "stdlib.h",
        "string.h",
        "math.h",
        "stdint.h",
        "limits.h",
        "setjmp.h",
        "signal.h",
        "pthread.h",
        "errno.h",
        "ctype.h",
        "time.h",
        "unistd.h",
        "fcntl.h",
        "sys/stat.h",
        "assert.h",
        "float.h",
        "stdatomic.h",
        "wchar.h",
        "locale.h",
        "complex.h",
        "stdarg.h",
        "stddef.h",
        "stdbool.h",
        "inttypes.h",
    ];
    let src: String = hdrs.iter().map(|h| format!("#include <{h}>\n")).collect();
    let (_, e) = pp_with(&[("t.c", &src)], &opts);
    assert!(e.is_empty(), "{e}");
}

/// CPU time of this thread (the machine may be shared, so wall time lies).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok().and_then(|s| s.split_whitespace().next()?.parse().ok()).unwrap_or(0)
}

/// Timing on a big real file: `cargo test -p cfront --test pp -- --ignored --nocapture`
/// (`KIT_PP_BENCH=file.c` to choose the file).
#[test]
#[ignore]
fn bench_sqlite() {
    let path = std::env::var("KIT_PP_BENCH").unwrap_or_else(|_| "/root/.cache/kit-tests/sqlite/sqlite3.c".into());
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {path} not present");
        return;
    };
    let mut d = Diags::default();
    let t0 = cpu_ns();
    let toks = cfront::lex::tokenize(0, &text, &mut d);
    let lex = cpu_ns() - t0;
    let opts = PpOptions {
        system_dirs: vec!["/usr/local/include".into(), "/usr/include/x86_64-linux-gnu".into(), "/usr/include".into()],
        ..Default::default()
    };
    let loader = Mem(HashMap::new());
    let mut sm = SourceMap::default();
    let t1 = cpu_ns();
    let out = preprocess(&path, &opts, &loader, &mut sm, &mut d);
    let pp = cpu_ns() - t1;
    eprintln!(
        "lex: {} tokens in {} ms cpu; preprocess (lexing included): {} tokens in {} ms cpu; {} errors",
        toks.len(),
        lex / 1_000_000,
        out.tokens.len(),
        pp / 1_000_000,
        d.errors
    );
}

fn lex(src: &str) -> (Vec<Token>, Diags) {
    let mut d = Diags::default();
    let t = cfront::lex::tokenize(0, src, &mut d);
    (t, d)
}

fn texts(toks: &[Token]) -> Vec<String> {
    toks.iter().filter(|t| t.kind != TokKind::Eof).map(|t| t.text.to_string()).collect()
}

#[test]
fn lexer_tokens_and_flags() {
    let (t, d) = lex("a+++=b<<=c ... .5 1e+5 0x1p-3 1.2.3e-x <: :> <% %> %: %:%: L'x' u8\"s\" U\"t\" u'c' u8 x\n  # y");
    assert!(d.list.is_empty());
    assert_eq!(
        texts(&t),
        [
            "a", "++", "+=", "b", "<<=", "c", "...", ".5", "1e+5", "0x1p-3", "1.2.3e-x", "<:", ":>", "<%", "%>", "%:", "%:%:", "L'x'",
            "u8\"s\"", "U\"t\"", "u'c'", "u8", "x", "#", "y"
        ]
    );
    assert_eq!(t[11].kind, TokKind::Punct(cfront::token::Punct::LBracket));
    assert_eq!(t[16].kind, TokKind::Punct(cfront::token::Punct::HashHash));
    assert_eq!(t[17].kind, TokKind::Char);
    assert_eq!(t[18].kind, TokKind::Str);
    assert!(t[0].at_bol() && !t[1].has_space() && !t[5].has_space() && t[6].has_space());
    let hash = &t[23];
    assert!(hash.at_bol() && hash.has_space() && hash.loc.line == 2 && hash.loc.col == 3);
    assert_eq!(t.last().unwrap().kind, TokKind::Eof);
}

#[test]
fn lexer_splices_and_comments() {
    let (t, d) = lex("in\\\nt x = 1\\\r\n2; /* a\nb */ y // c \\\n still comment\nz \"s\\\ntr\" '\\\\' +\\\n=");
    assert!(d.list.is_empty());
    assert_eq!(texts(&t), ["int", "x", "=", "12", ";", "y", "z", "\"str\"", "'\\\\'", "+="]);
    assert_eq!((t[5].loc.line, t[5].loc.col), (4, 6));
    assert!(t[6].at_bol() && t[6].loc.line == 6);
    let (_, d) = lex("x /* never closed");
    assert_eq!(d.errors, 1);
    // Unterminated literals become Other tokens; the preprocessor reports them.
    let (t, d) = lex("'abc\n\"def");
    assert!(d.list.is_empty());
    assert!(t[0].kind == TokKind::Other && t[1].kind == TokKind::Other);
    assert_eq!(cfront::lex::is_unterminated_literal(&t[1]), Some('"'));
}

#[test]
fn standard_example_5_placemarkers() {
    let src = "#define t(x,y,z) x ## y ## z\nint j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),\nt(10,,), t(,11,), t(,,12), t(,,) };\n";
    assert_eq!(pp(src), "int j [ ] = { 123 , 45 , 67 , 89 , 10 , 11 , 12 , } ;");
    // An empty left operand does not paste onto the token before it.
    assert_eq!(pp("#define F(a,b) x a##b\nF(,y) F(p,) F(,)\n"), "x y x p x");
}

#[test]
fn standard_example_7_variadic() {
    let src = "#define debug(...) fprintf(stderr, __VA_ARGS__)\n#define showlist(...) puts(#__VA_ARGS__)\n#define report(test, ...) ((test)?puts(#test):\\\nprintf(__VA_ARGS__))\ndebug(\"Flag\");\ndebug(\"X = %d\\n\", x);\nshowlist(The first, second, and third items.);\nreport(x>y, \"x is %d but y is %d\", x, y);\n";
    let want = r#"fprintf ( stderr , "Flag" ) ; fprintf ( stderr , "X = %d\n" , x ) ; puts ( "The first, second, and third items." ) ; ( ( x > y ) ? puts ( "x>y" ) : printf ( "x is %d but y is %d" , x , y ) ) ;"#;
    assert_eq!(pp(src), want);
}

#[test]
fn stringizing() {
    let src = "#define s(x) #x\ns( a  \"q\\\"\" 'c' '\\\\'   b ) s() s(  x\n  y ) s(\\n) s(L\"w\")\n";
    assert_eq!(pp(src), r#""a \"q\\\"\" 'c' '\\\\' b" "" "x y" "\n" "L\"w\"""#);
}

#[test]
fn pasting_and_rescanning() {
    let src = "#define cat(a,b) a##b\n#define xcat(a,b) cat(a,b)\n#define AB done\n#define A_ 1\ncat(A,B) xcat(A,_) cat(<,<=) cat(+,+) cat(x,1) cat(.,5) cat(L, 'a')\n";
    assert_eq!(pp(src), "done 1 <<= ++ x1 .5 L'a'");
    let (_, e) = pp_with(&[("t.c", "#define cat(a,b) a##b\ncat(+,-)\n")], &PpOptions::default());
    assert!(e.contains("t.c:2:1: error: pasting \"+\" and \"-\" does not give a valid preprocessing token"), "{e}");
}

#[test]
fn recursion_is_prevented() {
    let src = "#define foo foo a\n#define f(x) g(x)\n#define g(x) f(x) x\n#define AA BB\n#define BB AA\nfoo f(1) AA\n#define i(x) x\n#define j i(j)\ni(j)\n";
    assert_eq!(pp(src), "foo a f ( 1 ) 1 AA j");
    // A name painted blue stays unexpanded when rescanned later.
    let src = "#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)\n";
    assert_eq!(pp(src), "2 * 9 * g");
}

#[test]
fn va_opt_and_gnu_comma() {
    let src = "#define F(a,...) f(a __VA_OPT__(,) __VA_ARGS__)\n#define G(X, ...) X __VA_OPT__(- X ## __VA_ARGS__) end\n#define E(fmt, args...) p(fmt, ## args)\n#define H(...) h(0, ##__VA_ARGS__)\nF(1) F(1,2,3) G(a) G(a,b) E(\"x\") E(\"x\", 1, 2) H() H(7)\n";
    assert_eq!(pp(src), "f ( 1 ) f ( 1 , 2 , 3 ) a end a - ab end p ( \"x\" ) p ( \"x\" , 1 , 2 ) h ( 0 ) h ( 0 , 7 )");
}

#[test]
fn if_arithmetic() {
    let src = r#"
#if -1 < 0u
bad1
#endif
#if (-1 >> 1) == -1 && (-7 / 2) == -3 && (-7 % 2) == -1 && 0xffffffffffffffff == -1
ok1
#endif
#if 18446744073709551615 / 2 == 9223372036854775807 && (1 ? -1 : 0u) > 0 && (0 ? 1u : -1) > 0
ok2
#endif
#if 'a' == 97 && '\377' < 0 && 'ab' == 24930 && L'\xffffffff' == -1 && u'\xffff' == 65535 && '\n' == 10
ok3
#endif
#define D defined(X) || defined Y
#define Y
#if D && !defined(Z) && defined __has_include && UNKNOWN == 0 && (2, 3) == 3
ok4
#endif
#if 0 && (1 / 0) || 1 || (1 % 0)
ok5
#endif
#if __has_include("t.c") && !__has_include(<nonexistent_header.h>) && __has_attribute(packed) && !__has_feature(x)
ok6
#endif
#ifdef __has_include
ok7
#endif
#if 0
#error not reached 'because skipped
#elif 1
ok8
#else
bad2
#endif
"#;
    assert_eq!(pp(src), "ok1 ok2 ok3 ok4 ok5 ok6 ok7 ok8");
}

#[test]
fn if_errors_have_locations() {
    let cases = [
        ("#if 1 / 0\n#endif\n", "t.c:1:", "division by zero in #if"),
        ("#if 1 +\n#endif\n", "t.c:1:", "#if expression ends early"),
        ("#if 1.0\n#endif\n", "t.c:1:", "floating constant in preprocessor expression"),
        ("#if (1\n#endif\n", "t.c:1:", "missing ')' in #if expression"),
        ("#if 1 2\n#endif\n", "t.c:1:7:", "missing binary operator before token \"2\""),
        ("#else\n", "t.c:1:2:", "#else without #if"),
        ("#if 1\n#else\n#else\n#endif\n", "t.c:3:2:", "#else after #else"),
        ("\n#if 1\nx\n", "t.c:2:2:", "unterminated conditional directive"),
        ("#foo\n", "t.c:1:2:", "invalid preprocessing directive #foo"),
        ("#define f(a,b) a\nf(1)\n", "t.c:2:1:", "macro \"f\" requires 2 arguments, but only 1 given"),
        ("#define f(a) a\nf(1,2)\n", "t.c:2:1:", "macro \"f\" passed 2 arguments, but takes just 1"),
        ("#define f(a) #b\n", "t.c:1:14:", "'#' is not followed by a macro parameter"),
        ("#define f(a\n", "t.c:1:2:", "missing ')' in macro parameter list"),
        ("#error stop \"here\"\n", "t.c:1:2:", "#error stop \"here\""),
        ("int c = 'x;\n", "t.c:1:9:", "missing terminating ' character"),
        ("#define A 1\n#define A 2\n", "t.c:2:9:", "warning: \"A\" redefined"),
    ];
    for (src, at, msg) in cases {
        let (_, e) = pp_with(&[("t.c", src)], &PpOptions::default());
        assert!(e.contains(at) && e.contains(msg), "{src:?}: want {at} {msg}, got:\n{e}");
    }
    // Identical redefinitions and apostrophes in skipped code are fine.
    pp("#define A (1 +  2)\n#define A (1 + 2)\n#if 0\ndon't\n#endif\n");
}

#[test]
fn include_search_order() {
    let files = [
        ("src/main.c", "#include \"a.h\"\n#include <b.h>\n#include \"sub/c.h\"\n#define HDR <b.h>\n#include HDR\nA B C\n"),
        ("src/a.h", "#define A local_a\n"),
        ("inc/a.h", "#define A inc_a\n"),
        ("inc/b.h", "#ifndef B_H\n#define B_H\n#define B inc_b\n#include_next <b.h>\n#endif\n"),
        ("sys/b.h", "#define B_NEXT sys_b\n"),
        ("src/sub/c.h", "#include \"d.h\"\n"),
        ("src/sub/d.h", "#define C B_NEXT\n"),
    ];
    let opts = PpOptions { include_dirs: vec!["inc".into()], system_dirs: vec!["sys".into()], ..Default::default() };
    let loader = Mem(files.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect());
    let mut sm = SourceMap::default();
    let mut d = Diags::default();
    let out = preprocess("src/main.c", &opts, &loader, &mut sm, &mut d);
    assert!(d.list.is_empty(), "{}", d.render(&sm));
    assert_eq!(texts(&out.tokens), ["local_a", "inc_b", "sys_b"]);
    assert_eq!(out.deps, ["src/main.c", "src/a.h", "inc/b.h", "sys/b.h", "src/sub/c.h", "src/sub/d.h"]);
}

#[test]
fn command_line_macros_and_forced_includes() {
    let opts = PpOptions {
        defines: vec![
            MacroDef::Define("ONE".into(), None),
            MacroDef::Define("SQ(x)".into(), Some("((x)*(x))".into())),
            MacroDef::Undef("__STDC_HOSTED__".into()),
        ],
        includes: vec!["pre.h".into()],
        optimize: true,
        ..Default::default()
    };
    let (t, e) =
        pp_with(&[("t.c", "ONE SQ(2) PRE __STDC_HOSTED__ __OPTIMIZE__ __kit__ __STDC_VERSION__\n"), ("pre.h", "#define PRE pre\n")], &opts);
    assert!(e.is_empty(), "{e}");
    assert_eq!(t, "1 ( ( 2 ) * ( 2 ) ) pre __STDC_HOSTED__ 1 1 201710L");
}

#[test]
fn dynamic_macros() {
    let opts = PpOptions { build_time: Some(1700000000), ..Default::default() };
    let src = "__LINE__ __FILE__ __COUNTER__ __COUNTER__ __INCLUDE_LEVEL__\n#line 100 \"x.c\"\n__LINE__ __FILE__ __BASE_FILE__\n__DATE__ __TIME__ __TIMESTAMP__\n#define L __LINE__\nL\n";
    let (t, e) = pp_with(&[("t.c", src)], &opts);
    assert!(e.is_empty(), "{e}");
    assert_eq!(t, r#"1 "t.c" 0 1 0 100 "x.c" "t.c" "Nov 14 2023" "22:13:20" "Tue Nov 14 22:13:20 2023" 103"#);
}

#[test]
fn pragmas() {
    let src = "#pragma pack(push, 4)\n#pragma GCC visibility push(default)\n#define P _Pragma(\"pack(pop)\") x\nP\n#pragma once\n#pragma GCC warning \"careful\"\n";
    let (t, e) = pp_with(&[("t.c", src)], &PpOptions::default());
    assert_eq!(t, "__kit_pragma ( pack ( push , 4 ) ) ; __kit_pragma ( pack ( pop ) ) ; x");
    assert!(e.contains("t.c:6:2: warning: careful"), "{e}");
    let src = "#pragma push_macro(\"X\")\n#undef X\n#define X 2\n#pragma pop_macro(\"X\")\nX\n";
    assert_eq!(pp(&format!("#define X 1\n{src}")), "1");
}

#[test]
fn preprocessed_output_round_trips() {
    let files =
        [("m.c", "#include \"h.h\"\n#define neg(x) -x\nint a = -neg(1);\n#pragma pack(1)\nint b = 2 +\n\n   3;\n"), ("h.h", "int h;\n")];
    let loader = Mem(files.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect());
    let mut sm = SourceMap::default();
    let mut d = Diags::default();
    let out = preprocess("m.c", &PpOptions::default(), &loader, &mut sm, &mut d);
    let mut s = String::new();
    write_preprocessed(&out.tokens, &sm, &mut s);
    assert_eq!(s, "# 1 \"m.c\"\n# 1 \"h.h\" 1\nint h;\n# 3 \"m.c\" 2\nint a = - -1;\n#pragma pack ( 1 )\nint b = 2 +\n\n   3;\n");
    // Reading the output back gives the same tokens.
    let mut sm2 = SourceMap::default();
    let back = preprocess("e.i", &PpOptions::default(), &Mem([("e.i".to_string(), s)].into()), &mut sm2, &mut d);
    let strip = |v: &[Token]| texts(v).into_iter().filter(|x| x != "__kit_pragma").collect::<Vec<_>>();
    assert_eq!(strip(&out.tokens), strip(&back.tokens));
}

#[test]
fn recursive_include_stops() {
    let (_, e) = pp_with(&[("t.c", "#include \"t.c\"\n")], &PpOptions::default());
    assert!(e.contains("#include nested depth 200 exceeds maximum"), "{e}");
}

/// A few hundred lines of macro-heavy C for the robustness test.
fn robustness_base() -> String {
    let mut s = String::from(
        "#define CAT(a, b) a ## b\n#define STR(x) #x\n#define XSTR(x) STR(x)\n#define V(fmt, ...) printf(fmt, ## __VA_ARGS__)\n\
         #define O(a, ...) g(a __VA_OPT__(,) __VA_ARGS__)\n#if defined(CAT) && (1 << 3) > 2 && 'a' == 97\n#define OK 1\n#elif X\n#else\n#endif\n\
         #ifdef OK\n#include \"h.h\"\n#endif\n/* comment */ // line\n",
    );
    for i in 0..30 {
        s.push_str(&format!(
            "static int CAT(fn, {i})(int x) {{ const char *s = XSTR(CAT(a, {i})) \"\\\"\"; V(\"%d\\n\", x + {i}); O(x); O(x, {i}); return x * {i} + 'c'; }}\n\
             #if {i} % 3 == 0 && __LINE__ > 0\nint v{i} = __COUNTER__ + sizeof(STR(<:{i}:>));\n#endif\n"
        ));
    }
    s
}

#[test]
fn mutated_input_never_panics() {
    let base = robustness_base();
    let header = "#pragma once\n#define H(x) (x)\n";
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    const ALPHABET: &[u8] = b"#()\\\"',\n_a1/*<>.%:";
    for case in 0..3000 {
        let mut b = base.as_bytes().to_vec();
        match case % 4 {
            // Truncated at a random point.
            0 => b.truncate((next() as usize) % b.len()),
            // A few bytes replaced, inserted or removed.
            _ => {
                for _ in 0..(next() % 6 + 1) {
                    let pos = (next() as usize) % b.len().max(1);
                    let c = ALPHABET[(next() as usize) % ALPHABET.len()];
                    match next() % 3 {
                        0 if pos < b.len() => b[pos] = c,
                        1 => b.insert(pos.min(b.len()), c),
                        _ if pos < b.len() => {
                            b.remove(pos);
                        }
                        _ => {}
                    }
                }
            }
        }
        let s = String::from_utf8_lossy(&b).into_owned();
        let _ = pp_with(&[("t.c", &s), ("h.h", header)], &PpOptions::default());
    }
}

/// `-E` output of `$KIT_PP_DUMP` on stdout (for comparing with `gcc -E`):
/// `cargo test -p cfront --test pp dump -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump_preprocessed() {
    let Ok(path) = std::env::var("KIT_PP_DUMP") else { return };
    let opts = PpOptions {
        system_dirs: vec!["/usr/local/include".into(), "/usr/include/x86_64-linux-gnu".into(), "/usr/include".into()],
        ..Default::default()
    };
    let mut sm = SourceMap::default();
    let mut d = Diags::default();
    let out = preprocess(&path, &opts, &Mem(HashMap::new()), &mut sm, &mut d);
    let mut s = String::new();
    write_preprocessed(&out.tokens, &sm, &mut s);
    eprint!("{}", d.render(&sm));
    print!("{s}");
}
