//! Files with UTF-8 paths. Outputs are written atomically: a temporary file
//! beside the destination, renamed into place, so an error never leaves a
//! half-written file behind.

use std::io::{self, Write};
use std::path::Path;

pub fn read(path: &str) -> io::Result<Vec<u8>> {
    std::fs::read(path)
}
pub fn read_to_string(path: &str) -> io::Result<String> {
    std::fs::read_to_string(path)
}
pub fn exists(path: &str) -> bool {
    Path::new(path).exists()
}
pub fn is_file(path: &str) -> bool {
    Path::new(path).is_file()
}
pub fn is_dir(path: &str) -> bool {
    Path::new(path).is_dir()
}
pub fn mtime(path: &str) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
pub fn mkdir_p(path: &str) -> io::Result<()> {
    std::fs::create_dir_all(path)
}
pub fn remove(path: &str) -> io::Result<()> {
    std::fs::remove_file(path)
}
pub fn canonicalize(path: &str) -> Option<String> {
    std::fs::canonicalize(path).ok().map(|p| p.to_string_lossy().into_owned())
}
pub fn self_exe() -> Option<String> {
    std::env::current_exe().ok().map(|p| p.to_string_lossy().into_owned())
}

/// Files under `dir`, recursively, sorted.
pub fn walk(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

fn write_atomic_mode(path: &str, bytes: &[u8], executable: bool) -> io::Result<()> {
    let p = Path::new(path);
    let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.kit-tmp.{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.flush()?;
        drop(f);
        if executable {
            set_executable(&tmp.to_string_lossy())?;
        }
        std::fs::rename(&tmp, p)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes `bytes` to `path` atomically (mode 0644 on POSIX).
pub fn write_atomic(path: &str, bytes: &[u8]) -> io::Result<()> {
    write_atomic_mode(path, bytes, false)
}

/// Writes an executable atomically (mode 0755 on POSIX).
pub fn write_atomic_exec(path: &str, bytes: &[u8]) -> io::Result<()> {
    write_atomic_mode(path, bytes, true)
}

/// Marks a file executable (a no-op on Windows).
pub fn set_executable(path: &str) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// A symbolic link (on Windows: a hard link, or a copy).
pub fn symlink(target: &str, link: &str) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(target, link)
    }
    #[cfg(not(unix))]
    {
        std::fs::hard_link(target, link).or_else(|_| std::fs::copy(target, link).map(|_| ()))
    }
}

pub fn hardlink(target: &str, link: &str) -> io::Result<()> {
    std::fs::hard_link(target, link)
}

#[cfg(test)]
mod tests {
    #[test]
    fn atomic_write_leaves_no_temp() {
        let dir = std::env::temp_dir().join(format!("kit-host-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("out.bin");
        super::write_atomic(p.to_str().unwrap(), b"hello").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"hello");
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 1);
        // A failing write (directory missing) leaves nothing.
        assert!(super::write_atomic(dir.join("no/such/x").to_str().unwrap(), b"x").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
