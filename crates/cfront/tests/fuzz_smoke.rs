//! Fuzz smoke test: truncated and mutated real C sources must never make the
//! preprocessor, parser or lowering panic or hang. Uses Lua's sources from
//! the test cache when present (tests/fetch-material.sh), and always kit's
//! own C test programs.

use cfront::diag::Diags;
use cfront::source::{FileLoader, SourceMap};
use cfront::token::Token;

struct Fs;

impl FileLoader for Fs {
    fn load(&self, path: &str) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|e| e.to_string())
    }
    fn exists(&self, path: &str) -> bool {
        std::path::Path::new(path).is_file()
    }
}

fn opts() -> cfront::pp::PpOptions {
    cfront::pp::PpOptions {
        system_dirs: vec!["/usr/local/include".into(), "/usr/include/x86_64-linux-gnu".into(), "/usr/include".into()],
        ..Default::default()
    }
}

fn preprocess(path: &str) -> Vec<Token> {
    let mut sm = SourceMap::default();
    let mut d = Diags::default();
    cfront::pp::preprocess(path, &opts(), &Fs, &mut sm, &mut d).tokens
}

fn parse_and_lower(toks: Vec<Token>) {
    let mut d = Diags::default();
    let tu = cfront::parse::parse(toks, &Default::default(), &mut d);
    if !d.has_errors() {
        let o = cfront::lower::LowerOptions { opt_level: 1, file: "f.c".into(), comp_dir: "/".into(), debug: true };
        let _ = cfront::lower::lower(&tu, &o, &mut d);
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

fn sources() -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    let root = env!("CARGO_MANIFEST_DIR");
    v.push(format!("{root}/../../tests/smoke/hello.c"));
    v.push(format!("{root}/../../tests/programs/lua-driver.c"));
    let cache = std::env::var("KIT_TEST_CACHE").unwrap_or_else(|_| format!("{}/.cache/kit-tests", std::env::var("HOME").unwrap_or_default()));
    for f in ["lua/lstrlib.c", "lua/lparser.c", "lua/ltable.c"] {
        let p = format!("{cache}/{f}");
        if std::path::Path::new(&p).is_file() {
            v.push(p);
        } else {
            eprintln!("note: {p} not present; run tests/fetch-material.sh for the full fuzz smoke");
        }
    }
    v
}

#[test]
fn mutated_token_streams_never_panic() {
    if !std::path::Path::new("/usr/include/stdio.h").exists() {
        eprintln!("skipped: no system headers");
        return;
    }
    let mut rng = Rng(0x2545F4914F6CDD1D);
    for path in sources() {
        let toks = preprocess(&path);
        parse_and_lower(toks.clone());
        for _ in 0..60 {
            let mut t = toks.clone();
            let eof = t.pop().unwrap();
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
            t.push(eof);
            parse_and_lower(t);
        }
    }
}

#[test]
fn truncated_sources_never_panic() {
    let dir = std::env::temp_dir().join(format!("kit-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for path in sources() {
        let text = std::fs::read(&path).unwrap();
        for k in 0..20 {
            let mut b = text.clone();
            b.truncate(rng.below(b.len()));
            if k % 2 == 1 && !b.is_empty() {
                let i = rng.below(b.len());
                b[i] = b"{}()[];,\"'#\\/*"[rng.below(14)];
            }
            let p = dir.join("t.c");
            std::fs::write(&p, &b).unwrap();
            let toks = preprocess(p.to_str().unwrap());
            parse_and_lower(toks);
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
