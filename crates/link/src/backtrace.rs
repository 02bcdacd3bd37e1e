//! Backtraces of JIT code: walk the frame-pointer chain (kit's code keeps
//! frame pointers) and symbolize each return address.

use crate::JitImage;

pub struct Frame {
    pub pc: usize,
    pub function: Option<String>,
    pub location: Option<(String, u32)>,
}

/// Walks from the faulting `pc` and frame pointer `fp`; `read` loads a word
/// without faulting. Stops when the chain leaves the image.
pub fn backtrace(image: &JitImage, pc: usize, fp: usize, read: &dyn Fn(usize) -> Option<usize>) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut pc = pc;
    let mut fp = fp;
    let mut first = true;
    for _ in 0..64 {
        // Return addresses point after the call: symbolize the call itself.
        let lookup = if first { pc } else { pc.wrapping_sub(1) };
        let Some((name, _off, loc)) = image.symbolize(lookup) else {
            if first {
                frames.push(Frame { pc, function: None, location: None });
                first = false;
                // The fault may be in libc: continue from the frame chain.
                match (read(fp.wrapping_add(8)), read(fp)) {
                    (Some(ret), Some(next)) => {
                        pc = ret;
                        fp = next;
                        continue;
                    }
                    _ => break,
                }
            }
            break;
        };
        frames.push(Frame { pc, function: Some(name), location: loc });
        first = false;
        if fp == 0 {
            break;
        }
        match (read(fp.wrapping_add(8)), read(fp)) {
            (Some(ret), Some(next)) if next > fp => {
                pc = ret;
                fp = next;
            }
            (Some(ret), _) => {
                pc = ret;
                fp = 0;
            }
            _ => break,
        }
    }
    frames
}

/// gdb-style lines: `#0  0x... in main () at crash.c:5`.
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
