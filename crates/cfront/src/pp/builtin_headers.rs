//! kit's own freestanding headers, served from the virtual `<kit>` directory.

pub fn get(name: &str) -> Option<&'static str> {
    Some(match name {
        "stddef.h" => include_str!("../../include/stddef.h"),
        "stdarg.h" => include_str!("../../include/stdarg.h"),
        "stdbool.h" => include_str!("../../include/stdbool.h"),
        "stdalign.h" => include_str!("../../include/stdalign.h"),
        "stdnoreturn.h" => include_str!("../../include/stdnoreturn.h"),
        "iso646.h" => include_str!("../../include/iso646.h"),
        "limits.h" => include_str!("../../include/limits.h"),
        "float.h" => include_str!("../../include/float.h"),
        "stdatomic.h" => include_str!("../../include/stdatomic.h"),
        "stdint.h" => include_str!("../../include/stdint.h"),
        _ => return None,
    })
}
