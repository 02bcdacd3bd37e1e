//! The C dialect a translation unit is compiled in (`-std=`, and the `-f`
//! flags that change what code means). The preprocessor and the parser both
//! read it; the driver builds it from the command line.

/// `-std=`: the ISO revision and whether GNU extensions are on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Std {
    /// `__STDC_VERSION__`, or None for C89/C90 (which has none).
    pub version: Option<u32>,
    /// `gnu*` rather than `c*`: GNU keywords (`asm`, `typeof`) and macros
    /// (`linux`, `unix`) are available.
    pub gnu: bool,
}

impl Std {
    /// gcc 12's default, `-std=gnu17`.
    pub const DEFAULT: Std = Std { version: Some(201710), gnu: true };

    /// Parses the value of `-std=`; None for a name gcc does not accept for C.
    pub fn parse(name: &str) -> Option<Std> {
        let (gnu, rest) = match name.strip_prefix("gnu") {
            Some(r) => (true, r),
            None => (false, name.strip_prefix("iso9899:").or_else(|| name.strip_prefix('c'))?),
        };
        let version = match rest {
            "89" | "90" | "1990" | "199409" => None,
            "99" | "9x" | "1999" | "199x" => Some(199901),
            "11" | "1x" | "2011" => Some(201112),
            "17" | "18" | "2017" | "2018" => Some(201710),
            "2x" | "23" => Some(202000),
            _ => return None,
        };
        if rest == "199409" {
            // C90 amended: the one C90 flavour with a version macro.
            return Some(Std { version: Some(199409), gnu });
        }
        Some(Std { version, gnu })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LangOptions {
    pub std: Std,
    /// GNU89 `inline` semantics (`-std=gnu89`, `-fgnu89-inline`): a plain
    /// `inline` definition is external and `extern inline` is inline-only.
    /// Otherwise C99's: a plain `inline` definition is inline-only unless
    /// some file-scope declaration says `extern` or omits `inline`.
    pub gnu89_inline: bool,
    /// `-fvisibility=hidden`: definitions without a visibility attribute
    /// are hidden.
    pub default_hidden: bool,
    /// `-ffreestanding` clears it (`__STDC_HOSTED__` is 0).
    pub hosted: bool,
    /// `-funsigned-char`: plain `char` is unsigned.
    pub unsigned_char: bool,
    /// `-finstrument-functions`: definitions call `__cyg_profile_func_enter`
    /// and `__cyg_profile_func_exit` unless `no_instrument_function`.
    pub instrument_functions: bool,
}

impl Default for LangOptions {
    fn default() -> Self {
        LangOptions {
            std: Std::DEFAULT,
            gnu89_inline: false,
            default_hidden: false,
            hosted: true,
            unsigned_char: false,
            instrument_functions: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn std_names() {
        assert_eq!(Std::parse("gnu11"), Some(Std { version: Some(201112), gnu: true }));
        assert_eq!(Std::parse("c99"), Some(Std { version: Some(199901), gnu: false }));
        assert_eq!(Std::parse("iso9899:1990"), Some(Std { version: None, gnu: false }));
        assert_eq!(Std::parse("iso9899:199409"), Some(Std { version: Some(199409), gnu: false }));
        assert_eq!(Std::parse("c2x"), Some(Std { version: Some(202000), gnu: false }));
        assert_eq!(Std::parse("c++11"), None);
        assert_eq!(Std::parse("gnu42"), None);
    }
}
