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

// Locale files (issue 15): `schema/locale.schema.json`, and the catalog schema's
// `locales:` and `defaults.locale`.

/// The demo's locale files, each with the tag it must state.
const DEMO_LOCALES: [(&str, &str); 2] = [
    ("demo/locales/fr.yaml", "fr"),
    ("demo/locales/zh.yaml", "zh"),
];

/// A valid locale file; each case of `locale_schema_rejects_each_mistake` changes one
/// thing in it.
const LOCALE: &str = "\
version: 1
locale: fr
messages:
  TOKEN_EXPIRED:
    title: Jeton d'accès expiré
    message: Le jeton d'accès a expiré
  INSUFFICIENT_SCOPE:
    message: \"Cette action nécessite la portée {scope}\"
    docs: Demandez la portée à l'utilisateur.
";

/// A valid catalog with the locale keys; each case of
/// `catalog_schema_checks_locales_and_the_default_locale` changes one thing in it.
const LOCALIZED_CATALOG: &str = "\
version: 1
include: [std]
defaults:
  realm: api
  locale: en
locales: [locales/fr.yaml, locales/zh.yaml]
";

fn locale_schema() -> Value {
    let path = workspace_root().join("schema/locale.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn locale_validator() -> Validator {
    jsonschema::draft202012::new(&locale_schema())
        .unwrap_or_else(|e| panic!("compiling the locale schema: {e}"))
}

/// Inline YAML as JSON, read as `to_json` reads a file.
fn yaml_value(text: &str) -> Value {
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(text, options)
        .unwrap_or_else(|e| panic!("not YAML ({e}):\n{text}"))
}

/// `base` with its one occurrence of `from` replaced by `to`.
fn changed(base: &str, from: &str, to: &str) -> String {
    assert_eq!(
        base.matches(from).count(),
        1,
        "{from:?} must occur once in the base document:\n{base}"
    );
    base.replacen(from, to, 1)
}

/// Checks that `validator` accepts `base`, and rejects each case's change of it with an
/// error at (or under) the case's instance path (`/` is the document itself, and only
/// it): the rejection is that mistake's, not one the base already has or one elsewhere.
fn assert_each_rejected(validator: &Validator, base: &str, cases: &[(&str, &str, &str, &str)]) {
    let errs = errors(validator, &yaml_value(base));
    assert!(
        errs.is_empty(),
        "the base document must pass:{}\n{base}",
        indented(&errs)
    );
    let mut wrong = Vec::new();
    for &(what, from, to, at) in cases {
        let text = changed(base, from, to);
        let errs = errors(validator, &yaml_value(&text));
        let here = errs.iter().any(|e| {
            e.starts_with(&format!("{at}: ")) || (at != "/" && e.starts_with(&format!("{at}/")))
        });
        if errs.is_empty() {
            wrong.push(format!("{what}: the schema accepts it:\n{text}"));
        } else if !here {
            wrong.push(format!(
                "{what}: rejected, but not at {at}:{}\n{text}",
                indented(&errs)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// The path after `# yaml-language-server: $schema=` on line 1 of `file` resolves to
/// `schema` (relative to the workspace root).
fn assert_points_at(file: &Path, schema: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    let first = text.lines().next().unwrap_or_default();
    let rel = first
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| panic!("{}: line 1 is not a $schema comment", name(file)));
    let target = file.parent().unwrap().join(rel);
    assert!(
        target.is_file(),
        "{}: $schema={rel} does not name a file",
        name(file)
    );
    assert_eq!(
        target.canonicalize().unwrap(),
        workspace_root().join(schema).canonicalize().unwrap(),
        "{}: $schema={rel} is not {schema}",
        name(file)
    );
}

#[test]
fn locale_schema_is_valid_2020_12() {
    let schema = locale_schema();
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the locale schema must declare draft 2020-12"
    );
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!(
            "locale.schema.json is not a valid 2020-12 schema: {e} (at {})",
            e.instance_path()
        );
    }
    let _ = locale_validator();
}

#[test]
fn demo_locale_files_pass_the_locale_schema() {
    let validator = locale_validator();
    for (rel, tag) in DEMO_LOCALES {
        let path = workspace_root().join(rel);
        assert_points_at(&path, "schema/locale.schema.json");
        let instance = to_json(&path).unwrap_or_else(|e| panic!("{rel}: not YAML: {e}"));
        let errs = errors(&validator, &instance);
        assert!(
            errs.is_empty(),
            "{rel}: the locale schema rejects it:{}",
            indented(&errs)
        );
        assert_eq!(instance["locale"], tag, "{rel}: the wrong tag");
    }
}

/// Every entry of the catalog the demo's files translate (`demo/api.yaml`: the standard
/// catalog, then `demo/errors.yaml`) has a translation, in catalog order, with the
/// placeholders of its message and a title where the entry has one, and no docs. The
/// loader checks this against the composed catalog too; this holds the demo's files to it
/// whatever state the loader is in.
#[test]
fn demo_locale_files_translate_every_entry() {
    fn placeholders(text: &Value) -> Vec<String> {
        let text = text
            .as_str()
            .unwrap_or_default()
            .replace("{{", "")
            .replace("}}", "");
        let mut names: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(n, _)| n.to_owned()))
            .collect();
        names.sort();
        names
    }
    let mut entries = Vec::new();
    for rel in ["auth-errors-core/std/auth-errors.yaml", "demo/errors.yaml"] {
        let catalog = to_json(&workspace_root().join(rel)).unwrap();
        let defined = catalog["errors"]
            .as_object()
            .unwrap_or_else(|| panic!("{rel}: no errors"));
        entries.extend(
            defined
                .iter()
                .map(|(code, entry)| (code.clone(), entry.clone())),
        );
    }
    assert_eq!(
        entries.len(),
        15,
        "the standard catalog's 12 entries and the demo's 3"
    );
    for (rel, _) in DEMO_LOCALES {
        let file = to_json(&workspace_root().join(rel)).unwrap();
        let messages = file["messages"]
            .as_object()
            .unwrap_or_else(|| panic!("{rel}: no messages"));
        let codes: Vec<&String> = messages.keys().collect();
        let expected: Vec<&String> = entries.iter().map(|(c, _)| c).collect();
        assert_eq!(
            codes, expected,
            "{rel}: not the catalog's codes in its order"
        );
        for (code, entry) in &entries {
            let t = &messages[code];
            for field in ["message", "title"] {
                assert_eq!(
                    t.get(field).is_some(),
                    entry.get(field).is_some(),
                    "{rel}: {code}: a {field} where the catalog has none, or none where it has one"
                );
                if let Some(source) = entry.get(field) {
                    assert_eq!(
                        placeholders(&t[field]),
                        placeholders(source),
                        "{rel}: {code}: the {field}'s placeholders are not the catalog's"
                    );
                    assert_ne!(
                        &t[field], source,
                        "{rel}: {code}: the {field} is not translated"
                    );
                }
            }
            assert!(
                t.get("docs").is_none(),
                "{rel}: {code}: docs are not translated here"
            );
        }
    }
}

#[test]
fn locale_schema_rejects_each_mistake() {
    let validator = locale_validator();
    // (what, text of LOCALE, replaced by, where the schema must say so)
    let cases = [
        (
            "a tag with '_'",
            "locale: fr\n",
            "locale: fr_FR\n",
            "/locale",
        ),
        (
            "a tag with a trailing '-'",
            "locale: fr\n",
            "locale: fr-\n",
            "/locale",
        ),
        ("an empty tag", "locale: fr\n", "locale: ''\n", "/locale"),
        ("no tag", "locale: fr\n", "", "/"),
        ("version 2", "version: 1\n", "version: 2\n", "/version"),
        (
            "version as text",
            "version: 1\n",
            "version: '1'\n",
            "/version",
        ),
        ("no version", "version: 1\n", "", "/"),
        ("no messages", "messages:\n", "x-messages:\n", "/"),
        (
            "an unknown top-level key",
            "locale: fr\n",
            "locale: fr\nlang: fr\n",
            "/",
        ),
        (
            "a translation without a message",
            "    message: Le jeton d'accès a expiré\n",
            "",
            "/messages/TOKEN_EXPIRED",
        ),
        (
            "an unknown key 'mesage' beside the message",
            "    title: Jeton d'accès expiré\n",
            "    title: Jeton d'accès expiré\n    mesage: Le jeton a expiré\n",
            "/messages/TOKEN_EXPIRED",
        ),
        (
            "a lower-case code",
            "  TOKEN_EXPIRED:\n",
            "  token_expired:\n",
            "/messages",
        ),
        (
            "a code with a double underscore",
            "  TOKEN_EXPIRED:\n",
            "  TOKEN__EXPIRED:\n",
            "/messages",
        ),
        (
            "an empty message",
            "    message: Le jeton d'accès a expiré\n",
            "    message: ''\n",
            "/messages/TOKEN_EXPIRED/message",
        ),
        (
            "a placeholder that is not snake_case",
            "{scope}",
            "{Scope}",
            "/messages/INSUFFICIENT_SCOPE/message",
        ),
        (
            "a lone brace in a title",
            "    title: Jeton d'accès expiré\n",
            "    title: \"Jeton {expiré\"\n",
            "/messages/TOKEN_EXPIRED/title",
        ),
        (
            "docs that are not text",
            "    docs: Demandez la portée à l'utilisateur.\n",
            "    docs: [Demandez]\n",
            "/messages/INSUFFICIENT_SCOPE/docs",
        ),
        (
            "a translation that is text, not a mapping",
            "  INSUFFICIENT_SCOPE:\n    message: \"Cette action nécessite la portée {scope}\"\n    docs: Demandez la portée à l'utilisateur.\n",
            "  INSUFFICIENT_SCOPE: \"Cette action nécessite la portée {scope}\"\n",
            "/messages/INSUFFICIENT_SCOPE",
        ),
    ];
    assert_each_rejected(&validator, LOCALE, &cases);

    // What the loader accepts, the schema accepts: `x-` keys (the home of YAML anchors),
    // any well-formed tag, a translation with its message alone, a file translating nothing.
    for (from, to) in [
        ("messages:\n", "x-note: &n Jeton\nmessages:\n"),
        (
            "    title: Jeton d'accès expiré\n",
            "    x-old: Jeton expiré\n",
        ),
        ("locale: fr\n", "locale: zh-Hans-CN\n"),
        ("locale: fr\n", "locale: DE-ch-1901\n"),
        ("{scope}", "{{scope}} {scope}"),
    ] {
        let text = changed(LOCALE, from, to);
        let errs = errors(&validator, &yaml_value(&text));
        assert!(
            errs.is_empty(),
            "the schema rejects:{}\n{text}",
            indented(&errs)
        );
    }
    let empty = yaml_value("version: 1\nlocale: fr\nmessages: {}\n");
    assert!(errors(&validator, &empty).is_empty());
}

/// The tag pattern of both schemas (a locale file's `locale`, a catalog's
/// `defaults.locale`) takes the tags `LanguageTag` takes, and only those.
#[test]
fn schema_tag_patterns_agree_with_language_tag() {
    use auth_errors::locale::LanguageTag;

    let well_formed = [
        "en",
        "fr",
        "zh",
        "de-CH",
        "EN-us",
        "zh-Hans",
        "zh-Hans-CN",
        "zh-cmn-Hans-CN",
        "zh-yue-HK",
        "sr-Latn-RS",
        "es-419",
        "de-CH-1901",
        "sl-rozaj-biske",
        "hy-Latn-IT-arevela",
        "en-US-u-islamcal",
        "en-u-ca-gregory-nu-latn",
        "zh-CN-a-myext-x-private",
        "en-a-myext-b-another",
        "de-CH-x-phonebk",
        "x-whatever",
        "X-Private",
        "qaa-Qaaa-QM-x-southern",
        "abcdefgh",
        "i-klingon",
        "I-KLINGON",
        "en-GB-oed",
        "sgn-CH-DE",
        "art-lojban",
        "zh-min-nan",
    ];
    let not_well_formed = [
        "",
        "fr_FR",
        "fr-",
        "-fr",
        "fr--CH",
        "fr CH",
        "fr-ç",
        "abcdefghi",
        "a-DE",
        "1de",
        "de-419-DE",
        "en-US-Latn",
        "en-x",
        "en-a",
        "en-a-b",
        "x",
        "en-x-abcdefghi",
        "i-foo",
        "sgn-BE-DE",
        "en-GB-oe",
        "fr\n",
        "fr-FR-",
    ];
    let locale_validator = locale_validator();
    let catalog_validator = validator();
    let mut wrong = Vec::new();
    for (tags, expected) in [(&well_formed[..], true), (&not_well_formed[..], false)] {
        for &tag in tags {
            let loader = LanguageTag::new(tag).is_ok();
            let file = serde_json::json!({"version": 1, "locale": tag, "messages": {}});
            let catalog = serde_json::json!({
                "version": 1, "include": ["std"], "defaults": {"locale": tag}
            });
            let in_file = errors(&locale_validator, &file).is_empty();
            let in_catalog = errors(&catalog_validator, &catalog).is_empty();
            if (loader, in_file, in_catalog) != (expected, expected, expected) {
                wrong.push(format!(
                    "{tag:?}: well-formed is {expected}, but LanguageTag says {loader}, locale.schema.json {in_file}, catalog.schema.json {in_catalog}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn demo_api_catalog_passes_the_catalog_schema() {
    let path = workspace_root().join("demo/api.yaml");
    assert_points_at(&path, "schema/catalog.schema.json");
    let instance = to_json(&path).unwrap_or_else(|e| panic!("demo/api.yaml: not YAML: {e}"));
    let errs = errors(&validator(), &instance);
    assert!(
        errs.is_empty(),
        "demo/api.yaml: the schema rejects it:{}",
        indented(&errs)
    );
    // It is the catalog the locale files translate: the standard catalog and the demo's
    // entries, no entries of its own, and both locale files, which exist beside it.
    assert_eq!(
        instance["include"],
        serde_json::json!(["std", "errors.yaml"])
    );
    assert!(instance.get("errors").is_none());
    assert_eq!(instance["defaults"]["locale"], "en");
    let listed: Vec<&str> = instance["locales"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(listed, ["locales/fr.yaml", "locales/zh.yaml"]);
    for (rel, file) in listed.iter().zip(DEMO_LOCALES) {
        let target = path.parent().unwrap().join(rel);
        assert_eq!(
            target.canonicalize().unwrap(),
            workspace_root().join(file.0).canonicalize().unwrap()
        );
    }
}

#[test]
fn catalog_schema_checks_locales_and_the_default_locale() {
    let validator = validator();
    let cases = [
        (
            "a default tag with '_'",
            "  locale: en\n",
            "  locale: en_US\n",
            "/defaults/locale",
        ),
        (
            "an empty default tag",
            "  locale: en\n",
            "  locale: ''\n",
            "/defaults/locale",
        ),
        (
            "a default tag that is a list",
            "  locale: en\n",
            "  locale: [en]\n",
            "/defaults/locale",
        ),
        (
            "locales as one path, not a list",
            "locales: [locales/fr.yaml, locales/zh.yaml]\n",
            "locales: locales/fr.yaml\n",
            "/locales",
        ),
        ("an empty path", "locales/zh.yaml]", "'']", "/locales/1"),
        (
            "a path that is not text",
            "locales/zh.yaml]",
            "15]",
            "/locales/1",
        ),
        (
            "an absolute path",
            "locales/zh.yaml]",
            "/etc/zh.yaml]",
            "/locales/1",
        ),
        (
            "a Windows absolute path",
            "locales/zh.yaml]",
            "'C:\\zh.yaml']",
            "/locales/1",
        ),
        ("a misspelt 'locale' key", "locales: [", "locale: [", "/"),
    ];
    assert_each_rejected(&validator, LOCALIZED_CATALOG, &cases);
    // A catalog may name no locale files, and state its own language alone.
    let text = changed(
        LOCALIZED_CATALOG,
        "locales: [locales/fr.yaml, locales/zh.yaml]\n",
        "",
    );
    let errs = errors(&validator, &yaml_value(&text));
    assert!(
        errs.is_empty(),
        "the schema rejects:{}\n{text}",
        indented(&errs)
    );
}
