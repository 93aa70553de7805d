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

/// RFC 9449: the DPoP entries answer as §7.1, §8 and §7.2 say, with the values the RFC's
/// examples use (written here from the RFC, not from the output).
#[test]
fn dpop_entries_say_what_rfc_9449_says() {
    let cat = catalog::load(catalog::STANDARD_CATALOG, "std").unwrap();
    let specs = cat.to_specs();
    let spec = |code: &str| *specs.iter().find(|s| s.code() == code).unwrap();

    // §7.1: a DPoP challenge with error="invalid_dpop_proof" and the accepted algs.
    let invalid = spec("DPOP_PROOF_INVALID");
    assert_eq!(invalid.status(), 401);
    let c = invalid.challenge().unwrap();
    assert!(c.scheme().eq_ignore_ascii_case("DPoP"));
    assert_eq!(c.get("error"), Some("invalid_dpop_proof"));
    assert_eq!(c.get("algs"), Some("{algs}"));

    // §8: error="use_dpop_nonce", and the nonce in a DPoP-Nonce header from a param.
    let nonce = spec("DPOP_NONCE_REQUIRED");
    assert_eq!(nonce.status(), 401);
    assert_eq!(
        nonce.challenge().unwrap().get("error"),
        Some("use_dpop_nonce")
    );
    let headers: Vec<(&str, &str)> = nonce
        .headers()
        .iter()
        .map(|h| (h.name(), h.value()))
        .collect();
    assert_eq!(headers, [("DPoP-Nonce", "{nonce}")]);

    // §7.2: Bearer and DPoP, in one value, neither with an error (RFC 6750 §3.1).
    let both = spec("BEARER_OR_DPOP_REQUIRED");
    let schemes: Vec<&str> = both.challenges().map(|c| c.scheme()).collect();
    assert_eq!(schemes, ["Bearer", "DPoP"]);
    assert!(both.challenges().all(|c| c.get("error").is_none()));
    assert_eq!(
        both.challenges().nth(1).and_then(|c| c.get("algs")),
        Some("{algs}")
    );
    let entry = cat.get("BEARER_OR_DPOP_REQUIRED").unwrap();
    assert_eq!(entry.challenges().len(), 2);
    assert!(cat.warnings().is_empty(), "{:?}", cat.warnings());
}

/// The embedded `http` catalog (issue 14): the generic failures of RFC 9110 §15.5, each
/// with its status, none with a challenge, and `Allow` on the 405 (§15.5.6: "MUST").
#[test]
fn http_catalog_has_the_rfc_9110_statuses_and_no_challenge() {
    let cat = catalog::Loader::new()
        .strict(true)
        .load(catalog::HTTP_CATALOG, catalog::HTTP)
        .unwrap_or_else(|e| panic!("{e}"));
    let statuses: Vec<(&str, u16)> = cat
        .entries()
        .iter()
        .map(|e| (e.code().as_str(), e.status().get()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("BAD_REQUEST_BODY", 400),
            ("UNPROCESSABLE_CONTENT", 422),
            ("INVALID_QUERY", 400),
            ("INVALID_PATH", 400),
            ("NOT_FOUND", 404),
            ("METHOD_NOT_ALLOWED", 405),
            ("PAYLOAD_TOO_LARGE", 413),
            ("UNSUPPORTED_MEDIA_TYPE", 415),
            ("INTERNAL_ERROR", 500),
        ]
    );
    for e in cat.entries() {
        assert!(e.challenge().is_none(), "{}", e.code().as_str());
        assert!(e.docs().is_some(), "{}", e.code().as_str());
    }
    let allow = auth_errors::request::RequestError::MethodNotAllowed {
        allow: "GET, HEAD".into(),
    };
    use auth_errors::AuthError;
    let headers = allow.headers();
    assert_eq!(headers.len(), 1);
    assert_eq!(headers[0].0, "Allow");
    assert_eq!(headers[0].1, "GET, HEAD");
}

/// `include: [std, http]` composes both embedded catalogs, no file read for either.
#[test]
fn a_catalog_includes_std_and_http_by_name() {
    let text = "version: 1\ninclude: [std, http]\ndefaults:\n  realm: api\n";
    let cat = catalog::load(text, "api.yaml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cat.entries().len(), STANDARD_CODES.len() + 9);
    assert!(cat.get("TOKEN_EXPIRED").is_some());
    assert!(cat.get("METHOD_NOT_ALLOWED").is_some());
}
