//! The GNU ld command line, as gcc drivers and build systems pass it.

use super::{Config, InputArg, OutputKind};

/// `--help`. libtool greps it for ": supported targets:.* elf" before it
/// builds shared libraries with a GNU-style linker, as it does with GNU ld.
const HELP: &str = "usage: kit ld [options] FILE...
  -o FILE                 output (default a.out)
  -l NAME, -L DIR         libraries and where to search
  -static, -Bstatic, -Bdynamic, -shared, -pie, -no-pie
  -e SYM, --entry SYM     entry point (default _start)
  -soname NAME, -rpath DIR, --dynamic-linker FILE
  --as-needed, --no-as-needed, --whole-archive, --no-whole-archive
  --start-group ... --end-group, --gc-sections, --export-dynamic
  --build-id, --hash-style=gnu|sysv|both, -z now|relro|noexecstack|defs|...
  --version-script FILE, --default-symver, --dynamic-list FILE,
  --exclude-libs ALL|LIB,...
  -Bsymbolic, -Bsymbolic-functions, --no-undefined,
  --allow-shlib-undefined, --no-allow-shlib-undefined
  -Map FILE, -T SCRIPT, -s, -S, @FILE
kit ld: supported targets: elf64-x86-64 elf
kit ld: supported emulations: elf_x86_64
";

pub fn help() -> &'static str {
    HELP
}

/// Parses `args` (response files already expanded).
pub fn parse_args(args: &[String]) -> Result<Config, String> {
    let mut c = Config::default();
    let mut explicit_kind = false;
    let mut i = 0;
    // The value of `-x V`, `-xV`, `--x=V` or `--x V`.
    let value = |i: &mut usize, arg: &str, flag: &str| -> Result<String, String> {
        let rest = &arg[flag.len()..];
        if let Some(v) = rest.strip_prefix('=') {
            return Ok(v.to_string());
        }
        if !rest.is_empty() {
            return Ok(rest.to_string());
        }
        *i += 1;
        args.get(*i).cloned().ok_or_else(|| format!("option '{flag}' needs an argument"))
    };
    let mut state_stack: Vec<usize> = Vec::new();
    while i < args.len() {
        let a = args[i].as_str();
        // Long options may be written with one dash or two.
        let long = a.strip_prefix("--").map(|s| format!("-{s}"));
        let o = long.as_deref().unwrap_or(a);
        let flag = |names: &[&str]| names.iter().any(|n| o == *n || (o.starts_with(n) && o[n.len()..].starts_with('=')));
        match o {
            "-static" | "-Bstatic" | "-dn" | "-non_shared" => {
                c.inputs.push(InputArg::Static(true));
                if o == "-static" {
                    c.static_exe = true;
                }
            }
            "-Bdynamic" | "-dy" | "-call_shared" => c.inputs.push(InputArg::Static(false)),
            "-shared" | "-Bshareable" => {
                c.kind = OutputKind::Shared;
                explicit_kind = true;
            }
            "-pie" | "-pic-executable" => {
                c.kind = OutputKind::Pie;
                explicit_kind = true;
            }
            "-no-pie" | "-no-pic-executable" => {
                c.kind = OutputKind::Exec;
                explicit_kind = true;
            }
            "-as-needed" => c.inputs.push(InputArg::AsNeeded(true)),
            "-no-as-needed" => c.inputs.push(InputArg::AsNeeded(false)),
            // The state is the latest of each switch in the input list: a
            // push remembers how long the list was, a pop restores the
            // switches as they stood then.
            "-push-state" => state_stack.push(c.inputs.len()),
            "-pop-state" => {
                let at = state_stack.pop().ok_or("'--pop-state' without '--push-state'")?;
                let before = &c.inputs[..at];
                let last = |f: fn(&InputArg) -> Option<bool>| before.iter().rev().find_map(f).unwrap_or(false);
                let restore = [
                    InputArg::AsNeeded(last(|x| if let InputArg::AsNeeded(v) = x { Some(*v) } else { None })),
                    InputArg::Static(last(|x| if let InputArg::Static(v) = x { Some(*v) } else { None })),
                    InputArg::WholeArchive(last(|x| if let InputArg::WholeArchive(v) = x { Some(*v) } else { None })),
                ];
                c.inputs.extend(restore);
            }
            "-whole-archive" => c.inputs.push(InputArg::WholeArchive(true)),
            "-no-whole-archive" => c.inputs.push(InputArg::WholeArchive(false)),
            "-start-group" | "-(" => c.inputs.push(InputArg::GroupStart),
            "-end-group" | "-)" => c.inputs.push(InputArg::GroupEnd),
            "-gc-sections" => c.gc_sections = true,
            "-no-gc-sections" => c.gc_sections = false,
            "-export-dynamic" | "-E" => c.export_dynamic = true,
            "-no-export-dynamic" => c.export_dynamic = false,
            "-build-id" => c.build_id = true,
            "-s" | "-strip-all" => c.strip = Strip::All,
            "-S" | "-strip-debug" => c.strip = Strip::Debug,
            "-no-undefined" => c.no_undefined = true,
            "-default-symver" => c.default_symver = true,
            "-allow-shlib-undefined" => c.allow_shlib_undefined = Some(true),
            "-no-allow-shlib-undefined" => c.allow_shlib_undefined = Some(false),
            "-Bsymbolic" => c.symbolic = Symbolic::All,
            "-Bsymbolic-functions" => c.symbolic = Symbolic::Functions,
            "-Bno-symbolic" => c.symbolic = Symbolic::None,
            "-eh-frame-hdr"
            | "-fatal-warnings"
            | "-enable-new-dtags"
            | "-disable-new-dtags"
            | "-nostdlib"
            | "-O0"
            | "-O1"
            | "-O2"
            | "-no-copy-dt-needed-entries"
            | "-warn-common"
            | "-sort-common"
            | "-relax"
            | "-no-relax"
            | "-discard-all"
            | "-X"
            | "-x"
            | "-discard-locals"
            | "-icf=none"
            | "-color-diagnostics"
            | "-no-warn-mismatch" => {}
            // gcc's collect2 always names its LTO plugin. kit links the code
            // in objects; an object holding only LTO bytecode leaves its
            // symbols undefined, which is an error, never a silent loss.
            "-plugin" => i += 1,
            _ if o.starts_with("-plugin-opt") => {}
            "-v" | "-version" | "-V" => c.print_version = true,
            "-help" => c.print_help = true,
            "-z" => {
                i += 1;
                let k = args.get(i).ok_or("option '-z' needs a keyword")?;
                z_keyword(&mut c, k)?;
            }
            "-m" => {
                i += 1;
                let m = args.get(i).ok_or("option '-m' needs an emulation")?;
                if m != "elf_x86_64" {
                    return Err(format!("unsupported emulation '{m}' (kit ld links elf_x86_64)"));
                }
            }
            _ if o.starts_with("-z") && o.len() > 2 => z_keyword(&mut c, &o[2..])?,
            _ if o.starts_with("-melf_x86_64") => {}
            _ if flag(&["-build-id"]) => c.build_id = !o.ends_with("=none"),
            _ if flag(&["-hash-style"]) => {
                let v = value(&mut i, o, "-hash-style")?;
                if !matches!(v.as_str(), "gnu" | "sysv" | "both") {
                    return Err(format!("unknown hash style '{v}'"));
                }
            }
            _ if flag(&["-entry"]) => c.entry = Some(value(&mut i, o, "-entry")?),
            _ if flag(&["-soname"]) => c.soname = Some(value(&mut i, o, "-soname")?),
            _ if flag(&["-rpath"]) => c.rpath.push(value(&mut i, o, "-rpath")?),
            _ if flag(&["-dynamic-linker"]) => c.dynamic_linker = Some(value(&mut i, o, "-dynamic-linker")?),
            _ if flag(&["-version-script"]) => c.version_scripts.push(value(&mut i, o, "-version-script")?),
            _ if flag(&["-dynamic-list"]) => c.dynamic_lists.push(value(&mut i, o, "-dynamic-list")?),
            _ if flag(&["-exclude-libs"]) => {
                let v = value(&mut i, o, "-exclude-libs")?;
                c.exclude_libs.extend(v.split([',', ':']).filter(|s| !s.is_empty()).map(String::from));
            }
            _ if flag(&["-Map"]) => c.map = Some(value(&mut i, o, "-Map")?),
            _ if flag(&["-script"]) => c.scripts.push(value(&mut i, o, "-script")?),
            _ if flag(&["-sysroot"]) => c.sysroot = Some(value(&mut i, o, "-sysroot")?),
            _ if flag(&["-library-path"]) => c.lib_dirs.push(value(&mut i, o, "-library-path")?),
            _ if flag(&["-library"]) => c.inputs.push(InputArg::Lib(value(&mut i, o, "-library")?)),
            _ if flag(&["-output"]) => c.output = value(&mut i, o, "-output")?,
            _ if a.starts_with("-o") => c.output = value(&mut i, a, "-o")?,
            _ if a.starts_with("-L") => c.lib_dirs.push(value(&mut i, a, "-L")?),
            _ if a.starts_with("-l") => c.inputs.push(InputArg::Lib(value(&mut i, a, "-l")?)),
            _ if a.starts_with("-e") => c.entry = Some(value(&mut i, a, "-e")?),
            _ if a.starts_with("-h") => c.soname = Some(value(&mut i, a, "-h")?),
            _ if a.starts_with("-T") => c.scripts.push(value(&mut i, a, "-T")?),
            _ if a.starts_with("-R") => c.rpath.push(value(&mut i, a, "-R")?),
            _ if a.starts_with("-I") => c.dynamic_linker = Some(value(&mut i, a, "-I")?),
            _ if a.starts_with('-') && a.len() > 1 => return Err(format!("unrecognized option '{a}'")),
            _ => c.inputs.push(InputArg::Path(a.to_string())),
        }
        i += 1;
    }
    if c.static_exe && !explicit_kind {
        c.kind = OutputKind::Exec;
    }
    if c.static_exe && c.kind == OutputKind::Pie {
        return Err("-static -pie (static PIE) is not supported yet".into());
    }
    Ok(c)
}

use super::{Strip, Symbolic};

fn z_keyword(c: &mut Config, k: &str) -> Result<(), String> {
    match k {
        "now" => c.bind_now = true,
        // Imports are always bound at load time (there is no lazy PLT).
        "lazy" => {}
        "relro" => c.relro = true,
        "norelro" => c.relro = false,
        "noexecstack" => c.exec_stack = false,
        "execstack" => c.exec_stack = true,
        "defs" => c.no_undefined = true,
        "nodefs" | "undefs" => c.no_undefined = false,
        "origin"
        | "nodelete"
        | "nodlopen"
        | "text"
        | "notext"
        | "combreloc"
        | "nocombreloc"
        | "separate-code"
        | "noseparate-code"
        | "nocopyreloc"
        | "ibt"
        | "shstk"
        | "cet-report=none"
        | "max-page-size=4096"
        | "common-page-size=4096"
        | "interpose"
        | "initfirst"
        | "muldefs" => {}
        _ if k.starts_with("max-page-size=") || k.starts_with("common-page-size=") || k.starts_with("stack-size=") => {}
        _ => return Err(format!("unknown -z keyword '{k}'")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Config, String> {
        parse_args(&s.split_whitespace().map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn gcc_style_line() {
        let c = p("-pie -z now -z relro --hash-style=gnu --build-id -o prog -L/usr/lib a.o -lm --as-needed -lc").unwrap();
        assert_eq!(c.kind, OutputKind::Pie);
        assert_eq!(c.output, "prog");
        assert!(c.bind_now && c.relro && c.build_id);
        assert_eq!(c.lib_dirs, ["/usr/lib"]);
        assert_eq!(
            c.inputs,
            [InputArg::Path("a.o".into()), InputArg::Lib("m".into()), InputArg::AsNeeded(true), InputArg::Lib("c".into())]
        );
    }

    #[test]
    fn shared_library_options() {
        let c = p("-shared --version-script v.map --version-script=w.map --dynamic-list=d.list -Bsymbolic-functions --exclude-libs liba.a:libb.a --no-undefined --no-allow-shlib-undefined").unwrap();
        assert_eq!(c.version_scripts, ["v.map", "w.map"]);
        assert_eq!(c.dynamic_lists, ["d.list"]);
        assert_eq!(c.symbolic, Symbolic::Functions);
        assert_eq!(c.exclude_libs, ["liba.a", "libb.a"]);
        assert!(c.no_undefined);
        assert_eq!(c.allow_shlib_undefined, Some(false));
        assert_eq!(p("-Bsymbolic").unwrap().symbolic, Symbolic::All);
        assert!(p("-z defs").unwrap().no_undefined);
        assert!(p("--version-script").is_err());
    }

    /// What gcc's collect2 passes: the LTO plugin, and `-lgcc_s` inside a
    /// saved state.
    #[test]
    fn collect2_line() {
        let c = p("-plugin /usr/lib/gcc/liblto_plugin.so -plugin-opt=-fresolution=/tmp/x.res a.o --as-needed --push-state --no-as-needed -lgcc_s --pop-state -lc").unwrap();
        assert_eq!(
            c.inputs,
            [
                InputArg::Path("a.o".into()),
                InputArg::AsNeeded(true),
                InputArg::AsNeeded(false),
                InputArg::Lib("gcc_s".into()),
                InputArg::AsNeeded(true),
                InputArg::Static(false),
                InputArg::WholeArchive(false),
                InputArg::Lib("c".into()),
            ]
        );
        assert!(p("--pop-state").is_err());
    }

    #[test]
    fn errors() {
        assert!(p("--frobnicate").unwrap_err().contains("--frobnicate"));
        assert!(p("-z bogus").unwrap_err().contains("bogus"));
        assert!(p("-o").is_err());
        assert_eq!(p("-static a.o").unwrap().kind, OutputKind::Exec);
        assert_eq!(p("--entry=go -soname=libx.so.1 -shared").unwrap().soname.as_deref(), Some("libx.so.1"));
    }
}
