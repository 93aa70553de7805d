//! The fuzz targets' properties (fuzz/fuzz_targets/), run on the committed seeds
//! (fuzz/seeds/) and on every input a fuzzer ever crashed on, so CI keeps checking what
//! fuzzing found without running the fuzzers (`scripts/fuzz.sh` does; see
//! BENCHMARKS.md for the iteration counts).
//!
//! - parse: no panic; an error points inside its line; what parses and can be built
//!   back formats to text that parses to the same challenges.
//! - catalog: `load` succeeds exactly when `load_partial` finds nothing wrong.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use auth_errors::catalog;
use auth_errors::challenge::{self, Challenge, ParsedChallenge};

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

fn parse_property(text: &str) {
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
}

fn catalog_property(text: &str) {
    let full = catalog::load(text, "fuzz.yaml");
    let (partial, found) = catalog::Loader::new().load_partial(text, "fuzz.yaml");
    match &full {
        Ok(c) => {
            assert!(
                found.is_empty(),
                "{text:?}: load succeeded, load_partial found {found:?}"
            );
            assert!(
                partial.as_ref().is_some_and(|p| p == c),
                "{text:?}: load_partial's catalog is not load's"
            );
        }
        Err(_) => assert!(!found.is_empty() || partial.is_none(), "{text:?}"),
    }
}

fn seeds(target: &str) -> Vec<(String, String)> {
    let dir = auth_errors_tests::workspace_root()
        .join("fuzz/seeds")
        .join(target);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p: std::path::PathBuf| {
            let text = String::from_utf8(std::fs::read(&p).ok()?).ok()?;
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned())?;
            Some((name, text))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn parse_seeds() {
    let seeds = seeds("parse");
    assert!(seeds.len() > 50, "{}", seeds.len());
    for (name, text) in seeds {
        let r = std::panic::catch_unwind(|| parse_property(&text));
        assert!(r.is_ok(), "seed {name}");
    }
}

#[test]
fn catalog_seeds() {
    let seeds = seeds("catalog");
    assert!(seeds.len() > 10, "{}", seeds.len());
    for (name, text) in seeds {
        let r = std::panic::catch_unwind(|| catalog_property(&text));
        assert!(r.is_ok(), "seed {name}");
    }
}

#[test]
fn seeds_exist_for_every_target() {
    let root = auth_errors_tests::workspace_root().join("fuzz");
    for target in ["parse", "format_roundtrip", "catalog"] {
        assert!(
            root.join("fuzz_targets")
                .join(format!("{target}.rs"))
                .is_file(),
            "{target}"
        );
        assert!(
            Path::new(&root.join("seeds").join(target)).is_dir(),
            "{target}"
        );
    }
}
