//! Hand-built KIR → codegen → ELF object → linked with a gcc-compiled C
//! driver → run. The C side checks results against gcc's own computation.

mod common;
use common::*;
use kir::{AtomicOp, BinOp, Builder, CmpOp, ConvOp, Function, Linkage, Module, Op, Param, Sig, Term, Type as KT, UnOp, Value};

/// Integer and float ops, conversions, comparisons, select, atomics:
/// each as a tiny KIR function the driver compares with the same C.
#[test]
fn ops_match_gcc() {
    let mut m = Module { source_name: "ops.c".into(), ..Default::default() };
    use KT::*;
    let bins: &[(&str, BinOp, KT)] = &[
        ("k_add", BinOp::Add, I32),
        ("k_sub", BinOp::Sub, I64),
        ("k_mul", BinOp::Mul, I16),
        ("k_sdiv", BinOp::SDiv, I32),
        ("k_udiv", BinOp::UDiv, I64),
        ("k_srem", BinOp::SRem, I8),
        ("k_urem", BinOp::URem, I32),
        ("k_shl", BinOp::Shl, I64),
        ("k_sshr", BinOp::SShr, I32),
        ("k_ushr", BinOp::UShr, I32),
        ("k_xor", BinOp::Xor, I64),
        ("k_fdiv", BinOp::FDiv, F64),
        ("k_fmul", BinOp::FMul, F32),
        ("k_sdiv128", BinOp::SDiv, I128),
        ("k_urem128", BinOp::URem, I128),
        ("k_mul128", BinOp::Mul, I128),
        ("k_shl128", BinOp::Shl, I128),
    ];
    for (name, op, t) in bins {
        def(&mut m, name, &[*t, *t], *t, |b, a| b.bin(*op, a[0], a[1]));
    }
    let uns: &[(&str, UnOp, KT)] = &[
        ("k_clz", UnOp::Clz, I32),
        ("k_ctz", UnOp::Ctz, I64),
        ("k_pop", UnOp::Popcnt, I32),
        ("k_bswap", UnOp::Bswap, I32),
        ("k_sqrt", UnOp::Sqrt, F64),
        ("k_fabs", UnOp::FAbs, F32),
        ("k_neg", UnOp::Neg, I64),
    ];
    for (name, op, t) in uns {
        def(&mut m, name, &[*t], *t, |b, a| b.val(Op::Un(*op, a[0])));
    }
    let convs: &[(&str, ConvOp, KT, KT)] = &[
        ("k_d2i", ConvOp::FToS, F64, I32),
        ("k_d2u", ConvOp::FToU, F64, I32),
        ("k_d2uc", ConvOp::FToU, F64, I8),
        ("k_d2ul", ConvOp::FToU, F64, I64),
        ("k_f2ul", ConvOp::FToU, F32, I64),
        ("k_ul2d", ConvOp::UToF, I64, F64),
        ("k_l2f", ConvOp::SToF, I64, F32),
        ("k_i128_2d", ConvOp::SToF, I128, F64),
        ("k_u128_2f", ConvOp::UToF, I128, F32),
        ("k_d2i128", ConvOp::FToS, F64, I128),
        ("k_d2u128", ConvOp::FToU, F64, I128),
        ("k_sc2l", ConvOp::SExt, I8, I64),
        ("k_l2s", ConvOp::Trunc, I64, I16),
        ("k_l2i128", ConvOp::SExt, I64, I128),
        ("k_d2bits", ConvOp::Bitcast, F64, I64),
    ];
    for (name, op, from, to) in convs {
        def(&mut m, name, &[*from], *to, |b, a| b.conv(*op, a[0], *to));
    }
    // cmp → i8 → widened to int for C
    let cmps: &[(&str, CmpOp, KT)] = &[
        ("k_slt", CmpOp::SLt, I32),
        ("k_ult", CmpOp::ULt, I32),
        ("k_feq", CmpOp::FEq, F64),
        ("k_fne", CmpOp::FNe, F64),
        ("k_funo", CmpOp::FUno, F64),
        ("k_fge", CmpOp::FGe, F64),
        ("k_ugt128", CmpOp::UGt, I128),
    ];
    for (name, op, t) in cmps {
        def(&mut m, name, &[*t, *t], I32, |b, a| {
            let c = b.cmp(*op, a[0], a[1]);
            b.conv(ConvOp::ZExt, c, I32)
        });
    }
    def(&mut m, "k_sel", &[I32, I64, I64], I64, |b, a| {
        let zero = b.iconst(I32, 0);
        let c = b.cmp(CmpOp::Ne, a[0], zero);
        b.val(Op::Select(c, a[1], a[2]))
    });
    // atomics on *p: nand, then cas(expected 5 → 7), returns the old values combined.
    def(&mut m, "k_atomic", &[I64, I32], I32, |b, a| {
        let old = b.val(Op::AtomicRmw { op: AtomicOp::Nand, ty: I32, addr: a[0], val: a[1] });
        let e = b.iconst(I32, 5);
        let n = b.iconst(I32, 7);
        let prev = b.val(Op::AtomicCas { ty: I32, addr: a[0], expected: e, new: n });
        b.push(Op::Fence);
        let x = b.val(Op::AtomicLoad { ty: I32, addr: a[0] });
        let s = b.bin(BinOp::Add, old, prev);
        b.push(Op::AtomicStore { addr: a[0], val: s });
        b.bin(BinOp::Add, s, x)
    });
    // switch on i128 and i8 values
    for (name, t) in [("k_sw128", I128), ("k_sw8", I8)] {
        let mut f = func(name, &[t], &[I32]);
        let mut b = Builder::new(&mut f);
        let x = b.val(Op::Param(0));
        let blocks: Vec<_> = (0..4).map(|_| b.new_block()).collect();
        let cases = vec![(-1, blocks[0]), (3, blocks[1]), (if t == I8 { 100 } else { 1i128 << 100 }, blocks[2])];
        b.terminate(Term::Switch { val: x, cases, default: blocks[3] });
        for (i, bl) in blocks.iter().enumerate() {
            b.switch_to(*bl);
            let r = b.iconst(I32, 10 + i as i128);
            b.terminate(Term::Ret(vec![r]));
        }
        m.funcs.push(f);
    }
    let c = r#"
#include <stdio.h>
#include <math.h>
#include <string.h>
typedef __int128 i128; typedef unsigned __int128 u128;
int k_add(int,int); long k_sub(long,long); short k_mul(short,short); int k_sdiv(int,int); unsigned long k_udiv(unsigned long,unsigned long);
signed char k_srem(signed char,signed char); unsigned k_urem(unsigned,unsigned); long k_shl(long,long); int k_sshr(int,int); unsigned k_ushr(unsigned,unsigned);
long k_xor(long,long); double k_fdiv(double,double); float k_fmul(float,float); i128 k_sdiv128(i128,i128); u128 k_urem128(u128,u128); i128 k_mul128(i128,i128); i128 k_shl128(i128,i128);
int k_clz(int); long k_ctz(long); int k_pop(int); int k_bswap(int); double k_sqrt(double); float k_fabs(float); long k_neg(long);
int k_d2i(double); unsigned k_d2u(double); unsigned char k_d2uc(double); unsigned long k_d2ul(double); unsigned long k_f2ul(float); double k_ul2d(unsigned long); float k_l2f(long);
double k_i128_2d(i128); float k_u128_2f(u128); i128 k_d2i128(double); u128 k_d2u128(double); long k_sc2l(signed char); short k_l2s(long); i128 k_l2i128(long); long k_d2bits(double);
int k_slt(int,int); int k_ult(unsigned,unsigned); int k_feq(double,double); int k_fne(double,double); int k_funo(double,double); int k_fge(double,double); int k_ugt128(u128,u128);
long k_sel(int,long,long); int k_atomic(int*,int); int k_sw128(i128); int k_sw8(signed char);
static int fails;
#define CHECK(a, b) do { if ((a) != (b)) { printf("FAIL line %d: %s\n", __LINE__, #a); fails++; } } while (0)
int main(void) {
    CHECK(k_add(2000000000, 2000000000), (int)(2000000000u + 2000000000u));
    CHECK(k_sub(5, 9), -4); CHECK(k_mul(300, 300), (short)90000); CHECK(k_sdiv(-7, 2), -3);
    CHECK(k_udiv(~0UL, 3), ~0UL / 3); CHECK(k_srem(-7, 3), -1); CHECK(k_urem(7, 3), 1u);
    CHECK(k_shl(1, 40), 1L << 40); CHECK(k_sshr(-16, 2), -4); CHECK(k_ushr(0x80000000u, 31), 1u);
    CHECK(k_xor(0xff, 0x0f), 0xf0); CHECK(k_fdiv(1.0, 4.0), 0.25); CHECK(k_fmul(1.5f, 2.0f), 3.0f);
    i128 big = ((i128)1 << 100) + 12345;
    CHECK(k_sdiv128(-big, 7), -big / 7); CHECK(k_urem128((u128)big, 1000003), (u128)big % 1000003);
    CHECK(k_mul128(big, -3), big * -3); CHECK(k_shl128(3, 99), (i128)3 << 99);
    CHECK(k_clz(1), 31); CHECK(k_ctz(1L << 40), 40); CHECK(k_pop(0xf0f0), 8); CHECK(k_bswap(0x11223344), 0x44332211);
    CHECK(k_sqrt(2.0), sqrt(2.0)); CHECK(k_fabs(-2.5f), 2.5f); CHECK(k_neg(5), -5);
    volatile double neg = -1.0, huge = 1e19, frac = 3.99;
    CHECK(k_d2i(frac), 3); CHECK(k_d2i(-frac), -3); CHECK(k_d2u(neg), (unsigned)(long)neg); CHECK(k_d2uc(300.0), (unsigned char)(int)300.0);
    CHECK(k_d2ul(huge), (unsigned long)huge); CHECK(k_d2ul(frac), 3UL); CHECK(k_f2ul(1e19f), (unsigned long)1e19f);
    CHECK(k_ul2d(~0UL), (double)~0UL); CHECK(k_l2f(123456789), (float)123456789L);
    CHECK(k_i128_2d(-big), (double)-big); CHECK(k_u128_2f(~(u128)0), (float)~(u128)0);
    CHECK(k_d2i128(-1e30), (i128)-1e30); CHECK(k_d2u128(1e38), (u128)1e38);
    CHECK(k_sc2l(-5), -5L); CHECK(k_l2s(0x12345), (short)0x12345); CHECK(k_l2i128(-9), (i128)-9);
    double d = 1.5; long bits; memcpy(&bits, &d, 8); CHECK(k_d2bits(1.5), bits);
    double nan = NAN;
    CHECK(k_slt(-1, 1), 1); CHECK(k_ult(-1, 1), 0); CHECK(k_feq(nan, nan), 0); CHECK(k_fne(nan, nan), 1);
    CHECK(k_funo(nan, 1.0), 1); CHECK(k_funo(2.0, 1.0), 0); CHECK(k_fge(2.0, 2.0), 1); CHECK(k_fge(nan, 2.0), 0);
    CHECK(k_ugt128((u128)1 << 127, 1), 1);
    CHECK(k_sel(1, 7, 8), 7L); CHECK(k_sel(0, 7, 8), 8L);
    int at = 5; int r = k_atomic(&at, 3); /* nand: ~(5&3)=~1=-2, cas fails (-2 != 5) */
    CHECK(r, (5 + -2) + -2); CHECK(at, 3);
    CHECK(k_sw128(-1), 10); CHECK(k_sw128(3), 11); CHECK(k_sw128((i128)1 << 100), 12); CHECK(k_sw128(4), 13);
    CHECK(k_sw8(-1), 10); CHECK(k_sw8(100), 12); CHECK(k_sw8(-100), 13);
    printf("fails=%d\n", fails);
    return 0;
}
"#;
    for opt in [0, 2] {
        let o = codegen::Options { opt_level: opt, ..opts() };
        let out = run("ops", &m, &o, &[c], &[]);
        assert_eq!(out, "fails=0\n", "opt_level {opt}");
    }
    cleanup("ops");
}

/// Loops with vars, stack slots, struct copies/zeroing (inline and memcpy),
/// globals with relocations, a 1 MB frame, ctors, aliases, commons.
#[test]
fn memory_data_and_symbols() {
    use KT::*;
    let mut m = Module { source_name: "mem.c".into(), ..Default::default() };
    // long sum_to(long n) { long s = 0; for (long i = 1; i <= n; i++) s += i; return s; }
    {
        let mut f = func("sum_to", &[I64], &[I64]);
        let (vi, vs) = (f.new_var(I64), f.new_var(I64));
        let mut b = Builder::new(&mut f);
        let n = b.val(Op::Param(0));
        let (head, body, exit) = (b.new_block(), b.new_block(), b.new_block());
        let one = b.iconst(I64, 1);
        let zero = b.iconst(I64, 0);
        b.push(Op::SetVar(vi, one));
        b.push(Op::SetVar(vs, zero));
        b.terminate(Term::Jump(head));
        b.switch_to(head);
        let i = b.val(Op::GetVar(vi));
        let c = b.cmp(CmpOp::SLe, i, n);
        b.terminate(Term::Br { cond: c, then: body, els: exit });
        b.switch_to(body);
        let (i, s) = (b.val(Op::GetVar(vi)), b.val(Op::GetVar(vs)));
        let s2 = b.bin(BinOp::Add, s, i);
        b.push(Op::SetVar(vs, s2));
        let one = b.iconst(I64, 1);
        let i2 = b.bin(BinOp::Add, i, one);
        b.push(Op::SetVar(vi, i2));
        b.terminate(Term::Jump(head));
        b.switch_to(exit);
        let s = b.val(Op::GetVar(vs));
        b.terminate(Term::Ret(vec![s]));
        m.funcs.push(f);
    }
    // void copy_structs(char *dst, char *src): 24-byte and 100-byte copies
    // through slots, then zero 8 bytes at dst+200 and 70 at dst+210.
    {
        let mut f = func("copy_structs", &[I64, I64], &[]);
        let small = f.new_slot(24, 8, "small");
        let large = f.new_slot(100, 16, "large");
        let mut b = Builder::new(&mut f);
        let (d, s) = (b.val(Op::Param(0)), b.val(Op::Param(1)));
        let sa = b.val(Op::SlotAddr(small));
        let la = b.val(Op::SlotAddr(large));
        b.push(Op::Copy { dst: sa, src: s, size: 24, align: 8 });
        b.push(Op::Copy { dst: la, src: s, size: 100, align: 8 });
        b.push(Op::Copy { dst: d, src: sa, size: 24, align: 8 });
        let d2 = b.iconst(I64, 100);
        let d2 = b.bin(BinOp::Add, d, d2);
        b.push(Op::Copy { dst: d2, src: la, size: 100, align: 8 });
        let z = b.iconst(I64, 200);
        let z = b.bin(BinOp::Add, d, z);
        b.push(Op::Zero { dst: z, size: 7, align: 1 });
        let z2 = b.iconst(I64, 210);
        let z2 = b.bin(BinOp::Add, d, z2);
        b.push(Op::Zero { dst: z2, size: 70, align: 1 });
        b.terminate(Term::Ret(vec![]));
        m.funcs.push(f);
    }
    // int big_frame(int i): a 1 MB local array, written at both ends.
    def(&mut m, "big_frame", &[I32], I32, |b, a| {
        let s = b.func.new_slot(1 << 20, 16, "big");
        let p = b.val(Op::SlotAddr(s));
        b.push(Op::Store { addr: p, offset: 0, val: a[0], volatile: true });
        b.push(Op::Store { addr: p, offset: (1 << 20) - 4, val: a[0], volatile: true });
        let x = b.val(Op::Load { ty: I32, addr: p, offset: 0, volatile: true });
        let y = b.val(Op::Load { ty: I32, addr: p, offset: (1 << 20) - 4, volatile: true });
        b.bin(BinOp::Add, x, y)
    });
    // Data: a string, a table of pointers to it and to a function, a
    // writable counter bumped by a constructor, a common, TLS.
    cstring(&mut m, "msg", "hello from kit");
    m.globals.push(kir::Global {
        name: "table".into(),
        linkage: Linkage::External,
        visibility: kir::Visibility::Default,
        size: 24,
        align: 8,
        init: Some(kir::Init { bytes: vec![0; 16], relocs: vec![(0, "msg".into(), 6), (8, "sum_to".into(), 0)] }),
        readonly: false,
        thread_local: false,
        common: false,
        section: None,
    });
    let counter = |name: &str, tls: bool, common: bool, init: Option<kir::Init>| kir::Global {
        name: name.into(),
        linkage: Linkage::External,
        visibility: kir::Visibility::Default,
        size: 4,
        align: 4,
        init,
        readonly: false,
        thread_local: tls,
        common,
        section: None,
    };
    m.globals.push(counter("ctor_runs", false, false, None));
    m.globals.push(counter("commonvar", false, true, None));
    m.globals.push(counter("tls_count", true, false, Some(kir::Init { bytes: 100i32.to_le_bytes().to_vec(), relocs: vec![] })));
    m.globals.push(kir::Global { section: Some(".mysec".into()), ..counter("in_mysec", false, false, None) });
    for (name, add) in [("ctor_a", 1), ("ctor_b", 10)] {
        let mut f = func(name, &[], &[]);
        f.linkage = Linkage::Internal;
        let mut b = Builder::new(&mut f);
        let p = b.val(Op::SymAddr("ctor_runs".into(), 0));
        let v = b.load(I32, p, 0);
        let k = b.iconst(I32, add);
        // runs * 100 + add: records the order
        let h = b.iconst(I32, 100);
        let v = b.bin(BinOp::Mul, v, h);
        let v = b.bin(BinOp::Add, v, k);
        b.store(p, 0, v);
        b.terminate(Term::Ret(vec![]));
        m.funcs.push(f);
    }
    m.ctors.push(("ctor_b".into(), 65535));
    m.ctors.push(("ctor_a".into(), 200));
    // int bump_tls(void) { return ++tls_count; }  and an alias for it
    def(&mut m, "bump_tls", &[], I32, |b, _| {
        let p = b.val(Op::SymAddr("tls_count".into(), 0));
        let v = b.load(I32, p, 0);
        let one = b.iconst(I32, 1);
        let v = b.bin(BinOp::Add, v, one);
        b.store(p, 0, v);
        v
    });
    m.aliases.push(kir::Alias { name: "bump_alias".into(), target: "bump_tls".into(), linkage: Linkage::External });
    // Reads an external TLS variable and an external data object.
    m.externs.push(kir::Extern { name: "ext_tls".into(), is_func: false, thread_local: true, weak: false });
    m.externs.push(kir::Extern { name: "ext_data".into(), is_func: false, thread_local: false, weak: false });
    def(&mut m, "read_exts", &[], I32, |b, _| {
        let p = b.val(Op::SymAddr("ext_tls".into(), 0));
        let q = b.val(Op::SymAddr("ext_data".into(), 4));
        let x = b.load(I32, p, 0);
        let y = b.load(I32, q, 0);
        b.bin(BinOp::Add, x, y)
    });
    let c = r#"
#include <stdio.h>
#include <string.h>
#include <pthread.h>
long sum_to(long); void copy_structs(char *, char *); int big_frame(int);
extern void *table[3]; extern int ctor_runs, commonvar, in_mysec; int bump_tls(void), bump_alias(void), read_exts(void);
__thread int ext_tls = 40; int ext_data[2] = {1, 2};
static void *thr(void *p) { *(int *)p = bump_tls(); return 0; }
int main(void) {
    char src[256], dst[300];
    for (int i = 0; i < 256; i++) src[i] = i;
    memset(dst, 0x55, sizeof dst);
    copy_structs(dst, src);
    int ok = !memcmp(dst, src, 24) && !memcmp(dst + 100, src, 100) && dst[206] == 0 && dst[207] == 0x55 && dst[279] == 0 && dst[280] == 0x55;
    printf("%ld %d %d\n", sum_to(100), ok, big_frame(21));
    printf("%s %ld\n", (char *)table[0], ((long (*)(long))table[1])(10));
    printf("ctor %d common %d mysec %d\n", ctor_runs, commonvar, in_mysec);
    int a = bump_tls(), b = bump_alias(), t = 0;
    pthread_t th; pthread_create(&th, 0, thr, &t); pthread_join(th, 0);
    printf("tls %d %d %d ext %d\n", a, b, t, read_exts());
    return 0;
}
"#;
    let out = run("mem", &m, &opts(), &[c], &["-pthread"]);
    assert_eq!(out, "5050 1 42\nfrom kit 55\nctor 110 common 0 mysec 0\ntls 101 102 101 ext 42\n");
    let syms = tool("mem", &["readelf", "-sW", "k.o"]);
    assert!(syms.contains("COM") && syms.contains("commonvar"), "{syms}");
    let secs = tool("mem", &["readelf", "-SW", "k.o"]);
    assert!(secs.contains(".init_array.00200") && secs.contains(".mysec") && secs.contains(".tdata"), "{secs}");
    cleanup("mem");
}

/// Emits a SysV `va_arg(ap, ty)` for a scalar, as the frontend lowers it.
fn va_arg(b: &mut Builder, ap: Value, ty: KT) -> Value {
    let (field, limit, step) = if ty.is_float() { (4, 176, 16) } else { (0, 48, 8) };
    let var = b.func.new_var(ty);
    let (reg, stack, join) = (b.new_block(), b.new_block(), b.new_block());
    let off = b.load(KT::I32, ap, field);
    let lim = b.iconst(KT::I32, limit);
    let c = b.cmp(CmpOp::ULt, off, lim);
    b.terminate(Term::Br { cond: c, then: reg, els: stack });
    b.switch_to(reg);
    let save = b.load(KT::I64, ap, 16);
    let off64 = b.conv(ConvOp::ZExt, off, KT::I64);
    let addr = b.bin(BinOp::Add, save, off64);
    let v = b.load(ty, addr, 0);
    b.push(Op::SetVar(var, v));
    let st = b.iconst(KT::I32, step);
    let off2 = b.bin(BinOp::Add, off, st);
    b.store(ap, field, off2);
    b.terminate(Term::Jump(join));
    b.switch_to(stack);
    let over = b.load(KT::I64, ap, 8);
    let v = b.load(ty, over, 0);
    b.push(Op::SetVar(var, v));
    let eight = b.iconst(KT::I64, 8);
    let over2 = b.bin(BinOp::Add, over, eight);
    b.store(ap, 8, over2);
    b.terminate(Term::Jump(join));
    b.switch_to(join);
    b.val(Op::GetVar(var))
}

fn variadic_sig(fixed: &[KT], extra: &[KT], rets: &[KT]) -> Sig {
    let params = fixed.iter().chain(extra).map(|t| Param::Scalar(*t)).collect();
    Sig { params, rets: rets.to_vec(), sret: false, variadic: true }
}

/// Variadic calls (direct and through pointers: every thunk kind) and a
/// variadic definition called from gcc-compiled code and from KIR.
#[test]
fn variadic_calls_and_definitions() {
    use KT::*;
    let mut m = Module { source_name: "va.c".into(), ..Default::default() };
    m.externs.push(kir::Extern { name: "printf".into(), is_func: true, thread_local: false, weak: false });
    cstring(&mut m, "fmt1", "%.3f %d %s\n");
    cstring(&mut m, "fmt2", "%d %d %d %d %d %.1f\n");
    cstring(&mut m, "fmt3", "%d%d%d%d%d%d %g %g %g %g %g %g %g %g\n");
    cstring(&mut m, "word", "ok");
    // void pd(double x) { printf(fmt1, x, 42, "ok"); }
    {
        let mut f = func("pd", &[F64], &[]);
        let mut b = Builder::new(&mut f);
        let x = b.val(Op::Param(0));
        let (fmt, w) = (b.val(Op::SymAddr("fmt1".into(), 0)), b.val(Op::SymAddr("word".into(), 0)));
        let k = b.iconst(I32, 42);
        call(&mut b, "printf", variadic_sig(&[I64], &[F64, I32, I64], &[I32]), vec![fmt, x, k, w]);
        b.terminate(Term::Ret(vec![]));
        m.funcs.push(f);
    }
    // void pind(int (*fp)(const char *, ...), double x): the three indirect thunk kinds.
    {
        let mut f = func("pind", &[I64, F64], &[]);
        let mut b = Builder::new(&mut f);
        let (fp, x) = (b.val(Op::Param(0)), b.val(Op::Param(1)));
        let icall = |b: &mut Builder, sig: Sig, args: Vec<Value>| {
            let r = b.func.new_value(I32);
            b.push(Op::Call { callee: kir::Callee::Indirect(fp), sig, args, rets: vec![r] });
        };
        let (f1, w) = (b.val(Op::SymAddr("fmt1".into(), 0)), b.val(Op::SymAddr("word".into(), 0)));
        let k = b.iconst(I32, 7);
        icall(&mut b, variadic_sig(&[I64], &[F64, I32, I64], &[I32]), vec![f1, x, k, w]); // target in a GP register
        let f2 = b.val(Op::SymAddr("fmt2".into(), 0));
        let ints: Vec<Value> = (1..=6).map(|i| b.iconst(I32, i)).collect();
        let mut args = vec![f2];
        args.extend(&ints[..5]);
        args.push(x);
        icall(&mut b, variadic_sig(&[I64], &[I32, I32, I32, I32, I32, F64], &[I32]), args); // in xmm1
        let f3 = b.val(Op::SymAddr("fmt3".into(), 0));
        let mut args = vec![f3];
        args.extend(&ints);
        let mut types = vec![I32; 6];
        for i in 0..8 {
            let d = b.val(Op::Fconst(F64, i as f64 + 0.5));
            args.push(d);
            types.push(F64);
        }
        icall(&mut b, variadic_sig(&[I64], &types, &[I32]), args); // through the slot
        b.terminate(Term::Ret(vec![]));
        m.funcs.push(f);
    }
    // double vsum(int n, ...): sum of n (int, double) pairs.
    {
        let mut f = Function::new("vsum", Sig { params: vec![Param::Scalar(I32)], rets: vec![F64], sret: false, variadic: true });
        let ap = f.new_slot(24, 8, "ap");
        let (vi, vacc) = (f.new_var(I32), f.new_var(F64));
        let mut b = Builder::new(&mut f);
        let n = b.val(Op::Param(0));
        let apa = b.val(Op::SlotAddr(ap));
        b.push(Op::VaStart(apa));
        let z = b.iconst(I32, 0);
        b.push(Op::SetVar(vi, z));
        let zf = b.val(Op::Fconst(F64, 0.0));
        b.push(Op::SetVar(vacc, zf));
        let (head, body, exit) = (b.new_block(), b.new_block(), b.new_block());
        b.terminate(Term::Jump(head));
        b.switch_to(head);
        let i = b.val(Op::GetVar(vi));
        let c = b.cmp(CmpOp::SLt, i, n);
        b.terminate(Term::Br { cond: c, then: body, els: exit });
        b.switch_to(body);
        let iv = va_arg(&mut b, apa, I32);
        let dv = va_arg(&mut b, apa, F64);
        let ivd = b.conv(ConvOp::SToF, iv, F64);
        let acc = b.val(Op::GetVar(vacc));
        let acc = b.bin(BinOp::FAdd, acc, ivd);
        let acc = b.bin(BinOp::FAdd, acc, dv);
        b.push(Op::SetVar(vacc, acc));
        let i = b.val(Op::GetVar(vi));
        let one = b.iconst(I32, 1);
        let i2 = b.bin(BinOp::Add, i, one);
        b.push(Op::SetVar(vi, i2));
        b.terminate(Term::Jump(head));
        b.switch_to(exit);
        let acc = b.val(Op::GetVar(vacc));
        b.terminate(Term::Ret(vec![acc]));
        m.funcs.push(f);
    }
    // double kcall(void) { return vsum(2, 1, 0.5, 2, 0.25); }  (KIR → KIR variadic)
    def(&mut m, "kcall", &[], F64, |b, _| {
        let args = vec![b.iconst(I32, 2), b.iconst(I32, 1), b.val(Op::Fconst(F64, 0.5)), b.iconst(I32, 2), b.val(Op::Fconst(F64, 0.25))];
        call(b, "vsum", variadic_sig(&[I32], &[I32, F64, I32, F64], &[F64]), args)[0]
    });
    let c = r#"
#include <stdio.h>
void pd(double); void pind(int (*)(const char *, ...), double); double vsum(int, ...); double kcall(void);
int main(void) {
    pd(3.14159);
    pind(printf, 2.5);
    printf("%g %g %g %g\n", vsum(0), vsum(2, 1, 1.5, 2, 2.5), vsum(9, 1,1.5, 2,2.5, 3,3.5, 4,4.5, 5,5.5, 6,6.5, 7,7.5, 8,8.5, 9,9.5), kcall());
    return 0;
}
"#;
    for opt in [0, 1] {
        let o = codegen::Options { opt_level: opt, ..opts() };
        let out = run("va", &m, &o, &[c], &[]);
        assert_eq!(
            out, "3.142 42 ok\n2.500 7 ok\n1 2 3 4 5 2.5\n123456 0.5 1.5 2.5 3.5 4.5 5.5 6.5 7.5\n0 7 94.5 3.75\n",
            "opt_level {opt}"
        );
    }
    cleanup("va");
}

/// Alloca through the runtime helpers (compiled from `RUNTIME_C` by gcc),
/// `.eh_frame` (the C++-style unwinder walks through kit frames), and DWARF
/// line info readable by binutils.
#[test]
fn alloca_unwind_and_debug_info() {
    use KT::*;
    let mut m = Module { source_name: "/src/unw.c".into(), comp_dir: "/src".into(), ..Default::default() };
    // long alloc_sum(long n): p = alloca(n * 8); p[i] = i; return sum.
    {
        let mut f = func("alloc_sum", &[I64], &[I64]);
        f.file = "/src/unw.c".into();
        let (vi, vs) = (f.new_var(I64), f.new_var(I64));
        let mut b = Builder::new(&mut f);
        b.line = 3;
        let n = b.val(Op::Param(0));
        let eight = b.iconst(I64, 8);
        let size = b.bin(BinOp::Mul, n, eight);
        let p = b.val(Op::Alloca { size, align: 32 });
        let zero = b.iconst(I64, 0);
        b.push(Op::SetVar(vi, zero));
        b.push(Op::SetVar(vs, zero));
        let (head, body, exit) = (b.new_block(), b.new_block(), b.new_block());
        b.terminate(Term::Jump(head));
        b.switch_to(head);
        b.line = 4;
        let i = b.val(Op::GetVar(vi));
        let c = b.cmp(CmpOp::SLt, i, n);
        b.terminate(Term::Br { cond: c, then: body, els: exit });
        b.switch_to(body);
        b.line = 5;
        let i = b.val(Op::GetVar(vi));
        let off = b.bin(BinOp::Mul, i, eight);
        let a = b.bin(BinOp::Add, p, off);
        b.store(a, 0, i);
        let v = b.load(I64, a, 0);
        let s = b.val(Op::GetVar(vs));
        let s = b.bin(BinOp::Add, s, v);
        b.push(Op::SetVar(vs, s));
        let one = b.iconst(I64, 1);
        let i = b.bin(BinOp::Add, i, one);
        b.push(Op::SetVar(vi, i));
        b.terminate(Term::Jump(head));
        b.switch_to(exit);
        b.line = 6;
        // The low 5 bits of the pointer must be clear (align 32).
        let mask = b.iconst(I64, 31);
        let low = b.bin(BinOp::And, p, mask);
        let s = b.val(Op::GetVar(vs));
        let s = b.bin(BinOp::Add, s, low);
        b.terminate(Term::Ret(vec![s]));
        m.funcs.push(f);
    }
    // int through(int (*cb)(void)) { return cb() + 1; } with a big frame, so
    // unwinding must use the CFI rather than guess.
    {
        let mut f = func("through", &[I64], &[I32]);
        f.file = "/src/unw.c".into();
        f.line = 20;
        let s = f.new_slot(4000, 16, "buf");
        f.debug_locals.push(kir::DebugLocal { name: "buf".into(), loc: kir::DebugLoc::Slot(s), ty: None, param: false, line: 20 });
        let mut b = Builder::new(&mut f);
        b.line = 21;
        let cb = b.val(Op::Param(0));
        let sa = b.val(Op::SlotAddr(s));
        let z = b.iconst(I32, 0);
        b.store(sa, 0, z);
        b.line = 22;
        let r = b.func.new_value(I32);
        b.push(Op::Call { callee: kir::Callee::Indirect(cb), sig: sig(&[], &[I32]), args: vec![], rets: vec![r] });
        let one = b.iconst(I32, 1);
        let r = b.bin(BinOp::Add, r, one);
        b.terminate(Term::Ret(vec![r]));
        m.funcs.push(f);
    }
    let c = r#"
#include <stdio.h>
#include <unwind.h>
long alloc_sum(long); int through(int (*)(void));
static int frames, seen_main;
static _Unwind_Reason_Code step(struct _Unwind_Context *ctx, void *arg) {
    frames++;
    void *ip = (void *)_Unwind_GetIP(ctx);
    extern int main(void);
    if ((char *)ip > (char *)main && (char *)ip < (char *)main + 400) seen_main = 1;
    return _URC_NO_REASON;
}
static int cb(void) { _Unwind_Backtrace(step, 0); return 41; }
int main(void) {
    long s = 0;
    for (int k = 0; k < 1000; k++) s += alloc_sum(100);
    int t = through(cb); printf("%ld %d main=%d\n", s, t, seen_main); if (!seen_main) fprintf(stderr, "frames=%d\n", frames);
    return 0;
}
"#;
    let o = codegen::Options { debug_info: true, ..opts() };
    let object = codegen::compile_module(&m, &o).unwrap();
    // The JIT's line table: sorted, pointing into the functions.
    assert!(!object.lines.is_empty() && object.line_files == ["/src/unw.c"]);
    assert!(object.lines.windows(2).all(|w| (w[0].section, w[0].offset) < (w[1].section, w[1].offset)));
    assert!(object.lines.iter().any(|l| l.line == 5) && object.lines.iter().any(|l| l.line == 22));
    let out = run("unw", &m, &o, &[c, codegen::RUNTIME_C], &[]);
    assert_eq!(out, "4950000 42 main=1\n");
    let lines = tool("unw", &["objdump", "--dwarf=decodedline", "prog"]);
    assert!(lines.contains("unw.c") && lines.contains(" 22 "), "{lines}");
    let info = tool("unw", &["readelf", "--debug-dump=info", "prog"]);
    assert!(info.contains("through") && info.contains("buf") && info.contains("DW_OP_breg6"), "{info}");
    cleanup("unw");
}
