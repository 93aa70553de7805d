//! Bytes shared by the adapters.

use std::borrow::Cow;

use bytes::Bytes;

/// The body as bytes: a static body is borrowed, not copied.
pub(crate) fn bytes_of(body: Cow<'static, str>) -> Bytes {
    match body {
        Cow::Borrowed(s) => Bytes::from_static(s.as_bytes()),
        Cow::Owned(s) => Bytes::from(s),
    }
}

/// Whether every byte may stand in a field value (RFC 9110 §5.5), without obs-text.
pub(crate) fn is_field_value(s: &str) -> bool {
    s.bytes().all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
}
