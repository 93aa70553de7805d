//! The [`AuthError`] trait and [`ErrorSpec`], the static description of a catalog entry.
//!
//! An `ErrorSpec` is what the catalog says about one code, in a form that can be a
//! `static`: the macros emit one per variant, and the renderers read tables of them.
//! `AuthError` is what a response needs from an error value, free of framework types.
//!
//! ```
//! use std::borrow::Cow;
//! use auth_errors_core::{AuthError, BodyFormat, ClientAction, ErrorSpec};
//! use auth_errors_core::error::{ChallengeSpec, ParamSpec, ParamType};
//!
//! static INSUFFICIENT_SCOPE: ErrorSpec = ErrorSpec {
//!     code: "INSUFFICIENT_SCOPE",
//!     status: 403,
//!     message: "This action needs the {scope} scope",
//!     client: ClientAction::Forbidden,
//!     challenge: Some(ChallengeSpec {
//!         scheme: "Bearer",
//!         params: &[("realm", "api"), ("error", "insufficient_scope"), ("scope", "{scope}")],
//!     }),
//!     params: &[ParamSpec { name: "scope", ty: ParamType::Scope }],
//!     ..ErrorSpec::EMPTY
//! };
//!
//! #[derive(Debug)]
//! struct MissingScope(String);
//!
//! impl std::fmt::Display for MissingScope {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         f.write_str(&self.message())
//!     }
//! }
//! impl std::error::Error for MissingScope {}
//!
//! impl AuthError for MissingScope {
//!     fn spec(&self) -> &'static ErrorSpec {
//!         &INSUFFICIENT_SCOPE
//!     }
//!     fn param(&self, name: &str) -> Option<Cow<'_, str>> {
//!         (name == "scope").then(|| Cow::Borrowed(self.0.as_str()))
//!     }
//! }
//!
//! let err = MissingScope("orders:write".into());
//! assert_eq!(err.status(), 403);
//! assert_eq!(
//!     err.challenge_value()?.as_deref(),
//!     Some(r#"Bearer realm="api", error="insufficient_scope", scope="orders:write""#),
//! );
//! assert_eq!(
//!     err.body(),
//!     r#"{"code":"INSUFFICIENT_SCOPE","message":"This action needs the orders:write scope"}"#,
//! );
//! # Ok::<(), auth_errors_core::ChallengeError>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::body::{self, BodyFormat, Problem};
use crate::challenge::{self, Challenge, ChallengeError};
use crate::template;

/// What a client should do on receiving an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ClientAction {
    /// Refresh the access token and retry once (`invalid_token`).
    Refresh,
    /// Sign in again, or send credentials at all (a 401 with no `error`, step-up).
    Reauthenticate,
    /// Give up: the credentials lack permission (`insufficient_scope`, 403).
    Forbidden,
    /// Retry later, or with what the challenge asks for (429, 503, `use_dpop_nonce`).
    Retry,
    /// Nothing automatic: fix the request or report the failure.
    #[default]
    None,
}

impl ClientAction {
    /// Every action, in catalog order.
    pub const ALL: [ClientAction; 5] = [
        ClientAction::Refresh,
        ClientAction::Reauthenticate,
        ClientAction::Forbidden,
        ClientAction::Retry,
        ClientAction::None,
    ];

    /// The name used in a catalog (`refresh`, `reauthenticate`, …).
    pub const fn name(self) -> &'static str {
        match self {
            ClientAction::Refresh => "refresh",
            ClientAction::Reauthenticate => "reauthenticate",
            ClientAction::Forbidden => "forbidden",
            ClientAction::Retry => "retry",
            ClientAction::None => "none",
        }
    }

    /// The action that follows from a status and a challenge's `error` attribute, used when a
    /// catalog entry does not say, and by clients reading a response.
    ///
    /// ```
    /// use auth_errors_core::ClientAction;
    /// assert_eq!(ClientAction::derive(401, Some("invalid_token")), ClientAction::Refresh);
    /// assert_eq!(ClientAction::derive(401, None), ClientAction::Reauthenticate);
    /// assert_eq!(ClientAction::derive(403, Some("insufficient_scope")), ClientAction::Forbidden);
    /// ```
    pub fn derive(status: u16, error: Option<&str>) -> ClientAction {
        match error {
            Some("invalid_token") => ClientAction::Refresh,
            Some("insufficient_scope") => ClientAction::Forbidden,
            Some("insufficient_user_authentication") => ClientAction::Reauthenticate,
            Some("use_dpop_nonce") => ClientAction::Retry,
            Some(_) => ClientAction::None,
            None => match status {
                401 | 407 => ClientAction::Reauthenticate,
                403 => ClientAction::Forbidden,
                429 | 503 => ClientAction::Retry,
                _ => ClientAction::None,
            },
        }
    }

    /// What the action means, in a sentence for people.
    pub const fn describe(self) -> &'static str {
        match self {
            ClientAction::Refresh => "refresh the access token, then retry the request once",
            ClientAction::Reauthenticate => "sign in again (or send credentials) and retry",
            ClientAction::Forbidden => "do not retry: the credentials lack the needed permission",
            ClientAction::Retry => "retry the request later or as the response asks",
            ClientAction::None => "do not retry: fix the request or report the error",
        }
    }
}

impl fmt::Display for ClientAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A client action name that is not one of `refresh`, `reauthenticate`, `forbidden`,
/// `retry`, `none`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownClientAction(pub String);

impl fmt::Display for UnknownClientAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown client action '{}' (expected refresh, reauthenticate, forbidden, retry or none)",
            self.0
        )
    }
}

impl std::error::Error for UnknownClientAction {}

impl FromStr for ClientAction {
    type Err = UnknownClientAction;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ClientAction::ALL
            .into_iter()
            .find(|a| a.name() == s)
            .ok_or_else(|| UnknownClientAction(s.to_owned()))
    }
}

/// The type of an entry's parameter, which decides the field type a macro generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamType {
    /// Free text (`String`).
    String,
    /// One OAuth scope-token, checked against RFC 6749 §3.3.
    Scope,
    /// A non-negative integer (`u64`).
    Integer,
}

impl ParamType {
    /// Every type, in catalog order.
    pub const ALL: [ParamType; 3] = [ParamType::String, ParamType::Scope, ParamType::Integer];

    /// The name used in a catalog.
    pub const fn name(self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::Scope => "scope",
            ParamType::Integer => "integer",
        }
    }
}

impl fmt::Display for ParamType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One declared parameter of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamSpec {
    /// Its name, as used in `{placeholders}`.
    pub name: &'static str,
    /// Its type.
    pub ty: ParamType,
}

/// The challenge of an entry: a scheme and its attributes in order; values are templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChallengeSpec {
    /// The auth-scheme (`Bearer`).
    pub scheme: &'static str,
    /// The auth-params in the order they are sent; values may hold `{param}` placeholders.
    pub params: &'static [(&'static str, &'static str)],
}

impl ChallengeSpec {
    /// The value of an attribute (a template), by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<&'static str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, v)| v)
    }

    /// Builds the challenge leaving out any attribute whose filled-in value breaks a rule,
    /// so a response always carries a valid challenge. Returns the first error met, for
    /// logging.
    pub fn build_lenient<F, V>(&self, mut lookup: F) -> (Challenge, Option<ChallengeError>)
    where
        F: FnMut(&str) -> Option<V>,
        V: AsRef<str>,
    {
        let mut challenge = Challenge::new(self.scheme).unwrap_or_else(|_| Challenge::bearer());
        let mut first_error = None;
        for &(name, value) in self.params {
            let value = template::render(value, &mut lookup).into_owned();
            match challenge.clone().param(name, value) {
                Ok(c) => challenge = c,
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        (challenge, first_error)
    }

    /// Builds the challenge, filling placeholders through `lookup` and checking every value.
    pub fn build<F, V>(&self, mut lookup: F) -> Result<Challenge, ChallengeError>
    where
        F: FnMut(&str) -> Option<V>,
        V: AsRef<str>,
    {
        let mut challenge = if self.scheme == "Bearer" {
            Challenge::bearer()
        } else {
            Challenge::new(self.scheme)?
        };
        for &(name, value) in self.params {
            let value = template::render(value, &mut lookup);
            challenge = challenge.param(name, value.into_owned())?;
        }
        Ok(challenge)
    }
}

impl ChallengeSpec {
    /// The header value, written straight into one exactly sized `String`: the same text
    /// and the same first error as `self.build(lookup)?.to_header_value()`, without
    /// building a [`Challenge`] (one allocation instead of one per attribute). The
    /// response path of generated enums uses it.
    ///
    /// ```
    /// use auth_errors_core::error::ChallengeSpec;
    ///
    /// let spec = ChallengeSpec { scheme: "Bearer", params: &[("realm", "api"), ("scope", "{scope}")] };
    /// let lookup = |name: &str| (name == "scope").then_some("orders:read");
    /// assert_eq!(spec.header_value(lookup)?, r#"Bearer realm="api", scope="orders:read""#);
    /// assert_eq!(spec.header_value(lookup)?, spec.build(lookup)?.to_header_value());
    /// assert!(spec.header_value(|_| Some("two  spaces")).is_err());
    /// # Ok::<(), auth_errors_core::ChallengeError>(())
    /// ```
    pub fn header_value<F, V>(&self, mut lookup: F) -> Result<String, ChallengeError>
    where
        F: FnMut(&str) -> Option<V>,
        V: AsRef<str>,
    {
        const MAX: usize = 8;
        if self.params.len() > MAX {
            return self.build(lookup).map(|c| c.to_header_value());
        }
        if self.scheme != "Bearer" {
            Challenge::new(self.scheme)?;
        }
        // Each value once: the literal template, the looked-up value of a lone `{param}`,
        // or the rendered text of any other template.
        let mut values: [Value<V>; MAX] = [const { Value::Empty }; MAX];
        let mut len = self.scheme.len();
        for (i, &(name, template)) in self.params.iter().enumerate() {
            let value = Value::fill(template, &mut lookup);
            let text = value.as_str();
            challenge::check_param(name, text)?;
            if self.params[..i]
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                return Err(ChallengeError::from_violation(
                    name,
                    challenge::Violation {
                        rule: challenge::Rule::DuplicateParam,
                        reason: "may appear only once".to_owned(),
                    },
                ));
            }
            len += if i == 0 { 1 } else { 2 } + name.len() + 3 + text.len() + escapes(text);
            values[i] = value;
        }
        let mut out = String::with_capacity(len);
        out.push_str(self.scheme);
        for (i, (&(name, _), value)) in self.params.iter().zip(&values).enumerate() {
            out.push_str(if i == 0 { " " } else { ", " });
            out.push_str(name);
            out.push('=');
            push_quoted(&mut out, value.as_str());
        }
        debug_assert_eq!(out.len(), len);
        Ok(out)
    }
}

/// One attribute value of a challenge being rendered.
enum Value<V> {
    Empty,
    /// A template without placeholders.
    Literal(&'static str),
    /// The value of a template that is one placeholder.
    Looked(V),
    /// Any other template, rendered.
    Rendered(String),
}

impl<V: AsRef<str>> Value<V> {
    fn fill<F: FnMut(&str) -> Option<V>>(template: &'static str, lookup: &mut F) -> Self {
        if template::is_literal(template) {
            return Value::Literal(template);
        }
        let lone = template
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .filter(|name| template::is_param_name(name));
        match lone {
            Some(name) => match lookup(name) {
                Some(v) => Value::Looked(v),
                // An unknown placeholder stays as written.
                None => Value::Literal(template),
            },
            None => match template::render(template, lookup) {
                Cow::Borrowed(t) => Value::Literal(t),
                Cow::Owned(t) => Value::Rendered(t),
            },
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Value::Empty => "",
            Value::Literal(t) => t,
            Value::Looked(v) => v.as_ref(),
            Value::Rendered(t) => t,
        }
    }
}

/// A [`ChallengeSpec::split`]: the literal text, and `(attribute, param)` for each
/// dynamic value between.
#[doc(hidden)]
pub type SplitChallenge = (Vec<String>, Vec<(&'static str, &'static str)>);

/// How many dynamic values a split template may have.
const SPLIT_MAX: usize = 4;

impl ChallengeSpec {
    /// The header value split once, when generated code is expanded, into the literal
    /// text around each attribute whose value is one `{param}`, and those
    /// `(attribute, param)` pairs: what [`render_split_header`] takes. Every literal part
    /// is checked here, so at run time only the params' values are.
    ///
    /// `None` when a value mixes text and placeholders, a literal value or a name breaks
    /// a rule, a name repeats, or more than four values are dynamic; such a challenge
    /// renders with [`ChallengeSpec::header_value`].
    #[doc(hidden)]
    pub fn split(&self) -> Option<SplitChallenge> {
        if self.scheme != "Bearer" {
            Challenge::new(self.scheme).ok()?;
        }
        let mut text = vec![self.scheme.to_owned()];
        let mut attrs = Vec::new();
        for (i, &(name, value)) in self.params.iter().enumerate() {
            challenge::rules::check_param_name(name).ok()?;
            if self.params[..i]
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                return None;
            }
            let last = text.last_mut()?;
            last.push_str(if i == 0 { " " } else { ", " });
            last.push_str(name);
            last.push('=');
            let pieces = template::pieces(value).ok()?;
            match pieces.as_slice() {
                [template::Piece::Param(param)] => {
                    last.push('"');
                    attrs.push((name, *param));
                    text.push("\"".to_owned());
                }
                _ if pieces.iter().all(|p| matches!(p, template::Piece::Text(_))) => {
                    let literal = template::render(value, |_| None::<&str>);
                    challenge::check_param(name, &literal).ok()?;
                    push_quoted(last, &literal);
                }
                _ => return None,
            }
        }
        (attrs.len() <= SPLIT_MAX).then_some((text, attrs))
    }
}

impl ErrorSpec {
    /// The body split once, when generated code is expanded, into literal JSON text around
    /// each placeholder of the message, and those params: what [`render_split_body`]
    /// takes. `None` for a malformed message, one with more than four placeholders, or
    /// an entry whose body does not carry the message.
    #[doc(hidden)]
    pub fn split_body(&self) -> Option<(Vec<String>, Vec<&'static str>)> {
        if !self.expose {
            return None;
        }
        // The body is `prefix + escaped message + suffix`.
        let empty = self.render_body("");
        let probe = self.render_body("x");
        let prefix_len = empty
            .bytes()
            .zip(probe.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let (prefix, suffix) = empty.split_at(prefix_len);
        if probe != format!("{prefix}x{suffix}") {
            return None;
        }
        let mut text = vec![prefix.to_owned()];
        let mut params = Vec::new();
        for piece in template::pieces(self.message).ok()? {
            match piece {
                template::Piece::Text(t) => body::push_json_escaped(text.last_mut()?, t),
                template::Piece::Param(p) => {
                    params.push(p);
                    text.push(String::new());
                }
            }
        }
        text.last_mut()?.push_str(suffix);
        (params.len() <= SPLIT_MAX).then_some((text, params))
    }
}

/// One dynamic attribute value of a split challenge (see [`render_split_header`]).
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct SplitValue<'a> {
    /// The attribute, whose rule the value must meet.
    pub attr: &'static str,
    /// The value.
    pub value: &'a str,
    /// Whether the value is known to meet the rule and to hold no `"` or `\`: a
    /// [`Scope`] in the `scope` attribute, checked when it was built.
    pub checked: bool,
}

/// The `WWW-Authenticate` value from a [`ChallengeSpec::split`]: the literal text with
/// each dynamic value, in order, checked, escaped and quoted between. The same text and
/// the same first error as [`ChallengeSpec::header_value`] on the spec that was split
/// with the same values, in one exactly sized allocation. Generated code calls it.
#[doc(hidden)]
pub fn render_split_header(
    text: &[&'static str],
    values: &[SplitValue<'_>],
) -> Result<String, ChallengeError> {
    let mut len: usize = text.iter().map(|t| t.len()).sum();
    for v in values {
        len += v.value.len();
        if !v.checked {
            challenge::check_value(v.attr, v.value)?;
            len += escapes(v.value);
        }
    }
    let mut out = String::with_capacity(len);
    let mut text = text.iter();
    out.push_str(text.next().copied().unwrap_or_default());
    for (v, t) in values.iter().zip(text) {
        if v.checked {
            out.push_str(v.value);
        } else {
            push_escaped(&mut out, v.value);
        }
        out.push_str(t);
    }
    debug_assert_eq!(out.len(), len);
    Ok(out)
}

/// The body from an [`ErrorSpec::split_body`]: the literal JSON text with each value, in
/// order, escaped between; a value marked `true` is known to need no escape (a
/// [`Scope`]). The same text as [`ErrorSpec::render_body_with`] on the spec that was
/// split with the same values, in one exactly sized allocation. Generated code calls it.
#[doc(hidden)]
pub fn render_split_body(text: &[&'static str], values: &[(&str, bool)]) -> String {
    let mut len: usize = text.iter().map(|t| t.len()).sum();
    for &(value, plain) in values {
        len += if plain {
            value.len()
        } else {
            body::json_escaped_len(value)
        };
    }
    let mut out = String::with_capacity(len);
    let mut text = text.iter();
    out.push_str(text.next().copied().unwrap_or_default());
    for (&(value, plain), t) in values.iter().zip(text) {
        if plain {
            out.push_str(value);
        } else {
            body::push_json_escaped(&mut out, value);
        }
        out.push_str(t);
    }
    debug_assert_eq!(out.len(), len);
    out
}

/// How many `"` and `\` a quoted-string of `s` escapes.
fn escapes(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'"' || b == b'\\').count()
}

/// Appends `s` as a quoted-string, as [`Challenge`]'s `Display` writes it.
fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    push_escaped(out, s);
    out.push('"');
}

/// Appends the inside of a quoted-string of `s`: `"` and `\` escaped.
fn push_escaped(out: &mut String, s: &str) {
    if escapes(s) == 0 {
        out.push_str(s);
        return;
    }
    let mut rest = s;
    while let Some(i) = rest.find(['"', '\\']) {
        out.push_str(&rest[..i]);
        out.push('\\');
        out.push_str(&rest[i..i + 1]);
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// An extra response header of an entry; the value may hold `{param}` placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderSpec {
    /// The header name.
    pub name: &'static str,
    /// The value template.
    pub value: &'static str,
}

/// The static description of one catalog entry.
///
/// Every field is public and the struct is const-constructible, so a macro can emit
/// one as a `static`; start from [`ErrorSpec::EMPTY`] and set what the entry has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorSpec {
    /// The business code (`TOKEN_EXPIRED`).
    pub code: &'static str,
    /// The HTTP status (400–599).
    pub status: u16,
    /// A short title; the problem `title` (the status reason phrase when absent).
    pub title: Option<&'static str>,
    /// The message template; the body's `message` / `detail`.
    pub message: &'static str,
    /// Longer documentation, in Markdown.
    pub docs: Option<&'static str>,
    /// Why the entry is deprecated, if it is.
    pub deprecated: Option<&'static str>,
    /// The version that introduced the entry.
    pub since: Option<&'static str>,
    /// What a client should do.
    pub client: ClientAction,
    /// Whether the message reaches the body (`false` for a 5xx whose text is internal).
    pub expose: bool,
    /// The body format.
    pub body: BodyFormat,
    /// The problem `type` URI and documentation link, already resolved for this code.
    pub type_uri: Option<&'static str>,
    /// The challenge, if the response carries `WWW-Authenticate`.
    pub challenge: Option<ChallengeSpec>,
    /// The declared parameters, in order.
    pub params: &'static [ParamSpec],
    /// Extra response headers.
    pub headers: &'static [HeaderSpec],
}

/// The message a body carries in place of the real one when an entry has `expose: false`.
pub const GENERIC_MESSAGE: &str = "An internal error occurred";

impl ErrorSpec {
    /// An entry with nothing set: a base for struct-update syntax.
    pub const EMPTY: ErrorSpec = ErrorSpec {
        code: "",
        status: 500,
        title: None,
        message: "",
        docs: None,
        deprecated: None,
        since: None,
        client: ClientAction::None,
        expose: true,
        body: BodyFormat::Json,
        type_uri: None,
        challenge: None,
        params: &[],
        headers: &[],
    };

    /// The message template as clients see it: the generic message when `expose` is off.
    pub fn public_message(&self) -> &'static str {
        if self.expose {
            self.message
        } else {
            GENERIC_MESSAGE
        }
    }

    /// The problem `title`: the entry's title, else the status reason phrase, else the code.
    pub fn problem_title(&self) -> &'static str {
        self.title
            .or(body::reason_phrase(self.status))
            .unwrap_or(self.code)
    }

    /// The body text for a given message, in this entry's format.
    pub fn render_body(&self, message: &str) -> String {
        let message = if self.expose {
            message
        } else {
            GENERIC_MESSAGE
        };
        match self.body {
            BodyFormat::Json => body::json(self.code, message),
            BodyFormat::Problem => Problem {
                type_uri: self.type_uri,
                title: self.problem_title(),
                status: self.status,
                detail: message,
                code: self.code,
            }
            .to_json(),
        }
    }
}

impl ErrorSpec {
    /// The body with the message template filled through `lookup`, written in one pass
    /// into one exactly sized `String`: the same text as
    /// `self.render_body(&template::render(self.message, lookup))`, without the message
    /// as a `String` of its own.
    ///
    /// ```
    /// use auth_errors_core::ErrorSpec;
    ///
    /// let spec = ErrorSpec { code: "INSUFFICIENT_SCOPE", status: 403, message: "Needs {scope}", ..ErrorSpec::EMPTY };
    /// let body = spec.render_body_with(|name: &str| (name == "scope").then_some("orders:read"));
    /// assert_eq!(body, r#"{"code":"INSUFFICIENT_SCOPE","message":"Needs orders:read"}"#);
    /// ```
    pub fn render_body_with<F, V>(&self, mut lookup: F) -> String
    where
        F: FnMut(&str) -> Option<V>,
        V: AsRef<str>,
    {
        if !self.expose {
            return self.render_body(GENERIC_MESSAGE);
        }
        let message = template::Filled::new(self.message, &mut lookup);
        if let Some(single) = message.as_single() {
            return self.render_body(single);
        }
        let mut message_len = 0;
        message.for_each(&mut lookup, |p| message_len += body::json_escaped_len(p));
        let mut out = match self.body {
            BodyFormat::Json => {
                let mut out =
                    String::with_capacity(body::json_escaped_len(self.code) + message_len + 24);
                out.push_str("{\"code\":");
                body::write_json_string(&mut out, self.code);
                out.push_str(",\"message\":\"");
                out
            }
            BodyFormat::Problem => {
                let title = self.problem_title();
                let mut out = String::with_capacity(
                    self.type_uri.map_or(0, |t| body::json_escaped_len(t) + 10)
                        + body::json_escaped_len(title)
                        + message_len
                        + body::json_escaped_len(self.code)
                        + 50,
                );
                out.push('{');
                if let Some(type_uri) = self.type_uri {
                    out.push_str("\"type\":");
                    body::write_json_string(&mut out, type_uri);
                    out.push(',');
                }
                out.push_str("\"title\":");
                body::write_json_string(&mut out, title);
                out.push_str(",\"status\":");
                let _ = fmt::Write::write_fmt(&mut out, format_args!("{}", self.status));
                out.push_str(",\"detail\":\"");
                message.for_each(&mut lookup, |p| body::push_json_escaped(&mut out, p));
                out.push_str("\",\"code\":");
                body::write_json_string(&mut out, self.code);
                out.push('}');
                return out;
            }
        };
        message.for_each(&mut lookup, |p| body::push_json_escaped(&mut out, p));
        out.push_str("\"}");
        out
    }
}

/// What a response needs from an error: status, code, message, challenge, body and
/// extra headers. The catalog macros implement it; adapters for axum, actix-web and
/// plain `http` read it.
///
/// Only [`spec`](AuthError::spec) is required; [`param`](AuthError::param) supplies
/// placeholder values. The other methods have correct defaults that render from the
/// spec, which generated code overrides with compile-time strings where it can.
pub trait AuthError: std::error::Error {
    /// The static description of this error's catalog entry.
    fn spec(&self) -> &'static ErrorSpec;

    /// The value of a declared parameter, for `{placeholders}`.
    fn param(&self, name: &str) -> Option<Cow<'_, str>> {
        let _ = name;
        None
    }

    /// The HTTP status code.
    fn status(&self) -> u16 {
        self.spec().status
    }

    /// The business code (`TOKEN_EXPIRED`).
    fn code(&self) -> &'static str {
        self.spec().code
    }

    /// The message with its placeholders filled in.
    fn message(&self) -> Cow<'_, str> {
        render_message(self)
    }

    /// The `WWW-Authenticate` challenge, if the entry has one. A parameter value that
    /// breaks an RFC 6750 rule is an error, never a malformed header.
    fn challenge(&self) -> Result<Option<Challenge>, ChallengeError> {
        self.spec()
            .challenge
            .map(|c| c.build(|name| self.param(name)))
            .transpose()
    }

    /// The `WWW-Authenticate` header value, if the entry has a challenge. Generated
    /// code returns a compile-time string for entries whose challenge has no params.
    fn challenge_value(&self) -> Result<Option<Cow<'static, str>>, ChallengeError> {
        render_challenge_value(self)
    }

    /// The response body text, in the entry's format. Generated code returns a
    /// compile-time string for entries whose message has no params.
    fn body(&self) -> Cow<'static, str> {
        render_body(self)
    }

    /// The extra headers with placeholders filled in.
    fn headers(&self) -> Vec<(&'static str, Cow<'_, str>)> {
        self.spec()
            .headers
            .iter()
            .map(|h| (h.name, template::render(h.value, |name| self.param(name))))
            .collect()
    }
}

/// The default [`AuthError::message`]: the spec's template filled through
/// [`AuthError::param`]. Generated code calls it for variants with params.
pub fn render_message<E: AuthError + ?Sized>(err: &E) -> Cow<'_, str> {
    template::render(err.spec().message, |name| err.param(name))
}

/// The default [`AuthError::challenge_value`], rendered at run time.
pub fn render_challenge_value<E: AuthError + ?Sized>(
    err: &E,
) -> Result<Option<Cow<'static, str>>, ChallengeError> {
    Ok(err.challenge()?.map(|c| Cow::Owned(c.to_header_value())))
}

/// The default [`AuthError::body`], rendered at run time.
pub fn render_body<E: AuthError + ?Sized>(err: &E) -> Cow<'static, str> {
    Cow::Owned(err.spec().render_body(&err.message()))
}

/// The `WWW-Authenticate` value from the spec's challenge filled through
/// [`AuthError::param`], in one allocation ([`ChallengeSpec::header_value`]). Generated
/// code calls it for variants with params; it equals [`render_challenge_value`] when
/// [`AuthError::challenge`] is the default.
pub fn render_challenge_header<E: AuthError + ?Sized>(
    err: &E,
) -> Result<Option<Cow<'static, str>>, ChallengeError> {
    match err.spec().challenge {
        Some(c) => c
            .header_value(|name| err.param(name))
            .map(|v| Some(Cow::Owned(v))),
        None => Ok(None),
    }
}

/// The body from the spec's message template filled through [`AuthError::param`], in
/// one allocation ([`ErrorSpec::render_body_with`]). Generated code calls it for
/// variants with params; it equals [`render_body`] when [`AuthError::message`] is the
/// default.
pub fn render_body_from_params<E: AuthError + ?Sized>(err: &E) -> Cow<'static, str> {
    Cow::Owned(err.spec().render_body_with(|name| err.param(name)))
}

/// A code that names no variant, from `FromStr` on a generated enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error code '{}'", self.0)
    }
}

impl std::error::Error for UnknownCode {}

/// An OAuth scope (RFC 6749 §3.3): scope-tokens of `%x21 / %x23-5B / %x5D-7E`
/// separated by single spaces. The type of a catalog param declared `scope`, so a
/// value that would break the `scope` attribute of a challenge cannot be built.
///
/// ```
/// use auth_errors_core::error::Scope;
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
        check_scope(&scope)?;
        Ok(Scope(scope))
    }

    /// Wraps a literal scope, checked when the constant is evaluated.
    ///
    /// In a `const` an invalid scope is a compile error. Outside a `const` it panics
    /// on an invalid literal, as `http::HeaderValue::from_static` does; use
    /// [`Scope::new`] for values that come from outside the program.
    pub const fn from_static(scope: &'static str) -> Scope {
        let b = scope.as_bytes();
        let mut i = 0;
        let mut prev_space = true;
        while i < b.len() {
            let c = b[i];
            let space = c == b' ';
            if space && prev_space {
                panic!("invalid scope: empty scope-token or double space (RFC 6749 §3.3)");
            }
            if !space && !crate::challenge::rules::is_nqchar(c) {
                panic!("invalid scope: character outside %x21 / %x23-5B / %x5D-7E (RFC 6749 §3.3)");
            }
            prev_space = space;
            i += 1;
        }
        if prev_space {
            panic!("invalid scope: empty, or ends with a space (RFC 6749 §3.3)");
        }
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

/// Checks a runtime scope-token value for a `scope` parameter (RFC 6749 §3.3).
pub fn check_scope(value: &str) -> Result<(), ChallengeError> {
    challenge::check_param("scope", value)
}
