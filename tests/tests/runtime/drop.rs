//! A response drops what the error value owns: the axum response of a static variant
//! skips the value's drop only where there is nothing to drop.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use axum::response::IntoResponse;

#[derive(Debug, auth_errors::AuthError)]
enum Hidden {
    /// Static (a fixed message, no headers) with a field its entry does not use.
    #[auth_error(status = 503, code = "MAINTENANCE", message = "Down for maintenance")]
    Maintenance {
        #[allow(dead_code, reason = "owned only to be dropped")]
        ticket: Arc<str>,
    },
}

#[derive(Debug, auth_errors::AuthError)]
enum Mixed {
    /// Static, unit.
    #[auth_error(
        status = 401,
        code = "SIGN_IN",
        message = "Sign in",
        challenge(realm = "api")
    )]
    SignIn,
    /// Dynamic: the field is in the message.
    #[auth_error(status = 403, code = "NEEDS", message = "Needs {what}")]
    Needs { what: Arc<str> },
}

#[test]
fn a_static_variant_with_a_field_drops_it() {
    let ticket: Arc<str> = Arc::from("T-1");
    let response = Hidden::Maintenance {
        ticket: Arc::clone(&ticket),
    }
    .into_response();
    assert_eq!(response.status(), 503);
    assert_eq!(Arc::strong_count(&ticket), 1);
}

#[test]
fn beside_unit_static_variants_a_dynamic_one_drops_its_fields() {
    let response = Mixed::SignIn.into_response();
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer realm="api""#
    );
    let what: Arc<str> = Arc::from("orders");
    let response = Mixed::Needs {
        what: Arc::clone(&what),
    }
    .into_response();
    assert_eq!(response.status(), 403);
    assert_eq!(Arc::strong_count(&what), 1);
}
