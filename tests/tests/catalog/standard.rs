//! The standard catalog loads, and says what the RFCs say.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use auth_errors::catalog;
use auth_errors_tests::{STANDARD_CODES, workspace_root};

#[test]
fn standard_catalog_is_valid_and_complete() {
    let path = workspace_root().join("auth-errors-core/std/auth-errors.yaml");
    let cat = catalog::Loader::new()
        .read_files()
        .load_file(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    let codes: Vec<&str> = cat.entries().iter().map(|e| e.code().as_str()).collect();
    assert_eq!(codes, STANDARD_CODES);
    for e in cat.entries() {
        assert!(e.docs().is_some(), "{} has no docs", e.code().as_str());
    }
    // RFC 6750 §3.1: no error code when the request had no token.
    let missing = cat.get("TOKEN_MISSING").unwrap();
    assert_eq!(missing.status().get(), 401);
    assert!(missing.challenge().unwrap().error().is_none());
    // RFC 6750 §3.1 status for each error code.
    for (code, status, error) in [
        ("TOKEN_EXPIRED", 401, "invalid_token"),
        ("TOKEN_INVALID", 401, "invalid_token"),
        ("TOKEN_REVOKED", 401, "invalid_token"),
        ("INSUFFICIENT_SCOPE", 403, "insufficient_scope"),
        ("INVALID_REQUEST", 400, "invalid_request"),
        (
            "INSUFFICIENT_USER_AUTHENTICATION",
            401,
            "insufficient_user_authentication",
        ),
    ] {
        let e = cat.get(code).unwrap();
        assert_eq!(e.status().get(), status, "{code}");
        let c = e.challenge().unwrap();
        assert_eq!(c.error().map(|s| s.as_str()), Some(error), "{code}");
    }
    let step_up = cat.get("INSUFFICIENT_USER_AUTHENTICATION").unwrap();
    let names: Vec<&str> = step_up.params().iter().map(|p| p.name().as_str()).collect();
    assert_eq!(names, ["acr_values", "max_age"]);
}
