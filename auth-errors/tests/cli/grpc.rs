//! The gRPC rules (issue 16) through `check`, and `docs --format proto`.

use super::{run, strict_makes_it_an_error, temp_file, text};

#[test]
fn check_rejects_a_grpc_code_that_contradicts_the_status() {
    let path = temp_file(
        "grpc-status.yaml",
        "version: 1\ndefaults:\n  realm: api\nerrors:\n  TOKEN_EXPIRED:\n    status: 401\n    grpc: PERMISSION_DENIED\n    message: Expired\n    challenge:\n      error: invalid_token\n",
    );
    let shown = path.display().to_string();
    let out = run(&["check", &shown], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).trim_end(),
        format!(
            "{shown}:7:11: error[grpc-status]: TOKEN_EXPIRED: grpc PERMISSION_DENIED belongs on status 403, not 401 (google/rpc/code.proto HTTP Mapping); status 401 is UNAUTHENTICATED"
        )
    );
}

#[test]
fn check_warns_on_a_409_without_a_choice_and_fails_when_strict() {
    let path = temp_file(
        "grpc-choice.yaml",
        "version: 1\nerrors:\n  ORDER_EXISTS:\n    status: 409\n    message: Exists\n",
    );
    let shown = path.display().to_string();
    let warning = format!(
        "{shown}:4:13: warning[grpc-choice]: ORDER_EXISTS: status 409 maps to ALREADY_EXISTS or ABORTED in google/rpc/code.proto, neither more general: choose one with 'grpc:' to answer over gRPC"
    );
    let out = run(&["check", &shown], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).starts_with(&warning),
        "{}",
        text(&out.stderr)
    );
    strict_makes_it_an_error(&shown, &warning);
}

#[test]
fn docs_proto_needs_a_domain_and_writes_the_reasons() {
    let without = temp_file(
        "no-domain.yaml",
        "version: 1\nerrors:\n  ORDER_GONE:\n    status: 404\n    message: No such order\n",
    );
    let out = run(
        &["docs", without.to_str().unwrap(), "--format", "proto"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("set 'domain' under 'defaults:'"));

    let with = temp_file(
        "domain.yaml",
        "version: 1\ndefaults:\n  domain: orders.example.com\nerrors:\n  ORDER_GONE:\n    status: 404\n    message: No such order\n",
    );
    let out = run(&["docs", with.to_str().unwrap(), "--format", "proto"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let proto = text(&out.stdout);
    assert!(proto.contains("package com.example.orders;"), "{proto}");
    assert!(
        proto.contains("  // HTTP 404, gRPC NOT_FOUND.\n  ORDER_GONE = 1;"),
        "{proto}"
    );
}
