//! The crash guard around code run in-process (`kit run`'s call into a
//! compiled program's `main`).
//!
//! [`install_fault_handlers`] routes hardware faults (and `abort`) to a
//! callback with the faulting registers. The callback runs on an
//! alternate stack, so even a stack overflow is reported; when it returns,
//! the process ends at once with status 128+signal, as a shell reports a
//! death by signal, without running `atexit` handlers.
//!
//! POSIX: `sigaction` with `SA_SIGINFO | SA_ONSTACK` for SIGSEGV, SIGBUS,
//! SIGFPE, SIGILL and SIGABRT, registers read from the `ucontext`
//! (x86-64, aarch64 and riscv64 Linux; elsewhere only the fault address).
//! The alternate stack is per thread: [`install_fault_handlers`] sets one
//! up for the calling thread, other threads that run guarded code call
//! [`install_alt_stack`].
//!
//! Windows: a vectored exception handler maps access violations, stack
//! overflow, in-page errors and misalignment to 11 (SIGSEGV), integer and
//! floating-point traps to 8 (SIGFPE), illegal and privileged
//! instructions to 4 (SIGILL); other exceptions (C++ and Rust unwinding,
//! debugger traffic) pass through. `SetThreadStackGuarantee` reserves room
//! for the handler after a stack overflow, and the C runtime's SIGABRT
//! handler reports `abort()` as 6.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// What the fault handler is told about a fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FaultInfo {
    /// The POSIX signal number (Windows exceptions are mapped to one).
    pub signal: i32,
    pub signal_name: &'static str,
    /// Program counter, frame pointer and stack pointer at the fault (0 if
    /// unknown on this host).
    pub pc: usize,
    pub fp: usize,
    pub sp: usize,
    /// The faulting data address, for memory faults (else 0).
    pub fault_addr: usize,
}

pub use crate::process::exit_now;

#[cfg(unix)]
const NAMES: &[(i32, &str)] = &[
    (libc::SIGHUP, "SIGHUP"),
    (libc::SIGINT, "SIGINT"),
    (libc::SIGQUIT, "SIGQUIT"),
    (libc::SIGILL, "SIGILL"),
    (libc::SIGTRAP, "SIGTRAP"),
    (libc::SIGABRT, "SIGABRT"),
    (libc::SIGBUS, "SIGBUS"),
    (libc::SIGFPE, "SIGFPE"),
    (libc::SIGKILL, "SIGKILL"),
    (libc::SIGSEGV, "SIGSEGV"),
    (libc::SIGPIPE, "SIGPIPE"),
    (libc::SIGALRM, "SIGALRM"),
    (libc::SIGTERM, "SIGTERM"),
    (libc::SIGSYS, "SIGSYS"),
];

#[cfg(not(unix))]
const NAMES: &[(i32, &str)] =
    &[(2, "SIGINT"), (4, "SIGILL"), (5, "SIGTRAP"), (6, "SIGABRT"), (8, "SIGFPE"), (11, "SIGSEGV"), (15, "SIGTERM")];

/// The conventional name of a signal number ("SIGSEGV"), or "unknown signal".
pub fn signal_name(sig: i32) -> &'static str {
    NAMES.iter().find(|(n, _)| *n == sig).map(|(_, s)| *s).unwrap_or("unknown signal")
}

/// The callback, stored as an address (0 = none) so the handler can read
/// it without locks.
static HANDLER: AtomicUsize = AtomicUsize::new(0);
/// Set by the first fault; a second one (a fault inside the callback, or
/// another thread faulting meanwhile) exits at once.
static IN_FAULT: AtomicBool = AtomicBool::new(false);

/// Runs the callback for a fault and ends the process with 128+signal.
fn report_and_exit(fi: &FaultInfo) -> ! {
    if IN_FAULT.swap(true, Ordering::SeqCst) {
        exit_now(128 + fi.signal);
    }
    let h = HANDLER.load(Ordering::SeqCst);
    if h != 0 {
        // SAFETY: HANDLER only ever holds 0 or a `fn(&FaultInfo)` stored by
        // install_fault_handlers.
        let f: fn(&FaultInfo) = unsafe { std::mem::transmute::<usize, fn(&FaultInfo)>(h) };
        f(fi);
    }
    exit_now(128 + fi.signal)
}

/// Installs `handler` for hardware faults and `abort` (see the module
/// docs). Replaces any previous handler; safe to call more than once.
pub fn install_fault_handlers(handler: fn(&FaultInfo)) {
    HANDLER.store(handler as usize, Ordering::SeqCst);
    let _ = install_alt_stack();
    sys::install();
}

/// Gives the calling thread an alternate signal stack (Windows: a stack
/// guarantee) so faults on it, stack overflow included, reach the
/// handler. Done once per thread; later calls are no-ops.
pub fn install_alt_stack() -> std::io::Result<()> {
    thread_local! {
        static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if DONE.with(|d| d.get()) {
        return Ok(());
    }
    sys::alt_stack()?;
    DONE.with(|d| d.set(true));
    Ok(())
}

/// Copies `buf.len()` bytes from address `addr` of this process into
/// `buf`, returning false (never faulting) if any of it is unreadable.
/// For walking frames of a crashed program.
pub fn read_memory_safely(addr: usize, buf: &mut [u8]) -> bool {
    if buf.is_empty() {
        return true;
    }
    if addr < 4096 || addr.checked_add(buf.len()).is_none() {
        return false;
    }
    sys::read(addr, buf)
}

#[cfg(unix)]
mod sys {
    use super::*;
    use std::io;

    const SIGNALS: [libc::c_int; 5] = [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGABRT];
    const ALT_STACK_SIZE: usize = 256 * 1024;

    /// (pc, fp, sp) from the signal context.
    #[allow(unused_variables)]
    fn registers(ctx: *mut libc::c_void) -> (usize, usize, usize) {
        if ctx.is_null() {
            return (0, 0, 0);
        }
        #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
        {
            // SAFETY: for SA_SIGINFO handlers the kernel passes a valid
            // ucontext_t as the third argument.
            let g = unsafe { &(*ctx.cast::<libc::ucontext_t>()).uc_mcontext.gregs };
            return (g[libc::REG_RIP as usize] as usize, g[libc::REG_RBP as usize] as usize, g[libc::REG_RSP as usize] as usize);
        }
        #[cfg(all(target_os = "linux", target_arch = "aarch64"))]
        {
            // SAFETY: as above.
            let m = unsafe { &(*ctx.cast::<libc::ucontext_t>()).uc_mcontext };
            return (m.pc as usize, m.regs[29] as usize, m.sp as usize);
        }
        #[cfg(all(target_os = "linux", target_arch = "riscv64"))]
        {
            // SAFETY: as above. __gregs: [0] = pc, [2] = sp, [8] = s0/fp.
            let g = unsafe { &(*ctx.cast::<libc::ucontext_t>()).uc_mcontext.__gregs };
            return (g[0] as usize, g[8] as usize, g[2] as usize);
        }
        #[allow(unreachable_code)]
        (0, 0, 0) // TODO: macOS and the BSDs.
    }

    fn fault_address(sig: libc::c_int, info: *mut libc::siginfo_t) -> usize {
        if info.is_null() || sig == libc::SIGABRT {
            return 0;
        }
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            // SAFETY: the kernel passes a valid siginfo; for these signals
            // si_addr is the member in use.
            return unsafe { (*info).si_addr() as usize };
        }
        #[cfg(target_vendor = "apple")]
        {
            // SAFETY: as above.
            return unsafe { (*info).si_addr as usize };
        }
        #[allow(unreachable_code)]
        0
    }

    extern "C" fn on_signal(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
        let (pc, fp, sp) = registers(ctx);
        let fi = FaultInfo { signal: sig, signal_name: signal_name(sig), pc, fp, sp, fault_addr: fault_address(sig, info) };
        report_and_exit(&fi);
    }

    pub fn install() {
        let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) = on_signal;
        for sig in SIGNALS {
            // SAFETY: a zeroed sigaction is valid; we set handler, flags and
            // an empty mask. SA_NODEFER is not set, so a fault inside the
            // handler for the same signal is fatal rather than recursive.
            unsafe {
                let mut sa: libc::sigaction = std::mem::zeroed();
                sa.sa_sigaction = f as libc::sighandler_t;
                sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigemptyset(&mut sa.sa_mask);
                libc::sigaction(sig, &sa, std::ptr::null_mut());
            }
        }
    }

    pub fn alt_stack() -> io::Result<()> {
        let page = crate::exec_mem::page_size();
        let total = ALT_STACK_SIZE + page;
        // SAFETY: a fresh private mapping; it is never unmapped, since the
        // thread may use it until it exits.
        let base = unsafe {
            libc::mmap(std::ptr::null_mut(), total, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANON, -1, 0)
        };
        if base == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: the lowest page of our mapping becomes a guard page, and
        // the rest is registered as this thread's signal stack.
        unsafe {
            libc::mprotect(base, page, libc::PROT_NONE);
            let ss = libc::stack_t { ss_sp: base.cast::<u8>().add(page).cast(), ss_flags: 0, ss_size: ALT_STACK_SIZE };
            if libc::sigaltstack(&ss, std::ptr::null_mut()) != 0 {
                let e = io::Error::last_os_error();
                libc::munmap(base, total);
                return Err(e);
            }
        }
        Ok(())
    }

    pub fn read(addr: usize, buf: &mut [u8]) -> bool {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            let local = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() };
            let remote = libc::iovec { iov_base: addr as *mut libc::c_void, iov_len: buf.len() };
            // SAFETY: the kernel copies from our own address space into
            // `buf`, failing with EFAULT instead of faulting.
            let n = unsafe { libc::process_vm_readv(libc::getpid(), &local, 1, &remote, 1, 0) };
            if n >= 0 {
                return n as usize == buf.len();
            }
            if io::Error::last_os_error().raw_os_error() == Some(libc::EFAULT) {
                return false;
            }
            // Not permitted here (seccomp, old kernel): use a pipe.
        }
        read_via_pipe(addr, buf)
    }

    /// write(2) from an unreadable address fails with EFAULT instead of
    /// faulting; what it did copy is read back from the other end.
    fn read_via_pipe(addr: usize, buf: &mut [u8]) -> bool {
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: pipe fills in two descriptors, which we close below.
        if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
            return false;
        }
        let mut ok = true;
        for (i, chunk) in buf.chunks_mut(4096).enumerate() {
            let src = addr + i * 4096;
            // SAFETY: the kernel reads `chunk.len()` bytes at `src` on our
            // behalf (EFAULT if unmapped); the pipe holds at least 4096 bytes.
            let w = unsafe { libc::write(fds[1], src as *const libc::c_void, chunk.len()) };
            if w != chunk.len() as isize {
                ok = false;
                break;
            }
            // SAFETY: reading back into `chunk`, which has room for it.
            let r = unsafe { libc::read(fds[0], chunk.as_mut_ptr().cast(), chunk.len()) };
            if r != chunk.len() as isize {
                ok = false;
                break;
            }
        }
        // SAFETY: closing the descriptors pipe gave us.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
        ok
    }
}

#[cfg(windows)]
mod sys {
    use super::*;
    use windows_sys::Win32::Foundation::*;
    use windows_sys::Win32::System::Diagnostics::Debug::*;
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, SetThreadStackGuarantee};

    const EXCEPTION_CONTINUE_SEARCH: i32 = 0;

    fn signal_of(code: NTSTATUS) -> Option<i32> {
        Some(match code {
            EXCEPTION_ACCESS_VIOLATION
            | EXCEPTION_STACK_OVERFLOW
            | EXCEPTION_IN_PAGE_ERROR
            | EXCEPTION_DATATYPE_MISALIGNMENT
            | EXCEPTION_ARRAY_BOUNDS_EXCEEDED => 11,
            EXCEPTION_INT_DIVIDE_BY_ZERO
            | EXCEPTION_INT_OVERFLOW
            | EXCEPTION_FLT_DIVIDE_BY_ZERO
            | EXCEPTION_FLT_OVERFLOW
            | EXCEPTION_FLT_UNDERFLOW
            | EXCEPTION_FLT_INVALID_OPERATION
            | EXCEPTION_FLT_DENORMAL_OPERAND
            | EXCEPTION_FLT_INEXACT_RESULT
            | EXCEPTION_FLT_STACK_CHECK => 8,
            EXCEPTION_ILLEGAL_INSTRUCTION | EXCEPTION_PRIV_INSTRUCTION => 4,
            _ => return None,
        })
    }

    unsafe extern "system" fn on_exception(ep: *mut EXCEPTION_POINTERS) -> i32 {
        if ep.is_null() {
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // SAFETY: the system passes valid exception and context records.
        let (rec, ctx) = unsafe { (&*(*ep).ExceptionRecord, &*(*ep).ContextRecord) };
        let Some(sig) = signal_of(rec.ExceptionCode) else {
            return EXCEPTION_CONTINUE_SEARCH;
        };
        let memory_fault = rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION || rec.ExceptionCode == EXCEPTION_IN_PAGE_ERROR;
        // ExceptionInformation[1] is the inaccessible address for these.
        let fault_addr = if memory_fault && rec.NumberParameters >= 2 { rec.ExceptionInformation[1] } else { 0 };
        #[cfg(target_arch = "x86_64")]
        let (pc, fp, sp) = (ctx.Rip as usize, ctx.Rbp as usize, ctx.Rsp as usize);
        #[cfg(not(target_arch = "x86_64"))]
        let (pc, fp, sp) = {
            let _ = ctx;
            (rec.ExceptionAddress as usize, 0, 0) // TODO: aarch64 CONTEXT
        };
        report_and_exit(&FaultInfo { signal: sig, signal_name: signal_name(sig), pc, fp, sp, fault_addr })
    }

    extern "C" fn on_abort(_sig: i32) {
        report_and_exit(&FaultInfo { signal: 6, signal_name: "SIGABRT", pc: 0, fp: 0, sp: 0, fault_addr: 0 })
    }

    unsafe extern "C" {
        // The C runtime's signal(); SIGABRT is 22 there.
        fn signal(sig: i32, handler: usize) -> usize;
    }

    pub fn install() {
        static INSTALLED: AtomicBool = AtomicBool::new(false);
        if INSTALLED.swap(true, Ordering::SeqCst) {
            return;
        }
        let f: extern "C" fn(i32) = on_abort;
        // SAFETY: registering handlers that live for the whole process.
        unsafe {
            AddVectoredExceptionHandler(1, Some(on_exception));
            signal(22, f as usize);
        }
    }

    pub fn alt_stack() -> std::io::Result<()> {
        let mut size: u32 = 64 * 1024;
        // SAFETY: asks the system to keep `size` bytes of stack for
        // exception handling on this thread.
        if unsafe { SetThreadStackGuarantee(&mut size) } == 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    }

    pub fn read(addr: usize, buf: &mut [u8]) -> bool {
        let mut n = 0usize;
        // SAFETY: ReadProcessMemory on our own process fails cleanly on
        // unreadable addresses and writes at most `buf.len()` bytes.
        let ok = unsafe { ReadProcessMemory(GetCurrentProcess(), addr as *const _, buf.as_mut_ptr().cast(), buf.len(), &mut n) };
        ok != 0 && n == buf.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(signal_name(11), "SIGSEGV");
        assert_eq!(signal_name(8), "SIGFPE");
        assert_eq!(signal_name(4), "SIGILL");
        assert_eq!(signal_name(6), "SIGABRT");
        assert_eq!(signal_name(-3), "unknown signal");
        #[cfg(unix)]
        assert_eq!(signal_name(libc::SIGBUS), "SIGBUS");
    }

    #[test]
    fn safe_reads() {
        let v: u64 = 0x1122_3344_5566_7788;
        let mut b = [0u8; 8];
        assert!(read_memory_safely(&v as *const u64 as usize, &mut b));
        assert_eq!(u64::from_ne_bytes(b), v);
        assert!(!read_memory_safely(0, &mut b));
        assert!(!read_memory_safely(usize::MAX - 3, &mut b));
        assert!(read_memory_safely(0, &mut []));
        let big = vec![7u8; 10_000];
        let mut out = vec![0u8; 10_000];
        assert!(read_memory_safely(big.as_ptr() as usize, &mut out));
        assert_eq!(big, out);
        #[cfg(unix)]
        {
            let r = crate::exec_mem::ExecRegion::new_single(1).unwrap();
            r.protect_range(r.runtime_addr(), 1, crate::exec_mem::Prot::ReadWrite).unwrap();
            // SAFETY: making our own page inaccessible.
            unsafe { libc::mprotect(r.runtime_addr() as *mut libc::c_void, r.len(), libc::PROT_NONE) };
            assert!(!read_memory_safely(r.runtime_addr(), &mut b));
            assert!(!sys::read(r.runtime_addr(), &mut b));
            let mut ok = [0u8; 8];
            assert!(super::sys::read(&v as *const u64 as usize, &mut ok));
        }
    }

    #[cfg(unix)]
    const CHILD_ENV: &str = "KIT_HOST_CRASH_CHILD";

    #[cfg(unix)]
    fn child_report(fi: &FaultInfo) {
        let msg = format!(
            "FAULT signal={} name={} pc={:#x} fp={:#x} sp={:#x} addr={:#x}\n",
            fi.signal, fi.signal_name, fi.pc, fi.fp, fi.sp, fi.fault_addr
        );
        crate::io::write_stderr_raw(msg.as_bytes());
    }

    #[cfg(unix)]
    fn recurse(n: u64) -> u64 {
        let buf = [n as u8; 1024];
        std::hint::black_box(&buf);
        if n == u64::MAX {
            return 0;
        }
        1 + recurse(std::hint::black_box(n + 1)) + buf[7] as u64
    }

    /// The child side of `faults_end_the_process`, not a test of its own
    /// (ignored, so it is never counted as a pass): the parent runs it with
    /// `--ignored` and KIT_HOST_CRASH_CHILD set.
    #[cfg(unix)]
    #[test]
    #[ignore = "the child process of faults_end_the_process"]
    fn crash_child() {
        let mode = std::env::var(CHILD_ENV).expect("run by faults_end_the_process");
        install_fault_handlers(child_report);
        match mode.as_str() {
            "segv" => {
                let r = crate::exec_mem::ExecRegion::new_single(1).unwrap();
                let p = r.runtime_addr();
                // SAFETY: making our own page inaccessible.
                unsafe { libc::mprotect(p as *mut libc::c_void, r.len(), libc::PROT_NONE) };
                crate::io::write_stderr_raw(format!("page={p:#x}\n").as_bytes());
                // SAFETY: deliberately faults (the page is PROT_NONE).
                let v = unsafe { std::ptr::read_volatile((p + 8) as *const u8) };
                std::hint::black_box(v);
            }
            "overflow" => {
                std::hint::black_box(recurse(0));
            }
            "abort" => std::process::abort(),
            _ => {}
        }
        crate::io::write_stderr_raw(b"NO FAULT\n");
    }

    #[cfg(unix)]
    #[test]
    fn faults_end_the_process() {
        use std::os::unix::process::ExitStatusExt;
        if std::env::var(CHILD_ENV).is_ok() {
            return;
        }
        let exe = std::env::current_exe().unwrap();
        for (mode, sig) in [("segv", libc::SIGSEGV), ("overflow", libc::SIGSEGV), ("abort", libc::SIGABRT)] {
            let out = std::process::Command::new(&exe)
                .args(["crash::tests::crash_child", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
                .env(CHILD_ENV, mode)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(128 + sig), "{mode}: {:?} {err}", out.status.signal());
            let line = err.lines().find(|l| l.starts_with("FAULT")).unwrap_or_else(|| panic!("{mode}: {err}"));
            assert!(line.contains(&format!("signal={sig} name={}", signal_name(sig))), "{line}");
            if mode == "segv" {
                let page = err.lines().find_map(|l| l.strip_prefix("page=")).unwrap();
                let page = usize::from_str_radix(page.trim_start_matches("0x"), 16).unwrap();
                assert!(line.contains(&format!("addr={:#x}", page + 8)), "{line}");
                if cfg!(all(target_os = "linux", any(target_arch = "x86_64", target_arch = "aarch64", target_arch = "riscv64"))) {
                    assert!(!line.contains("pc=0x0 ") && !line.contains("sp=0x0 "), "{line}");
                }
            }
        }
    }
}
