//! Executable memory under W^X by dual mapping: one shared memory object
//! mapped twice, a read-write *write alias* and a *runtime alias* that is
//! read+execute for code (read-write for data ranges the linker marks so).
//! No page is ever writable and executable at the same address. A
//! process-wide registry maps runtime addresses to write aliases so a
//! debugger can patch code. Where dual mapping is unavailable, a single
//! mapping is written first and then protected.

use std::io;
use std::sync::Mutex;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Prot {
    ReadOnly,
    ReadWrite,
    ReadExecute,
}

pub struct ExecRegion {
    write: *mut u8,
    runtime: *mut u8,
    len: usize,
    dual: bool,
}

// SAFETY: the region is plain memory; synchronisation is the user's.
unsafe impl Send for ExecRegion {}
unsafe impl Sync for ExecRegion {}

static REGISTRY: Mutex<Vec<(usize, usize, usize)>> = Mutex::new(Vec::new());

pub fn page_size() -> usize {
    4096
}

impl ExecRegion {
    /// Reserves `size` bytes (rounded up to pages), zero-filled.
    pub fn new(size: usize) -> io::Result<ExecRegion> {
        let len = size.max(1).next_multiple_of(page_size());
        let r = sys::map(len)?;
        REGISTRY.lock().unwrap().push((r.runtime as usize, len, r.write as usize));
        Ok(r)
    }
    pub fn write_ptr(&self) -> *mut u8 {
        self.write
    }
    pub fn runtime_addr(&self) -> usize {
        self.runtime as usize
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn is_dual_mapped(&self) -> bool {
        self.dual
    }
    /// The write alias of a runtime address inside this region.
    pub fn write_alias_of(&self, addr: usize) -> Option<*mut u8> {
        let start = self.runtime as usize;
        (addr >= start && addr < start + self.len).then(|| self.write.wrapping_add(addr - start))
    }
    /// Sets the protection of part of the runtime alias (page-rounded).
    pub fn protect_range(&self, addr: usize, len: usize, prot: Prot) -> io::Result<()> {
        let start = addr & !(page_size() - 1);
        let end = (addr + len).next_multiple_of(page_size());
        sys::protect(start, end - start, prot)
    }
}

impl Drop for ExecRegion {
    fn drop(&mut self) {
        REGISTRY.lock().unwrap().retain(|r| r.0 != self.runtime as usize);
        sys::unmap(self);
    }
}

/// The write alias of any live region's runtime address.
pub fn write_alias(addr: usize) -> Option<*mut u8> {
    let reg = REGISTRY.lock().ok()?;
    reg.iter().find(|r| addr >= r.0 && addr < r.0 + r.1).map(|r| (r.2 + (addr - r.0)) as *mut u8)
}

/// Makes freshly written code visible to instruction fetch.
pub fn flush_icache(_addr: usize, _len: usize) {
    // x86-64 keeps instruction caches coherent; other hosts are not yet
    // supported as JIT hosts.
}

#[cfg(unix)]
mod sys {
    use super::*;

    fn prot_bits(p: Prot) -> i32 {
        match p {
            Prot::ReadOnly => libc::PROT_READ,
            Prot::ReadWrite => libc::PROT_READ | libc::PROT_WRITE,
            Prot::ReadExecute => libc::PROT_READ | libc::PROT_EXEC,
        }
    }

    pub fn map(len: usize) -> io::Result<ExecRegion> {
        // SAFETY: creating and mapping an anonymous shared memory file.
        unsafe {
            let fd = libc::memfd_create(c"kit-jit".as_ptr(), libc::MFD_CLOEXEC);
            if fd >= 0 {
                if libc::ftruncate(fd, len as libc::off_t) == 0 {
                    let w = libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED, fd, 0);
                    let r = libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_EXEC, libc::MAP_SHARED, fd, 0);
                    libc::close(fd);
                    if w != libc::MAP_FAILED && r != libc::MAP_FAILED {
                        return Ok(ExecRegion { write: w.cast(), runtime: r.cast(), len, dual: true });
                    }
                    if w != libc::MAP_FAILED {
                        libc::munmap(w, len);
                    }
                    if r != libc::MAP_FAILED {
                        libc::munmap(r, len);
                    }
                } else {
                    libc::close(fd);
                }
            }
            // Fallback: one private mapping, writable now, protected later.
            let p = libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0);
            if p == libc::MAP_FAILED {
                return Err(io::Error::last_os_error());
            }
            Ok(ExecRegion { write: p.cast(), runtime: p.cast(), len, dual: false })
        }
    }

    pub fn protect(addr: usize, len: usize, prot: Prot) -> io::Result<()> {
        // SAFETY: page-aligned range inside a mapping we own.
        let r = unsafe { libc::mprotect(addr as *mut libc::c_void, len, prot_bits(prot)) };
        if r == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
    }

    pub fn unmap(r: &ExecRegion) {
        // SAFETY: unmapping our own mappings.
        unsafe {
            libc::munmap(r.runtime.cast(), r.len);
            if r.dual {
                libc::munmap(r.write.cast(), r.len);
            }
        }
    }
}

#[cfg(windows)]
mod sys {
    use super::*;
    use windows_sys::Win32::Foundation::{CloseHandle, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::System::Memory::*;

    pub fn map(len: usize) -> io::Result<ExecRegion> {
        // SAFETY: a pagefile-backed section mapped twice.
        unsafe {
            let h = CreateFileMappingW(INVALID_HANDLE_VALUE, std::ptr::null(), PAGE_EXECUTE_READWRITE, (len as u64 >> 32) as u32, len as u32, std::ptr::null());
            if h.is_null() {
                return Err(io::Error::last_os_error());
            }
            let w = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, len);
            let r = MapViewOfFile(h, FILE_MAP_READ | FILE_MAP_EXECUTE, 0, 0, len);
            CloseHandle(h);
            if w.Value.is_null() || r.Value.is_null() {
                return Err(io::Error::last_os_error());
            }
            Ok(ExecRegion { write: w.Value.cast(), runtime: r.Value.cast(), len, dual: true })
        }
    }

    pub fn protect(addr: usize, len: usize, prot: Prot) -> io::Result<()> {
        let p = match prot {
            Prot::ReadOnly => PAGE_READONLY,
            Prot::ReadWrite => PAGE_READWRITE,
            Prot::ReadExecute => PAGE_EXECUTE_READ,
        };
        let mut old = 0;
        // SAFETY: a range inside our view.
        let ok = unsafe { VirtualProtect(addr as *const _, len, p, &mut old) };
        if ok != 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
    }

    pub fn unmap(r: &ExecRegion) {
        // SAFETY: our own views.
        unsafe {
            UnmapViewOfFile(MEMORY_MAPPED_VIEW_ADDRESS { Value: r.runtime.cast() });
            UnmapViewOfFile(MEMORY_MAPPED_VIEW_ADDRESS { Value: r.write.cast() });
        }
    }
}

#[cfg(all(test, target_arch = "x86_64", unix))]
mod tests {
    use super::*;

    #[test]
    fn dual_mapped_code_runs() {
        let r = ExecRegion::new(100).unwrap();
        let code = [0xb8, 0x2a, 0, 0, 0, 0xc3]; // mov eax, 42; ret
        // SAFETY: writing into the write alias of our region.
        unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), r.write_ptr(), code.len()) };
        assert_eq!(write_alias(r.runtime_addr() + 1), Some(r.write_ptr().wrapping_add(1)));
        // SAFETY: the runtime alias holds a valid function.
        let f: extern "C" fn() -> i32 = unsafe { std::mem::transmute(r.runtime_addr()) };
        assert_eq!(f(), 42);
    }
}
