//! Standard streams and writers that remember their first error.

use std::fmt;
use std::io::{self, Read, Write};

/// Reads all of standard input.
pub fn read_stdin() -> io::Result<Vec<u8>> {
    let mut v = Vec::new();
    io::stdin().lock().read_to_end(&mut v)?;
    Ok(v)
}

/// Writes to standard error without locking or allocating, so it is usable
/// from a fault handler. Errors are ignored: there is nowhere to report them.
pub fn write_stderr_raw(bytes: &[u8]) {
    #[cfg(unix)]
    {
        let mut rest = bytes;
        while !rest.is_empty() {
            // SAFETY: `rest` is a valid buffer of `rest.len()` bytes; write(2)
            // is async-signal-safe.
            let n = unsafe { libc::write(2, rest.as_ptr().cast(), rest.len()) };
            if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                continue;
            }
            if n <= 0 {
                return;
            }
            rest = &rest[n as usize..];
        }
    }
    #[cfg(not(unix))]
    {
        let _ = io::stderr().write_all(bytes);
    }
}

/// An output stream that never fails on a single call: the first error is
/// kept, later writes are dropped, and the caller asks once at the end
/// ([`Writer::error`] or [`Writer::finish`]). `write!(w, ...)` works on it
/// without importing any trait.
pub struct Writer {
    inner: Box<dyn Write + Send>,
    error: Option<io::Error>,
}

impl Writer {
    /// Standard output (line-buffered by std).
    pub fn stdout() -> Writer {
        Writer::new(io::stdout())
    }

    /// Standard error (unbuffered).
    pub fn stderr() -> Writer {
        Writer::new(io::stderr())
    }

    /// A new (truncated) buffered file. Not atomic: use
    /// [`crate::fs::write_atomic`] for finished outputs.
    pub fn file(path: &str) -> io::Result<Writer> {
        Ok(Writer::new(io::BufWriter::new(std::fs::File::create(path)?)))
    }

    /// Any other sink.
    pub fn new(w: impl Write + Send + 'static) -> Writer {
        Writer { inner: Box::new(w), error: None }
    }

    pub fn write_bytes(&mut self, b: &[u8]) {
        if self.error.is_none()
            && let Err(e) = self.inner.write_all(b)
        {
            self.error = Some(e);
        }
    }

    pub fn write_str(&mut self, s: &str) {
        self.write_bytes(s.as_bytes());
    }

    /// Lets `write!(w, ...)` target a `Writer` directly.
    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) {
        if self.error.is_none()
            && let Err(e) = self.inner.write_fmt(args)
        {
            self.error = Some(e);
        }
    }

    pub fn flush(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.inner.flush()
        {
            self.error = Some(e);
        }
    }

    /// The first error seen so far (a copy: same kind, OS code and message).
    pub fn error(&self) -> Option<io::Error> {
        self.error.as_ref().map(copy_error)
    }

    /// Flushes and returns the first error, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush();
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

fn copy_error(e: &io::Error) -> io::Error {
    match e.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct FailAfter(usize);
    impl Write for FailAfter {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            if self.0 < b.len() {
                return Err(io::Error::new(io::ErrorKind::WriteZero, "full"));
            }
            self.0 -= b.len();
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn remembers_first_error() {
        let mut w = Writer::new(FailAfter(4));
        w.write_str("abc");
        assert!(w.error().is_none());
        write!(w, "{}", 12345);
        w.write_bytes(b"more");
        assert_eq!(w.error().map(|e| e.kind()), Some(io::ErrorKind::WriteZero));
        assert!(w.finish().is_err());

        let path = std::env::temp_dir().join(format!("kit-host-writer-{}", std::process::id()));
        let mut f = Writer::file(path.to_str().unwrap()).unwrap();
        writeln!(f, "x={}", 1);
        f.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"x=1\n");
        std::fs::remove_file(&path).unwrap();
    }
}
