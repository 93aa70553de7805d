//! gRPC from the catalog (issue 16): the `google/rpc/code.proto` table, a real tonic
//! server and client on 127.0.0.1 answering every entry of a catalog that includes the
//! standard one, the round trip `E → Status → E`, and one server answering both HTTP
//! (axum) and gRPC (tonic) from the same enum.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod hybrid;
mod round_trip;
mod server;
mod table;

/// The test service, compiled from `proto/orders.proto` by the build script (protox and
/// tonic-prost-build: no `protoc`, no network).
pub mod proto {
    #![allow(missing_docs, clippy::all)]
    tonic::include_proto!("orders.v1");
}

/// Every standard entry, and the suite's own (see the catalog's header).
#[auth_errors::catalog("fixtures/grpc/errors.yaml")]
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {}

/// One value of every variant, its params filled.
pub fn samples() -> Vec<ApiError> {
    use auth_errors::Scope;
    vec![
        ApiError::TokenMissing,
        ApiError::TokenExpired,
        ApiError::TokenInvalid,
        ApiError::TokenRevoked,
        ApiError::InsufficientScope {
            scope: Scope::new("orders:read").unwrap(),
        },
        ApiError::InvalidRequest,
        ApiError::InsufficientUserAuthentication {
            acr_values: "urn:mace:incommon:iap:silver".into(),
            max_age: 300,
        },
        ApiError::DpopProofInvalid {
            algs: "ES256 PS256".into(),
        },
        ApiError::DpopNonceRequired {
            nonce: "eyJ7S_zG.eyJH0-Z.HX4w-7v".into(),
        },
        ApiError::BearerOrDpopRequired {
            algs: "ES256".into(),
        },
        ApiError::AuthUnavailable { retry_after: 30 },
        ApiError::AuthServerError,
        ApiError::LedgerCorrupt { page: 12 },
        ApiError::OrderExists { order_id: 42 },
        ApiError::OrderGone,
        ApiError::OrderHidden,
        ApiError::RateLimited { wait: 7 },
        ApiError::ResourceTokenMissing,
    ]
}

/// The sample with this code.
pub fn sample(code: &str) -> Option<ApiError> {
    samples().into_iter().find(|e| e.code() == code)
}
