//! Initializers: braces, designators, brace elision, string literals →
//! a flat list of (offset, value) stores ([`Init`]).

use super::*;

#[derive(Clone)]
enum Desig {
    Field(Rc<str>, Loc),
    Index(i128, i128),
}

#[derive(Clone)]
enum Node {
    Expr(Expr),
    List(Vec<Item>),
}

#[derive(Clone)]
struct Item {
    desig: Vec<Desig>,
    node: Node,
}

/// A cursor over the items of one brace level.
struct Stream {
    items: Vec<Item>,
    pos: usize,
}

impl Stream {
    fn peek(&self) -> Option<&Item> {
        self.items.get(self.pos)
    }
}

impl<'a> Parser<'a> {
    /// Parses `= ...`'s right side for an object of type `ty`; returns the
    /// flattened initializer and the type completed by it (array sizes).
    pub(super) fn initializer(&mut self, ty: &T, _is_static: bool) -> PResult<(Init, T)> {
        let node = self.init_node()?;
        let mut init = Init { zero_fill: matches!(node, Node::List(_)), items: Vec::new() };
        let mut ty = ty.clone();
        // `__auto_type x = e;`
        if ty.is_void()
            && let Node::Expr(e) = node
        {
            let e = self.rvalue(e);
            ty = unqual(&e.ty);
            init.items.push(InitItem { offset: 0, bits: None, value: InitVal::Expr(e) });
            return Ok((init, ty));
        }
        let mut s = Stream { items: vec![Item { desig: vec![], node }], pos: 0 };
        let mut max = 0u64;
        self.init_obj(&ty, 0, None, &mut s, &mut init, &mut max);
        if let Kind::Array(el, None) = &ty.kind {
            let esz = self.size_of(el).max(1);
            let n = max.div_ceil(esz);
            ty = with_quals(&mk(Kind::Array(el.clone(), Some(n))), ty.is_const, ty.is_volatile, false);
        }
        Ok((init, ty))
    }

    fn init_node(&mut self) -> PResult<Node> {
        if !self.eat(Punct::LBrace) {
            return Ok(Node::Expr(self.assign_expr()?));
        }
        let mut items = Vec::new();
        while !self.is(Punct::RBrace) && !self.at_eof() {
            let mut desig = Vec::new();
            loop {
                if self.eat(Punct::LBracket) {
                    let a = self.const_int_expr().unwrap_or(0);
                    let b = if self.eat(Punct::Ellipsis) { self.const_int_expr().unwrap_or(a) } else { a };
                    self.expect(Punct::RBracket)?;
                    desig.push(Desig::Index(a, b));
                } else if self.is(Punct::Dot) && self.peek_at(1).kind == TokKind::Ident {
                    self.bump();
                    let n = self.bump();
                    desig.push(Desig::Field(n.text.clone(), n.loc));
                } else if self.peek().kind == TokKind::Ident && self.peek_at(1).is_punct(Punct::Colon) && desig.is_empty() {
                    // Old GNU `field: value`.
                    let n = self.bump();
                    self.bump();
                    desig.push(Desig::Field(n.text.clone(), n.loc));
                    break;
                } else {
                    break;
                }
            }
            if !desig.is_empty() {
                self.eat(Punct::Assign);
            }
            let node = self.init_node()?;
            items.push(Item { desig, node });
            if !self.eat(Punct::Comma) {
                break;
            }
        }
        self.expect(Punct::RBrace)?;
        Ok(Node::List(items))
    }

    /// Initialises one object at `off` from the stream (brace elision).
    fn init_obj(&mut self, ty: &T, off: u64, bits: Option<(u32, u32)>, s: &mut Stream, out: &mut Init, max: &mut u64) {
        let Some(item) = s.peek() else { return };
        let is_list = matches!(item.node, Node::List(_));
        let is_char_array = matches!(&ty.kind, Kind::Array(el, _) if el.is_integer() && self.size_of(el) <= 4);
        if is_list {
            let item = std::mem::replace(&mut s.items[s.pos], Item { desig: vec![], node: Node::List(vec![]) });
            s.pos += 1;
            let Node::List(list) = item.node else { unreachable!() };
            if ty.is_scalar() {
                let mut inner = Stream { items: list, pos: 0 };
                if inner.items.is_empty() {
                    let z = int_lit(0, int_t(IntKind::Int), self.loc());
                    let z = self.convert(z, ty);
                    out.items.push(InitItem { offset: off, bits, value: InitVal::Expr(z) });
                    *max = (*max).max(off + self.size_of(ty));
                    return;
                }
                self.init_obj(ty, off, bits, &mut inner, out, max);
                return;
            }
            let mut inner = Stream { items: list, pos: 0 };
            // A braced string for a char array: `char s[] = {"abc"}` (C11 6.7.9p14).
            if is_char_array
                && inner.items.len() == 1
                && inner.items[0].desig.is_empty()
                && matches!(&inner.items[0].node, Node::Expr(e) if matches!(e.kind, ExprKind::Str(_)))
            {
                self.init_obj(ty, off, bits, &mut inner, out, max);
                return;
            }
            self.init_members(ty, off, &mut inner, true, out, max);
            return;
        }
        // A string literal initialising a character array.
        if is_char_array
            && let Some(Item { node: Node::Expr(e), .. }) = s.peek()
            && let ExprKind::Str(b) = &e.kind
        {
            let b = b.clone();
            s.pos += 1;
            let len = match &ty.kind {
                Kind::Array(_, Some(n)) => *n * self.size_of(ty.base().unwrap()),
                _ => b.len() as u64,
            };
            let mut bytes = b.to_vec();
            bytes.resize(len as usize, 0);
            *max = (*max).max(off + len);
            out.items.push(InitItem { offset: off, bits: None, value: InitVal::Bytes(bytes.into()) });
            return;
        }
        if ty.is_scalar() || ty.is_complex() {
            let item = std::mem::replace(&mut s.items[s.pos], Item { desig: vec![], node: Node::List(vec![]) });
            s.pos += 1;
            let Node::Expr(e) = item.node else { unreachable!() };
            let loc = e.loc;
            let e = self.assign_convert(e, ty, loc);
            *max = (*max).max(off + self.size_of(ty));
            out.items.push(InitItem { offset: off, bits, value: InitVal::Expr(e) });
            return;
        }
        if ty.is_vector()
            && let Some(Item { node: Node::Expr(e), .. }) = s.peek()
            && e.ty.is_vector()
        {
            let item = std::mem::replace(&mut s.items[s.pos], Item { desig: vec![], node: Node::List(vec![]) });
            s.pos += 1;
            let Node::Expr(e) = item.node else { unreachable!() };
            *max = (*max).max(off + self.size_of(ty));
            let loc = e.loc;
            let e = self.convert(e, ty);
            let _ = loc;
            out.items.push(InitItem { offset: off, bits: None, value: InitVal::Expr(e) });
            return;
        }
        // A record initialised from an expression of the same type.
        if let Some(Item { node: Node::Expr(e), .. }) = s.peek()
            && e.ty.is_record()
            && let (Kind::Record(a), Kind::Record(b)) = (&e.ty.kind, &ty.kind)
            && a == b
        {
            let item = std::mem::replace(&mut s.items[s.pos], Item { desig: vec![], node: Node::List(vec![]) });
            s.pos += 1;
            let Node::Expr(e) = item.node else { unreachable!() };
            *max = (*max).max(off + self.size_of(ty));
            out.items.push(InitItem { offset: off, bits: None, value: InitVal::Expr(e) });
            return;
        }
        // Brace elision: the aggregate takes its members from this stream.
        self.init_members(ty, off, s, false, out, max);
    }

    /// Initialises the members of an aggregate in order, honouring designators
    /// (only at a braced level: `top`).
    fn init_members(&mut self, ty: &T, off: u64, s: &mut Stream, top: bool, out: &mut Init, max: &mut u64) {
        // A vector initializes like an array of its lanes.
        let as_array;
        let ty = if let Kind::Vector(e, n) = &ty.kind {
            as_array = mk(Kind::Array(e.clone(), Some(*n)));
            &as_array
        } else {
            ty
        };
        match &ty.kind {
            Kind::Array(el, n) => {
                let esz = self.size_of(el);
                let mut idx: i128 = 0;
                while let Some(item) = s.peek() {
                    if let Some(d) = item.desig.first() {
                        if !top {
                            return;
                        }
                        let Desig::Index(a, b) = *d else {
                            self.err(self.loc(), "field designator in array initializer");
                            s.pos += 1;
                            continue;
                        };
                        let (a, b) = (a, b);
                        if a < 0 || n.is_some_and(|n| b as u64 >= n) {
                            self.err(self.loc(), "array index in initializer exceeds array bounds");
                            s.pos += 1;
                            continue;
                        }
                        let it = &mut s.items[s.pos];
                        it.desig.remove(0);
                        let rest_desig = !it.desig.is_empty();
                        let saved = s.pos;
                        // Ranges repeat the same initializer; consuming an item
                        // empties it, so each repetition gets a copy.
                        let template = (a != b).then(|| s.items[saved].clone());
                        for i in a..=b {
                            s.pos = saved;
                            if i != a
                                && let Some(t) = &template
                            {
                                s.items[saved] = t.clone();
                            }
                            let o = off + i as u64 * esz;
                            if rest_desig {
                                self.init_designated(el, o, s, out, max);
                            } else {
                                self.init_obj(el, o, None, s, out, max);
                            }
                        }
                        idx = b + 1;
                        continue;
                    }
                    if n.is_some_and(|n| idx as u64 >= n) {
                        if top {
                            self.warn(self.loc(), "excess elements in array initializer");
                            s.pos = s.items.len();
                        }
                        return;
                    }
                    self.init_obj(el, off + idx as u64 * esz, None, s, out, max);
                    idx += 1;
                }
                *max = (*max).max(off + idx as u64 * esz);
            }
            Kind::Record(rid) => {
                let rec = self.tu.records.get(*rid).clone();
                let mut fi = 0usize;
                while let Some(item) = s.peek() {
                    if let Some(d) = item.desig.first() {
                        if !top {
                            return;
                        }
                        let Desig::Field(name, loc) = d else {
                            self.err(self.loc(), "array index in non-array initializer");
                            s.pos += 1;
                            continue;
                        };
                        let (name, loc) = (name.clone(), *loc);
                        // Find the (possibly anonymous-nested) field index.
                        let Some(i) = rec.fields.iter().position(|f| {
                            f.name.as_deref() == Some(&*name)
                                || (f.name.is_none() && matches!(f.ty.kind, Kind::Record(sub) if self.find_member(sub, &name).is_some()))
                        }) else {
                            self.err(loc, format!("unknown field '{name}' specified in initializer"));
                            s.pos += 1;
                            continue;
                        };
                        let f = rec.fields[i].clone();
                        if f.name.is_none() {
                            // Designator names a member of an anonymous member: keep it.
                            self.init_designated(&f.ty, off + f.offset, s, out, max);
                        } else {
                            s.items[s.pos].desig.remove(0);
                            if s.items[s.pos].desig.is_empty() {
                                self.init_obj(&f.ty, off + f.offset, f.bits, s, out, max);
                            } else {
                                self.init_designated(&f.ty, off + f.offset, s, out, max);
                            }
                        }
                        fi = i + 1;
                        if rec.is_union {
                            fi = rec.fields.len();
                        }
                        continue;
                    }
                    // Skip unnamed bit-fields.
                    while fi < rec.fields.len() && rec.fields[fi].name.is_none() && rec.fields[fi].bits.is_some() {
                        fi += 1;
                    }
                    if fi >= rec.fields.len() {
                        if top {
                            self.warn(self.loc(), "excess elements in struct initializer");
                            s.pos = s.items.len();
                        }
                        return;
                    }
                    let f = rec.fields[fi].clone();
                    self.init_obj(&f.ty, off + f.offset, f.bits, s, out, max);
                    fi += 1;
                    if rec.is_union {
                        fi = rec.fields.len();
                    }
                }
                *max = (*max).max(off + rec.size);
            }
            _ => {
                // Scalar in braces handled by init_obj.
                self.init_obj(ty, off, None, s, out, max);
            }
        }
    }

    /// The current item still has designators that apply inside `ty`.
    fn init_designated(&mut self, ty: &T, off: u64, s: &mut Stream, out: &mut Init, max: &mut u64) {
        let item = std::mem::replace(&mut s.items[s.pos], Item { desig: vec![], node: Node::List(vec![]) });
        s.pos += 1;
        let mut sub = Stream { items: vec![item], pos: 0 };
        self.init_members(ty, off, &mut sub, true, out, max);
    }
}
