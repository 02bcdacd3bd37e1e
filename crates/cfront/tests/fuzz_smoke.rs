//! Fuzz smoke test: truncated and mutated real C sources must never make the
//! preprocessor, parser or lowering panic or hang. Uses Lua's sources from
//! the test cache (tests/fetch-material.sh; required in CI) and kit's own C
//! test programs. The unmutated sources must compile; each test reports how
//! many cases reached each phase (`--nocapture`) and checks that most of
//! the grammar-keeping cases reach lowering, where the deeper bugs live.

use cfront::diag::Diags;
use cfront::source::{FileLoader, SourceMap};
use cfront::token::{TokKind, Token};

struct Fs;

impl FileLoader for Fs {
    fn load(&self, path: &str) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|e| e.to_string())
    }
    fn exists(&self, path: &str) -> bool {
        std::path::Path::new(path).is_file()
    }
}

fn opts(dir: &str) -> cfront::pp::PpOptions {
    cfront::pp::PpOptions {
        // The original file's directory, so a truncated copy elsewhere still
        // finds the headers beside its original.
        include_dirs: vec![dir.to_string()],
        system_dirs: vec!["/usr/local/include".into(), "/usr/include/x86_64-linux-gnu".into(), "/usr/include".into()],
        ..Default::default()
    }
}

/// How far a case got.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    /// The preprocessor reported an error.
    Preprocess,
    /// The parser reported an error.
    Parse,
    /// Lowering to KIR ran (whatever it said).
    Lower,
}

fn preprocess(path: &str, dir: &str) -> (Vec<Token>, bool) {
    let mut sm = SourceMap::default();
    let mut d = Diags::default();
    let toks = cfront::pp::preprocess(path, &opts(dir), &Fs, &mut sm, &mut d).tokens;
    (toks, d.has_errors())
}

fn parse_and_lower(toks: Vec<Token>) -> Phase {
    let mut d = Diags::default();
    let tu = cfront::parse::parse(toks, &Default::default(), &mut d);
    if d.has_errors() {
        return Phase::Parse;
    }
    let o = cfront::lower::LowerOptions { opt_level: 1, file: "f.c".into(), comp_dir: "/".into(), debug: true };
    let _ = cfront::lower::lower(&tu, &o, &mut d);
    Phase::Lower
}

/// Counts of cases per phase reached, printed with `--nocapture`.
#[derive(Default)]
struct Tally {
    preprocess: usize,
    parse: usize,
    lower: usize,
}

impl Tally {
    fn add(&mut self, p: Phase) {
        match p {
            Phase::Preprocess => self.preprocess += 1,
            Phase::Parse => self.parse += 1,
            Phase::Lower => self.lower += 1,
        }
    }
    fn total(&self) -> usize {
        self.preprocess + self.parse + self.lower
    }
    fn report(&self, what: &str) {
        eprintln!(
            "{what}: {} cases: {} stopped in the preprocessor, {} in the parser, {} reached lowering",
            self.total(),
            self.preprocess,
            self.parse,
            self.lower
        );
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// (source, the directory its headers are in)
fn sources() -> Vec<(String, String)> {
    let mut v = Vec::new();
    let root = env!("CARGO_MANIFEST_DIR");
    let cache =
        std::env::var("KIT_TEST_CACHE").unwrap_or_else(|_| format!("{}/.cache/kit-tests", std::env::var("HOME").unwrap_or_default()));
    v.push((format!("{root}/../../tests/smoke/hello.c"), format!("{root}/../../tests/smoke")));
    for f in ["lua/lstrlib.c", "lua/lparser.c", "lua/ltable.c"] {
        let p = format!("{cache}/{f}");
        if std::path::Path::new(&p).is_file() {
            v.push((p, format!("{cache}/lua")));
        } else {
            assert!(std::env::var_os("CI").is_none(), "{p} is required when CI is set (tests/fetch-material.sh)");
            eprintln!("note: {p} not present; run tests/fetch-material.sh for the full fuzz smoke");
        }
    }
    if v.len() > 1 {
        v.push((format!("{root}/../../tests/programs/lua-driver.c"), format!("{cache}/lua")));
    }
    v
}

fn have_system_headers() -> bool {
    let found = std::path::Path::new("/usr/include/stdio.h").exists();
    assert!(found || std::env::var_os("CI").is_none(), "system headers are required when CI is set");
    found
}

const OPERATORS: &[&str] = &["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "<", ">", "<=", ">=", "==", "!="];
const NUMBERS: &[&str] = &["0", "1", "2", "-1", "255", "0x7fffffff", "4294967295u", "9223372036854775807LL"];

/// Mutations that keep the token stream mostly well-formed (so lowering
/// runs): another operator of the same kind, another number, a swapped
/// pair of identifiers, or a dropped expression statement.
fn mutate_semantically(t: &mut [Token], rng: &mut Rng) {
    for _ in 0..1 + rng.below(4) {
        let i = rng.below(t.len());
        let tok = &t[i];
        match tok.kind {
            TokKind::Punct(_) if OPERATORS.contains(&&*tok.text) => {
                let op = OPERATORS[rng.below(OPERATORS.len())];
                let mut d = Diags::default();
                if let Some(new) = cfront::lex::tokenize(tok.loc.file, op, &mut d).into_iter().next() {
                    t[i] = Token { loc: tok.loc, flags: tok.flags, ..new };
                }
            }
            TokKind::Number => {
                let mut d = Diags::default();
                let n = NUMBERS[rng.below(NUMBERS.len())];
                if let Some(new) = cfront::lex::tokenize(tok.loc.file, n, &mut d).into_iter().next() {
                    t[i] = Token { loc: tok.loc, flags: tok.flags, ..new };
                }
            }
            TokKind::Ident => {
                // Another identifier used nearby (often another variable).
                let j = (i + rng.below(40)).min(t.len() - 1);
                if t[j].kind == TokKind::Ident {
                    let text = t[j].text.clone();
                    t[i].text = text;
                }
            }
            _ => {}
        }
    }
}

/// Mutations that break the grammar: truncation, deletion, swaps, copies.
fn mutate_structurally(t: &mut Vec<Token>, rng: &mut Rng) {
    match rng.below(4) {
        0 => t.truncate(rng.below(t.len())),
        1 => {
            for _ in 0..1 + rng.below(8) {
                if !t.is_empty() {
                    let i = rng.below(t.len());
                    t.remove(i);
                }
            }
        }
        2 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(t.len());
                let j = rng.below(t.len());
                t.swap(i, j);
            }
        }
        _ => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(t.len());
                let j = rng.below(t.len());
                let x = t[j].clone();
                t.insert(i, x);
            }
        }
    }
}

#[test]
fn mutated_token_streams_never_panic() {
    if !have_system_headers() {
        eprintln!("SKIPPED: no system headers");
        return;
    }
    let mut rng = Rng(0x2545F4914F6CDD1D);
    let (mut semantic, mut structural) = (Tally::default(), Tally::default());
    for (path, inc) in sources() {
        let (toks, pp_errors) = preprocess(&path, &inc);
        assert!(!pp_errors, "{path} must preprocess cleanly before it is mutated");
        assert_eq!(parse_and_lower(toks.clone()), Phase::Lower, "{path} must compile before it is mutated");
        for k in 0..80 {
            let mut t = toks.clone();
            let eof = t.pop().unwrap();
            if k % 4 == 0 {
                mutate_structurally(&mut t, &mut rng);
            } else {
                mutate_semantically(&mut t, &mut rng);
            }
            t.push(eof);
            let phase = parse_and_lower(t);
            if k % 4 == 0 { structural.add(phase) } else { semantic.add(phase) }
        }
    }
    semantic.report("token mutants that keep the grammar");
    structural.report("token mutants that break the grammar");
    assert!(semantic.lower * 2 > semantic.total(), "most grammar-keeping mutants must reach lowering");
}

#[test]
fn truncated_sources_never_panic() {
    let dir = std::env::temp_dir().join(format!("kit-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let mut tally = Tally::default();
    let mut at_boundary = Tally::default();
    for (path, inc) in sources() {
        let text = std::fs::read(&path).unwrap();
        // Ends of top-level definitions: cutting there leaves a file that is
        // still C (unless inside an #if), so those cases reach lowering.
        let ends: Vec<usize> = text.windows(3).enumerate().filter(|(_, w)| w == b"\n}\n").map(|(i, _)| i + 3).collect();
        for k in 0..20 {
            let mut b = text.clone();
            let boundary = k % 2 == 0 && !ends.is_empty();
            if boundary {
                b.truncate(ends[rng.below(ends.len())]);
            } else {
                b.truncate(rng.below(b.len()));
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    b[i] = b"{}()[];,\"'#\\/*"[rng.below(14)];
                }
            }
            let p = dir.join("t.c");
            std::fs::write(&p, &b).unwrap();
            let (toks, pp_errors) = preprocess(p.to_str().unwrap(), &inc);
            let phase = if pp_errors { Phase::Preprocess } else { parse_and_lower(toks) };
            if boundary { at_boundary.add(phase) } else { tally.add(phase) }
        }
    }
    at_boundary.report("sources cut after a top-level definition");
    tally.report("sources cut anywhere, one byte damaged");
    assert!(at_boundary.lower * 2 > at_boundary.total(), "most sources cut after a definition must reach lowering");
    std::fs::remove_dir_all(&dir).ok();
}
