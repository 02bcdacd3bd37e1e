//! C types → KIR's debug-type table (`-g`): compact (every distinct type
//! once) and only the types some object or function uses.

use super::ModCx;
use crate::types::*;
use kir::{BaseEnc, DType, DebugMember, DebugType};
use std::collections::HashMap;

/// Deeper type nesting than this is described as `void` rather than risk
/// the stack on pathological input.
const MAX_DEPTH: u32 = 200;

#[derive(Default)]
pub(super) struct DebugTypes {
    known: HashMap<DebugType, DType>,
    /// Records and enums by identity: a record's entry exists before its
    /// members are described, which is what lets `struct node *next` refer
    /// back to it.
    records: HashMap<u32, DType>,
    enums: HashMap<u32, DType>,
    depth: u32,
}

fn int_base(k: IntKind) -> DebugType {
    use IntKind::*;
    let (name, enc) = match k {
        Bool => ("_Bool", BaseEnc::Bool),
        Char => ("char", BaseEnc::SignedChar),
        SChar => ("signed char", BaseEnc::SignedChar),
        UChar => ("unsigned char", BaseEnc::UnsignedChar),
        Short => ("short int", BaseEnc::Signed),
        UShort => ("short unsigned int", BaseEnc::Unsigned),
        Int => ("int", BaseEnc::Signed),
        UInt => ("unsigned int", BaseEnc::Unsigned),
        Long => ("long int", BaseEnc::Signed),
        ULong => ("long unsigned int", BaseEnc::Unsigned),
        LLong => ("long long int", BaseEnc::Signed),
        ULLong => ("long long unsigned int", BaseEnc::Unsigned),
        I128 => ("__int128", BaseEnc::Signed),
        U128 => ("__int128 unsigned", BaseEnc::Unsigned),
    };
    DebugType::Base { name: name.into(), size: k.size() as u32, enc }
}

fn float_base(k: FloatKind, complex: bool) -> DebugType {
    let name = match k {
        FloatKind::Float => "float",
        FloatKind::Double => "double",
        FloatKind::LDouble => "long double",
    };
    if complex {
        DebugType::Base { name: format!("complex {name}"), size: 2 * k.size() as u32, enc: BaseEnc::ComplexFloat }
    } else {
        DebugType::Base { name: name.into(), size: k.size() as u32, enc: BaseEnc::Float }
    }
}

impl ModCx<'_, '_> {
    fn intern(&mut self, t: DebugType) -> DType {
        if let Some(&id) = self.dtypes.known.get(&t) {
            return id;
        }
        let id = DType(self.m.debug_types.len() as u32);
        self.m.debug_types.push(t.clone());
        self.dtypes.known.insert(t, id);
        id
    }

    /// The debug type of `t`, with its typedef name and qualifiers.
    pub(super) fn debug_type(&mut self, t: &CType) -> DType {
        if self.dtypes.depth >= MAX_DEPTH {
            return self.intern(DebugType::Void);
        }
        self.dtypes.depth += 1;
        let ty = match &t.typedef {
            Some(td) => {
                let (name, named) = &**td;
                let inner = self.debug_type(named);
                let ty = self.intern(DebugType::Typedef(name.to_string(), inner));
                // Only the qualifiers added where the typedef name was used.
                self.qualify(ty, t.is_const && !named.is_const, t.is_volatile && !named.is_volatile)
            }
            None => {
                let core = self.core_type(t);
                self.qualify(core, t.is_const, t.is_volatile)
            }
        };
        self.dtypes.depth -= 1;
        ty
    }

    fn qualify(&mut self, mut ty: DType, is_const: bool, is_volatile: bool) -> DType {
        if is_volatile {
            ty = self.intern(DebugType::Volatile(ty));
        }
        if is_const {
            ty = self.intern(DebugType::Const(ty));
        }
        ty
    }

    fn core_type(&mut self, t: &CType) -> DType {
        let d = match &t.kind {
            Kind::Void => DebugType::Void,
            Kind::Int(k) if t.enum_tag != 0 => return self.enum_type(t.enum_tag, *k),
            Kind::Int(k) => int_base(*k),
            Kind::Float(k) => float_base(*k, false),
            Kind::Complex(k) => float_base(*k, true),
            // DWARF has no complex integer encoding: show the two parts.
            Kind::ComplexInt(k) => DebugType::Array(self.debug_type(&int_t(*k)), Some(2)),
            Kind::Ptr(b) => DebugType::Pointer(self.debug_type(b)),
            Kind::Array(e, n) => DebugType::Array(self.debug_type(e), *n),
            Kind::Vla(e, _) => DebugType::Array(self.debug_type(e), None),
            Kind::Vector(e, n) => DebugType::Array(self.debug_type(e), Some(*n)),
            Kind::Func(f) => {
                let ret = self.debug_type(&f.ret);
                let params = f.params.iter().map(|p| self.debug_type(p)).collect();
                DebugType::Func { ret, params, variadic: f.variadic, prototyped: !f.unprototyped }
            }
            Kind::Record(id) => return self.record_type(*id),
        };
        self.intern(d)
    }

    fn enum_type(&mut self, tag: u32, k: IntKind) -> DType {
        if let Some(&d) = self.dtypes.enums.get(&tag) {
            return d;
        }
        let base = self.intern(int_base(k));
        let (name, values) = match self.tu.enums.get(&tag) {
            Some((name, values)) => (name.as_ref().map(|n| n.to_string()), values.iter().map(|(n, v)| (n.to_string(), *v)).collect()),
            None => (None, Vec::new()),
        };
        let d = self.intern(DebugType::Enum { name, base, values });
        self.dtypes.enums.insert(tag, d);
        d
    }

    fn record_type(&mut self, id: u32) -> DType {
        if let Some(&d) = self.dtypes.records.get(&id) {
            return d;
        }
        let d = DType(self.m.debug_types.len() as u32);
        self.m.debug_types.push(DebugType::Void);
        self.dtypes.records.insert(id, d);
        let r = self.recs().get(id);
        let mut members = Vec::with_capacity(r.fields.len());
        for f in &r.fields {
            // Unnamed bit-fields are padding, as in gcc's output.
            if f.name.is_none() && f.bits.is_some() {
                continue;
            }
            let ty = self.debug_type(&f.ty);
            let bits = f.bits.map(|(b, w)| (f.offset.saturating_mul(8).saturating_add(b as u64), w));
            members.push(DebugMember { name: f.name.as_ref().map(|n| n.to_string()), ty, offset: f.offset, bits });
        }
        self.m.debug_types[d.0 as usize] = DebugType::Record {
            name: r.name.as_ref().map(|n| n.to_string()),
            union: r.is_union,
            size: r.complete.then_some(r.size),
            members,
        };
        d
    }
}
