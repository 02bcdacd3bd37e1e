//! `kit cpp`: preprocess C to standard output (or `-o FILE`).

use crate::args;

pub fn main(argv: &[String]) -> i32 {
    if argv.iter().any(|a| a == "--help") {
        eprintln!("usage: kit cpp [-I DIR] [-D NAME[=VAL]] [-U NAME] [-include FILE] [-o OUT] FILE");
        return 0;
    }
    let mut a = match args::parse(argv) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("kit cpp: error: {e}");
            return 2;
        }
    };
    a.mode = args::Mode::Preprocess;
    crate::cmd::cc::run_cc(a)
}
