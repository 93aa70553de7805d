//! The contenders of the response benches (`tests/src/contenders.rs`) answer with the
//! same bytes wherever they can express the response, so the benches compare equal
//! work: auth-errors, the hand-written code and the typical code send the same status,
//! `WWW-Authenticate`, content type and body, on axum, actix-web and plain `http`;
//! http-api-problem sends the same status and challenge with its own problem body;
//! axum_thiserror the same status and body, without the challenge it cannot express.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use actix_web::ResponseError;
use axum::response::IntoResponse;

use auth_errors_tests::contenders;

/// Status, `WWW-Authenticate`, content type and body of a response.
type Seen = (u16, Option<String>, Option<String>, String);

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

fn axum_seen(response: axum::response::Response) -> Seen {
    let (parts, body) = response.into_parts();
    let body = runtime()
        .block_on(axum::body::to_bytes(body, 1 << 16))
        .unwrap();
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    (
        parts.status.as_u16(),
        header("www-authenticate"),
        header("content-type"),
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

fn http_seen(response: http::Response<bytes::Bytes>) -> Seen {
    axum_seen(response.map(axum::body::Body::from))
}

fn actix_seen(response: actix_web::HttpResponse) -> Seen {
    let status = response.status().as_u16();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let (challenge, content_type) = (header("www-authenticate"), header("content-type"));
    let body = runtime()
        .block_on(actix_web::body::to_bytes(response.into_body()))
        .unwrap_or_default();
    (
        status,
        challenge,
        content_type,
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

fn expected(dynamic: bool) -> Seen {
    if dynamic {
        (
            403,
            Some(contenders::dynamic_challenge(contenders::SCOPE)),
            Some("application/json".into()),
            contenders::dynamic_body(contenders::SCOPE),
        )
    } else {
        (
            401,
            Some(contenders::STATIC_CHALLENGE.into()),
            Some("application/json".into()),
            contenders::STATIC_BODY.into(),
        )
    }
}

#[test]
fn same_response_from_auth_errors_handwritten_and_typical() {
    let scope = contenders::runtime_scope();
    for dynamic in [false, true] {
        let want = expected(dynamic);
        macro_rules! check {
            ($m:ident) => {
                let err = if dynamic {
                    contenders::$m::dynamic_error(scope)
                } else {
                    contenders::$m::static_error()
                };
                assert_eq!(
                    axum_seen(err.clone().into_response()),
                    want,
                    "{} axum",
                    stringify!($m)
                );
                assert_eq!(
                    actix_seen(err.error_response()),
                    want,
                    "{} actix",
                    stringify!($m)
                );
            };
        }
        check!(auth_errors);
        check!(handwritten);
        check!(typical);
        let auth = if dynamic {
            contenders::auth_errors::dynamic_error(scope)
        } else {
            contenders::auth_errors::static_error()
        };
        assert_eq!(http_seen(auth_errors::http::to_http(&auth)), want);
        let hand = if dynamic {
            contenders::handwritten::dynamic_error(scope)
        } else {
            contenders::handwritten::static_error()
        };
        assert_eq!(http_seen(contenders::handwritten::to_http(hand)), want);
    }
}

#[test]
fn peers_send_what_they_can_express() {
    let scope = contenders::runtime_scope();
    for dynamic in [false, true] {
        let (status, challenge, _, body) = expected(dynamic);
        let err = if dynamic {
            contenders::problem::dynamic_error(scope)
        } else {
            contenders::problem::static_error()
        };
        for seen in [
            axum_seen(err.into_response()),
            actix_seen(err.error_response()),
        ] {
            assert_eq!((seen.0, &seen.1), (status, &challenge));
            assert_eq!(seen.2.as_deref(), Some("application/problem+json"));
            let problem: serde_json::Value = serde_json::from_str(&seen.3).unwrap();
            let ours: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_eq!(problem["code"], ours["code"]);
            assert_eq!(problem["detail"], ours["message"]);
        }
        let err = if dynamic {
            contenders::thiserror_derive::dynamic_error(scope)
        } else {
            contenders::thiserror_derive::static_error()
        };
        let seen = axum_seen(err.into_response());
        assert_eq!(
            seen,
            (status, None, Some("application/json".into()), body),
            "axum_thiserror: status and body, no challenge"
        );
    }
}
