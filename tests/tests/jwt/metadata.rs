//! RFC 9728 protected resource metadata, served by both frameworks, and
//! `resource_metadata` in every 401 challenge.

use auth_errors::jwt::{
    Algorithm, ConfigError, DecodingKey, EncodingKey, ProtectedResource, Verifier,
};
use serde_json::{Value, json};

use super::*;

const RESOURCE: &str = "https://api.example.test/orders";
const METADATA_URL: &str = "https://api.example.test/.well-known/oauth-protected-resource/orders";
const WELL_KNOWN: &str = "/.well-known/oauth-protected-resource/orders";

fn metadata() -> ProtectedResource {
    ProtectedResource::new(RESOURCE)
        .unwrap()
        .authorization_server(ISS)
        .scopes_supported(["orders:read", "orders:write"])
}

fn hs_verifier() -> Verifier {
    Verifier::builder()
        .algorithms([Algorithm::HS256])
        .issuer(ISS)
        .audience(AUD)
        .key(DecodingKey::from_secret(SECRET).unwrap())
        .build()
        .unwrap()
}

fn hs_token(claims: &Value) -> String {
    mint(
        Algorithm::HS256,
        None,
        claims,
        &EncodingKey::from_secret(SECRET).unwrap(),
    )
}

/// The document at the well-known path (RFC 9728 §3.1) has §2's members, as
/// configured, as `application/json`, byte-identical in axum and actix-web.
#[test]
fn metadata_document_has_rfc9728_members_in_both_frameworks() {
    let m = metadata();
    assert_eq!(m.well_known_path(), WELL_KNOWN);
    assert_eq!(m.metadata_url(), METADATA_URL);
    let servers = Servers::start(&hs_verifier(), Some(&m));
    let obs = both(&servers, WELL_KNOWN, &[]);
    assert_eq!(obs.status, 200);
    let b = send(&servers.actix, WELL_KNOWN, &[], &[]);
    assert_eq!(b.content_type, obs.content_type, "same content type");
    let media_type = obs
        .content_type
        .as_deref()
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    assert_eq!(media_type.trim(), "application/json");
    let doc: Value = serde_json::from_slice(&obs.body).unwrap();
    // §2: `resource` is REQUIRED and is the configured identifier.
    assert_eq!(doc["resource"], RESOURCE);
    assert_eq!(doc["authorization_servers"], json!([ISS]));
    assert_eq!(
        doc["scopes_supported"],
        json!(["orders:read", "orders:write"])
    );
    assert_eq!(doc["bearer_methods_supported"], json!(["header"]));
    // Every member is a §2 member.
    let known = [
        "resource",
        "authorization_servers",
        "jwks_uri",
        "scopes_supported",
        "bearer_methods_supported",
        "resource_signing_alg_values_supported",
        "resource_name",
        "resource_documentation",
        "resource_policy_uri",
        "resource_tos_uri",
        "tls_client_certificate_bound_access_tokens",
        "authorization_details_types_supported",
        "dpop_signing_alg_values_supported",
        "dpop_bound_access_tokens_required",
    ];
    for name in doc.as_object().unwrap().keys() {
        assert!(known.contains(&name.as_str()), "{name}");
    }
    // The document needs no token, and a token changes nothing.
    let with_token = both(
        &servers,
        WELL_KNOWN,
        &[&bearer(&hs_token(&good_claims("orders:read")))],
    );
    assert_eq!(with_token.body, obs.body);
    assert_eq!(obs.body, m.to_json().as_bytes());
}

/// The resource identifier comes from configuration: a spoofed `Host` (or forwarding
/// headers) changes neither the document nor `resource_metadata` in challenges.
#[test]
fn spoofed_host_changes_neither_document_nor_challenge() {
    let m = metadata();
    let servers = Servers::start(&hs_verifier(), Some(&m));
    let plain = both(&servers, WELL_KNOWN, &[]);
    let spoofs: [&[(&str, &str)]; 3] = [
        &[("host", "evil.example")],
        &[
            ("x-forwarded-host", "evil.example"),
            ("x-forwarded-proto", "http"),
        ],
        &[
            ("host", "evil.example:8443"),
            ("forwarded", "host=evil.example;proto=http"),
        ],
    ];
    for spoof in spoofs {
        let obs = both_with(&servers, WELL_KNOWN, &[], spoof);
        assert_eq!(obs.status, 200, "{spoof:?}");
        assert_eq!(obs.body, plain.body, "{spoof:?}");
        assert!(!obs.text().contains("evil"));
        let challenge = both_with(&servers, "/jwt", &[], spoof);
        check(
            &challenge,
            Want::Missing,
            Some(METADATA_URL),
            &format!("{spoof:?}"),
        );
        assert!(!challenge.www_authenticate[0].contains("evil"));
    }
}

/// Behind `AddResourceMetadata` / `add_resource_metadata`, every 401 challenge names the
/// metadata (RFC 9728 §5.1), parsed by `http-auth`; 403 and 400 answers are unchanged,
/// byte for byte, from a server without it.
#[test]
fn every_401_challenge_names_the_resource_metadata_and_403_400_are_unchanged() {
    let m = metadata();
    let with = Servers::start(&hs_verifier(), Some(&m));
    let without = Servers::start(&hs_verifier(), None);
    let expired = hs_token(&claims_with("orders:write", json!({ "exp": now() - 3600 })));
    let forged = mint(
        Algorithm::HS256,
        None,
        &good_claims("orders:write"),
        &EncodingKey::from_secret(b"not the secret, and 32 bytes long!!").unwrap(),
    );
    let read_only = hs_token(&good_claims("orders:read"));
    let good = hs_token(&good_claims("orders:read orders:write"));
    let (e, f, r, g) = (
        bearer(&expired),
        bearer(&forged),
        bearer(&read_only),
        bearer(&good),
    );
    let cases: [(&str, Vec<&str>, Want); 8] = [
        ("no token", vec![], Want::Missing),
        ("another scheme", vec!["Basic QWxhZGRpbg=="], Want::Missing),
        ("expired", vec![&e], Want::Expired),
        ("forged", vec![&f], Want::Invalid),
        ("malformed", vec!["Bearer a b"], Want::Malformed),
        ("two headers", vec![&g, &g], Want::Malformed),
        ("lacks the scope", vec![&r], Want::Scope("orders:write")),
        ("valid", vec![&g], Want::Ok),
    ];
    for (name, authorization, want) in cases {
        for path in ["/jwt", "/handler/write", "/layer/write"] {
            let want = match (path, want) {
                ("/jwt", Want::Scope(_)) => Want::Ok,
                _ => want,
            };
            let context = format!("{name} on {path}");
            let obs = both(&with, path, &authorization);
            check(&obs, want, Some(METADATA_URL), &context);
            let plain = both(&without, path, &authorization);
            check(&plain, want, None, &context);
            if obs.status == 401 {
                // The challenge is the same but for `resource_metadata`.
                let (_, mut params) = parse_challenge(&obs.www_authenticate[0]);
                params.retain(|(n, _)| n != "resource_metadata");
                assert_eq!(params, parse_challenge(&plain.www_authenticate[0]).1);
                assert_eq!(obs.body, plain.body, "{context}");
            } else {
                assert_eq!(obs, plain, "{context}: unchanged");
            }
        }
    }
}

/// The resource identifier must be `https://` (or `http://` to a loopback host) with
/// no query or fragment (RFC 9728 §1.2); the well-known path inserts its path.
#[test]
fn resource_identifier_is_checked_and_the_well_known_path_follows_it() {
    for bad in [
        "http://api.example/v1",
        "https://api.example/v1?tenant=a",
        "https://api.example/v1#top",
        "https://user@api.example/v1",
        "not a url",
    ] {
        assert_eq!(
            ProtectedResource::new(bad).err(),
            Some(ConfigError::ResourceUrl),
            "{bad}"
        );
    }
    let root = ProtectedResource::new("https://api.example").unwrap();
    assert_eq!(
        root.well_known_path(),
        "/.well-known/oauth-protected-resource"
    );
    assert_eq!(
        root.metadata_url(),
        "https://api.example/.well-known/oauth-protected-resource"
    );
    let local = ProtectedResource::new("http://127.0.0.1:8080/api").unwrap();
    assert_eq!(
        local.metadata_url(),
        "http://127.0.0.1:8080/.well-known/oauth-protected-resource/api"
    );
    let doc: Value = serde_json::from_str(&local.to_json()).unwrap();
    assert_eq!(doc["resource"], "http://127.0.0.1:8080/api");
    assert_eq!(doc["bearer_methods_supported"], json!(["header"]));
}
