//! Predefined macros and the build date/time.

const X86_64_LINUX: &str = include_str!("predef_x86_64_linux.h");

pub fn predefined_macros(optimize: bool) -> String {
    let mut s = String::from(X86_64_LINUX);
    s.push_str(if optimize { "#define __OPTIMIZE__ 1\n" } else { "#define __NO_INLINE__ 1\n" });
    s
}

/// `__DATE__` ("Mmm dd yyyy") and `__TIME__` ("hh:mm:ss") in UTC.
pub fn date_time(epoch: Option<u64>) -> (String, String) {
    let Some(t) = epoch else {
        return ("Jan  1 1970".into(), "00:00:00".into());
    };
    let days = (t / 86400) as i64;
    let secs = t % 86400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    (
        format!("{} {:>2} {}", MONTHS[(m - 1) as usize], d, y),
        format!("{:02}:{:02}:{:02}", secs / 3600, (secs / 60) % 60, secs % 60),
    )
}
