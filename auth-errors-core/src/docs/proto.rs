//! The catalog's reasons as a `.proto` enum, for gRPC clients in other languages: the
//! `google/api/error_reason.proto` pattern (one enum value per `ErrorInfo.reason`, each
//! documented with its status, gRPC code and metadata keys).

use std::fmt::Write as _;

use crate::ErrorSpec;
use crate::grpc::metadata_keys;

/// The `.proto` file of the reasons of `specs`, whose `ErrorInfo.domain` is `domain`.
///
/// The package is the domain's labels reversed (`orders.example.com` →
/// `com.example.orders`), each made a proto identifier; the enum is `ErrorReason`, its
/// zero value `ERROR_REASON_UNSPECIFIED` (proto3 wants one), then one value per code in
/// catalog order. A concealed entry's code is left out: a client never sees it.
///
/// ```
/// use auth_errors_core::{catalog, docs};
///
/// let text = "version: 1\ndefaults:\n  realm: api\nerrors:\n  TOKEN_EXPIRED:\n    status: 401\n    message: Expired\n    challenge:\n      error: invalid_token\n";
/// let specs = catalog::load(text, "errors.yaml")?.to_specs();
/// let proto = docs::proto(&specs, "orders.example.com");
/// assert!(proto.contains("package com.example.orders;"));
/// assert!(proto.contains("  // Metadata keys: error.\n  TOKEN_EXPIRED = 1;"));
/// # Ok::<(), catalog::Diagnostics>(())
/// ```
pub fn proto(specs: &[ErrorSpec], domain: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// The error reasons of the API: the `reason` of a google.rpc.ErrorInfo whose\n\
         // `domain` is \"{}\" (AIP-193). Written by `auth-errors docs --format proto`.\n\
         syntax = \"proto3\";\n\n\
         package {};\n\n\
         // One value per error code of the catalog, in its order.\n\
         enum ErrorReason {{\n  \
         // Not an error reason: proto3's default value.\n  \
         ERROR_REASON_UNSPECIFIED = 0;",
        comment(domain),
        package(domain)
    );
    let mut number = 0;
    for spec in specs.iter().filter(|s| !s.is_concealed()) {
        number += 1;
        let code = spec.grpc().map_or("UNKNOWN", crate::spec::GrpcCode::name);
        let _ = write!(
            out,
            "\n  // {}\n  //\n  // HTTP {}, gRPC {code}.",
            comment(spec.public_message()),
            spec.status()
        );
        let keys = metadata_keys(spec);
        if !keys.is_empty() {
            let _ = write!(out, "\n  // Metadata keys: {}.", keys.join(", "));
        }
        let _ = writeln!(out, "\n  {} = {number};", spec.code());
    }
    out.push_str("}\n");
    out
}

/// A proto package name from a domain: its labels reversed, each label's characters
/// outside `[A-Za-z0-9_]` made `_`, and a label that starts with a digit prefixed by `_`.
fn package(domain: &str) -> String {
    let labels: Vec<String> = domain
        .rsplit('.')
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut label: String = l
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect();
            if label.starts_with(|c: char| c.is_ascii_digit()) {
                label.insert(0, '_');
            }
            label
        })
        .collect();
    if labels.is_empty() {
        "errors".to_owned()
    } else {
        labels.join(".")
    }
}

/// Text for one `//` comment line: no line breaks.
fn comment(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
