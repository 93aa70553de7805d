//! Every row of the classification table (`auth_errors::jwt` module docs), for each of
//! HS256, RS256, ES256 and EdDSA, through the `Jwt` extractor, the extractor with
//! `require_scope` in the handler, and the validation layer with a scope guard, in
//! axum and actix-web.

use auth_errors::AuthError;
use auth_errors::jwt::{Algorithm, ConfigError, DecodingKey, EncodingKey, Verifier};
use serde_json::{Value, json};

use super::keys::*;
use super::*;

/// One algorithm's keys.
struct Family {
    name: &'static str,
    alg: Algorithm,
    key: EncodingKey,
    /// Same algorithm, another key: its signatures do not verify.
    other: EncodingKey,
    verify: DecodingKey,
    /// The public key as PEM, the secret of the HS/RS confusion attack.
    public_pem: Option<&'static str>,
    /// A token algorithm the verifier does not allow, and a key to sign it.
    not_allowed: (Algorithm, EncodingKey),
}

fn rsa(pem: &str) -> EncodingKey {
    EncodingKey::from_rsa_pem(pem.as_bytes()).unwrap()
}
fn ec(pem: &str) -> EncodingKey {
    EncodingKey::from_ec_pem(pem.as_bytes()).unwrap()
}
fn ed(pem: &str) -> EncodingKey {
    EncodingKey::from_ed_pem(pem.as_bytes()).unwrap()
}

fn hs256() -> Family {
    Family {
        name: "HS256",
        alg: Algorithm::HS256,
        key: EncodingKey::from_secret(SECRET).unwrap(),
        other: EncodingKey::from_secret(b"another secret of at least 32 bytes!!").unwrap(),
        verify: DecodingKey::from_secret(SECRET).unwrap(),
        public_pem: None,
        not_allowed: (Algorithm::HS384, EncodingKey::from_secret(SECRET).unwrap()),
    }
}

fn rs256() -> Family {
    Family {
        name: "RS256",
        alg: Algorithm::RS256,
        key: rsa(RSA_A_PRIVATE),
        other: rsa(RSA_B_PRIVATE),
        verify: DecodingKey::from_rsa_pem(RSA_A_PUBLIC.as_bytes()).unwrap(),
        public_pem: Some(RSA_A_PUBLIC),
        // The same key, another RSA algorithm.
        not_allowed: (Algorithm::PS256, rsa(RSA_A_PRIVATE)),
    }
}

fn es256() -> Family {
    Family {
        name: "ES256",
        alg: Algorithm::ES256,
        key: ec(EC_A_PRIVATE),
        other: ec(EC_B_PRIVATE),
        verify: DecodingKey::from_ec_pem(EC_A_PUBLIC.as_bytes()).unwrap(),
        public_pem: Some(EC_A_PUBLIC),
        not_allowed: (Algorithm::EdDSA, ed(ED_A_PRIVATE)),
    }
}

fn eddsa() -> Family {
    Family {
        name: "EdDSA",
        alg: Algorithm::EdDSA,
        key: ed(ED_A_PRIVATE),
        other: ed(ED_B_PRIVATE),
        verify: DecodingKey::from_ed_pem(ED_A_PUBLIC.as_bytes()).unwrap(),
        public_pem: Some(ED_A_PUBLIC),
        not_allowed: (Algorithm::ES256, ec(EC_A_PRIVATE)),
    }
}

fn verifier_for(f: &Family) -> Verifier {
    Verifier::builder()
        .algorithms([f.alg])
        .issuer(ISS)
        .audience(AUD)
        .key(f.verify.clone())
        .build()
        .unwrap()
}

/// A row: what is sent, and the answer of `/jwt` and of the scope-guarded routes.
struct Row {
    name: String,
    token: String,
    plain: Want,
    guarded: Want,
}

fn row(name: &str, token: String, want: Want) -> Row {
    Row {
        name: name.to_owned(),
        token,
        plain: want,
        guarded: want,
    }
}

fn segments(token: &str) -> (String, String, String) {
    let mut parts = token.split('.').map(str::to_owned);
    (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    )
}

/// Every token row of the table, minted with `f`'s keys.
fn rows(f: &Family) -> Vec<Row> {
    let past = json!(now() - 3600);
    let mint_with = |claims: Value| mint(f.alg, None, &claims, &f.key);
    let rw = "orders:read orders:write";
    let good = mint_with(good_claims(rw));
    let (h, p, s) = segments(&good);
    let header_json = format!(r#"{{"alg":"{:?}","typ":"JWT"}}"#, f.alg);
    let payload_json = good_claims(rw).to_string();

    let mut rows = vec![
        row("valid", good.clone(), Want::Ok),
        Row {
            name: "valid, without orders:write".into(),
            token: mint_with(good_claims("orders:read")),
            plain: Want::Ok,
            guarded: Want::Scope("orders:write"),
        },
        row(
            "expired, signature verified",
            mint_with(claims_with(rw, json!({ "exp": past }))),
            Want::Expired,
        ),
        row(
            "expired and signed with another key",
            mint(
                f.alg,
                None,
                &claims_with(rw, json!({ "exp": past })),
                &f.other,
            ),
            Want::Invalid,
        ),
        row(
            "expired, signature of another token",
            {
                let expired = mint_with(claims_with(rw, json!({ "exp": past })));
                let (eh, ep, _) = segments(&expired);
                format!("{eh}.{ep}.{s}")
            },
            Want::Invalid,
        ),
        row(
            "signed with another key",
            mint(f.alg, None, &good_claims(rw), &f.other),
            Want::Invalid,
        ),
        row(
            "payload changed after signing",
            format!(
                "{h}.{}.{s}",
                b64(good_claims("orders:read orders:write admin")
                    .to_string()
                    .as_bytes())
            ),
            Want::Invalid,
        ),
        row("signature removed", format!("{h}.{p}."), Want::Invalid),
        row("two parts", format!("{h}.{p}"), Want::Invalid),
        row("four parts", format!("{good}.{s}"), Want::Invalid),
        row("one part", "notajwtatall".into(), Want::Invalid),
        row("header not base64", format!("e30+/.{p}.{s}"), Want::Invalid),
        row(
            "payload not base64, signed",
            signed_raw(&b64(header_json.as_bytes()), "e30+/", f.alg, &f.key),
            Want::Invalid,
        ),
        row(
            "header not JSON",
            signed_raw(&b64(b"{not json"), &p, f.alg, &f.key),
            Want::Invalid,
        ),
        row(
            "payload not JSON, signed",
            signed_raw(
                &b64(header_json.as_bytes()),
                &b64(b"{not json"),
                f.alg,
                &f.key,
            ),
            Want::Invalid,
        ),
        row(
            "alg none",
            format!(
                "{}.{}.",
                b64(br#"{"alg":"none","typ":"JWT"}"#),
                b64(payload_json.as_bytes())
            ),
            Want::Invalid,
        ),
        row(
            "alg none, with a signature",
            format!(
                "{}.{}.{s}",
                b64(br#"{"alg":"none","typ":"JWT"}"#),
                b64(payload_json.as_bytes())
            ),
            Want::Invalid,
        ),
        row(
            "alg not allowed",
            mint(f.not_allowed.0, None, &good_claims(rw), &f.not_allowed.1),
            Want::Invalid,
        ),
        row(
            "nbf in the future",
            mint_with(claims_with(rw, json!({ "nbf": now() + 3600 }))),
            Want::Invalid,
        ),
        row(
            "wrong iss",
            mint_with(claims_with(rw, json!({ "iss": "https://other.test" }))),
            Want::Invalid,
        ),
        row(
            "wrong aud",
            mint_with(claims_with(rw, json!({ "aud": "other-api" }))),
            Want::Invalid,
        ),
        row(
            "aud list without ours",
            mint_with(claims_with(rw, json!({ "aud": ["x-api", "y-api"] }))),
            Want::Invalid,
        ),
        row(
            "missing exp",
            mint_with(claims_with(rw, json!({ "exp": null }))),
            Want::Invalid,
        ),
        row(
            "exp not a number",
            mint_with(claims_with(rw, json!({ "exp": "tomorrow" }))),
            Want::Invalid,
        ),
        row(
            "missing iss",
            mint_with(claims_with(rw, json!({ "iss": null }))),
            Want::Invalid,
        ),
        row(
            "missing aud",
            mint_with(claims_with(rw, json!({ "aud": null }))),
            Want::Invalid,
        ),
    ];
    if let Some(pem) = f.public_pem {
        // HS/RS confusion: the public key, which everyone has, as an HMAC secret.
        let confused = EncodingKey::from_secret(pem.as_bytes()).unwrap();
        rows.push(row(
            "HS256 signed with the public key as secret",
            mint(Algorithm::HS256, None, &good_claims(rw), &confused),
            Want::Invalid,
        ));
    }
    rows
}

const PATHS: [&str; 3] = ["/jwt", "/handler/write", "/layer/write"];

/// Every row of the table for one algorithm, through both frameworks.
fn every_row(f: &Family) {
    let servers = Servers::start(&verifier_for(f), None);
    for r in rows(f) {
        for path in PATHS {
            let want = if path == "/jwt" { r.plain } else { r.guarded };
            expect_token(
                &servers,
                path,
                &r.token,
                want,
                &format!("{}: {}", f.name, r.name),
            );
        }
    }
    header_rows(&servers, f);
}

/// The rows decided by the `Authorization` header alone.
fn header_rows(servers: &Servers, f: &Family) {
    let good = mint(f.alg, None, &good_claims("orders:write"), &f.key);
    let two = [bearer(&good), bearer(&good)];
    let cases: [(&str, Vec<&str>, Want); 6] = [
        ("no Authorization", vec![], Want::Missing),
        (
            "another scheme",
            vec!["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="],
            Want::Missing,
        ),
        ("Bearer with no token", vec!["Bearer"], Want::Malformed),
        (
            "Bearer with two words",
            vec!["Bearer abc def"],
            Want::Malformed,
        ),
        (
            "Bearer with characters outside b64token",
            vec!["Bearer a,b;c"],
            Want::Malformed,
        ),
        (
            "two Authorization headers",
            vec![two[0].as_str(), two[1].as_str()],
            Want::Malformed,
        ),
    ];
    for (name, authorization, want) in cases {
        for path in PATHS {
            let obs = both(servers, path, &authorization);
            let context = format!("{}: {name} on {path}", f.name);
            check(&obs, want, None, &context);
            check_no_leak(&obs, &good, &context);
        }
    }
}

#[test]
fn hs256_every_row_of_the_classification_in_both_frameworks() {
    every_row(&hs256());
}

#[test]
fn rs256_every_row_of_the_classification_in_both_frameworks() {
    every_row(&rs256());
}

#[test]
fn es256_every_row_of_the_classification_in_both_frameworks() {
    every_row(&es256());
}

#[test]
fn eddsa_every_row_of_the_classification_in_both_frameworks() {
    every_row(&eddsa());
}

/// RFC 7519 §4.1.4: a token "MUST NOT be accepted for processing" on or after its
/// `exp`, give or take the leeway: `exp` = now is expired with no leeway, and so is
/// `exp + leeway` = now; a token a few seconds inside either bound is accepted.
#[test]
fn a_token_is_expired_on_its_exp_second_not_only_after_it() {
    let rt = runtime();
    let f = hs256();
    for (leeway, inside, on_bound) in [(0, 5, 0), (30, -25, -30)] {
        let verifier = Verifier::builder()
            .algorithms([f.alg])
            .issuer(ISS)
            .audience(AUD)
            .leeway(std::time::Duration::from_secs(leeway))
            .key(DecodingKey::from_secret(SECRET).unwrap())
            .build()
            .unwrap();
        let at = |offset: i64| {
            let exp = now().checked_add_signed(offset).unwrap();
            mint(
                f.alg,
                None,
                &claims_with("x", json!({ "exp": exp })),
                &f.key,
            )
        };
        let got = rt.block_on(verifier.verify::<Value>(&at(on_bound)));
        assert_eq!(
            got.map(|_| ()).unwrap_err().code(),
            "TOKEN_EXPIRED",
            "leeway {leeway} s, exp + leeway = now"
        );
        let got = rt.block_on(verifier.verify::<Value>(&at(inside)));
        assert!(got.is_ok(), "leeway {leeway} s, exp {inside} s from now");
    }
}

/// An expired token with a bad signature is never `TOKEN_EXPIRED`, in any algorithm:
/// the direct check on `Verifier::verify`, beside the served rows.
#[test]
fn expired_with_a_bad_signature_is_invalid_never_expired() {
    let rt = runtime();
    for f in [hs256(), rs256(), es256(), eddsa()] {
        let verifier = verifier_for(&f);
        let expired = claims_with("x", json!({ "exp": now() - 3600 }));
        let good_sig = mint(f.alg, None, &expired, &f.key);
        let bad_sig = mint(f.alg, None, &expired, &f.other);
        let got = rt
            .block_on(verifier.verify::<Value>(&good_sig))
            .unwrap_err();
        assert_eq!(got.code(), "TOKEN_EXPIRED", "{}", f.name);
        let got = rt.block_on(verifier.verify::<Value>(&bad_sig)).unwrap_err();
        assert_eq!(got.code(), "TOKEN_INVALID", "{}", f.name);
        assert_eq!(got.status(), 401);
        // The cause is kept for the log, never in the answer.
        assert!(std::error::Error::source(&got).is_some(), "{}", f.name);
        assert!(!got.body().contains("Signature"));
    }
}

/// Several keys told apart by `kid`, of two types: each verifies its own tokens, an
/// unknown `kid` is `TOKEN_INVALID`, and the RSA key is never an HMAC secret even
/// with HS256 allowed beside RS256.
#[test]
fn keys_by_kid_pick_the_right_key_and_never_confuse_types() {
    let verifier = Verifier::builder()
        .algorithms([Algorithm::RS256, Algorithm::ES256, Algorithm::HS256])
        .issuer(ISS)
        .audience(AUD)
        .key_with_id(
            "kid-marker-rsa",
            DecodingKey::from_rsa_pem(RSA_A_PUBLIC.as_bytes()).unwrap(),
        )
        .key_with_id(
            "kid-marker-ec",
            DecodingKey::from_ec_pem(EC_A_PUBLIC.as_bytes()).unwrap(),
        )
        .build()
        .unwrap();
    let servers = Servers::start(&verifier, None);
    let claims = good_claims("orders:write");
    let rsa_key = rsa(RSA_A_PRIVATE);
    let ec_key = ec(EC_A_PRIVATE);
    let confused = EncodingKey::from_secret(RSA_A_PUBLIC.as_bytes()).unwrap();
    let cases = [
        (
            "RS256 with its kid",
            mint(Algorithm::RS256, Some("kid-marker-rsa"), &claims, &rsa_key),
            Want::Ok,
        ),
        (
            "ES256 with its kid",
            mint(Algorithm::ES256, Some("kid-marker-ec"), &claims, &ec_key),
            Want::Ok,
        ),
        (
            "RS256 with no kid: the only key that verifies RS256",
            mint(Algorithm::RS256, None, &claims, &rsa_key),
            Want::Ok,
        ),
        (
            "ES256 with the RSA key's kid",
            mint(Algorithm::ES256, Some("kid-marker-rsa"), &claims, &ec_key),
            Want::Invalid,
        ),
        (
            "unknown kid",
            mint(Algorithm::RS256, Some("kid-marker-none"), &claims, &rsa_key),
            Want::Invalid,
        ),
        (
            "expired, with its kid",
            mint(
                Algorithm::ES256,
                Some("kid-marker-ec"),
                &claims_with("orders:write", json!({ "exp": now() - 3600 })),
                &ec_key,
            ),
            Want::Expired,
        ),
        (
            "expired, signed by the other kid's key",
            mint(
                Algorithm::ES256,
                Some("kid-marker-ec"),
                &claims_with("orders:write", json!({ "exp": now() - 3600 })),
                &ec(EC_B_PRIVATE),
            ),
            Want::Invalid,
        ),
        (
            "HS256 with the RSA public key as secret, with its kid",
            mint(Algorithm::HS256, Some("kid-marker-rsa"), &claims, &confused),
            Want::Invalid,
        ),
        (
            "HS256 with the RSA public key as secret, no kid",
            mint(Algorithm::HS256, None, &claims, &confused),
            Want::Invalid,
        ),
    ];
    for (name, token, want) in cases {
        for path in PATHS {
            expect_token(&servers, path, &token, want, name);
        }
    }
}

/// The server's own broken key: a 500 `AUTH_SERVER_ERROR` with no challenge (the
/// token was never judged), not a 401 that would make the client refresh. These keys
/// build (`from_*_der` does not parse) and fail when a token is verified.
fn broken_key(alg: Algorithm, key: DecodingKey, token: &str) {
    let verifier = Verifier::builder()
        .algorithms([alg])
        .issuer(ISS)
        .audience(AUD)
        .key(key)
        .build()
        .unwrap();
    let servers = Servers::start(&verifier, None);
    for path in PATHS {
        expect_token(
            &servers,
            path,
            token,
            Want::ServerError,
            &format!("{alg:?}"),
        );
    }
}

/// Key material that does not parse as its type says is refused when the verifier is
/// built: it never judges a token (jsonwebtoken would call a broken RSA key a bad
/// signature, and panic on a short Ed25519 key).
fn refused_at_build(alg: Algorithm, key: DecodingKey) {
    let built = Verifier::builder()
        .algorithms([alg])
        .issuer(ISS)
        .audience(AUD)
        .key(key)
        .build();
    assert_eq!(built.err(), Some(ConfigError::Key), "{alg:?}");
}

#[test]
fn broken_ec_key_is_refused_at_build() {
    refused_at_build(
        Algorithm::ES256,
        DecodingKey::from_ec_der(b"not an EC point"),
    );
}

#[test]
fn broken_eddsa_key_is_500_auth_server_error() {
    let signing = ed(ED_A_PRIVATE);
    let token = mint(
        Algorithm::EdDSA,
        None,
        &good_claims("orders:write"),
        &signing,
    );
    // 32 bytes that are no point of the curve: find one among [k; 32]. Each candidate
    // is either such a key (500) or a point that is not the signer's key (401).
    let rt = runtime();
    let mut broken = None;
    for k in 0..=255u8 {
        let key = DecodingKey::from_ed_der(&[k; 32]);
        let verifier = Verifier::builder()
            .algorithms([Algorithm::EdDSA])
            .key(key.clone())
            .build()
            .unwrap();
        let code = rt
            .block_on(verifier.verify::<Value>(&token))
            .unwrap_err()
            .code();
        assert!(
            code == "AUTH_SERVER_ERROR" || code == "TOKEN_INVALID",
            "{k}: {code}"
        );
        if code == "AUTH_SERVER_ERROR" {
            broken = Some(key);
            break;
        }
    }
    broken_key(
        Algorithm::EdDSA,
        broken.expect("a 32-byte non-point"),
        &token,
    );
}

/// A key of the wrong length (5 bytes for Ed25519) is the same server mistake: 500, not
/// a panic that drops the connection.
#[test]
fn short_eddsa_key_is_refused_at_build_not_a_panic() {
    refused_at_build(Algorithm::EdDSA, DecodingKey::from_ed_der(b"short"));
}

#[test]
fn broken_rsa_key_is_refused_at_build() {
    // Base64url that decodes, to a modulus and exponent that are no RSA key.
    refused_at_build(
        Algorithm::RS256,
        DecodingKey::from_rsa_components("AA", "AA").unwrap(),
    );
    refused_at_build(Algorithm::RS256, DecodingKey::from_rsa_der(b"garbage"));
}

/// Mistakes in the settings are found when the verifier is built, not per request.
#[test]
fn settings_mistakes_are_config_errors_at_build() {
    let rsa_public = || DecodingKey::from_rsa_pem(RSA_A_PUBLIC.as_bytes()).unwrap();
    assert_eq!(
        Verifier::builder().key(rsa_public()).build().err(),
        Some(ConfigError::NoAlgorithm)
    );
    assert_eq!(
        Verifier::builder()
            .algorithms([Algorithm::RS256])
            .build()
            .err(),
        Some(ConfigError::NoKey)
    );
    // An RSA key cannot verify HS256 or ES256.
    for alg in [Algorithm::HS256, Algorithm::ES256] {
        assert_eq!(
            Verifier::builder()
                .algorithms([alg])
                .key(rsa_public())
                .build()
                .err(),
            Some(ConfigError::KeyAlgorithm),
            "{alg:?}"
        );
    }
}
