//! Random bytes from the operating system.
//!
//! Linux uses the `getrandom` system call, other POSIX systems
//! `getentropy`, Windows `RtlGenRandom` (exported from advapi32 as
//! `SystemFunction036`; present on every Windows since XP and in Wine).

use std::io;

/// Fills `buf` from the OS generator, reporting failure.
pub fn try_fill(buf: &mut [u8]) -> io::Result<()> {
    sys::fill(buf)
}

/// Fills `buf` with random bytes. Should the OS generator ever fail, the
/// bytes come from a mix of clocks, the process id and addresses instead:
/// good enough for temp-file names and hash seeds, which is all kit needs,
/// but not for cryptography.
pub fn fill(buf: &mut [u8]) {
    if try_fill(buf).is_ok() {
        return;
    }
    let mut state = crate::time::monotonic_ns()
        ^ crate::time::now_unix().rotate_left(32)
        ^ (std::process::id() as u64).rotate_left(16)
        ^ (buf.as_ptr() as u64);
    for chunk in buf.chunks_mut(8) {
        // splitmix64 step
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        chunk.copy_from_slice(&z.to_le_bytes()[..chunk.len()]);
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
mod sys {
    use std::io;

    pub fn fill(buf: &mut [u8]) -> io::Result<()> {
        let mut done = 0;
        while done < buf.len() {
            let rest = &mut buf[done..];
            // SAFETY: the kernel writes at most `rest.len()` bytes into `rest`.
            let n = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            done += n as usize;
        }
        Ok(())
    }
}

#[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
mod sys {
    use std::io;

    pub fn fill(buf: &mut [u8]) -> io::Result<()> {
        // getentropy hands out at most 256 bytes per call.
        for chunk in buf.chunks_mut(256) {
            // SAFETY: `chunk` is valid for `chunk.len()` (<= 256) bytes.
            if unsafe { libc::getentropy(chunk.as_mut_ptr().cast(), chunk.len()) } != 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(())
    }
}

#[cfg(windows)]
mod sys {
    use std::io;

    #[link(name = "advapi32")]
    unsafe extern "system" {
        // RtlGenRandom's real export name.
        fn SystemFunction036(buffer: *mut u8, length: u32) -> u8;
    }

    pub fn fill(buf: &mut [u8]) -> io::Result<()> {
        for chunk in buf.chunks_mut(u32::MAX as usize) {
            // SAFETY: `chunk` is valid for `chunk.len()` bytes, which fits in u32.
            if unsafe { SystemFunction036(chunk.as_mut_ptr(), chunk.len() as u32) } == 0 {
                return Err(io::Error::other("RtlGenRandom failed"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fills_with_something() {
        let mut a = [0u8; 64];
        let mut b = [0u8; 64];
        super::try_fill(&mut a).unwrap();
        super::fill(&mut b);
        assert_ne!(a, b);
        assert_ne!(a, [0u8; 64]);
        super::fill(&mut []);
    }
}
