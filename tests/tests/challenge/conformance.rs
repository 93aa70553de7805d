//! The `WWW-Authenticate` conformance suite: every case of
//! `tests/vectors/challenges.json`, each taken from an RFC and citing its section.
//!
//! The same file drives the TypeScript parser, so the vectors are the contract
//! and this test only runs them:
//!
//! - a `parse` case feeds one header line (a string) to [`parse`] or several
//!   header lines (an array) to [`parse_lines`], and expects either the
//!   challenges (scheme as sent, lowercased parameter names in order, unescaped
//!   values, token68) or the error position (`line`, byte `offset`);
//! - a `format` case builds `Challenge::new(scheme)`, then `.token68(..)` if one
//!   is given, then `.param(name, value)` for each pair in order, then writes the
//!   header value with `.to_header_value()` (which checks the challenge as a
//!   whole), and expects either the header value or the first failing step's
//!   attribute and `Rule::id()`. Every header value it builds is parsed back and
//!   must give the same challenge.
//!
//! Every failure is collected, so one bug does not hide the others, and the
//! test fails once with the list of case names.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashSet;
use std::fmt;
use std::path::PathBuf;

use auth_errors::challenge::{Challenge, ParsedChallenge, parse, parse_lines};
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

/// The minimum number of cases the suite must hold, over both sections.
const MIN_CASES: usize = 60;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Suite {
    parse: Vec<ParseCase>,
    format: Vec<FormatCase>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParseCase {
    name: String,
    source: String,
    #[serde(default)]
    note: Option<String>,
    input: Input,
    #[serde(default)]
    expect: Option<Vec<ExpectedChallenge>>,
    #[serde(default)]
    error: Option<ExpectedParseError>,
}

/// One header line, or several header lines of the same response.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Input {
    Line(String),
    Lines(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedChallenge {
    scheme: String,
    params: Params,
    token68: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedParseError {
    line: usize,
    offset: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FormatCase {
    name: String,
    source: String,
    #[serde(default)]
    note: Option<String>,
    scheme: String,
    params: Vec<(String, String)>,
    token68: Option<String>,
    #[serde(default)]
    expect: Option<String>,
    #[serde(default)]
    error: Option<ExpectedFormatError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFormatError {
    attribute: String,
    rule: String,
}

/// A JSON object read as the ordered list of its members.
///
/// Read by hand rather than through a map type, so that a vector that repeats
/// a key is reported instead of silently keeping one of the two values.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Params(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ParamsVisitor;

        impl<'de> Visitor<'de> for ParamsVisitor {
            type Value = Params;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of parameter names to string values")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Params, A::Error> {
                let mut out: Vec<(String, String)> = Vec::new();
                while let Some((name, value)) = map.next_entry::<String, String>()? {
                    if out.iter().any(|(n, _)| *n == name) {
                        return Err(serde::de::Error::custom(format!(
                            "parameter '{name}' is listed twice"
                        )));
                    }
                    out.push((name, value));
                }
                Ok(Params(out))
            }
        }

        deserializer.deserialize_map(ParamsVisitor)
    }
}

impl From<&ParsedChallenge> for ExpectedChallenge {
    fn from(c: &ParsedChallenge) -> Self {
        ExpectedChallenge {
            scheme: c.scheme().to_owned(),
            params: Params(
                c.params()
                    .map(|(n, v)| (n.to_owned(), v.to_owned()))
                    .collect(),
            ),
            token68: c.token68().map(str::to_owned),
        }
    }
}

fn vectors_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join("challenges.json")
}

fn load() -> Suite {
    let path = vectors_path();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} does not match the vector shape: {e}", path.display()))
}

/// `"…"` with control characters and non-ASCII made visible.
fn show(s: &str) -> String {
    format!("{}", s.escape_debug())
}

fn fail_report(what: &str, failures: &[String]) -> String {
    let mut report = format!("{} {what} failed:\n", failures.len());
    for f in failures {
        report.push_str("  - ");
        report.push_str(f);
        report.push('\n');
    }
    report
}

#[test]
fn suite_is_well_formed() {
    let suite = load();
    let mut failures = Vec::new();

    let total = suite.parse.len() + suite.format.len();
    if total < MIN_CASES {
        failures.push(format!(
            "the suite holds {total} cases, fewer than {MIN_CASES}"
        ));
    }

    let mut names = HashSet::new();
    let cases = suite
        .parse
        .iter()
        .map(|c| ("parse", &c.name, &c.source))
        .chain(suite.format.iter().map(|c| ("format", &c.name, &c.source)));
    for (section, name, source) in cases {
        if name.trim().is_empty() {
            failures.push(format!("a {section} case has an empty name"));
        }
        if !names.insert(name.clone()) {
            failures.push(format!("{section} case name '{name}' is used twice"));
        }
        if source.trim().is_empty() || !source.starts_with("RFC ") {
            failures.push(format!(
                "{section} case '{name}': source '{source}' does not start with \"RFC \""
            ));
        }
    }

    for c in &suite.parse {
        if c.expect.is_some() == c.error.is_some() {
            failures.push(format!(
                "parse case '{}': needs exactly one of \"expect\" and \"error\"",
                c.name
            ));
        }
        if let (Input::Line(_), Some(e)) = (&c.input, &c.error)
            && e.line != 0
        {
            failures.push(format!(
                "parse case '{}': a single header line can only fail on line 0",
                c.name
            ));
        }
        if let Some(note) = &c.note
            && note.trim().is_empty()
        {
            failures.push(format!("parse case '{}': empty note", c.name));
        }
    }
    for c in &suite.format {
        if c.expect.is_some() == c.error.is_some() {
            failures.push(format!(
                "format case '{}': needs exactly one of \"expect\" and \"error\"",
                c.name
            ));
        }
        if let Some(note) = &c.note
            && note.trim().is_empty()
        {
            failures.push(format!("format case '{}': empty note", c.name));
        }
    }

    assert!(
        failures.is_empty(),
        "{}",
        fail_report("suite checks", &failures)
    );
}

#[test]
fn vectors_pass() {
    let suite = load();
    let mut failures = Vec::new();
    for case in &suite.parse {
        if let Err(why) = run_parse(case) {
            failures.push(format!("parse '{}' ({}): {why}", case.name, case.source));
        }
    }
    for case in &suite.format {
        if let Err(why) = run_format(case) {
            failures.push(format!("format '{}' ({}): {why}", case.name, case.source));
        }
    }
    assert!(
        failures.is_empty(),
        "{}",
        fail_report(
            &format!(
                "of {} conformance cases",
                suite.parse.len() + suite.format.len()
            ),
            &failures
        )
    );
}

fn run_parse(case: &ParseCase) -> Result<(), String> {
    let got = match &case.input {
        Input::Line(line) => parse(line),
        Input::Lines(lines) => parse_lines(lines.iter().map(String::as_str)),
    };
    match (&case.expect, &case.error, got) {
        (Some(expected), None, Ok(challenges)) => {
            let got: Vec<ExpectedChallenge> =
                challenges.iter().map(ExpectedChallenge::from).collect();
            if &got == expected {
                Ok(())
            } else {
                Err(format!(
                    "expected {}, got {}",
                    show_challenges(expected),
                    show_challenges(&got)
                ))
            }
        }
        (Some(expected), None, Err(e)) => Err(format!(
            "expected {}, got the error at line {} byte {} ({e})",
            show_challenges(expected),
            e.line,
            e.offset
        )),
        (None, Some(expected), Err(e)) => {
            if (e.line, e.offset) == (expected.line, expected.offset) {
                Ok(())
            } else {
                Err(format!(
                    "expected the error at line {} byte {}, got it at line {} byte {} ({e})",
                    expected.line, expected.offset, e.line, e.offset
                ))
            }
        }
        (None, Some(expected), Ok(challenges)) => {
            let got: Vec<ExpectedChallenge> =
                challenges.iter().map(ExpectedChallenge::from).collect();
            Err(format!(
                "expected the error at line {} byte {}, got {}",
                expected.line,
                expected.offset,
                show_challenges(&got)
            ))
        }
        _ => Err("the case needs exactly one of \"expect\" and \"error\"".to_owned()),
    }
}

fn run_format(case: &FormatCase) -> Result<(), String> {
    let built = Challenge::new(case.scheme.clone())
        .and_then(|c| match &case.token68 {
            Some(t) => c.token68(t.clone()),
            None => Ok(c),
        })
        .and_then(|c| {
            case.params
                .iter()
                .try_fold(c, |c, (name, value)| c.param(name.clone(), value.clone()))
        })
        .and_then(|c| c.to_header_value().map(|header| (c, header)));
    match (&case.expect, &case.error, built) {
        (Some(expected), None, Ok((challenge, header))) => {
            if &header != expected {
                return Err(format!(
                    "expected \"{}\", got \"{}\"",
                    show(expected),
                    show(&header)
                ));
            }
            if challenge.formatted_len() != header.len() {
                return Err(format!(
                    "formatted_len() is {} but the header is {} bytes",
                    challenge.formatted_len(),
                    header.len()
                ));
            }
            round_trip(case, &header)
        }
        (Some(expected), None, Err(e)) => Err(format!(
            "expected \"{}\", got {} / {} ({e})",
            show(expected),
            e.attribute(),
            e.rule().id()
        )),
        (None, Some(expected), Err(e)) => {
            let got = ExpectedFormatError {
                attribute: e.attribute().to_owned(),
                rule: e.rule().id().to_owned(),
            };
            if &got == expected {
                Ok(())
            } else {
                Err(format!(
                    "expected {} / {}, got {} / {} ({e})",
                    expected.attribute, expected.rule, got.attribute, got.rule
                ))
            }
        }
        (None, Some(expected), Ok((_, header))) => Err(format!(
            "expected {} / {}, got \"{}\"",
            expected.attribute,
            expected.rule,
            show(&header)
        )),
        _ => Err("the case needs exactly one of \"expect\" and \"error\"".to_owned()),
    }
}

/// Parses a formatted header value back: it must be the one challenge it was built from.
fn round_trip(case: &FormatCase, header: &str) -> Result<(), String> {
    let want = ExpectedChallenge {
        scheme: case.scheme.clone(),
        params: Params(
            case.params
                .iter()
                .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
                .collect(),
        ),
        token68: case.token68.clone(),
    };
    match parse(header) {
        Ok(challenges) => {
            let got: Vec<ExpectedChallenge> =
                challenges.iter().map(ExpectedChallenge::from).collect();
            if got.len() == 1 && got[0] == want {
                Ok(())
            } else {
                Err(format!(
                    "\"{}\" parses back as {}, not {}",
                    show(header),
                    show_challenges(&got),
                    show_challenges(std::slice::from_ref(&want))
                ))
            }
        }
        Err(e) => Err(format!("\"{}\" does not parse back: {e}", show(header))),
    }
}

fn show_challenges(challenges: &[ExpectedChallenge]) -> String {
    let items: Vec<String> = challenges
        .iter()
        .map(|c| {
            let params: Vec<String> = c
                .params
                .0
                .iter()
                .map(|(n, v)| format!("{n}=\"{}\"", show(v)))
                .collect();
            match &c.token68 {
                Some(t) => format!("{} token68={} {{{}}}", c.scheme, show(t), params.join(", ")),
                None => format!("{} {{{}}}", c.scheme, params.join(", ")),
            }
        })
        .collect();
    format!("[{}]", items.join("; "))
}
