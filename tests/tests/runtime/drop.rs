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

/// The status of the response to the error `make` builds around an `Arc`, and the
/// `Arc`'s strong count once the response exists (1: the error's copy was dropped).
fn answered<E: IntoResponse>(make: impl FnOnce(Arc<str>) -> E) -> (u16, usize) {
    let owned: Arc<str> = Arc::from("owned");
    let response = make(Arc::clone(&owned)).into_response();
    (response.status().as_u16(), Arc::strong_count(&owned))
}

#[test]
fn a_static_variant_with_a_field_drops_it() {
    let answer = answered(|ticket| Hidden::Maintenance { ticket });
    assert_eq!(answer, (503, 1));
}

#[test]
fn beside_unit_static_variants_a_dynamic_one_drops_its_fields() {
    let response = Mixed::SignIn.into_response();
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer realm="api""#
    );
    assert_eq!(answered(|what| Mixed::Needs { what }), (403, 1));
}
