//! What a catalog entry is at run time: plain data, no rendering.
//!
//! An [`ErrorSpec`] is what the catalog says about one code, in a form that can be a
//! `static`: the macros emit one per variant from a validated catalog,
//! [`Catalog::to_specs`](crate::catalog::Catalog::to_specs) makes them at run time, and
//! hand-written ones go through checked `const` constructors. Its fields are private, so a
//! spec that broke a rule cannot reach the response path.
//!
//! ```
//! use std::borrow::Cow;
//! use auth_errors_core::{AuthError, ChallengeSpec, ClientAction, ErrorSpec};
//! use auth_errors_core::spec::{ParamSpec, ParamType};
//!
//! static INSUFFICIENT_SCOPE: ErrorSpec =
//!     ErrorSpec::new("INSUFFICIENT_SCOPE", 403, "This action needs the {scope} scope")
//!         .with_client(ClientAction::Forbidden)
//!         .with_challenge(ChallengeSpec::new(
//!             "Bearer",
//!             &[("realm", "api"), ("error", "insufficient_scope"), ("scope", "{scope}")],
//!         ))
//!         .with_params(&[ParamSpec::new("scope", ParamType::Scope)]);
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

mod challenge;
mod client;
pub(crate) mod compiled;
mod grpc;
pub(crate) mod names;
mod param;

pub use self::challenge::ChallengeSpec;
pub use self::client::ClientAction;
pub use self::grpc::GrpcCode;
pub use self::names::{UnknownName, Vocabulary};
pub use self::param::{ParamSpec, ParamType};

use self::compiled::Compiled;
use crate::body::{self, BodyFormat};
use crate::challenge::rules;

/// The message a body carries in place of the real one when an entry has `expose: false`.
pub const GENERIC_MESSAGE: &str = "An internal error occurred";

/// An extra response header of an entry; the value may hold `{param}` placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderSpec {
    name: &'static str,
    value: &'static str,
}

impl HeaderSpec {
    /// A header. The name must be a token and the value printable ASCII (RFC 9110 §5.5);
    /// in a `const` a mistake is a compile error, elsewhere a panic.
    pub const fn new(name: &'static str, value: &'static str) -> HeaderSpec {
        assert!(
            rules::is_token(name),
            "a header name must be a token (RFC 9110 §5.1)"
        );
        assert!(
            rules::is_quotable_str(value),
            "a header value must be printable ASCII (RFC 9110 §5.5)"
        );
        HeaderSpec { name, value }
    }

    /// A header from a validated catalog, not checked again.
    pub(crate) const fn new_unchecked(name: &'static str, value: &'static str) -> HeaderSpec {
        HeaderSpec { name, value }
    }

    /// The header name.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The value template.
    pub const fn value(&self) -> &'static str {
        self.value
    }
}

/// The static description of one catalog entry.
///
/// Built by the macros from a validated catalog, by
/// [`Catalog::to_specs`](crate::catalog::Catalog::to_specs), or by hand with
/// [`ErrorSpec::new`] and its `with_*` setters, each of which checks its input in `const`
/// evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorSpec {
    parts: SpecParts,
    compiled: Compiled,
}

impl ErrorSpec {
    /// An entry with a code, a status and a message template; the rest defaults (no
    /// challenge, `json` body, client action `none`, exposed message, the gRPC code the
    /// status derives by [`GrpcCode::derive`], which [`with_grpc`](ErrorSpec::with_grpc)
    /// overrides).
    ///
    /// The code must be `SCREAMING_SNAKE_CASE` and the status 400–599; in a `const` a
    /// mistake is a compile error, elsewhere a panic, as `http::HeaderValue::from_static`
    /// does.
    pub const fn new(code: &'static str, status: u16, message: &'static str) -> ErrorSpec {
        assert!(
            rules::is_screaming_snake(code),
            "a code is SCREAMING_SNAKE_CASE: [A-Z][A-Z0-9_]*"
        );
        assert!(status >= 400 && status <= 599, "an error status is 400–599");
        ErrorSpec {
            parts: SpecParts::new(code, status, message),
            compiled: Compiled::RUNTIME,
        }
    }

    /// Sets the title (the problem `title`).
    pub const fn with_title(mut self, title: &'static str) -> Self {
        self.parts.title = Some(title);
        self
    }

    /// Sets the documentation (Markdown).
    pub const fn with_docs(mut self, docs: &'static str) -> Self {
        self.parts.docs = Some(docs);
        self
    }

    /// Marks the entry deprecated, with the reason.
    pub const fn with_deprecated(mut self, reason: &'static str) -> Self {
        self.parts.deprecated = Some(reason);
        self
    }

    /// Sets the version that introduced the entry.
    pub const fn with_since(mut self, since: &'static str) -> Self {
        self.parts.since = Some(since);
        self
    }

    /// Sets what a client should do.
    pub const fn with_client(mut self, client: ClientAction) -> Self {
        self.parts.client = client;
        self
    }

    /// Hides the message from the body (`expose: false`), which only a 5xx may do.
    pub const fn with_expose(mut self, expose: bool) -> Self {
        assert!(
            expose || self.parts.status >= 500,
            "only a 5xx may hide its message"
        );
        self.parts.expose = expose;
        self
    }

    /// Sets the body format.
    pub const fn with_body_format(mut self, format: BodyFormat) -> Self {
        self.parts.body = format;
        self
    }

    /// Sets the problem `type` URI (and documentation link), resolved for this code.
    pub const fn with_type_uri(mut self, uri: &'static str) -> Self {
        self.parts.type_uri = Some(uri);
        self
    }

    /// Sets the challenge.
    pub const fn with_challenge(mut self, challenge: ChallengeSpec) -> Self {
        self.parts.challenge = Some(challenge);
        self.parts.more_challenges = &[];
        self
    }

    /// Sets several challenges, sent in this order in one `WWW-Authenticate` value
    /// (RFC 9110 §11.6.1): a resource that accepts both `Bearer` and `DPoP` tokens
    /// (RFC 9449 §7.2). There must be at least one, and no two with the same scheme
    /// (case-insensitively); in a `const` a mistake is a compile error, elsewhere a panic.
    ///
    /// ```
    /// use auth_errors_core::{ChallengeSpec, ErrorSpec};
    ///
    /// static BOTH: ErrorSpec = ErrorSpec::new("TOKEN_MISSING", 401, "Sign in")
    ///     .with_challenges(&[
    ///         ChallengeSpec::new("Bearer", &[("realm", "api")]),
    ///         ChallengeSpec::new("DPoP", &[("algs", "ES256")]),
    ///     ]);
    /// let schemes: Vec<&str> = BOTH.challenges().map(|c| c.scheme()).collect();
    /// assert_eq!(schemes, ["Bearer", "DPoP"]);
    /// ```
    pub const fn with_challenges(mut self, challenges: &'static [ChallengeSpec]) -> Self {
        let Some((first, more)) = challenges.split_first() else {
            panic!("with_challenges needs at least one challenge");
        };
        let mut i = 0;
        while i < challenges.len() {
            let mut j = 0;
            while j < i {
                assert!(
                    !rules::eq_ignore_ascii_case(challenges[i].scheme(), challenges[j].scheme()),
                    "one challenge per scheme (RFC 9110 §11.6.1)"
                );
                j += 1;
            }
            i += 1;
        }
        self.parts.challenge = Some(*first);
        self.parts.more_challenges = more;
        self
    }

    /// Answers with `target`'s response (status, headers, body), byte for byte, while
    /// keeping this entry's code for logs and metrics: a 404 in place of a 403 that would
    /// say a private resource exists. The target may not be concealed itself, and may use
    /// no param (a value filled in would tell the two apart); in a `const` a mistake is a
    /// compile error, elsewhere a panic.
    ///
    /// ```
    /// use auth_errors_core::ErrorSpec;
    ///
    /// static NOT_FOUND: ErrorSpec = ErrorSpec::new("NOT_FOUND", 404, "Not found");
    /// static PRIVATE: ErrorSpec = ErrorSpec::new("REPO_FORBIDDEN", 403, "No access to this repository")
    ///     .with_conceal_as(&NOT_FOUND);
    /// assert_eq!(PRIVATE.code(), "REPO_FORBIDDEN");
    /// assert_eq!(PRIVATE.concealed_as().map(|t| t.code()), Some("NOT_FOUND"));
    /// assert_eq!(PRIVATE.public().status(), 404);
    /// ```
    pub const fn with_conceal_as(mut self, target: &'static ErrorSpec) -> Self {
        assert!(
            target.parts.conceal_as.is_none(),
            "a conceal_as target may not be concealed itself"
        );
        assert!(
            target.parts.params.is_empty(),
            "a conceal_as target may use no param"
        );
        self.parts.conceal_as = Some(target);
        self
    }

    /// Sets the gRPC code, in place of the one the status derives
    /// ([`GrpcCode::derive`]). It must [fit](GrpcCode::fits) the status (a narrower 400
    /// or 500, a choice for 409, any code but `OK` for a status `google/rpc/code.proto`
    /// does not map); in a `const` a mistake is a compile error, elsewhere a panic.
    ///
    /// ```
    /// use auth_errors_core::ErrorSpec;
    /// use auth_errors_core::spec::GrpcCode;
    ///
    /// static TAKEN: ErrorSpec = ErrorSpec::new("NAME_TAKEN", 409, "The name is taken")
    ///     .with_grpc(GrpcCode::AlreadyExists);
    /// assert_eq!(TAKEN.grpc(), Some(GrpcCode::AlreadyExists));
    /// assert_eq!(ErrorSpec::new("TOKEN_MISSING", 401, "Sign in").grpc(), Some(GrpcCode::Unauthenticated));
    /// ```
    pub const fn with_grpc(mut self, code: GrpcCode) -> Self {
        assert!(
            code.fits(self.parts.status),
            "the gRPC code contradicts the status (google/rpc/code.proto HTTP Mapping)"
        );
        self.parts.grpc = Some(code);
        self
    }

    /// Sets the declared params.
    pub const fn with_params(mut self, params: &'static [ParamSpec]) -> Self {
        self.parts.params = params;
        self
    }

    /// Sets the extra headers.
    pub const fn with_headers(mut self, headers: &'static [HeaderSpec]) -> Self {
        let mut i = 0;
        while i < headers.len() {
            assert!(
                !rules::is_reserved_header(headers[i].name),
                "WWW-Authenticate, Content-Type and Content-Length are set by the library"
            );
            i += 1;
        }
        self.parts.headers = headers;
        self
    }

    /// The business code (`TOKEN_EXPIRED`).
    pub const fn code(&self) -> &'static str {
        self.parts.code
    }

    /// The HTTP status (400–599).
    pub const fn status(&self) -> u16 {
        self.parts.status
    }

    /// A short title; the problem `title` (the status reason phrase when absent).
    pub const fn title(&self) -> Option<&'static str> {
        self.parts.title
    }

    /// The gRPC status code: the entry's `grpc:`, else what its status derives
    /// ([`GrpcCode::derive`]); `None` for a status that derives none and an entry that did
    /// not choose (a catalog with such an entry does not load).
    pub const fn grpc(&self) -> Option<GrpcCode> {
        self.parts.grpc
    }

    /// The message template; the body's `message` / `detail`.
    pub const fn message(&self) -> &'static str {
        self.parts.message
    }

    /// Longer documentation, in Markdown.
    pub const fn docs(&self) -> Option<&'static str> {
        self.parts.docs
    }

    /// Why the entry is deprecated, if it is.
    pub const fn deprecated(&self) -> Option<&'static str> {
        self.parts.deprecated
    }

    /// The version that introduced the entry.
    pub const fn since(&self) -> Option<&'static str> {
        self.parts.since
    }

    /// What a client should do.
    pub const fn client(&self) -> ClientAction {
        self.parts.client
    }

    /// Whether the message reaches the body (`false` for a 5xx whose text is internal).
    pub const fn expose(&self) -> bool {
        self.parts.expose
    }

    /// The body format.
    pub const fn body_format(&self) -> BodyFormat {
        self.parts.body
    }

    /// The problem `type` URI and documentation link, already resolved for this code.
    pub const fn type_uri(&self) -> Option<&'static str> {
        self.parts.type_uri
    }

    /// The (first) challenge, if the response carries `WWW-Authenticate`.
    pub const fn challenge(&self) -> Option<ChallengeSpec> {
        self.parts.challenge
    }

    /// Every challenge, in the order the one `WWW-Authenticate` value lists them
    /// (comma-separated, RFC 9110 §11.6.1): none, the one of
    /// [`challenge`](ErrorSpec::challenge), or several (`Bearer` and `DPoP`, RFC 9449 §7.2).
    pub fn challenges(&self) -> impl Iterator<Item = ChallengeSpec> + Clone + 'static {
        self.parts
            .challenge
            .into_iter()
            .chain(self.parts.more_challenges.iter().copied())
    }

    /// The entry whose response this one answers with (`conceal_as:`), if it is
    /// concealed: the public face. This entry keeps the true code, status and message for
    /// the tracing event, metrics labels and docs.
    pub const fn concealed_as(&self) -> Option<&'static ErrorSpec> {
        self.parts.conceal_as
    }

    /// Whether the entry answers with another entry's response.
    pub const fn is_concealed(&self) -> bool {
        self.parts.conceal_as.is_some()
    }

    /// The spec a client sees: the [`concealed_as`](ErrorSpec::concealed_as) target for
    /// a concealed entry, else this one. The response is written from it.
    pub const fn public(&self) -> &ErrorSpec {
        match self.parts.conceal_as {
            Some(target) => target,
            None => self,
        }
    }

    /// The declared parameters, in order.
    pub const fn params(&self) -> &'static [ParamSpec] {
        self.parts.params
    }

    /// Extra response headers.
    pub const fn headers(&self) -> &'static [HeaderSpec] {
        self.parts.headers
    }

    /// The RFC 6750 / 9470 / 9449 `error` attribute of the challenge, if it has a literal one.
    pub fn error_attribute(&self) -> Option<&'static str> {
        self.parts.challenge?.get("error")
    }

    /// The message template as clients see it: the generic message when `expose` is off.
    pub const fn public_message(&self) -> &'static str {
        if self.parts.expose {
            self.parts.message
        } else {
            GENERIC_MESSAGE
        }
    }

    /// The problem `title`: the entry's title, else the status reason phrase, else the code.
    pub const fn problem_title(&self) -> &'static str {
        match self.parts.title {
            Some(title) => title,
            None => match body::reason_phrase(self.parts.status) {
                Some(phrase) => phrase,
                None => self.parts.code,
            },
        }
    }

    /// Every field but the compiled forms.
    pub(crate) const fn parts(&self) -> &SpecParts {
        &self.parts
    }

    /// The compiled forms.
    pub(crate) const fn compiled(&self) -> &Compiled {
        &self.compiled
    }

    /// A spec from parts already checked by the catalog validator, with its compiled forms.
    pub(crate) const fn from_parts(parts: SpecParts, compiled: Compiled) -> ErrorSpec {
        ErrorSpec { parts, compiled }
    }
}

/// Every field of an [`ErrorSpec`] but its compiled forms: what generated code and the
/// catalog's `to_spec` fill from a validated entry. Reached through `__private`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct SpecParts {
    pub code: &'static str,
    pub status: u16,
    pub title: Option<&'static str>,
    pub message: &'static str,
    pub docs: Option<&'static str>,
    pub deprecated: Option<&'static str>,
    pub since: Option<&'static str>,
    pub client: ClientAction,
    pub expose: bool,
    pub body: BodyFormat,
    pub type_uri: Option<&'static str>,
    /// The gRPC code (`SpecParts::new` derives it from the status).
    pub grpc: Option<GrpcCode>,
    pub challenge: Option<ChallengeSpec>,
    /// The challenges after the first, in order (RFC 9110 §11.6.1).
    pub more_challenges: &'static [ChallengeSpec],
    /// The entry whose response this one answers with.
    pub conceal_as: Option<&'static ErrorSpec>,
    pub params: &'static [ParamSpec],
    pub headers: &'static [HeaderSpec],
}

impl SpecParts {
    /// The parts of an entry with a code, a status and a message, the rest defaulted: no
    /// challenge, `json` body, client action `none`, exposed message, the gRPC code the
    /// status derives. Not checked.
    pub const fn new(code: &'static str, status: u16, message: &'static str) -> SpecParts {
        SpecParts {
            code,
            status,
            title: None,
            message,
            docs: None,
            deprecated: None,
            since: None,
            client: ClientAction::None,
            expose: true,
            body: BodyFormat::Json,
            type_uri: None,
            grpc: GrpcCode::derive(status),
            challenge: None,
            more_challenges: &[],
            conceal_as: None,
            params: &[],
            headers: &[],
        }
    }
}
