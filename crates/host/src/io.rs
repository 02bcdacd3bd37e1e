//! Standard streams.

use std::io::{self, Read, Write};

pub fn read_stdin() -> io::Result<Vec<u8>> {
    let mut v = Vec::new();
    io::stdin().read_to_end(&mut v)?;
    Ok(v)
}

/// Writes to stderr without locks or allocation (safe in a fault handler).
pub fn write_stderr_raw(bytes: &[u8]) {
    #[cfg(unix)]
    {
        let mut off = 0;
        while off < bytes.len() {
            // SAFETY: writing a valid buffer to fd 2.
            let n = unsafe { libc::write(2, bytes[off..].as_ptr().cast(), bytes.len() - off) };
            if n <= 0 {
                return;
            }
            off += n as usize;
        }
    }
    #[cfg(not(unix))]
    {
        let _ = io::stderr().write_all(bytes);
    }
}

/// A writer that remembers its first error instead of failing each call.
pub struct Writer {
    inner: Box<dyn Write>,
    error: Option<io::Error>,
}

impl Writer {
    pub fn stdout() -> Writer {
        Writer { inner: Box::new(io::stdout()), error: None }
    }
    pub fn stderr() -> Writer {
        Writer { inner: Box::new(io::stderr()), error: None }
    }
    pub fn file(path: &str) -> io::Result<Writer> {
        Ok(Writer { inner: Box::new(io::BufWriter::new(std::fs::File::create(path)?)), error: None })
    }
    pub fn write_bytes(&mut self, b: &[u8]) {
        if self.error.is_none() {
            if let Err(e) = self.inner.write_all(b) {
                self.error = Some(e);
            }
        }
    }
    pub fn write_str(&mut self, s: &str) {
        self.write_bytes(s.as_bytes());
    }
    pub fn flush(&mut self) {
        if self.error.is_none() {
            if let Err(e) = self.inner.flush() {
                self.error = Some(e);
            }
        }
    }
    pub fn error(&self) -> Option<&io::Error> {
        self.error.as_ref()
    }
}
