//! `kit ranlib`: rewrite archives with a fresh symbol index (`ar s`).

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("usage: kit ranlib [-D] [-U] [-t] archive...");
        return 0;
    }
    // -D/-U (deterministic or not) and -t (touch the index) change nothing
    // here: the index is always rewritten with deterministic headers.
    let mut archives = Vec::new();
    for a in argv {
        match a.as_str() {
            "-D" | "-U" | "-t" => {}
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("kit ranlib: unknown option '{s}'");
                return 1;
            }
            s => archives.push(s),
        }
    }
    if archives.is_empty() {
        eprintln!("kit ranlib: no archives specified");
        return 1;
    }
    let mut code = 0;
    for a in archives {
        if let Err(e) = crate::cmd::ar::write_index(a) {
            eprintln!("kit ranlib: {e}");
            code = 1;
        }
    }
    code
}
