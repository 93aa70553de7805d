//! The `auth-errors` binary, run as a user runs it; `diff` has its own module.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod diff;
mod grpc;
mod locales;
mod probe;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_auth-errors"))
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn auth-errors");
    {
        let mut input = child.stdin.take().expect("stdin");
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).expect("write stdin");
        }
    }
    child.wait_with_output().expect("wait")
}

/// `check --strict FILE` fails with `warning` (the plain check's first line) as an error.
fn strict_makes_it_an_error(file: &str, warning: &str) {
    let out = run(&["check", "--strict", file], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with(&warning.replace(": warning[", ": error[")),
        "{}",
        text(&out.stderr)
    );
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn standard_catalog() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../auth-errors-core/std/auth-errors.yaml")
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("auth-errors-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn check_accepts_the_standard_catalog() {
    let out = run(&["check", standard_catalog().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("ok (12 entries)"));
}

#[test]
fn check_reports_every_mistake_with_file_line_column() {
    let path = temp_file(
        "bad.yaml",
        "version: 1\nerrors:\n  TOKEN_EXPIRED:\n    status: 401\n    message: Expired\n    challenge:\n      error: invalid_token\n      error_description: say \"hi\"\n  forbidden:\n    status: 403\n    message: No\n",
    );
    let shown = path.display().to_string();
    let out = run(&["check", &shown], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{shown}:8:26: error[description-charset]: TOKEN_EXPIRED: error_description may not contain '\"' (RFC 6750 §3)"
            ),
            format!(
                "{shown}:9:3: error[code-case]: forbidden: a code must be SCREAMING_SNAKE_CASE (upper-case letters, digits and single underscores, starting with a letter)"
            ),
        ]
    );
}

#[test]
fn check_prints_warnings_and_fails_on_them_only_when_strict() {
    let path = temp_file(
        "limits.yaml",
        "version: 1\nerrors:\n  SLOW_DOWN:\n    status: 429\n    message: Slow down\n",
    );
    let shown = path.display().to_string();
    let warning = format!(
        "{shown}:3:3: warning[retry-after-missing]: SLOW_DOWN: a 429 response should say when to retry"
    );
    let out = run(&["check", &shown], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).starts_with(&warning),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("ok (1 entry)"));
    strict_makes_it_an_error(&shown, &warning);
}

#[test]
fn check_reports_a_missing_file_without_panicking() {
    let out = run(&["check", "/nonexistent/errors.yaml"], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("/nonexistent/errors.yaml: error[io]: cannot read the catalog"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn check_goes_through_every_file() {
    let bad = temp_file("empty.yaml", "version: 1\nerrors: {}\n");
    let out = run(
        &[
            "check",
            standard_catalog().to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("ok (12 entries)"));
    assert!(
        text(&out.stderr)
            .contains("empty.yaml:2:1: error[empty-catalog]: the catalog has no entries")
    );
}

#[test]
fn explain_json_prints_the_parsed_challenges() {
    let out = run(
        &[
            "explain",
            "--json",
            r#"Bearer realm="api", ERROR="invalid_token", error_description="a \"quoted\" word""#,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "scheme": "Bearer",
            "params": {"realm": "api", "error": "invalid_token", "error_description": "a \"quoted\" word"},
            "token68": null
        }])
    );
    // Key order is as received.
    assert!(
        text(&out.stdout)
            .starts_with(r#"[{"scheme":"Bearer","params":{"realm":"api","error":"invalid_token""#)
    );
}

#[test]
fn explain_json_keeps_the_scheme_as_sent_and_token68() {
    let out = run(
        &["explain", "--json", "negotiate abc==, Basic realm=x"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {"scheme": "negotiate", "params": {}, "token68": "abc=="},
            {"scheme": "Basic", "params": {"realm": "x"}, "token68": null}
        ])
    );
}

#[test]
fn explain_json_fails_on_a_malformed_value() {
    let out = run(
        &["explain", "--json", r#"Bearer realm="api" error="x""#],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("byte 19"), "{stderr}");
}

#[test]
fn explain_reads_a_response_head_with_several_header_lines() {
    let head = "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nWWW-Authenticate: Bearer realm=\"api\",\r\nwww-authenticate: error=\"invalid_token\"\r\nWWW-Authenticate: Basic realm=\"x\"\r\n\r\n{\"code\":\"TOKEN_EXPIRED\"}";
    let out = run(&["explain", "--response", "--json"], Some(head));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["params"]["error"], "invalid_token");
    assert_eq!(json[1]["scheme"], "Basic");

    let out = run(&["explain", "--response"], Some(head));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Status: 401"), "{stdout}");
    assert!(stdout.contains("refresh the access token"), "{stdout}");
}

#[test]
fn explain_says_what_to_do() {
    for (value, advice) in [
        (
            r#"Bearer realm="api", error="insufficient_scope", scope="orders:write""#,
            "ask for the scope 'orders:write'",
        ),
        (r#"Bearer realm="api""#, "authenticate: send credentials"),
        (r#"Bearer error="invalid_request""#, "fix the request"),
        (
            r#"Bearer error="insufficient_user_authentication", max_age="5""#,
            "max_age 5 seconds",
        ),
    ] {
        let out = run(&["explain", value], None);
        assert_eq!(out.status.code(), Some(0));
        assert!(
            text(&out.stdout).contains(advice),
            "{value}: {}",
            text(&out.stdout)
        );
    }
    // From stdin when no value is given.
    let out = run(&["explain", "--json"], Some("Bearer realm=\"api\"\n"));
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("\"realm\":\"api\""));
}

#[test]
fn explain_rejects_a_response_without_a_status_line() {
    let out = run(
        &["explain", "--response"],
        Some("WWW-Authenticate: Bearer\r\n\r\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("status line"));
}
