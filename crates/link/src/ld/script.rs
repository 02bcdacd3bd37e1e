//! Linker scripts: the small ones distributions ship in place of libraries
//! (`libc.so`: `GROUP ( libc.so.6 libc_nonshared.a AS_NEEDED ( ld.so ) )`)
//! and a useful subset of `-T` scripts: `ENTRY`, symbol assignments,
//! `PROVIDE`, and `SECTIONS` with a start address, output sections that
//! collect input sections by pattern, `/DISCARD/`, and assignments of `.`
//! positions inside or between output sections. Addresses of output
//! sections still come from kit's layout (no per-section address or
//! memory regions).

/// One input a script names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ScriptInput {
    /// A path, or `-lname` for a library to search for.
    pub name: String,
    pub as_needed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    Num(u64),
    Sym(String),
    /// `.`: where the assignment stands.
    Dot,
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Align(Box<Expr>),
    SizeofHeaders,
}

impl Expr {
    /// A number not tied to any address: an absolute symbol (no
    /// load-time relocation in a position-independent output).
    pub(crate) fn is_const(&self) -> bool {
        match self {
            Expr::Num(_) | Expr::SizeofHeaders => true,
            Expr::Sym(_) | Expr::Dot | Expr::Align(_) => false,
            Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) => a.is_const() && b.is_const(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Assign {
    pub name: String,
    pub expr: Expr,
    pub provide: bool,
}

/// Where an assignment inside `SECTIONS` stands, which gives `.` its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum At {
    /// Before any output section.
    Start,
    /// Inside output section `name`, before (true) or after its inputs.
    In(String, bool),
    /// After output section `name`.
    After(String),
}

/// `*(.text .text.*)`: a file pattern and section patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rule {
    pub output: String,
    pub file: String,
    pub sections: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Script {
    pub inputs: Vec<ScriptInput>,
    /// Whether the inputs form a group (archives rescanned together).
    pub group: bool,
    pub entry: Option<String>,
    pub search_dirs: Vec<String>,
    /// `. = ADDR` before the first output section.
    pub base: Option<u64>,
    pub assigns: Vec<(At, Assign)>,
    /// Input-to-output section rules in script order (first match wins).
    pub rules: Vec<Rule>,
    /// Output sections in script order.
    pub outputs: Vec<String>,
    /// Whether the script has a SECTIONS command (even an empty one).
    pub has_sections: bool,
}

impl Script {
    /// The output section a script puts an input section in: `Some(None)`
    /// discards it; `None` leaves it to the default rules.
    pub(crate) fn place(&self, file: &str, section: &str) -> Option<Option<&str>> {
        let base = file.rsplit('/').next().unwrap_or(file);
        let member = base.rsplit_once('(').map(|(_, m)| m.trim_end_matches(')')).unwrap_or(base);
        let r =
            self.rules.iter().find(|r| (glob(&r.file, file) || glob(&r.file, member)) && r.sections.iter().any(|p| glob(p, section)))?;
        Some((r.output != "/DISCARD/").then_some(r.output.as_str()))
    }
}

/// `*` and `?` wildcards.
fn glob(pat: &str, s: &str) -> bool {
    let (p, t) = (pat.as_bytes(), s.as_bytes());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(sp) = star {
            pi = sp + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

fn tokens(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || c == b',' {
            i += 1;
        } else if text[i..].starts_with("/*") {
            let end = text[i + 2..].find("*/").ok_or("unterminated comment")?;
            i += end + 4;
        } else if b"(){};:=+".contains(&c) {
            out.push((c as char).to_string());
            i += 1;
        } else if c == b'"' {
            let end = text[i + 1..].find('"').ok_or("unterminated string")?;
            out.push(text[i + 1..i + 1 + end].to_string());
            i += end + 2;
        } else {
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !b"(){};:=+,\"".contains(&b[i]) && !text[i..].starts_with("/*") {
                i += 1;
            }
            out.push(text[start..i].to_string());
        }
    }
    Ok(out)
}

struct P<'a> {
    toks: Vec<String>,
    i: usize,
    path: &'a str,
}

impl P<'_> {
    fn err(&self, m: &str) -> String {
        format!("{}: linker script: {m}", self.path)
    }
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.i).map(String::as_str)
    }
    fn next(&mut self) -> Result<String, String> {
        let t = self.toks.get(self.i).cloned().ok_or_else(|| self.err("unexpected end of script"))?;
        self.i += 1;
        Ok(t)
    }
    fn expect(&mut self, t: &str) -> Result<(), String> {
        let got = self.next()?;
        if got == t { Ok(()) } else { Err(self.err(&format!("expected '{t}', found '{got}'"))) }
    }
    fn eat(&mut self, t: &str) -> bool {
        if self.peek() == Some(t) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expr(&mut self) -> Result<Expr, String> {
        let mut e = self.term()?;
        loop {
            if self.eat("+") {
                e = Expr::Add(Box::new(e), Box::new(self.term()?));
            } else if self.peek() == Some("-") {
                self.i += 1;
                e = Expr::Sub(Box::new(e), Box::new(self.term()?));
            } else {
                return Ok(e);
            }
        }
    }

    fn term(&mut self) -> Result<Expr, String> {
        let mut e = self.atom()?;
        while self.peek() == Some("*") {
            self.i += 1;
            e = Expr::Mul(Box::new(e), Box::new(self.atom()?));
        }
        Ok(e)
    }

    fn atom(&mut self) -> Result<Expr, String> {
        let t = self.next()?;
        match t.as_str() {
            "." => Ok(Expr::Dot),
            "(" => {
                let e = self.expr()?;
                self.expect(")")?;
                Ok(e)
            }
            "ALIGN" => {
                self.expect("(")?;
                let e = self.expr()?;
                self.expect(")")?;
                Ok(Expr::Align(Box::new(e)))
            }
            "SIZEOF_HEADERS" => Ok(Expr::SizeofHeaders),
            _ => match number(&t) {
                Some(n) => Ok(Expr::Num(n)),
                None if t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '$') => Ok(Expr::Sym(t)),
                None => Err(self.err(&format!("'{t}' is not an expression kit understands"))),
            },
        }
    }

    /// `name = expr;` (the name already read) or `PROVIDE(name = expr);`.
    fn assign(&mut self, name: String, provide: bool) -> Result<Assign, String> {
        self.expect("=")?;
        let expr = self.expr()?;
        if provide {
            self.expect(")")?;
        }
        self.eat(";");
        Ok(Assign { name, expr, provide })
    }

    fn sections(&mut self, s: &mut Script) -> Result<(), String> {
        self.expect("{")?;
        let mut last: Option<String> = None;
        while !self.eat("}") {
            let t = self.next()?;
            let at = || last.clone().map_or(At::Start, At::After);
            match t.as_str() {
                "." => {
                    let a = self.assign(".".into(), false)?;
                    if let (None, None, Expr::Num(n)) = (&last, s.base, &a.expr) {
                        s.base = Some(*n);
                        continue;
                    }
                    // Later moves of `.` are left to kit's layout.
                }
                "PROVIDE" | "PROVIDE_HIDDEN" | "HIDDEN" => {
                    self.expect("(")?;
                    let name = self.next()?;
                    let a = self.assign(name, true)?;
                    s.assigns.push((at(), a));
                }
                "ENTRY" => {
                    self.expect("(")?;
                    s.entry = Some(self.next()?);
                    self.expect(")")?;
                }
                _ if self.peek() == Some("=") => {
                    let a = self.assign(t, false)?;
                    s.assigns.push((at(), a));
                }
                _ => {
                    self.output_section(s, t.clone())?;
                    last = Some(t);
                }
            }
        }
        Ok(())
    }

    fn output_section(&mut self, s: &mut Script, name: String) -> Result<(), String> {
        // An address or type before ':' is accepted and left to the layout.
        while !self.eat(":") {
            let t = self.next()?;
            if t == "{" || t == "}" {
                return Err(self.err(&format!("expected ':' after output section {name}")));
            }
        }
        self.expect("{")?;
        if name != "/DISCARD/" {
            s.outputs.push(name.clone());
        }
        let mut seen_input = false;
        while !self.eat("}") {
            let t = self.next()?;
            match t.as_str() {
                "KEEP" | "SORT" | "SORT_BY_NAME" | "SORT_BY_ALIGNMENT" | "SORT_BY_INIT_PRIORITY" => {
                    self.expect("(")?;
                    let file = self.next()?;
                    self.input_rule(s, &name, file)?;
                    self.expect(")")?;
                    seen_input = true;
                }
                "PROVIDE" | "PROVIDE_HIDDEN" | "HIDDEN" => {
                    self.expect("(")?;
                    let n = self.next()?;
                    let a = self.assign(n, true)?;
                    s.assigns.push((At::In(name.clone(), !seen_input), a));
                }
                "." => {
                    self.assign(".".into(), false)?;
                }
                _ if self.peek() == Some("=") => {
                    let a = self.assign(t, false)?;
                    s.assigns.push((At::In(name.clone(), !seen_input), a));
                }
                _ => {
                    self.input_rule(s, &name, t)?;
                    seen_input = true;
                }
            }
        }
        // Trailing `> REGION`, `AT > ...`, `=fill` are not supported.
        if matches!(self.peek(), Some(t) if t.starts_with('>') || t == "AT") {
            return Err(self.err(&format!("memory regions (after output section {name}) are not supported")));
        }
        self.eat(";");
        Ok(())
    }

    /// `file(sec sec...)`, `file` alone, or `*(COMMON)`.
    fn input_rule(&mut self, s: &mut Script, output: &str, file: String) -> Result<(), String> {
        let mut sections = Vec::new();
        if self.eat("(") {
            while !self.eat(")") {
                let t = self.next()?;
                if t == "EXCLUDE_FILE" || t == "SORT" || t == "SORT_BY_NAME" || t == "KEEP" {
                    return Err(self.err(&format!("{t} inside an input section list is not supported")));
                }
                sections.push(if t == "COMMON" { ".bss".into() } else { t });
            }
        } else {
            sections.push("*".into());
        }
        s.rules.push(Rule { output: output.to_string(), file, sections });
        Ok(())
    }
}

fn number(t: &str) -> Option<u64> {
    let (digits, mul) = match t.as_bytes().last()? {
        b'K' | b'k' => (&t[..t.len() - 1], 1024),
        b'M' | b'm' => (&t[..t.len() - 1], 1024 * 1024),
        _ => (t, 1),
    };
    let v = if let Some(h) = digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
        u64::from_str_radix(h, 16).ok()?
    } else {
        digits.parse::<u64>().ok()?
    };
    v.checked_mul(mul)
}

/// Parses a script: library stand-ins and `-T` scripts alike.
pub(crate) fn parse(path: &str, text: &str) -> Result<Script, String> {
    let toks = tokens(text).map_err(|e| format!("{path}: linker script: {e}"))?;
    let mut p = P { toks, i: 0, path };
    let mut s = Script::default();
    while let Some(t) = p.peek().map(str::to_string) {
        p.i += 1;
        match t.as_str() {
            "GROUP" | "INPUT" => {
                s.group |= t == "GROUP";
                p.expect("(")?;
                let mut as_needed = false;
                loop {
                    match p.next()?.as_str() {
                        ")" if as_needed => as_needed = false,
                        ")" => break,
                        "AS_NEEDED" => {
                            p.expect("(")?;
                            as_needed = true;
                        }
                        name => s.inputs.push(ScriptInput { name: name.to_string(), as_needed }),
                    }
                }
            }
            "OUTPUT_FORMAT" | "OUTPUT_ARCH" | "SEARCH_DIR" | "ENTRY" | "OUTPUT" | "TARGET" => {
                p.expect("(")?;
                let mut args = Vec::new();
                while !p.eat(")") {
                    args.push(p.next()?);
                }
                match t.as_str() {
                    "SEARCH_DIR" => s.search_dirs.extend(args),
                    "ENTRY" => s.entry = args.first().cloned(),
                    "OUTPUT_FORMAT" if args.iter().any(|a| !a.contains("x86-64")) => {
                        return Err(p.err(&format!("output format {} is not elf64-x86-64", args.join(", "))));
                    }
                    _ => {}
                }
            }
            "SECTIONS" => {
                s.has_sections = true;
                p.sections(&mut s)?
            }
            "PROVIDE" | "PROVIDE_HIDDEN" | "HIDDEN" => {
                p.expect("(")?;
                let name = p.next()?;
                let a = p.assign(name, true)?;
                s.assigns.push((At::Start, a));
            }
            ";" => {}
            _ if p.peek() == Some("=") => {
                let a = p.assign(t, false)?;
                s.assigns.push((At::Start, a));
            }
            _ => return Err(p.err(&format!("'{t}' is not supported (kit ld understands GROUP, INPUT, AS_NEEDED, OUTPUT_FORMAT, SEARCH_DIR, ENTRY, PROVIDE, assignments and SECTIONS)"))),
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debian_libc_so() {
        let text = "/* GNU ld script\n   Use the shared library, but some functions are only in\n   the static library. */\nOUTPUT_FORMAT(elf64-x86-64)\nGROUP ( /lib/x86_64-linux-gnu/libc.so.6 /usr/lib/x86_64-linux-gnu/libc_nonshared.a  AS_NEEDED ( /lib64/ld-linux-x86-64.so.2 ) )\n";
        let s = parse("libc.so", text).unwrap();
        assert!(s.group);
        let names: Vec<(&str, bool)> = s.inputs.iter().map(|i| (i.name.as_str(), i.as_needed)).collect();
        assert_eq!(
            names,
            [
                ("/lib/x86_64-linux-gnu/libc.so.6", false),
                ("/usr/lib/x86_64-linux-gnu/libc_nonshared.a", false),
                ("/lib64/ld-linux-x86-64.so.2", true)
            ]
        );
    }

    #[test]
    fn sections_script() {
        let text = "ENTRY(go)\nSECTIONS {\n  . = 0x500000;\n  .text : { *(.text .text.*) }\n  __my_start = .;\n  mytable : { KEEP(*(mytable)) }\n  .data : { data_begin = .; *(.data) PROVIDE(data_end = .); }\n  /DISCARD/ : { *(.comment) }\n}\nPROVIDE(answer = 40 + 2);\n";
        let s = parse("t.ld", text).unwrap();
        assert_eq!(s.entry.as_deref(), Some("go"));
        assert_eq!(s.base, Some(0x500000));
        assert_eq!(s.outputs, [".text", "mytable", ".data"]);
        assert_eq!(s.place("a.o", ".text.hot"), Some(Some(".text")));
        assert_eq!(s.place("a.o", "mytable"), Some(Some("mytable")));
        assert_eq!(s.place("lib.a(b.o)", ".comment"), Some(None));
        assert_eq!(s.place("a.o", ".rodata"), None);
        assert_eq!(s.assigns[0], (At::After(".text".into()), Assign { name: "__my_start".into(), expr: Expr::Dot, provide: false }));
        assert_eq!(s.assigns[1].0, At::In(".data".into(), true));
        assert_eq!(s.assigns[2].0, At::In(".data".into(), false));
        assert_eq!(s.assigns[3].1.expr, Expr::Add(Box::new(Expr::Num(40)), Box::new(Expr::Num(2))));
    }

    #[test]
    fn errors_are_clear() {
        assert!(parse("x.ld", "MEMORY { rom : ORIGIN = 0 }").unwrap_err().contains("MEMORY"));
        assert!(parse("x.ld", "GROUP ( a.so").is_err());
        assert!(parse("x.ld", "SECTIONS { .text : { *(.text) } > rom }").unwrap_err().contains("regions"));
    }
}
