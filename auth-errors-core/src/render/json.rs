//! JSON strings (RFC 8259 §7): quotes, backslashes and control characters escaped,
//! everything else as UTF-8.

use super::Out;

/// Writes `s` as a JSON string, quotes included.
pub(crate) fn string<O: Out>(out: &mut O, s: &str) {
    out.push("\"");
    escaped(out, s);
    out.push("\"");
}

/// The JSON escape of one byte, if it needs one (`""` for a control character written as
/// `\u00XX`).
const fn escape(b: u8) -> Option<&'static str> {
    Some(match b {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        b'\n' => "\\n",
        b'\r' => "\\r",
        b'\t' => "\\t",
        0x08 => "\\b",
        0x0c => "\\f",
        0x00..=0x1f => "",
        _ => return None,
    })
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes the text of `s` as it stands between the quotes of a JSON string. Escaping is
/// per character, so pieces of a text escape to the pieces of its escape.
#[inline]
pub(crate) fn escaped<O: Out>(out: &mut O, s: &str) {
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push(s);
        return;
    }
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let Some(escape) = escape(b) else {
            continue;
        };
        out.push(&s[start..i]);
        if escape.is_empty() {
            let hex = [
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ];
            // Six ASCII bytes.
            out.push(std::str::from_utf8(&hex).unwrap_or_default());
        } else {
            out.push(escape);
        }
        start = i + 1;
    }
    out.push(&s[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_serde_json() {
        let tricky = "quote \" backslash \\ newline \n nul \u{0} bell \u{7} caf\u{e9} \u{1F600}";
        let mut s = String::new();
        string(&mut s, tricky);
        let parsed: serde_json::Value = serde_json::from_str(&s).unwrap_or_default();
        assert_eq!(parsed, tricky);
        let mut m = crate::render::Measure(0);
        string(&mut m, tricky);
        assert_eq!(m.0, s.len());
    }
}
