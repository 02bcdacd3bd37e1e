//! Tokens of one assembler statement.

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A symbol, directive or mnemonic name (may contain `.` and `_`).
    Ident(String),
    Int(i64),
    Str(Vec<u8>),
    /// `%name`: a register.
    Reg(String),
    /// `1b` / `1f`: the nearest numeric label `1` before or after.
    NumLabel(u32, bool),
    Punct(char),
    /// `<<` and `>>`.
    Shl,
    Shr,
}

/// Splits `text` (one statement, comments removed) into tokens.
pub fn lex(text: &str) -> Result<Vec<Tok>, String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\r' | b'\x0c' => i += 1,
            b'"' => {
                let (s, next) = string(b, i + 1)?;
                out.push(Tok::Str(s));
                i = next;
            }
            b'\'' => {
                // A character constant: 'a (GNU as needs no closing quote).
                let (v, next) = escape(b, i + 1)?;
                i = if b.get(next) == Some(&b'\'') { next + 1 } else { next };
                out.push(Tok::Int(v as i64));
            }
            b'%' if b.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                let start = i + 1;
                i = start;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                out.push(Tok::Reg(text[start..i].to_ascii_lowercase()));
            }
            b'0'..=b'9' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                out.push(number(&text[start..i])?);
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b"_.$".contains(&b[i])) {
                    i += 1;
                }
                out.push(Tok::Ident(text[start..i].to_string()));
            }
            b'<' if b.get(i + 1) == Some(&b'<') => {
                out.push(Tok::Shl);
                i += 2;
            }
            b'>' if b.get(i + 1) == Some(&b'>') => {
                out.push(Tok::Shr);
                i += 2;
            }
            b'(' | b')' | b'[' | b']' | b',' | b':' | b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^' | b'~' | b'!' | b'@' | b'=' | b'$' | b'<'
            | b'>' => {
                out.push(Tok::Punct(c as char));
                i += 1;
            }
            _ => return Err(format!("unexpected character '{}'", c as char)),
        }
    }
    Ok(out)
}

fn number(s: &str) -> Result<Tok, String> {
    let lower = s.to_ascii_lowercase();
    if let Some(n) = lower.strip_suffix('b').or_else(|| lower.strip_suffix('f'))
        && !n.is_empty()
        && n.bytes().all(|c| c.is_ascii_digit())
        && !(lower.starts_with("0b") && lower.len() > 2)
    {
        let n: u32 = n.parse().map_err(|_| format!("bad label reference '{s}'"))?;
        return Ok(Tok::NumLabel(n, lower.ends_with('f')));
    }
    let (digits, radix) = if let Some(h) = lower.strip_prefix("0x") {
        (h, 16)
    } else if let Some(b) = lower.strip_prefix("0b") {
        (b, 2)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (&lower[1..], 8)
    } else {
        (lower.as_str(), 10)
    };
    u64::from_str_radix(digits, radix).map(|v| Tok::Int(v as i64)).map_err(|_| format!("bad number '{s}'"))
}

/// One possibly escaped character at `b[i..]`: its value and the index after it.
fn escape(b: &[u8], i: usize) -> Result<(u8, usize), String> {
    let Some(&c) = b.get(i) else { return Err("unterminated character constant".into()) };
    if c != b'\\' {
        return Ok((c, i + 1));
    }
    let Some(&e) = b.get(i + 1) else { return Err("unterminated escape".into()) };
    Ok(match e {
        b'n' => (b'\n', i + 2),
        b't' => (b'\t', i + 2),
        b'r' => (b'\r', i + 2),
        b'f' => (0x0c, i + 2),
        b'b' => (0x08, i + 2),
        b'v' => (0x0b, i + 2),
        b'a' => (0x07, i + 2),
        b'e' => (0x1b, i + 2),
        b'x' | b'X' => {
            let mut v: u32 = 0;
            let mut j = i + 2;
            while j < b.len() && b[j].is_ascii_hexdigit() {
                v = (v << 4) | (b[j] as char).to_digit(16).unwrap();
                j += 1;
            }
            (v as u8, j)
        }
        b'0'..=b'7' => {
            let mut v: u32 = 0;
            let mut j = i + 1;
            while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            (v as u8, j)
        }
        other => (other, i + 2),
    })
}

fn string(b: &[u8], mut i: usize) -> Result<(Vec<u8>, usize), String> {
    let mut s = Vec::new();
    loop {
        match b.get(i) {
            None => return Err("unterminated string".into()),
            Some(b'"') => return Ok((s, i + 1)),
            Some(_) => {
                let (c, next) = escape(b, i)?;
                s.push(c);
                i = next;
            }
        }
    }
}

/// Splits a source line into statements: `#` starts a comment, `;`
/// separates statements, neither counts inside a string.
pub fn statements(line: &str) -> Vec<&str> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i, mut in_str) = (0, 0, false);
    while i < b.len() {
        match b[i] {
            b'\\' if in_str => i += 1,
            b'"' => in_str = !in_str,
            b'\'' if !in_str => i += 1,
            b'#' if !in_str => {
                out.push(&line[start..i]);
                return out;
            }
            b';' if !in_str => {
                out.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&line[start..]);
    out
}

/// Removes `/* ... */` comments (outside strings and `#` comments),
/// keeping newlines so line numbers stay.
pub fn strip_block_comments(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let (mut i, mut in_str, mut in_line_comment) = (0, false, false);
    while i < b.len() {
        let c = b[i];
        if in_str {
            out.push(c);
            if c == b'\\' && i + 1 < b.len() {
                out.push(b[i + 1]);
                i += 1;
            } else if c == b'"' || c == b'\n' {
                in_str = false;
            }
        } else if in_line_comment {
            out.push(c);
            in_line_comment = c != b'\n';
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let end = text[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
            out.extend(b[i..end].iter().filter(|&&c| c == b'\n'));
            i = end;
            continue;
        } else {
            out.push(c);
            in_str = c == b'"';
            in_line_comment = c == b'#';
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}
