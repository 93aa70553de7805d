//! The user's attributes on a catalog enum are kept: derives, doc comments,
//! `#[allow]`, and the visibility (`pub(crate)` inside a module).

mod errors {
    /// The errors of this service.
    #[auth_errors::catalog("../catalogs/full.yaml")]
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    #[allow(clippy::enum_variant_names)]
    pub(crate) enum ApiError {}
}

use auth_errors::AuthError;
use auth_errors::Scope;
use errors::ApiError;

fn main() {
    let a = ApiError::InsufficientScope { scope: Scope::new("orders:read").unwrap() };
    let b = a.clone();
    assert_eq!(a, b);
    assert_ne!(a, ApiError::TokenMissing);
    assert_eq!(format!("{:?}", ApiError::TokenMissing), "TokenMissing");
    assert_eq!(
        format!("{:?}", ApiError::RateLimited { seconds: 5 }),
        "RateLimited { seconds: 5 }",
    );

    let mut seen = std::collections::HashSet::new();
    seen.insert(ApiError::TokenExpired);
    assert!(seen.contains(&ApiError::TokenExpired));
    assert_eq!(b.status(), 403);

    // `PartialEq` also makes `FromStr` results comparable.
    assert_eq!("TOKEN_EXPIRED".parse::<ApiError>(), Ok(ApiError::TokenExpired));
}
