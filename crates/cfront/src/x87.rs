//! The x87 80-bit extended format of `long double`, as numbers the compiler
//! handles: literals rounded to a 64-bit mantissa, conversions, and the
//! four operations for folding constant initializers (round to nearest
//! even, as the x87 does at its default precision). A value is a `u128` whose low 80 bits are
//! the memory image (64-bit mantissa with explicit integer bit, then sign
//! and 15-bit exponent).

const BIAS: i64 = 16383;
const SIGN: u128 = 1 << 79;

fn pack(negative: bool, biased_exp: i64, mantissa: u64) -> u128 {
    (if negative { SIGN } else { 0 }) | ((biased_exp as u128) << 64) | mantissa as u128
}

/// A double as an x87 value (exact: every double is representable).
pub fn from_f64(d: f64) -> u128 {
    let bits = d.to_bits();
    let neg = bits >> 63 != 0;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    match exp {
        0x7ff => pack(neg, 0x7fff, 1 << 63 | frac << 11),
        0 if frac == 0 => pack(neg, 0, 0),
        0 => {
            // Subnormal double: normalize (the x87 range covers it).
            let lz = frac.leading_zeros() as i64;
            pack(neg, 1 - 1023 + BIAS - (lz - 11), frac << lz)
        }
        _ => pack(neg, exp - 1023 + BIAS, 1 << 63 | frac << 11),
    }
}

/// An integer as the nearest x87 value (exact up to 64 significant bits).
pub fn from_int(v: i128) -> u128 {
    let neg = v < 0;
    let mag = v.unsigned_abs();
    if mag == 0 {
        return 0;
    }
    let top = 127 - mag.leading_zeros() as i64; // index of the leading 1
    let shift = top - 63;
    if shift <= 0 {
        return pack(neg, top + BIAS, (mag << -shift) as u64);
    }
    let (mut m, rest, half) = ((mag >> shift) as u64, mag & ((1 << shift) - 1), 1u128 << (shift - 1));
    let mut e = top;
    if rest > half || (rest == half && m & 1 == 1) {
        m = m.wrapping_add(1);
        if m == 0 {
            m = 1 << 63;
            e += 1;
        }
    }
    pack(neg, e + BIAS, m)
}

/// The nearest double (ties to even) to an x87 value.
pub fn to_f64(x: u128) -> f64 {
    let neg = x & SIGN != 0;
    let exp = ((x >> 64) & 0x7fff) as i64;
    let m = x as u64;
    let sign = if neg { -1.0 } else { 1.0 };
    if exp == 0x7fff {
        return if m << 1 == 0 { sign * f64::INFINITY } else { f64::NAN };
    }
    if m == 0 {
        return sign * 0.0;
    }
    // value = m × 2^e with m normalized to 64 bits.
    let lz = m.leading_zeros() as i64;
    let e = exp.max(1) - BIAS - 63 - lz;
    let m = m << lz;
    if e + 63 >= -1022 {
        // `as f64` rounds to 53 bits (ties to even); the scaling is exact
        // or overflows to infinity as it should.
        return sign * (m as f64) * pow2(-63) * pow2(e + 63);
    }
    // Subnormal result: round once, in units of 2^-1074.
    let shift = (-(e + 1074)).min(127) as u32;
    let (m, one) = (m as u128, 1u128);
    let q = m >> shift;
    let rest = m & ((one << shift) - 1);
    let half = one << (shift - 1);
    let q = if rest > half || (rest == half && q & 1 == 1) { q + 1 } else { q };
    sign * (q as f64) * pow2(-1074)
}

fn pow2(e: i64) -> f64 {
    // 2^e beyond a single powi's exact range, as two factors.
    let half = e / 2;
    2f64.powi(half as i32) * 2f64.powi((e - half) as i32)
}

/// Parses the body of a floating literal (lowercase, suffix removed) to the
/// nearest x87 value; None if it is malformed.
pub fn parse(body: &str) -> Option<u128> {
    let (digits, radix, exp10, exp2) = match body.strip_prefix("0x") {
        Some(hex) => {
            let (mant, p) = hex.split_once('p').unwrap_or((hex, "0"));
            let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
            let p: i64 = p.parse().ok()?;
            (format!("{int}{frac}"), 16, 0, p - 4 * frac.len() as i64)
        }
        None => {
            let (mant, e) = body.split_once('e').unwrap_or((body, "0"));
            let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
            let e: i64 = e.parse().ok()?;
            (format!("{int}{frac}"), 10, e - frac.len() as i64, 0)
        }
    };
    if digits.is_empty() || exp10.abs() > 10_000 || exp2.abs() > 100_000 {
        return None;
    }
    let mut num = Big::from(0);
    for c in digits.chars() {
        num.mul_add(radix, c.to_digit(radix)?);
    }
    if num.is_zero() {
        return Some(0);
    }
    let mut den = Big::from(1);
    for _ in 0..exp10.unsigned_abs() {
        if exp10 > 0 { num.mul_add(10, 0) } else { den.mul_add(10, 0) }
    }
    // q = num × 2^k / den with 66..=67 bits: 64 for the mantissa, the rest
    // and the remainder decide the rounding.
    let k = 66 - (num.bits() as i64 - den.bits() as i64);
    if k >= 0 {
        num.shl(k as u32);
    } else {
        den.shl((-k) as u32);
    }
    let (q, exact) = num.div_small_quotient(&den, 68);
    let shift = 128 - q.leading_zeros() as i64 - 64;
    let mut m = (q >> shift) as u64;
    let rest = q & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let mut e = shift - k + 63 + exp2;
    if rest > half || (rest == half && (!exact || m & 1 == 1)) {
        m = m.wrapping_add(1);
        if m == 0 {
            m = 1 << 63;
            e += 1;
        }
    }
    let biased = e + BIAS;
    Some(match biased {
        b if b >= 0x7fff => pack(false, 0x7fff, 1 << 63),
        b if b <= 0 => 0, // below the normal range: kit rounds to zero
        b => pack(false, b, m),
    })
}

const NAN: u128 = 0x7fff << 64 | 0xc000_0000_0000_0000;

enum Unpacked {
    Zero(bool),
    Inf(bool),
    Nan,
    /// sign, exponent e and mantissa m (top bit set): m × 2^(e - 63).
    Finite(bool, i64, u64),
}

fn unpack(x: u128) -> Unpacked {
    let neg = x & SIGN != 0;
    let exp = ((x >> 64) & 0x7fff) as i64;
    let m = x as u64;
    match (exp, m) {
        (0x7fff, m) if m << 1 == 0 => Unpacked::Inf(neg),
        (0x7fff, _) => Unpacked::Nan,
        (_, 0) => Unpacked::Zero(neg),
        (exp, m) => {
            let lz = m.leading_zeros() as i64;
            Unpacked::Finite(neg, exp.max(1) - BIAS - lz, m << lz)
        }
    }
}

/// Rounds m × 2^(e - 127) (m's top bit set; `sticky` for nonzero bits
/// below m) to the nearest value; None below the normal range.
fn round_pack(neg: bool, m: u128, mut e: i64, sticky: bool) -> Option<u128> {
    let (mut top, rest, half) = ((m >> 64) as u64, m as u64, 1u64 << 63);
    if rest > half || (rest == half && (sticky || top & 1 == 1)) {
        top = top.wrapping_add(1);
        if top == 0 {
            top = 1 << 63;
            e += 1;
        }
    }
    match e + BIAS {
        b if b >= 0x7fff => Some(pack(neg, 0x7fff, 1 << 63)),
        b if b <= 0 => None,
        b => Some(pack(neg, b, top)),
    }
}

/// m × 2^(e - 127) for any nonzero m: normalizes, then rounds.
fn normalize(neg: bool, m: u128, e: i64, sticky: bool) -> Option<u128> {
    let s = m.leading_zeros() as i64;
    round_pack(neg, m << s, e - s, sticky)
}

/// a + b (b negated for subtraction by the caller).
pub fn add(a: u128, b: u128) -> Option<u128> {
    use Unpacked::*;
    Some(match (unpack(a), unpack(b)) {
        (Nan, _) | (_, Nan) => NAN,
        (Inf(x), Inf(y)) if x != y => NAN,
        (Inf(_), _) => a,
        (_, Inf(_)) => b,
        (Zero(x), Zero(y)) => pack(x && y, 0, 0),
        (Zero(_), _) => b,
        (_, Zero(_)) => a,
        (Finite(sa, ea, ma), Finite(sb, eb, mb)) => {
            // Both as m << 63 (top at bit 126, a bit of headroom); the
            // smaller shifted right with a sticky bit.
            let ((sa, ea, ma), (sb, eb, mb)) = if ea >= eb { ((sa, ea, ma), (sb, eb, mb)) } else { ((sb, eb, mb), (sa, ea, ma)) };
            let big = (ma as u128) << 63;
            let small = (mb as u128) << 63;
            let d = (ea - eb) as u32;
            let small = if d >= 127 { 1 } else { (small >> d) | ((small & ((1 << d) - 1) != 0) as u128) };
            let (neg, m) = if sa == sb {
                (sa, big + small)
            } else if big >= small {
                (sa, big - small)
            } else {
                (sb, small - big)
            };
            if m == 0 {
                return Some(0);
            }
            return normalize(neg, m, ea + 1, false);
        }
    })
}

pub fn mul(a: u128, b: u128) -> Option<u128> {
    use Unpacked::*;
    let neg = (a ^ b) & SIGN != 0;
    Some(match (unpack(a), unpack(b)) {
        (Nan, _) | (_, Nan) | (Inf(_), Zero(_)) | (Zero(_), Inf(_)) => NAN,
        (Inf(_), _) | (_, Inf(_)) => pack(neg, 0x7fff, 1 << 63),
        (Zero(_), _) | (_, Zero(_)) => pack(neg, 0, 0),
        (Finite(_, ea, ma), Finite(_, eb, mb)) => {
            return normalize(neg, ma as u128 * mb as u128, ea + eb + 1, false);
        }
    })
}

pub fn div(a: u128, b: u128) -> Option<u128> {
    use Unpacked::*;
    let neg = (a ^ b) & SIGN != 0;
    Some(match (unpack(a), unpack(b)) {
        (Nan, _) | (_, Nan) | (Inf(_), Inf(_)) | (Zero(_), Zero(_)) => NAN,
        (Inf(_), _) | (_, Zero(_)) => pack(neg, 0x7fff, 1 << 63),
        (Zero(_), _) | (_, Inf(_)) => pack(neg, 0, 0),
        (Finite(_, ea, ma), Finite(_, eb, mb)) => {
            // 128 quotient bits in two long-division steps, the first
            // below 2^64.
            let k = if ma >= mb { 63 } else { 64 };
            let n = (ma as u128) << k;
            let (q1, r1) = (n / mb as u128, n % mb as u128);
            let n2 = r1 << 64;
            let (q2, r2) = (n2 / mb as u128, n2 % mb as u128);
            return normalize(neg, q1 << 64 | q2, ea - eb - k + 63, r2 != 0);
        }
    })
}

/// Unsigned big integer, little-endian 32-bit limbs: just what exact
/// literal rounding needs.
struct Big(Vec<u32>);

impl Big {
    fn from(v: u32) -> Big {
        Big(vec![v])
    }

    fn is_zero(&self) -> bool {
        self.0.iter().all(|&l| l == 0)
    }

    fn mul_add(&mut self, mul: u32, add: u32) {
        let mut carry = add as u64;
        for l in &mut self.0 {
            let v = *l as u64 * mul as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    fn bits(&self) -> u32 {
        for (i, &l) in self.0.iter().enumerate().rev() {
            if l != 0 {
                return i as u32 * 32 + 32 - l.leading_zeros();
            }
        }
        0
    }

    fn shl(&mut self, n: u32) {
        let (limbs, bits) = ((n / 32) as usize, n % 32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &l in &self.0 {
            out.push(if bits == 0 { l } else { (l << bits) | carry });
            carry = if bits == 0 { 0 } else { l >> (32 - bits) };
        }
        out.push(carry);
        self.0 = out;
    }

    fn ge_shifted(&self, d: &Big, s: u32) -> bool {
        let mut t = Big(d.0.clone());
        t.shl(s);
        self.cmp(&t) != std::cmp::Ordering::Less
    }

    fn cmp(&self, o: &Big) -> std::cmp::Ordering {
        let n = self.0.len().max(o.0.len());
        for i in (0..n).rev() {
            let (a, b) = (self.0.get(i).copied().unwrap_or(0), o.0.get(i).copied().unwrap_or(0));
            if a != b {
                return a.cmp(&b);
            }
        }
        std::cmp::Ordering::Equal
    }

    fn sub_shifted(&mut self, d: &Big, s: u32) {
        let mut t = Big(d.0.clone());
        t.shl(s);
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let v = self.0[i] as i64 - t.0.get(i).copied().unwrap_or(0) as i64 - borrow;
            self.0[i] = v.rem_euclid(1 << 32) as u32;
            borrow = (v < 0) as i64;
        }
    }

    /// floor(self / d) when it is below 2^bits, and whether it is exact.
    fn div_small_quotient(mut self, d: &Big, bits: u32) -> (u128, bool) {
        let mut q = 0u128;
        for i in (0..bits).rev() {
            if self.ge_shifted(d, i) {
                self.sub_shifted(d, i);
                q |= 1 << i;
            }
        }
        (q, self.is_zero())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_round_trip() {
        for d in [0.0, -0.0, 1.0, -2.5, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, f64::INFINITY] {
            assert_eq!(to_f64(from_f64(d)).to_bits(), d.to_bits(), "{d}");
        }
        assert!(to_f64(from_f64(f64::NAN)).is_nan());
    }

    #[test]
    fn literals_round_to_64_bits() {
        // Images printed by gcc for these long double constants.
        assert_eq!(parse("1").unwrap(), 0x3fff_8000_0000_0000_0000);
        assert_eq!(parse("0.1").unwrap(), 0x3ffb_cccc_cccc_cccc_cccd);
        assert_eq!(parse("3.141592653589793238462643383279").unwrap(), 0x4000_c90f_daa2_2168_c235);
        assert_eq!(parse("1e4000").unwrap(), 0x73e6_d1ba_8323_fe55_8c61);
        assert_eq!(parse("0x1.fffffffffffffffep0").unwrap(), 0x3fff_ffff_ffff_ffff_ffff);
        assert_eq!(parse("0x1p-2").unwrap(), 0x3ffd_8000_0000_0000_0000);
        assert_eq!(to_f64(parse("0.1").unwrap()), 0.1);
        assert_eq!(from_int(-3), 0xc000_c000_0000_0000_0000);
        assert_eq!(from_int(u64::MAX as i128 + 1), 0x403f_8000_0000_0000_0000);
    }

    #[test]
    fn arithmetic_rounds_like_the_x87() {
        let (one, three, tenth) = (parse("1").unwrap(), parse("3").unwrap(), parse("0.1").unwrap());
        // Images printed by gcc for 1.0L/3, 0.1L*3, 0.1L+3 and 0.1L-3.
        assert_eq!(div(one, three), Some(0x3ffd_aaaa_aaaa_aaaa_aaab));
        assert_eq!(mul(tenth, three), Some(0x3ffd_9999_9999_9999_999a));
        assert_eq!(add(tenth, three), Some(0x4000_c666_6666_6666_6666));
        assert_eq!(add(tenth, three ^ SIGN), Some(0xc000_b999_9999_9999_999a));
        assert_eq!(add(one, one ^ SIGN), Some(0));
        assert_eq!(mul(parse("1e300").unwrap(), parse("1e10").unwrap()), parse("1e310"));
    }
}
