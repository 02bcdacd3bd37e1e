//! `kit install DIR`: one link per tool, pointing at this executable.

pub fn main(args: &[String]) -> i32 {
    if args.first().is_none_or(|a| a == "--help" || a == "-h") || args.len() != 1 {
        eprintln!("usage: kit install DIR\n\nCreates DIR/cc, DIR/cpp, DIR/as, ... as links to kit.");
        return if args.len() == 1 { 0 } else { 2 };
    }
    let dir = &args[0];
    let Some(exe) = host::fs::self_exe() else {
        eprintln!("kit install: cannot find the kit executable");
        return 1;
    };
    if let Err(e) = host::fs::mkdir_p(dir) {
        eprintln!("kit install: {dir}: {e}");
        return 1;
    }
    // `as` too: gcc runs the first `as` on PATH, and kit as takes gcc's
    // output, DWARF line directives included.
    for name in crate::tool_names().filter(|n| *n != "install") {
        let link = format!("{dir}/{name}");
        let _ = host::fs::remove(&link);
        if let Err(e) = host::fs::symlink(&exe, &link) {
            eprintln!("kit install: {link}: {e}");
            return 1;
        }
    }
    0
}
