//! A catalog with a `deprecated` entry under `#![deny(warnings)]`: the generated
//! code (match arms over every variant, `FromStr`, `SPECS`) must not trip the
//! deprecation lint, nor any other; only a use of the deprecated variant would.

#![deny(warnings, missing_docs)]

use auth_errors::AuthError;

/// The errors of the API; `missing_docs` holds for the generated variants and fields too.
#[auth_errors::catalog("../catalogs/full.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {}

/// A derive on the same catalog, with a variant for the deprecated entry.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    /// No token.
    TokenMissing,
    /// A deprecated entry, named by a hand-written variant.
    LegacyToken,
    /// A variant the user deprecated: the derive's impls match on it without warning.
    #[deprecated = "use TokenMissing"]
    #[auth_error(status = 400, code = "OLD", message = "Old")]
    Old,
    /// A deprecated variant with a `#[from]` field: the generated `From` does not warn.
    #[deprecated]
    #[auth_error(status = 500, message = "I/O")]
    Io(#[from] std::io::Error),
}

fn main() {
    let err = ApiError::TokenExpired;
    assert_eq!(err.status(), 401);
    assert_eq!(err.clone(), ApiError::TokenExpired);
    // The spec says the entry is deprecated, without naming the variant.
    let spec = ApiError::SPECS.iter().find(|s| s.code() == "LEGACY_TOKEN").unwrap();
    assert_eq!(spec.deprecated(), Some("Use TOKEN_EXPIRED"));

    assert_eq!(AppError::TokenMissing.status(), 401);
    assert_eq!(AppError::LegacyToken.spec().deprecated(), Some("Use TOKEN_EXPIRED"));
    assert_eq!(AppError::SPECS.len(), 4);
    assert_eq!(AppError::SPECS[2].code(), "OLD");
}
