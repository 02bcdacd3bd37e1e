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
        // libtool reads the last version number here to decide whether the
        // linker takes anonymous version scripts (GNU ld 2.12 and later),
        // and with them `-export-symbols`; kit's own version is in the
        // parentheses it skips.
        println!("kit ld (kit {}) compatible with GNU ld 2.40", env!("CARGO_PKG_VERSION"));
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
