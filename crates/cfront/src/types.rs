//! C types, resolved for the target (x86-64 SysV LP64 for now): sizes,
//! alignments, struct layouts with bit-fields.

use std::rc::Rc;

pub type T = Rc<CType>;

#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub enum IntKind {
    Bool,
    Char,
    SChar,
    UChar,
    Short,
    UShort,
    Int,
    UInt,
    Long,
    ULong,
    LLong,
    ULLong,
    I128,
    U128,
}

/// Whether plain `char` is signed (`-fsigned-char`, the x86-64 default) or
/// unsigned (`-funsigned-char`). Process-wide: one kit invocation compiles
/// every file with the same flags; `parse::parse` sets it from its options.
static PLAIN_CHAR_SIGNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

pub fn set_plain_char_signed(signed: bool) {
    PLAIN_CHAR_SIGNED.store(signed, std::sync::atomic::Ordering::Relaxed);
}

impl IntKind {
    pub fn size(self) -> u64 {
        use IntKind::*;
        match self {
            Bool | Char | SChar | UChar => 1,
            Short | UShort => 2,
            Int | UInt => 4,
            Long | ULong | LLong | ULLong => 8,
            I128 | U128 => 16,
        }
    }
    pub fn signed(self) -> bool {
        use IntKind::*;
        match self {
            Char => PLAIN_CHAR_SIGNED.load(std::sync::atomic::Ordering::Relaxed),
            _ => matches!(self, SChar | Short | Int | Long | LLong | I128),
        }
    }
    /// Conversion rank (C11 6.3.1.1).
    pub fn rank(self) -> u8 {
        use IntKind::*;
        match self {
            Bool => 0,
            Char | SChar | UChar => 1,
            Short | UShort => 2,
            Int | UInt => 3,
            Long | ULong => 4,
            LLong | ULLong => 5,
            I128 | U128 => 6,
        }
    }
    pub fn to_unsigned(self) -> IntKind {
        use IntKind::*;
        match self {
            Char | SChar => UChar,
            Short => UShort,
            Int => UInt,
            Long => ULong,
            LLong => ULLong,
            I128 => U128,
            k => k,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FloatKind {
    Float,
    Double,
    /// `long double`: x87 extended precision in memory layout (16 bytes).
    LDouble,
}

impl FloatKind {
    pub fn size(self) -> u64 {
        match self {
            FloatKind::Float => 4,
            FloatKind::Double => 8,
            FloatKind::LDouble => 16,
        }
    }
}

#[derive(Clone, Debug)]
pub struct FuncType {
    pub ret: T,
    pub params: Vec<T>,
    pub variadic: bool,
    /// Declared without a prototype (`int f()`): arguments get default promotions.
    pub unprototyped: bool,
}

#[derive(Clone, Debug)]
pub enum Kind {
    Void,
    Int(IntKind),
    Float(FloatKind),
    Complex(FloatKind),
    /// GNU complex integer types (`_Complex int`, `_Complex char`...).
    ComplexInt(IntKind),
    Ptr(T),
    /// Element type and length (None: incomplete or flexible).
    Array(T, Option<u64>),
    /// Variable length array: element type and the id of the local that
    /// holds its runtime length in elements.
    Vla(T, u32),
    Func(Rc<FuncType>),
    /// struct or union, by id in [`Records`].
    Record(u32),
    /// GCC vector extension: element type and lane count.
    Vector(T, u64),
}

#[derive(Clone, Debug)]
pub struct CType {
    pub kind: Kind,
    pub is_const: bool,
    pub is_volatile: bool,
    pub is_atomic: bool,
    /// `_Alignas` / `aligned` attribute on a typedef or declaration (0: none).
    pub align: u32,
    /// Distinguishes enumerated types (0: not an enum) for compatibility.
    pub enum_tag: u32,
    /// Spelled through a typedef: its name and the type it names (qualifiers
    /// beyond that type's were added at the use). Only debug info reads it.
    pub typedef: Option<Rc<(Rc<str>, T)>>,
}

#[derive(Clone, Debug)]
pub struct Field {
    pub name: Option<Rc<str>>,
    pub ty: T,
    pub offset: u64,
    /// Bit-field: (bit offset within the storage unit at `offset`, width).
    pub bits: Option<(u32, u32)>,
}

#[derive(Clone, Debug, Default)]
pub struct Record {
    pub name: Option<Rc<str>>,
    pub is_union: bool,
    pub complete: bool,
    pub fields: Vec<Field>,
    pub size: u64,
    pub align: u32,
    pub has_flex: bool,
}

/// Every struct and union of a translation unit.
#[derive(Default)]
pub struct Records {
    pub list: Vec<Record>,
}

impl Records {
    pub fn get(&self, id: u32) -> &Record {
        &self.list[id as usize]
    }
}

pub fn mk(kind: Kind) -> T {
    Rc::new(CType { kind, is_const: false, is_volatile: false, is_atomic: false, align: 0, enum_tag: 0, typedef: None })
}
pub fn int_t(k: IntKind) -> T {
    mk(Kind::Int(k))
}
pub fn ptr_to(t: T) -> T {
    mk(Kind::Ptr(t))
}
pub fn float_t(k: FloatKind) -> T {
    mk(Kind::Float(k))
}

/// The same type without qualifiers.
pub fn unqual(t: &T) -> T {
    if !t.is_const && !t.is_volatile && !t.is_atomic {
        return t.clone();
    }
    Rc::new(CType { is_const: false, is_volatile: false, is_atomic: false, ..(**t).clone() })
}

pub fn with_quals(t: &T, c: bool, v: bool, a: bool) -> T {
    if !c && !v && !a {
        return t.clone();
    }
    Rc::new(CType { is_const: t.is_const || c, is_volatile: t.is_volatile || v, is_atomic: t.is_atomic || a, ..(**t).clone() })
}

impl CType {
    pub fn is_void(&self) -> bool {
        matches!(self.kind, Kind::Void)
    }
    pub fn is_integer(&self) -> bool {
        matches!(self.kind, Kind::Int(_))
    }
    pub fn is_float(&self) -> bool {
        matches!(self.kind, Kind::Float(_))
    }
    pub fn is_arith(&self) -> bool {
        matches!(self.kind, Kind::Int(_) | Kind::Float(_) | Kind::Complex(_) | Kind::ComplexInt(_))
    }
    pub fn is_complex(&self) -> bool {
        matches!(self.kind, Kind::Complex(_) | Kind::ComplexInt(_))
    }
    /// The type of each part of a complex type.
    pub fn complex_part(&self) -> Option<T> {
        match self.kind {
            Kind::Complex(k) => Some(float_t(k)),
            Kind::ComplexInt(k) => Some(int_t(k)),
            _ => None,
        }
    }
    pub fn is_ptr(&self) -> bool {
        matches!(self.kind, Kind::Ptr(_))
    }
    pub fn is_scalar(&self) -> bool {
        matches!(self.kind, Kind::Int(_) | Kind::Float(_) | Kind::Ptr(_))
    }
    pub fn is_array(&self) -> bool {
        matches!(self.kind, Kind::Array(..) | Kind::Vla(..))
    }
    pub fn is_func(&self) -> bool {
        matches!(self.kind, Kind::Func(_))
    }
    pub fn is_record(&self) -> bool {
        matches!(self.kind, Kind::Record(_))
    }
    pub fn is_bool(&self) -> bool {
        matches!(self.kind, Kind::Int(IntKind::Bool))
    }
    pub fn int_kind(&self) -> Option<IntKind> {
        match self.kind {
            Kind::Int(k) => Some(k),
            _ => None,
        }
    }
    pub fn is_signed(&self) -> bool {
        match self.kind {
            Kind::Int(k) => k.signed(),
            Kind::Float(_) => true,
            _ => false,
        }
    }
    /// Pointed-to or element type.
    pub fn base(&self) -> Option<&T> {
        match &self.kind {
            Kind::Ptr(b) | Kind::Array(b, _) | Kind::Vla(b, _) => Some(b),
            _ => None,
        }
    }
    pub fn func(&self) -> Option<&Rc<FuncType>> {
        match &self.kind {
            Kind::Func(f) => Some(f),
            Kind::Ptr(b) => match &b.kind {
                Kind::Func(f) => Some(f),
                _ => None,
            },
            _ => None,
        }
    }
    pub fn is_vector(&self) -> bool {
        matches!(self.kind, Kind::Vector(..))
    }
    pub fn is_vla(&self) -> bool {
        match &self.kind {
            Kind::Vla(..) => true,
            Kind::Array(b, _) => b.is_vla(),
            _ => false,
        }
    }
}

/// Size in bytes of a complete type (0 for void/functions/incomplete; VLAs: 0).
pub fn size_of(t: &CType, recs: &Records) -> u64 {
    match &t.kind {
        Kind::Void => 1,
        Kind::Int(k) => k.size(),
        Kind::Float(k) => k.size(),
        Kind::Complex(k) => 2 * k.size(),
        Kind::ComplexInt(k) => 2 * k.size(),
        Kind::Ptr(_) => 8,
        Kind::Array(e, n) => size_of(e, recs) * n.unwrap_or(0),
        Kind::Vla(..) => 0,
        Kind::Func(_) => 1,
        Kind::Record(id) => recs.get(*id).size,
        Kind::Vector(e, n) => size_of(e, recs) * n,
    }
}

pub fn align_of(t: &CType, recs: &Records) -> u32 {
    if t.align != 0 {
        return t.align;
    }
    match &t.kind {
        Kind::Void | Kind::Func(_) => 1,
        Kind::Int(k) => k.size() as u32,
        Kind::Float(k) => k.size() as u32,
        Kind::Complex(k) => k.size() as u32,
        Kind::ComplexInt(k) => k.size() as u32,
        Kind::Ptr(_) => 8,
        Kind::Array(e, _) | Kind::Vla(e, _) => align_of(e, recs),
        Kind::Record(id) => recs.get(*id).align.max(1),
        // gcc aligns vectors to their size.
        Kind::Vector(e, n) => ((size_of(e, recs) * n).clamp(1, 64) as u32).next_power_of_two(),
    }
}

/// Whether two types are compatible (used by `_Generic`,
/// `__builtin_types_compatible_p` and redeclaration checks); qualifiers of the
/// outermost type are compared too.
pub fn compatible(a: &CType, b: &CType) -> bool {
    if a.is_const != b.is_const || a.is_volatile != b.is_volatile {
        return false;
    }
    compatible_unqual(a, b)
}

pub fn compatible_unqual(a: &CType, b: &CType) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::Void, Kind::Void) => true,
        (Kind::Int(x), Kind::Int(y)) => x == y && (a.enum_tag == 0 || b.enum_tag == 0 || a.enum_tag == b.enum_tag),
        (Kind::Float(x), Kind::Float(y)) | (Kind::Complex(x), Kind::Complex(y)) => x == y,
        (Kind::ComplexInt(x), Kind::ComplexInt(y)) => x == y,
        (Kind::Ptr(x), Kind::Ptr(y)) => compatible(x, y),
        (Kind::Array(x, n), Kind::Array(y, m)) => compatible(x, y) && (n.is_none() || m.is_none() || n == m),
        (Kind::Array(x, _) | Kind::Vla(x, _), Kind::Array(y, _) | Kind::Vla(y, _)) => compatible(x, y),
        (Kind::Record(x), Kind::Record(y)) => x == y,
        (Kind::Vector(x, n), Kind::Vector(y, m)) => n == m && compatible(x, y),
        (Kind::Func(f), Kind::Func(g)) => {
            compatible(&f.ret, &g.ret)
                && (f.unprototyped
                    || g.unprototyped
                    || (f.variadic == g.variadic
                        && f.params.len() == g.params.len()
                        && f.params.iter().zip(&g.params).all(|(p, q)| compatible_unqual(p, q))))
        }
        _ => false,
    }
}

/// A prototype's parameters as C spells them (`int, ...`, `void`; empty
/// when unprototyped).
fn param_list(f: &FuncType, recs: &Records) -> String {
    if f.unprototyped {
        return String::new();
    }
    let mut parts: Vec<String> = f.params.iter().map(|p| type_name(p, recs)).collect();
    if f.variadic {
        parts.push("...".into());
    }
    if parts.is_empty() { "void".into() } else { parts.join(", ") }
}

/// Human-readable spelling for diagnostics.
pub fn type_name(t: &CType, recs: &Records) -> String {
    let q = format!("{}{}", if t.is_const { "const " } else { "" }, if t.is_volatile { "volatile " } else { "" });
    let base = match &t.kind {
        Kind::Void => "void".to_string(),
        Kind::Int(k) => match k {
            IntKind::Bool => "_Bool",
            IntKind::Char => "char",
            IntKind::SChar => "signed char",
            IntKind::UChar => "unsigned char",
            IntKind::Short => "short",
            IntKind::UShort => "unsigned short",
            IntKind::Int => "int",
            IntKind::UInt => "unsigned int",
            IntKind::Long => "long",
            IntKind::ULong => "unsigned long",
            IntKind::LLong => "long long",
            IntKind::ULLong => "unsigned long long",
            IntKind::I128 => "__int128",
            IntKind::U128 => "unsigned __int128",
        }
        .to_string(),
        Kind::Float(FloatKind::Float) => "float".into(),
        Kind::Float(FloatKind::Double) => "double".into(),
        Kind::Float(FloatKind::LDouble) => "long double".into(),
        Kind::Complex(_) => "_Complex".into(),
        Kind::ComplexInt(k) => format!("_Complex {}", type_name(&int_t(*k), recs)),
        Kind::Ptr(b) => match &b.kind {
            Kind::Func(f) => format!("{} (*)({})", type_name(&f.ret, recs), param_list(f, recs)),
            _ => format!("{} *", type_name(b, recs)),
        },
        Kind::Array(e, n) => format!("{}[{}]", type_name(e, recs), n.map(|n| n.to_string()).unwrap_or_default()),
        Kind::Vla(e, _) => format!("{}[*]", type_name(e, recs)),
        Kind::Func(f) => format!("{} ({})", type_name(&f.ret, recs), param_list(f, recs)),
        Kind::Record(id) => {
            let r = recs.get(*id);
            format!("{} {}", if r.is_union { "union" } else { "struct" }, r.name.as_deref().unwrap_or("<anonymous>"))
        }
        Kind::Vector(e, n) => format!("{} __attribute__((vector_size({})))", type_name(e, recs), size_of(e, recs) * n),
    };
    q + &base
}
