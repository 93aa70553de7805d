//! Procedural macros of [auth-errors](https://docs.rs/auth-errors).
//!
//! Use them through the `auth-errors` crate, which re-exports them. Everything
//! they know about a catalog comes from `auth-errors-core`'s one catalog model
//! and validator; this crate only reads Rust syntax and expands.
//!
//! Laid out as thiserror-impl and serde_derive are: `ast` (what was written),
//! `attr` (its attributes), `resolve` (variants to entries, collecting every error),
//! `expand` (code generation), with `load` reading the catalog, `model` the resolved
//! model and `tokens` the specs as tokens.

mod ast;
mod attr;
mod ctxt;
mod expand;
mod load;
mod model;
mod resolve;
mod tokens;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Generates an enum's variants from a catalog file.
///
/// ```
/// // A file relative to the calling crate's `Cargo.toml`, or `std`: the standard catalog.
/// #[auth_errors::catalog(std)]
/// #[derive(Debug)]
/// pub enum ApiError {}
///
/// use auth_errors::AuthError;
/// let err = ApiError::TokenExpired;
/// assert_eq!((err.status(), err.code()), (401, "TOKEN_EXPIRED"));
/// ```
///
/// The path is relative to the calling crate's `Cargo.toml`. `std` in its place
/// (`#[auth_errors::catalog(std)]`) names the standard catalog that `auth-errors-core`
/// embeds. See the `auth-errors` crate docs for what the enum gets.
#[proc_macro_attribute]
pub fn catalog(args: TokenStream, input: TokenStream) -> TokenStream {
    let args = parse_macro_input!(args as attr::CatalogArgs);
    let input = parse_macro_input!(input as DeriveInput);
    expand::catalog(args, &input).into()
}

/// Implements `AuthError` (and `Display`, `Error`, `FromStr`) for a hand-written enum whose
/// variants name catalog entries or state them inline.
#[proc_macro_derive(AuthError, attributes(auth_error, source, from))]
pub fn derive_auth_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
