//! `kit ar`: create, modify and extract from GNU `ar` archives, with
//! GNU ar's key syntax (`ar rcs lib.a a.o`, `ar -rcs ...`, `ar t lib.a`).
//! Archives are deterministic (`D`): zero timestamps and ids, mode 644.

use obj::archive::{self, Member};

const USAGE: &str = "usage: kit ar [-]{d,p,q,r,s,t,x}[cDsSuUvo] archive [member...]
  d  delete members         p  print members to standard output
  q  append (no replace)    r  replace or insert members
  s  write the symbol index t  list members
  x  extract members
modifiers: c (create quietly), s/S (write/omit the index), u (replace only
newer files), v (verbose), D (deterministic: the default), U (accepted;
headers are still deterministic), o (accepted)";

#[derive(Default)]
struct Key {
    op: char,
    create: bool,
    verbose: bool,
    newer_only: bool,
    no_index: bool,
}

fn parse_key(letters: &str) -> Result<Key, String> {
    let mut k = Key::default();
    for c in letters.chars() {
        match c {
            'd' | 'p' | 'q' | 'r' | 's' | 't' | 'x' | 'm' => {
                // `s` is both an operation and a modifier: another operation wins.
                if k.op != '\0' && k.op != 's' && c != 's' {
                    return Err("two different operation options specified".to_string());
                }
                if k.op == '\0' || k.op == 's' {
                    k.op = c;
                }
            }
            'c' => k.create = true,
            'v' => k.verbose = true,
            'u' => k.newer_only = true,
            'S' => k.no_index = true,
            'D' | 'U' | 'o' | 'l' => {}
            'a' | 'b' | 'i' | 'N' | 'P' | 'T' | 'f' => return Err(format!("modifier '{c}' is not supported")),
            _ => return Err(format!("invalid option -- '{c}'")),
        }
    }
    if k.op == 'm' {
        return Err("operation 'm' is not supported".to_string());
    }
    if k.op == '\0' {
        return Err("no operation specified".to_string());
    }
    Ok(k)
}

pub fn main(argv: &[String]) -> i32 {
    if argv.is_empty() || argv.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("{USAGE}");
        return if argv.is_empty() { 1 } else { 0 };
    }
    // The key: dash options up to the first other argument, which is the
    // key itself when no dash option named an operation.
    let mut letters = String::new();
    let mut rest = argv;
    while let Some((a, tail)) = rest.split_first() {
        if let Some(l) = a.strip_prefix('-').filter(|l| !l.is_empty() && !l.starts_with('-')) {
            letters.push_str(l);
            rest = tail;
        } else if letters.is_empty() || parse_key(&letters).is_err() {
            letters.push_str(a);
            rest = tail;
            break;
        } else {
            break;
        }
    }
    let key = match parse_key(&letters) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("kit ar: {e}\n{USAGE}");
            return 1;
        }
    };
    let Some((archive, files)) = rest.split_first() else {
        eprintln!("kit ar: no archive specified\n{USAGE}");
        return 1;
    };
    match run(&key, archive, files) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kit ar: {e}");
            1
        }
    }
}

/// The member name `ar` gives a file: its base name.
fn member_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).find(|s| !s.is_empty()).unwrap_or(path)
}

/// `path: reason`, without the `(os error N)` suffix std adds.
fn io_err(path: &str, e: std::io::Error) -> String {
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg);
    format!("{path}: {msg}")
}

fn load(archive: &str) -> Result<Vec<Member>, String> {
    let bytes = host::fs::read(archive).map_err(|e| io_err(archive, e))?;
    archive::read_members(archive, &bytes)
}

fn save(archive: &str, members: &[Member], index: bool) -> Result<(), String> {
    let bytes = archive::write_members(members, index).map_err(|e| format!("{archive}: {e}"))?;
    host::fs::write_atomic(archive, &bytes).map_err(|e| io_err(archive, e))
}

/// Rewrites `archive` with a fresh symbol index (`ar s`, `ranlib`).
pub fn write_index(archive: &str) -> Result<(), String> {
    save(archive, &load(archive)?, true)
}

fn run(key: &Key, archive: &str, files: &[String]) -> Result<i32, String> {
    let exists = host::fs::exists(archive);
    match key.op {
        'r' | 'q' => {
            let mut members = if exists { load(archive)? } else { Vec::new() };
            // Read every input first: a missing file leaves the archive untouched.
            let mut inputs = Vec::with_capacity(files.len());
            for f in files {
                let data = host::fs::read(f).map_err(|e| io_err(f, e))?;
                inputs.push((f, data));
            }
            if !exists && !key.create {
                eprintln!("kit ar: creating {archive}");
            }
            for (f, data) in inputs {
                let name = member_name(f);
                let slot = if key.op == 'r' { members.iter().position(|m| m.name == name) } else { None };
                match slot {
                    Some(i) => {
                        if key.newer_only && !is_newer(f, members[i].mtime) {
                            continue;
                        }
                        if key.verbose {
                            println!("r - {f}");
                        }
                        members[i] = Member::new(name, data);
                    }
                    None => {
                        if key.verbose {
                            println!("a - {f}");
                        }
                        members.push(Member::new(name, data));
                    }
                }
            }
            save(archive, &members, !key.no_index)?;
            Ok(0)
        }
        's' => {
            if !exists {
                return Err(format!("'{archive}': No such file"));
            }
            save(archive, &load(archive)?, !key.no_index)?;
            Ok(0)
        }
        'd' => {
            if !exists {
                return Err(format!("{archive}: No such file or directory"));
            }
            let mut members = load(archive)?;
            for f in files {
                let name = member_name(f);
                match members.iter().position(|m| m.name == name) {
                    Some(i) => {
                        if key.verbose {
                            println!("d - {name}");
                        }
                        members.remove(i);
                    }
                    None => eprintln!("kit ar: No member named '{f}'"),
                }
            }
            save(archive, &members, !key.no_index)?;
            Ok(0)
        }
        't' | 'x' | 'p' => {
            if !exists {
                return Err(format!("{archive}: No such file or directory"));
            }
            read_op(key, archive, &load(archive)?, files)
        }
        op => Err(format!("operation '{op}' is not supported")),
    }
}

fn is_newer(path: &str, member_mtime: u64) -> bool {
    let secs = host::fs::mtime(path).and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map(|d| d.as_secs());
    secs.is_none_or(|s| s > member_mtime)
}

/// `t`, `x` and `p`: every member, or the named ones (each name must exist).
fn read_op(key: &Key, archive: &str, members: &[Member], files: &[String]) -> Result<i32, String> {
    let mut out = host::io::Writer::stdout();
    let wanted = |m: &Member| files.is_empty() || files.iter().any(|f| member_name(f) == m.name);
    for m in members.iter().filter(|m| wanted(m)) {
        match key.op {
            't' if key.verbose => writeln!(out, "{}", long_listing(m)),
            't' => writeln!(out, "{}", m.name),
            'p' => {
                if key.verbose {
                    write!(out, "\n<{}>\n\n", m.name);
                }
                out.write_bytes(&m.data);
            }
            _ => {
                // A crafted name must not write outside the current directory.
                if m.name.contains(['/', '\\']) || m.name == ".." || m.name == "." {
                    return Err(format!("{archive}: illegal output pathname for archive member: {}", m.name));
                }
                if key.verbose {
                    writeln!(out, "x - {}", m.name);
                }
                host::fs::write_atomic(&m.name, &m.data).map_err(|e| io_err(&m.name, e))?;
            }
        }
    }
    out.finish().map_err(|e| format!("standard output: {e}"))?;
    let mut code = 0;
    for f in files {
        if !members.iter().any(|m| m.name == member_name(f)) {
            eprintln!("kit ar: no entry {f} in archive {archive}");
            code = 1;
        }
    }
    Ok(code)
}

/// `ar tv`'s line: mode, uid/gid, size, date (UTC) and name.
fn long_listing(m: &Member) -> String {
    let bit = |b: u64, c: char| if m.mode & b != 0 { c } else { '-' };
    let mode: String = [
        bit(0o400, 'r'),
        bit(0o200, 'w'),
        bit(0o100, 'x'),
        bit(0o040, 'r'),
        bit(0o020, 'w'),
        bit(0o010, 'x'),
        bit(0o004, 'r'),
        bit(0o002, 'w'),
        bit(0o001, 'x'),
    ]
    .iter()
    .collect();
    format!("{mode} {}/{} {:6} {} {}", m.uid, m.gid, m.data.len(), date(m.mtime), m.name)
}

/// `Mon dd HH:MM YYYY` with a space-padded day, like strftime's `%b %e %H:%M %Y`.
fn date(secs: u64) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let days = (secs / 86400) as i64;
    let (h, min) = (secs % 86400 / 3600, secs % 3600 / 60);
    // Days since 1970-01-01 to a civil date (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{} {day:2} {h:02}:{min:02} {year}", MONTHS[(month - 1) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let k = parse_key("rcs").unwrap();
        assert_eq!((k.op, k.create), ('r', true));
        assert_eq!(parse_key("s").unwrap().op, 's');
        assert_eq!(parse_key("sr").unwrap().op, 'r');
        assert!(parse_key("rt").is_err());
        assert!(parse_key("cv").is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(date(0), "Jan  1 00:00 1970");
        assert_eq!(date(1_700_000_000), "Nov 14 22:13 2023");
    }
}
