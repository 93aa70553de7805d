//! The whole status → gRPC code table, typed here from the `HTTP Mapping:` lines of
//! `google/rpc/code.proto`, against the library's one table.

use auth_errors::GrpcCode;
use auth_errors::GrpcCode::*;
use auth_errors::spec::Vocabulary;

/// code.proto, code by code: name, number, `HTTP Mapping`.
const CODE_PROTO: &[(&str, i32, u16)] = &[
    ("OK", 0, 200),
    ("CANCELLED", 1, 499),
    ("UNKNOWN", 2, 500),
    ("INVALID_ARGUMENT", 3, 400),
    ("DEADLINE_EXCEEDED", 4, 504),
    ("NOT_FOUND", 5, 404),
    ("ALREADY_EXISTS", 6, 409),
    ("PERMISSION_DENIED", 7, 403),
    ("RESOURCE_EXHAUSTED", 8, 429),
    ("FAILED_PRECONDITION", 9, 400),
    ("ABORTED", 10, 409),
    ("OUT_OF_RANGE", 11, 400),
    ("UNIMPLEMENTED", 12, 501),
    ("INTERNAL", 13, 500),
    ("UNAVAILABLE", 14, 503),
    ("DATA_LOSS", 15, 500),
    ("UNAUTHENTICATED", 16, 401),
];

/// What each error status derives, and which codes fit it (the derived one first).
/// 400 and 500 derive their general code; 409 is ambiguous; the rest of 400–599 maps to
/// nothing in code.proto and derives nothing.
fn expected(status: u16) -> (Option<GrpcCode>, Vec<GrpcCode>) {
    match status {
        400 => (
            Some(InvalidArgument),
            vec![InvalidArgument, FailedPrecondition, OutOfRange],
        ),
        401 => (Some(Unauthenticated), vec![Unauthenticated]),
        403 => (Some(PermissionDenied), vec![PermissionDenied]),
        404 => (Some(NotFound), vec![NotFound]),
        409 => (None, vec![AlreadyExists, Aborted]),
        429 => (Some(ResourceExhausted), vec![ResourceExhausted]),
        499 => (Some(Cancelled), vec![Cancelled]),
        500 => (Some(Internal), vec![Unknown, Internal, DataLoss]),
        501 => (Some(Unimplemented), vec![Unimplemented]),
        503 => (Some(Unavailable), vec![Unavailable]),
        504 => (Some(DeadlineExceeded), vec![DeadlineExceeded]),
        _ => (None, Vec::new()),
    }
}

#[test]
fn every_error_status_derives_what_code_proto_says() {
    for status in 400..=599 {
        let (derived, fits) = expected(status);
        assert_eq!(GrpcCode::derive(status), derived, "status {status}");
        let mut mapped: Vec<GrpcCode> = GrpcCode::for_status(status).collect();
        let mut want = fits.clone();
        mapped.sort_by_key(|c| c.number());
        want.sort_by_key(|c| c.number());
        assert_eq!(mapped, want, "status {status}");
        for code in GrpcCode::ALL {
            let fits_status = if fits.is_empty() {
                *code != Ok
            } else {
                fits.contains(code)
            };
            assert_eq!(code.fits(status), fits_status, "{code} on {status}");
        }
    }
}

#[test]
fn names_numbers_and_mappings_are_code_proto_s() {
    let ours: Vec<(&str, i32, u16)> = GrpcCode::ALL
        .iter()
        .map(|c| (c.name(), c.number(), c.http_status()))
        .collect();
    assert_eq!(ours, CODE_PROTO);
    for (value, name, _) in GrpcCode::TABLE {
        assert_eq!(name.parse::<GrpcCode>().ok(), Some(*value));
    }
}

#[test]
fn numbers_are_tonic_s() {
    use tonic::Code as T;
    let tonic = [
        (Ok, T::Ok),
        (Cancelled, T::Cancelled),
        (Unknown, T::Unknown),
        (InvalidArgument, T::InvalidArgument),
        (DeadlineExceeded, T::DeadlineExceeded),
        (NotFound, T::NotFound),
        (AlreadyExists, T::AlreadyExists),
        (PermissionDenied, T::PermissionDenied),
        (ResourceExhausted, T::ResourceExhausted),
        (FailedPrecondition, T::FailedPrecondition),
        (Aborted, T::Aborted),
        (OutOfRange, T::OutOfRange),
        (Unimplemented, T::Unimplemented),
        (Internal, T::Internal),
        (Unavailable, T::Unavailable),
        (DataLoss, T::DataLoss),
        (Unauthenticated, T::Unauthenticated),
    ];
    for (ours, theirs) in tonic {
        assert_eq!(T::from_i32(ours.number()), theirs, "{ours}");
    }
}

#[test]
fn the_schema_lists_every_error_code() {
    let text = std::fs::read_to_string(
        auth_errors_tests::workspace_root().join("schema/catalog.schema.json"),
    )
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let listed = &schema["$defs"]["entry"]["properties"]["grpc"]["enum"];
    let want: Vec<&str> = CODE_PROTO
        .iter()
        .map(|(n, _, _)| *n)
        .filter(|n| *n != "OK")
        .collect();
    assert_eq!(listed, &serde_json::json!(want));
}
