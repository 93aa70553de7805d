//! Issue 12 end to end: the demo on 127.0.0.1, on axum and on actix-web, answers a mix
//! of missing, expired, revoked, invalid and forbidden requests through a real HTTP
//! client; then `GET /metrics` is scraped and parsed, and the counts match what was
//! sent, series by series.
//!
//! The exporter is the process's one recorder, shared by both servers of this binary,
//! so each framework's counts are the difference between a scrape before and one after.
#![cfg(feature = "monitoring")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use auth_errors_demo::{OAuthError, TokenResponse};
use reqwest::blocking::Client;

/// A series: metric name and labels, sorted.
type Series = (String, BTreeMap<String, String>);

/// Parses Prometheus' text format: every sample line, `name{l="v",…} value`.
fn parse(text: &str) -> BTreeMap<Series, f64> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (series, value) = line.rsplit_once(' ').unwrap();
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => (name, rest.strip_suffix('}').unwrap()),
            None => (series, ""),
        };
        let labels = labels
            .split(',')
            .filter(|l| !l.is_empty())
            .map(|l| {
                let (k, v) = l.split_once('=').unwrap();
                (k.to_owned(), v.trim_matches('"').to_owned())
            })
            .collect();
        out.insert((name.to_owned(), labels), value.parse().unwrap());
    }
    out
}

fn responses(code: &str, status: &str, error: &str, class: &str) -> Series {
    let labels = [
        ("class", class),
        ("code", code),
        ("error", error),
        ("status", status),
    ];
    (
        "auth_errors_responses_total".to_owned(),
        labels
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
    )
}

fn scrape(client: &Client, base: &str) -> BTreeMap<Series, f64> {
    let response = client.get(format!("{base}/metrics")).send().unwrap();
    assert_eq!(response.status(), 200);
    parse(&response.text().unwrap())
}

/// Sends the mix; returns how many requests it sent.
fn send_mix(client: &Client, base: &str) -> u32 {
    let orders = format!("{base}/orders");
    let mut sent = 0;
    let mut get = |token: Option<&str>, expected: u16| {
        let mut request = client.get(&orders);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        assert_eq!(request.send().unwrap().status(), expected);
        sent += 1;
    };
    for _ in 0..3 {
        get(None, 401);
    }
    for _ in 0..2 {
        get(Some("expired"), 401);
    }
    get(Some("revoked"), 401);
    for _ in 0..4 {
        get(Some("not-a-token-we-issued"), 401);
    }
    let login = client
        .post(format!("{base}/login"))
        .header("content-type", "application/json")
        .body(r#"{"user": "reader"}"#)
        .send()
        .unwrap();
    let tokens: TokenResponse = serde_json::from_str(&login.text().unwrap()).unwrap();
    sent += 1;
    for _ in 0..2 {
        let forbidden = client
            .post(&orders)
            .bearer_auth(&tokens.access_token)
            .send()
            .unwrap();
        assert_eq!(forbidden.status(), 403);
        sent += 1;
    }
    sent
}

fn check(framework: &str, base: &str) {
    let client = Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let before = scrape(&client, base);
    // Registered at start: every series of the standard catalog is there, if only at 0.
    for spec in OAuthError::SPECS {
        let series = responses(
            spec.code(),
            &spec.status().to_string(),
            spec.error_attribute().unwrap_or(""),
            auth_errors::monitor::Class::of(spec.status()).name(),
        );
        assert!(before.contains_key(&series), "{framework}: {series:?}");
    }
    let sent = send_mix(&client, base);
    let after = scrape(&client, base);
    let moved: BTreeMap<Series, f64> = after
        .iter()
        .map(|(series, n)| (series.clone(), n - before.get(series).unwrap_or(&0.0)))
        .filter(|(_, n)| *n != 0.0)
        .collect();
    let expected: BTreeMap<Series, f64> = [
        (responses("TOKEN_MISSING", "401", "", "auth"), 3.0),
        (
            responses("TOKEN_EXPIRED", "401", "invalid_token", "auth"),
            2.0,
        ),
        (
            responses("TOKEN_REVOKED", "401", "invalid_token", "auth"),
            1.0,
        ),
        (
            responses("TOKEN_INVALID", "401", "invalid_token", "auth"),
            4.0,
        ),
        (
            responses("INSUFFICIENT_SCOPE", "403", "insufficient_scope", "auth"),
            2.0,
        ),
        // Every request, the second scrape included (the first was counted before it
        // rendered).
        (
            ("http_requests_total".to_owned(), BTreeMap::new()),
            f64::from(sent + 1),
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(moved, expected, "{framework}");
}

#[test]
fn metrics_scraped_after_failed_requests_match_on_both_frameworks() {
    let ttl = Duration::from_secs(60);

    let [axum_base, actix_base] = common::servers(ttl);

    check("axum", &axum_base);
    check("actix-web", &actix_base);
}
