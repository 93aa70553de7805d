//! `catalog::diff`: every kind of change, breaking or not, and the Markdown and JSON
//! outputs against snapshots. Run with `UPDATE_SNAPSHOTS=1` to rewrite the snapshots
//! after an intended change, then review them.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use auth_errors::catalog::{self, Catalog, Diff};
use auth_errors_tests::{snapshot, tests_path};

fn load(text: &str, name: &str) -> Catalog {
    catalog::load(text, name).unwrap_or_else(|e| panic!("{name}:\n{e}"))
}

/// A catalog of the given `errors:` body (and top-level lines before it).
fn cat(top: &str, errors: &str) -> String {
    format!("version: 1\n{top}errors:\n{errors}")
}

fn diff(old: &str, new: &str) -> Diff {
    catalog::diff(&load(old, "old.yaml"), &load(new, "new.yaml"))
}

/// Each change as `(kind, breaking, code, summary)`.
fn summary(d: &Diff) -> Vec<(String, bool, String, String)> {
    d.changes()
        .iter()
        .map(|c| {
            (
                c.kind().id().to_owned(),
                c.is_breaking(),
                c.code().unwrap_or_default().to_owned(),
                c.summary().to_owned(),
            )
        })
        .collect()
}

fn one(kind: &str, breaking: bool, code: &str, text: &str) -> Vec<(String, bool, String, String)> {
    vec![(kind.to_owned(), breaking, code.to_owned(), text.to_owned())]
}

const FORBIDDEN: &str = "  NO_ACCESS:\n    status: 403\n    message: No access\n    challenge:\n      error: insufficient_scope\n";
const BAD: &str = "  BAD_INPUT:\n    status: 400\n    message: Bad input\n";

#[test]
fn an_unchanged_catalog_has_no_changes() {
    let text = cat("", FORBIDDEN);
    let d = diff(&text, &text);
    assert!(d.changes().is_empty());
    assert!(!d.is_breaking());
    assert_eq!(d.to_markdown(), "## Error catalog changes\n\nNo changes.\n");
    assert_eq!(d.to_string(), "");
}

#[test]
fn a_removed_code_is_breaking_and_asks_to_be_retired() {
    let d = diff(&cat("", &format!("{FORBIDDEN}{BAD}")), &cat("", FORBIDDEN));
    assert!(d.is_breaking());
    assert_eq!(
        summary(&d),
        one(
            "removed",
            true,
            "BAD_INPUT",
            "removed (status 400); it is not listed under 'retired:', so a later catalog could reuse it: add it there"
        )
    );
    assert_eq!(
        d.to_string(),
        "old.yaml:8:3: breaking: BAD_INPUT: removed (status 400); it is not listed under 'retired:', so a later catalog could reuse it: add it there"
    );
}

#[test]
fn a_deprecated_and_retired_code_removed_is_still_breaking() {
    let deprecated = format!("{BAD}    deprecated: Use NO_ACCESS\n");
    let d = diff(
        &cat("", &format!("{FORBIDDEN}{deprecated}")),
        &cat("retired: [BAD_INPUT]\n", FORBIDDEN),
    );
    assert_eq!(
        summary(&d),
        one(
            "removed",
            true,
            "BAD_INPUT",
            "removed (status 400) after its deprecation ('Use NO_ACCESS'); it is retired, so it can never be reused"
        )
    );
}

#[test]
fn a_changed_status_is_breaking() {
    let d = diff(
        &cat("", BAD),
        &cat("", &BAD.replace("status: 400", "status: 422")),
    );
    assert_eq!(
        summary(&d),
        one(
            "status",
            true,
            "BAD_INPUT",
            "status changed from 400 to 422"
        )
    );
    let c = &d.changes()[0];
    assert_eq!((c.from(), c.to()), (Some("400"), Some("422")));
    assert_eq!(c.new_site().unwrap().to_string(), "new.yaml:4:13");
}

#[test]
fn a_changed_added_or_removed_challenge_error_is_breaking() {
    let expired = "  TOKEN_BAD:\n    status: 401\n    message: Bad token\n    challenge:\n      error: invalid_token\n";
    let step_up = expired.replace("invalid_token", "insufficient_user_authentication");
    assert_eq!(
        summary(&diff(&cat("", expired), &cat("", &step_up))),
        one(
            "challenge-error",
            true,
            "TOKEN_BAD",
            "challenge error changed from 'invalid_token' to 'insufficient_user_authentication'"
        )
    );
    // A Bearer challenge needs an auth-param (RFC 6750 §3): the realm, from the defaults.
    let realm = "defaults:\n  realm: api\n";
    let bare = "  TOKEN_BAD:\n    status: 401\n    message: Bad token\n    challenge: {}\n";
    assert_eq!(
        summary(&diff(&cat(realm, bare), &cat(realm, expired))),
        one(
            "challenge-error",
            true,
            "TOKEN_BAD",
            "challenge error 'invalid_token' added"
        )
    );
    assert_eq!(
        summary(&diff(&cat(realm, expired), &cat(realm, bare))),
        one(
            "challenge-error",
            true,
            "TOKEN_BAD",
            "challenge error 'invalid_token' removed"
        )
    );
}

#[test]
fn a_changed_scheme_is_breaking_whatever_its_case() {
    // A Bearer challenge needs an auth-param (RFC 6750 §3): the realm, from the defaults.
    let realm = "defaults:\n  realm: api\n";
    let bearer = "  PROOF:\n    status: 401\n    message: Proof needed\n    challenge: {}\n";
    let dpop = "  PROOF:\n    status: 401\n    message: Proof needed\n    challenge:\n      scheme: DPoP\n";
    assert_eq!(
        summary(&diff(&cat(realm, bearer), &cat(realm, dpop))),
        one(
            "scheme",
            true,
            "PROOF",
            "challenge scheme changed from Bearer to DPoP"
        )
    );
    // Through the defaults too: the effective scheme is compared.
    assert_eq!(
        summary(&diff(
            &cat(realm, bearer),
            &cat("defaults:\n  realm: api\n  scheme: DPoP\n", bearer)
        ))[0]
            .0,
        "scheme"
    );
    // Auth-schemes are case-insensitive (RFC 9110 §11.1).
    let lower = cat("defaults:\n  realm: api\n  scheme: bearer\n", bearer);
    assert!(diff(&cat(realm, bearer), &lower).changes().is_empty());
}

#[test]
fn params_removed_renamed_retyped_or_added() {
    let entry = |params: &str, message: &str| {
        format!("  SLOW:\n    status: 429\n    message: \"{message}\"\n    params:\n{params}")
    };
    let old = entry("      seconds: integer\n", "Wait {seconds}s");
    let message = |from: &str, to: &str| {
        (
            "message".to_owned(),
            false,
            "SLOW".to_owned(),
            format!("message changed from '{from}' to '{to}'"),
        )
    };
    let mut want = one(
        "param-renamed",
        true,
        "SLOW",
        "param 'seconds' renamed to 'wait'",
    );
    want.push(message("Wait {seconds}s", "Wait {wait}s"));
    assert_eq!(
        summary(&diff(
            &cat("", &old),
            &cat("", &entry("      wait: integer\n", "Wait {wait}s"))
        )),
        want
    );
    assert_eq!(
        summary(&diff(
            &cat("", &old),
            &cat("", &entry("      seconds: string\n", "Wait {seconds}s"))
        )),
        one(
            "param-type",
            true,
            "SLOW",
            "param 'seconds' changed type from integer to string"
        )
    );
    let two = entry(
        "      seconds: integer\n      zone: string\n",
        "Wait {seconds}s in {zone}",
    );
    let mut want = one("param-removed", true, "SLOW", "param 'zone' removed");
    want.push(message("Wait {seconds}s in {zone}", "Wait {seconds}s"));
    assert_eq!(summary(&diff(&cat("", &two), &cat("", &old))), want);
    let d = diff(&cat("", &old), &cat("", &two));
    let mut want = one(
        "param-added",
        false,
        "SLOW",
        "param 'zone' added (string); code that builds this error must now set it",
    );
    want.push(message("Wait {seconds}s", "Wait {seconds}s in {zone}"));
    assert_eq!(summary(&d), want);
    assert!(!d.is_breaking());
}

#[test]
fn a_body_format_change_is_breaking_and_names_no_code() {
    let d = diff(&cat("", BAD), &cat("defaults:\n  body: problem\n", BAD));
    assert_eq!(
        summary(&d),
        one(
            "body-format",
            true,
            "",
            "body format changed from json to problem: every error body changes"
        )
    );
    assert_eq!(
        d.to_string(),
        "new.yaml: breaking: body format changed from json to problem: every error body changes"
    );
}

#[test]
fn docs_url_breaks_problem_types_but_is_docs_for_json() {
    let url = |u: &str, body: &str| format!("defaults:\n  body: {body}\n  docs_url: {u}\n");
    let (a, b) = ("https://a.example/{code}", "https://b.example/{code}");
    assert_eq!(
        summary(&diff(
            &cat(&url(a, "problem"), BAD),
            &cat(&url(b, "problem"), BAD)
        )),
        one(
            "type-uri",
            true,
            "",
            "docs_url changed from 'https://a.example/{code}' to 'https://b.example/{code}': the problem type of every error changes"
        )
    );
    assert_eq!(
        summary(&diff(
            &cat(&url(a, "json"), BAD),
            &cat(&url(b, "json"), BAD)
        )),
        one(
            "docs",
            false,
            "",
            "docs_url changed from 'https://a.example/{code}' to 'https://b.example/{code}'"
        )
    );
}

#[test]
fn retired_lists_unretiring_is_breaking_retiring_is_not() {
    let d = diff(
        &cat("retired: [OLD_ONE]\n", BAD),
        &cat("retired: [NEW_ONE]\n", BAD),
    );
    assert_eq!(
        summary(&d),
        [
            (
                "unretired".to_owned(),
                true,
                "OLD_ONE".to_owned(),
                "no longer listed under 'retired:', so the code may be reused with another meaning"
                    .to_owned()
            ),
            (
                "retired".to_owned(),
                false,
                "NEW_ONE".to_owned(),
                "retired: the code may never be defined again".to_owned()
            ),
        ]
    );
}

#[test]
fn non_breaking_changes_of_an_entry() {
    let base = "  LOCKED:\n    status: 403\n    message: Locked\n";
    let cases: [(&str, &str, &str, &str); 7] = [
        (
            "  LOCKED:\n    status: 403\n    message: Account locked\n",
            "message",
            "message changed from 'Locked' to 'Account locked'",
            "new.yaml:5:14",
        ),
        (
            "  LOCKED:\n    status: 403\n    message: Locked\n    title: Locked out\n    docs: Ask support.\n    since: '2.0'\n",
            "docs",
            "documentation changed: title, docs, since",
            "new.yaml:3:3",
        ),
        (
            "  LOCKED:\n    status: 403\n    message: Locked\n    deprecated: Use SUSPENDED\n",
            "deprecated",
            "deprecated: 'Use SUSPENDED'",
            "new.yaml:6:17",
        ),
        (
            "  LOCKED:\n    status: 403\n    message: Locked\n    deprecated: true\n",
            "deprecated",
            "deprecated",
            "new.yaml:6:17",
        ),
        (
            "  LOCKED:\n    status: 403\n    message: Locked\n    headers:\n      Cache-Control: no-store\n",
            "headers",
            "extra headers changed: Cache-Control",
            "new.yaml:3:3",
        ),
        (
            "  LOCKED:\n    status: 403\n    message: Locked\n    client: retry\n",
            "client",
            "client action changed from forbidden to retry",
            "new.yaml:6:13",
        ),
        (
            "  LOCKED:\n    status: 403\n    message: Locked\n    challenge:\n      error: insufficient_scope\n",
            "challenge-error",
            "challenge error 'insufficient_scope' added",
            "new.yaml:7:14",
        ),
    ];
    for (new, kind, text, at) in cases {
        let d = diff(&cat("", base), &cat("", new));
        assert_eq!(d.changes().len(), 1, "{kind}: {d}");
        let c = &d.changes()[0];
        assert_eq!((c.kind().id(), c.summary()), (kind, text));
        assert_eq!(c.is_breaking(), kind == "challenge-error", "{kind}");
        assert_eq!(c.new_site().unwrap().to_string(), at, "{kind}");
    }
    // Un-deprecating, and hiding the message of a 5xx.
    let deprecated = "  LOCKED:\n    status: 403\n    message: Locked\n    deprecated: true\n";
    assert_eq!(
        summary(&diff(&cat("", deprecated), &cat("", base))),
        one("deprecated", false, "LOCKED", "no longer deprecated")
    );
    let down = "  DOWN:\n    status: 503\n    message: Down\n";
    let hidden = "  DOWN:\n    status: 503\n    message: Down\n    expose: false\n";
    assert_eq!(
        summary(&diff(&cat("", down), &cat("", hidden))),
        one(
            "message",
            false,
            "DOWN",
            "the message no longer reaches the body (expose: false)"
        )
    );
}

#[test]
fn other_challenge_attributes_are_not_breaking() {
    let old = "  NO_SCOPE:\n    status: 403\n    message: No\n    challenge:\n      error: insufficient_scope\n      error_description: Old words\n";
    let new = "  NO_SCOPE:\n    status: 403\n    message: No\n    challenge:\n      error: insufficient_scope\n      error_description: New words\n      realm: admin\n";
    assert_eq!(
        summary(&diff(&cat("", old), &cat("", new))),
        one(
            "challenge",
            false,
            "NO_SCOPE",
            "challenge attributes changed: realm, error_description"
        )
    );
}

#[test]
fn an_added_code_is_not_breaking() {
    let d = diff(&cat("", BAD), &cat("", &format!("{BAD}{FORBIDDEN}")));
    assert_eq!(
        summary(&d),
        one("added", false, "NO_ACCESS", "added (status 403)")
    );
    assert_eq!(d.changes()[0].old_site(), None);
}

#[test]
fn composed_catalogs_are_compared_code_by_code() {
    // Dropping `include: [std]` removes every standard code.
    let old = load(&cat("include: [std]\n", BAD), "errors.yaml");
    let new = load(&cat("", BAD), "errors.yaml");
    let d = catalog::diff(&old, &new);
    let removed: Vec<(&str, &str)> = d
        .breaking()
        .map(|c| (c.code().unwrap(), c.old_site().unwrap().file()))
        .collect();
    assert_eq!(
        removed.len(),
        auth_errors_tests::STANDARD_CODES.len(),
        "{d}"
    );
    assert!(removed.iter().all(|(_, file)| *file == "std"));
    assert_eq!(removed[0].0, "TOKEN_MISSING");
    // Moving a code between files changes nothing a client sees.
    let shared = cat("", BAD);
    let moved = catalog::Loader::new()
        .read(|_| Ok(shared.clone()))
        .load("version: 1\ninclude: [shared.yaml]\n", "errors.yaml")
        .unwrap();
    assert!(catalog::diff(&new, &moved).changes().is_empty());
}

fn fixture_diff() -> Diff {
    let read = |name: &str| {
        let text = std::fs::read_to_string(tests_path("fixtures/diff").join(name)).unwrap();
        load(&text, name)
    };
    catalog::diff(&read("old.yaml"), &read("new.yaml"))
}

#[test]
fn every_kind_at_once_matches_the_markdown_snapshot() {
    snapshot::check("diff/changes.md", &fixture_diff().to_markdown());
}

#[test]
fn every_kind_at_once_matches_the_json_snapshot() {
    let json = serde_json::to_string_pretty(&fixture_diff()).unwrap() + "\n";
    snapshot::check("diff/changes.json", &json);
}

#[test]
fn every_kind_at_once_matches_the_text_snapshot() {
    snapshot::check("diff/changes.txt", &format!("{}\n", fixture_diff()));
}
