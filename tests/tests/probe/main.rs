//! `auth_errors::probe` (issue 14, part 1) against servers on 127.0.0.1: a server that
//! follows RFC 6750 / RFC 9110 passes every rule it is given tokens for, and servers each
//! broken in one way are flagged on exactly the rules that way breaks.
//!
//! The servers are written here by hand: the correct one answers with the standard
//! catalog (`OAuthError`), and each flaw replaces one part of its answer with what the
//! issue names (a 200 wrapping the error, a 302 to a login page, a 401 without a
//! challenge, `error="invalid_token"` to a request without a token, a 403 for an
//! expired token, no CORS expose header, HTML error pages).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod demo;

use std::collections::BTreeSet;

use auth_errors::bearer::from_authorization;
use auth_errors::oauth::OAuthError;
use auth_errors::probe::{Options, Outcome, Report, run};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;

/// One way a server breaks the rules, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flaw {
    None,
    /// Every refused request answered `200 {"code":401,…}`.
    OkWrapsError,
    /// A request without credentials redirected to `/login`.
    RedirectToLogin,
    /// 401s without `WWW-Authenticate`.
    NoChallenge,
    /// `error="invalid_token"` on the challenge to a request that sent no token.
    ErrorWithoutToken,
    /// An expired token answered 403.
    ForbiddenForExpired,
    /// Cross-origin responses without `Access-Control-Expose-Headers`.
    NoExposeHeader,
    /// Error responses as HTML pages.
    HtmlErrors,
}

/// The correct answer: the standard catalog's, with CORS for any origin.
fn correct(method: &Method, headers: &HeaderMap) -> Result<Response, OAuthError> {
    if method == Method::OPTIONS {
        return Ok((
            StatusCode::NO_CONTENT,
            [
                ("access-control-allow-methods", "GET, POST"),
                (
                    "access-control-allow-headers",
                    "authorization, content-type",
                ),
            ],
        )
            .into_response());
    }
    let values = headers.get_all("authorization");
    let token = from_authorization(values.iter().map(|v| v.as_bytes()))?;
    match token {
        "valid" => Ok(axum::Json(serde_json::json!([{"id": 1}])).into_response()),
        "expired" => Err(OAuthError::TokenExpired),
        "forbidden" => Err(OAuthError::InsufficientScope {
            scope: auth_errors::Scope::from_static("orders:write"),
        }),
        _ => Err(OAuthError::TokenInvalid),
    }
}

async fn orders(State(flaw): State<Flaw>, method: Method, headers: HeaderMap) -> Response {
    let token = headers.get("authorization").map(|v| v.as_bytes().to_vec());
    let mut response = match correct(&method, &headers) {
        Ok(r) => r,
        Err(e) => match flaw {
            Flaw::OkWrapsError => {
                axum::Json(serde_json::json!({"code": 401, "message": e.to_string()}))
                    .into_response()
            }
            Flaw::RedirectToLogin if token.is_none() => {
                (StatusCode::FOUND, [("location", "/login")]).into_response()
            }
            Flaw::NoChallenge => {
                let mut r = e.into_response();
                if r.status() == StatusCode::UNAUTHORIZED {
                    r.headers_mut().remove("www-authenticate");
                }
                r
            }
            Flaw::ErrorWithoutToken if token.is_none() => {
                let mut r = e.into_response();
                r.headers_mut().insert(
                    "www-authenticate",
                    HeaderValue::from_static(r#"Bearer realm="api", error="invalid_token""#),
                );
                r
            }
            Flaw::ForbiddenForExpired if e == OAuthError::TokenExpired => {
                OAuthError::InsufficientScope {
                    scope: auth_errors::Scope::from_static("orders:read"),
                }
                .into_response()
            }
            Flaw::HtmlErrors => {
                let challenge = e.challenge_value().ok().flatten();
                let status = e.clone().into_response().status();
                let mut r = (
                    status,
                    [("content-type", "text/html")],
                    "<html><body><h1>Unauthorized</h1></body></html>",
                )
                    .into_response();
                if let Some(c) = challenge {
                    r.headers_mut()
                        .insert("www-authenticate", HeaderValue::from_str(&c).unwrap());
                }
                r
            }
            _ => e.into_response(),
        },
    };
    if let Some(origin) = headers.get("origin").cloned() {
        let h = response.headers_mut();
        h.insert("access-control-allow-origin", origin);
        if flaw != Flaw::NoExposeHeader {
            h.insert(
                "access-control-expose-headers",
                HeaderValue::from_static("www-authenticate, retry-after"),
            );
        }
    }
    response
}

use auth_errors::AuthError as _;

/// Serves `router` on a fresh 127.0.0.1 port; the base URL.
fn serve(router: Router) -> String {
    auth_errors_tests::serve::tokio(move |listener| async move {
        axum::serve(listener, router).await.unwrap();
    })
}

fn server(flaw: Flaw) -> String {
    serve(Router::new().route("/orders", any(orders)).with_state(flaw))
}

/// Every option the probe takes: each rule is checked.
fn probe(base: &str) -> Report {
    run(&Options::new(format!("{base}/orders"))
        .token("valid")
        .expired_token("expired")
        .forbidden_token("forbidden")
        .origin("http://localhost:5173"))
    .unwrap()
}

fn with(report: &Report, outcome: Outcome) -> BTreeSet<&'static str> {
    report
        .findings
        .iter()
        .filter(|f| f.outcome == outcome)
        .map(|f| f.rule.id)
        .collect()
}

fn set(ids: &[&'static str]) -> BTreeSet<&'static str> {
    ids.iter().copied().collect()
}

#[test]
fn a_server_that_follows_the_rfcs_passes_every_rule() {
    let report = probe(&server(Flaw::None));
    assert_eq!(
        with(&report, Outcome::Fail),
        set(&[]),
        "{}",
        report.to_text()
    );
    assert_eq!(
        with(&report, Outcome::Warn),
        set(&[]),
        "{}",
        report.to_text()
    );
    assert_eq!(
        with(&report, Outcome::NotChecked),
        set(&[]),
        "{}",
        report.to_text()
    );
    assert_eq!(report.findings.len(), auth_errors::probe::rules::ALL.len());
    assert!(!report.failed());
}

#[test]
fn each_broken_server_is_flagged_on_exactly_the_rules_it_breaks() {
    let cases: [(Flaw, &[&'static str]); 6] = [
        // The refused requests get 200: the statuses are wrong, the challenges
        // missing, and the 2xx bodies carry the error code.
        (
            Flaw::OkWrapsError,
            &[
                "no-credentials-status",
                "no-credentials-challenge",
                "malformed-authorization",
                "garbage-token",
                "expired-token",
                "forbidden-token",
                "no-error-in-2xx",
            ],
        ),
        (
            Flaw::RedirectToLogin,
            &[
                "no-credentials-status",
                "no-credentials-challenge",
                "no-login-redirect",
            ],
        ),
        (
            Flaw::NoChallenge,
            &["no-credentials-challenge", "garbage-token", "expired-token"],
        ),
        (Flaw::ErrorWithoutToken, &["no-credentials-no-error"]),
        (Flaw::ForbiddenForExpired, &["expired-token"]),
        (Flaw::NoExposeHeader, &["cors-exposes-challenge"]),
    ];
    for (flaw, failing) in cases {
        let report = probe(&server(flaw));
        assert_eq!(
            with(&report, Outcome::Fail),
            set(failing),
            "{flaw:?}\n{}",
            report.to_text()
        );
        assert!(report.failed(), "{flaw:?}");
    }
}

#[test]
fn html_error_pages_are_a_warning_not_a_failure() {
    let report = probe(&server(Flaw::HtmlErrors));
    assert_eq!(
        with(&report, Outcome::Fail),
        set(&[]),
        "{}",
        report.to_text()
    );
    assert_eq!(with(&report, Outcome::Warn), set(&["json-error-body"]));
    assert!(report.to_text().contains("text/html"));
    assert!(!report.failed());
}

#[test]
fn without_tokens_or_origin_those_rules_are_not_checked() {
    let report = run(&Options::new(format!("{}/orders", server(Flaw::None)))).unwrap();
    assert_eq!(
        with(&report, Outcome::NotChecked),
        set(&[
            "expired-token",
            "valid-token",
            "forbidden-token",
            "cors-preflight",
            "cors-exposes-challenge"
        ])
    );
    assert_eq!(with(&report, Outcome::Fail), set(&[]));
}

#[test]
fn the_report_never_prints_a_token_and_its_json_lists_every_rule() {
    let base = server(Flaw::None);
    let report = run(&Options::new(format!("{base}/orders"))
        .token("valid")
        .expired_token("expired")
        .forbidden_token("forbidden"))
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["failed"], false);
    let rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    let all: Vec<&str> = auth_errors::probe::rules::ALL
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(rules, all);
    for f in json["findings"].as_array().unwrap() {
        assert!(["pass", "fail", "warn", "not checked"].contains(&f["outcome"].as_str().unwrap()));
    }
    let text = report.to_text();
    assert!(
        !text.contains("auth-errors-probe.not-a-valid-token"),
        "{text}"
    );
}

#[test]
fn an_unreachable_url_is_an_error_not_a_report() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = run(&Options::new(format!("http://127.0.0.1:{port}/orders"))).unwrap_err();
    assert!(
        matches!(err, auth_errors::probe::ProbeError::Unreachable(_)),
        "{err}"
    );
    let err = run(&Options::new("not a url")).unwrap_err();
    assert!(
        matches!(err, auth_errors::probe::ProbeError::Input(_)),
        "{err}"
    );
}
