//! KIR — kit's typed mid-level IR: the one contract between a frontend and
//! every code generator.
//!
//! A [`Module`] holds functions and data. A [`Function`] is a list of blocks;
//! each block is straight-line [`Inst`]s ending in a [`Term`]. Instruction
//! results are SSA [`Value`]s: defined once, usable in any block the defining
//! block dominates. Values that must merge across control flow go through
//! [`Var`]s (register variables, SSA-constructed by the backend) or stack
//! [`Slot`]s (addressable memory). Everything is target-resolved: sizes,
//! alignments and the C calling convention's classification of aggregates
//! are already decided by the frontend; a [`Sig`] only carries scalars,
//! by-value memory arguments and an optional struct-return pointer.

mod print;
mod verify;

pub use print::print_module;
pub use verify::verify_function;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Type {
    I8,
    I16,
    I32,
    I64,
    I128,
    F32,
    F64,
}

impl Type {
    pub fn bytes(self) -> u32 {
        match self {
            Type::I8 => 1,
            Type::I16 => 2,
            Type::I32 | Type::F32 => 4,
            Type::I64 | Type::F64 => 8,
            Type::I128 => 16,
        }
    }
    pub fn is_float(self) -> bool {
        matches!(self, Type::F32 | Type::F64)
    }
    pub fn is_int(self) -> bool {
        !self.is_float()
    }
    pub fn name(self) -> &'static str {
        match self {
            Type::I8 => "i8",
            Type::I16 => "i16",
            Type::I32 => "i32",
            Type::I64 => "i64",
            Type::I128 => "i128",
            Type::F32 => "f32",
            Type::F64 => "f64",
        }
    }
}

/// The pointer type of every target kit supports today.
pub const PTR: Type = Type::I64;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub struct Value(pub u32);
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub struct Block(pub u32);
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub struct Slot(pub u32);
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub struct Var(pub u32);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    SDiv,
    UDiv,
    SRem,
    URem,
    And,
    Or,
    Xor,
    Shl,
    /// Arithmetic shift right.
    SShr,
    /// Logical shift right.
    UShr,
    FAdd,
    FSub,
    FMul,
    FDiv,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnOp {
    Neg,
    Not,
    FNeg,
    /// Count leading zeros (result has the operand's type).
    Clz,
    Ctz,
    Popcnt,
    Bswap,
    FAbs,
    Sqrt,
}

/// Comparisons produce an `I8` holding 0 or 1.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Eq,
    Ne,
    SLt,
    SLe,
    SGt,
    SGe,
    ULt,
    ULe,
    UGt,
    UGe,
    /// Ordered float comparisons (false if either is NaN)...
    FEq,
    FLt,
    FLe,
    FGt,
    FGe,
    /// ...except not-equal, which is true for NaN (C's `!=`).
    FNe,
    /// True if either is NaN.
    FUno,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ConvOp {
    SExt,
    ZExt,
    Trunc,
    /// f32 → f64
    FExt,
    /// f64 → f32
    FTrunc,
    SToF,
    UToF,
    /// Float to signed integer, truncating toward zero.
    FToS,
    FToU,
    /// Same-size reinterpretation (int ↔ float).
    Bitcast,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AtomicOp {
    Add,
    Sub,
    And,
    Or,
    Xor,
    Nand,
    Xchg,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Callee {
    /// A function by symbol name.
    Direct(String),
    Indirect(Value),
}

/// One parameter in a lowered signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    Scalar(Type),
    /// An aggregate passed by value in memory (on the stack). The caller
    /// passes the address of the object; the callee receives a pointer to its
    /// own copy.
    ByVal {
        size: u32,
        align: u32,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Sig {
    pub params: Vec<Param>,
    pub rets: Vec<Type>,
    /// Returns an aggregate in memory: the first parameter (not listed in
    /// `params`) is the pointer to the result; the callee returns nothing.
    pub sret: bool,
    /// `...`. In a definition, `params` are the named parameters; at a call
    /// site they also list the variadic arguments actually passed.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Iconst(Type, i128),
    Fconst(Type, f64),
    Bin(BinOp, Value, Value),
    Un(UnOp, Value),
    Cmp(CmpOp, Value, Value),
    Conv(ConvOp, Value, Type),
    /// `cond != 0 ? a : b`
    Select(Value, Value, Value),
    Load {
        ty: Type,
        addr: Value,
        offset: i32,
        volatile: bool,
    },
    Store {
        addr: Value,
        offset: i32,
        val: Value,
        volatile: bool,
    },
    SlotAddr(Slot),
    /// Address of a symbol (function or data, possibly thread-local) plus offset.
    SymAddr(String, i64),
    GetVar(Var),
    SetVar(Var, Value),
    /// The i-th incoming parameter (by index into `Sig::params`; a ByVal
    /// parameter yields its address; with `sret` the hidden pointer is
    /// `Param(u32::MAX)`).
    Param(u32),
    Call {
        callee: Callee,
        sig: Sig,
        args: Vec<Value>,
        rets: Vec<Value>,
    },
    /// memcpy(dst, src, size) for non-overlapping aggregates.
    Copy {
        dst: Value,
        src: Value,
        size: u64,
        align: u32,
    },
    /// memset(dst, 0, size)
    Zero {
        dst: Value,
        size: u64,
        align: u32,
    },
    /// Dynamic stack allocation (VLAs, alloca); freed when the function returns.
    Alloca {
        size: Value,
        align: u32,
    },
    /// Initialise the `va_list` object at the address with the variadic
    /// arguments of the current function.
    VaStart(Value),
    AtomicRmw {
        op: AtomicOp,
        ty: Type,
        addr: Value,
        val: Value,
    },
    /// Compare-and-swap; yields the old value.
    AtomicCas {
        ty: Type,
        addr: Value,
        expected: Value,
        new: Value,
    },
    AtomicLoad {
        ty: Type,
        addr: Value,
    },
    AtomicStore {
        addr: Value,
        val: Value,
    },
    Fence,
    /// The caller's frame / return address (`__builtin_frame_address(0)`...).
    FrameAddr,
    ReturnAddr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Inst {
    pub result: Option<Value>,
    pub op: Op,
    /// Source line (0 = unknown) for line tables and backtraces.
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Jump(Block),
    Br {
        cond: Value,
        then: Block,
        els: Block,
    },
    Switch {
        val: Value,
        cases: Vec<(i128, Block)>,
        default: Block,
    },
    Ret(Vec<Value>),
    Unreachable,
    /// A trap (`__builtin_trap`).
    Trap,
}

#[derive(Clone, Debug)]
pub struct BlockData {
    pub insts: Vec<Inst>,
    pub term: Term,
}

#[derive(Clone, Debug)]
pub struct SlotData {
    pub size: u64,
    pub align: u32,
    pub name: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Linkage {
    /// `static`: visible in this module only.
    Internal,
    External,
    Weak,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Visibility {
    Default,
    Hidden,
    Protected,
}

#[derive(Clone, Debug)]
pub struct Function {
    pub name: String,
    pub linkage: Linkage,
    pub visibility: Visibility,
    pub sig: Sig,
    pub slots: Vec<SlotData>,
    pub vars: Vec<Type>,
    pub value_types: Vec<Type>,
    pub blocks: Vec<BlockData>,
    /// Source file and first line, for debug info.
    pub file: String,
    pub line: u32,
    pub section: Option<String>,
    /// Parameters (first, in order) and locals that live in memory, for
    /// debuggers.
    pub debug_locals: Vec<DebugLocal>,
    /// The function's C type (a [`DebugType::Func`]), when built with `-g`.
    pub debug_type: Option<DType>,
}

/// Index into [`Module::debug_types`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct DType(pub u32);

/// How a debugger should read the bytes of a base type.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum BaseEnc {
    Signed,
    Unsigned,
    SignedChar,
    UnsignedChar,
    Bool,
    Float,
    ComplexFloat,
}

/// A member of a [`DebugType::Record`].
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct DebugMember {
    /// None: an anonymous struct/union member or unnamed bit-field.
    pub name: Option<String>,
    pub ty: DType,
    /// Byte offset, or for a bit-field (bit offset from the record's start,
    /// width).
    pub offset: u64,
    pub bits: Option<(u64, u32)>,
}

/// The C types debug info describes: a table the frontend fills
/// (deduplicated) and codegen turns into DWARF type entries. Entries refer
/// to each other by index, so recursive structs are fine.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub enum DebugType {
    Void,
    Base {
        name: String,
        size: u32,
        enc: BaseEnc,
    },
    Pointer(DType),
    Const(DType),
    Volatile(DType),
    Typedef(String, DType),
    /// Element type and length (None: unknown, flexible or variable).
    Array(DType, Option<u64>),
    /// A struct or union; an incomplete one has no members and no size.
    Record {
        name: Option<String>,
        union: bool,
        size: Option<u64>,
        members: Vec<DebugMember>,
    },
    Enum {
        name: Option<String>,
        base: DType,
        values: Vec<(String, i128)>,
    },
    Func {
        ret: DType,
        params: Vec<DType>,
        variadic: bool,
        prototyped: bool,
    },
}

/// Where a debug variable lives.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum DebugLoc {
    Slot(Slot),
    /// The object a by-value (memory-class) parameter points at, by KIR
    /// parameter index: it stays where the caller put it.
    Incoming(u32),
    /// A static object, by symbol.
    Symbol(String),
    /// Not in memory (a register variable at -O1+): the debugger shows the
    /// name as optimized out.
    None,
}

#[derive(Clone, Debug)]
pub struct DebugLocal {
    pub name: String,
    pub loc: DebugLoc,
    /// None when built without `-g`: only the name and place are known.
    pub ty: Option<DType>,
    pub param: bool,
    pub line: u32,
}

/// A file-scope (or function-scope static) object for debuggers.
#[derive(Clone, Debug)]
pub struct DebugGlobal {
    /// The C identifier (the symbol may differ: asm labels).
    pub name: String,
    pub symbol: String,
    pub ty: DType,
    pub line: u32,
    pub external: bool,
}

/// Initial contents of a data object.
#[derive(Clone, Debug, Default)]
pub struct Init {
    pub bytes: Vec<u8>,
    /// (offset, symbol, addend): an address stored at `offset` (pointer-sized).
    pub relocs: Vec<(u64, String, i64)>,
}

#[derive(Clone, Debug)]
pub struct Global {
    pub name: String,
    pub linkage: Linkage,
    pub visibility: Visibility,
    pub size: u64,
    pub align: u32,
    /// None: zero-initialised (`.bss`).
    pub init: Option<Init>,
    pub readonly: bool,
    pub thread_local: bool,
    /// A tentative definition without initializer may become a common symbol.
    pub common: bool,
    pub section: Option<String>,
}

/// A symbol other modules or libraries define, with what kind it is.
#[derive(Clone, Debug)]
pub struct Extern {
    pub name: String,
    pub is_func: bool,
    pub thread_local: bool,
    pub weak: bool,
}

/// `alias` attribute: `name` is another name for `target`.
#[derive(Clone, Debug)]
pub struct Alias {
    pub name: String,
    pub target: String,
    pub linkage: Linkage,
}

#[derive(Clone, Debug, Default)]
pub struct Module {
    pub funcs: Vec<Function>,
    pub globals: Vec<Global>,
    pub externs: Vec<Extern>,
    pub aliases: Vec<Alias>,
    /// Functions to run before `main` / at exit: (symbol, priority).
    pub ctors: Vec<(String, u32)>,
    pub dtors: Vec<(String, u32)>,
    /// Source file name, for debug info.
    pub source_name: String,
    /// C types of the debug info (`-g` only).
    pub debug_types: Vec<DebugType>,
    /// File-scope objects defined here (`-g` only).
    pub debug_globals: Vec<DebugGlobal>,
    pub comp_dir: String,
    /// Assembly (GNU as, AT&T) to assemble into the same object: file-scope
    /// `asm` and the functions inline `asm` statements are outlined to.
    pub asm: Vec<AsmChunk>,
}

#[derive(Clone, Debug, Default)]
pub struct AsmChunk {
    /// The function whose `asm` statement this is (dropped with it).
    pub owner: Option<String>,
    pub text: String,
}

impl Function {
    pub fn new(name: &str, sig: Sig) -> Function {
        Function {
            name: name.to_string(),
            linkage: Linkage::External,
            visibility: Visibility::Default,
            sig,
            slots: Vec::new(),
            vars: Vec::new(),
            value_types: Vec::new(),
            blocks: Vec::new(),
            file: String::new(),
            line: 0,
            section: None,
            debug_locals: Vec::new(),
            debug_type: None,
        }
    }

    pub fn new_block(&mut self) -> Block {
        self.blocks.push(BlockData { insts: Vec::new(), term: Term::Unreachable });
        Block(self.blocks.len() as u32 - 1)
    }
    pub fn new_slot(&mut self, size: u64, align: u32, name: &str) -> Slot {
        self.slots.push(SlotData { size, align, name: name.to_string() });
        Slot(self.slots.len() as u32 - 1)
    }
    pub fn new_var(&mut self, ty: Type) -> Var {
        self.vars.push(ty);
        Var(self.vars.len() as u32 - 1)
    }
    pub fn new_value(&mut self, ty: Type) -> Value {
        self.value_types.push(ty);
        Value(self.value_types.len() as u32 - 1)
    }
    pub fn ty(&self, v: Value) -> Type {
        self.value_types[v.0 as usize]
    }
    pub fn block(&self, b: Block) -> &BlockData {
        &self.blocks[b.0 as usize]
    }
}

/// The type an operation's result has, given its operands' types.
pub fn result_type(f: &Function, op: &Op) -> Option<Type> {
    Some(match op {
        Op::Iconst(t, _) | Op::Fconst(t, _) => *t,
        Op::Bin(_, a, _) => f.ty(*a),
        Op::Un(_, a) => f.ty(*a),
        Op::Cmp(..) => Type::I8,
        Op::Conv(_, _, t) => *t,
        Op::Select(_, a, _) => f.ty(*a),
        Op::Load { ty, .. } => *ty,
        Op::SlotAddr(_) | Op::SymAddr(..) | Op::Alloca { .. } | Op::FrameAddr | Op::ReturnAddr => PTR,
        Op::GetVar(v) => f.vars[v.0 as usize],
        Op::Param(i) => match f.sig.params.get(*i as usize) {
            Some(Param::Scalar(t)) => *t,
            _ => PTR,
        },
        Op::AtomicRmw { ty, .. } | Op::AtomicCas { ty, .. } | Op::AtomicLoad { ty, .. } => *ty,
        Op::Store { .. }
        | Op::SetVar(..)
        | Op::Call { .. }
        | Op::Copy { .. }
        | Op::Zero { .. }
        | Op::VaStart(_)
        | Op::AtomicStore { .. }
        | Op::Fence => return None,
    })
}

/// Appends instructions to a function; tracks the current block.
pub struct Builder<'f> {
    pub func: &'f mut Function,
    pub cur: Block,
    pub line: u32,
}

impl<'f> Builder<'f> {
    pub fn new(func: &'f mut Function) -> Self {
        let cur = if func.blocks.is_empty() { func.new_block() } else { Block(0) };
        Builder { func, cur, line: 0 }
    }

    /// Appends `op`; returns its result value if it has one.
    pub fn push(&mut self, op: Op) -> Option<Value> {
        let result = result_type(self.func, &op).map(|t| self.func.new_value(t));
        let line = self.line;
        self.func.blocks[self.cur.0 as usize].insts.push(Inst { result, op, line });
        result
    }
    /// Appends an op that always has a result.
    pub fn val(&mut self, op: Op) -> Value {
        self.push(op).expect("op has a result")
    }
    pub fn iconst(&mut self, ty: Type, v: i128) -> Value {
        self.val(Op::Iconst(ty, v))
    }
    pub fn bin(&mut self, op: BinOp, a: Value, b: Value) -> Value {
        self.val(Op::Bin(op, a, b))
    }
    pub fn cmp(&mut self, op: CmpOp, a: Value, b: Value) -> Value {
        self.val(Op::Cmp(op, a, b))
    }
    pub fn conv(&mut self, op: ConvOp, a: Value, to: Type) -> Value {
        self.val(Op::Conv(op, a, to))
    }
    pub fn load(&mut self, ty: Type, addr: Value, offset: i32) -> Value {
        self.val(Op::Load { ty, addr, offset, volatile: false })
    }
    pub fn store(&mut self, addr: Value, offset: i32, val: Value) {
        self.push(Op::Store { addr, offset, val, volatile: false });
    }
    pub fn terminate(&mut self, t: Term) {
        self.func.blocks[self.cur.0 as usize].term = t;
    }
    pub fn switch_to(&mut self, b: Block) {
        self.cur = b;
    }
    pub fn new_block(&mut self) -> Block {
        self.func.new_block()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(params: &[Type], rets: &[Type]) -> Sig {
        Sig { params: params.iter().map(|&t| Param::Scalar(t)).collect(), rets: rets.to_vec(), sret: false, variadic: false }
    }

    /// `int add(int a, int b) { return a + b; }` built, verified and printed.
    fn add_function() -> Function {
        let mut f = Function::new("add", sig(&[Type::I32, Type::I32], &[Type::I32]));
        let mut b = Builder::new(&mut f);
        let a = b.val(Op::Param(0));
        let c = b.val(Op::Param(1));
        let s = b.bin(BinOp::Add, a, c);
        b.terminate(Term::Ret(vec![s]));
        f
    }

    #[test]
    fn built_function_verifies_and_prints() {
        let f = add_function();
        verify_function(&f).expect("valid");
        let mut text = String::new();
        crate::print::print_function(&f, &mut text);
        assert!(text.contains("fn @add") && text.contains("add %0, %1") && text.contains("ret %2"), "{text}");
    }

    #[test]
    fn verifier_rejects_mismatched_operands() {
        let mut f = add_function();
        let mut b = Builder::new(&mut f);
        let wide = b.iconst(Type::I64, 1);
        let narrow = b.iconst(Type::I32, 1);
        b.bin(BinOp::Add, wide, narrow);
        let e = verify_function(&f).unwrap_err();
        assert!(e.contains("operand types differ"), "{e}");
    }

    #[test]
    fn verifier_rejects_missing_blocks_and_values() {
        let mut f = add_function();
        f.blocks[0].term = Term::Jump(Block(7));
        assert!(verify_function(&f).unwrap_err().contains("missing block b7"));
        let mut f = add_function();
        f.blocks[0].term = Term::Ret(vec![Value(99)]);
        assert!(verify_function(&f).unwrap_err().contains("undefined value %99"));
    }

    #[test]
    fn loads_need_a_pointer() {
        let mut f = Function::new("ld", sig(&[Type::I32], &[Type::I32]));
        let mut b = Builder::new(&mut f);
        let p = b.val(Op::Param(0));
        let v = b.load(Type::I32, p, 0);
        b.terminate(Term::Ret(vec![v]));
        assert!(verify_function(&f).unwrap_err().contains("load address is not a pointer"));
    }
}
