//! kit's own headers, served from the virtual `<kit>` directory: the
//! freestanding C headers, and the x86 intrinsics headers (`<immintrin.h>`
//! and its parts, `<cpuid.h>`), which implement each intrinsic in C over
//! GCC vector types.

macro_rules! headers {
    ($($name:literal,)*) => {
        &[$(($name, include_str!(concat!("../../include/", $name))),)*]
    };
}

const HEADERS: &[(&str, &str)] = headers!(
    "adxintrin.h",
    "avx2intrin.h",
    "avx512fintrin.h",
    "avxintrin.h",
    "bmi2intrin.h",
    "bmiintrin.h",
    "cpuid.h",
    "emmintrin.h",
    "f16cintrin.h",
    "float.h",
    "fmaintrin.h",
    "ia32intrin.h",
    "immintrin.h",
    "iso646.h",
    "kit_x86_round.h",
    "kit_x86_vector_types.h",
    "limits.h",
    "lzcntintrin.h",
    "mm_malloc.h",
    "mmintrin.h",
    "nmmintrin.h",
    "pmmintrin.h",
    "popcntintrin.h",
    "rdseedintrin.h",
    "shaintrin.h",
    "smmintrin.h",
    "stdalign.h",
    "stdarg.h",
    "stdatomic.h",
    "stdbool.h",
    "stddef.h",
    "stdint.h",
    "stdnoreturn.h",
    "tmmintrin.h",
    "wmmintrin.h",
    "x86gprintrin.h",
    "x86intrin.h",
    "xmmintrin.h",
);

pub fn get(name: &str) -> Option<&'static str> {
    HEADERS.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    /// Every file in include/ is served, so none is forgotten in the list.
    #[test]
    fn every_header_is_listed() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/include");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(super::get(&name).is_some(), "include/{name} is missing from HEADERS");
        }
    }
}
