//! `schema/catalog.schema.json` agrees with the loader on the catalog fixtures.
//!
//! Every valid fixture and the standard catalog pass the schema. Each invalid fixture
//! says in its header what the schema does with it: `# schema: reject` (a mistake the
//! schema encodes), `# schema: accept` (a mistake only the loader sees, such as a
//! placeholder with no param) or `# schema: skip` (not YAML at all).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::Path;

use auth_errors_tests::{tests_path, workspace_root, yaml_files};
use jsonschema::Validator;
use serde_json::Value;

/// The fewest `reject` fixtures the suite expects to check.
const MIN_REJECTS: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Reject,
    Accept,
    Skip,
}

fn schema() -> Value {
    let path = workspace_root().join("schema/catalog.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator() -> Validator {
    jsonschema::draft202012::new(&schema()).unwrap_or_else(|e| panic!("compiling the schema: {e}"))
}

fn name(path: &Path) -> String {
    path.strip_prefix(workspace_root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The catalog as JSON, the way an editor's YAML language server sees it.
///
/// YAML 1.2 core booleans, as the loader and editors read them: `message: yes` is text.
/// serde-saphyr's default would make it `true`, and the schema reject a valid catalog.
fn to_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options::<Value>(&text, options).map_err(|e| e.to_string())
}

/// The schema's errors for an instance, one per line, each with where it points.
fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| {
            let at = e.instance_path().to_string();
            let at = if at.is_empty() { "/".to_owned() } else { at };
            format!("{at}: {e}")
        })
        .collect()
}

/// The `# schema: …` line of a fixture's header (the comment lines before the YAML).
fn marker(path: &Path) -> Result<Marker, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let header = text
        .lines()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    let mut found = None;
    for line in header {
        let Some(value) = line.trim().strip_prefix("# schema:") else {
            continue;
        };
        let m = match value.trim() {
            "reject" => Marker::Reject,
            "accept" => Marker::Accept,
            "skip" => Marker::Skip,
            other => return Err(format!("unknown marker '# schema: {other}'")),
        };
        if found.replace(m).is_some() {
            return Err("more than one '# schema:' line".to_owned());
        }
    }
    found.ok_or_else(|| "no '# schema: reject|accept|skip' line in its header".to_owned())
}

fn indented(lines: &[String]) -> String {
    lines.iter().fold(String::new(), |mut out, l| {
        let _ = write!(out, "\n    {l}");
        out
    })
}

#[test]
fn schema_is_valid_2020_12() {
    let schema = schema();
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema must declare draft 2020-12"
    );
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!(
            "catalog.schema.json is not a valid 2020-12 schema: {e} (at {})",
            e.instance_path()
        );
    }
    // It compiles with no network: every reference resolves inside the document.
    let _ = validator();
}

#[test]
fn standard_catalog_points_at_the_schema() {
    let catalog = workspace_root().join("auth-errors-core/std/auth-errors.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    let first = text.lines().next().unwrap_or_default();
    let rel = first
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| panic!("{}: line 1 is not a $schema comment", name(&catalog)));
    let target = catalog.parent().unwrap().join(rel);
    assert!(
        target.is_file(),
        "{}: $schema={rel} does not name a file",
        name(&catalog)
    );
    assert_eq!(
        target.canonicalize().unwrap(),
        workspace_root()
            .join("schema/catalog.schema.json")
            .canonicalize()
            .unwrap()
    );
}

#[test]
fn fixtures_agree_with_the_schema() {
    let validator = validator();
    let mut mismatches = Vec::new();

    let mut valid = yaml_files(&tests_path("fixtures/valid"));
    valid.push(workspace_root().join("auth-errors-core/std/auth-errors.yaml"));
    for path in &valid {
        match to_json(path) {
            Err(e) => mismatches.push(format!("{}: valid, but not YAML: {e}", name(path))),
            Ok(instance) => {
                let errs = errors(&validator, &instance);
                if !errs.is_empty() {
                    mismatches.push(format!(
                        "{}: valid, but the schema rejects it:{}",
                        name(path),
                        indented(&errs)
                    ));
                }
            }
        }
    }

    let (mut rejects, mut accepts, mut skips) = (0, 0, 0);
    for path in &yaml_files(&tests_path("fixtures/invalid")) {
        let marker = match marker(path) {
            Ok(m) => m,
            Err(e) => {
                mismatches.push(format!("{}: {e}", name(path)));
                continue;
            }
        };
        let instance = match (marker, to_json(path)) {
            (Marker::Skip, Err(_)) => {
                skips += 1;
                continue;
            }
            (Marker::Skip, Ok(_)) => {
                mismatches.push(format!(
                    "{}: marked 'skip', but it is YAML the schema can check: mark it 'reject' or 'accept'",
                    name(path)
                ));
                continue;
            }
            (_, Err(e)) => {
                mismatches.push(format!(
                    "{}: not YAML ({e}): mark it '# schema: skip'",
                    name(path)
                ));
                continue;
            }
            (_, Ok(instance)) => instance,
        };
        let errs = errors(&validator, &instance);
        match marker {
            Marker::Reject => {
                rejects += 1;
                if errs.is_empty() {
                    mismatches.push(format!(
                        "{}: marked 'reject', but the schema accepts it",
                        name(path)
                    ));
                }
            }
            Marker::Accept => {
                accepts += 1;
                if !errs.is_empty() {
                    mismatches.push(format!(
                        "{}: marked 'accept', but the schema rejects it:{}",
                        name(path),
                        indented(&errs)
                    ));
                }
            }
            Marker::Skip => unreachable!("handled above"),
        }
    }
    println!(
        "schema checked {} valid catalogs, {rejects} reject, {accepts} accept and {skips} skip fixtures",
        valid.len()
    );

    assert!(
        mismatches.is_empty(),
        "{} mismatch(es) between the schema and the fixtures:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(
        rejects >= MIN_REJECTS,
        "only {rejects} fixtures are marked '# schema: reject'; expected at least {MIN_REJECTS}"
    );
}

#[test]
fn composed_catalogs_and_their_keys_agree_with_the_schema() {
    let validator = validator();
    for rel in [
        "fixtures/compose/team/errors.yaml",
        "fixtures/compose/shared/billing.yaml",
    ] {
        let path = tests_path(rel);
        let instance = to_json(&path).unwrap();
        let errs = errors(&validator, &instance);
        assert!(
            errs.is_empty(),
            "{rel}: the schema rejects it:{}",
            indented(&errs)
        );
    }
    // Each of these the loader rejects too (tests/tests/catalog/compose.rs).
    let entry = "errors: {A: {status: 400, message: A}}";
    let rejected = [
        format!("version: 1\ninclude: std\n{entry}"),
        format!("version: 1\ninclude: [/etc/errors.yaml]\n{entry}"),
        format!("version: 1\ninclude: ['']\n{entry}"),
        "version: 1\ninclude: []\n".to_owned(),
        "version: 1\n".to_owned(),
        format!("version: 1\nprefix: orders-\n{entry}"),
        format!("version: 1\nretired: OLD\n{entry}"),
        format!("version: 1\nretired: [old]\n{entry}"),
        format!("version: 1\nretired: [OLD, OLD]\n{entry}"),
    ];
    for text in &rejected {
        let options = serde_saphyr::options! { strict_booleans: true };
        let instance: Value = serde_saphyr::from_str_with_options(text, options).unwrap();
        assert!(
            !errors(&validator, &instance).is_empty(),
            "the schema accepts:\n{text}"
        );
        assert!(
            auth_errors::catalog::load(text, "t.yaml").is_err(),
            "the loader accepts:\n{text}"
        );
    }
    // A catalog of includes alone is a catalog.
    let instance: Value = serde_json::json!({"version": 1, "include": ["std"]});
    assert!(errors(&validator, &instance).is_empty());
}
