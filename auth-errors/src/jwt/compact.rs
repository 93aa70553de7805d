//! The shape of a JWS in compact serialization (RFC 7515 §7.1), checked before any
//! decoding: `BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature)`.
//!
//! A token of another shape is answered `TOKEN_INVALID` without `jsonwebtoken` being
//! called, so garbage costs a look at its bytes, not an allocated error. The bytes
//! between the dots are base64url's decoder's to judge.

/// Whether `token` is three segments joined by two dots, the first two (the header
/// and the payload, JSON objects) not empty. The signature may be empty here: it then
/// fails as a signature, like any other that does not verify.
#[inline]
pub(crate) fn is_compact_jws(token: &str) -> bool {
    // One pass, a byte at a time: tokens are short, and a word-at-a-time search costs
    // more to set up than a few hundred bytes cost to look at.
    let (mut dots, mut first, mut second) = (0, 0, 0);
    for (at, &byte) in token.as_bytes().iter().enumerate() {
        if byte == b'.' {
            match dots {
                0 => first = at,
                1 => second = at,
                _ => return false,
            }
            dots += 1;
        }
    }
    dots == 2 && first > 0 && second > first + 1
}

#[cfg(test)]
mod tests {
    use super::is_compact_jws;

    #[test]
    fn three_segments() {
        // RFC 7515 §A.1's example JWS.
        assert!(is_compact_jws(
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        ));
        assert!(is_compact_jws("a.b.c"));
        assert!(
            is_compact_jws("a.b."),
            "an empty signature fails as a signature"
        );
    }

    #[test]
    fn other_shapes() {
        for token in [
            "not-a-jwt",
            "",
            ".",
            "..",
            "a.b",
            "a.b.c.d.e", // JWE compact serialization (RFC 7516 §7.1): not a JWS
            "a.b.c.",
            ".b.c",
            "a..c",
        ] {
            assert!(!is_compact_jws(token), "{token:?}");
        }
    }
}
