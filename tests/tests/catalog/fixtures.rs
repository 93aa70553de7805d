//! The catalog fixtures: every file of `fixtures/invalid/` reports exactly the
//! diagnostics its header announces, every file of `fixtures/valid/` loads.
//!
//! An invalid fixture starts with comment lines:
//!
//! ```yaml
//! # expect: 7:13 status-range: is not an HTTP error status
//! # schema: reject
//! ```
//!
//! one `# expect:` line per diagnostic, in the order the loader reports them:
//! `LINE:COL RULE_ID: substring of the message`. The list must match exactly
//! (same count, same order, same location, same rule id; the message contains
//! the substring). `# schema:` (`reject`, `accept` or `skip`) is read by the JSON
//! Schema suite; here it must only be present and well-formed. A `# strict` line loads
//! the fixture with a strict loader, which makes warnings errors.
//!
//! Every mismatch of every fixture is collected, and the test fails once with the
//! whole list, so one bug does not hide another.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use auth_errors::catalog::{self, Catalog, Diagnostic, Loader};
use auth_errors_tests::{tests_path, yaml_files};

/// The least number of invalid fixtures the suite must hold.
const MIN_INVALID: usize = 25;
/// The least number of diagnostics `several-mistakes.yaml` must expect.
const MIN_SEVERAL: usize = 5;

/// One `# expect:` line.
#[derive(Debug)]
struct Expected {
    line: u64,
    column: u64,
    rule: String,
    contains: String,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{} {}: {}",
            self.line, self.column, self.rule, self.contains
        )
    }
}

/// The header of a fixture: its expected diagnostics and its schema marker.
#[derive(Debug, Default)]
struct Header {
    expected: Vec<Expected>,
    schema: Option<String>,
    strict: bool,
}

/// Reads the leading comment lines of a fixture; `Err` names a malformed header line.
fn header(text: &str) -> Result<Header, String> {
    let mut out = Header::default();
    for line in text.lines() {
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        let comment = comment.trim();
        if comment == "strict" {
            out.strict = true;
        } else if let Some(rest) = comment.strip_prefix("expect:") {
            out.expected.push(parse_expect(rest.trim()).ok_or_else(|| {
                format!("malformed header line {line:?} (want '# expect: LINE:COL RULE: text')")
            })?);
        } else if let Some(rest) = comment.strip_prefix("schema:") {
            let marker = rest.trim();
            if !matches!(marker, "reject" | "accept" | "skip") {
                return Err(format!(
                    "schema marker {marker:?} is not reject, accept or skip"
                ));
            }
            if out.schema.replace(marker.to_owned()).is_some() {
                return Err("two '# schema:' lines".to_owned());
            }
        }
    }
    Ok(out)
}

fn parse_expect(rest: &str) -> Option<Expected> {
    let (at, rest) = rest.split_once(' ')?;
    let (line, column) = at.split_once(':')?;
    let (rule, contains) = rest.split_once(':')?;
    let expected = Expected {
        line: line.parse().ok()?,
        column: column.parse().ok()?,
        rule: rule.trim().to_owned(),
        contains: contains.trim().to_owned(),
    };
    (!expected.rule.is_empty() && !expected.contains.is_empty()).then_some(expected)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A diagnostic written as an `# expect:` line would say it, plus its full message.
fn as_expect_line(d: &Diagnostic) -> String {
    let at = d.location().map_or_else(
        || "?:?".to_owned(),
        |l| format!("{}:{}", l.line(), l.column()),
    );
    format!("{at} {}: {}", d.rule().id(), d.message())
}

fn matches(expected: &Expected, actual: &Diagnostic) -> bool {
    actual
        .location()
        .is_some_and(|l| l.line() == expected.line && l.column() == expected.column)
        && actual.rule().id() == expected.rule
        && actual.message().contains(&expected.contains)
}

/// Compares one invalid fixture; returns a description of what differs, if anything.
fn check_invalid(path: &Path) -> Result<usize, String> {
    let name = file_name(path);
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let header = header(&text)?;
    if header.expected.is_empty() {
        return Err("the header has no '# expect:' line".to_owned());
    }
    if header.schema.is_none() {
        return Err("the header has no '# schema:' line".to_owned());
    }
    let actual: Vec<Diagnostic> = match Loader::new().strict(header.strict).load(&text, &name) {
        Ok(_) => Vec::new(),
        Err(found) => found.into_iter().collect(),
    };
    let same = actual.len() == header.expected.len()
        && header
            .expected
            .iter()
            .zip(&actual)
            .all(|(e, a)| matches(e, a));
    if same {
        for d in &actual {
            let shown = d.to_string();
            if !shown.starts_with(&format!("{name}:")) || !shown.contains(": error[") {
                return Err(format!("diagnostic displays oddly: {shown}"));
            }
        }
        return Ok(header.expected.len());
    }
    let mut report = String::new();
    let _ = writeln!(report, "    expected {}:", header.expected.len());
    for (i, e) in header.expected.iter().enumerate() {
        let mark = if actual.get(i).is_some_and(|a| matches(e, a)) {
            " "
        } else {
            "✗"
        };
        let _ = writeln!(report, "      {mark} {e}");
    }
    let _ = writeln!(report, "    actual {}:", actual.len());
    for d in &actual {
        let _ = writeln!(report, "        {}", as_expect_line(d));
    }
    Err(report)
}

#[test]
fn invalid_fixtures_report_exactly_what_they_expect() {
    let files = yaml_files(&tests_path("fixtures/invalid"));
    assert!(
        files.len() >= MIN_INVALID,
        "only {} invalid fixtures (want at least {MIN_INVALID})",
        files.len()
    );
    let mut failures = String::new();
    let mut failed = 0;
    for path in &files {
        match check_invalid(path) {
            Ok(count) => {
                if file_name(path) == "several-mistakes.yaml" && count < MIN_SEVERAL {
                    failed += 1;
                    let _ = writeln!(
                        failures,
                        "  several-mistakes.yaml expects only {count} diagnostics (want at least {MIN_SEVERAL})\n"
                    );
                }
            }
            Err(why) => {
                failed += 1;
                let _ = writeln!(failures, "  {}:\n{why}", file_name(path));
            }
        }
    }
    assert!(
        files
            .iter()
            .any(|p| file_name(p) == "several-mistakes.yaml"),
        "fixtures/invalid/several-mistakes.yaml is missing"
    );
    assert!(
        failures.is_empty(),
        "{failed} of {} invalid fixtures differ from their headers:\n\n{failures}",
        files.len()
    );
}

fn load_valid(path: &Path) -> Result<Catalog, String> {
    let name = file_name(path);
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    catalog::load(&text, &name).map_err(|e| e.to_string())
}

#[test]
fn valid_fixtures_load_without_diagnostics() {
    let files = yaml_files(&tests_path("fixtures/valid"));
    assert!(
        files.len() >= 3,
        "only {} valid fixtures (want at least 3)",
        files.len()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|p| {
            load_valid(p)
                .err()
                .map(|e| format!("  {}:\n    {}", file_name(p), e.replace('\n', "\n    ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "valid fixtures that do not load:\n{}",
        failures.join("\n")
    );
}

fn edge_cases() -> Catalog {
    let path = tests_path("fixtures/valid/edge-cases.yaml");
    load_valid(&path).unwrap_or_else(|e| panic!("edge-cases.yaml does not load:\n{e}"))
}

/// The entry codes of a catalog file, in the order they stand in the text: the keys
/// indented by two spaces under `errors:`.
fn codes_in_text(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut in_errors = false;
    let mut codes = Vec::new();
    for line in text.lines() {
        if !line.starts_with(' ') && !line.starts_with('#') && !line.is_empty() {
            in_errors = line.starts_with("errors:");
            continue;
        }
        if in_errors
            && let Some(key) = line.strip_prefix("  ")
            && key.starts_with(|c: char| c.is_ascii_uppercase())
            && let Some((code, _)) = key.split_once(':')
        {
            codes.push(code.to_owned());
        }
    }
    codes
}

#[test]
fn edge_cases_keep_order_merges_unicode_and_docs() {
    let path: PathBuf = tests_path("fixtures/valid/edge-cases.yaml");
    let cat = edge_cases();

    // Entry order is file order.
    let codes: Vec<&str> = cat.entries().iter().map(|e| e.code().as_str()).collect();
    let in_text = codes_in_text(&path);
    assert!(
        in_text.len() >= 8,
        "edge-cases.yaml has few entries: {in_text:?}"
    );
    assert_eq!(codes, in_text, "entries are not in file order");

    // Merge keys: the fields of the anchored base arrived, and an own key wins.
    let merged = cat
        .get("MERGED_TOKEN_EXPIRED")
        .expect("MERGED_TOKEN_EXPIRED");
    assert_eq!(merged.status().get(), 401);
    assert_eq!(merged.message().value(), "Access token expired");
    let challenge = merged.challenge().expect("merged challenge");
    assert_eq!(challenge.error().map(|e| e.as_str()), Some("invalid_token"));
    assert_eq!(merged.client().map(|c| c.value().name()), Some("refresh"));
    let overridden = cat.get("MERGED_OVERRIDE").expect("MERGED_OVERRIDE");
    assert_eq!(overridden.status().get(), 401);
    assert_eq!(overridden.message().value(), "Session token expired");
    assert_eq!(
        overridden
            .challenge()
            .and_then(|c| c.error_description())
            .map(|d| d.as_str()),
        Some("The session token expired")
    );
    let multi = cat.get("MERGED_TWO_BASES").expect("MERGED_TWO_BASES");
    assert_eq!(multi.status().get(), 503);
    assert_eq!(multi.client().map(|c| c.value().name()), Some("retry"));
    assert!(!multi.expose().get());

    // Unicode in messages arrives intact.
    let unicode = cat.get("UNICODE_MESSAGE").expect("UNICODE_MESSAGE");
    assert_eq!(
        unicode.message().value(),
        "Le jeton a expiré — トークンの有効期限が切れました 🔑"
    );
    assert_eq!(unicode.title().map(|t| t.as_str()), Some("Jeton expiré ⏰"));

    // Multi-line Markdown docs keep their newlines, code fences and braces.
    let docs = cat
        .get("DOCUMENTED")
        .and_then(|e| e.docs())
        .expect("DOCUMENTED docs");
    assert!(
        docs.value().contains("\n\n"),
        "paragraphs lost: {:?}",
        docs.value()
    );
    assert!(
        docs.value().contains(
            "```json\n{\"code\": \"DOCUMENTED\", \"message\": \"{not a placeholder}\"}\n```"
        ),
        "code fence lost: {:?}",
        docs.value()
    );
    assert!(
        docs.value().ends_with("}}\n"),
        "trailing text lost: {:?}",
        docs.value()
    );
    assert!(docs.value().lines().count() >= 8);

    // Deprecated with a reason, and with `true`.
    let reason = cat.get("DEPRECATED_WITH_REASON").expect("reason");
    assert_eq!(
        reason.deprecated().map(|d| d.as_str()),
        Some("Use TOKEN_EXPIRED; removed in 3.0")
    );
    assert_eq!(reason.since().map(|s| s.as_str()), Some("1.2.0"));
    let bare = cat.get("DEPRECATED_BARE").expect("bare");
    assert_eq!(bare.deprecated().map(|d| d.as_str()), Some(""));

    // Headers with an integer param, expose on a 500, explicit client.
    let limited = cat.get("RATE_LIMITED").expect("RATE_LIMITED");
    assert_eq!(limited.headers().len(), 1);
    assert_eq!(limited.headers()[0].0.as_str(), "Retry-After");
    assert_eq!(limited.headers()[0].1.as_str(), "{seconds}");
    assert_eq!(
        limited.param("seconds").map(|p| p.ty().value().name()),
        Some("integer")
    );
    assert_eq!(limited.client().map(|c| c.value().name()), Some("retry"));
    let internal = cat.get("INTERNAL").expect("INTERNAL");
    assert_eq!(internal.status().get(), 500);
    assert!(!internal.expose().get());

    // Problem bodies with a docs URL.
    assert_eq!(cat.defaults().body(), auth_errors::BodyFormat::Problem);
    assert_eq!(
        cat.defaults().docs_url_for("INTERNAL").as_deref(),
        Some("https://docs.example.com/errors/INTERNAL")
    );

    // DPoP and RFC 9728 challenges keep their extension params in order.
    let dpop = cat.get("DPOP_PROOF_INVALID").expect("DPOP_PROOF_INVALID");
    let c = dpop.challenge().expect("DPoP challenge");
    assert_eq!(c.scheme(cat.defaults()).as_str(), "DPoP");
    let params: Vec<(&str, &str)> = c
        .params()
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    assert_eq!(params, [("algs", "ES256 PS256")]);
    let metadata = cat.get("TOKEN_MISSING").expect("TOKEN_MISSING");
    let c = metadata.challenge().expect("metadata challenge");
    assert_eq!(
        c.params().first().map(|(n, v)| (n.as_str(), v.as_str())),
        Some((
            "resource_metadata",
            "https://api.example.com/.well-known/oauth-protected-resource"
        ))
    );
}

#[test]
fn a_missing_file_is_an_io_diagnostic() {
    let path = tests_path("fixtures/no-such-dir/no-such-catalog.yaml");
    let err = catalog::Loader::new()
        .read_files()
        .load_file(&path)
        .expect_err("a missing file loaded");
    assert_eq!(err.len(), 1, "{err}");
    let d = &err.as_slice()[0];
    assert_eq!(d.rule().id(), "io");
    assert_eq!(d.location(), None);
    assert!(d.file().ends_with("no-such-catalog.yaml"), "{}", d.file());
    assert!(d.to_string().contains("cannot read the catalog"), "{d}");
}

/// Text that is no catalog. Each must give diagnostics, each with a location, and
/// neither panic nor crash.
fn junk() -> Vec<(&'static str, String)> {
    let deep = 10_000;
    vec![
        ("binary", "\u{0}\u{1}\u{2}PK\u{3}\u{4}\u{7f}\u{fffd}\u{feff}ÿþ\r\n\t\u{1b}[0m".to_owned()),
        ("lone NUL", "\u{0}".to_owned()),
        ("a YAML list", "- version: 1\n- errors: {}\n".to_owned()),
        ("a scalar", "just some text".to_owned()),
        ("an integer", "42".to_owned()),
        ("empty", String::new()),
        ("only comments", "# nothing here\n# at all\n".to_owned()),
        ("document marker", "---\n".to_owned()),
        ("two documents", "version: 1\n---\nversion: 1\n".to_owned()),
        ("unclosed flow", "{version: 1, errors: [".to_owned()),
        ("tab indentation", "version: 1\nerrors:\n\tA: {}\n".to_owned()),
        ("alias to nowhere", "version: *nope\n".to_owned()),
        ("errors as a list", "version: 1\nerrors: [A, B]\n".to_owned()),
        ("entry as a list", "version: 1\nerrors:\n  A: [1, 2]\n".to_owned()),
        ("keys as mappings", "? {a: 1}\n: x\nversion: 1\n".to_owned()),
        (
            "huge integer",
            "version: 1\nerrors:\n  A:\n    status: 340282366920938463463374607431768211457\n    message: x\n"
                .to_owned(),
        ),
        (
            "billion laughs",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n\
             c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n\
             e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n\
             g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                .to_owned(),
        ),
        (
            "flow mappings 10000 deep",
            format!("{}{}", "{a: ".repeat(deep), "}".repeat(deep)),
        ),
        (
            "flow sequences 10000 deep",
            format!("{}{}", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "flow mappings 200 deep",
            format!("{}{}", "{a: ".repeat(200), "}".repeat(200)),
        ),
        (
            "block mappings 10000 deep",
            (0..deep).map(|i| format!("{}k:\n", " ".repeat(i))).collect(),
        ),
    ]
}

/// Names the junk case a child process runs (see [`junk_case_in_child`]).
const JUNK_CASE: &str = "AUTH_ERRORS_TESTS_JUNK_CASE";

/// Runs one junk case, when [`junk_gives_diagnostics_without_crashing`] starts this test
/// binary again to run it; otherwise does nothing. A stack overflow aborts the whole
/// process, so each case runs in a process of its own, on an ordinary test thread.
#[test]
fn junk_case_in_child() {
    let Ok(name) = std::env::var(JUNK_CASE) else {
        return;
    };
    let (_, text) = junk()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no junk case {name:?}"));
    match catalog::load(&text, "junk.yaml") {
        Ok(_) => panic!("loaded as a catalog"),
        Err(d) if d.is_empty() => panic!("rejected without a diagnostic"),
        Err(d) => {
            if let Some(bad) = d.iter().find(|d| d.location().is_none()) {
                panic!("a diagnostic without a location: {bad}");
            }
            println!("{d}");
        }
    }
}

#[test]
fn junk_gives_diagnostics_without_crashing() {
    let exe = std::env::current_exe().unwrap();
    // The harness names a test by its module path without the crate name.
    let child = concat!(module_path!(), "::junk_case_in_child");
    let child = child.split_once("::").map_or(child, |(_, path)| path);
    let mut failures = Vec::new();
    for (name, _) in junk() {
        let out = std::process::Command::new(&exe)
            .args(["--exact", child, "--nocapture", "--test-threads=1"])
            .env(JUNK_CASE, name)
            .output()
            .unwrap();
        if out.status.success() {
            continue;
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        let why = if stderr.contains("overflowed its stack") {
            "stack overflow: the process aborted".to_owned()
        } else if let Some(panic) = stderr
            .lines()
            .skip_while(|l| !l.contains("panicked at"))
            .nth(1)
        {
            format!("panicked: {panic}")
        } else {
            format!("failed ({}): {}", out.status, stderr.trim())
        };
        failures.push(format!("  {name}: {why}"));
    }
    assert!(
        failures.is_empty(),
        "junk that does not give diagnostics cleanly:\n{}",
        failures.join("\n")
    );
}
