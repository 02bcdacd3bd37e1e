//! Clocks and OS entropy.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

pub fn now_unix() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

pub fn monotonic_ns() -> u64 {
    use std::sync::OnceLock;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

/// Fills `buf` with OS entropy.
pub fn entropy(buf: &mut [u8]) -> bool {
    #[cfg(unix)]
    {
        let mut off = 0;
        while off < buf.len() {
            // SAFETY: valid buffer.
            let n = unsafe { libc::getrandom(buf[off..].as_mut_ptr().cast(), buf.len() - off, 0) };
            if n <= 0 {
                return false;
            }
            off += n as usize;
        }
        true
    }
    #[cfg(windows)]
    {
        #[link(name = "advapi32")]
        unsafe extern "system" {
            fn SystemFunction036(buf: *mut u8, len: u32) -> u8;
        }
        // SAFETY: RtlGenRandom writes `len` bytes into `buf`.
        unsafe { SystemFunction036(buf.as_mut_ptr(), buf.len() as u32) != 0 }
    }
}
