//! The first check of a token's shape, before any decoding: a JWS in compact
//! serialization (RFC 7515 §7.1) is `BASE64URL(header) "." BASE64URL(payload) "."
//! BASE64URL(signature)`, so it has a dot after a header that is not empty.
//!
//! A token without one (the usual garbage: an opaque token, a UUID, a word) is answered
//! `TOKEN_INVALID` without `jsonwebtoken` being called, so it costs a look at its bytes,
//! not an allocated error. The look stops at the first dot: a valid token pays for its
//! header's few dozen bytes, not for its length. Every other shape rule (three segments,
//! base64url) is the decoder's, which judges them anyway.

/// Whether `token` has a dot after a header segment that is not empty.
#[inline]
pub(crate) fn has_header_segment(token: &str) -> bool {
    matches!(token.bytes().position(|byte| byte == b'.'), Some(at) if at > 0)
}

#[cfg(test)]
mod tests {
    use super::has_header_segment;

    #[test]
    fn a_dot_after_a_header() {
        // RFC 7515 §A.1's example JWS.
        assert!(has_header_segment(
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        ));
        // Shapes the decoder refuses after this check: not this check's to judge.
        for token in ["a.b.c", "a.b", "a..c", "a.b.c.d.e"] {
            assert!(has_header_segment(token), "{token:?}");
        }
    }

    #[test]
    fn no_dot_or_an_empty_header() {
        for token in [
            "not-a-jwt",
            "",
            "3f2c7a1e-9b4d-4c2a-8f1e-2d5b6c7a8e9f",
            ".",
            "..",
            ".b.c",
        ] {
            assert!(!has_header_segment(token), "{token:?}");
        }
    }
}
