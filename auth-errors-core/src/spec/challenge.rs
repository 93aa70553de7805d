//! [`ChallengeSpec`]: the challenge of an entry, as data.

use crate::challenge::rules;

/// The challenge of an entry: a scheme and its attributes in order; values are templates
/// that may hold `{param}` placeholders.
///
/// ```
/// use auth_errors_core::ChallengeSpec;
///
/// const SPEC: ChallengeSpec =
///     ChallengeSpec::new("Bearer", &[("realm", "api"), ("scope", "{scope}")]);
/// assert_eq!(SPEC.get("SCOPE"), Some("{scope}"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChallengeSpec {
    scheme: &'static str,
    params: &'static [(&'static str, &'static str)],
}

impl ChallengeSpec {
    /// A challenge. The scheme and every attribute name must be tokens (RFC 9110 §11),
    /// no name may repeat (case-insensitively), and every value must fit a quoted-string
    /// (printable ASCII). In a `const` a mistake is a compile error, elsewhere a panic, as
    /// `http::HeaderValue::from_static` does. What a value must meet beyond that depends on
    /// the value a placeholder takes, and is checked when the header is written.
    pub const fn new(
        scheme: &'static str,
        params: &'static [(&'static str, &'static str)],
    ) -> ChallengeSpec {
        assert!(
            rules::is_token(scheme),
            "the auth-scheme must be a token (RFC 9110 §11.1)"
        );
        let mut i = 0;
        while i < params.len() {
            let (name, value) = params[i];
            assert!(
                rules::is_token(name),
                "an auth-param name must be a token (RFC 9110 §11.2)"
            );
            assert!(
                rules::is_quotable_str(value),
                "an auth-param value must be printable ASCII (RFC 9110 §5.6.4)"
            );
            let mut j = 0;
            while j < i {
                assert!(
                    !rules::eq_ignore_ascii_case(params[j].0, name),
                    "an attribute may appear only once (RFC 6750 §3)"
                );
                j += 1;
            }
            i += 1;
        }
        ChallengeSpec { scheme, params }
    }

    /// A challenge from a validated catalog, not checked again.
    pub(crate) const fn new_unchecked(
        scheme: &'static str,
        params: &'static [(&'static str, &'static str)],
    ) -> ChallengeSpec {
        ChallengeSpec { scheme, params }
    }

    /// The auth-scheme (`Bearer`).
    pub const fn scheme(&self) -> &'static str {
        self.scheme
    }

    /// The auth-params in the order they are sent; values may hold `{param}` placeholders.
    pub const fn params(&self) -> &'static [(&'static str, &'static str)] {
        self.params
    }

    /// The value of an attribute (a template), by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<&'static str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, v)| v)
    }
}
