//! The client-side `WWW-Authenticate` parser on arbitrary text.
//!
//! Properties: no panic; an error points inside its line; whatever parses and can be
//! built back with the checked builder formats to text that parses to the same thing.
#![no_main]

use auth_errors_core::challenge::{self, Challenge, ParsedChallenge};
use libfuzzer_sys::fuzz_target;

fn rebuild(parsed: &ParsedChallenge) -> Option<Challenge> {
    let mut c = Challenge::new(parsed.scheme().to_owned()).ok()?;
    if let Some(t) = parsed.token68() {
        c = c.token68(t.to_owned()).ok()?;
    }
    for (name, value) in parsed.params() {
        c = c.param(name.to_owned(), value.to_owned()).ok()?;
    }
    c.check().ok()?;
    Some(c)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match challenge::parse(text) {
        Ok(parsed) => {
            let rebuilt: Option<Vec<Challenge>> = parsed.iter().map(rebuild).collect();
            if let Some(rebuilt) = rebuilt {
                let formatted = challenge::format_list(&rebuilt)
                    .unwrap_or_else(|e| panic!("{rebuilt:?} was checked, yet: {e}"));
                let again = challenge::parse(&formatted)
                    .unwrap_or_else(|e| panic!("{formatted:?} does not parse: {e}"));
                assert_eq!(again, parsed, "{text:?} -> {formatted:?}");
            }
        }
        Err(e) => {
            assert!(e.offset <= text.len(), "{e:?} past the end of {text:?}");
            assert_eq!(e.line, 0);
            let _ = e.to_string();
        }
    }
    let lines: Vec<&str> = text.split('\n').collect();
    if let Err(e) = challenge::parse_lines(lines.iter().copied()) {
        let line = lines
            .get(e.line)
            .unwrap_or_else(|| panic!("{e:?}: no such line"));
        assert!(
            e.offset <= line.len(),
            "{e:?} past the end of line {line:?}"
        );
    }
});
