//! The `WWW-Authenticate` model: challenges, their formatting and their parsing.
//!
//! A [`Challenge`] is an auth-scheme with either auth-params or a token68
//! (RFC 9110 §11.2). Every way of building one checks its input, so a
//! `Challenge` always formats to a valid header value: values are always
//! quoted, `"` and `\` are escaped where a quoted-string allows them, the
//! RFC 6750 §3 character sets hold for `error`, `error_description`, `scope` and
//! `error_uri`, `max_age` is a non-negative integer (RFC 9470 §3), the `charset` of
//! a `Basic` challenge is `UTF-8` (RFC 7617 §2.1), each attribute appears at most
//! once, and no CR, LF, NUL or non-ASCII byte can ever reach the header.
//!
//! A challenge is built one attribute at a time, so the rules about the challenge as a
//! whole (a `Bearer` challenge carries an auth-param, RFC 6750 §3; a `Basic` one its
//! `realm`, RFC 7617 §2) are checked where its header value is written:
//! [`Challenge::to_header_value`] and [`format_list`] return the error instead of a
//! value.
//!
//! ```
//! use auth_errors_core::challenge::Challenge;
//!
//! let challenge = Challenge::bearer()
//!     .realm("api")?
//!     .error("invalid_token")?
//!     .error_description("The access token expired")?;
//! assert_eq!(
//!     challenge.to_string(),
//!     r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#,
//! );
//!
//! // A value outside the RFC 6750 character set is a typed error, never a bad header.
//! let err = Challenge::bearer().error_description("say \"hi\"").unwrap_err();
//! assert_eq!(err.to_string(), r#"error_description may not contain '"' (RFC 6750 §3)"#);
//! # Ok::<(), auth_errors_core::challenge::ChallengeError>(())
//! ```
//!
//! The client side reads challenges back with [`parse`] and [`parse_lines`]:
//!
//! ```
//! use auth_errors_core::challenge::parse;
//!
//! let challenges = parse(r#"Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple""#)?;
//! assert_eq!(challenges.len(), 2);
//! assert_eq!(challenges[0].param("title"), Some(r#"Login to "apps""#));
//! assert!(challenges[1].scheme_is("basic"));
//! # Ok::<(), auth_errors_core::challenge::ParseError>(())
//! ```

pub mod error_code;
mod parse;
pub(crate) mod rules;
mod scope;

use std::borrow::Cow;
use std::fmt;

use crate::render::{self, header};

pub use parse::{ParseError, ParseErrorKind, ParsedChallenge, parse, parse_lines};
pub use rules::{Rule, Violation};
pub use scope::Scope;

/// A `WWW-Authenticate` challenge: a scheme with auth-params or a token68.
///
/// Build one with [`Challenge::bearer`] or [`Challenge::new`] and the checked
/// setters; [`Challenge::to_header_value`] is the header value, once the challenge as a
/// whole passes [`Challenge::check`]. Its [`Display`](fmt::Display) writes the same text
/// without that check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    scheme: Cow<'static, str>,
    token68: Option<Cow<'static, str>>,
    params: Vec<(Cow<'static, str>, Cow<'static, str>)>,
}

/// Why a challenge could not be built: the attribute and the rule it broke.
///
/// Its `Display` reads `error_description may not contain '"' (RFC 6750 §3)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeError {
    attribute: String,
    violation: Violation,
}

impl ChallengeError {
    /// The attribute whose value broke the rule (`scheme` for the auth-scheme,
    /// `token68` for a token68).
    pub fn attribute(&self) -> &str {
        &self.attribute
    }

    /// The rule that was broken.
    pub fn rule(&self) -> Rule {
        self.violation.rule
    }

    /// What was wrong, without the attribute name (`may not contain '"'`).
    pub fn reason(&self) -> &str {
        &self.violation.reason
    }
}

impl fmt::Display for ChallengeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} ({})",
            self.attribute,
            self.violation.reason,
            self.violation.rule.citation()
        )
    }
}

impl std::error::Error for ChallengeError {}

impl ChallengeError {
    /// An error for `attribute` from a rule's violation.
    pub fn from_violation(attribute: &str, violation: Violation) -> Self {
        Self::new(attribute, violation)
    }

    fn new(attribute: &str, violation: Violation) -> Self {
        ChallengeError {
            attribute: attribute.to_owned(),
            violation,
        }
    }
}

/// Checks one auth-param: its name is a token, and its value follows the rule for that
/// name (RFC 6750 §3 for `error`, `error_description`, `error_uri` and `scope`, RFC 9470
/// §3 for `max_age`; a quotable ASCII string otherwise). Rules that depend on the
/// scheme are added by [`check_param_for`].
///
/// The catalog validator and [`Challenge::param`] both call this.
pub fn check_param(name: &str, value: &str) -> Result<(), ChallengeError> {
    rules::check_param_name(name).map_err(|v| ChallengeError::new(name, v))?;
    check_value(name, value)
}

/// [`check_param`] for a name already known to be a token: the value's rule only.
pub(crate) fn check_value(name: &str, value: &str) -> Result<(), ChallengeError> {
    let checked = if name.eq_ignore_ascii_case("error") {
        rules::check_error_code(value)
    } else if name.eq_ignore_ascii_case("error_description") {
        rules::check_error_description(value)
    } else if name.eq_ignore_ascii_case("error_uri") {
        rules::check_error_uri(value)
    } else if name.eq_ignore_ascii_case("scope") {
        rules::check_scope(value)
    } else if name.eq_ignore_ascii_case("max_age") {
        rules::check_max_age(value)
    } else {
        rules::check_quotable(value)
    };
    checked.map_err(|v| ChallengeError::new(name, v))
}

/// [`check_param`] plus the rule the challenge's scheme adds for this param (`charset`
/// of a `Basic` challenge, RFC 7617 §2.1).
///
/// The catalog validator, the response path and [`Challenge::param`] call this.
pub fn check_param_for(scheme: &str, name: &str, value: &str) -> Result<(), ChallengeError> {
    rules::check_param_name(name).map_err(|v| ChallengeError::new(name, v))?;
    check_value_for(scheme, name, value)
}

/// [`check_param_for`] for a name already known to be a token: the value's rules only.
pub(crate) fn check_value_for(scheme: &str, name: &str, value: &str) -> Result<(), ChallengeError> {
    check_value(name, value)?;
    rules::check_scheme_param(scheme, name, value).map_err(|v| ChallengeError::new(name, v))
}

/// Checks the rules about a challenge as a whole, given its scheme and auth-param names:
/// a `Bearer` challenge carries one or more auth-params (RFC 6750 §3), a `Basic` one
/// `realm` (RFC 7617 §2). The error names the missing attribute, or `scheme`.
///
/// Every writer of a header value calls this, and so does the catalog validator.
pub fn check_complete<'a>(
    scheme: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Result<(), ChallengeError> {
    rules::check_scheme_params(scheme, names).map_err(|v| {
        let attribute = match v.rule {
            Rule::BasicRealm => "realm",
            _ => "scheme",
        };
        ChallengeError::new(attribute, v)
    })
}

impl Challenge {
    /// A `Bearer` challenge with no parameters (RFC 6750 §3).
    pub const fn bearer() -> Self {
        Challenge {
            scheme: Cow::Borrowed("Bearer"),
            token68: None,
            params: Vec::new(),
        }
    }

    /// A challenge for any auth-scheme, which must be a token (RFC 9110 §11.1).
    pub fn new(scheme: impl Into<Cow<'static, str>>) -> Result<Self, ChallengeError> {
        let scheme = scheme.into();
        rules::check_scheme(&scheme).map_err(|v| ChallengeError::new("scheme", v))?;
        Ok(Challenge {
            scheme,
            token68: None,
            params: Vec::new(),
        })
    }

    /// Adds an auth-param. The name must be a token not used before in this challenge
    /// (compared case-insensitively); the value must follow [`check_param_for`] this
    /// challenge's scheme.
    pub fn param(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Cow<'static, str>>,
    ) -> Result<Self, ChallengeError> {
        let (name, value) = (name.into(), value.into());
        check_param_for(&self.scheme, &name, &value)?;
        if self.token68.is_some() {
            return Err(ChallengeError::new(
                &name,
                Violation {
                    rule: Rule::Token68WithParams,
                    reason: "cannot follow a token68".to_owned(),
                },
            ));
        }
        if self
            .params
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(&name))
        {
            return Err(ChallengeError::new(
                &name,
                Violation {
                    rule: Rule::DuplicateParam,
                    reason: "may appear only once".to_owned(),
                },
            ));
        }
        self.params.push((name, value));
        Ok(self)
    }

    /// Sets the token68 (RFC 9110 §11.2), for schemes that carry one instead of
    /// auth-params.
    pub fn token68(
        mut self,
        token68: impl Into<Cow<'static, str>>,
    ) -> Result<Self, ChallengeError> {
        let token68 = token68.into();
        rules::check_token68(&token68).map_err(|v| ChallengeError::new("token68", v))?;
        if !self.params.is_empty() || self.token68.is_some() {
            return Err(ChallengeError::new(
                "token68",
                Violation {
                    rule: Rule::Token68WithParams,
                    reason: "cannot be combined with auth-params or a second token68".to_owned(),
                },
            ));
        }
        self.token68 = Some(token68);
        Ok(self)
    }

    /// Adds `realm` (RFC 9110 §11.5).
    pub fn realm(self, realm: impl Into<Cow<'static, str>>) -> Result<Self, ChallengeError> {
        self.param("realm", realm)
    }

    /// Adds `error` (RFC 6750 §3).
    pub fn error(self, code: impl Into<Cow<'static, str>>) -> Result<Self, ChallengeError> {
        self.param("error", code)
    }

    /// Adds `error_description` (RFC 6750 §3).
    pub fn error_description(
        self,
        description: impl Into<Cow<'static, str>>,
    ) -> Result<Self, ChallengeError> {
        self.param("error_description", description)
    }

    /// Adds `error_uri` (RFC 6750 §3).
    pub fn error_uri(self, uri: impl Into<Cow<'static, str>>) -> Result<Self, ChallengeError> {
        self.param("error_uri", uri)
    }

    /// Adds `scope` (RFC 6750 §3).
    pub fn scope(self, scope: impl Into<Cow<'static, str>>) -> Result<Self, ChallengeError> {
        self.param("scope", scope)
    }

    /// The auth-scheme as given.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The token68, if the challenge carries one.
    pub fn token68_value(&self) -> Option<&str> {
        self.token68.as_deref()
    }

    /// The auth-params in the order they were added.
    pub fn params(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + Clone {
        self.params.iter().map(|(n, v)| (n.as_ref(), v.as_ref()))
    }

    /// The value of a parameter, by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }

    /// Checks the rules about the challenge as a whole ([`check_complete`]): what the
    /// setters, which see one attribute at a time, cannot check.
    pub fn check(&self) -> Result<(), ChallengeError> {
        check_complete(&self.scheme, self.params.iter().map(|(n, _)| n.as_ref()))
    }

    /// The header value (`Bearer realm="api", error="invalid_token"`), once the challenge
    /// as a whole passes [`Challenge::check`].
    pub fn to_header_value(&self) -> Result<String, ChallengeError> {
        self.check()?;
        Ok(self.text())
    }

    /// The text of the challenge as built, unchecked as a whole.
    fn text(&self) -> String {
        header::text(&self.scheme, self.token68.as_deref(), self.params())
    }

    /// The length in bytes of the formatted header value, so callers can allocate once.
    pub fn formatted_len(&self) -> usize {
        let mut m = render::Measure(0);
        self.write(&mut m);
        m.0
    }

    fn write<O: render::Out>(&self, out: &mut O) {
        header::write(
            out,
            &self.scheme,
            self.token68.as_deref(),
            self.params().map(|(n, v)| (n, header::Value::Text(v))),
        );
    }
}

/// The challenge as built: always well-formed (RFC 9110 §11), but without the check of
/// the challenge as a whole that [`Challenge::to_header_value`] adds.
impl fmt::Display for Challenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Formats several challenges as one header value, separated by `", "` (RFC 9110 §11.6.1),
/// once each passes [`Challenge::check`].
pub fn format_list(challenges: &[Challenge]) -> Result<String, ChallengeError> {
    for c in challenges {
        c.check()?;
    }
    let len = challenges
        .iter()
        .map(|c| c.formatted_len() + 2)
        .sum::<usize>();
    let mut out = String::with_capacity(len.saturating_sub(2));
    for (i, c) in challenges.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        c.write(&mut out);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_measures() {
        let c = Challenge::new("Newauth")
            .and_then(|c| c.realm("a \"quoted\" \\ realm"))
            .and_then(|c| c.param("type", "1"));
        let c = c.map_err(|e| e.to_string());
        let Ok(c) = c else { panic!("{c:?}") };
        let s = c.to_string();
        assert_eq!(s, r#"Newauth realm="a \"quoted\" \\ realm", type="1""#);
        assert_eq!(c.formatted_len(), s.len());
    }

    #[test]
    fn rejects_duplicates_case_insensitively() {
        let err = Challenge::bearer()
            .realm("a")
            .and_then(|c| c.param("REALM", "b"))
            .err()
            .map(|e| e.rule());
        assert_eq!(err, Some(Rule::DuplicateParam));
    }

    #[test]
    fn scheme_rules_for_one_param() {
        let rule = |c: Result<Challenge, ChallengeError>| {
            c.err().map(|e| (e.attribute().to_owned(), e.rule()))
        };
        let basic = || Challenge::new("Basic");
        assert_eq!(
            rule(
                basic()
                    .and_then(|c| c.realm("x"))
                    .and_then(|c| c.param("Charset", "latin1"))
            ),
            Some(("Charset".to_owned(), Rule::BasicCharset))
        );
        assert_eq!(
            rule(basic().and_then(|c| c.param("charset", "utf-8"))),
            None
        );
        assert_eq!(
            rule(Challenge::bearer().param("max_age", "-5")),
            Some(("max_age".to_owned(), Rule::MaxAge))
        );
        assert_eq!(
            rule(Challenge::bearer().param("MAX_AGE", "1.5")).map(|r| r.1),
            Some(Rule::MaxAge)
        );
        assert_eq!(rule(Challenge::bearer().param("max_age", "0")), None);
    }

    #[test]
    fn rules_of_the_whole_challenge_are_checked_where_the_value_is_written() {
        // Params can come in any order: the check waits for the finished challenge.
        let Ok(charset_first) = Challenge::new("Basic").and_then(|c| c.param("charset", "UTF-8"))
        else {
            panic!("charset alone is a legal intermediate");
        };
        let err = charset_first.to_header_value().err();
        assert_eq!(
            err.as_ref().map(ChallengeError::rule),
            Some(Rule::BasicRealm)
        );
        assert_eq!(
            err.map(|e| e.to_string()).as_deref(),
            Some("realm is required in a Basic challenge (RFC 7617 §2)")
        );
        assert_eq!(
            format_list(std::slice::from_ref(&charset_first))
                .err()
                .map(|e| e.rule()),
            Some(Rule::BasicRealm)
        );
        let done = charset_first
            .realm("WallyWorld")
            .map(|c| c.to_header_value());
        assert_eq!(
            done,
            Ok(Ok(r#"Basic charset="UTF-8", realm="WallyWorld""#.to_owned()))
        );
    }

    #[test]
    fn a_bearer_challenge_needs_an_auth_param() {
        let bare = Challenge::bearer();
        let err = bare.to_header_value().err();
        assert_eq!(
            err.as_ref().map(|e| (e.attribute(), e.rule())),
            Some(("scheme", Rule::BearerAuthParam))
        );
        assert_eq!(
            err.map(|e| e.to_string()).as_deref(),
            Some("scheme Bearer must be followed by one or more auth-params (RFC 6750 §3)")
        );
        // A token68 is no auth-param.
        let t68 = Challenge::new("Bearer").and_then(|c| c.token68("abc"));
        assert_eq!(
            t68.map(|c| c.check().err().map(|e| e.rule())),
            Ok(Some(Rule::BearerAuthParam))
        );
        assert_eq!(
            Challenge::bearer()
                .realm("api")
                .map(|c| c.to_header_value()),
            Ok(Ok(r#"Bearer realm="api""#.to_owned()))
        );
    }

    #[test]
    fn never_lets_crlf_through() {
        for v in ["a\r\nSet-Cookie: x", "nul\0", "caf\u{e9}"] {
            assert!(Challenge::bearer().realm(v.to_owned()).is_err());
            assert!(Challenge::bearer().param("x", v.to_owned()).is_err());
        }
        assert!(Challenge::new("Bear er").is_err());
    }
}
