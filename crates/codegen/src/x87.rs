//! `long double` arithmetic on the x87 unit, which Cranelift cannot emit.
//!
//! The frontend keeps a `long double` as an `i128` holding its 80-bit image
//! (bytes 10..16 are don't-care) and calls these leaf stubs by name; the
//! object gets a local copy of each stub it refers to. Convention: values
//! come in `rdi:rsi` and `rdx:rcx` (SysV `i128` arguments), results leave in
//! `rax:rdx`; the stubs use the red zone as scratch. `ret`/`ret2` load the
//! return value of a `long double` function into `%st0`/`%st1` right before
//! it returns, and `pop`/`pop2` take it from there right after a call: the
//! x87 stack is otherwise empty, and Cranelift never touches it in between.
//!
//! The bytes were assembled from the AT&T text beside them; `tests/c/`
//! compares every operation with gcc's.

use crate::object::Asm;
use obj::{SectionId, SymbolKind};

/// A stub: machine code in pieces (shared sequences are named below).
struct Stub {
    name: &'static str,
    code: &'static [&'static [u8]],
}

/// Defines, as local functions at the end of `text`, the stubs that the
/// module's code refers to.
pub(crate) fn emit_stubs(a: &mut Asm, text: SectionId) {
    for s in STUBS {
        let Some(id) = a.lookup(s.name) else { continue };
        if a.o.symbols[id.0 as usize].def != obj::SymbolDef::Undefined {
            continue;
        }
        let code = s.code.concat();
        let off = a.o.append(text, &code, 16);
        crate::object::local_def(a, s.name, SymbolKind::Func, text, off, code.len() as u64);
    }
}

/// The first operand (`rdi:rsi`) onto the x87 stack.
const LOAD_A: &[u8] = &[
    0x48, 0x89, 0x7c, 0x24, 0xf0, // mov %rdi,-0x10(%rsp)
    0x48, 0x89, 0x74, 0x24, 0xf8, // mov %rsi,-0x8(%rsp)
    0xdb, 0x6c, 0x24, 0xf0, // fldt -0x10(%rsp)
];

/// The second operand (`rdx:rcx`) onto the x87 stack.
const LOAD_B: &[u8] = &[
    0x48, 0x89, 0x54, 0x24, 0xe0, // mov %rdx,-0x20(%rsp)
    0x48, 0x89, 0x4c, 0x24, 0xe8, // mov %rcx,-0x18(%rsp)
    0xdb, 0x6c, 0x24, 0xe0, // fldt -0x20(%rsp)
];

/// Pops `%st0` into `rax:rdx` and returns.
const RESULT: &[u8] = &[
    0xdb, 0x7c, 0x24, 0xf0, // fstpt -0x10(%rsp)
    0x48, 0x8b, 0x44, 0x24, 0xf0, // mov -0x10(%rsp),%rax
    0x0f, 0xb7, 0x54, 0x24, 0xf8, // movzwl -0x8(%rsp),%edx
    0xc3, // ret
];

/// `%st0` popped into `rax`, rounding toward zero (control word saved and restored).
const TRUNC: &[u8] = &[
    0xd9, 0x7c, 0x24, 0xfe, // fnstcw -0x2(%rsp)
    0x0f, 0xb7, 0x44, 0x24, 0xfe, // movzwl -0x2(%rsp),%eax
    0x0d, 0x00, 0x0c, 0x00, 0x00, // or $0xc00,%eax
    0x66, 0x89, 0x44, 0x24, 0xfc, // mov %ax,-0x4(%rsp)
    0xd9, 0x6c, 0x24, 0xfc, // fldcw -0x4(%rsp)
    0xdf, 0x7c, 0x24, 0xf0, // fistpll -0x10(%rsp)
    0xd9, 0x6c, 0x24, 0xfe, // fldcw -0x2(%rsp)
    0x48, 0x8b, 0x44, 0x24, 0xf0, // mov -0x10(%rsp),%rax
];

const STUBS: &[Stub] = &[
    Stub {
        name: "__kit_x87_add",
        code: &[
            LOAD_A,
            LOAD_B,
            &[
                0xde, 0xc1, // faddp %st,%st(1)
            ],
            RESULT,
        ],
    },
    Stub {
        name: "__kit_x87_sub",
        code: &[
            LOAD_A,
            LOAD_B,
            &[
                0xde, 0xe9, // fsubrp %st,%st(1) (AT&T name: st1 = st1 - st0, pop)
            ],
            RESULT,
        ],
    },
    Stub {
        name: "__kit_x87_mul",
        code: &[
            LOAD_A,
            LOAD_B,
            &[
                0xde, 0xc9, // fmulp %st,%st(1)
            ],
            RESULT,
        ],
    },
    Stub {
        name: "__kit_x87_div",
        code: &[
            LOAD_A,
            LOAD_B,
            &[
                0xde, 0xf9, // fdivrp %st,%st(1) (AT&T name: st1 = st1 / st0, pop)
            ],
            RESULT,
        ],
    },
    Stub {
        name: "__kit_x87_cmp",
        code: &[
            LOAD_B,
            LOAD_A,
            &[
                0xdf, 0xe9, // fucomip %st(1),%st
                0xdd, 0xd8, // fstp %st(0)
                0xb8, 0x02, 0x00, 0x00, 0x00, // mov $0x2,%eax
                0x7a, 0x0e, // jp: skip 14 bytes, to ret (unordered: 2)
                0x0f, 0x97, 0xc0, // seta %al
                0x0f, 0x92, 0xc1, // setb %cl
                0x0f, 0xb6, 0xc0, // movzbl %al,%eax
                0x0f, 0xb6, 0xc9, // movzbl %cl,%ecx
                0x29, 0xc8, // sub %ecx,%eax
                0xc3, // ret
            ],
        ],
    },
    Stub {
        name: "__kit_x87_sqrt",
        code: &[
            LOAD_A,
            &[
                0xd9, 0xfa, // fsqrt
            ],
            RESULT,
        ],
    },
    Stub {
        name: "__kit_x87_ret",
        code: &[
            LOAD_A,
            &[
                0xc3, // ret
            ],
        ],
    },
    Stub {
        name: "__kit_x87_ret2",
        code: &[
            LOAD_B,
            LOAD_A,
            &[
                0xc3, // ret
            ],
        ],
    },
    Stub { name: "__kit_x87_pop", code: &[RESULT] },
    Stub {
        name: "__kit_x87_pop2",
        code: &[&[
            0xdb, 0x3f, // fstpt (%rdi)
            0xdb, 0x7f, 0x10, // fstpt 0x10(%rdi)
            0xc3, // ret
        ]],
    },
    Stub {
        name: "__kit_x87_from_f64",
        code: &[
            &[
                0xf2, 0x0f, 0x11, 0x44, 0x24, 0xf0, // movsd %xmm0,-0x10(%rsp)
                0xdd, 0x44, 0x24, 0xf0, // fldl -0x10(%rsp)
            ],
            RESULT,
        ],
    },
    Stub {
        name: "__kit_x87_from_f32",
        code: &[
            &[
                0xf3, 0x0f, 0x11, 0x44, 0x24, 0xf0, // movss %xmm0,-0x10(%rsp)
                0xd9, 0x44, 0x24, 0xf0, // flds -0x10(%rsp)
            ],
            RESULT,
        ],
    },
    Stub {
        name: "__kit_x87_to_f64",
        code: &[
            LOAD_A,
            &[
                0xdd, 0x5c, 0x24, 0xf0, // fstpl -0x10(%rsp)
                0xf2, 0x0f, 0x10, 0x44, 0x24, 0xf0, // movsd -0x10(%rsp),%xmm0
                0xc3, // ret
            ],
        ],
    },
    Stub {
        name: "__kit_x87_to_f32",
        code: &[
            LOAD_A,
            &[
                0xd9, 0x5c, 0x24, 0xf0, // fstps -0x10(%rsp)
                0xf3, 0x0f, 0x10, 0x44, 0x24, 0xf0, // movss -0x10(%rsp),%xmm0
                0xc3, // ret
            ],
        ],
    },
    Stub {
        name: "__kit_x87_from_i64",
        code: &[
            &[
                0x48, 0x89, 0x7c, 0x24, 0xf0, // mov %rdi,-0x10(%rsp)
                0xdf, 0x6c, 0x24, 0xf0, // fildll -0x10(%rsp)
            ],
            RESULT,
        ],
    },
    Stub {
        name: "__kit_x87_from_u64",
        code: &[
            &[
                0x48, 0x89, 0x7c, 0x24, 0xf0, // mov %rdi,-0x10(%rsp)
                0xdf, 0x6c, 0x24, 0xf0, // fildll -0x10(%rsp)
                0x48, 0x85, 0xff, // test %rdi,%rdi
                0x79, 0x0c, // jns: skip 12 bytes (the 2^64 correction)
                0xc7, 0x44, 0x24, 0xec, 0x00, 0x00, 0x80, 0x5f, // movl $0x5f800000,-0x14(%rsp)
                0xd8, 0x44, 0x24, 0xec, // fadds -0x14(%rsp)
            ],
            RESULT,
        ],
    },
    Stub {
        name: "__kit_x87_to_i64",
        code: &[
            LOAD_A,
            TRUNC,
            &[
                0xc3, // ret
            ],
        ],
    },
    Stub {
        name: "__kit_x87_to_u64",
        code: &[
            LOAD_A,
            &[
                0xc7, 0x44, 0x24, 0xec, 0x00, 0x00, 0x00, 0x5f, // movl $0x5f000000,-0x14(%rsp)
                0xd9, 0x44, 0x24, 0xec, // flds -0x14(%rsp)
                0xdb, 0xe9, // fucomi %st(1),%st
                0x76, 0x27, // jbe: skip 39 bytes, to the a >= 2^63 path
                0xdd, 0xd8, // fstp %st(0)
            ],
            TRUNC,
            &[
                0xc3, // ret
                0xde, 0xe9, // fsubrp %st,%st(1) (AT&T name: st1 = st1 - st0, pop)
            ],
            TRUNC,
            &[
                0x48, 0x0f, 0xba, 0xf8, 0x3f, // btc $0x3f,%rax
                0xc3, // ret
            ],
        ],
    },
];
