//! Executable memory under W^X by dual mapping.
//!
//! [`ExecRegion::new`] creates one shared memory object (Linux:
//! `memfd_create`, else an unlinked file in /dev/shm; other POSIX:
//! `shm_open` + `shm_unlink`; Windows: a pagefile-backed section) and maps
//! it twice:
//!
//! - the *write alias* ([`ExecRegion::write_ptr`]) is read-write and never
//!   executable: the JIT linker and the debugger write code through it;
//! - the *runtime alias* ([`ExecRegion::runtime_addr`]) is where the code
//!   runs and the addresses the program sees. It starts read+execute.
//!
//! A JIT image also holds data. The chosen design is **per-range
//! protection of the runtime alias**: the linker lays code out first,
//! page-aligns the end of code, and then calls
//! [`ExecRegion::protect_range`] to make the data pages of the runtime
//! alias read-write (and the code pages read+execute). So one region holds
//! the whole image, PC-relative references between code and data stay
//! within one mapping, and no page of the runtime alias is ever writable
//! and executable at once. (On Windows the runtime view is mapped with
//! write access so that `VirtualProtect` may later grant RW on data pages —
//! a view cannot be raised above its mapping access — and is immediately
//! reduced to read+execute.)
//!
//! A process-wide registry maps any runtime address of a live region to
//! its write alias ([`write_alias`]), so a debugger can patch code;
//! [`patch_code`] does the whole write + icache flush.
//!
//! Where dual mapping is impossible (no memfd/shm, `noexec` /dev/shm, a
//! policy that refuses executable shared mappings), a *single mapping* is
//! used instead: private anonymous memory that starts read-write, where
//! write alias and runtime alias coincide. The caller protects code pages
//! read+execute once written; patching code later goes through
//! [`patch_code`], which briefly flips the page back to read-write (never
//! to read-write-execute). [`ExecRegion::new_single`] forces this mode.
//!
//! [`flush_icache`] must be called after writing code and before running
//! it: a no-op on x86, `dc cvau`/`ic ivau` on aarch64, the
//! `riscv_flush_icache` system call on riscv64 Linux, `FlushInstructionCache`
//! on Windows.

use std::io;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// Page protections for [`ExecRegion::protect_range`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Prot {
    ReadOnly,
    ReadWrite,
    ReadExecute,
}

/// A block of JIT memory: a write alias and a runtime alias of the same
/// pages (the same pointer in single-mapping mode). Unmapped on drop.
pub struct ExecRegion {
    write: *mut u8,
    runtime: *mut u8,
    len: usize,
    dual: bool,
}

// SAFETY: the region only hands out raw pointers; every access through
// them is the caller's unsafe code, which does its own synchronisation.
unsafe impl Send for ExecRegion {}
// SAFETY: as above; `&self` methods never touch the mapped memory except
// through `protect_range`, which the OS serialises.
unsafe impl Sync for ExecRegion {}

#[derive(Clone, Copy)]
struct Entry {
    runtime: usize,
    len: usize,
    write: usize,
    dual: bool,
}

static REGISTRY: Mutex<Vec<Entry>> = Mutex::new(Vec::new());

fn registry() -> MutexGuard<'static, Vec<Entry>> {
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// The OS page size.
pub fn page_size() -> usize {
    static SIZE: OnceLock<usize> = OnceLock::new();
    *SIZE.get_or_init(|| {
        let p = sys::page_size();
        if p.is_power_of_two() && p >= 4096 { p } else { 4096 }
    })
}

fn rounded_len(size: usize) -> io::Result<usize> {
    size.max(1)
        .checked_next_multiple_of(page_size())
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "executable region too large"))
}

impl ExecRegion {
    /// Maps at least `size` bytes (rounded up to whole pages), zero-filled,
    /// dual-mapped when possible, else single-mapped.
    pub fn new(size: usize) -> io::Result<ExecRegion> {
        let len = rounded_len(size)?;
        match sys::map_dual(len) {
            Ok((write, runtime)) => Ok(Self::register(write, runtime, len, true)),
            Err(_) => Self::new_single(size),
        }
    }

    /// Maps a single read-write region (the fallback mode, also usable on
    /// its own): write alias == runtime alias.
    pub fn new_single(size: usize) -> io::Result<ExecRegion> {
        let len = rounded_len(size)?;
        let p = sys::map_single(len)?;
        Ok(Self::register(p, p, len, false))
    }

    fn register(write: *mut u8, runtime: *mut u8, len: usize, dual: bool) -> ExecRegion {
        registry().push(Entry { runtime: runtime as usize, len, write: write as usize, dual });
        ExecRegion { write, runtime, len, dual }
    }

    /// The start of the write alias.
    pub fn write_ptr(&self) -> *mut u8 {
        self.write
    }

    /// The start of the runtime alias.
    pub fn runtime_addr(&self) -> usize {
        self.runtime as usize
    }

    /// The size in bytes (a whole number of pages).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether write and runtime aliases are distinct mappings.
    pub fn is_dual_mapped(&self) -> bool {
        self.dual
    }

    /// The write alias of a runtime address inside this region.
    pub fn write_alias_of(&self, runtime_addr: usize) -> Option<*mut u8> {
        let off = runtime_addr.checked_sub(self.runtime as usize)?;
        (off < self.len).then(|| self.write.wrapping_add(off))
    }

    /// Sets the protection of the runtime-alias pages covering
    /// `[addr, addr+len)`, which must lie inside this region. Never affects
    /// the write alias (except in single-mapping mode, where they coincide).
    pub fn protect_range(&self, addr: usize, len: usize, prot: Prot) -> io::Result<()> {
        if len == 0 {
            return Ok(());
        }
        let start = self.runtime as usize;
        let end = addr.saturating_add(len);
        if addr < start || end > start + self.len {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "range outside the executable region"));
        }
        let ps = page_size();
        let lo = addr & !(ps - 1);
        let hi = end.next_multiple_of(ps);
        sys::protect(lo, hi - lo, prot)
    }
}

impl Drop for ExecRegion {
    fn drop(&mut self) {
        let rt = self.runtime as usize;
        registry().retain(|e| e.runtime != rt);
        sys::unmap(self.write, self.runtime, self.len, self.dual);
    }
}

/// The write alias of a runtime address in any live region.
pub fn write_alias(runtime_addr: usize) -> Option<*mut u8> {
    let reg = registry();
    let e = reg.iter().find(|e| runtime_addr.wrapping_sub(e.runtime) < e.len)?;
    Some((e.write + (runtime_addr - e.runtime)) as *mut u8)
}

/// Overwrites code at runtime address `addr` of a live region (the
/// debugger's breakpoints): through the write alias when dual-mapped,
/// else by flipping the pages to read-write and back to read+execute.
/// Flushes the instruction cache afterwards.
pub fn patch_code(addr: usize, bytes: &[u8]) -> io::Result<()> {
    if bytes.is_empty() {
        return Ok(());
    }
    // Holding the registry lock keeps the region from being dropped meanwhile.
    let reg = registry();
    let end = addr.saturating_add(bytes.len());
    let e = *reg
        .iter()
        .find(|e| addr >= e.runtime && end <= e.runtime + e.len)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "address not in an executable region"))?;
    let dst = (e.write + (addr - e.runtime)) as *mut u8;
    let ps = page_size();
    let (lo, hi) = (addr & !(ps - 1), end.next_multiple_of(ps));
    if !e.dual {
        sys::protect(lo, hi - lo, Prot::ReadWrite)?;
    }
    // SAFETY: `dst..dst+len` lies inside the write alias of a live region
    // (checked above, kept alive by the lock) and is writable now.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len()) };
    if !e.dual {
        sys::protect(lo, hi - lo, Prot::ReadExecute)?;
    }
    flush_icache(addr, bytes.len());
    Ok(())
}

/// Makes code written to `[addr, addr+len)` (a runtime address) visible
/// to instruction fetch.
pub fn flush_icache(addr: usize, len: usize) {
    if len == 0 {
        return;
    }
    sys::flush_icache(addr, len);
}

#[cfg(unix)]
mod sys {
    use super::Prot;
    use std::io;
    use std::os::fd::{FromRawFd, OwnedFd};

    pub fn page_size() -> usize {
        // SAFETY: sysconf has no memory effects.
        let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        if n > 0 { n as usize } else { 4096 }
    }

    fn prot_bits(p: Prot) -> libc::c_int {
        match p {
            Prot::ReadOnly => libc::PROT_READ,
            Prot::ReadWrite => libc::PROT_READ | libc::PROT_WRITE,
            Prot::ReadExecute => libc::PROT_READ | libc::PROT_EXEC,
        }
    }

    fn unique_name() -> String {
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(0);
        format!("kit-jit-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed))
    }

    /// An anonymous shared memory object of `len` bytes.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    fn shared_object(len: usize) -> io::Result<OwnedFd> {
        let name = c"kit-jit";
        // SAFETY: memfd_create takes a NUL-terminated name and flags; the
        // raw syscall avoids depending on the libc version's wrapper.
        let fd = unsafe { libc::syscall(libc::SYS_memfd_create, name.as_ptr(), libc::MFD_CLOEXEC) };
        let fd = if fd >= 0 {
            // SAFETY: the kernel just returned this descriptor to us.
            unsafe { OwnedFd::from_raw_fd(fd as libc::c_int) }
        } else {
            // No memfd (old kernel, seccomp): an unlinked file on tmpfs.
            let path = format!("/dev/shm/{}", unique_name());
            let f = std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path)?;
            let _ = std::fs::remove_file(&path);
            OwnedFd::from(f)
        };
        set_len(&fd, len)?;
        Ok(fd)
    }

    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    fn shared_object(len: usize) -> io::Result<OwnedFd> {
        let name = std::ffi::CString::new(format!("/{}", unique_name())).map_err(io::Error::other)?;
        // SAFETY: shm_open with a NUL-terminated name; O_EXCL makes the
        // object ours alone, and it is unlinked before anyone else can open it.
        let fd = unsafe { libc::shm_open(name.as_ptr(), libc::O_RDWR | libc::O_CREAT | libc::O_EXCL, 0o600 as libc::mode_t) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` was just returned to us; the name is ours to unlink.
        let fd = unsafe {
            libc::shm_unlink(name.as_ptr());
            OwnedFd::from_raw_fd(fd)
        };
        set_len(&fd, len)?;
        Ok(fd)
    }

    fn set_len(fd: &OwnedFd, len: usize) -> io::Result<()> {
        use std::os::fd::AsRawFd;
        // SAFETY: ftruncate on a descriptor we own.
        if unsafe { libc::ftruncate(fd.as_raw_fd(), len as libc::off_t) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    fn mmap(len: usize, prot: libc::c_int, flags: libc::c_int, fd: libc::c_int) -> io::Result<*mut u8> {
        // SAFETY: a fresh mapping at an address of the kernel's choosing; it
        // cannot overlap any existing Rust object.
        let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, fd, 0) };
        if p == libc::MAP_FAILED { Err(io::Error::last_os_error()) } else { Ok(p.cast()) }
    }

    pub fn map_dual(len: usize) -> io::Result<(*mut u8, *mut u8)> {
        use std::os::fd::AsRawFd;
        let fd = shared_object(len)?;
        let w = mmap(len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED, fd.as_raw_fd())?;
        match mmap(len, libc::PROT_READ | libc::PROT_EXEC, libc::MAP_SHARED, fd.as_raw_fd()) {
            // The mappings keep the object alive; the descriptor closes here.
            Ok(r) => Ok((w, r)),
            Err(e) => {
                // SAFETY: unmapping the write alias we just created.
                unsafe { libc::munmap(w.cast(), len) };
                Err(e)
            }
        }
    }

    pub fn map_single(len: usize) -> io::Result<*mut u8> {
        mmap(len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANON, -1)
    }

    pub fn protect(addr: usize, len: usize, prot: Prot) -> io::Result<()> {
        // SAFETY: callers pass page-aligned ranges inside a region we mapped.
        if unsafe { libc::mprotect(addr as *mut libc::c_void, len, prot_bits(prot)) } == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    pub fn unmap(write: *mut u8, runtime: *mut u8, len: usize, dual: bool) {
        // SAFETY: unmapping the mappings this region created, exactly once.
        unsafe {
            libc::munmap(runtime.cast(), len);
            if dual {
                libc::munmap(write.cast(), len);
            }
        }
    }

    #[cfg(any(target_arch = "x86_64", target_arch = "x86"))]
    pub fn flush_icache(_addr: usize, _len: usize) {
        // x86 keeps instruction fetch coherent with data writes (even through
        // another virtual alias); only the compiler must not reorder.
        std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
    }

    #[cfg(all(target_arch = "aarch64", target_vendor = "apple"))]
    pub fn flush_icache(addr: usize, len: usize) {
        unsafe extern "C" {
            fn sys_icache_invalidate(start: *mut libc::c_void, len: libc::size_t);
        }
        // SAFETY: the range is mapped; the call only maintains caches.
        unsafe { sys_icache_invalidate(addr as *mut libc::c_void, len) }
    }

    #[cfg(all(target_arch = "aarch64", not(target_vendor = "apple")))]
    pub fn flush_icache(addr: usize, len: usize) {
        use std::arch::asm;
        let ctr: u64;
        // SAFETY: CTR_EL0 is readable from EL0 on Linux and the BSDs.
        unsafe { asm!("mrs {}, ctr_el0", out(reg) ctr, options(nomem, nostack, preserves_flags)) };
        let dline = 4usize << ((ctr >> 16) & 0xf);
        let iline = 4usize << (ctr & 0xf);
        let end = addr.saturating_add(len);
        // Clean data cache lines to the point of unification...
        let mut p = addr & !(dline - 1);
        while p < end {
            // SAFETY: cache maintenance on a mapped, readable address.
            unsafe { asm!("dc cvau, {}", in(reg) p, options(nostack, preserves_flags)) };
            p += dline;
        }
        // SAFETY: a barrier instruction.
        unsafe { asm!("dsb ish", options(nostack, preserves_flags)) };
        // ...then invalidate the instruction cache lines.
        let mut p = addr & !(iline - 1);
        while p < end {
            // SAFETY: cache maintenance on a mapped address.
            unsafe { asm!("ic ivau, {}", in(reg) p, options(nostack, preserves_flags)) };
            p += iline;
        }
        // SAFETY: barrier instructions.
        unsafe { asm!("dsb ish", "isb", options(nostack, preserves_flags)) };
    }

    #[cfg(all(target_arch = "riscv64", target_os = "linux"))]
    pub fn flush_icache(addr: usize, len: usize) {
        // __NR_riscv_flush_icache = __NR_arch_specific_syscall (244) + 15;
        // `fence.i` alone would only cover the current hart.
        const SYS_RISCV_FLUSH_ICACHE: libc::c_long = 259;
        // SAFETY: the syscall only maintains caches for the given range.
        unsafe { libc::syscall(SYS_RISCV_FLUSH_ICACHE, addr, addr.saturating_add(len), 0usize) };
    }

    #[cfg(not(any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        all(target_arch = "riscv64", target_os = "linux")
    )))]
    pub fn flush_icache(_addr: usize, _len: usize) {
        // TODO: other hosts are not JIT hosts yet.
    }
}

#[cfg(windows)]
mod sys {
    use super::Prot;
    use std::io;
    use windows_sys::Win32::Foundation::{CloseHandle, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::System::Diagnostics::Debug::FlushInstructionCache;
    use windows_sys::Win32::System::Memory::*;
    use windows_sys::Win32::System::SystemInformation::{GetSystemInfo, SYSTEM_INFO};
    use windows_sys::Win32::System::Threading::GetCurrentProcess;

    pub fn page_size() -> usize {
        // SAFETY: GetSystemInfo fills the zero-initialised struct we pass.
        unsafe {
            let mut si: SYSTEM_INFO = std::mem::zeroed();
            GetSystemInfo(&mut si);
            si.dwPageSize as usize
        }
    }

    fn win_prot(p: Prot) -> PAGE_PROTECTION_FLAGS {
        match p {
            Prot::ReadOnly => PAGE_READONLY,
            Prot::ReadWrite => PAGE_READWRITE,
            Prot::ReadExecute => PAGE_EXECUTE_READ,
        }
    }

    fn unmap_view(p: *mut u8) {
        // SAFETY: `p` is the base of a view we mapped and unmap once.
        unsafe { UnmapViewOfFile(MEMORY_MAPPED_VIEW_ADDRESS { Value: p.cast() }) };
    }

    pub fn map_dual(len: usize) -> io::Result<(*mut u8, *mut u8)> {
        let size = len as u64;
        // SAFETY: creating a pagefile-backed section; PAGE_EXECUTE_READWRITE
        // is only its maximum, each view narrows it.
        let section = unsafe {
            CreateFileMappingW(
                INVALID_HANDLE_VALUE,
                std::ptr::null(),
                PAGE_EXECUTE_READWRITE,
                (size >> 32) as u32,
                size as u32,
                std::ptr::null(),
            )
        };
        if section.is_null() {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: mapping views of the section we own; checked below.
        let (w, r) = unsafe {
            (
                MapViewOfFile(section, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, len).Value.cast::<u8>(),
                MapViewOfFile(section, FILE_MAP_READ | FILE_MAP_WRITE | FILE_MAP_EXECUTE, 0, 0, len).Value.cast::<u8>(),
            )
        };
        let err = io::Error::last_os_error();
        // SAFETY: the views keep the section alive; the handle is no longer needed.
        unsafe { CloseHandle(section) };
        if w.is_null() || r.is_null() {
            for v in [w, r] {
                if !v.is_null() {
                    unmap_view(v);
                }
            }
            return Err(err);
        }
        if let Err(e) = protect(r as usize, len, Prot::ReadExecute) {
            unmap_view(w);
            unmap_view(r);
            return Err(e);
        }
        Ok((w, r))
    }

    pub fn map_single(len: usize) -> io::Result<*mut u8> {
        // SAFETY: a fresh committed allocation at an address of the system's choosing.
        let p = unsafe { VirtualAlloc(std::ptr::null(), len, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE) };
        if p.is_null() { Err(io::Error::last_os_error()) } else { Ok(p.cast()) }
    }

    pub fn protect(addr: usize, len: usize, prot: Prot) -> io::Result<()> {
        let mut old = 0;
        // SAFETY: callers pass page-aligned ranges inside a region we mapped.
        if unsafe { VirtualProtect(addr as *const _, len, win_prot(prot), &mut old) } != 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    pub fn unmap(write: *mut u8, runtime: *mut u8, _len: usize, dual: bool) {
        if dual {
            unmap_view(runtime);
            unmap_view(write);
        } else {
            // SAFETY: releasing the whole VirtualAlloc reservation once.
            unsafe { VirtualFree(runtime.cast(), 0, MEM_RELEASE) };
        }
    }

    pub fn flush_icache(addr: usize, len: usize) {
        // SAFETY: cache maintenance for our own process.
        unsafe { FlushInstructionCache(GetCurrentProcess(), addr as *const _, len) };
    }
}

#[cfg(all(test, target_arch = "x86_64", unix))]
mod tests {
    use super::*;

    const RET42: [u8; 6] = [0xb8, 0x2a, 0, 0, 0, 0xc3]; // mov eax, 42; ret

    fn call(addr: usize) -> i32 {
        // SAFETY: the tests only pass addresses of `mov eax, imm32; ret`.
        let f: extern "C" fn() -> i32 = unsafe { std::mem::transmute(addr) };
        f()
    }

    /// The permission string ("r-xs") of the mapping containing `addr`.
    fn perms(addr: usize) -> Option<String> {
        let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
        maps.lines().find_map(|l| {
            let mut it = l.split_whitespace();
            let (lo, hi) = it.next()?.split_once('-')?;
            let (lo, hi) = (usize::from_str_radix(lo, 16).ok()?, usize::from_str_radix(hi, 16).ok()?);
            (addr >= lo && addr < hi).then(|| it.next().unwrap_or("").to_string())
        })
    }

    #[test]
    fn dual_mapped_code_runs() {
        let ps = page_size();
        let r = ExecRegion::new(3 * ps).unwrap();
        assert!(r.is_dual_mapped(), "memfd dual mapping should work on Linux");
        assert_eq!(r.len(), 3 * ps);
        let rt = r.runtime_addr();
        // SAFETY: writing within the write alias of our region.
        unsafe { std::ptr::copy_nonoverlapping(RET42.as_ptr(), r.write_ptr(), RET42.len()) };
        flush_icache(rt, RET42.len());
        assert_eq!(call(rt), 42);

        // Registry and per-region translation.
        assert_eq!(write_alias(rt + 5), Some(r.write_ptr().wrapping_add(5)));
        assert_eq!(r.write_alias_of(rt + 3 * ps - 1), Some(r.write_ptr().wrapping_add(3 * ps - 1)));
        assert_eq!(r.write_alias_of(rt + 3 * ps), None);
        assert_eq!(r.write_alias_of(rt.wrapping_sub(1)), None);

        // W^X: the runtime alias is not writable, the write alias not executable.
        if let (Some(pr), Some(pw)) = (perms(rt), perms(r.write_ptr() as usize)) {
            assert_eq!(pr, "r-xs");
            assert_eq!(pw, "rw-s");
        }

        // Per-range protection: page 1 becomes data, read-write in the runtime
        // alias, and shares its bytes with the write alias.
        r.protect_range(rt + ps + 10, 20, Prot::ReadWrite).unwrap();
        if let Some(p) = perms(rt + ps) {
            assert_eq!(p, "rw-s");
            assert_eq!(perms(rt).unwrap(), "r-xs");
        }
        // SAFETY: page 1 of the runtime alias is now read-write.
        unsafe { *((rt + ps + 1) as *mut u8) = 0x5a };
        // SAFETY: reading our write alias.
        assert_eq!(unsafe { *r.write_ptr().add(ps + 1) }, 0x5a);
        r.protect_range(rt + 2 * ps, ps, Prot::ReadOnly).unwrap();
        assert!(r.protect_range(rt + 2 * ps, ps + 1, Prot::ReadOnly).is_err());
        assert!(r.protect_range(rt - 1, 1, Prot::ReadOnly).is_err());
        assert!(r.protect_range(usize::MAX - 2, 5, Prot::ReadOnly).is_err());

        // Patching through the registry.
        patch_code(rt + 1, &[7]).unwrap();
        assert_eq!(call(rt), 7);
        assert!(patch_code(rt + 3 * ps - 1, &[1, 2]).is_err());

        drop(r);
        assert_eq!(write_alias(rt), None);
    }

    #[test]
    fn single_mapping_fallback() {
        let r = ExecRegion::new_single(10).unwrap();
        assert!(!r.is_dual_mapped());
        let rt = r.runtime_addr();
        assert_eq!(r.write_ptr() as usize, rt);
        // SAFETY: the single mapping starts read-write.
        unsafe { std::ptr::copy_nonoverlapping(RET42.as_ptr(), r.write_ptr(), RET42.len()) };
        r.protect_range(rt, RET42.len(), Prot::ReadExecute).unwrap();
        flush_icache(rt, RET42.len());
        assert_eq!(call(rt), 42);
        if let Some(p) = perms(rt) {
            assert_eq!(p, "r-xp");
        }
        patch_code(rt + 1, &[9]).unwrap();
        assert_eq!(call(rt), 9);
        if let Some(p) = perms(rt) {
            assert_eq!(p, "r-xp");
        }
    }

    #[test]
    fn sizes() {
        assert!(page_size().is_power_of_two());
        assert_eq!(ExecRegion::new(0).unwrap().len(), page_size());
        assert!(ExecRegion::new(usize::MAX).is_err());
        assert!(patch_code(0x10, &[1]).is_err());
        assert!(patch_code(0x10, &[]).is_ok());
    }
}
