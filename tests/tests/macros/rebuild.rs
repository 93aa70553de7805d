//! A user's crate: editing its catalog rebuilds it, and a 1,000-entry catalog compiles.
//!
//! Builds a small fixture crate with the real `cargo`, against this workspace's
//! `auth-errors`, offline and with its own cached target directory.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use auth_errors_tests::workspace_root;

fn fixture(name: &str, main_rs: &str, catalog: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let root = workspace_root();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nauth-errors = {{ path = {:?} }}\n\n[workspace]\n",
            root.join("auth-errors").display().to_string()
        ),
    )
    .unwrap();
    // The workspace's lock file pins the same dependency versions, so no network is needed.
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    std::fs::write(dir.join("src/main.rs"), main_rs).unwrap();
    std::fs::write(dir.join("errors.yaml"), catalog).unwrap();
    dir
}

fn cargo_run(dir: &Path) -> String {
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline"])
        .current_dir(dir)
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixture-target"),
        )
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    assert!(
        out.status.success(),
        "cargo run failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn catalog_with_message(message: &str) -> String {
    format!(
        "version: 1\nerrors:\n  TOKEN_MISSING:\n    status: 401\n    message: {message}\n    challenge: {{realm: api}}\n"
    )
}

#[test]
fn editing_the_catalog_rebuilds_the_crate() {
    let main_rs = r#"
#[auth_errors::catalog("errors.yaml")]
#[derive(Debug)]
enum ApiError {}

fn main() {
    println!("{}", ApiError::TokenMissing);
}
"#;
    let dir = fixture(
        "rebuild-fixture",
        main_rs,
        &catalog_with_message("First wording"),
    );
    assert_eq!(cargo_run(&dir), "First wording");
    std::fs::write(
        dir.join("errors.yaml"),
        catalog_with_message("Second wording"),
    )
    .unwrap();
    assert_eq!(cargo_run(&dir), "Second wording");
}

#[test]
fn a_thousand_entry_catalog_compiles() {
    let mut catalog = String::from("version: 1\ndefaults:\n  realm: api\nerrors:\n");
    for i in 0..1000 {
        match i % 3 {
            0 => catalog.push_str(&format!(
                "  TOKEN_EXPIRED_{i}:\n    status: 401\n    message: Token {i} expired\n    challenge:\n      error: invalid_token\n"
            )),
            1 => catalog.push_str(&format!(
                "  SCOPE_{i}:\n    status: 403\n    message: \"Needs {{scope}} ({i})\"\n    params:\n      scope: scope\n    challenge:\n      error: insufficient_scope\n      scope: \"{{scope}}\"\n"
            )),
            _ => catalog.push_str(&format!(
                "  BAD_REQUEST_{i}:\n    status: 400\n    message: Bad request {i}\n"
            )),
        }
    }
    let main_rs = r#"
use auth_errors::AuthError;

#[auth_errors::catalog("errors.yaml")]
#[derive(Debug)]
enum Big {}

fn main() {
    let last = Big::BadRequest998;
    println!("{} {} {}", Big::SPECS.len(), last.code(), last.body());
}
"#;
    let dir = fixture("thousand-fixture", main_rs, &catalog);
    assert_eq!(
        cargo_run(&dir),
        r#"1000 BAD_REQUEST_998 {"code":"BAD_REQUEST_998","message":"Bad request 998"}"#
    );
}

fn shared_catalog(message: &str) -> String {
    format!("version: 1\nerrors:\n  SHARED_GONE:\n    status: 410\n    message: {message}\n")
}

#[test]
fn editing_an_included_catalog_rebuilds_the_crate() {
    let main_rs = r#"
#[auth_errors::catalog("errors.yaml")]
#[derive(Debug)]
enum ApiError {}

fn main() {
    println!("{} / {}", ApiError::SharedGone, ApiError::TokenExpired);
}
"#;
    let dir = fixture(
        "rebuild-include-fixture",
        main_rs,
        "version: 1\ninclude: [std, shared/gone.yaml]\n",
    );
    std::fs::create_dir_all(dir.join("shared")).unwrap();
    std::fs::write(
        dir.join("shared/gone.yaml"),
        shared_catalog("First wording"),
    )
    .unwrap();
    assert_eq!(cargo_run(&dir), "First wording / Access token expired");
    std::fs::write(
        dir.join("shared/gone.yaml"),
        shared_catalog("Second wording"),
    )
    .unwrap();
    assert_eq!(cargo_run(&dir), "Second wording / Access token expired");
}

fn french(message: &str) -> String {
    format!("version: 1\nlocale: fr\nmessages:\n  TOKEN_MISSING:\n    message: {message}\n")
}

#[test]
fn editing_a_locale_file_rebuilds_the_crate() {
    let main_rs = r#"
use auth_errors::AuthError;

#[auth_errors::catalog("errors.yaml")]
#[derive(Debug)]
enum ApiError {}

fn main() {
    let translations = &ApiError::TRANSLATIONS;
    let fr = translations.locale("fr").unwrap();
    let text = translations.text(ApiError::TokenMissing.spec(), fr).unwrap();
    println!("{} / {}", text.message(), ApiError::TokenMissing);
}
"#;
    let catalog = format!(
        "locales: [locales/fr.yaml]\n{}",
        catalog_with_message("Sign in")
    );
    let dir = fixture("rebuild-locale-fixture", main_rs, &catalog);
    std::fs::create_dir_all(dir.join("locales")).unwrap();
    std::fs::write(dir.join("locales/fr.yaml"), french("Connectez-vous")).unwrap();
    assert_eq!(cargo_run(&dir), "Connectez-vous / Sign in");
    std::fs::write(dir.join("locales/fr.yaml"), french("Identifiez-vous")).unwrap();
    assert_eq!(cargo_run(&dir), "Identifiez-vous / Sign in");
}

#[test]
fn a_clash_between_included_catalogs_is_a_compile_error_naming_both() {
    let main_rs = r#"
#[auth_errors::catalog("errors.yaml")]
#[derive(Debug)]
enum ApiError {}

fn main() {}
"#;
    let dir = fixture(
        "compose-clash-fixture",
        main_rs,
        "version: 1\ninclude:\n  - teams/a.yaml\n  - teams/b.yaml\n",
    );
    std::fs::create_dir_all(dir.join("teams")).unwrap();
    std::fs::write(dir.join("teams/a.yaml"), shared_catalog("From A")).unwrap();
    std::fs::write(
        dir.join("teams/b.yaml"),
        format!("# team B\n{}", shared_catalog("From B")),
    )
    .unwrap();
    let out = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--offline"])
        .current_dir(&dir)
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixture-target"),
        )
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    assert!(!out.status.success(), "the clash compiled");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "error: teams/b.yaml:4:3: error[duplicate-code]: SHARED_GONE: already defined at teams/a.yaml:3:3; a code may be defined by only one of the composed catalog files"
        ),
        "{stderr}"
    );
}
