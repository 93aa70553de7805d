//! Runtime and catalog model of [auth-errors](https://docs.rs/auth-errors).
//!
//! Most users depend on the `auth-errors` crate, which re-exports this one.
//! The pieces:
//!
//! - [`challenge`]: the `WWW-Authenticate` model, its RFC 9110 / RFC 6750
//!   formatter and its client-side parser.
//! - [`body`]: the JSON error body, as `{"code","message"}` or RFC 9457
//!   `application/problem+json`.
//! - [`error`]: the [`AuthError`](error::AuthError) trait every catalog enum
//!   implements, and [`ErrorSpec`](error::ErrorSpec), the static description
//!   of one catalog entry.
//! - [`template`]: the `{param}` placeholders of messages and attributes.
//! - `catalog` (feature `catalog`): the catalog model, its YAML loader and its
//!   validator, shared by the macros, the CLI and the renderers.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod body;
#[cfg(feature = "catalog")]
pub mod catalog;
pub mod challenge;
pub mod error;
pub mod template;

pub use body::BodyFormat;
pub use challenge::{Challenge, ChallengeError};
pub use error::{AuthError, ClientAction, ErrorSpec};
