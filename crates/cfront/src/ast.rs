//! The typed syntax tree the parser builds and the lowering walks.
//! Implicit conversions are explicit `Cast` nodes; pointer arithmetic is
//! already scaled; every expression carries its C type.

use crate::source::Loc;
use crate::types::T;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Shl,
    Shr,
    BitAnd,
    BitOr,
    BitXor,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnOp {
    Neg,
    BitNot,
    LogNot,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: T,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Int(i128),
    Float(f64),
    /// A `long double` literal, rounded to the x87 format (`crate::x87`).
    LongFloat(u128),
    /// A string literal's bytes (with the terminating NUL), stored as
    /// anonymous read-only data.
    Str(Rc<[u8]>),
    Local(u32),
    /// A global object or function by symbol name.
    Global(Rc<str>),
    Unary(UnOp, Box<Expr>),
    /// Operands already converted to a common type (for comparisons the
    /// node's own type is int; the operand type decides signedness).
    Binary(BinOp, Box<Expr>, Box<Expr>),
    LogAnd(Box<Expr>, Box<Expr>),
    LogOr(Box<Expr>, Box<Expr>),
    Assign(Box<Expr>, Box<Expr>),
    /// `lhs op= rhs`: lhs is evaluated once, converted to `op_ty`, combined
    /// with rhs (already of `op_ty`, or the scaled offset for pointers), and
    /// converted back.
    CompoundAssign {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        op_ty: T,
    },
    /// `++`/`--`: adds `delta` (already scaled for pointers).
    IncDec {
        e: Box<Expr>,
        pre: bool,
        delta: i64,
    },
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    Comma(Box<Expr>, Box<Expr>),
    Call(Box<Expr>, Vec<Expr>),
    /// A member of a struct/union lvalue.
    Member {
        e: Box<Expr>,
        offset: u64,
        bits: Option<(u32, u32)>,
    },
    Deref(Box<Expr>),
    Addr(Box<Expr>),
    /// Conversion to the node's type.
    Cast(Box<Expr>),
    /// `({ ... })`: the value is that of the last expression statement.
    StmtExpr(Vec<Stmt>),
    /// A compound literal: the local object it initialises, and the
    /// initialisation (evaluated each time the expression is).
    CompoundLit(u32, Box<Init>),
    VaArg(Box<Expr>, T),
    VaStart(Box<Expr>),
    VaCopy(Box<Expr>, Box<Expr>),
    /// `&&label`: an opaque per-function label number.
    LabelAddr(u32),
    /// The runtime size in bytes of a VLA type.
    VlaSize(T),
    Builtin(Builtin, Vec<Expr>),
    /// Evaluates the expression for its side effects, then yields zero of the
    /// node's type (used for `__builtin_*` that ignore results).
    Nop,
    /// A complex value from its real and imaginary parts (both of the
    /// node's element type).
    Complex(Box<Expr>, Box<Expr>),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Builtin {
    Clz,
    Ctz,
    Popcount,
    Parity,
    Ffs,
    Clrsb,
    Bswap,
    Trap,
    Unreachable,
    Expect,
    /// `__builtin_{add,sub,mul}_overflow(a, b, res)`.
    AddOverflow,
    SubOverflow,
    MulOverflow,
    Alloca,
    FrameAddress,
    ReturnAddress,
    Fabs,
    Sqrt,
    /// `__atomic_*` and `__sync_*`: (kind, args).
    AtomicFetch(AtomicKind, bool /* returns new value */),
    AtomicExchange,
    AtomicCas(bool /* __sync style returning bool */),
    AtomicCasVal,
    AtomicLoad,
    AtomicStore,
    Fence,
    /// `__atomic_compare_exchange_n(ptr, expected_ptr, desired, ...)`.
    AtomicCompareExchange,
    /// `__builtin_setjmp(buf)` / `__builtin_longjmp(buf, 1)`: the five-word
    /// buffer's first word holds a full libc `jmp_buf`.
    SetJmp,
    LongJmp,
    /// `abs`/`labs`/`llabs`, expanded inline as gcc does even at -O0.
    Abs,
    /// `__builtin_shuffle(a, mask)` / `(a, b, mask)` on vectors.
    Shuffle,
    IsNan,
    IsInf,
    IsFinite,
    SignBit,
    CopySign,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AtomicKind {
    Add,
    Sub,
    And,
    Or,
    Xor,
    Nand,
}

/// An initializer, flattened: scalar stores at byte offsets (with bit-field
/// info), byte strings, and whether the object is zero-filled first.
#[derive(Clone, Debug, Default)]
pub struct Init {
    pub zero_fill: bool,
    pub items: Vec<InitItem>,
}

#[derive(Clone, Debug)]
pub struct InitItem {
    pub offset: u64,
    pub bits: Option<(u32, u32)>,
    pub value: InitVal,
}

#[derive(Clone, Debug)]
pub enum InitVal {
    /// An expression converted to the member's type (scalar or record copy).
    Expr(Expr),
    /// A string literal initialising a char array: bytes (truncated/padded
    /// to the array length).
    Bytes(Rc<[u8]>),
}

#[derive(Clone, Debug)]
pub enum Stmt {
    Expr(Expr),
    /// Declarations of locals with their initialisers (in order). A VLA
    /// declaration computes its length first (`vla_len`).
    Decl(Vec<LocalDecl>),
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    While(Expr, Box<Stmt>),
    DoWhile(Box<Stmt>, Expr),
    For(Option<Box<Stmt>>, Option<Expr>, Option<Expr>, Box<Stmt>),
    /// The body, the case ranges (lo, hi, case id) and the default case id.
    Switch {
        cond: Expr,
        body: Box<Stmt>,
        cases: Vec<(i128, i128, u32)>,
        default: Option<u32>,
    },
    Case(u32, Box<Stmt>),
    Break,
    Continue,
    Return(Option<Expr>, Loc),
    Goto(u32),
    GotoComputed(Expr),
    Label(u32, Box<Stmt>),
    Block(Vec<Stmt>),
    /// GNU extended `asm` with a non-empty template.
    Asm(Box<AsmStmt>),
    Empty,
}

/// `asm [goto] ("template" : outputs : inputs : clobbers : labels)`.
#[derive(Clone, Debug)]
pub struct AsmStmt {
    pub template: String,
    pub outputs: Vec<AsmOperand>,
    pub inputs: Vec<AsmOperand>,
    pub clobbers: Vec<String>,
    /// `asm goto` targets: (C label name, label id).
    pub labels: Vec<(Rc<str>, u32)>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct AsmOperand {
    /// `[name]`, for `%[name]` in the template.
    pub name: Option<String>,
    pub constraint: String,
    pub expr: Expr,
}

#[derive(Clone, Debug)]
pub struct LocalDecl {
    pub local: u32,
    pub init: Option<Init>,
    /// VLA dimension lengths to evaluate at the declaration: (local holding
    /// the length, expression).
    pub vla_dims: Vec<(u32, Expr)>,
}

#[derive(Clone, Debug)]
pub struct Local {
    pub name: Rc<str>,
    pub ty: T,
    pub addr_taken: bool,
    pub is_param: bool,
    pub loc: Loc,
    /// `register`/cleanup attribute etc. are not needed; cleanup function:
    pub cleanup: Option<Rc<str>>,
    pub align: u32,
    /// The block scope declaring it, as an interval of the function's scope
    /// clock: locals of disjoint scopes may share storage.
    pub scope_span: (u32, u32),
    /// `register T x asm("reg")`: the register an `asm` operand naming it
    /// must use.
    pub asm_reg: Option<Rc<str>>,
}

#[derive(Clone, Debug)]
pub struct FuncDef {
    pub name: Rc<str>,
    pub ty: T,
    pub is_static: bool,
    pub is_weak: bool,
    pub is_inline_only: bool,
    /// Declared `inline`: a static one nothing uses is not emitted.
    pub is_inline: bool,
    pub visibility_hidden: bool,
    /// Calls the `-finstrument-functions` hooks on entry and exit.
    pub instrument: bool,
    pub section: Option<Rc<str>>,
    pub locals: Vec<Local>,
    /// Locals that are the parameters, in order.
    pub params: Vec<u32>,
    pub body: Vec<Stmt>,
    pub loc: Loc,
    pub nlabels: u32,
    /// Labels whose address is taken (`&&l`), for computed goto.
    pub addr_labels: Vec<u32>,
}
