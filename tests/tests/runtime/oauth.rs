//! The standard catalog's enum answers as RFC 6750, RFC 9110, RFC 9470 and RFC 9449 say.
//!
//! Expectations are written out by hand from the RFC texts, not computed by the code
//! under test.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use auth_errors::Scope;
use auth_errors::oauth::OAuthError;
use auth_errors::{AuthError, ClientAction};
use auth_errors_tests::{STANDARD_CODES, workspace_root};

fn header(e: &OAuthError) -> Option<String> {
    e.challenge_value().unwrap().map(|v| v.into_owned())
}

#[test]
fn every_variant_answers_as_the_rfcs_say() {
    let scope = Scope::new("orders:write").unwrap();
    let cases: Vec<(OAuthError, u16, &str, Option<&str>, &str)> = vec![
        (
            OAuthError::TokenMissing,
            401,
            "TOKEN_MISSING",
            // RFC 6750 §3.1: no error code when the request had no authentication.
            Some(r#"Bearer realm="api""#),
            r#"{"code":"TOKEN_MISSING","message":"Authentication required"}"#,
        ),
        (
            OAuthError::TokenExpired,
            401,
            "TOKEN_EXPIRED",
            Some(
                r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#,
            ),
            r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#,
        ),
        (
            OAuthError::TokenInvalid,
            401,
            "TOKEN_INVALID",
            Some(
                r#"Bearer realm="api", error="invalid_token", error_description="The access token is malformed or its signature does not verify""#,
            ),
            r#"{"code":"TOKEN_INVALID","message":"Access token is invalid"}"#,
        ),
        (
            OAuthError::TokenRevoked,
            401,
            "TOKEN_REVOKED",
            Some(
                r#"Bearer realm="api", error="invalid_token", error_description="The access token has been revoked""#,
            ),
            r#"{"code":"TOKEN_REVOKED","message":"Access token has been revoked"}"#,
        ),
        (
            OAuthError::InsufficientScope { scope },
            403,
            "INSUFFICIENT_SCOPE",
            // RFC 6750 §3: insufficient_scope with the scope needed.
            Some(
                r#"Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scope this request needs", scope="orders:write""#,
            ),
            r#"{"code":"INSUFFICIENT_SCOPE","message":"This action needs the orders:write scope"}"#,
        ),
        (
            OAuthError::InvalidRequest,
            400,
            "INVALID_REQUEST",
            Some(
                r#"Bearer realm="api", error="invalid_request", error_description="The Authorization header is malformed""#,
            ),
            r#"{"code":"INVALID_REQUEST","message":"Malformed Authorization header"}"#,
        ),
        (
            OAuthError::InsufficientUserAuthentication {
                acr_values: "urn:example:gold".into(),
                max_age: 5,
            },
            401,
            "INSUFFICIENT_USER_AUTHENTICATION",
            // RFC 9470 §3.
            Some(
                r#"Bearer realm="api", error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="urn:example:gold", max_age="5""#,
            ),
            r#"{"code":"INSUFFICIENT_USER_AUTHENTICATION","message":"This action needs a stronger or more recent sign-in"}"#,
        ),
        (
            OAuthError::DpopProofInvalid {
                algs: "ES256 PS256".into(),
            },
            401,
            "DPOP_PROOF_INVALID",
            // RFC 9449 §7.1.
            Some(
                r#"DPoP realm="api", error="invalid_dpop_proof", error_description="The DPoP proof is missing, malformed or invalid", algs="ES256 PS256""#,
            ),
            r#"{"code":"DPOP_PROOF_INVALID","message":"The DPoP proof is missing, malformed or invalid"}"#,
        ),
        (
            OAuthError::DpopNonceRequired {
                nonce: "eyJ7S_zG.eyJH0-Z.HX4w-7v".into(),
            },
            401,
            "DPOP_NONCE_REQUIRED",
            // RFC 9449 §8 (its example's description).
            Some(
                r#"DPoP realm="api", error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof""#,
            ),
            r#"{"code":"DPOP_NONCE_REQUIRED","message":"The DPoP proof must carry the server's nonce"}"#,
        ),
        (
            OAuthError::BearerOrDpopRequired {
                algs: "ES256 PS256".into(),
            },
            401,
            "BEARER_OR_DPOP_REQUIRED",
            // RFC 9449 §7.2: both challenges in one value, with the default realm.
            Some(r#"Bearer realm="api", DPoP realm="api", algs="ES256 PS256""#),
            r#"{"code":"BEARER_OR_DPOP_REQUIRED","message":"Authentication required"}"#,
        ),
        (
            OAuthError::AuthUnavailable { retry_after: 30 },
            503,
            "AUTH_UNAVAILABLE",
            // Not the client's fault (RFC 9110 §15.6.4): no challenge, so no client
            // refreshes; Retry-After is checked below.
            None,
            r#"{"code":"AUTH_UNAVAILABLE","message":"Token validation is temporarily unavailable; retry later"}"#,
        ),
        (
            OAuthError::AuthServerError,
            500,
            "AUTH_SERVER_ERROR",
            None,
            r#"{"code":"AUTH_SERVER_ERROR","message":"The server could not validate the access token"}"#,
        ),
    ];
    assert_eq!(cases.len(), OAuthError::SPECS.len());
    for (err, status, code, challenge, body) in &cases {
        assert_eq!(err.status(), *status, "{code}");
        assert_eq!(err.code(), *code);
        assert_eq!(AuthError::code(err), *code);
        assert_eq!(header(err).as_deref(), *challenge, "{code}");
        assert_eq!(err.body(), *body, "{code}");
        assert_eq!(err.spec().body_format().content_type(), "application/json");
        // RFC 9110 §15.5.2: every 401 carries a challenge.
        if *status == 401 {
            assert!(challenge.is_some());
        }
        // Each emitted header parses back as its challenges: one Bearer or DPoP, or
        // both for the entry that accepts either (RFC 9449 §7.2).
        if let Some(h) = challenge {
            let parsed = auth_errors::challenge::parse(h).unwrap();
            let schemes: Vec<String> = parsed
                .iter()
                .map(|c| c.scheme().to_ascii_lowercase())
                .collect();
            let want: &[&str] = match *code {
                "BEARER_OR_DPOP_REQUIRED" => &["bearer", "dpop"],
                c if c.starts_with("DPOP_") => &["dpop"],
                _ => &["bearer"],
            };
            assert_eq!(schemes, want, "{code}");
        }
        // The body is JSON with exactly code and message.
        let json: serde_json::Value = serde_json::from_str(&err.body()).unwrap();
        assert_eq!(json.as_object().unwrap().len(), 2);
        assert_eq!(json["code"], *code);
        assert_eq!(json["message"], err.to_string());
    }
    // RFC 9110 §10.2.3: delta-seconds.
    let headers = OAuthError::AuthUnavailable { retry_after: 30 }.headers();
    assert_eq!(headers.len(), 1);
    assert_eq!(headers[0].0, "Retry-After");
    assert_eq!(headers[0].1, "30");
}

#[test]
fn client_actions_follow_the_challenge() {
    let scope = Scope::new("a").unwrap();
    assert_eq!(
        OAuthError::TokenMissing.spec().client(),
        ClientAction::Reauthenticate
    );
    assert_eq!(
        OAuthError::TokenExpired.spec().client(),
        ClientAction::Refresh
    );
    assert_eq!(
        OAuthError::InsufficientScope { scope }.spec().client(),
        ClientAction::Forbidden
    );
    assert_eq!(
        OAuthError::InvalidRequest.spec().client(),
        ClientAction::None
    );
}

#[test]
fn codes_round_trip_through_from_str() {
    for (code, variant) in [
        ("TOKEN_MISSING", OAuthError::TokenMissing),
        ("TOKEN_EXPIRED", OAuthError::TokenExpired),
        ("TOKEN_INVALID", OAuthError::TokenInvalid),
        ("TOKEN_REVOKED", OAuthError::TokenRevoked),
        ("INVALID_REQUEST", OAuthError::InvalidRequest),
    ] {
        assert_eq!(code.parse::<OAuthError>(), Ok(variant));
    }
    // Variants with fields cannot come from a code alone.
    assert!("INSUFFICIENT_SCOPE".parse::<OAuthError>().is_err());
    assert!("token_missing".parse::<OAuthError>().is_err());
}

#[test]
fn specs_are_in_catalog_order() {
    let codes: Vec<&str> = OAuthError::SPECS.iter().map(|s| s.code()).collect();
    assert_eq!(codes, STANDARD_CODES);
}

#[test]
fn a_scope_that_would_break_the_header_cannot_be_built() {
    assert!(Scope::new("orders:read\"").is_err());
    assert!(Scope::new("a  b").is_err());
    assert!(Scope::new("").is_err());
}

#[test]
fn a_string_param_that_breaks_rfc_6750_is_an_error_not_a_header() {
    let err = OAuthError::InsufficientUserAuthentication {
        acr_values: "gold\r\nSet-Cookie: x".into(),
        max_age: 1,
    };
    let e = err.challenge_value().unwrap_err();
    assert_eq!(e.attribute(), "acr_values");
}

#[test]
fn the_enum_is_the_standard_catalog() {
    let root = workspace_root();
    let file = std::fs::read_to_string(root.join("auth-errors-core/std/auth-errors.yaml")).unwrap();
    let standard = auth_errors::catalog::load(&file, "std").unwrap().to_specs();
    // The entries' data; the compiled forms differ only where the macro trusts a
    // generated `Scope` field, which a catalog loaded at run time cannot know about.
    let data = |s: &auth_errors::ErrorSpec| {
        (
            (s.code(), s.status(), s.title(), s.message(), s.docs()),
            (s.deprecated(), s.since(), s.client(), s.expose()),
            (
                s.body_format(),
                s.type_uri(),
                s.challenge(),
                s.params(),
                s.headers(),
            ),
        )
    };
    let generated: Vec<_> = OAuthError::SPECS.iter().map(data).collect();
    let loaded: Vec<_> = standard.iter().map(data).collect();
    assert_eq!(generated, loaded);
}

/// The head (status and every header, in order) of a response.
fn head<B>(response: &http::Response<B>) -> (u16, Vec<(String, String)>) {
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
        .collect();
    (response.status().as_u16(), headers)
}

#[test]
fn every_static_response_keeps_its_own_head_on_every_call() {
    use axum::response::IntoResponse;
    // The unit variants: every static response of the standard catalog.
    let statics: Vec<OAuthError> = STANDARD_CODES
        .iter()
        .filter_map(|code| code.parse().ok())
        .collect();
    // Several heads: a template shared between them would show.
    let mut heads: Vec<_> = statics.iter().map(|e| (e.status(), header(e))).collect();
    heads.dedup();
    assert!(heads.len() >= 5, "{heads:?}");
    // A static response copies what its head's first response built: three rounds over
    // every variant show a copy shared between heads, or one a response changed.
    for round in 0..3 {
        for err in &statics {
            let code = err.code();
            let mut response = err.clone().into_response();
            let (status, headers) = head(&response);
            assert_eq!(status, err.status(), "{code}, round {round}");
            let mut want = vec![("content-type".to_owned(), "application/json".to_owned())];
            if let Some(challenge) = header(err) {
                want.push(("www-authenticate".to_owned(), challenge));
            }
            assert_eq!(headers, want, "{code}, round {round}");
            // The plan's path (no copy) answers with the same head.
            assert_eq!(head(&auth_errors::http::to_http(err)), (status, headers));
            // A response is the caller's to change; the next one is not.
            response
                .headers_mut()
                .insert("x-changed", "1".parse().unwrap());
        }
    }
}
