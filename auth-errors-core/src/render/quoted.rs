//! The quoted-string of RFC 9110 §5.6.4: `"` and `\` escaped with a backslash.

use super::Out;

/// Writes `value` between double quotes, escaped.
pub(crate) fn quoted<O: Out>(out: &mut O, value: &str) {
    out.push("\"");
    escaped(out, value);
    out.push("\"");
}

/// Writes the inside of a quoted-string of `value`: `"` and `\` escaped.
#[inline]
pub(crate) fn escaped<O: Out>(out: &mut O, value: &str) {
    let needs = |b: &u8| *b == b'"' || *b == b'\\';
    if !value.as_bytes().iter().any(needs) {
        out.push(value);
        return;
    }
    let mut start = 0;
    for (i, b) in value.bytes().enumerate() {
        if needs(&b) {
            out.push(&value[start..i]);
            out.push("\\");
            start = i;
        }
    }
    out.push(&value[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Measure;

    #[test]
    fn escapes_quote_and_backslash_only() {
        let mut s = String::new();
        quoted(&mut s, r#"a "b" \ c"#);
        assert_eq!(s, r#""a \"b\" \\ c""#);
        let mut m = Measure(0);
        quoted(&mut m, r#"a "b" \ c"#);
        assert_eq!(m.0, s.len());
    }
}
