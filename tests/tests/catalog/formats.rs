//! The formats of issue 17 in the model: several challenges in one entry, `conceal_as`,
//! `Retry-After` params, and warnings with a strict loader.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use auth_errors::catalog::{self, Loader, Severity};
use auth_errors::{AuthError, ErrorSpec, ParamType};
use auth_errors_tests::tests_path;

fn fixture() -> catalog::Catalog {
    let path = tests_path("fixtures/valid/dpop-conceal-retry.yaml");
    Loader::new()
        .read_files()
        .load_file(&path)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn several_challenges_load_in_order_and_render_as_one_value() {
    let cat = fixture();
    let entry = cat.get("TOKEN_MISSING").unwrap();
    let schemes: Vec<&str> = entry
        .challenges()
        .iter()
        .map(|c| c.scheme(cat.defaults()).as_str())
        .collect();
    assert_eq!(schemes, ["Bearer", "DPoP"]);
    let specs = cat.to_specs();
    let spec = specs.iter().find(|s| s.code() == "TOKEN_MISSING").unwrap();
    // RFC 9110 §11.6.1: challenges in one field value, separated by commas.
    assert_eq!(
        Fixed(spec).challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", DPoP realm="api", algs="ES256 PS256""#)
    );
}

#[test]
fn a_concealed_entry_keeps_its_code_and_answers_with_its_target() {
    let cat = fixture();
    let entry = cat.get("REPO_FORBIDDEN").unwrap();
    assert_eq!(entry.conceal_as().map(|c| c.as_str()), Some("NOT_FOUND"));
    let specs = cat.to_specs();
    let concealed = specs.iter().find(|s| s.code() == "REPO_FORBIDDEN").unwrap();
    let real = specs.iter().find(|s| s.code() == "NOT_FOUND").unwrap();
    assert_eq!(concealed.status(), 403);
    assert_eq!(
        concealed.concealed_as().map(ErrorSpec::code),
        Some("NOT_FOUND")
    );
    assert_eq!(concealed.public().status(), 404);
    let (c, r) = (Fixed(concealed), Fixed(real));
    assert_eq!(c.code(), "REPO_FORBIDDEN");
    assert_eq!(c.status(), 404);
    assert_eq!(c.body(), r.body());
    assert_eq!(c.body(), r#"{"code":"NOT_FOUND","message":"Not found"}"#);
    assert_eq!(
        auth_errors::response::plan(&c),
        auth_errors::response::plan(&r)
    );
    assert!(!real.is_concealed());
}

#[test]
fn retry_after_params_are_typed() {
    let cat = fixture();
    let ty = |code: &str| cat.get(code).unwrap().params()[0].ty().get();
    assert_eq!(ty("RATE_LIMITED"), ParamType::Seconds);
    assert_eq!(ty("MAINTENANCE"), ParamType::HttpDate);
    assert!(cat.warnings().is_empty(), "{:?}", cat.warnings());
}

#[test]
fn a_429_without_retry_after_is_a_warning_unless_strict() {
    let text = "version: 1\nerrors:\n  SLOW_DOWN:\n    status: 429\n    message: Slow down\n  GONE:\n    status: 410\n    grpc: NOT_FOUND\n    message: Gone\n";
    let cat = catalog::load(text, "errors.yaml").unwrap();
    let warnings: Vec<String> = cat.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(
            "errors.yaml:3:3: warning[retry-after-missing]: SLOW_DOWN: a 429 response should say when to retry"
        ),
        "{}",
        warnings[0]
    );
    assert_eq!(cat.warnings()[0].severity(), Severity::Warning);
    assert_eq!(cat.warnings()[0].rule().id(), "retry-after-missing");
    let strict = Loader::new()
        .strict(true)
        .load(text, "errors.yaml")
        .unwrap_err();
    assert_eq!(strict.len(), 1);
    assert_eq!(strict.as_slice()[0].severity(), Severity::Error);
    assert!(
        strict
            .to_string()
            .contains(": error[retry-after-missing]: SLOW_DOWN:")
    );
    // A partial load keeps warnings off its mistakes.
    let (partial, found) = Loader::new().load_partial(text, "errors.yaml");
    assert!(found.is_empty());
    assert_eq!(partial.map(|c| c.warnings().len()), Some(1));
}

/// A spec as an error value with no params.
#[derive(Debug)]
struct Fixed<'a>(&'a ErrorSpec);

impl std::fmt::Display for Fixed<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.code())
    }
}

impl std::error::Error for Fixed<'_> {}

impl AuthError for Fixed<'_> {
    fn spec(&self) -> &'static ErrorSpec {
        Box::leak(Box::new(*self.0))
    }
}
