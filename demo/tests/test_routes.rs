//! The routes the client pack's tests use: `/busy/{key}` (a retry delay, enforced) and
//! `/dpop` (a DPoP nonce, RFC 9449 §9), and single-use refresh tokens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use auth_errors::AuthError as _;
use auth_errors_demo::{BusyQuery, Demo, DemoError, OAuthError};
use base64::Engine as _;

fn demo() -> Demo {
    Demo::new(Duration::from_secs(60))
}

#[test]
fn busy_answers_retry_later_until_the_delay_has_passed() {
    let demo = demo();
    let query = BusyQuery {
        retry_after: Some(1),
        ..BusyQuery::default()
    };
    let first = demo.busy("a", &query).unwrap_err();
    assert!(
        matches!(first.error, DemoError::RateLimited { retry_after: 1 }),
        "{first:?}"
    );
    assert_eq!(first.error.status(), 429);
    assert_eq!(first.date, None);
    // Too early: the same answer.
    assert!(demo.busy("a", &query).is_err());
    std::thread::sleep(Duration::from_millis(1050));
    let ok = demo.busy("a", &query).unwrap();
    assert_eq!((ok.key.as_str(), ok.attempts), ("a", 3));
    // Keys are independent.
    assert!(demo.busy("b", &query).is_err());
}

#[test]
fn busy_can_answer_503_and_an_http_date() {
    let demo = demo();
    let query = BusyQuery {
        status: Some(503),
        retry_after: Some(2),
        date: Some(1),
    };
    let later = demo.busy("k", &query).unwrap_err();
    assert!(matches!(later.error, DemoError::ServiceBusy { .. }));
    assert_eq!(later.error.status(), 503);
    let date = httpdate::parse_http_date(later.date.as_deref().unwrap()).unwrap();
    let ahead = date
        .duration_since(std::time::SystemTime::now())
        .unwrap_or_default();
    assert!(
        ahead <= Duration::from_secs(2) && ahead >= Duration::from_secs(1),
        "{ahead:?}"
    );
}

fn proof(claims: &str) -> String {
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    format!(
        "{}.{}.sig",
        b64(r#"{"typ":"dpop+jwt","alg":"ES256"}"#),
        b64(claims)
    )
}

#[test]
fn dpop_asks_for_its_nonce_and_accepts_a_proof_carrying_it() {
    let demo = demo();
    let DemoError::UseDpopNonce { nonce } = demo.dpop(None).unwrap_err() else {
        panic!("expected USE_DPOP_NONCE");
    };
    let err = demo.dpop(Some(&proof(r#"{"nonce":"wrong"}"#))).unwrap_err();
    assert_eq!(err.status(), 401);
    assert!(demo.dpop(Some("not a jws")).is_err());
    demo.dpop(Some(&proof(&format!(
        r#"{{"htm":"GET","nonce":"{nonce}"}}"#
    ))))
    .unwrap();
}

#[test]
fn a_refresh_token_is_used_up_by_its_first_refresh() {
    let demo = demo();
    let pair = demo.login("reader", false).unwrap();
    let next = demo.refresh(&pair.refresh_token).unwrap();
    assert!(matches!(
        demo.refresh(&pair.refresh_token),
        Err(OAuthError::TokenInvalid)
    ));
    demo.refresh(&next.refresh_token).unwrap();
    assert_eq!(demo.stats().refreshes, 2);
}
