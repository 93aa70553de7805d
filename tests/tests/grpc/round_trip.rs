//! `E → Status → E`: every variant, with any param values its types allow, comes back
//! from its status as it was; a status of another domain, an unknown reason or a bad
//! param is a typed error, never a panic.

use auth_errors::Scope;
use auth_errors::tonic::FromStatusError;
use proptest::prelude::*;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use super::ApiError;

/// A scope-token (RFC 6749 §3.3): `%x21 / %x23-5B / %x5D-7E`, at least one.
fn scope() -> impl Strategy<Value = Scope> {
    "[!#-\\[\\]-~]{1,20}".prop_map(|s| Scope::new(s).unwrap())
}

/// Text a param may carry: printable ASCII but `"` and `\` (the RFC 6750 attribute set).
fn text() -> impl Strategy<Value = String> {
    "[ !#-\\[\\]-~]{1,30}"
}

fn any_error() -> impl Strategy<Value = ApiError> {
    prop_oneof![
        Just(ApiError::TokenMissing),
        Just(ApiError::TokenExpired),
        Just(ApiError::TokenInvalid),
        Just(ApiError::TokenRevoked),
        scope().prop_map(|scope| ApiError::InsufficientScope { scope }),
        Just(ApiError::InvalidRequest),
        (text(), any::<u64>()).prop_map(|(acr_values, max_age)| {
            ApiError::InsufficientUserAuthentication {
                acr_values,
                max_age,
            }
        }),
        text().prop_map(|algs| ApiError::DpopProofInvalid { algs }),
        text().prop_map(|nonce| ApiError::DpopNonceRequired { nonce }),
        text().prop_map(|algs| ApiError::BearerOrDpopRequired { algs }),
        any::<u64>().prop_map(|retry_after| ApiError::AuthUnavailable { retry_after }),
        Just(ApiError::AuthServerError),
        any::<u64>().prop_map(|order_id| ApiError::OrderExists { order_id }),
        Just(ApiError::OrderGone),
        any::<u64>().prop_map(|wait| ApiError::RateLimited { wait }),
        Just(ApiError::ResourceTokenMissing),
    ]
}

proptest! {
    #[test]
    fn every_error_comes_back_from_its_status(error in any_error()) {
        let status = Status::from(&error);
        prop_assert_eq!(ApiError::try_from(&status), Ok(error));
    }
}

#[test]
fn a_concealed_or_redacted_error_comes_back_as_what_the_client_saw() {
    // The client sees ORDER_GONE: the concealed entry's face.
    let status = Status::from(ApiError::OrderHidden);
    assert_eq!(ApiError::try_from(&status), Ok(ApiError::OrderGone));
    // A redacted entry sends no params: its variant cannot be rebuilt, and says so.
    let status = Status::from(ApiError::LedgerCorrupt { page: 3 });
    let err = ApiError::try_from(&status).unwrap_err();
    assert_eq!(err.status_reason(), Some("LEDGER_CORRUPT"));
    assert_eq!(
        err.to_string(),
        "LEDGER_CORRUPT: ErrorInfo metadata has no 'page'"
    );
}

fn status(reason: &str, domain: &str, metadata: &[(&str, &str)]) -> Status {
    let metadata: std::collections::HashMap<String, String> = metadata
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    Status::with_error_details(
        Code::PermissionDenied,
        "x",
        ErrorDetails::with_error_info(reason, domain, metadata),
    )
}

#[test]
fn a_status_that_is_not_one_of_the_enum_is_a_typed_error() {
    let errors: Vec<FromStatusError> = vec![
        ApiError::try_from(&Status::permission_denied("no details")).unwrap_err(),
        ApiError::try_from(&status("TOKEN_EXPIRED", "other.example.com", &[])).unwrap_err(),
        ApiError::try_from(&status("NO_SUCH_CODE", "orders.example.com", &[])).unwrap_err(),
        ApiError::try_from(&status(
            "INSUFFICIENT_SCOPE",
            "orders.example.com",
            &[("scope", "orders\\read")],
        ))
        .unwrap_err(),
        ApiError::try_from(&status(
            "ORDER_EXISTS",
            "orders.example.com",
            &[("order_id", "-1")],
        ))
        .unwrap_err(),
    ];
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "the status has no ErrorInfo detail",
            "ErrorInfo domain 'other.example.com' is not 'orders.example.com'",
            "unknown ErrorInfo reason 'NO_SUCH_CODE'",
            "INSUFFICIENT_SCOPE: ErrorInfo metadata 'scope' is not valid: \"orders\\\\read\"",
            "ORDER_EXISTS: ErrorInfo metadata 'order_id' is not valid: \"-1\"",
        ]
    );
}

proptest! {
    /// Whatever a peer sends, decoding answers; it never panics.
    #[test]
    fn any_error_info_decodes_or_errs(reason in "[A-Z_]{0,30}", key in "[a-z_]{1,12}", value in ".{0,40}") {
        let _ = ApiError::try_from(&status(&reason, "orders.example.com", &[(&key, &value)]));
    }
}
