//! `__builtin_cpu_init`, `__builtin_cpu_supports` and `__builtin_cpu_is`,
//! read from the CPU model libgcc's ABI defines: `__cpu_model` (vendor,
//! type, subtype, then the first 32 feature bits) and `__cpu_features2`
//! (the rest), filled in at start-up by `__cpu_indicator_init`. kit's
//! runtime (runtime/cpu.c) provides them, and so does gcc's libgcc, so
//! objects from either compiler can test features in either link.

use super::*;

/// Feature names gcc accepts that kit's runtime detects, with their bit
/// numbers in libgcc's `enum processor_features`.
const FEATURES: &[(&str, u32)] = &[
    ("cmov", 0),
    ("mmx", 1),
    ("popcnt", 2),
    ("sse", 3),
    ("sse2", 4),
    ("sse3", 5),
    ("ssse3", 6),
    ("sse4.1", 7),
    ("sse4.2", 8),
    ("avx", 9),
    ("avx2", 10),
    ("sse4a", 11),
    ("fma4", 12),
    ("xop", 13),
    ("fma", 14),
    ("avx512f", 15),
    ("bmi", 16),
    ("bmi2", 17),
    ("aes", 18),
    ("pclmul", 19),
    ("avx512vl", 20),
    ("avx512bw", 21),
    ("avx512dq", 22),
    ("avx512cd", 23),
    ("gfni", 32),
    ("vpclmulqdq", 33),
    ("adx", 40),
    ("abm", 41),
    ("cmpxchg16b", 46),
    ("f16c", 49),
    ("fxsave", 51),
    ("lahf_lm", 54),
    ("lzcnt", 57),
    ("movbe", 58),
    ("osxsave", 62),
    ("rdrnd", 69),
    ("rdseed", 70),
    ("sha", 74),
    ("vaes", 78),
    ("xsave", 81),
    ("x86-64", 95),
    ("x86-64-v2", 96),
    ("x86-64-v3", 97),
    ("x86-64-v4", 98),
];

/// libgcc's vendor numbers (`__cpu_model.__cpu_vendor`).
const VENDORS: &[(&str, i128)] = &[("intel", 1), ("amd", 2)];

/// Words in `__cpu_features2` (libgcc's SIZE_OF_CPU_FEATURES).
const FEATURES2_WORDS: u64 = 3;

impl<'a> Parser<'a> {
    /// `__builtin_cpu_init()`, `__builtin_cpu_supports("f")` or
    /// `__builtin_cpu_is("vendor")`, after the name.
    pub(super) fn cpu_builtin(&mut self, name: &str, loc: Loc) -> PResult<Expr> {
        let int = int_t(IntKind::Int);
        let uint = int_t(IntKind::UInt);
        self.expect(Punct::LParen)?;
        if name == "__builtin_cpu_init" {
            self.expect(Punct::RParen)?;
            let fty = mk(Kind::Func(Rc::new(FuncType { ret: int.clone(), params: vec![], variadic: false, unprototyped: false })));
            let f = self.global_ref("__cpu_indicator_init".into(), fty, loc);
            return Ok(Expr { kind: ExprKind::Call(Box::new(f), vec![]), ty: mk(Kind::Void), loc });
        }
        if self.peek().kind != TokKind::Str {
            self.err(self.loc(), format!("'{name}' needs a string literal"));
            return Err(Reported);
        }
        let arg = self.string_literals();
        self.expect(Punct::RParen)?;
        let model = self.global_ref("__cpu_model".into(), mk(Kind::Array(uint.clone(), Some(4))), loc);
        let word =
            |e: Expr, index: u64| Expr { kind: ExprKind::Member { e: Box::new(e), offset: 4 * index, bits: None }, ty: uint.clone(), loc };
        let value = if name == "__builtin_cpu_is" {
            let Some(&(_, vendor)) = VENDORS.iter().find(|(n, _)| *n == arg) else {
                self.err(loc, format!("'{name}(\"{arg}\")': kit knows the vendors \"intel\" and \"amd\", not CPU models"));
                return Err(Reported);
            };
            self.make_binary(BinOp::Eq, word(model, 0), int_lit(vendor, uint.clone(), loc), loc)
        } else {
            let Some(&(_, bit)) = FEATURES.iter().find(|(n, _)| *n == arg) else {
                self.err(loc, format!("parameter to builtin not valid: {arg} (kit's runtime does not detect it)"));
                return Err(Reported);
            };
            let (w, mask) = if bit < 32 {
                (word(model, 3), 1i128 << bit)
            } else {
                let ty = mk(Kind::Array(uint.clone(), Some(FEATURES2_WORDS)));
                let f2 = self.global_ref("__cpu_features2".into(), ty, loc);
                (word(f2, (bit as u64 - 32) / 32), 1i128 << (bit % 32))
            };
            self.make_binary(BinOp::BitAnd, w, int_lit(mask, uint.clone(), loc), loc)
        };
        Ok(Expr { kind: ExprKind::Cast(Box::new(value)), ty: int, loc })
    }
}
