//! Property tests: every challenge the formatter accepts (the builder's steps, then
//! `to_header_value` or `format_list`, which check the challenge as a whole) parses back
//! to itself, and no input makes the formatter or the parser panic.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use auth_errors::challenge::{self, Challenge, ParsedChallenge};
use proptest::prelude::*;

const TCHARS: &str =
    "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const TOKEN68: &str = "abcXYZ0189-._~+/";

fn token() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(TCHARS.chars().collect::<Vec<_>>()),
        1..12,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// Any ASCII text, controls, quotes and backslashes included, plus some non-ASCII.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,24}",
        "[\\x00-\\x7f]{0,12}",
        "[a-z \"\\\\]{0,16}",
        any::<String>(),
    ]
}

/// Parameter names: the RFC 6750 ones (which have their own rules) and arbitrary tokens.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("realm".to_owned()),
        Just("error".to_owned()),
        Just("error_description".to_owned()),
        Just("error_uri".to_owned()),
        Just("scope".to_owned()),
        token(),
    ]
}

fn build(scheme: &str, t68: Option<&str>, params: &[(String, String)]) -> Option<Challenge> {
    let mut c = Challenge::new(scheme.to_owned()).ok()?;
    if let Some(t) = t68 {
        c = c.token68(t.to_owned()).ok()?;
    }
    for (n, v) in params {
        c = c.param(n.clone(), v.clone()).ok()?;
    }
    Some(c)
}

fn same(c: &Challenge, p: &ParsedChallenge) -> bool {
    p.scheme() == c.scheme()
        && p.token68() == c.token68_value()
        && p.params().len() == c.params().len()
        && p.params()
            .zip(c.params())
            .all(|((pn, pv), (cn, cv))| pn == cn.to_ascii_lowercase() && pv == cv)
}

proptest! {
    // Failing cases are saved in `props.proptest-regressions` next to this file (proptest's
    // default would be a `proptest-regressions/` folder beside the suite's `main.rs`).
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]

    #[test]
    fn formatted_challenges_parse_back(
        scheme in token(),
        params in proptest::collection::vec((name(), value()), 0..5),
    ) {
        if let Some(c) = build(&scheme, None, &params) {
            // A challenge that breaks a rule of the whole (a Basic one without realm) has
            // no header value to check.
            let Ok(text) = c.to_header_value() else { return Ok(()) };
            prop_assert_eq!(&text, &c.to_string());
            prop_assert!(text.bytes().all(|b| b == b'\t' || (0x20..0x7f).contains(&b)), "{text:?}");
            prop_assert_eq!(c.formatted_len(), text.len());
            let parsed = challenge::parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            prop_assert_eq!(parsed.len(), 1, "{}", text);
            prop_assert!(same(&c, &parsed[0]), "{text} -> {parsed:?}");
        }
    }

    #[test]
    fn token68_challenges_parse_back(
        scheme in token(),
        body in proptest::collection::vec(proptest::sample::select(TOKEN68.chars().collect::<Vec<_>>()), 1..20),
        pad in 0usize..3,
    ) {
        let t68: String = body.into_iter().chain(std::iter::repeat_n('=', pad)).collect();
        let c = build(&scheme, Some(&t68), &[]).expect("a valid token68");
        let parsed = challenge::parse(&c.to_string()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parsed.len(), 1);
        prop_assert!(same(&c, &parsed[0]));
    }

    #[test]
    fn lists_parse_back(
        list in proptest::collection::vec(
            (token(), proptest::collection::vec((name(), value()), 0..4)), 1..4),
    ) {
        let built: Vec<Challenge> = list
            .iter()
            .filter_map(|(s, p)| build(s, None, p))
            .filter(|c| c.check().is_ok())
            .collect();
        let text = challenge::format_list(&built).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed = challenge::parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(parsed.len(), built.len(), "{}", text);
        for (c, p) in built.iter().zip(&parsed) {
            prop_assert!(same(c, p), "{text}");
        }
        // The same list split across header lines reads the same (RFC 9110 §5.3).
        let lines: Vec<String> = built
            .iter()
            .map(Challenge::to_header_value)
            .collect::<Result<_, _>>()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let from_lines = challenge::parse_lines(lines.iter().map(String::as_str))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(from_lines, parsed);
    }

    #[test]
    fn parser_never_panics(s in any::<String>(), lines in proptest::collection::vec(any::<String>(), 0..4)) {
        if let Err(e) = challenge::parse(&s) {
            prop_assert!(e.offset <= s.len());
            prop_assert!(s.is_char_boundary(e.offset));
        }
        if let Err(e) = challenge::parse_lines(lines.iter().map(String::as_str)) {
            prop_assert!(e.line < lines.len().max(1));
            prop_assert!(e.offset <= lines.get(e.line).map_or(0, String::len));
        }
    }

    #[test]
    fn parser_never_panics_on_header_like_input(s in "[ ,=\"\\\\a-zA-Z0-9\t\r\n\\x00~+/.-]{0,40}") {
        let _ = challenge::parse(&s);
    }

    #[test]
    fn formatter_never_panics(scheme in any::<String>(), n in any::<String>(), v in any::<String>(), t in any::<String>()) {
        if let Ok(c) = Challenge::new(scheme) {
            let _ = c.clone().param(n, v).map(|c| c.to_string());
            let _ = c.token68(t).map(|c| c.to_string());
        }
    }
}
