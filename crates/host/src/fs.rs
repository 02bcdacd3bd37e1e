//! Files and directories with UTF-8 paths.
//!
//! Outputs are written atomically: the bytes go to a fresh temporary file
//! in the destination's directory, which is then renamed over the
//! destination. A failed write removes the temporary, so a reader sees
//! either the old file or the complete new one, never a partial one.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// An I/O error as a user reads it: the OS's message without Rust's
/// " (os error N)" suffix.
pub fn error_text(e: &io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) if s.ends_with(')') => s[..i].to_string(),
        _ => s,
    }
}

pub fn read(path: &str) -> io::Result<Vec<u8>> {
    std::fs::read(path)
}

pub fn read_to_string(path: &str) -> io::Result<String> {
    std::fs::read_to_string(path)
}

/// Whether anything (following symlinks) exists at `path`.
pub fn exists(path: &str) -> bool {
    Path::new(path).exists()
}

pub fn is_file(path: &str) -> bool {
    Path::new(path).is_file()
}

pub fn is_dir(path: &str) -> bool {
    Path::new(path).is_dir()
}

/// The last modification time.
pub fn mtime(path: &str) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The size in bytes of the file at `path`.
pub fn file_size(path: &str) -> Option<u64> {
    std::fs::metadata(path).ok().map(|m| m.len())
}

/// Creates `path` and any missing parents (like `mkdir -p`).
pub fn mkdir_p(path: &str) -> io::Result<()> {
    std::fs::create_dir_all(path)
}

/// Removes a file (or a symlink, not its target).
pub fn remove(path: &str) -> io::Result<()> {
    std::fs::remove_file(path)
}

/// Removes a directory and everything in it.
pub fn remove_dir_all(path: &str) -> io::Result<()> {
    std::fs::remove_dir_all(path)
}

/// The absolute path with symlinks, `.` and `..` resolved. On Windows the
/// `\\?\` prefix is dropped where the plain form means the same thing.
pub fn canonicalize(path: &str) -> Option<String> {
    let p = std::fs::canonicalize(path).ok()?;
    Some(simplify_verbatim(p.to_string_lossy().into_owned()))
}

fn simplify_verbatim(s: String) -> String {
    if !cfg!(windows) {
        return s;
    }
    if let Some(rest) = s.strip_prefix(r"\\?\UNC\") {
        return format!(r"\\{rest}");
    }
    match s.strip_prefix(r"\\?\") {
        Some(rest) if rest.as_bytes().get(1) == Some(&b':') => rest.to_string(),
        _ => s,
    }
}

/// The path of the running executable.
pub fn self_exe() -> Option<String> {
    let p = std::env::current_exe().ok()?;
    Some(simplify_verbatim(p.to_string_lossy().into_owned()))
}

/// Every file below `dir`, recursively, sorted. Symbolic links are listed
/// as files and never followed (so cycles are impossible); unreadable
/// directories are skipped.
pub fn walk(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = vec![PathBuf::from(dir)];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => pending.push(e.path()),
                Ok(_) => out.push(e.path().to_string_lossy().into_owned()),
                Err(_) => {}
            }
        }
    }
    out.sort();
    out
}

/// Writes `bytes` to `path` atomically; a new file gets mode 0644 (less
/// the umask) on POSIX.
pub fn write_atomic(path: &str, bytes: &[u8]) -> io::Result<()> {
    write_atomic_mode(path, bytes, false)
}

/// Like [`write_atomic`] for executables: mode 0755 (less the umask).
pub fn write_atomic_exec(path: &str, bytes: &[u8]) -> io::Result<()> {
    write_atomic_mode(path, bytes, true)
}

fn write_atomic_mode(path: &str, bytes: &[u8], executable: bool) -> io::Result<()> {
    let dest = Path::new(path);
    // A device or pipe (`-o /dev/null`, configure's favourite) is written
    // in place: renaming over it would replace it with a regular file (or
    // fail without write access to its directory).
    if std::fs::metadata(dest).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut file = std::fs::OpenOptions::new().write(true).open(dest)?;
        return file.write_all(bytes).and_then(|_| file.flush());
    }
    let name = match dest.file_name() {
        Some(n) if !path.ends_with(['/', std::path::MAIN_SEPARATOR]) => n.to_string_lossy().into_owned(),
        _ => return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("not a file name: '{path}'"))),
    };
    let dir = dest.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let (tmp, mut file) = create_temp_beside(dir, &name, executable)?;
    let result = file.write_all(bytes).and_then(|_| file.flush());
    drop(file);
    let result = result.and_then(|_| std::fs::rename(&tmp, dest));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Creates a new, uniquely named file `.<name>.<pid>.<n>.tmp` in `dir`.
fn create_temp_beside(dir: &Path, name: &str, executable: bool) -> io::Result<(PathBuf, std::fs::File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut last_err = None;
    for _ in 0..64 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(if executable { 0o755 } else { 0o644 });
        }
        #[cfg(not(unix))]
        let _ = executable;
        match opts.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_err = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_err.unwrap_or_else(|| io::Error::other("cannot create a temporary file")))
}

/// Marks a file executable: mode 0755 on POSIX, a no-op on Windows (where
/// the file name's extension decides).
pub fn set_executable(path: &str) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(path).map(|_| ())
    }
}

/// Creates `link` pointing at `target`. Windows needs privileges for real
/// symlinks, so there a hard link is made instead, or failing that a copy.
pub fn symlink(target: &str, link: &str) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(target, link)
    }
    #[cfg(windows)]
    {
        std::os::windows::fs::symlink_file(target, link)
            .or_else(|_| std::fs::hard_link(target, link))
            .or_else(|_| std::fs::copy(target, link).map(|_| ()))
    }
    #[cfg(not(any(unix, windows)))]
    {
        std::fs::copy(target, link).map(|_| ())
    }
}

/// Creates a hard link `link` to the existing file `target`.
pub fn hardlink(target: &str, link: &str) -> io::Result<()> {
    std::fs::hard_link(target, link)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("kit-host-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn names(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn atomic_write_leaves_no_temp() {
        let d = scratch("atomic");
        let p = d.join("out.bin");
        let ps = p.to_str().unwrap();
        write_atomic(ps, b"hello").unwrap();
        write_atomic(ps, b"again").unwrap();
        assert_eq!(read(ps).unwrap(), b"again");
        assert_eq!(names(&d), ["out.bin"]);
        // Failures: a missing directory, a name that is a directory, an
        // empty name. None leaves anything behind.
        assert!(write_atomic(d.join("no/such/x").to_str().unwrap(), b"x").is_err());
        std::fs::create_dir(d.join("sub")).unwrap();
        assert!(write_atomic(d.join("sub").to_str().unwrap(), b"x").is_err());
        assert!(write_atomic(&format!("{}/", d.display()), b"x").is_err());
        assert!(write_atomic("", b"x").is_err());
        assert_eq!(names(&d), ["out.bin", "sub"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            write_atomic_exec(d.join("tool").to_str().unwrap(), b"#!/bin/sh\n").unwrap();
            let mode = |n: &str| std::fs::metadata(d.join(n)).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode("tool") & 0o100, 0o100);
            assert_eq!(mode("out.bin") & 0o111, 0);
        }
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn walk_links_and_queries() {
        let d = scratch("walk");
        let ds = d.to_str().unwrap().to_string();
        mkdir_p(&format!("{ds}/a/b")).unwrap();
        write_atomic(&format!("{ds}/a/b/z.c"), b"z").unwrap();
        write_atomic(&format!("{ds}/m.h"), b"m").unwrap();
        symlink(&format!("{ds}/m.h"), &format!("{ds}/link.h")).unwrap();
        hardlink(&format!("{ds}/m.h"), &format!("{ds}/hard.h")).unwrap();
        let files = walk(&ds);
        let expect: Vec<String> = ["a/b/z.c", "hard.h", "link.h", "m.h"].iter().map(|f| format!("{ds}/{f}")).collect();
        assert_eq!(files, expect);
        assert!(is_file(&format!("{ds}/link.h")) && is_dir(&format!("{ds}/a")) && exists(&ds));
        assert!(mtime(&format!("{ds}/m.h")).is_some() && mtime(&format!("{ds}/none")).is_none());
        assert_eq!(file_size(&format!("{ds}/m.h")), Some(1));
        assert!(canonicalize(&format!("{ds}/a/../m.h")).is_some_and(|c| c.ends_with("m.h")));
        remove(&format!("{ds}/link.h")).unwrap();
        assert!(self_exe().is_some_and(|e| is_file(&e)));
        assert!(walk(&format!("{ds}/missing")).is_empty());
        remove_dir_all(&ds).unwrap();
    }

    #[test]
    fn verbatim_prefixes() {
        if cfg!(windows) {
            assert_eq!(simplify_verbatim(r"\\?\C:\x".into()), r"C:\x");
            assert_eq!(simplify_verbatim(r"\\?\UNC\h\s".into()), r"\\h\s");
        } else {
            assert_eq!(simplify_verbatim(r"\\?\C:\x".into()), r"\\?\C:\x");
        }
    }
}
