//! `kit ld`: the linker, with GNU ld's command line.

pub fn main(argv: &[String]) -> i32 {
    let args = match crate::args::expand_response_files(argv) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("kit ld: error: {e}");
            return 1;
        }
    };
    let cfg = match link::ld::parse_args(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("kit ld: error: {e}");
            return 1;
        }
    };
    if cfg.print_help {
        print!("{}", link::ld::help());
        return 0;
    }
    if cfg.print_version {
        println!("kit ld {} (compatible with GNU ld)", env!("CARGO_PKG_VERSION"));
        if cfg.inputs.is_empty() {
            return 0;
        }
    }
    if cfg.inputs.is_empty() {
        eprintln!("kit ld: error: no input files");
        return 1;
    }
    report(link::ld::link(&cfg, Vec::new()))
}

/// Prints link errors, one per line, prefixed with the tool.
pub fn report(r: Result<(), link::LinkError>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(e) => {
            for m in &e.messages {
                eprintln!("kit ld: {m}");
            }
            1
        }
    }
}
