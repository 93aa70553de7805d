//! Issue 12: which entries get an alert rule, with which settings, and the rules file
//! `docs::prometheus_rules` writes (`promtool` runs on it in `tests/alerts/check.sh`).
#![allow(clippy::unwrap_used)]

use auth_errors::catalog::{AlertKind, Catalog, Loader, STD};
use auth_errors::docs::{self, RuleOptions};
use auth_errors_tests::{tests_path, workspace_root};

fn load(path: &std::path::Path) -> Catalog {
    Loader::new().read_files().load_file(path).unwrap()
}

/// Each entry with a rule: code, kind, share, window, `for`, severity.
fn rules(cat: &Catalog) -> Vec<(String, AlertKind, String, String, String, String)> {
    cat.entries()
        .iter()
        .filter_map(|e| {
            let r = e.alert_rule()?;
            Some((
                e.code().as_str().to_owned(),
                r.kind,
                r.above,
                r.window,
                r.for_,
                r.severity,
            ))
        })
        .collect()
}

fn rule(
    code: &str,
    kind: AlertKind,
    above: &str,
    window: &str,
    for_: &str,
    severity: &str,
) -> (String, AlertKind, String, String, String, String) {
    (
        code.into(),
        kind,
        above.into(),
        window.into(),
        for_.into(),
        severity.into(),
    )
}

/// The standard catalog: the `invalid_token` 401s and the 403, each with its kind's
/// defaults but `TOKEN_EXPIRED` (churn: 25 %), and the two 5xx; no rule for a missing
/// token, a 400, a step-up or a DPoP answer.
#[test]
fn the_standard_catalog_alerts_on_invalid_tokens_and_403s() {
    let cat = auth_errors::catalog::load(auth_errors::catalog::STANDARD_CATALOG, STD).unwrap();
    assert_eq!(
        rules(&cat),
        vec![
            rule(
                "TOKEN_EXPIRED",
                AlertKind::Auth,
                "0.25",
                "5m",
                "10m",
                "warning"
            ),
            rule(
                "TOKEN_INVALID",
                AlertKind::Auth,
                "0.05",
                "5m",
                "10m",
                "warning"
            ),
            rule(
                "TOKEN_REVOKED",
                AlertKind::Auth,
                "0.05",
                "5m",
                "10m",
                "warning"
            ),
            rule(
                "INSUFFICIENT_SCOPE",
                AlertKind::Policy,
                "0.05",
                "5m",
                "10m",
                "warning"
            ),
            // Issue 11's 5xx entries get the server defaults.
            rule(
                "AUTH_UNAVAILABLE",
                AlertKind::Server,
                "0.01",
                "5m",
                "5m",
                "critical"
            ),
            rule(
                "AUTH_SERVER_ERROR",
                AlertKind::Server,
                "0.01",
                "5m",
                "5m",
                "critical"
            ),
        ]
    );
}

/// Every form of `alert:`: `true` turns a client entry on, `false` turns a default off,
/// a mapping overrides; a 5xx gets the server defaults.
#[test]
fn alert_blocks_override_the_defaults() {
    let cat = load(&tests_path("fixtures/valid/alerts.yaml"));
    assert_eq!(
        rules(&cat),
        vec![
            rule(
                "TOKEN_MISSING",
                AlertKind::Client,
                "0.05",
                "5m",
                "10m",
                "warning"
            ),
            rule(
                "TOKEN_INVALID",
                AlertKind::Auth,
                "0.02",
                "10m",
                "1h30m",
                "page"
            ),
            rule(
                "AUTH_UNAVAILABLE",
                AlertKind::Server,
                "0.01",
                "5m",
                "5m",
                "critical"
            ),
        ]
    );
    let demo = load(&workspace_root().join("demo/errors.yaml"));
    assert_eq!(
        rules(&demo),
        vec![rule(
            "SERVICE_BUSY",
            AlertKind::Server,
            "0.01",
            "5m",
            "5m",
            "critical"
        )]
    );
}

/// The rules file: one group, the rule names, the expression over the counter and the
/// request counter given, and the runbook at the entry's anchor of the Markdown docs.
#[test]
fn the_rules_file_names_each_rule_and_links_its_runbook() {
    let cat = load(&tests_path("fixtures/valid/alerts.yaml"));
    let options = RuleOptions::new()
        .with_docs_url("https://docs.example.com/errors.html")
        .with_requests("axum_http_requests_total");
    let text = docs::prometheus_rules(&cat, &options);
    let names: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- alert: "))
        .collect();
    assert_eq!(
        names,
        [
            "AuthErrorsTokenMissing",
            "AuthErrorsTokenInvalid",
            "AuthErrorsAuthUnavailable"
        ]
    );
    assert!(text.contains(
        "          sum(rate(auth_errors_responses_total{code=\"TOKEN_INVALID\"}[10m]))\n            / sum(rate(axum_http_requests_total[10m])) > 0.02\n        for: 1h30m\n"
    ));
    assert!(
        text.contains("runbook_url: \"https://docs.example.com/errors.html#auth_unavailable\"")
    );
    // The anchor is the Markdown reference's own.
    let markdown = docs::markdown(&cat.to_specs());
    assert!(markdown.contains("(#auth_unavailable)"));
    // A catalog without a rule still writes a valid file.
    let quiet = auth_errors::catalog::load(
        "version: 1\nerrors:\n  BAD:\n    status: 400\n    message: Bad\n",
        "quiet.yaml",
    )
    .unwrap();
    assert!(docs::prometheus_rules(&quiet, &RuleOptions::new()).ends_with("    rules: []\n"));
}
