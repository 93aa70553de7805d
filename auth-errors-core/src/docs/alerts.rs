//! Prometheus alerting rules from a catalog: one rule per entry whose series should page
//! someone when it rises, relative to all requests.
//!
//! What an entry gets is its [`Entry::alert_rule`]: its `alert:` block over the
//! defaults of its [`AlertKind`](crate::catalog::AlertKind) (a 401 `invalid_token`: the auth system; a 403: a
//! policy change; a 5xx: the server; other 4xx: none unless asked). Each rule compares
//! the rate of the entry's series of [`METRIC`] with the rate of every request (the
//! application's request counter, [`RuleOptions::requests`]), and links its runbook to
//! the entry's section of the Markdown reference ([`markdown`](fn@super::markdown)).
//!
//! ```
//! use auth_errors_core::{catalog, docs};
//!
//! let text = "version: 1\ndefaults:\n  realm: api\nerrors:\n  TOKEN_INVALID:\n    status: 401\n    message: Invalid token\n    challenge:\n      error: invalid_token\n";
//! let cat = catalog::load(text, "errors.yaml")?;
//! let options = docs::RuleOptions::new().with_docs_url("https://docs.example.com/errors.html");
//! let rules = docs::prometheus_rules(&cat, &options);
//! assert!(rules.contains("- alert: AuthErrorsTokenInvalid\n"));
//! assert!(rules.contains(r#"sum(rate(auth_errors_responses_total{code="TOKEN_INVALID"}[5m]))"#));
//! assert!(rules.contains(r#"runbook_url: "https://docs.example.com/errors.html#token_invalid""#));
//! # Ok::<(), catalog::Diagnostics>(())
//! ```

use std::fmt::Write;

use crate::catalog::{AlertRule, Catalog, Entry};
use crate::monitor::{Class, METRIC};
use crate::render::json;

use super::markdown::anchor;

/// What the rules need to know beyond the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOptions {
    docs_url: Option<String>,
    requests: String,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions::new()
    }
}

impl RuleOptions {
    /// No documentation URL (each runbook is the entry's anchor alone, `#token_invalid`),
    /// and `http_requests_total` as the counter of all requests.
    pub fn new() -> Self {
        RuleOptions {
            docs_url: None,
            requests: "http_requests_total".to_owned(),
        }
    }

    /// Where the Markdown reference is published: each `runbook_url` is this URL and
    /// the entry's anchor.
    pub fn with_docs_url(mut self, url: impl Into<String>) -> Self {
        self.docs_url = Some(url.into());
        self
    }

    /// The application's counter of every request it answers (a Prometheus metric
    /// name or selector, such as `axum_http_requests_total` or
    /// `http_requests_total{job="api"}`), the denominator of each rule.
    pub fn with_requests(mut self, metric: impl Into<String>) -> Self {
        self.requests = metric.into();
        self
    }

    /// The counter of all requests.
    pub fn requests(&self) -> &str {
        &self.requests
    }
}

/// The name of an entry's rule: `AuthErrors` and the code in UpperCamelCase
/// (`AuthErrorsTokenInvalid`).
pub fn rule_name(code: &str) -> String {
    format!(
        "AuthErrors{}",
        heck::ToUpperCamelCase::to_upper_camel_case(code)
    )
}

/// A Prometheus rules file (`promtool check rules` accepts it) with one group,
/// `auth-errors`, and one rule per entry that has one, in catalog order.
pub fn prometheus_rules(catalog: &Catalog, options: &RuleOptions) -> String {
    let mut out = format!(
        "# Alerting rules for the error catalog {}, written by `auth-errors alerts`; do not edit.\n\
         # Each rule compares one catalog code's rate of {METRIC} with the rate of all\n\
         # requests ({}).\ngroups:\n  - name: auth-errors\n    rules:\n",
        catalog.file(),
        options.requests
    );
    let mut any = false;
    for entry in catalog.entries() {
        if let Some(rule) = entry.alert_rule() {
            any = true;
            write_rule(&mut out, entry, &rule, options);
        }
    }
    if !any {
        // A group must list its rules; an empty list is still a valid file.
        out.truncate(out.len() - "\n    rules:\n".len());
        out.push_str("\n    rules: []\n");
    }
    out
}

fn write_rule(out: &mut String, entry: &Entry, rule: &AlertRule, options: &RuleOptions) {
    let code = entry.code().as_str();
    let status = entry.status().get();
    let window = &rule.window;
    let requests = &options.requests;
    let share = rule
        .above
        .parse::<f64>()
        // As a percentage, without the float noise of 0.05 × 100.
        .map_or_else(
            |_| rule.above.clone(),
            |v| format!("{}", (v * 100.0 * 1e6).round() / 1e6),
        );
    let what = entry.title().map_or(code, |t| t.as_str());
    let summary =
        format!("{what}: more than {share} % of requests answered {code} ({status}) over {window}");
    let description = format!(
        "{code} responses rose above {share} % of all requests: {}.",
        rule.kind.meaning()
    );
    let runbook = format!(
        "{}#{}",
        options.docs_url.as_deref().unwrap_or(""),
        anchor(code)
    );
    let _ = write!(
        out,
        "      - alert: {name}\n        expr: |-\n          sum(rate({METRIC}{{code=\"{code}\"}}[{window}]))\n            / sum(rate({requests}[{window}])) > {above}\n        for: {for_}\n        labels:\n          severity: {severity}\n          kind: {kind}\n          class: {class}\n          code: {code}\n        annotations:\n",
        name = rule_name(code),
        above = rule.above,
        for_ = rule.for_,
        severity = rule.severity,
        kind = rule.kind.name(),
        class = Class::of(status).name(),
    );
    for (key, value) in [
        ("summary", summary),
        ("description", description),
        ("runbook_url", runbook),
    ] {
        let _ = write!(out, "          {key}: ");
        json::string(out, &value);
        out.push('\n');
    }
}
