//! Statements and block-scope declarations.

use super::decl::Storage;
use super::expr::is_lvalue;
use super::*;

impl<'a> Parser<'a> {
    pub(super) fn label_id(&mut self, name: Rc<str>, loc: Loc, define: bool) -> u32 {
        let fs = self.fs.as_mut().expect("label outside function");
        let id = match fs.labels.get(&name) {
            Some(&id) => id,
            None => {
                fs.nlabels += 1;
                fs.labels.insert(name.clone(), fs.nlabels - 1);
                fs.nlabels - 1
            }
        };
        if define {
            if fs.defined_labels.iter().any(|(n, _)| *n == name) {
                self.err(loc, format!("duplicate label '{name}'"));
            } else {
                self.fs().defined_labels.push((name, loc));
            }
        } else {
            self.fs().used_labels.push((name, loc));
        }
        id
    }

    /// `{ ... }` of a function body (the scope is the function's).
    pub(super) fn compound_body(&mut self) -> PResult<Vec<Stmt>> {
        self.expect(Punct::LBrace)?;
        let mut out = Vec::new();
        self.block_items(&mut out);
        self.expect(Punct::RBrace)?;
        Ok(out)
    }

    /// `{ ... }` with its own scope.
    pub(super) fn compound_stmt_list(&mut self) -> PResult<Vec<Stmt>> {
        self.push_scope();
        let r = self.compound_body();
        self.pop_scope();
        r
    }

    fn block_items(&mut self, out: &mut Vec<Stmt>) {
        while !self.is(Punct::RBrace) && !self.at_eof() {
            if self.diags.too_many() {
                return;
            }
            let before = self.pos;
            let r = if self.starts_block_decl() { self.local_decl().map(|s| out.extend(s)) } else { self.stmt().map(|s| out.push(s)) };
            if r.is_err() {
                self.recover();
                if self.pos == before {
                    self.bump();
                }
            }
        }
    }

    /// Whether a block item is a declaration: `_Static_assert`, or a
    /// declaration specifier after any `__extension__` (which may also start
    /// an expression, as in `__extension__ ({ ... });`). `T:` is a label.
    fn starts_block_decl(&self) -> bool {
        if self.is_kw("_Static_assert") {
            return true;
        }
        let mut i = 0;
        while self.peek_at(i).is_ident("__extension__") {
            i += 1;
        }
        let t = self.peek_at(i);
        t.kind == TokKind::Ident
            && (super::decl::is_type_keyword(&t.text) || self.is_typedef_name(t))
            && !(i == 0 && self.peek_at(1).is_punct(Punct::Colon))
    }

    fn local_decl(&mut self) -> PResult<Option<Stmt>> {
        if self.is_kw("_Static_assert") {
            self.static_assert()?;
            return Ok(None);
        }
        let spec = self.decl_specs(true)?;
        if self.eat(Punct::Semi) {
            return Ok(None);
        }
        let mut decls = Vec::new();
        loop {
            let mut attrs = spec.attrs.clone();
            let (name, ty) = self.declarator(spec.ty.clone(), false, &mut attrs)?;
            let ty = self.vectorize(ty, &attrs);
            let (name, nloc) = name.unwrap();
            if ty.is_func() && self.is(Punct::LBrace) {
                self.err(nloc, format!("nested function '{name}': GNU nested functions are not supported yet"));
                self.skip_braces();
                return Err(Reported);
            }
            let vla = std::mem::take(&mut self.pending_vla);
            if spec.storage == Storage::Typedef {
                let ty = self.typedef_type(ty, &attrs);
                if !vla.is_empty() {
                    decls.extend(vla.into_iter().map(|(id, e)| LocalDecl { local: id, init: None, vla_dims: vec![(id, e)] }));
                }
                self.bind(name, Sym::Typedef(ty));
            } else if spec.storage == Storage::Extern || ty.is_func() {
                let mut s2 = spec.clone();
                if ty.is_func() && s2.storage != Storage::Static {
                    s2.storage = Storage::Extern;
                }
                self.declare_global((name, nloc), ty, &s2, attrs)?;
            } else if spec.storage == Storage::Static {
                // A static local is a file-scope object with a private name.
                self.static_counter += 1;
                let fname = self.fs().name.clone();
                let sym: Rc<str> = format!("{}.{}.{}", fname, name, self.static_counter).into();
                let mut a2 = attrs.clone();
                a2.asm_name = Some(sym.clone());
                // Declare without binding the mangled name in scope.
                self.declare_global((name.clone(), nloc), ty, &spec, a2)?;
                let idx = self.global_index[&sym];
                self.tu.globals[idx].is_static = true;
                self.tu.globals[idx].is_extern = false;
                self.tu.globals[idx].static_in = Some(fname);
                self.bind(name, Sym::Global(idx));
            } else {
                let id = self.new_local(name.clone(), ty.clone(), nloc);
                self.bind(name, Sym::Local(id));
                if let Some(c) = &attrs.cleanup {
                    self.fs().locals[id as usize].cleanup = Some(c.clone());
                    self.fs().locals[id as usize].addr_taken = true;
                }
                if attrs.aligned > 0 {
                    self.fs().locals[id as usize].align = attrs.aligned;
                }
                if let Some(reg) = &attrs.asm_name {
                    self.fs().locals[id as usize].asm_reg = Some(reg.trim_start_matches('%').into());
                }
                let mut init = None;
                if self.eat(Punct::Assign) {
                    let (i, nty) = self.initializer(&ty, false)?;
                    self.fs().locals[id as usize].ty = nty;
                    init = Some(i);
                } else if ty.is_void() {
                    let n = self.fs().locals[id as usize].name.clone();
                    self.err(nloc, format!("variable '{n}' declared void"));
                }
                let lty = self.fs().locals[id as usize].ty.clone();
                if init.is_none() && !lty.is_vla() && !self.is_complete(&lty) && !lty.is_void() {
                    let n = self.tname(&lty);
                    let v = self.fs().locals[id as usize].name.clone();
                    self.err(nloc, format!("storage size of '{v}' isn't known ({n})"));
                }
                decls.push(LocalDecl { local: id, init, vla_dims: vla });
            }
            if !self.eat(Punct::Comma) {
                break;
            }
        }
        self.expect(Punct::Semi)?;
        Ok(if decls.is_empty() { None } else { Some(Stmt::Decl(decls)) })
    }

    fn stmt(&mut self) -> PResult<Stmt> {
        let t = self.peek().clone();
        let loc = t.loc;
        if t.kind == TokKind::Ident {
            if self.peek_at(1).is_punct(Punct::Colon) && !matches!(&*t.text, "default" | "case") {
                self.bump();
                self.bump();
                let mut a = super::decl::Attrs::default();
                self.attributes(&mut a);
                let id = self.label_id(t.text.clone(), loc, true);
                let s = if self.is(Punct::RBrace) {
                    Stmt::Empty
                } else if self.starts_block_decl() {
                    // C23 allows a declaration after a label; gcc accepts it.
                    Stmt::Block(self.local_decl()?.into_iter().collect())
                } else {
                    self.stmt()?
                };
                return Ok(Stmt::Label(id, Box::new(s)));
            }
            match &*t.text {
                "if" => {
                    self.bump();
                    self.expect(Punct::LParen)?;
                    let c = self.expr()?;
                    let c = self.cond_value(c);
                    self.expect(Punct::RParen)?;
                    let then = self.sub_stmt()?;
                    let els = if self.eat_kw("else") { Some(Box::new(self.sub_stmt()?)) } else { None };
                    return Ok(Stmt::If(c, Box::new(then), els));
                }
                "while" => {
                    self.bump();
                    self.expect(Punct::LParen)?;
                    let c = self.expr()?;
                    let c = self.cond_value(c);
                    self.expect(Punct::RParen)?;
                    let body = self.loop_body()?;
                    return Ok(Stmt::While(c, Box::new(body)));
                }
                "do" => {
                    self.bump();
                    let body = self.loop_body()?;
                    if !self.eat_kw("while") {
                        self.err(self.loc(), "expected 'while' in do-while loop");
                        return Err(Reported);
                    }
                    self.expect(Punct::LParen)?;
                    let c = self.expr()?;
                    let c = self.cond_value(c);
                    self.expect(Punct::RParen)?;
                    self.expect(Punct::Semi)?;
                    return Ok(Stmt::DoWhile(Box::new(body), c));
                }
                "for" => {
                    self.bump();
                    self.expect(Punct::LParen)?;
                    self.push_scope();
                    let r = (|| -> PResult<Stmt> {
                        let init = if self.eat(Punct::Semi) {
                            None
                        } else if self.starts_block_decl() {
                            self.local_decl()?.map(Box::new)
                        } else {
                            let e = self.expr()?;
                            self.expect(Punct::Semi)?;
                            Some(Box::new(Stmt::Expr(e)))
                        };
                        let cond = if self.is(Punct::Semi) {
                            None
                        } else {
                            let c = self.expr()?;
                            Some(self.cond_value(c))
                        };
                        self.expect(Punct::Semi)?;
                        let step = if self.is(Punct::RParen) { None } else { Some(self.expr()?) };
                        self.expect(Punct::RParen)?;
                        let body = self.loop_body()?;
                        Ok(Stmt::For(init, cond, step, Box::new(body)))
                    })();
                    self.pop_scope();
                    return r;
                }
                "switch" => {
                    self.bump();
                    self.expect(Punct::LParen)?;
                    let c = self.expr()?;
                    let c = self.promote(c);
                    if !c.ty.is_integer() {
                        self.err(loc, "switch quantity not an integer");
                    }
                    self.expect(Punct::RParen)?;
                    let cty = c.ty.clone();
                    self.fs().switches.push((Vec::new(), None, cty));
                    self.fs().breakable += 1;
                    let body = self.sub_stmt();
                    self.fs().breakable -= 1;
                    let (cases, default, _) = self.fs().switches.pop().unwrap();
                    let body = body?;
                    return Ok(Stmt::Switch { cond: c, body: Box::new(body), cases, default });
                }
                "case" => {
                    self.bump();
                    let lo = self.const_int_expr().unwrap_or(0);
                    let hi = if self.eat(Punct::Ellipsis) { self.const_int_expr().unwrap_or(lo) } else { lo };
                    self.expect(Punct::Colon)?;
                    let Some(sw) = self.fs().switches.last() else {
                        self.err(loc, "case label not within a switch statement");
                        return self.stmt_or_empty();
                    };
                    let k = sw.2.int_kind().unwrap_or(IntKind::Int);
                    let (lo, hi) = (super::expr::wrap_int(lo, k), super::expr::wrap_int(hi, k));
                    let id = self.fs().ncases;
                    self.fs().ncases += 1;
                    self.fs().switches.last_mut().unwrap().0.push((lo, hi, id));
                    let s = self.stmt_or_empty()?;
                    return Ok(Stmt::Case(id, Box::new(s)));
                }
                "default" => {
                    self.bump();
                    self.expect(Punct::Colon)?;
                    if self.fs().switches.is_empty() {
                        self.err(loc, "'default' label not within a switch statement");
                        return self.stmt_or_empty();
                    }
                    let id = self.fs().ncases;
                    self.fs().ncases += 1;
                    if self.fs().switches.last().unwrap().1.is_some() {
                        self.err(loc, "multiple default labels in one switch");
                    }
                    self.fs().switches.last_mut().unwrap().1 = Some(id);
                    let s = self.stmt_or_empty()?;
                    return Ok(Stmt::Case(id, Box::new(s)));
                }
                "break" => {
                    self.bump();
                    self.expect(Punct::Semi)?;
                    if self.fs().breakable == 0 {
                        self.err(loc, "break statement not within loop or switch");
                    }
                    return Ok(Stmt::Break);
                }
                "continue" => {
                    self.bump();
                    self.expect(Punct::Semi)?;
                    if self.fs().continuable == 0 {
                        self.err(loc, "continue statement not within a loop");
                    }
                    return Ok(Stmt::Continue);
                }
                "return" => {
                    self.bump();
                    let ret = self.fs().ret.clone().unwrap();
                    if self.eat(Punct::Semi) {
                        return Ok(Stmt::Return(None, loc));
                    }
                    let e = self.expr()?;
                    self.expect(Punct::Semi)?;
                    if ret.is_void() {
                        if !e.ty.is_void() {
                            self.warn(loc, "'return' with a value, in function returning void");
                        }
                        return Ok(Stmt::Block(vec![Stmt::Expr(e), Stmt::Return(None, loc)]));
                    }
                    let e = self.assign_convert(e, &ret, loc);
                    return Ok(Stmt::Return(Some(e), loc));
                }
                "goto" => {
                    self.bump();
                    if self.eat(Punct::Star) {
                        let e = self.expr()?;
                        let e = self.rvalue(e);
                        self.expect(Punct::Semi)?;
                        return Ok(Stmt::GotoComputed(e));
                    }
                    let n = self.bump();
                    if n.kind != TokKind::Ident {
                        self.err(n.loc, "expected label name after 'goto'");
                        return Err(Reported);
                    }
                    self.expect(Punct::Semi)?;
                    let id = self.label_id(n.text.clone(), n.loc, false);
                    return Ok(Stmt::Goto(id));
                }
                "__asm__" | "asm" | "__asm" => {
                    self.bump();
                    return self.asm_stmt(loc);
                }
                "__kit_pragma" => {
                    self.pragma();
                    return Ok(Stmt::Empty);
                }
                "__label__" => {
                    // Local label declarations: labels are function-scoped
                    // here already, so the names need no further handling.
                    self.bump();
                    while !self.is(Punct::Semi) && !self.at_eof() {
                        self.bump();
                    }
                    self.expect(Punct::Semi)?;
                    return Ok(Stmt::Empty);
                }
                _ => {}
            }
        }
        if t.kind == TokKind::Punct(Punct::LBrace) {
            return Ok(Stmt::Block(self.compound_stmt_list()?));
        }
        if self.eat(Punct::Semi) {
            return Ok(Stmt::Empty);
        }
        let e = self.expr()?;
        self.expect(Punct::Semi)?;
        Ok(Stmt::Expr(e))
    }

    /// `asm (template : outputs : inputs : clobbers : labels)`. A non-empty
    /// template becomes [`Stmt::Asm`] (lowered to an outlined function, see
    /// lower/asm.rs). An empty one (a compiler barrier, or a register
    /// constraint idiom) needs no code: an output tied to an input ("0")
    /// receives the input's value, a `+` operand is evaluated once and keeps
    /// its value.
    fn asm_stmt(&mut self, loc: Loc) -> PResult<Stmt> {
        let mut is_goto = false;
        while self.is_kw("volatile") || self.is_kw("__volatile__") || self.is_kw("__volatile") || self.is_kw("goto") || self.is_kw("inline")
        {
            is_goto |= self.is_kw("goto");
            self.bump();
        }
        self.expect(Punct::LParen)?;
        let mut template = String::new();
        while self.peek().kind == TokKind::Str {
            let t = self.bump();
            let (b, _) = self.decode_string(&t);
            template.push_str(&String::from_utf8_lossy(&b[..b.len().saturating_sub(1)]));
        }
        // (name, constraint, expression) lists for outputs and inputs.
        let mut lists: Vec<Vec<AsmOperand>> = Vec::new();
        for _ in 0..2 {
            if !self.eat(Punct::Colon) {
                break;
            }
            let mut list = Vec::new();
            while self.peek().kind == TokKind::Str || self.is(Punct::LBracket) {
                let mut name = None;
                if self.eat(Punct::LBracket) {
                    name = Some(self.bump().text.to_string());
                    self.expect(Punct::RBracket)?;
                }
                let t = self.bump();
                let (c, _) = self.decode_string(&t);
                let constraint = String::from_utf8_lossy(&c[..c.len().saturating_sub(1)]).into_owned();
                self.expect(Punct::LParen)?;
                let expr = self.expr()?;
                self.expect(Punct::RParen)?;
                list.push(AsmOperand { name, constraint, expr });
                if !self.eat(Punct::Comma) {
                    break;
                }
            }
            lists.push(list);
        }
        let mut clobbers = Vec::new();
        if self.eat(Punct::Colon) {
            while self.peek().kind == TokKind::Str {
                clobbers.push(self.string_literals());
                if !self.eat(Punct::Comma) {
                    break;
                }
            }
        }
        let mut labels = Vec::new();
        if self.eat(Punct::Colon) {
            while self.peek().kind == TokKind::Ident {
                let t = self.bump();
                let name: Rc<str> = Rc::from(&*t.text);
                let id = self.label_id(name.clone(), loc, false);
                labels.push((name, id));
                if !self.eat(Punct::Comma) {
                    break;
                }
            }
        }
        if !self.is(Punct::RParen) {
            let t = self.peek().clone();
            self.err(t.loc, "expected ')' after the asm operands");
            while !self.is(Punct::RParen) && !self.at_eof() {
                self.bump();
            }
        }
        self.expect(Punct::RParen)?;
        self.expect(Punct::Semi)?;
        let outputs = lists.first().cloned().unwrap_or_default();
        let inputs = lists.get(1).cloned().unwrap_or_default();
        if !template.trim().is_empty() || is_goto {
            // The outlined function writes outputs and reads memory operands
            // through their addresses: their objects must live in memory.
            let in_memory = |o: &AsmOperand| o.constraint.split(',').next().unwrap_or("").contains(['m', 'o', 'V']);
            for o in outputs.iter().chain(inputs.iter().filter(|i| in_memory(i))) {
                if is_lvalue(&o.expr) {
                    let _ = self.make_addr(o.expr.clone(), loc);
                } else if outputs.iter().any(|x| std::ptr::eq(x, o)) {
                    self.err(o.expr.loc, "output operand of 'asm' is not an lvalue");
                }
            }
            return Ok(Stmt::Asm(Box::new(AsmStmt { template, outputs, inputs, clobbers, labels, loc })));
        }
        let outputs: Vec<(String, Expr)> = outputs.into_iter().map(|o| (o.constraint, o.expr)).collect();
        let inputs: Vec<(String, Expr)> = inputs.into_iter().map(|o| (o.constraint, o.expr)).collect();
        let mut stmts = Vec::new();
        for (c, e) in &inputs {
            let tied = c.trim_start_matches(['&', '%']).parse::<usize>().ok();
            if tied.is_none() {
                stmts.push(Stmt::Expr(e.clone()));
            }
        }
        for (i, (c, out)) in outputs.iter().enumerate() {
            let tied = inputs.iter().find(|(ic, _)| ic.trim_start_matches(['&', '%']).parse::<usize>().ok() == Some(i));
            if let Some((_, input)) = tied {
                let a = self.make_assign(out.clone(), input.clone(), loc);
                stmts.push(Stmt::Expr(a));
            } else if c.starts_with('+') && (out.ty.is_arith() || out.ty.is_ptr()) && !out.ty.is_complex() {
                // Read and written by the (empty) template: evaluate once.
                let lty = unqual(&out.ty);
                let zero = int_lit(0, int_t(IntKind::Int), loc);
                let (rhs, op_ty) = if lty.is_ptr() {
                    (self.convert(zero, &int_t(IntKind::Long)), lty.clone())
                } else {
                    let t = self.arith_type(&lty, &int_t(IntKind::Int));
                    (self.convert(zero, &t), t)
                };
                let e = Expr {
                    kind: ExprKind::CompoundAssign { op: BinOp::Add, lhs: Box::new(out.clone()), rhs: Box::new(rhs), op_ty },
                    ty: lty,
                    loc,
                };
                stmts.push(Stmt::Expr(e));
            } else {
                let a = self.make_addr(out.clone(), loc);
                stmts.push(Stmt::Expr(a));
            }
        }
        Ok(Stmt::Block(stmts))
    }

    fn stmt_or_empty(&mut self) -> PResult<Stmt> {
        if self.is(Punct::RBrace) {
            return Ok(Stmt::Empty);
        }
        if self.starts_block_decl() {
            return Ok(Stmt::Block(self.local_decl()?.into_iter().collect()));
        }
        self.stmt()
    }

    /// A statement that is a sub-statement of if/else/switch: its own scope.
    fn sub_stmt(&mut self) -> PResult<Stmt> {
        self.push_scope();
        let r = self.stmt();
        self.pop_scope();
        r
    }

    fn loop_body(&mut self) -> PResult<Stmt> {
        self.fs().breakable += 1;
        self.fs().continuable += 1;
        let r = self.sub_stmt();
        self.fs().breakable -= 1;
        self.fs().continuable -= 1;
        r
    }
}
