//! The JWKS cache against a JWKS server of the suite's own on 127.0.0.1, whose key set
//! and `Cache-Control` the tests set and whose requests they count.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use auth_errors::AuthError;
use auth_errors::jwt::jsonwebtoken::jwk::{Jwk, JwkSet};
use auth_errors::jwt::{Algorithm, ConfigError, EncodingKey, Jwks, JwksBuilder, Verifier};
use serde_json::{Value, json};

use super::keys::*;
use super::*;

/// What the JWKS server answers, and how often it was asked.
struct State {
    body: Mutex<String>,
    cache_control: Mutex<Option<String>>,
    hits: AtomicUsize,
}

/// A JWKS server on 127.0.0.1 from its own thread and runtime; stopping it drops the
/// runtime, so the listener and every open connection are closed.
struct JwksServer {
    url: String,
    state: Arc<State>,
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl JwksServer {
    fn start(keys: &[(&str, Algorithm, &EncodingKey)], cache_control: Option<&str>) -> JwksServer {
        let state = Arc::new(State {
            body: Mutex::new(key_set(keys)),
            cache_control: Mutex::new(cache_control.map(str::to_owned)),
            hits: AtomicUsize::new(0),
        });
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/jwks.json", listener.local_addr().unwrap());
        listener.set_nonblocking(true).unwrap();
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let served = state.clone();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap();
            let app = axum::Router::new().route(
                "/jwks.json",
                axum::routing::get(move || {
                    let state = served.clone();
                    async move {
                        state.hits.fetch_add(1, Ordering::SeqCst);
                        let mut response = axum::response::Response::builder()
                            .header("content-type", "application/jwk-set+json");
                        if let Some(cc) = state.cache_control.lock().unwrap().as_deref() {
                            response = response.header("cache-control", cc);
                        }
                        let body = state.body.lock().unwrap().clone();
                        response.body(axum::body::Body::from(body)).unwrap()
                    }
                }),
            );
            rt.spawn(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
            let _ = stopped.recv();
            drop(rt);
        });
        JwksServer {
            url,
            state,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    fn set_keys(&self, keys: &[(&str, Algorithm, &EncodingKey)]) {
        *self.state.body.lock().unwrap() = key_set(keys);
    }

    fn hits(&self) -> usize {
        self.state.hits.load(Ordering::SeqCst)
    }

    /// Stops the server: afterwards a connection to its port is refused.
    fn stop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            thread.join().unwrap();
        }
        assert!(
            std::net::TcpStream::connect(
                self.url
                    .trim_start_matches("http://")
                    .split('/')
                    .next()
                    .unwrap()
            )
            .is_err(),
            "the JWKS server is stopped"
        );
    }
}

impl Drop for JwksServer {
    fn drop(&mut self) {
        drop(self.stop.take());
    }
}

/// A JWK set of the public halves of `keys`, each with its `kid` and `alg`.
fn key_set(keys: &[(&str, Algorithm, &EncodingKey)]) -> String {
    let keys = keys
        .iter()
        .map(|(kid, alg, key)| {
            let mut jwk = Jwk::from_encoding_key(key, *alg).unwrap();
            jwk.common.key_id = Some((*kid).to_owned());
            jwk
        })
        .collect();
    serde_json::to_string(&JwkSet { keys }).unwrap()
}

fn rsa_a() -> EncodingKey {
    EncodingKey::from_rsa_pem(RSA_A_PRIVATE.as_bytes()).unwrap()
}
fn rsa_b() -> EncodingKey {
    EncodingKey::from_rsa_pem(RSA_B_PRIVATE.as_bytes()).unwrap()
}
fn ec_a() -> EncodingKey {
    EncodingKey::from_ec_pem(EC_A_PRIVATE.as_bytes()).unwrap()
}
fn ec_b() -> EncodingKey {
    EncodingKey::from_ec_pem(EC_B_PRIVATE.as_bytes()).unwrap()
}
fn ed_a() -> EncodingKey {
    EncodingKey::from_ed_pem(ED_A_PRIVATE.as_bytes()).unwrap()
}

/// A verifier of RS256, ES256 and EdDSA tokens from the JWKS at `url`.
fn jwks_verifier(url: &str, tune: impl FnOnce(JwksBuilder) -> JwksBuilder) -> (Verifier, Jwks) {
    let jwks = tune(Jwks::builder(url)).build().unwrap();
    let verifier = Verifier::builder()
        .algorithms([Algorithm::RS256, Algorithm::ES256, Algorithm::EdDSA])
        .issuer(ISS)
        .audience(AUD)
        .jwks(jwks.clone())
        .build()
        .unwrap();
    (verifier, jwks)
}

fn fetches(jwks: &Jwks) -> u64 {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(jwks.fetches())
}

/// A port nothing listens on: bound, then let go.
fn dead_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/jwks.json", listener.local_addr().unwrap());
    drop(listener);
    url
}

fn token(alg: Algorithm, kid: &str, key: &EncodingKey) -> String {
    mint(alg, Some(kid), &good_claims("orders:write"), key)
}

/// RS256, ES256 and EdDSA keys from one JWKS, each verifying its tokens in both
/// frameworks; one fetch per verifier serves them all.
#[test]
fn jwks_keys_of_every_type_verify_in_both_frameworks() {
    let (rsa, ec, ed) = (rsa_a(), ec_a(), ed_a());
    let server = JwksServer::start(
        &[
            ("kid-marker-rs", Algorithm::RS256, &rsa),
            ("kid-marker-es", Algorithm::ES256, &ec),
            ("kid-marker-ed", Algorithm::EdDSA, &ed),
        ],
        Some("max-age=3600"),
    );
    let (for_axum, jwks_axum) = jwks_verifier(&server.url, |b| b);
    let (for_actix, jwks_actix) = jwks_verifier(&server.url, |b| b);
    let servers = Servers::start_each(for_axum, for_actix, None);
    let tokens = [
        token(Algorithm::RS256, "kid-marker-rs", &rsa),
        token(Algorithm::ES256, "kid-marker-es", &ec),
        token(Algorithm::EdDSA, "kid-marker-ed", &ed),
    ];
    for t in &tokens {
        for path in ["/jwt", "/layer/write"] {
            expect_token(&servers, path, t, Want::Ok, "JWKS key");
        }
    }
    // A kid of the set used with another key type's algorithm.
    let wrong = token(Algorithm::ES256, "kid-marker-rs", &ec);
    expect_token(
        &servers,
        "/jwt",
        &wrong,
        Want::Invalid,
        "kid of another type",
    );
    // A token signed with a key not in the set, under a kid that is.
    let forged = token(Algorithm::ES256, "kid-marker-es", &ec_b());
    expect_token(&servers, "/jwt", &forged, Want::Invalid, "forged");
    // The rest of the table, through the JWKS path (a validation per algorithm).
    let expired = claims_with("orders:write", json!({ "exp": now() - 3600 }));
    let cases = [
        (
            "expired",
            mint(Algorithm::ES256, Some("kid-marker-es"), &expired, &ec),
            Want::Expired,
        ),
        (
            "expired and forged",
            mint(Algorithm::ES256, Some("kid-marker-es"), &expired, &ec_b()),
            Want::Invalid,
        ),
        (
            "wrong aud",
            mint(
                Algorithm::EdDSA,
                Some("kid-marker-ed"),
                &claims_with("orders:write", json!({ "aud": "other-api" })),
                &ed,
            ),
            Want::Invalid,
        ),
        (
            "alg none with a kid of the set",
            format!(
                "{}.{}.",
                b64(br#"{"alg":"none","kid":"kid-marker-rs"}"#),
                b64(good_claims("orders:write").to_string().as_bytes())
            ),
            Want::Invalid,
        ),
        (
            "HS256 with the RSA public key as secret",
            mint(
                Algorithm::HS256,
                Some("kid-marker-rs"),
                &good_claims("orders:write"),
                &EncodingKey::from_secret(RSA_A_PUBLIC.as_bytes()).unwrap(),
            ),
            Want::Invalid,
        ),
        (
            "no kid: the only key of its type",
            mint(Algorithm::ES256, None, &good_claims("orders:write"), &ec),
            Want::Ok,
        ),
        (
            "valid, lacking the scope",
            mint(
                Algorithm::EdDSA,
                Some("kid-marker-ed"),
                &good_claims("orders:read"),
                &ed,
            ),
            Want::Scope("orders:write"),
        ),
    ];
    for (name, t, want) in cases {
        expect_token(&servers, "/layer/write", &t, want, name);
    }
    // None of it asked the issuer again.
    assert_eq!(fetches(&jwks_axum), 1);
    assert_eq!(fetches(&jwks_actix), 1);
    assert_eq!(server.hits(), 2);
}

/// The issuer rotates its key mid-test: a token with the new `kid` costs exactly one
/// refetch, then is accepted; more such tokens are served from the cache.
#[test]
fn key_rotation_refetches_once_then_accepts_the_new_kid() {
    let (old, new) = (rsa_a(), rsa_b());
    let server = JwksServer::start(
        &[("kid-marker-1", Algorithm::RS256, &old)],
        Some("max-age=3600"),
    );
    let interval = Duration::from_millis(200);
    let (for_axum, jwks_axum) = jwks_verifier(&server.url, |b| b.refetch_interval(interval));
    let (for_actix, jwks_actix) = jwks_verifier(&server.url, |b| b.refetch_interval(interval));
    let servers = Servers::start_each(for_axum, for_actix, None);

    let before = token(Algorithm::RS256, "kid-marker-1", &old);
    expect_token(&servers, "/jwt", &before, Want::Ok, "before rotation");
    assert_eq!((fetches(&jwks_axum), fetches(&jwks_actix)), (1, 1));

    server.set_keys(&[
        ("kid-marker-2", Algorithm::RS256, &new),
        ("kid-marker-1", Algorithm::RS256, &old),
    ]);
    // Past the refetch interval since the first fetch.
    std::thread::sleep(interval + Duration::from_millis(100));
    let after = token(Algorithm::RS256, "kid-marker-2", &new);
    expect_token(&servers, "/jwt", &after, Want::Ok, "after rotation");
    assert_eq!((fetches(&jwks_axum), fetches(&jwks_actix)), (2, 2));
    for _ in 0..3 {
        expect_token(&servers, "/layer/write", &after, Want::Ok, "cached new key");
        expect_token(
            &servers,
            "/jwt",
            &before,
            Want::Ok,
            "old key still published",
        );
    }
    assert_eq!((fetches(&jwks_axum), fetches(&jwks_actix)), (2, 2));
    assert_eq!(server.hits(), 4);
}

/// A token with `kid` and a placeholder signature: never verified, its key is unknown.
fn forged_kid(i: usize) -> String {
    format!(
        "{}.{}.c2lnbmF0dXJl",
        b64(format!(r#"{{"alg":"RS256","typ":"JWT","kid":"forged-{i}"}}"#).as_bytes()),
        b64(good_claims("orders:write").to_string().as_bytes())
    )
}

/// 1,000 concurrent requests with unknown `kid`s and valid tokens, on a cold cache:
/// one fetch for all (single flight); a second storm at once: no fetch at all.
#[test]
fn unknown_kid_storm_of_1000_concurrent_requests_fetches_at_most_once() {
    let key = ec_a();
    let server = JwksServer::start(
        &[("kid-marker-es", Algorithm::ES256, &key)],
        Some("max-age=3600"),
    );
    let (verifier, jwks) = jwks_verifier(&server.url, |b| b);
    let valid = token(Algorithm::ES256, "kid-marker-es", &key);
    let rt = runtime();
    let storm = |round: usize| {
        let tasks: Vec<_> = (0..1000)
            .map(|i| {
                let verifier = verifier.clone();
                let token = if i % 2 == 0 {
                    forged_kid(round * 1000 + i)
                } else {
                    valid.clone()
                };
                rt.spawn(async move {
                    verifier
                        .verify::<Value>(&token)
                        .await
                        .map(|_| ())
                        .map_err(|r| r.code())
                })
            })
            .collect();
        rt.block_on(async {
            let mut results = Vec::new();
            for task in tasks {
                results.push(task.await.unwrap());
            }
            results
        })
    };
    let first = storm(0);
    for (i, result) in first.iter().enumerate() {
        let want = if i % 2 == 0 {
            Err("TOKEN_INVALID")
        } else {
            Ok(())
        };
        assert_eq!(*result, want, "request {i}");
    }
    assert_eq!(rt.block_on(jwks.fetches()), 1);
    assert_eq!(server.hits(), 1);

    let second = storm(1);
    assert_eq!(second.iter().filter(|r| r.is_err()).count(), 500);
    assert_eq!(
        rt.block_on(jwks.fetches()),
        1,
        "within the refetch interval"
    );
    assert_eq!(server.hits(), 1);
}

/// The same storm over HTTP against both frameworks' servers: at most one fetch each.
#[test]
fn unknown_kid_storm_over_http_fetches_at_most_once_per_server() {
    let key = ec_a();
    let server = JwksServer::start(
        &[("kid-marker-es", Algorithm::ES256, &key)],
        Some("max-age=3600"),
    );
    let (for_axum, jwks_axum) = jwks_verifier(&server.url, |b| b);
    let (for_actix, jwks_actix) = jwks_verifier(&server.url, |b| b);
    let servers = Arc::new(Servers::start_each(for_axum, for_actix, None));
    // 1,000 requests in all, 500 to each server, from 50 client threads.
    let threads: Vec<_> = (0..50)
        .map(|t| {
            let servers = servers.clone();
            std::thread::spawn(move || {
                let client = client();
                for i in 0..10 {
                    let forged = forged_kid(t * 10 + i);
                    for base in [&servers.axum, &servers.actix] {
                        let response = client
                            .get(format!("{base}/jwt"))
                            .header("authorization", bearer(&forged))
                            .send()
                            .unwrap();
                        assert_eq!(response.status().as_u16(), 401);
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert!(fetches(&jwks_axum) <= 1);
    assert!(fetches(&jwks_actix) <= 1);
    assert!(server.hits() <= 2);
}

/// The JWKS server was never reachable: no key to judge the token with, so `503
/// AUTH_UNAVAILABLE` with `Retry-After` and no challenge, the same in both frameworks.
#[test]
fn jwks_unreachable_before_the_first_fetch_is_503_with_retry_after() {
    let url = dead_url();
    let (for_axum, jwks_axum) = jwks_verifier(&url, |b| b.timeout(Duration::from_secs(2)));
    let (for_actix, _) = jwks_verifier(&url, |b| b.timeout(Duration::from_secs(2)));
    let servers = Servers::start_each(for_axum, for_actix, None);
    let valid = token(Algorithm::ES256, "kid-marker-es", &ec_a());
    for path in ["/jwt", "/layer/write", "/handler/write"] {
        let obs = both(&servers, path, &[&bearer(&valid)]);
        check(&obs, Want::Unavailable, None, path);
        check_no_leak(&obs, &valid, path);
        assert!(!obs.text().contains(url.trim_start_matches("http://")));
    }
    // Within the refetch interval the issuer is not asked again.
    assert_eq!(fetches(&jwks_axum), 1);
    // A request with no token is still the client's fault.
    check(
        &both(&servers, "/jwt", &[]),
        Want::Missing,
        None,
        "no token",
    );
}

/// 1,000 concurrent requests while the JWKS cannot be reached: one attempt for all,
/// every one answered `AUTH_UNAVAILABLE` with a wait of at least a second.
#[test]
fn unreachable_jwks_storm_makes_one_attempt() {
    let (verifier, jwks) = jwks_verifier(&dead_url(), |b| b);
    let valid = token(Algorithm::ES256, "kid-marker-es", &ec_a());
    let rt = runtime();
    let tasks: Vec<_> = (0..1000)
        .map(|_| {
            let verifier = verifier.clone();
            let token = valid.clone();
            rt.spawn(async move { verifier.verify::<Value>(&token).await.unwrap_err() })
        })
        .collect();
    for task in tasks {
        let rejection = rt.block_on(task).unwrap();
        assert_eq!(rejection.code(), "AUTH_UNAVAILABLE");
        assert_eq!(rejection.status(), 503);
        assert!(rejection.challenge_value().unwrap().is_none());
    }
    assert_eq!(rt.block_on(jwks.fetches()), 1);
}

/// The JWKS server stops after keys were cached: requests are still answered from the
/// cache past its time to live, until the hard expiry (`max_ttl` + `max_stale`); then
/// `503 AUTH_UNAVAILABLE`.
#[test]
fn jwks_stopped_after_caching_serves_cached_keys_until_hard_expiry() {
    let key = ec_a();
    // max-age=3600 is held to the 1 s ceiling.
    let mut server = JwksServer::start(
        &[("kid-marker-es", Algorithm::ES256, &key)],
        Some("max-age=3600"),
    );
    let tune = |b: JwksBuilder| {
        b.min_ttl(Duration::ZERO)
            .max_ttl(Duration::from_secs(1))
            .max_stale(Duration::from_secs(2))
            .refetch_interval(Duration::from_millis(500))
            .timeout(Duration::from_secs(1))
    };
    let (for_axum, jwks_axum) = jwks_verifier(&server.url, tune);
    let (for_actix, jwks_actix) = jwks_verifier(&server.url, tune);
    let servers = Servers::start_each(for_axum, for_actix, None);
    let valid = token(Algorithm::ES256, "kid-marker-es", &key);

    expect_token(&servers, "/jwt", &valid, Want::Ok, "fetched");
    let fetched = Instant::now();
    server.stop();
    expect_token(&servers, "/jwt", &valid, Want::Ok, "cached, server stopped");
    // Past the 1 s time to live, within the 2 s of staleness allowed.
    std::thread::sleep(Duration::from_millis(1300).saturating_sub(fetched.elapsed()));
    expect_token(
        &servers,
        "/layer/write",
        &valid,
        Want::Ok,
        "stale, server stopped",
    );
    // Past the hard expiry.
    std::thread::sleep(Duration::from_millis(3300).saturating_sub(fetched.elapsed()));
    for path in ["/jwt", "/layer/write"] {
        let obs = both(&servers, path, &[&bearer(&valid)]);
        check(&obs, Want::Unavailable, None, path);
        check_no_leak(&obs, &valid, path);
    }
    assert!(fetches(&jwks_axum) >= 2, "refetches were tried");
    assert!(fetches(&jwks_actix) >= 2, "refetches were tried");
}

/// `Cache-Control: max-age` sets how long keys are cached, held between the floor
/// (`min_ttl`) and the ceiling (`max_ttl`); with no `max-age`, `default_ttl`. Seen
/// through the fetch count, with `refetch_interval` zero so nothing else holds a
/// refetch back.
#[test]
fn cache_control_max_age_is_honoured_within_floor_and_ceiling() {
    let key = ec_a();
    let valid = token(Algorithm::ES256, "kid-marker-es", &key);
    let rt = runtime();
    // Verifies `n` times against a fresh server answering `cache_control`; returns
    // the verifier's fetch count.
    let run = |cache_control: Option<&str>,
               tune: &dyn Fn(JwksBuilder) -> JwksBuilder,
               n: usize,
               pause: Option<Duration>| {
        let server = JwksServer::start(&[("kid-marker-es", Algorithm::ES256, &key)], cache_control);
        let (verifier, jwks) =
            jwks_verifier(&server.url, |b| tune(b.refetch_interval(Duration::ZERO)));
        rt.block_on(async {
            for i in 0..n {
                if i == n - 1
                    && let Some(pause) = pause
                {
                    tokio::time::sleep(pause).await;
                }
                verifier.verify::<Value>(&valid).await.unwrap();
            }
            jwks.fetches().await
        })
    };
    let free = |b: JwksBuilder| b.min_ttl(Duration::ZERO);
    // max-age honoured: an hour, one fetch for all.
    assert_eq!(run(Some("public, max-age=3600"), &free, 10, None), 1);
    // max-age=0 honoured when the floor allows it: a fetch per request.
    assert!(run(Some("max-age=0"), &free, 5, None) >= 5);
    assert!(run(Some("no-store"), &free, 5, None) >= 5);
    // The floor: max-age=0 and no-store are held to an hour.
    let floor = |b: JwksBuilder| b.min_ttl(Duration::from_secs(3600));
    assert_eq!(run(Some("max-age=0"), &floor, 10, None), 1);
    assert_eq!(run(Some("no-store"), &floor, 10, None), 1);
    // The ceiling: a day of max-age is held to 1 s, so a request after it refetches.
    let ceiling = |b: JwksBuilder| b.min_ttl(Duration::ZERO).max_ttl(Duration::from_secs(1));
    assert_eq!(run(Some("max-age=86400"), &ceiling, 5, None), 1);
    assert!(
        run(
            Some("max-age=86400"),
            &ceiling,
            2,
            Some(Duration::from_millis(1200))
        ) >= 2
    );
    // No max-age: the default time to live, itself within floor and ceiling.
    let default_hour = |b: JwksBuilder| {
        b.min_ttl(Duration::ZERO)
            .default_ttl(Duration::from_secs(3600))
    };
    assert_eq!(run(None, &default_hour, 10, None), 1);
    let default_zero = |b: JwksBuilder| b.min_ttl(Duration::ZERO).default_ttl(Duration::ZERO);
    assert!(run(Some("private"), &default_zero, 5, None) >= 5);
}

/// `http://` JWKS URLs are for loopback hosts only; a JWKS is for public keys, never
/// HMAC secrets; the floor cannot be above the ceiling.
#[test]
fn jwks_settings_refuse_http_to_other_hosts_and_hmac() {
    for bad in [
        "http://issuer.example/jwks",
        "http://10.0.0.1/jwks.json",
        "http://192.168.1.10:8080/jwks.json",
        "http://localhost.issuer.example/jwks",
        "http://127.0.0.1.nip.io/jwks",
        "ftp://127.0.0.1/jwks",
        "127.0.0.1/jwks",
    ] {
        assert_eq!(
            Jwks::builder(bad).build().err(),
            Some(ConfigError::JwksUrl),
            "{bad}"
        );
    }
    for ok in [
        "https://issuer.example/jwks",
        "http://127.0.0.1:9/jwks",
        "http://127.1.2.3/jwks",
        "http://localhost:9/jwks",
        "http://[::1]:9/jwks",
    ] {
        assert!(Jwks::builder(ok).build().is_ok(), "{ok}");
    }
    assert!(matches!(
        Jwks::builder("https://issuer.example/jwks")
            .min_ttl(Duration::from_secs(10))
            .max_ttl(Duration::from_secs(5))
            .build(),
        Err(ConfigError::JwksTtl)
    ));
    let jwks = Jwks::builder("https://issuer.example/jwks")
        .build()
        .unwrap();
    assert_eq!(
        Verifier::builder()
            .algorithms([Algorithm::RS256, Algorithm::HS256])
            .jwks(jwks)
            .build()
            .err(),
        Some(ConfigError::KeyAlgorithm)
    );
}

/// A rejected token through the JWKS path keeps the fixed texts: nothing of the URL.
#[test]
fn jwks_rejections_name_no_url_and_no_key() {
    let key = ec_a();
    let server = JwksServer::start(
        &[("kid-marker-es", Algorithm::ES256, &key)],
        Some("max-age=3600"),
    );
    let (verifier, _) = jwks_verifier(&server.url, |b| b);
    let rt = runtime();
    let forged = forged_kid(7);
    let rejection = rt.block_on(verifier.verify::<Value>(&forged)).unwrap_err();
    assert_eq!(rejection.code(), "TOKEN_INVALID");
    let text = format!(
        "{}{}",
        rejection.body(),
        rejection.challenge_value().unwrap().unwrap_or_default()
    );
    assert!(!text.contains("127.0.0.1"), "{text}");
    assert!(!text.contains("forged"), "{text}");
}

/// An issuer's JWK that parses but is no usable key (an Ed25519 `x` of 5 bytes) is the
/// same server-side key error as a configured one: 500, not a panic in the request.
#[test]
fn jwks_key_of_the_wrong_length_is_500_not_a_dropped_connection() {
    let ed = ed_a();
    let server = JwksServer::start(
        &[("kid-marker-ed", Algorithm::EdDSA, &ed)],
        Some("max-age=3600"),
    );
    *server.state.body.lock().unwrap() = json!({
        "keys": [{ "kty": "OKP", "crv": "Ed25519", "kid": "kid-marker-ed", "x": b64(b"short") }]
    })
    .to_string();
    let (verifier, _) = jwks_verifier(&server.url, |b| b);
    let servers = Servers::start(&verifier, None);
    let t = token(Algorithm::EdDSA, "kid-marker-ed", &ed);
    expect_token(&servers, "/jwt", &t, Want::ServerError, "short JWKS key");
}

/// The keys are refetched in the background before their cache time runs out, with no
/// request asking: `max-age=2` is refetched about 1.8 s after the first fetch (a tenth
/// early), so at 2.6 s the server has been asked twice though only one token was checked,
/// and a token checked then needs no fetch of its own.
#[test]
fn keys_are_refreshed_in_the_background_before_they_expire() {
    let key = rsa_a();
    let server = JwksServer::start(&[("kid-bg", Algorithm::RS256, &key)], Some("max-age=2"));
    let (verifier, _jwks) = jwks_verifier(&server.url, |b| {
        b.min_ttl(Duration::from_secs(1))
            .refetch_interval(Duration::from_millis(100))
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let t = token(Algorithm::RS256, "kid-bg", &key);
    assert!(rt.block_on(verifier.verify::<Value>(&t)).is_ok());
    assert_eq!(server.hits(), 1);
    std::thread::sleep(Duration::from_millis(2600));
    assert_eq!(server.hits(), 2, "refetched once, in the background");
    assert!(rt.block_on(verifier.verify::<Value>(&t)).is_ok());
    assert_eq!(server.hits(), 2, "the refreshed keys served the request");
}
