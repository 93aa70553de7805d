//! Issue 11's two ratios counted in instructions, which a loaded machine cannot skew
//! (criterion's times for an RSA verification moved by 30 % between runs here):
//!
//! `JWT_COST_N=N valgrind --tool=callgrind target/release/examples/jwt_cost CASE`
//! runs one case N times (default 1,000); the difference of two counts (N and 2N)
//! divided by N is the cost of one. The cases:
//!
//! - `decode` / `verifier` / `verifier_kid`: a valid RS256 token, through
//!   `jsonwebtoken::decode` with the key and validation, through a `Verifier` with that
//!   key, and through one picking the key by `kid`; `decode_hs` / `verifier_hs`: the
//!   same for HS256, whose signature costs least;
//! - `reject_direct_bad` / `reject_verifier_bad`: a token whose signature does not
//!   verify, answered `TOKEN_INVALID` by hand after `decode` (the value through
//!   `black_box`, as the `response` group treats its errors: a handler's error is a value
//!   the compiler cannot fold), or by the verifier's rejection; `reject_direct_malformed` / `reject_verifier_malformed`: the same for a
//!   token that is not a JWT; `reject_direct_garbled` / `reject_verifier_garbled`: for
//!   one of a JWT's shape whose header is not JSON.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use auth_errors::jwt::Verifier;
use auth_errors::jwt::jsonwebtoken::{
    self, Algorithm, DecodingKey, EncodingKey, Header, Validation,
};
use auth_errors::oauth::OAuthError;
use axum::response::IntoResponse;
use serde::Deserialize;

const PRIVATE: &[u8] = include_bytes!("../benches/keys/rsa.pem");
const PUBLIC: &[u8] = include_bytes!("../benches/keys/rsa.pub.pem");

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

fn claims() -> serde_json::Value {
    serde_json::json!({
        "sub": "ada", "iss": "https://issuer.example", "aud": "api",
        "exp": jsonwebtoken::get_current_timestamp() + 3600,
        "scope": "orders:read orders:write",
    })
}

fn token(kid: Option<&str>) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(
        &header,
        &claims(),
        &EncodingKey::from_rsa_pem(PRIVATE).unwrap(),
    )
    .unwrap()
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

fn main() {
    let case = std::env::args().nth(1).unwrap_or_default();
    let n: u32 = std::env::var("JWT_COST_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000);
    let key = DecodingKey::from_rsa_pem(PUBLIC).unwrap();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_issuer(&["https://issuer.example"]);
    validation.set_audience(&["api"]);
    validation.validate_nbf = true;
    validation.set_required_spec_claims(&["exp", "iss", "aud"]);
    let one = verifier(None);
    let by_kid = verifier(Some("k1"));
    let good = token(None);
    let with_kid = token(Some("k1"));
    let at = good.len() - 20;
    let flipped = if &good[at..=at] == "A" { "B" } else { "A" };
    let bad = format!("{}{flipped}{}", &good[..at], &good[at + 1..]);
    // HS256: the cheapest signature, where the verifier's own work weighs most.
    let secret = b"a secret of at least thirty-two bytes, for HS256";
    let hs_key = DecodingKey::from_secret(secret).unwrap();
    let mut hs_validation = validation.clone();
    hs_validation.algorithms = vec![Algorithm::HS256];
    let hs = Verifier::builder()
        .algorithms([Algorithm::HS256])
        .issuer("https://issuer.example")
        .audience("api")
        .key(DecodingKey::from_secret(secret).unwrap())
        .build()
        .unwrap();
    let hs_good = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims(),
        &EncodingKey::from_secret(secret).unwrap(),
    )
    .unwrap();
    let malformed = "not-a-jwt".to_owned();
    // The shape of a JWS (three base64url segments), a header that is not JSON.
    let garbled = "bm90LWpzb24.e30.c2ln".to_owned();
    let direct =
        |token: &str| match jsonwebtoken::decode::<App>(black_box(token), &key, &validation) {
            Ok(_) => unreachable!(),
            Err(_) => drop(black_box(
                black_box(OAuthError::TokenInvalid).into_response(),
            )),
        };
    let rejected = |token: &str| match ready(one.verify::<App>(black_box(token))) {
        Ok(_) => unreachable!(),
        Err(rejection) => drop(black_box(rejection.into_response())),
    };
    for _ in 0..n {
        match case.as_str() {
            "decode" => drop(black_box(
                jsonwebtoken::decode::<App>(black_box(&good), &key, &validation).unwrap(),
            )),
            "verifier" => drop(black_box(
                ready(one.verify::<App>(black_box(&good))).unwrap(),
            )),
            "decode_hs" => drop(black_box(
                jsonwebtoken::decode::<App>(black_box(&hs_good), &hs_key, &hs_validation).unwrap(),
            )),
            "verifier_hs" => drop(black_box(
                ready(hs.verify::<App>(black_box(&hs_good))).unwrap(),
            )),
            "verifier_kid" => drop(black_box(
                ready(by_kid.verify::<App>(black_box(&with_kid))).unwrap(),
            )),
            "reject_direct_bad" => direct(&bad),
            "reject_verifier_bad" => rejected(&bad),
            "reject_direct_malformed" => direct(&malformed),
            "reject_verifier_malformed" => rejected(&malformed),
            "reject_direct_garbled" => direct(&garbled),
            "reject_verifier_garbled" => rejected(&garbled),
            other => panic!("unknown case {other:?}"),
        }
    }
}
