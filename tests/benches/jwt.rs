//! Groups `jwt_verify` and `jwt_reject` (issue 11): validating a token with
//! `auth_errors::jwt::Verifier` against calling `jsonwebtoken::decode` directly with
//! the same key and validation, and answering a rejected token against answering
//! `TOKEN_INVALID` directly.
//!
//! `cargo bench -p auth-errors-tests --bench jwt -- --measurement-time 3`
//!
//! The key is cached (a configured key, and a key picked by `kid`); the verifier's
//! future is polled once with a no-op waker, as a runtime would poll it: it never
//! waits, since no key is fetched.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use auth_errors::jwt::jsonwebtoken::{
    self, Algorithm, DecodingKey, EncodingKey, Header, Validation,
};
use auth_errors::jwt::{Claims, Verifier};
use auth_errors::oauth::OAuthError;
use axum::response::IntoResponse;
use criterion::{Criterion, criterion_group, criterion_main};
use serde::Deserialize;

const PRIVATE: &[u8] = include_bytes!("keys/rsa.pem");
const PUBLIC: &[u8] = include_bytes!("keys/rsa.pub.pem");

/// The application's claims.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct App {
    sub: String,
    exp: u64,
}

fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("a cached key never waits"),
    }
}

fn token(kid: Option<&str>) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = kid.map(str::to_owned);
    let claims = serde_json::json!({
        "sub": "ada", "iss": "https://issuer.example", "aud": "api",
        "exp": jsonwebtoken::get_current_timestamp() + 3600,
        "scope": "orders:read orders:write",
    });
    jsonwebtoken::encode(
        &header,
        &claims,
        &EncodingKey::from_rsa_pem(PRIVATE).unwrap(),
    )
    .unwrap()
}

fn validation() -> Validation {
    let mut v = Validation::new(Algorithm::RS256);
    v.set_issuer(&["https://issuer.example"]);
    v.set_audience(&["api"]);
    v.validate_nbf = true;
    v.set_required_spec_claims(&["exp", "iss", "aud"]);
    v
}

fn verifier(kid: Option<&str>) -> Verifier {
    let key = DecodingKey::from_rsa_pem(PUBLIC).unwrap();
    let builder = Verifier::builder()
        .algorithms([Algorithm::RS256])
        .issuer("https://issuer.example")
        .audience("api");
    match kid {
        Some(kid) => builder.key_with_id(kid, key),
        None => builder.key(key),
    }
    .build()
    .unwrap()
}

fn verify(c: &mut Criterion) {
    let key = DecodingKey::from_rsa_pem(PUBLIC).unwrap();
    let validation = validation();
    let plain = token(None);
    let with_kid = token(Some("k1"));
    let one = verifier(None);
    let by_kid = verifier(Some("k1"));
    let mut group = c.benchmark_group("jwt_verify");
    group.bench_function("jsonwebtoken_decode/rs256", |b| {
        b.iter(|| jsonwebtoken::decode::<App>(black_box(&plain), &key, &validation).unwrap())
    });
    group.bench_function("verifier/rs256", |b| {
        b.iter(|| -> Claims<App> { ready(one.verify::<App>(black_box(&plain))).unwrap() })
    });
    group.bench_function("verifier_kid/rs256", |b| {
        b.iter(|| -> Claims<App> { ready(by_kid.verify::<App>(black_box(&with_kid))).unwrap() })
    });
    group.finish();
}

fn reject(c: &mut Criterion) {
    let key = DecodingKey::from_rsa_pem(PUBLIC).unwrap();
    let validation = validation();
    let one = verifier(None);
    // A good token with its last signature character changed: the signature is checked
    // and fails. And a token that is not a JWT at all: nothing is checked.
    // The character changed is inside the signature, so the base64 still decodes.
    let good = token(None);
    let at = good.len() - 20;
    let flipped = if &good[at..=at] == "A" { "B" } else { "A" };
    let bad_signature = format!("{}{flipped}{}", &good[..at], &good[at + 1..]);
    let malformed = "not-a-jwt".to_owned();
    let mut group = c.benchmark_group("jwt_reject");
    for (name, token) in [("bad_signature", &bad_signature), ("malformed", &malformed)] {
        group.bench_function(format!("direct/{name}"), |b| {
            b.iter(|| {
                let response =
                    match jsonwebtoken::decode::<App>(black_box(token), &key, &validation) {
                        Ok(_) => unreachable!(),
                        Err(_) => black_box(OAuthError::TokenInvalid).into_response(),
                    };
                drop(black_box(response))
            })
        });
        group.bench_function(format!("verifier/{name}"), |b| {
            b.iter(|| {
                let response = match ready(one.verify::<App>(black_box(token))) {
                    Ok(_) => unreachable!(),
                    Err(rejection) => rejection.into_response(),
                };
                drop(black_box(response))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, verify, reject);
criterion_main!(benches);
