//! The small linker scripts distributions ship in place of libraries (say
//! `libc.so`: `GROUP ( libc.so.6 libc_nonshared.a AS_NEEDED ( ld.so ) )`).

/// One input a script names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ScriptInput {
    /// A path, or `-lname` for a library to search for.
    pub name: String,
    pub as_needed: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Script {
    pub inputs: Vec<ScriptInput>,
    /// Whether the inputs form a group (archives rescanned together).
    pub group: bool,
    pub entry: Option<String>,
    pub search_dirs: Vec<String>,
}

fn tokens(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || c == b',' {
            i += 1;
        } else if text[i..].starts_with("/*") {
            let end = text[i + 2..].find("*/").ok_or("unterminated comment")?;
            i += end + 4;
        } else if c == b'(' || c == b')' || c == b';' {
            out.push((c as char).to_string());
            i += 1;
        } else if c == b'"' {
            let end = text[i + 1..].find('"').ok_or("unterminated string")?;
            out.push(text[i + 1..i + 1 + end].to_string());
            i += end + 2;
        } else {
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !b"(),;\"".contains(&b[i]) && !text[i..].starts_with("/*") {
                i += 1;
            }
            out.push(text[start..i].to_string());
        }
    }
    Ok(out)
}

/// Parses the script commands that name inputs. `SECTIONS`-style scripts
/// are `-T`'s business and rejected here with a clear message.
pub(crate) fn parse(path: &str, text: &str) -> Result<Script, String> {
    let err = |m: &str| format!("{path}: linker script: {m}");
    let toks = tokens(text).map_err(|e| err(&e))?;
    let mut s = Script::default();
    let mut i = 0;
    let expect = |i: usize, t: &str| -> Result<(), String> {
        if toks.get(i).map(String::as_str) == Some(t) { Ok(()) } else { Err(err(&format!("expected '{t}' after '{}'", toks[i - 1]))) }
    };
    while i < toks.len() {
        let cmd = toks[i].as_str();
        match cmd {
            "GROUP" | "INPUT" => {
                s.group |= cmd == "GROUP";
                expect(i + 1, "(")?;
                i += 2;
                let mut as_needed = false;
                loop {
                    match toks.get(i).map(String::as_str) {
                        None => return Err(err(&format!("unterminated {cmd}"))),
                        Some(")") if as_needed => as_needed = false,
                        Some(")") => break,
                        Some("AS_NEEDED") => {
                            expect(i + 1, "(")?;
                            as_needed = true;
                            i += 1;
                        }
                        Some(name) => s.inputs.push(ScriptInput { name: name.to_string(), as_needed }),
                    }
                    i += 1;
                }
                i += 1;
            }
            "OUTPUT_FORMAT" | "OUTPUT_ARCH" | "SEARCH_DIR" | "ENTRY" | "OUTPUT" | "TARGET" => {
                expect(i + 1, "(")?;
                let close = toks[i..].iter().position(|t| t == ")").ok_or_else(|| err(&format!("unterminated {cmd}")))? + i;
                let args = &toks[i + 2..close];
                match cmd {
                    "SEARCH_DIR" => s.search_dirs.extend(args.iter().cloned()),
                    "ENTRY" => s.entry = args.first().cloned(),
                    "OUTPUT_FORMAT" if args.iter().any(|a| !a.contains("x86-64")) => {
                        return Err(err(&format!("output format {} is not elf64-x86-64", args.join(", "))));
                    }
                    _ => {}
                }
                i = close + 1;
            }
            ";" => i += 1,
            _ => return Err(err(&format!("'{cmd}' is not supported here (only GROUP, INPUT, AS_NEEDED, OUTPUT_FORMAT, SEARCH_DIR, ENTRY)"))),
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debian_libc_so() {
        let text = "/* GNU ld script\n   Use the shared library, but some functions are only in\n   the static library. */\nOUTPUT_FORMAT(elf64-x86-64)\nGROUP ( /lib/x86_64-linux-gnu/libc.so.6 /usr/lib/x86_64-linux-gnu/libc_nonshared.a  AS_NEEDED ( /lib64/ld-linux-x86-64.so.2 ) )\n";
        let s = parse("libc.so", text).unwrap();
        assert!(s.group);
        let names: Vec<(&str, bool)> = s.inputs.iter().map(|i| (i.name.as_str(), i.as_needed)).collect();
        assert_eq!(
            names,
            [
                ("/lib/x86_64-linux-gnu/libc.so.6", false),
                ("/usr/lib/x86_64-linux-gnu/libc_nonshared.a", false),
                ("/lib64/ld-linux-x86-64.so.2", true)
            ]
        );
    }

    #[test]
    fn rejects_sections() {
        assert!(parse("x.ld", "SECTIONS { . = 0x1000; }").unwrap_err().contains("SECTIONS"));
        assert!(parse("x.ld", "GROUP ( a.so").is_err());
    }
}
