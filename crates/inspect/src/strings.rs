//! `strings`: runs of printable characters in a file, as GNU strings
//! prints them with `-a` (the whole file, its default since 2.39) and the
//! 7-bit `-e s` encoding: ASCII graphic characters, space and tab.

use std::fmt::Write;

/// How offsets are shown before each string (`-t`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Radix {
    Octal,
    Decimal,
    Hex,
}

pub struct Options {
    /// The shortest run printed (`-n`, default 4).
    pub min_len: usize,
    pub radix: Option<Radix>,
    /// `-f`: prefix every string with this file name.
    pub file_prefix: Option<String>,
}

fn printable(b: u8) -> bool {
    (0x20..0x7f).contains(&b) || b == b'\t'
}

/// Every run of at least `min_len` printable bytes, one per line.
pub fn strings(data: &[u8], o: &Options) -> String {
    let mut out = String::new();
    let min = o.min_len.max(1);
    let mut start = 0;
    // The extra iteration at the end flushes a run that reaches the end.
    for i in 0..=data.len() {
        if i < data.len() && printable(data[i]) {
            continue;
        }
        if i - start >= min {
            if let Some(f) = &o.file_prefix {
                let _ = write!(out, "{f}: ");
            }
            let _ = match o.radix {
                Some(Radix::Octal) => write!(out, "{start:7o} "),
                Some(Radix::Decimal) => write!(out, "{start:7} "),
                Some(Radix::Hex) => write!(out, "{start:7x} "),
                None => Ok(()),
            };
            // Every byte of the run is ASCII, so this is exact.
            out.push_str(&String::from_utf8_lossy(&data[start..i]));
            out.push('\n');
        }
        start = i + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(min_len: usize, radix: Option<Radix>) -> Options {
        Options { min_len, radix, file_prefix: None }
    }

    #[test]
    fn runs_of_printable_bytes() {
        let data = b"ab\0hello\tworld\n\x7fxyz12\xffend";
        assert_eq!(strings(data, &opts(4, None)), "hello\tworld\nxyz12\n");
        // A run that reaches the end of the data counts.
        assert_eq!(strings(data, &opts(3, None)), "hello\tworld\nxyz12\nend\n");
        assert_eq!(strings(data, &opts(4, Some(Radix::Hex))), "      3 hello\tworld\n     10 xyz12\n");
        assert_eq!(strings(b"", &opts(4, None)), "");
    }
}
