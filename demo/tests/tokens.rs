//! The demo's own issuer: `login` mints RS256 JWTs with the contract's claims, the
//! verifier accepts them and nothing else, scopes and `acr` are enforced, and the
//! fixed and oversized tokens answer as documented. Without a server (the adapters
//! suite has the TCP tests).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use auth_errors::jwt::jsonwebtoken;
use auth_errors_demo::{Demo, MAX_TOKEN_LEN, OAuthError, Settings, Tokens};
use base64::Engine as _;

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn payload(token: &str) -> serde_json::Value {
    let part = token.split('.').nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn code(result: Result<(), auth_errors::jwt::Rejection>) -> OAuthError {
    result.unwrap_err().into_error()
}

#[test]
fn login_mints_an_rs256_jwt_with_the_contract_claims() {
    let demo = Demo::new(Duration::from_secs(60));
    let pair = demo.login("writer", false).unwrap();
    let header = jsonwebtoken::decode_header(&pair.access_token).unwrap();
    assert_eq!(header.alg, jsonwebtoken::Algorithm::RS256);
    let jwks: serde_json::Value = serde_json::from_str(demo.jwks().unwrap()).unwrap();
    assert_eq!(header.kid.as_deref(), jwks["keys"][0]["kid"].as_str());
    let claims = payload(&pair.access_token);
    assert_eq!(claims["iss"], "http://127.0.0.1");
    assert_eq!(claims["aud"], "api");
    assert_eq!(claims["sub"], "writer");
    assert_eq!(claims["scope"], "orders:read orders:write");
    // `exp` is now + 60 rounded up, `iat` now rounded down: 60 or 61 apart.
    let lifetime = claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap();
    assert!((60..=61).contains(&lifetime), "exp - iat = {lifetime}");
    assert!(claims["jti"].as_str().is_some_and(|j| !j.is_empty()));
    assert!(claims.get("acr").is_none(), "no acr without mfa");
    assert_eq!(pair.expires_in, 60);
    // Each token has its own id.
    let again = payload(&demo.login("writer", false).unwrap().access_token);
    assert_ne!(again["jti"], claims["jti"]);
}

#[test]
fn the_verifier_enforces_scopes_and_acr() {
    let demo = Demo::new(Duration::from_secs(60));
    let reader = demo.login("reader", false).unwrap().access_token;
    let writer = demo.login("writer", false).unwrap().access_token;
    let mfa = demo.login("reader", true).unwrap().access_token;
    assert_eq!(payload(&mfa)["acr"], "urn:example:mfa");
    block_on(async {
        demo.authorize(&reader, "orders:read").await.unwrap();
        assert!(matches!(
            code(demo.authorize(&reader, "orders:write").await),
            OAuthError::InsufficientScope { scope } if scope.as_str() == "orders:write"
        ));
        demo.authorize(&writer, "orders:write").await.unwrap();
        assert_eq!(
            code(demo.admin(&writer).await),
            OAuthError::InsufficientUserAuthentication {
                acr_values: "urn:example:mfa".to_owned(),
                max_age: 300,
            }
        );
        demo.admin(&mfa).await.unwrap();
    });
}

#[test]
fn fixed_foreign_and_oversized_tokens() {
    let demo = Demo::new(Duration::from_secs(60));
    let other = Demo::new(Duration::from_secs(60));
    let foreign = other.login("reader", false).unwrap().access_token;
    let reader = demo.login("reader", false).unwrap().access_token;
    // The signature broken: the payload of another token of the same key.
    let mut parts: Vec<&str> = reader.split('.').collect();
    let writer = demo.login("writer", false).unwrap().access_token;
    parts[1] = writer.split('.').nth(1).unwrap();
    let spliced = parts.join(".");
    let big = "a".repeat(MAX_TOKEN_LEN + 1);
    let limit = format!(
        "{}.{}",
        reader,
        "a".repeat(MAX_TOKEN_LEN - reader.len() - 1)
    );
    block_on(async {
        for (token, expected) in [
            ("expired", OAuthError::TokenExpired),
            ("revoked", OAuthError::TokenRevoked),
            ("not-a-token", OAuthError::TokenInvalid),
            (foreign.as_str(), OAuthError::TokenInvalid),
            (spliced.as_str(), OAuthError::TokenInvalid),
            (big.as_str(), OAuthError::InvalidRequest),
            // At the limit: decoded, and refused as a JWT.
            (limit.as_str(), OAuthError::TokenInvalid),
        ] {
            assert_eq!(
                code(demo.authorize(token, "orders:read").await),
                expected,
                "{}",
                &token[..token.len().min(20)]
            );
        }
    });
}

#[test]
fn a_token_expires_with_its_exp() {
    let demo = Demo::new(Duration::from_secs(1));
    let token = demo.login("reader", false).unwrap().access_token;
    let exp = payload(&token)["exp"].as_u64().unwrap();
    block_on(async {
        demo.authorize(&token, "orders:read").await.unwrap();
        // `exp` is whole seconds and no leeway is allowed: refused once the clock
        // is past it.
        while std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            <= exp
        {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert_eq!(
            code(demo.authorize(&token, "orders:read").await),
            OAuthError::TokenExpired
        );
    });
}

#[test]
fn a_refresh_keeps_the_grant() {
    let demo = Demo::new(Duration::from_secs(60));
    let pair = demo.login("reader", true).unwrap();
    let next = demo.refresh(&pair.refresh_token).unwrap();
    let (a, b) = (payload(&pair.access_token), payload(&next.access_token));
    assert_eq!(b["scope"], a["scope"]);
    assert_eq!(b["acr"], "urn:example:mfa");
    assert_ne!(b["jti"], a["jti"]);
    assert_eq!(demo.stats().logins, 1);
    assert_eq!(demo.stats().refreshes, 1);
}

#[test]
fn an_external_issuer_mints_nothing_and_is_fetched_on_demand() {
    let settings = |jwks_url: &str| Settings {
        ttl: Duration::from_secs(60),
        tokens: Tokens::External {
            // Nothing listens on port 1.
            jwks_url: jwks_url.to_owned(),
            issuer: "https://issuer.example".to_owned(),
            audience: "api".to_owned(),
        },
        resource: "https://api.example".to_owned(),
        cors: Default::default(),
    };
    let demo = Demo::with_settings(settings("http://127.0.0.1:1/jwks.json")).unwrap();
    assert!(!demo.mints());
    assert!(demo.jwks().is_none());
    assert!(demo.login("reader", false).is_err());
    let metadata: serde_json::Value = serde_json::from_str(&demo.metadata().to_json()).unwrap();
    assert_eq!(metadata["resource"], "https://api.example");
    assert_eq!(
        metadata["authorization_servers"],
        serde_json::json!(["https://issuer.example"])
    );
    // A token signed by some RSA key: the issuer's keys cannot be fetched.
    let token = Demo::new(Duration::from_secs(60))
        .login("reader", false)
        .unwrap()
        .access_token;
    let rejected = block_on(demo.authorize(&token, "orders:read")).unwrap_err();
    assert_eq!(rejected.error().code(), "AUTH_UNAVAILABLE");
    // The fixed tokens need no key.
    assert_eq!(
        code(block_on(demo.authorize("expired", "orders:read"))),
        OAuthError::TokenExpired
    );
    // http:// only to a loopback host.
    assert!(Demo::with_settings(settings("http://issuer.example/jwks.json")).is_err());
}
