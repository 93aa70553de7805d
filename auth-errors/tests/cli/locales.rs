//! `auth-errors check` on catalogs with locale files (issue 15): each locale mistake is
//! reported at its line and column in the locale file; an untranslated entry is a warning,
//! an error with `--require-complete`. The fixtures are the trybuild cases' own.

use super::{run, text};

/// The fixture catalog `tests/ui/catalogs/locale-{name}.yaml`, as the CLI is given it.
fn fixture(name: &str) -> String {
    format!("../tests/ui/catalogs/locale-{name}.yaml")
}

const LOCALES: &str = "../tests/ui/catalogs/locales";

#[test]
fn each_locale_mistake_is_one_line_at_its_place() {
    let cases = [
        (
            "tag",
            format!(
                "{LOCALES}/tag.fr.yaml:2:9: error[locale-tag]: 'fr_FR' is not a well-formed BCP 47 language tag (RFC 5646): a language tag has only ASCII letters, digits and '-' (RFC 5646 §2.1); write a tag such as 'fr', 'de-CH' or 'zh-Hans'"
            ),
        ),
        (
            "placeholder",
            format!(
                "{LOCALES}/placeholder.fr.yaml:7:14: error[locale-placeholder]: INSUFFICIENT_SCOPE: the translation uses {{scop}}, which is not a param of the entry (did you mean '{{scope}}'?)"
            ),
        ),
        (
            "param-missing",
            format!(
                "{LOCALES}/param-missing.fr.yaml:7:14: error[locale-param-missing]: INSUFFICIENT_SCOPE: the translation leaves out {{scope}}, which the entry's message uses (line 16 of {}); a client would lose the value",
                fixture("param-missing")
            ),
        ),
        (
            "unknown-code",
            format!(
                "{LOCALES}/unknown-code.fr.yaml:8:3: error[locale-unknown-code]: TOKEN_EXPIRD: the catalog defines no such code (did you mean 'TOKEN_EXPIRED'?)"
            ),
        ),
        (
            "retired-code",
            format!(
                "{LOCALES}/retired-code.fr.yaml:8:3: error[locale-retired-code]: OLD_CODE: the code is retired: no response carries it, so it has nothing to translate; remove it"
            ),
        ),
        (
            "duplicate-key",
            format!(
                "{LOCALES}/duplicate-key.fr.yaml:8:3: error[duplicate-key]: duplicate key 'TOKEN_EXPIRED': each key may appear only once in a mapping"
            ),
        ),
        (
            "duplicate",
            format!(
                "{LOCALES}/duplicate.fr.yaml:2:9: error[locale-duplicate]: the locale 'FR' is already given by {LOCALES}/good.fr.yaml:2:9; each language has one file"
            ),
        ),
    ];
    for (name, line) in cases {
        let out = run(&["check", &fixture(name)], None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(text(&out.stderr), format!("{line}\n"), "{name}");
        assert_eq!(text(&out.stdout), "", "{name}");
    }
}

#[test]
fn an_untranslated_entry_is_a_warning_and_an_error_when_required() {
    let file = fixture("incomplete");
    let warning = format!(
        "{LOCALES}/incomplete.fr.yaml:2:9: warning[locale-incomplete]: the locale 'fr' has no translation for one entry: INSUFFICIENT_SCOPE; they answer in the catalog's own language\n"
    );
    let out = run(&["check", &file], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), warning);
    assert_eq!(text(&out.stdout), format!("{file}: ok (2 entries)\n"));
    for flag in ["--require-complete", "--strict"] {
        let out = run(&["check", flag, &file], None);
        assert_eq!(out.status.code(), Some(1), "{flag}");
        assert_eq!(
            text(&out.stderr),
            warning.replace(": warning[", ": error["),
            "{flag}"
        );
    }
}

#[test]
fn a_sound_catalog_with_locales_checks_clean() {
    for file in [fixture("good"), "../demo/api.yaml".to_owned()] {
        let out = run(&["check", "--require-complete", &file], None);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out.stderr));
        assert_eq!(text(&out.stderr), "", "{file}");
    }
}

#[test]
fn docs_render_the_markdown_reference_in_one_language() {
    let file = "../demo/api.yaml";
    let cat = auth_errors::catalog::Loader::new()
        .read_files()
        .load_file(std::path::Path::new(file))
        .unwrap();
    let specs = cat.to_specs();
    let zh = run(
        &["docs", file, "--format", "markdown", "--locale", "zh"],
        None,
    );
    assert_eq!(zh.status.code(), Some(0), "{}", text(&zh.stderr));
    assert_eq!(
        text(&zh.stdout),
        auth_errors::docs::markdown_in(&specs, cat.locale("zh").unwrap())
    );
    assert!(text(&zh.stdout).contains("Content-Language: zh\n"));
    // The catalog's own tag is its own text; the tag compares case-insensitively.
    for tag in ["en", "EN"] {
        let en = run(
            &["docs", file, "--format", "markdown", "--locale", tag],
            None,
        );
        assert_eq!(
            text(&en.stdout),
            auth_errors::docs::markdown(&specs),
            "{tag}"
        );
    }
    let fr = run(
        &["docs", file, "--format", "markdown", "--locale", "FR"],
        None,
    );
    assert_eq!(
        text(&fr.stdout),
        auth_errors::docs::markdown_in(&specs, cat.locale("fr").unwrap())
    );

    let de = run(
        &["docs", file, "--format", "markdown", "--locale", "de"],
        None,
    );
    assert_eq!(de.status.code(), Some(1));
    assert_eq!(
        text(&de.stderr),
        "error: the catalog has no locale 'de': its languages are en, fr, zh\n"
    );
    assert_eq!(text(&de.stdout), "");
    let ts = run(
        &["docs", file, "--format", "typescript", "--locale", "fr"],
        None,
    );
    assert_eq!(ts.status.code(), Some(1));
    assert!(
        text(&ts.stderr).starts_with("error: --locale renders the Markdown reference"),
        "{}",
        text(&ts.stderr)
    );
}

#[test]
fn the_typescript_pack_carries_every_language() {
    let out = run(
        &["docs", "../demo/api.yaml", "--format", "typescript"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ts = text(&out.stdout);
    assert!(ts.contains(r#"export const LOCALES = ["en", "fr", "zh"] as const;"#));
    assert!(ts.contains("\n  \"fr\": {\n") && ts.contains("\n  \"zh\": {\n"));
}
