//! Runtime and catalog model of [auth-errors](https://docs.rs/auth-errors).
//!
//! Most users depend on the `auth-errors` crate, which re-exports this one.
//! The pieces:
//!
//! - [`challenge`]: the `WWW-Authenticate` model, its RFC 9110 / RFC 6750
//!   formatter and its client-side parser.
//! - [`body`]: the JSON error body, as `{"code","message"}` or RFC 9457
//!   `application/problem+json`.
//! - [`error`]: the [`AuthError`] trait every catalog enum
//!   implements, and [`ErrorSpec`], the static description
//!   of one catalog entry.
//! - [`response`]: what an HTTP response for an error carries, free of
//!   framework types.
//! - [`template`]: the `{param}` placeholders of messages and attributes.
//! - `catalog` (feature `catalog`): the catalog model, its YAML loader and its
//!   validator, shared by the macros, the CLI and the renderers.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod body;
#[cfg(feature = "catalog")]
pub mod catalog;
pub mod challenge;
#[cfg(feature = "docs")]
pub mod docs;
pub mod error;
pub mod response;
pub mod template;

pub use body::BodyFormat;
pub use challenge::{Challenge, ChallengeError};
pub use error::{AuthError, ClientAction, ErrorSpec};

/// Items the generated code names; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use std::borrow::Cow;

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

    /// A param value from a field of any displayable type.
    pub fn display_param<T: std::fmt::Display + ?Sized>(value: &T) -> Cow<'_, str> {
        Cow::Owned(value.to_string())
    }
}
