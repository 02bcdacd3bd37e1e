//! The crash guard around code run in-process: fault handlers that hand the
//! faulting context to kit, then exit with 128+signal.

#[derive(Clone, Copy, Debug)]
pub struct FaultInfo {
    pub signal: i32,
    pub signal_name: &'static str,
    pub pc: usize,
    pub fp: usize,
    pub sp: usize,
    pub fault_addr: usize,
}

pub fn signal_name(sig: i32) -> &'static str {
    match sig {
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        11 => "SIGSEGV",
        _ => "signal",
    }
}

#[cfg(unix)]
mod imp {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static HANDLER: AtomicUsize = AtomicUsize::new(0);

    extern "C" fn on_signal(sig: i32, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
        let (mut pc, mut fp, mut sp) = (0, 0, 0);
        #[cfg(all(target_arch = "x86_64", target_os = "linux"))]
        // SAFETY: the kernel passes a valid ucontext for SA_SIGINFO handlers.
        unsafe {
            let uc = &*(ctx as *const libc::ucontext_t);
            pc = uc.uc_mcontext.gregs[libc::REG_RIP as usize] as usize;
            fp = uc.uc_mcontext.gregs[libc::REG_RBP as usize] as usize;
            sp = uc.uc_mcontext.gregs[libc::REG_RSP as usize] as usize;
        }
        let _ = ctx;
        // SAFETY: siginfo is valid in the handler.
        let fault_addr = unsafe { (*info).si_addr() as usize };
        let fi = FaultInfo { signal: sig, signal_name: signal_name(sig), pc, fp, sp, fault_addr };
        let h = HANDLER.load(Ordering::SeqCst);
        if h != 0 {
            // SAFETY: stored from a `fn(&FaultInfo)`.
            let f: fn(&FaultInfo) = unsafe { std::mem::transmute(h) };
            f(&fi);
        }
        crate::process::exit_now(128 + sig);
    }

    pub fn install(handler: fn(&FaultInfo)) {
        HANDLER.store(handler as usize, Ordering::SeqCst);
        // SAFETY: installing signal handlers with an alternate stack.
        unsafe {
            let size = 256 * 1024;
            let stack = libc::mmap(std::ptr::null_mut(), size, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0);
            if stack != libc::MAP_FAILED {
                let ss = libc::stack_t { ss_sp: stack, ss_flags: 0, ss_size: size };
                libc::sigaltstack(&ss, std::ptr::null_mut());
            }
            for sig in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGTRAP] {
                let mut sa: libc::sigaction = std::mem::zeroed();
                sa.sa_sigaction = on_signal as usize;
                sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_RESETHAND;
                libc::sigemptyset(&mut sa.sa_mask);
                libc::sigaction(sig, &sa, std::ptr::null_mut());
            }
        }
    }

    pub fn read(addr: usize, buf: &mut [u8]) -> bool {
        let local = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() };
        let remote = libc::iovec { iov_base: addr as *mut libc::c_void, iov_len: buf.len() };
        // SAFETY: process_vm_readv on ourselves fails cleanly on bad addresses.
        let n = unsafe { libc::process_vm_readv(libc::getpid(), &local, 1, &remote, 1, 0) };
        n == buf.len() as isize
    }
}

#[cfg(windows)]
mod imp {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use windows_sys::Win32::Foundation::*;
    use windows_sys::Win32::System::Diagnostics::Debug::*;

    static HANDLER: AtomicUsize = AtomicUsize::new(0);

    unsafe extern "system" fn on_exception(ep: *mut EXCEPTION_POINTERS) -> i32 {
        // SAFETY: the system passes valid exception pointers.
        let (code, pc, fp, sp) = unsafe {
            let rec = &*(*ep).ExceptionRecord;
            let ctx = &*(*ep).ContextRecord;
            (rec.ExceptionCode, ctx.Rip as usize, ctx.Rbp as usize, ctx.Rsp as usize)
        };
        let sig = match code {
            EXCEPTION_ACCESS_VIOLATION | EXCEPTION_STACK_OVERFLOW => 11,
            EXCEPTION_INT_DIVIDE_BY_ZERO | EXCEPTION_INT_OVERFLOW => 8,
            EXCEPTION_ILLEGAL_INSTRUCTION | EXCEPTION_PRIV_INSTRUCTION => 4,
            _ => return 0, // EXCEPTION_CONTINUE_SEARCH
        };
        let fi = FaultInfo { signal: sig, signal_name: signal_name(sig), pc, fp, sp, fault_addr: 0 };
        let h = HANDLER.load(Ordering::SeqCst);
        if h != 0 {
            // SAFETY: stored from a `fn(&FaultInfo)`.
            let f: fn(&FaultInfo) = unsafe { std::mem::transmute(h) };
            f(&fi);
        }
        crate::process::exit_now(128 + sig);
    }

    pub fn install(handler: fn(&FaultInfo)) {
        HANDLER.store(handler as usize, Ordering::SeqCst);
        // SAFETY: registering a vectored handler.
        unsafe {
            AddVectoredExceptionHandler(1, Some(on_exception));
        }
    }

    pub fn read(addr: usize, buf: &mut [u8]) -> bool {
        let mut n = 0usize;
        // SAFETY: ReadProcessMemory on ourselves fails cleanly on bad addresses.
        let ok = unsafe {
            ReadProcessMemory(windows_sys::Win32::System::Threading::GetCurrentProcess(), addr as *const _, buf.as_mut_ptr().cast(), buf.len(), &mut n)
        };
        ok != 0 && n == buf.len()
    }
}

/// Installs handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGTRAP (on
/// Windows: access violation, divide by zero, illegal instruction). The
/// handler runs on an alternate stack; afterwards the process exits with
/// 128+signal.
pub fn install_fault_handlers(handler: fn(&FaultInfo)) {
    imp::install(handler)
}

/// Copies memory at `addr`, returning false instead of faulting.
pub fn read_memory_safely(addr: usize, buf: &mut [u8]) -> bool {
    imp::read(addr, buf)
}
