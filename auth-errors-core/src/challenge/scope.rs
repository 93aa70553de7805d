//! [`Scope`]: an OAuth scope that cannot break the `scope` attribute of a challenge.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::{ChallengeError, rules};

/// An OAuth scope (RFC 6749 §3.3): scope-tokens of `%x21 / %x23-5B / %x5D-7E`
/// separated by single spaces. The type of a catalog param declared `scope`, so a
/// value that would break the `scope` attribute of a challenge cannot be built.
///
/// ```
/// use auth_errors_core::challenge::Scope;
///
/// let scope = Scope::new("orders:read")?;
/// assert_eq!(scope.as_str(), "orders:read");
/// assert!(Scope::new("orders read\"").is_err());
///
/// // Checked at compile time when used in a const.
/// const WRITE: Scope = Scope::from_static("orders:write");
/// assert_eq!(WRITE.to_string(), "orders:write");
/// # Ok::<(), auth_errors_core::ChallengeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope(Cow<'static, str>);

impl Scope {
    /// Checks and wraps a scope.
    pub fn new(scope: impl Into<Cow<'static, str>>) -> Result<Scope, ChallengeError> {
        let scope = scope.into();
        rules::check_scope(&scope).map_err(|v| ChallengeError::from_violation("scope", v))?;
        Ok(Scope(scope))
    }

    /// Wraps a literal scope, checked when the constant is evaluated.
    ///
    /// In a `const` an invalid scope is a compile error. Outside a `const` it panics
    /// on an invalid literal, as `http::HeaderValue::from_static` does; use
    /// [`Scope::new`] for values that come from outside the program.
    pub const fn from_static(scope: &'static str) -> Scope {
        assert!(
            rules::is_scope(scope),
            "invalid scope: scope-tokens of %x21 / %x23-5B / %x5D-7E separated by single spaces (RFC 6749 §3.3)"
        );
        Scope(Cow::Borrowed(scope))
    }

    /// The scope text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Scope {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for Scope {
    type Err = ChallengeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scope::new(s.to_owned())
    }
}

impl TryFrom<String> for Scope {
    type Error = ChallengeError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Scope::new(s)
    }
}

impl TryFrom<&str> for Scope {
    type Error = ChallengeError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Scope::new(s.to_owned())
    }
}

impl From<Scope> for String {
    fn from(s: Scope) -> String {
        s.0.into_owned()
    }
}
