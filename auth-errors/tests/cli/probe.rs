//! `auth-errors probe URL`: the exit status (0 nothing fails, 1 a rule fails, 2 the URL
//! cannot be reached) and the two formats, against a server on 127.0.0.1 that answers
//! every request with one fixed response.

use std::io::{Read, Write};
use std::net::TcpListener;

use super::{run, text};

/// A server answering every request with `response` (a whole HTTP/1.1 response); its URL.
fn fixed(response: &'static str) -> String {
    answering(move |_| response)
}

/// A server answering each request with what `answer` picks from the request's head.
fn answering(answer: impl Fn(&str) -> &'static str + Send + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/orders", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let head = String::from_utf8_lossy(&buf[..n]).to_ascii_lowercase();
            let _ = stream.write_all(answer(&head).as_bytes());
        }
    });
    url
}

/// Every request answered `200 {"code":401}`: the error wrapped in a 200.
const WRAPPED: &str = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 12\r\nconnection: close\r\n\r\n{\"code\":401}";

/// Every request answered as RFC 6750 §3.1 asks of one without credentials.
const MISSING: &str = "HTTP/1.1 401 Unauthorized\r\nwww-authenticate: Bearer realm=\"api\"\r\ncontent-type: application/json\r\ncontent-length: 24\r\nconnection: close\r\n\r\n{\"code\":\"TOKEN_MISSING\"}";

#[test]
fn a_failing_rule_exits_1_and_names_it() {
    let out = run(&["probe", &fixed(WRAPPED)], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("FAIL"), "{stdout}");
    assert!(stdout.contains("no-credentials-status"), "{stdout}");
    assert!(stdout.contains("no-error-in-2xx"), "{stdout}");
    assert!(stdout.contains("RFC 6750 §3.1"), "{stdout}");
}

#[test]
fn json_format_lists_the_findings() {
    let out = run(&["probe", "--format", "json", &fixed(WRAPPED)], None);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["failed"], true);
    let status = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "no-credentials-status")
        .unwrap();
    assert_eq!(status["outcome"], "fail");
    assert!(
        status["saw"].as_str().unwrap().starts_with("200"),
        "{status}"
    );
}

/// RFC 6750 §3.1's answer to a malformed request.
const MALFORMED: &str = "HTTP/1.1 400 Bad Request\r\nwww-authenticate: Bearer realm=\"api\", error=\"invalid_request\"\r\ncontent-type: application/json\r\ncontent-length: 26\r\nconnection: close\r\n\r\n{\"code\":\"INVALID_REQUEST\"}";

/// RFC 6750 §3.1's answer to a token that is not valid.
const INVALID: &str = "HTTP/1.1 401 Unauthorized\r\nwww-authenticate: Bearer realm=\"api\", error=\"invalid_token\"\r\ncontent-type: application/json\r\ncontent-length: 24\r\nconnection: close\r\n\r\n{\"code\":\"TOKEN_INVALID\"}";

#[test]
fn nothing_failing_exits_0() {
    let url = answering(|head| {
        if !head.contains("authorization:") {
            MISSING
        } else if head.contains("bearer ===") {
            MALFORMED
        } else {
            INVALID
        }
    });
    let out = run(&["probe", "--expired-token", "old", &url], None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains("FAIL"), "{stdout}");
    assert!(stdout.contains("expired-token"), "{stdout}");
}

#[test]
fn a_401_without_invalid_token_for_a_bad_token_is_the_one_failure() {
    let out = run(&["probe", &fixed(MISSING)], None);
    let stdout = text(&out.stdout);
    let failing: Vec<&str> = stdout.lines().filter(|l| l.contains("FAIL")).collect();
    assert_eq!(failing.len(), 1, "{stdout}");
    assert!(failing[0].contains("garbage-token"), "{stdout}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_unreachable_url_exits_2() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = run(&["probe", &format!("http://127.0.0.1:{port}/orders")], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("cannot be reached"),
        "{}",
        text(&out.stderr)
    );
    let out = run(
        &["probe", "--header", "no colon", "http://127.0.0.1:1/"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
}
