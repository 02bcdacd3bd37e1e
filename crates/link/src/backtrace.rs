//! Backtraces of JIT code by walking the frame-pointer chain (kit's code
//! keeps frame pointers: `[fp]` is the caller's fp, `[fp+8]` the return
//! address), symbolizing each frame with the image's line table.

use crate::JitImage;

/// One frame of a backtrace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The faulting pc for frame 0, the return address for the others.
    pub pc: usize,
    pub function: Option<String>,
    /// Offset of `pc` from the function's start.
    pub offset: u64,
    pub location: Option<(String, u32)>,
}

const MAX_FRAMES: usize = 64;

fn frame(image: &JitImage, pc: usize, top: bool) -> Frame {
    // A return address follows the call: its line is the call's (pc - 1).
    let lookup = if top { pc } else { pc.wrapping_sub(1) };
    match image.symbolize(lookup) {
        Some((name, off, loc)) => Frame { pc, function: Some(name), offset: off + u64::from(!top), location: loc },
        None => Frame { pc, function: None, offset: 0, location: None },
    }
}

/// Whether the bytes before `ret` end in a call instruction (`call rel32`,
/// `call *%reg`, `call *disp32(%rip)`), so a stack word that points into the
/// image's code is a return address and not a stray code pointer.
fn follows_call(ret: usize, read: &dyn Fn(usize) -> Option<usize>) -> bool {
    let Some(w) = read(ret.wrapping_sub(8)) else { return false };
    let b = w.to_le_bytes();
    b[3] == 0xe8 || (b[6] == 0xff && b[7] & 0xf8 == 0xd0) || (b[2] == 0xff && b[3] == 0x15) || (b[5] == 0xff && b[6] & 0x38 == 0x10)
}

/// Walks from the faulting `pc` and frame pointer `fp`; `read` loads a word
/// without faulting (e.g. `host::crash::read_memory_safely`). Stops when a
/// return address leaves the image, the chain stops growing upwards, or
/// after 64 frames.
pub fn backtrace(image: &JitImage, pc: usize, fp: usize, read: &dyn Fn(usize) -> Option<usize>) -> Vec<Frame> {
    backtrace_with_sp(image, pc, fp, 0, read)
}

/// [`backtrace`] that also knows the stack pointer. When the fault is
/// outside the image (say in libc's `strlen`), the frame of the JIT function
/// that called out is found as the first return address into the image on
/// the stack; the frame-pointer chain continues from there.
pub fn backtrace_with_sp(image: &JitImage, pc: usize, fp: usize, sp: usize, read: &dyn Fn(usize) -> Option<usize>) -> Vec<Frame> {
    let mut frames = vec![frame(image, pc, true)];
    let (code_start, code_end) = image.code_range();
    let in_code = |a: usize| a >= code_start && a < code_end;
    let mut fp = fp;
    if !in_code(pc) && sp != 0 {
        let found = (0..4096usize).map(|k| sp.wrapping_add(8 * k)).find_map(|slot| {
            let v = read(slot)?;
            (in_code(v) && follows_call(v, read)).then_some((slot, v))
        });
        let Some((slot, ret)) = found else { return frames };
        frames.push(frame(image, ret, false));
        // The callee may have reused %rbp: trust it only if it points at a
        // frame above the return address whose own return is in the image.
        let plausible = fp > slot && fp - slot < (1 << 20) && read(fp.wrapping_add(8)).is_some_and(in_code);
        if !plausible {
            return frames;
        }
    }
    while frames.len() < MAX_FRAMES {
        if fp == 0 || !fp.is_multiple_of(8) {
            break;
        }
        let (Some(next), Some(ret)) = (read(fp), read(fp.wrapping_add(8))) else { break };
        if !in_code(ret) {
            break;
        }
        frames.push(frame(image, ret, false));
        if next <= fp {
            break;
        }
        fp = next;
    }
    frames
}

/// gdb-style lines: `#0  0x000055555555513d in main () at crash.c:5`.
pub fn format_backtrace(frames: &[Frame]) -> String {
    let mut s = String::new();
    for (i, f) in frames.iter().enumerate() {
        let func = f.function.as_deref().unwrap_or("??");
        s.push_str(&format!("#{i:<2} 0x{:016x} in {func} ()", f.pc));
        if let Some((file, line)) = &f.location {
            s.push_str(&format!(" at {file}:{line}"));
        }
        s.push('\n');
    }
    s
}
