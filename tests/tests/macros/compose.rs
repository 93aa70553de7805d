//! The macro sees the composed catalog: a team catalog that includes `std` and a shared
//! file becomes one enum, answering with the team's defaults.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use auth_errors::AuthError;
use auth_errors_tests::STANDARD_CODES;

/// `fixtures/compose/team/errors.yaml`: std, then `shared/billing.yaml`, then the team's own.
#[auth_errors::catalog("fixtures/compose/team/errors.yaml")]
#[derive(Debug)]
pub enum TeamError {}

#[test]
fn the_enum_has_every_composed_entry_in_order() {
    let codes: Vec<&str> = TeamError::SPECS.iter().map(|s| s.code()).collect();
    let team = [
        "BILLING_PAYMENT_REQUIRED",
        "ORDERS_NOT_FOUND",
        "ORDERS_LOCKED",
    ];
    assert_eq!(codes, [STANDARD_CODES.as_slice(), &team].concat());
}

#[test]
fn included_entries_answer_with_the_team_defaults() {
    let expired = TeamError::TokenExpired;
    assert_eq!(expired.status(), 401);
    assert_eq!(
        expired.challenge_value().unwrap().as_deref(),
        Some(
            r#"Bearer realm="orders", error="invalid_token", error_description="The access token expired""#
        )
    );
    assert_eq!(
        expired.spec().type_uri(),
        Some("https://docs.example.com/errors/TOKEN_EXPIRED")
    );

    let billing = TeamError::BillingPaymentRequired;
    assert_eq!(
        (billing.status(), billing.code()),
        (402, "BILLING_PAYMENT_REQUIRED")
    );

    let missing = TeamError::OrdersNotFound { order_id: 42 };
    assert_eq!(missing.status(), 404);
    assert_eq!(missing.message(), "Order 42 does not exist");
    assert_eq!(
        missing.body(),
        r#"{"code":"ORDERS_NOT_FOUND","message":"Order 42 does not exist"}"#
    );
}
