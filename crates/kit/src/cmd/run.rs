//! `kit run`: compile C in memory, link it into executable memory of this
//! process, and call its `main`.

use crate::args::{self, CcArgs};
use crate::compile;
use std::ffi::CString;
use std::sync::OnceLock;

const HELP: &str = "usage: kit run [cc options] FILE.c... [x.o] [liby.a] [-lNAME] [-- ARGS...]
       kit run --script FILE [ARGS...]      (for `#!/usr/bin/env -S kit run --script`)

Compiles the C files in memory, links them with the objects and archives given
and the libraries named by -l into this process, and runs main(argc, argv, envp).
The exit status is the program's. A crash prints a backtrace and exits 128+signal.
";

/// The running image, for the crash handler's backtrace.
static IMAGE: OnceLock<usize> = OnceLock::new();

pub fn main(argv: &[String]) -> i32 {
    if argv.first().is_none_or(|a| a == "--help" || a == "-h") {
        print!("{HELP}");
        return if argv.is_empty() { 2 } else { 0 };
    }
    // Split compiler arguments from program arguments.
    let (cc_argv, prog_args): (Vec<String>, Vec<String>) = if argv[0] == "--script" {
        let Some(script) = argv.get(1) else {
            eprintln!("kit run: --script needs a file");
            return 2;
        };
        (vec![script.clone()], argv[2..].to_vec())
    } else if let Some(i) = argv.iter().position(|a| a == "--") {
        (argv[..i].to_vec(), argv[i + 1..].to_vec())
    } else {
        (argv.to_vec(), vec![])
    };
    let a = match args::parse(&cc_argv) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("kit run: error: {e}");
            return 2;
        }
    };
    if a.inputs.is_empty() {
        eprintln!("kit run: error: no input files");
        return 2;
    }
    let Some(objects) = build_objects(&a) else { return 1 };
    for lib in &a.libs {
        if let Err(e) = host::dl::open_library_in(lib, &a.lib_dirs) {
            eprintln!("kit run: error: cannot load library '-l{lib}': {e}");
            return 1;
        }
    }
    let resolver = |name: &str| host::dl::lookup(name);
    let mut objects = objects;
    match crate::runtime::jit_members(&objects, &|n| resolver(n).is_some(), &a) {
        Ok(members) => objects.extend(members),
        Err(e) => {
            eprintln!("kit run: error: kit's runtime library: {e}");
            return 1;
        }
    }
    let image = match link::link_jit(objects, &resolver) {
        Ok(img) => Box::leak(Box::new(img)),
        Err(e) => {
            eprintln!("kit run: {e}");
            return 1;
        }
    };
    let _ = IMAGE.set(image as *const link::JitImage as usize);
    host::crash::install_fault_handlers(on_fault);
    let Some(main_addr) = image.symbol("main") else {
        eprintln!("kit run: error: undefined reference to 'main'");
        return 1;
    };
    image.run_constructors();
    let mut argv_c: Vec<CString> = Vec::new();
    argv_c.push(CString::new(a.inputs[0].clone()).unwrap_or_default());
    for p in &prog_args {
        argv_c.push(CString::new(p.clone()).unwrap_or_default());
    }
    let mut argv_p: Vec<*const libc_char> = argv_c.iter().map(|c| c.as_ptr()).collect();
    argv_p.push(std::ptr::null());
    let envp = host::env::environ_ptr();
    type MainFn = unsafe extern "C" fn(i32, *const *const libc_char, *const *const libc_char) -> i32;
    // SAFETY: `main` was compiled from C with this signature (extra
    // parameters are harmless under the C calling convention).
    let main_fn: MainFn = unsafe { std::mem::transmute::<usize, MainFn>(main_addr) };
    let status = unsafe { main_fn(argv_c.len() as i32, argv_p.as_ptr(), envp) };
    // Leave through the C library's exit so stdio buffers are flushed and
    // atexit handlers (the program's too) run, exactly as in a native process.
    host::process::c_exit(status)
}

#[allow(non_camel_case_types)]
type libc_char = std::ffi::c_char;

fn on_fault(info: &host::crash::FaultInfo) {
    let mut msg = format!("kit run: program received signal {} ({})\n", info.signal_name, info.signal);
    if let Some(&addr) = IMAGE.get() {
        // SAFETY: the image is leaked and lives for the rest of the process.
        let image = unsafe { &*(addr as *const link::JitImage) };
        let read = |a: usize| -> Option<usize> {
            let mut buf = [0u8; 8];
            host::crash::read_memory_safely(a, &mut buf).then(|| usize::from_ne_bytes(buf))
        };
        let frames = link::backtrace(image, info.pc, info.fp, &read);
        msg.push_str(&link::format_backtrace(&frames));
    }
    host::io::write_stderr_raw(msg.as_bytes());
}

/// Compiles C inputs and reads object/archive inputs.
fn build_objects(a: &CcArgs) -> Option<Vec<obj::Object>> {
    let mut objects = Vec::new();
    let mut ok = true;
    for input in &a.inputs {
        if input.ends_with(".o") {
            match host::fs::read(input).map_err(|e| e.to_string()).and_then(|b| obj::elf_read::read_elf(input, &b)) {
                Ok(o) => objects.push(o),
                Err(e) => {
                    eprintln!("kit run: error: {input}: {e}");
                    ok = false;
                }
            }
        } else if input.ends_with(".a") {
            match host::fs::read(input).map_err(|e| e.to_string()).and_then(|b| obj::archive::read_archive_objects(input, &b)) {
                Ok(objs) => objects.extend(objs),
                Err(e) => {
                    eprintln!("kit run: error: {input}: {e}");
                    ok = false;
                }
            }
        } else {
            match compile::compile_to_object(input, a) {
                Some(o) => objects.push(o),
                None => ok = false,
            }
        }
    }
    ok.then_some(objects)
}
