//! Runtime and catalog model of [auth-errors](https://docs.rs/auth-errors).
//!
//! Most users depend on the `auth-errors` crate, which re-exports this one. The modules
//! follow the pipeline catalog → spec → render → respond:
//!
//! - `catalog` (feature `catalog`): the catalog model, its YAML loader and its validator,
//!   shared by the macros, the CLI and the renderers.
//! - [`spec`]: what an entry is at run time ([`ErrorSpec`]), plain data made only from a
//!   validated catalog or checked `const` constructors.
//! - [`AuthError`]: what a response needs from an error value; its methods render the
//!   entry's message, `WWW-Authenticate` value and body, each written in one place.
//! - [`response`]: the framework-free response plan the adapters convert; [`grpc`]: the
//!   gRPC one (AIP-193 details) the `tonic` adapter converts.
//! - [`challenge`]: the `WWW-Authenticate` model ([`Challenge`], [`Scope`]), its rules,
//!   its client-side parser and the table of standard `error` values.
//! - [`body`]: the body formats.
//! - [`template`]: the `{param}` placeholders of messages and attributes.
//! - [`HttpDate`]: the IMF-fixdate type of `http_date` params (`Retry-After`).
//! - `docs` (feature `docs`): Markdown, OpenAPI and TypeScript renderers.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod auth_error;
pub mod body;
#[cfg(feature = "catalog")]
pub mod catalog;
pub mod challenge;
#[cfg(feature = "docs")]
pub mod docs;
pub mod grpc;
mod http_date;
pub mod locale;
pub mod monitor;
mod render;
pub mod response;
pub mod spec;
pub mod template;

pub use auth_error::AuthError;
pub use body::BodyFormat;
pub use challenge::{Challenge, ChallengeError, Scope};
pub use http_date::{HttpDate, InvalidHttpDate};
pub use spec::{ChallengeSpec, ClientAction, ErrorSpec, GrpcCode, ParamType};

/// Items the generated code and the macros name (and the CLI: `include_path`); not a
/// public API.
#[doc(hidden)]
pub mod __private {
    pub use std::borrow::Cow;

    pub use crate::challenge::rules::{is_quotable_str, is_token68};
    #[cfg(feature = "docs")]
    pub use crate::docs::openapi::status_responses;
    pub use crate::render::compile::{CompiledForm, CompiledText, compile};
    pub use crate::spec::SpecParts;
    pub use crate::spec::compiled::{Compiled, Form, Hole, Split};
    use crate::spec::{ChallengeSpec, ClientAction, ErrorSpec, HeaderSpec, ParamSpec, ParamType};

    /// A spec from a validated catalog entry and its compiled forms.
    pub const fn spec(parts: SpecParts, compiled: Compiled) -> ErrorSpec {
        ErrorSpec::from_parts(parts, compiled)
    }

    /// The parts of a spec: what the macros emit again for a concealed entry's target.
    pub const fn parts(spec: &ErrorSpec) -> SpecParts {
        *spec.parts()
    }

    /// The spec of a validated catalog entry whose other parts are those of
    /// [`SpecParts::new`]: the short form the macros emit when an entry has no title,
    /// docs, deprecation, `since`, problem type, params, extra headers, second challenge
    /// or `conceal_as`, is exposed and has a `json` body. Every expression in `SPECS` costs type checking, borrow
    /// checking and constant evaluation, so an entry names only what it has.
    /// `message_fixed`: the compiled message is the template itself (no placeholders).
    #[allow(clippy::too_many_arguments)]
    pub const fn entry(
        code: &'static str,
        status: u16,
        message: &'static str,
        client: ClientAction,
        scheme: Option<&'static str>,
        attributes: &'static [(&'static str, &'static str)],
        message_fixed: bool,
        header: Form,
        body: Form,
    ) -> ErrorSpec {
        let mut parts = SpecParts::new(code, status, message);
        parts.client = client;
        parts.challenge = match scheme {
            Some(scheme) => Some(ChallengeSpec::new_unchecked(scheme, attributes)),
            None => None,
        };
        let fixed = if message_fixed { Some(message) } else { None };
        ErrorSpec::from_parts(parts, Compiled::new(fixed, header, body))
    }

    /// The class of a variant in the adapters' table of static responses: answered at
    /// run time from its spec.
    pub const STATIC_DYNAMIC: u16 = 0;
    /// The class of the first distinct static head (status, content type, fixed
    /// challenge); the macros number the others on from it and pass each head once, so
    /// each is made and checked once, in a `const`.
    pub const STATIC_FIRST_HEAD: u16 = 1;

    /// The body of a spec when it is compiled text: what a static response sends.
    pub const fn fixed_body(spec: &ErrorSpec) -> Option<&'static str> {
        match spec.compiled().body {
            Form::Fixed(text) => Some(text),
            _ => None,
        }
    }

    /// A challenge of a validated catalog entry.
    pub const fn challenge_spec(
        scheme: &'static str,
        params: &'static [(&'static str, &'static str)],
    ) -> ChallengeSpec {
        ChallengeSpec::new_unchecked(scheme, params)
    }

    /// A param of a validated catalog entry.
    pub const fn param_spec(name: &'static str, ty: ParamType) -> ParamSpec {
        ParamSpec::new_unchecked(name, ty)
    }

    /// A header of a validated catalog entry.
    pub const fn header_spec(name: &'static str, value: &'static str) -> HeaderSpec {
        HeaderSpec::new_unchecked(name, value)
    }

    /// An error as `&dyn Error`, for a `#[source]` field of any error type, boxed trait
    /// objects included (`Box<dyn Error + Send + Sync>` reaches `dyn Error` by deref).
    pub trait AsDynError<'a> {
        /// The error as a trait object.
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'a);
    }

    impl<'a, T: std::error::Error + 'a> AsDynError<'a> for T {
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'a) {
            self
        }
    }

    impl<'a> AsDynError<'a> for dyn std::error::Error + 'a {
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'a) {
            self
        }
    }

    impl<'a> AsDynError<'a> for dyn std::error::Error + Send + 'a {
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'a) {
            self
        }
    }

    impl<'a> AsDynError<'a> for dyn std::error::Error + Send + Sync + 'a {
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'a) {
            self
        }
    }

    #[cfg(feature = "catalog")]
    pub use crate::catalog::compose::include_path;
    #[cfg(feature = "catalog")]
    pub use crate::catalog::hint::nearest;
    #[cfg(feature = "catalog")]
    pub use crate::catalog::inline::{InlineChallenge, InlineEntry};

    /// How each way a request can lack a usable bearer token answers: the facade's
    /// `bearer::BearerRejection` variant and the standard catalog's code for it. A
    /// generated enum with a unit variant for every code here converts from a rejection
    /// (the macros pass the pairs to the facade's `__impl_adapters!`, after `bearer:`).
    pub const BEARER_REJECTIONS: &[(&str, &str)] = &[
        ("Missing", "TOKEN_MISSING"),
        ("Malformed", "INVALID_REQUEST"),
        ("Multiple", "INVALID_REQUEST"),
    ];

    /// The embedded catalogs with a ready enum in the facade: the catalog's name, the
    /// facade module and the enum. A generated enum with every entry of one converts
    /// from its enum (the macros pass the variant pairs to `__impl_adapters!`, after
    /// `embedded:`).
    pub const FACADE_ENUMS: &[(&str, &str, &str)] = &[
        ("std", "oauth", "OAuthError"),
        ("http", "request", "RequestError"),
    ];

    /// The body of a validated entry in a translation whose message uses no param (see
    /// `locale::Text::new`); `None` when it uses one, or the entry hides its message.
    pub fn translated_body(
        parts: &SpecParts,
        message: &str,
        title: Option<&str>,
    ) -> Option<String> {
        crate::locale::fixed_body(parts, message, title)
    }

    /// A param value from a field of any displayable type.
    pub fn display_param<T: std::fmt::Display + ?Sized>(value: &T) -> Cow<'_, str> {
        Cow::Owned(value.to_string())
    }
}
