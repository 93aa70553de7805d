//! The formatter: any challenge the checked builder accepts (its steps, then the check
//! of the challenge as a whole) formats to a header value
//! that the parser reads back as the same scheme, token68 and params (names lowercased),
//! alone and in a list; the formatted length is what `formatted_len` says.
#![no_main]

use arbitrary::Arbitrary;
use auth_errors_core::challenge::{self, Challenge, ParsedChallenge};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    scheme: String,
    token68: Option<String>,
    params: Vec<(String, String)>,
}

fn build(input: &Input) -> Option<Challenge> {
    let mut c = Challenge::new(input.scheme.clone()).ok()?;
    if let Some(t) = &input.token68 {
        c = c.token68(t.clone()).ok()?;
    }
    for (name, value) in &input.params {
        c = c.param(name.clone(), value.clone()).ok()?;
    }
    c.check().ok()?;
    Some(c)
}

fn same(c: &Challenge, p: &ParsedChallenge) -> bool {
    c.scheme() == p.scheme()
        && c.token68_value() == p.token68()
        && c.params().len() == p.params().len()
        && c.params()
            .zip(p.params())
            .all(|((n, v), (pn, pv))| n.to_ascii_lowercase() == pn && v == pv)
}

fuzz_target!(|inputs: Vec<Input>| {
    let built: Vec<Challenge> = inputs.iter().filter_map(build).collect();
    for c in &built {
        let text = c
            .to_header_value()
            .unwrap_or_else(|e| panic!("{c:?} was checked, yet: {e}"));
        assert_eq!(c.formatted_len(), text.len(), "{text:?}");
        let parsed =
            challenge::parse(&text).unwrap_or_else(|e| panic!("{text:?} does not parse: {e}"));
        assert!(
            parsed.len() == 1 && same(c, &parsed[0]),
            "{c:?} -> {text:?} -> {parsed:?}"
        );
    }
    if !built.is_empty() {
        let text = challenge::format_list(&built)
            .unwrap_or_else(|e| panic!("{built:?} were checked, yet: {e}"));
        let parsed =
            challenge::parse(&text).unwrap_or_else(|e| panic!("{text:?} does not parse: {e}"));
        assert!(
            parsed.len() == built.len() && built.iter().zip(&parsed).all(|(c, p)| same(c, p)),
            "{built:?} -> {text:?} -> {parsed:?}"
        );
    }
});
