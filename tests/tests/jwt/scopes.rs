//! Scopes from `scope` (space-separated) and `scp` (array, or string), and the scope
//! guards: `RequireScopeLayer::all` / `::any` (tower and actix-web) and
//! `Claims::require_scope` in a handler.

use auth_errors::AuthError;
use auth_errors::jwt::{Algorithm, DecodingKey, EncodingKey, Scopes, Verifier};
use serde_json::{Value, json};

use super::keys::*;
use super::*;

fn verifier() -> Verifier {
    Verifier::builder()
        .algorithms([Algorithm::EdDSA])
        .issuer(ISS)
        .audience(AUD)
        .key(DecodingKey::from_ed_pem(ED_A_PUBLIC.as_bytes()).unwrap())
        .build()
        .unwrap()
}

/// A token granting what `grant` says: claims merged over the good ones, `scope`
/// removed unless given.
fn token(grant: Value) -> String {
    let mut claims = claims_with("", json!({ "scope": null }));
    for (name, value) in grant.as_object().unwrap() {
        claims[name] = value.clone();
    }
    mint(
        Algorithm::EdDSA,
        None,
        &claims,
        &EncodingKey::from_ed_pem(ED_A_PRIVATE.as_bytes()).unwrap(),
    )
}

/// `scope` and `scp` both grant scopes, alone or together, through the layer and the
/// in-handler check, in both frameworks.
#[test]
fn scopes_from_scope_string_and_scp_array_both_work() {
    let servers = Servers::start(&verifier(), None);
    let granted = [
        (
            "scope string",
            json!({ "scope": "orders:read orders:write" }),
        ),
        (
            "scope string, extra spaces",
            json!({ "scope": " orders:write  admin " }),
        ),
        (
            "scp array",
            json!({ "scp": ["orders:read", "orders:write"] }),
        ),
        ("scp string", json!({ "scp": "orders:write" })),
        (
            "scope and scp together",
            json!({ "scope": "orders:read", "scp": ["orders:write"] }),
        ),
    ];
    for (name, grant) in granted {
        let t = token(grant);
        for path in ["/layer/write", "/handler/write", "/jwt"] {
            expect_token(&servers, path, &t, Want::Ok, name);
        }
    }
    let lacking = [
        ("scope string without it", json!({ "scope": "orders:read" })),
        (
            "scp array without it",
            json!({ "scp": ["orders:read", "admin"] }),
        ),
        (
            "a longer scope is not it",
            json!({ "scope": "orders:write:all" }),
        ),
        ("no scope claim", json!({})),
        (
            "scope of the wrong type",
            json!({ "scope": ["orders:write"] }),
        ),
    ];
    for (name, grant) in lacking {
        let t = token(grant);
        for path in ["/layer/write", "/handler/write"] {
            expect_token(&servers, path, &t, Want::Scope("orders:write"), name);
        }
    }
}

/// `Claims::scopes` reads both claims; `require_scope` answers 403 naming the scope.
#[test]
fn claims_read_scopes_from_both_claims_and_require_scope_names_it() {
    let rt = runtime();
    let v = verifier();
    let claims = rt
        .block_on(v.verify::<Value>(&token(json!({
            "scope": "orders:read",
            "scp": ["admin", "orders:read"],
            "acr": "urn:example:mfa",
        }))))
        .unwrap();
    assert_eq!(
        claims.scopes().iter().collect::<Vec<_>>(),
        ["admin", "orders:read"]
    );
    assert_eq!(claims.scopes(), &Scopes::new(["orders:read", "admin"]));
    assert_eq!(claims.acr(), Some("urn:example:mfa"));
    assert_eq!(claims.claims["sub"], SUB);
    assert!(claims.require_scope("admin").is_ok());
    let denied = claims.require_scope("orders:write").unwrap_err();
    assert_eq!(denied.code(), "INSUFFICIENT_SCOPE");
    assert_eq!(denied.status(), 403);
    let challenge = denied.challenge_value().unwrap().unwrap();
    let (_, params) = parse_challenge(&challenge);
    assert_eq!(param(&params, "scope"), Some("orders:write"));
    assert_eq!(param(&params, "error"), Some("insufficient_scope"));
}

/// `any` passes with one of its scopes; refused, it names them all.
#[test]
fn require_scope_any_passes_with_one_of_them_and_names_all_when_refused() {
    let servers = Servers::start(&verifier(), None);
    for (name, grant) in [
        ("the first", json!({ "scope": "orders:write" })),
        ("the second", json!({ "scp": ["admin"] })),
        ("both", json!({ "scope": "admin orders:write" })),
    ] {
        expect_token(&servers, "/layer/any", &token(grant), Want::Ok, name);
    }
    for (name, grant) in [
        ("neither", json!({ "scope": "orders:read" })),
        ("none", json!({})),
    ] {
        expect_token(
            &servers,
            "/layer/any",
            &token(grant),
            Want::Scope("orders:write admin"),
            name,
        );
    }
}

/// `all` needs every scope; refused, the challenge names all of them, even those the
/// token has.
#[test]
fn require_scope_all_needs_every_scope_and_names_all_in_the_challenge() {
    let servers = Servers::start(&verifier(), None);
    expect_token(
        &servers,
        "/layer/all",
        &token(json!({ "scope": "orders:write orders:read" })),
        Want::Ok,
        "both",
    );
    expect_token(
        &servers,
        "/layer/all",
        &token(json!({ "scp": ["orders:read", "orders:write", "admin"] })),
        Want::Ok,
        "both and more",
    );
    for (name, grant) in [
        ("only read", json!({ "scope": "orders:read" })),
        ("only write", json!({ "scp": ["orders:write"] })),
        ("none", json!({})),
    ] {
        expect_token(
            &servers,
            "/layer/all",
            &token(grant),
            Want::Scope("orders:read orders:write"),
            name,
        );
    }
}

/// Scope names outside RFC 6749's scope-token (`"`, `\\`, control characters) are
/// refused when the guard is built.
#[test]
fn scope_guards_refuse_invalid_scope_names() {
    use auth_errors::jwt::RequireScopeLayer;
    assert!(RequireScopeLayer::all(["quote\"d"]).is_err());
    assert!(RequireScopeLayer::any(["orders:read", "back\\slash"]).is_err());
    assert!(RequireScopeLayer::all(["tab\there"]).is_err());
    assert!(RequireScopeLayer::all(["orders:write"]).is_ok());
}
