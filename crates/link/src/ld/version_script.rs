//! Version scripts (`--version-script`) and dynamic lists (`--dynamic-list`):
//! parsing, and the rule GNU ld uses to decide which node (and which scope,
//! global or local) a symbol belongs to. `symver` applies the result to the
//! symbols a link exports.
//!
//! Grammar (both files share the body syntax):
//!
//! ```text
//! script  = node* | '{' body '}' ';'          (one anonymous node)
//! node    = NAME '{' body '}' NAME* ';'       (the trailing names are parents)
//! body    = ( ('global' | 'local') ':' | pattern ';' | extern )*
//! extern  = 'extern' STRING '{' (pattern ';'?)* '}' ';'?
//! list    = '{' (pattern ';' | extern)* '}' ';'    (a dynamic list)
//! ```

/// A symbol pattern: a glob, or a literal name (no glob characters, or
/// quoted inside an `extern` block).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pattern {
    pub text: String,
    pub literal: bool,
}

impl Pattern {
    fn new(text: &str, quoted: bool) -> Pattern {
        Pattern { text: text.to_string(), literal: quoted || !text.contains(['*', '?', '[']) }
    }

    pub(crate) fn matches(&self, name: &str) -> bool {
        if self.literal { self.text == name } else { glob(self.text.as_bytes(), name.as_bytes()) }
    }

    /// `*` alone: the catch-all that every more specific match beats.
    fn is_star(&self) -> bool {
        !self.literal && self.text == "*"
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Node {
    /// Empty for the anonymous node (which defines no version).
    pub name: String,
    pub globals: Vec<Pattern>,
    pub locals: Vec<Pattern>,
    /// The versions this one inherits from (`VERS_2 { ... } VERS_1;`).
    pub parents: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct VersionScript {
    pub nodes: Vec<Node>,
}

/// Where a version script puts a symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Exported, in node `n` (an index into `nodes`).
    Global(usize),
    /// Not exported.
    Local,
}

impl VersionScript {
    pub(crate) fn node(&self, name: &str) -> Option<usize> {
        self.nodes.iter().position(|n| !n.name.is_empty() && n.name == name)
    }

    /// GNU ld's precedence: a literal match wins at once (in node order,
    /// globals before locals); otherwise a specific wildcard, global before
    /// local, beats a bare `*`, global before local. `None`: unmatched.
    pub(crate) fn scope(&self, name: &str) -> Option<Scope> {
        let (mut global, mut local, mut star_global, mut star_local) = (None, None, None, None);
        for (i, n) in self.nodes.iter().enumerate() {
            for p in n.globals.iter().filter(|p| p.matches(name)) {
                if p.literal {
                    return Some(Scope::Global(i));
                }
                if p.is_star() { star_global = Some(i) } else { global = Some(i) }
            }
            for p in n.locals.iter().filter(|p| p.matches(name)) {
                if p.literal {
                    return Some(Scope::Local);
                }
                if p.is_star() { star_local = Some(i) } else { local = Some(i) }
            }
        }
        if let Some(g) = global.or(star_global.filter(|_| local.is_none())) {
            return Some(Scope::Global(g));
        }
        local.or(star_local).map(|_| Scope::Local)
    }

    /// For a symbol named `base@VERSION` in an object: whether the node's own
    /// `local:` patterns hide it (its globals take precedence).
    pub(crate) fn hides_in_node(&self, node: usize, base: &str) -> bool {
        let n = &self.nodes[node];
        !n.globals.iter().any(|p| p.matches(base)) && n.locals.iter().any(|p| p.matches(base))
    }
}

/// `glob(pattern, name)` with `*`, `?`, `[...]` (ranges, `!`/`^` negation)
/// and `\` escapes, as fnmatch without flags.
fn glob(p: &[u8], s: &[u8]) -> bool {
    // Iterative with one backtrack point: the last `*` seen.
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        let step = match p.get(pi) {
            Some(b'*') => {
                star = Some((pi + 1, si));
                pi += 1;
                continue;
            }
            Some(b'?') => Some(pi + 1),
            Some(b'[') => class(p, pi, s[si]),
            Some(b'\\') if pi + 1 < p.len() => (p[pi + 1] == s[si]).then_some(pi + 2),
            Some(&c) => (c == s[si]).then_some(pi + 1),
            None => None,
        };
        match (step, star) {
            (Some(next), _) => {
                pi = next;
                si += 1;
            }
            (None, Some((sp, ss))) => {
                pi = sp;
                si = ss + 1;
                star = Some((sp, ss + 1));
            }
            (None, None) => return false,
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// Matches `c` against the bracket expression at `p[at]`; returns the
/// index after it on a match. An unterminated `[` matches itself.
fn class(p: &[u8], at: usize, c: u8) -> Option<usize> {
    let mut i = at + 1;
    let negate = matches!(p.get(i), Some(b'!' | b'^'));
    if negate {
        i += 1;
    }
    let mut hit = false;
    let mut first = true;
    loop {
        let &lo = p.get(i)?;
        if lo == b']' && !first {
            break;
        }
        first = false;
        if p.get(i + 1) == Some(&b'-') && p.get(i + 2).is_some_and(|&h| h != b']') {
            hit |= (lo..=p[i + 2]).contains(&c);
            i += 3;
        } else {
            hit |= lo == c;
            i += 1;
        }
    }
    (hit != negate).then_some(i + 1)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Word(String),
    Str(String),
    Punct(char),
}

fn lex(path: &str, text: &str) -> Result<Vec<(Tok, usize)>, String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            _ if c.is_ascii_whitespace() => i += 1,
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].find("*/").ok_or_else(|| format!("{path}:{line}: unterminated comment"))?;
                line += text[i..i + 2 + end].matches('\n').count();
                i += end + 4;
            }
            b'{' | b'}' | b';' | b':' => {
                out.push((Tok::Punct(c as char), line));
                i += 1;
            }
            b'"' => {
                let end = text[i + 1..].find('"').ok_or_else(|| format!("{path}:{line}: unterminated string"))?;
                out.push((Tok::Str(text[i + 1..i + 1 + end].to_string()), line));
                i += end + 2;
            }
            _ => {
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && !b"{};:\"#".contains(&b[i]) {
                    // `/*` starts a comment even right after a name.
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        break;
                    }
                    i += 1;
                }
                if start == i {
                    return Err(format!("{path}:{line}: unexpected '{}'", c as char));
                }
                out.push((Tok::Word(text[start..i].to_string()), line));
            }
        }
    }
    Ok(out)
}

struct Parser<'a> {
    path: &'a str,
    toks: Vec<(Tok, usize)>,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at).map(|t| &t.0)
    }

    fn err(&self, what: &str) -> String {
        let line = self.toks.get(self.at).or(self.toks.last()).map_or(1, |t| t.1);
        let found = match self.peek() {
            Some(Tok::Word(w)) => format!("'{w}'"),
            Some(Tok::Str(s)) => format!("\"{s}\""),
            Some(Tok::Punct(c)) => format!("'{c}'"),
            None => "end of file".into(),
        };
        format!("{}:{line}: expected {what}, found {found}", self.path)
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(&Tok::Punct(c));
        self.at += usize::from(hit);
        hit
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.eat(c) { Ok(()) } else { Err(self.err(&format!("'{c}'"))) }
    }

    fn word(&mut self) -> Option<String> {
        match self.peek() {
            Some(Tok::Word(w)) => {
                let w = w.clone();
                self.at += 1;
                Some(w)
            }
            _ => None,
        }
    }

    /// body (after `{`, through `}`); `labels` allows `global:`/`local:`.
    fn body(&mut self, node: &mut Node, labels: bool) -> Result<(), String> {
        let mut local = false;
        loop {
            if self.eat('}') {
                return Ok(());
            }
            let Some(w) = self.word() else { return Err(self.err("a symbol pattern or '}'")) };
            if labels && (w == "global" || w == "local") && self.eat(':') {
                local = w == "local";
                continue;
            }
            let list = if local { &mut node.locals } else { &mut node.globals };
            if w == "extern"
                && let Some(Tok::Str(lang)) = self.peek().cloned()
            {
                self.at += 1;
                if lang != "C" {
                    return Err(format!("{}: extern \"{lang}\" patterns need {lang} name demangling, which kit ld does not do", self.path));
                }
                self.expect('{')?;
                while !self.eat('}') {
                    match self.peek().cloned() {
                        Some(Tok::Word(p)) => list.push(Pattern::new(&p, false)),
                        Some(Tok::Str(p)) => list.push(Pattern::new(&p, true)),
                        _ => return Err(self.err("a symbol pattern or '}'")),
                    }
                    self.at += 1;
                    self.eat(';');
                }
                self.eat(';');
                continue;
            }
            list.push(Pattern::new(&w, false));
            self.expect(';')?;
        }
    }
}

/// Parses a version script; `path` names it in errors.
pub(crate) fn parse(path: &str, text: &str) -> Result<VersionScript, String> {
    let mut p = Parser { path, toks: lex(path, text)?, at: 0 };
    let mut script = VersionScript::default();
    while p.peek().is_some() {
        let mut node = Node { name: p.word().unwrap_or_default(), ..Node::default() };
        p.expect('{')?;
        p.body(&mut node, true)?;
        while let Some(parent) = p.word() {
            node.parents.push(parent);
        }
        p.expect(';')?;
        let anonymous = node.name.is_empty() || script.nodes.iter().any(|n| n.name.is_empty());
        if anonymous && !script.nodes.is_empty() {
            return Err(format!("{path}: an anonymous version node cannot be combined with other version nodes"));
        }
        if !node.name.is_empty() && script.node(&node.name).is_some() {
            return Err(format!("{path}: duplicate version node '{}'", node.name));
        }
        for parent in &node.parents {
            if script.node(parent).is_none() {
                return Err(format!("{path}: version node '{}' depends on '{parent}', which is not defined before it", node.name));
            }
        }
        script.nodes.push(node);
    }
    Ok(script)
}

/// Parses a dynamic list: one brace-enclosed list of patterns.
pub(crate) fn parse_dynamic_list(path: &str, text: &str) -> Result<Vec<Pattern>, String> {
    let mut p = Parser { path, toks: lex(path, text)?, at: 0 };
    let mut node = Node::default();
    p.expect('{')?;
    p.body(&mut node, false)?;
    p.expect(';')?;
    if p.peek().is_some() {
        return Err(p.err("end of file"));
    }
    Ok(node.globals)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pat(s: &str) -> Pattern {
        Pattern::new(s, false)
    }

    #[test]
    fn globs() {
        for (p, s) in
            [("*", "x"), ("f*", "foo"), ("f?o", "foo"), ("[a-c]x", "bx"), ("[!a]x", "bx"), ("a*b*c", "aXbYbc"), ("\\*", "*"), ("*", "")]
        {
            assert!(pat(p).matches(s), "{p} should match {s}");
        }
        for (p, s) in [("f*", "bar"), ("f?o", "fo"), ("[a-c]x", "dx"), ("[^b]x", "bx"), ("a*b*c", "abcd"), ("foo", "foo2"), ("[]", "[]")] {
            assert!(!pat(p).matches(s), "{p} should not match {s}");
        }
        // A quoted pattern in an extern block is literal.
        assert!(Pattern::new("a*", true).matches("a*") && !Pattern::new("a*", true).matches("ab"));
    }

    #[test]
    fn anonymous_script() {
        let s = parse("v.map", "{ global: a; b*; local: *; };").unwrap();
        assert_eq!(s.nodes.len(), 1);
        assert_eq!(s.scope("a"), Some(Scope::Global(0)));
        assert_eq!(s.scope("bar"), Some(Scope::Global(0)));
        assert_eq!(s.scope("c"), Some(Scope::Local));
        // Patterns before any label are global.
        assert_eq!(parse("v", "{ x; };").unwrap().scope("x"), Some(Scope::Global(0)));
        assert_eq!(parse("v", "{ x; };").unwrap().scope("y"), None);
    }

    #[test]
    fn named_nodes_comments_and_extern() {
        let text = "# leading comment\nVERS_1.0 { global: foo; /* inline */ data_*; local: *; };\n\
                    VERS_2.0 {\n global:\n  bar;\n  extern \"C\" { baz; \"q*\" };\n} VERS_1.0;\n";
        let s = parse("v.map", text).unwrap();
        assert_eq!(s.nodes[1].name, "VERS_2.0");
        assert_eq!(s.nodes[1].parents, ["VERS_1.0"]);
        assert_eq!(s.scope("foo"), Some(Scope::Global(0)));
        assert_eq!(s.scope("data_x"), Some(Scope::Global(0)));
        assert_eq!(s.scope("bar"), Some(Scope::Global(1)));
        assert_eq!(s.scope("baz"), Some(Scope::Global(1)));
        assert_eq!(s.scope("q*"), Some(Scope::Global(1)));
        assert_eq!(s.scope("qx"), Some(Scope::Local));
        assert_eq!(s.scope("helper"), Some(Scope::Local));
        assert_eq!(s.node("VERS_2.0"), Some(1));
        assert!(s.hides_in_node(0, "old") && !s.hides_in_node(0, "foo") && !s.hides_in_node(1, "old"));
    }

    #[test]
    fn precedence_follows_gnu_ld() {
        // A literal local beats a wildcard global; a specific wildcard beats `*`.
        let s = parse("v", "V1 { global: f*; local: foo; }; V2 { global: *; local: g*; };").unwrap();
        assert_eq!(s.scope("foo"), Some(Scope::Local));
        assert_eq!(s.scope("fx"), Some(Scope::Global(0)));
        assert_eq!(s.scope("gx"), Some(Scope::Local));
        assert_eq!(s.scope("hx"), Some(Scope::Global(1)));
        // A literal in a later node still beats a wildcard in an earlier one.
        let s = parse("v", "V1 { global: *; }; V2 { global: x; };").unwrap();
        assert_eq!(s.scope("x"), Some(Scope::Global(1)));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = parse("v.map", "V1 { global: a }; ").unwrap_err();
        assert!(e.starts_with("v.map:1:") && e.contains("';'"), "{e}");
        assert!(parse("v.map", "V1 { a; }; V1 { b; };").unwrap_err().contains("duplicate"));
        assert!(parse("v.map", "{ a; }; V1 { b; };").unwrap_err().contains("anonymous"));
        assert!(parse("v.map", "V2 { a; } V1;").unwrap_err().contains("'V1'"));
        assert!(parse("v.map", "{ extern \"C++\" { ns::f; }; };").unwrap_err().contains("demangling"));
        assert!(parse("v.map", "/* open").unwrap_err().contains("unterminated"));
        assert!(parse("v.map", "{ a;").is_err());
    }

    #[test]
    fn dynamic_lists() {
        let l = parse_dynamic_list("d.list", "{ a; b*; extern \"C\" { c; }; };").unwrap();
        assert_eq!(l, [pat("a"), pat("b*"), pat("c")]);
        assert!(parse_dynamic_list("d.list", "{ a; }; { b; };").is_err());
        assert!(parse_dynamic_list("d.list", "{ a; }").is_err());
    }
}
