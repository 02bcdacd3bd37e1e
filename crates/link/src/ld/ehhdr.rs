//! `.eh_frame_hdr`: a sorted table from function start to FDE, which
//! unwinders find through `PT_GNU_EH_FRAME` (glibc's `_Unwind_Find_FDE`).

/// Walks `.eh_frame` records: (offset, length, CIE pointer field).
fn records(data: &[u8]) -> impl Iterator<Item = (usize, usize, u32)> + '_ {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let len = u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?) as usize;
        if len == 0 || len == 0xffff_ffff {
            return None; // terminator, or the 64-bit form no x86-64 compiler emits
        }
        let id = u32::from_le_bytes(data.get(at + 4..at + 8)?.try_into().ok()?);
        let rec = (at, len, id);
        at = at.checked_add(4 + len)?;
        (at <= data.len()).then_some(rec)
    })
}

pub(crate) fn count_fdes(data: &[u8]) -> usize {
    records(data).filter(|r| r.2 != 0).count()
}

fn uleb(data: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *data.get(*at)?;
        *at += 1;
        if shift < 64 {
            v |= ((b & 0x7f) as u64) << shift;
        }
        shift += 7;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
}

/// Reads an encoded pointer at `at` (the field's address is `addr`).
fn read_ptr(data: &[u8], at: &mut usize, enc: u8, addr: u64) -> Option<u64> {
    let raw = match enc & 0x0f {
        0x00 => {
            let v = u64::from_le_bytes(data.get(*at..*at + 8)?.try_into().ok()?);
            *at += 8;
            v
        }
        0x03 => {
            let v = u32::from_le_bytes(data.get(*at..*at + 4)?.try_into().ok()?) as u64;
            *at += 4;
            v
        }
        0x0b => {
            let v = i32::from_le_bytes(data.get(*at..*at + 4)?.try_into().ok()?) as i64 as u64;
            *at += 4;
            v
        }
        0x04 | 0x0c => {
            let v = u64::from_le_bytes(data.get(*at..*at + 8)?.try_into().ok()?);
            *at += 8;
            v
        }
        _ => return None,
    };
    match enc & 0x70 {
        0x00 => Some(raw),
        0x10 => Some(addr.wrapping_add(raw)),
        _ => None,
    }
}

/// The FDE pointer encoding a CIE declares (`zR` augmentation).
fn cie_fde_encoding(data: &[u8], at: usize, len: usize) -> Option<u8> {
    let end = at + 4 + len;
    let mut p = at + 8;
    let version = *data.get(p)?;
    p += 1;
    let aug_end = p + data.get(p..end)?.iter().position(|&b| b == 0)?;
    let aug = data.get(p..aug_end)?.to_vec();
    p = aug_end + 1;
    uleb(data, &mut p)?; // code alignment
    uleb(data, &mut p)?; // data alignment (sleb, skipped alike)
    if version == 1 {
        p += 1
    } else {
        uleb(data, &mut p)?;
    }
    if aug.first() != Some(&b'z') {
        return Some(0);
    }
    uleb(data, &mut p)?;
    for &c in &aug[1..] {
        match c {
            b'R' => return data.get(p).copied(),
            b'P' => {
                let enc = *data.get(p)?;
                p += 1;
                read_ptr(data, &mut p, enc & 0x7f, 0)?;
            }
            b'L' => p += 1,
            _ => {}
        }
    }
    Some(0)
}

/// Builds the header for the final `.eh_frame` bytes at `eh_addr`; the
/// section is `size` bytes. FDEs of functions that were not linked (dropped
/// COMDAT copies, collected sections) point outside `code` and are left out.
pub(crate) fn build(eh: &[u8], eh_addr: u64, hdr_addr: u64, size: usize, code: std::ops::Range<u64>) -> Vec<u8> {
    let mut table: Vec<(u64, u64)> = Vec::new();
    let mut cies = std::collections::HashMap::new();
    for (at, len, id) in records(eh) {
        if id == 0 {
            if let Some(enc) = cie_fde_encoding(eh, at, len) {
                cies.insert(at, enc);
            }
            continue;
        }
        let cie_at = (at + 4).wrapping_sub(id as usize);
        let Some(&enc) = cies.get(&cie_at) else { continue };
        let mut p = at + 8;
        if let Some(start) = read_ptr(eh, &mut p, enc, eh_addr + (at + 8) as u64)
            && code.contains(&start)
        {
            table.push((start, eh_addr + at as u64));
        }
    }
    table.sort_unstable();
    let mut out = vec![1u8, 0x1b, 0x03, 0x3b];
    out.extend_from_slice(&((eh_addr as i64 - (hdr_addr + 4) as i64) as i32).to_le_bytes());
    out.extend_from_slice(&(table.len() as u32).to_le_bytes());
    for (start, fde) in table {
        out.extend_from_slice(&((start as i64 - hdr_addr as i64) as i32).to_le_bytes());
        out.extend_from_slice(&((fde as i64 - hdr_addr as i64) as i32).to_le_bytes());
    }
    out.resize(size.max(out.len()), 0);
    out
}
