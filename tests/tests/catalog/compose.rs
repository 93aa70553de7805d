//! Composed catalogs: `include:` (`std` and paths), `prefix:`, `retired:`, and the
//! mistakes only a composition can make, each reported with file, line and column.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashMap;

use auth_errors::catalog::{self, Catalog, Diagnostic, Loader, Partial};
use auth_errors_tests::{STANDARD_CODES, tests_path, workspace_root};

/// Loads `root` from a set of in-memory files, as a `Loader` reads them by name.
fn compose(files: &[(&str, &str)], root: &str) -> (Option<Catalog<Partial>>, Vec<Diagnostic>) {
    let files: HashMap<&str, &str> = files.iter().copied().collect();
    let text = files[root];
    Loader::new()
        .read(|name| {
            files
                .get(name)
                .map(|t| (*t).to_owned())
                .ok_or_else(|| format!("no such file (test reader asked for '{name}')"))
        })
        .load_partial(text, root)
}

fn lines(found: &[Diagnostic]) -> Vec<String> {
    found.iter().map(ToString::to_string).collect()
}

fn codes_and_origins<S>(catalog: &Catalog<S>) -> Vec<(String, String)> {
    catalog
        .entries()
        .iter()
        .map(|e| (e.code().value().clone(), e.origin().to_owned()))
        .collect()
}

#[test]
fn the_embedded_standard_catalog_is_its_only_copy() {
    let root = workspace_root();
    let source =
        std::fs::read_to_string(root.join("auth-errors-core/std/auth-errors.yaml")).unwrap();
    assert_eq!(catalog::STANDARD_CATALOG, source);
    // The copies there were before: `#[catalog(std)]` reads the embedded text instead.
    for copy in ["schema/auth-errors.yaml", "auth-errors/auth-errors.yaml"] {
        assert!(
            !root.join(copy).exists(),
            "{copy}: the standard catalog's source is auth-errors-core/std/auth-errors.yaml"
        );
    }
}

#[test]
fn a_team_catalog_composes_std_and_a_shared_file() {
    let path = tests_path("fixtures/compose/team/errors.yaml");
    let catalog = Loader::new()
        .read_files()
        .load_file(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    let team = path.display().to_string();
    let billing = tests_path("fixtures/compose/shared/billing.yaml")
        .display()
        .to_string();
    // The path as the loader names it: `team/../shared` resolved.
    assert!(!billing.contains(".."));

    let mut want: Vec<(String, String)> = STANDARD_CODES
        .iter()
        .map(|c| ((*c).to_owned(), "std".to_owned()))
        .collect();
    // billing.yaml includes std too: composed once, no clash.
    want.push(("BILLING_PAYMENT_REQUIRED".to_owned(), billing.clone()));
    want.push(("ORDERS_NOT_FOUND".to_owned(), team.clone()));
    want.push(("ORDERS_LOCKED".to_owned(), team.clone()));
    assert_eq!(codes_and_origins(&catalog), want);

    // The root's defaults govern every entry, the included ones too.
    let expired = catalog.get("TOKEN_EXPIRED").unwrap();
    let spec = expired.to_spec(catalog.defaults(), &mut |s| {
        Box::leak(s.to_owned().into_boxed_str())
    });
    let challenge = spec.challenge().unwrap();
    assert_eq!(challenge.params()[0], ("realm", "orders"));
    assert_eq!(
        spec.type_uri(),
        Some("https://docs.example.com/errors/TOKEN_EXPIRED")
    );
    // Locations stay those of the entry's own file.
    assert_eq!(expired.code().at().map(|at| at.line()), Some(25));
    assert_eq!(
        catalog
            .get("ORDERS_NOT_FOUND")
            .unwrap()
            .code()
            .at()
            .map(|at| at.line()),
        Some(16)
    );

    let includes: Vec<&str> = catalog.includes().iter().map(|i| i.as_str()).collect();
    assert_eq!(includes, ["std", "../shared/billing.yaml"]);
    assert_eq!(catalog.prefix().map(|p| p.as_str()), Some("ORDERS_"));
    let retired: Vec<(&str, &str)> = catalog
        .retired()
        .iter()
        .map(|r| (r.code().as_str(), r.origin()))
        .collect();
    assert_eq!(retired, [("ORDERS_OUT_OF_STOCK", team.as_str())]);
}

const TEAM_A: &str = "version: 1\nerrors:\n  SHARED_CODE:\n    status: 409\n    message: From A\n";
const TEAM_B: &str = "version: 1\nerrors:\n  OTHER:\n    status: 400\n    message: Other\n  SHARED_CODE:\n    status: 410\n    message: From B\n";

#[test]
fn two_included_files_defining_one_code_name_both_places() {
    let root = "version: 1\ninclude:\n  - teams/a.yaml\n  - teams/b.yaml\n";
    let (catalog, found) = compose(
        &[
            ("api/errors.yaml", root),
            ("api/teams/a.yaml", TEAM_A),
            ("api/teams/b.yaml", TEAM_B),
        ],
        "api/errors.yaml",
    );
    assert_eq!(
        lines(&found),
        [
            "api/teams/b.yaml:6:3: error[duplicate-code]: SHARED_CODE: already defined at api/teams/a.yaml:3:3; a code may be defined by only one of the composed catalog files"
        ]
    );
    assert_eq!(found[0].rule().id(), "duplicate-code");
    // The model keeps the first definition only.
    let catalog = catalog.unwrap();
    assert_eq!(
        codes_and_origins(&catalog),
        [
            ("SHARED_CODE".to_owned(), "api/teams/a.yaml".to_owned()),
            ("OTHER".to_owned(), "api/teams/b.yaml".to_owned()),
        ]
    );
}

#[test]
fn redefining_a_standard_code_names_std() {
    let root = "version: 1\ninclude: [std]\nerrors:\n  TOKEN_EXPIRED:\n    status: 401\n    message: Mine\n    challenge:\n      error: invalid_token\n";
    let (_, found) = compose(&[("errors.yaml", root)], "errors.yaml");
    assert_eq!(
        lines(&found),
        [
            "errors.yaml:4:3: error[duplicate-code]: TOKEN_EXPIRED: already defined at std:25:3; a code may be defined by only one of the composed catalog files"
        ]
    );
}

#[test]
fn a_mistake_inside_an_included_file_names_that_file() {
    let root = "version: 1\ninclude: [shared.yaml]\nerrors:\n  ROOT_CODE:\n    status: 700\n    message: Root\n";
    let shared = "version: 1\nerrors:\n  SHARED:\n    status: 403\n    message: No\n    challenge: {realm: api}\n";
    let (catalog, found) = compose(
        &[("errors.yaml", root), ("shared.yaml", shared)],
        "errors.yaml",
    );
    // The root's mistakes first, then the included file's, each in file order.
    assert_eq!(
        lines(&found),
        [
            "errors.yaml:5:13: error[status-range]: ROOT_CODE: status 700 is not an HTTP error status (400–599)",
            "shared.yaml:6:5: error[challenge-without-error]: SHARED: a challenge on a 403 response must say why with an 'error' (RFC 6750 §3); only a 401 may carry a challenge without one",
        ]
    );
    assert_eq!(catalog.unwrap().entries().len(), 2);
}

#[test]
fn an_include_cycle_is_an_error_not_a_stack_overflow() {
    let a = "version: 1\ninclude: [b.yaml]\nerrors:\n  A_CODE:\n    status: 400\n    message: A\n";
    let b = "version: 1\ninclude: [a.yaml]\nerrors:\n  B_CODE:\n    status: 400\n    message: B\n";
    let (catalog, found) = compose(&[("a.yaml", a), ("b.yaml", b)], "a.yaml");
    assert_eq!(
        lines(&found),
        [
            "b.yaml:2:11: error[include]: include cycle: a.yaml → b.yaml → a.yaml; a catalog may not include itself"
        ]
    );
    assert_eq!(found[0].rule().id(), "include");
    assert_eq!(catalog.unwrap().entries().len(), 2);

    let me =
        "version: 1\ninclude: [./me.yaml]\nerrors:\n  A_CODE:\n    status: 400\n    message: A\n";
    let (_, found) = compose(&[("me.yaml", me)], "me.yaml");
    assert_eq!(
        lines(&found),
        [
            "me.yaml:2:11: error[include]: include cycle: me.yaml → me.yaml; a catalog may not include itself"
        ]
    );
}

#[test]
fn includes_whose_names_never_repeat_stop_at_a_depth_limit() {
    // A folder that is a symbolic link to itself: `loop/errors.yaml`,
    // `loop/loop/errors.yaml`, … are one file under ever new names.
    let text = "version: 1\ninclude: [loop/errors.yaml]\n";
    let mut reads = 0;
    let (_, found) = Loader::new()
        .read(|_| {
            reads += 1;
            Ok(text.to_owned())
        })
        .load_partial(text, "errors.yaml");
    assert_eq!(reads, 15);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule().id(), "include");
    assert_eq!(
        found[0].file(),
        format!("{}errors.yaml", "loop/".repeat(15))
    );
    assert!(
        found[0]
            .message()
            .starts_with("includes nest deeper than 16 files at '"),
        "{}",
        found[0]
    );
}

#[test]
fn a_missing_include_is_reported_where_it_is_named() {
    let root = "version: 1\ninclude:\n  - std\n  - missing.yaml\nerrors:\n  MINE:\n    status: 400\n    message: Mine\n";
    let (catalog, found) = compose(&[("api/errors.yaml", root)], "api/errors.yaml");
    assert_eq!(
        lines(&found),
        [
            "api/errors.yaml:4:5: error[include]: cannot read the included catalog 'api/missing.yaml': no such file (test reader asked for 'api/missing.yaml')"
        ]
    );
    // What did load is kept.
    assert_eq!(catalog.unwrap().entries().len(), STANDARD_CODES.len() + 1);
}

#[test]
fn a_missing_include_on_disk_is_an_include_diagnostic() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("compose-missing");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("errors.yaml");
    std::fs::write(
        &path,
        "version: 1\ninclude: [gone.yaml]\nerrors:\n  MINE:\n    status: 400\n    message: Mine\n",
    )
    .unwrap();
    let err = Loader::new().read_files().load_file(&path).unwrap_err();
    assert_eq!(err.len(), 1, "{err}");
    let d = &err.as_slice()[0];
    assert_eq!(
        (d.rule().id(), d.file()),
        ("include", path.to_str().unwrap())
    );
    assert_eq!(d.location().map(|l| (l.line(), l.column())), Some((2, 11)));
    let gone = dir.join("gone.yaml").display().to_string();
    assert!(
        d.message()
            .starts_with(&format!("cannot read the included catalog '{gone}': ")),
        "{d}"
    );
}

#[test]
fn text_given_catalogs_include_std_but_not_paths() {
    let with_std = "version: 1\ninclude: [std]\n";
    let catalog = catalog::load(with_std, "errors.yaml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.entries().len(), STANDARD_CODES.len());
    assert!(catalog.entries().iter().all(|e| e.origin() == "std"));

    let with_path = "version: 1\ninclude: [shared.yaml]\n";
    let err = catalog::load(with_path, "errors.yaml").unwrap_err();
    assert_eq!(
        err.to_string(),
        "errors.yaml:2:11: error[include]: cannot read the included catalog 'shared.yaml': the catalog was given as text, so 'shared.yaml' cannot be read; load it with a catalog::Loader that reads files"
    );
}

#[test]
fn include_values_are_checked() {
    let text = "version: 1\ninclude: std\nerrors:\n  A:\n    status: 400\n    message: A\n";
    assert_eq!(
        catalog::load(text, "e.yaml").unwrap_err().to_string(),
        "e.yaml:2:10: error[wrong-type]: 'include' must be a list of catalog files, found a string"
    );
    let text = "version: 1\ninclude:\n  - /etc/errors.yaml\n  - ''\n  - 3\nerrors:\n  A:\n    status: 400\n    message: A\n";
    let found = catalog::load(text, "e.yaml").unwrap_err();
    let got: Vec<(u64, &str)> = found
        .iter()
        .map(|d| (d.location().unwrap().line(), d.rule().id()))
        .collect();
    assert_eq!(got, [(3, "include"), (4, "include"), (5, "wrong-type")]);
    assert!(
        found.as_slice()[0]
            .message()
            .contains("not an absolute path"),
        "{}",
        found.as_slice()[0]
    );
}

#[test]
fn a_catalog_of_includes_only_needs_no_errors_but_an_empty_list_does() {
    let (catalog, found) = compose(&[("all.yaml", "version: 1\ninclude: [std]\n")], "all.yaml");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(catalog.unwrap().entries().len(), STANDARD_CODES.len());

    let (_, found) = compose(&[("all.yaml", "version: 1\ninclude: []\n")], "all.yaml");
    assert_eq!(
        lines(&found),
        ["all.yaml:1:1: error[empty-catalog]: the catalog has no entries: add an 'errors' mapping"]
    );
}

#[test]
fn codes_must_carry_the_files_own_prefix() {
    let root = "version: 1\ninclude: [std]\nprefix: ORDERS_\nerrors:\n  ORDERS_GONE:\n    status: 410\n    message: Gone\n  ORDER_LATE:\n    status: 409\n    message: Late\n";
    let (_, found) = compose(&[("errors.yaml", root)], "errors.yaml");
    // std's codes do not carry the prefix and need not: it applies to the file's own.
    assert_eq!(
        lines(&found),
        [
            "errors.yaml:8:3: error[prefix]: ORDER_LATE: every code this catalog defines must start with its prefix 'ORDERS_' (line 3) and go on after it",
        ]
    );
    assert_eq!(found[0].rule().id(), "prefix");

    // A code that is the prefix alone does not carry it.
    let bare =
        "version: 1\nprefix: ORDERS\nerrors:\n  ORDERS:\n    status: 409\n    message: Bare\n";
    assert_eq!(
        catalog::load(bare, "e.yaml").unwrap_err().to_string(),
        "e.yaml:4:3: error[prefix]: ORDERS: every code this catalog defines must start with its prefix 'ORDERS' (line 2) and go on after it"
    );

    let bad = "version: 1\nprefix: orders-\nerrors:\n  LATE:\n    status: 409\n    message: Late\n";
    assert_eq!(
        catalog::load(bad, "e.yaml").unwrap_err().to_string(),
        "e.yaml:2:9: error[prefix]: prefix 'orders-' must be the start of a SCREAMING_SNAKE_CASE code, such as 'ORDERS_'"
    );
}

#[test]
fn a_retired_code_may_not_be_defined_again() {
    let text = "version: 1\nretired:\n  - TOKEN_OLD\nerrors:\n  TOKEN_OLD:\n    status: 400\n    message: Old\n";
    let err = catalog::load(text, "errors.yaml").unwrap_err();
    assert_eq!(
        err.to_string(),
        "errors.yaml:5:3: error[retired]: TOKEN_OLD: the code is retired (line 3 lists it under 'retired:'); a retired code may never be defined again, so clients that knew it are not misled: choose a new code"
    );
    assert_eq!(err.as_slice()[0].rule().id(), "retired");
}

#[test]
fn a_retired_list_reaches_across_files() {
    // The shared file retired a code; the team may not bring it back.
    let root = "version: 1\ninclude: [shared.yaml]\nerrors:\n  LEGACY_CODE:\n    status: 400\n    message: Back again\n";
    let shared = "version: 1\nretired: [LEGACY_CODE]\nerrors:\n  SHARED:\n    status: 400\n    message: Shared\n";
    let (catalog, found) = compose(
        &[("errors.yaml", root), ("shared.yaml", shared)],
        "errors.yaml",
    );
    assert_eq!(
        lines(&found),
        [
            "errors.yaml:4:3: error[retired]: LEGACY_CODE: the code is retired (shared.yaml:2:11 lists it under 'retired:'); a retired code may never be defined again, so clients that knew it are not misled: choose a new code"
        ]
    );
    let catalog = catalog.unwrap();
    let retired: Vec<&str> = catalog.retired().iter().map(|r| r.origin()).collect();
    assert_eq!(retired, ["shared.yaml"]);
}

#[test]
fn retired_lists_are_checked() {
    let text = "version: 1\nretired:\n  - OLD_ONE\n  - old_two\n  - OLD_ONE\nerrors:\n  A:\n    status: 400\n    message: A\n";
    assert_eq!(
        catalog::load(text, "e.yaml").unwrap_err().to_string(),
        "e.yaml:4:5: error[code-case]: old_two: a retired code must be SCREAMING_SNAKE_CASE, as every code is\n\
         e.yaml:5:5: error[retired]: OLD_ONE: listed twice under 'retired:' (first at line 3)"
    );
    let text = "version: 1\nretired: OLD_ONE\nerrors:\n  A:\n    status: 400\n    message: A\n";
    assert_eq!(
        catalog::load(text, "e.yaml").unwrap_err().to_string(),
        "e.yaml:2:10: error[wrong-type]: 'retired' must be a list of codes, found a string"
    );
}

#[test]
fn codes_from_two_files_that_become_one_variant_name_both_are_named() {
    let root = "version: 1\ninclude: [shared.yaml]\nerrors:\n  OAUTH_2_ERROR:\n    status: 400\n    message: Two\n";
    let shared = "version: 1\nerrors:\n  OAUTH2_ERROR:\n    status: 400\n    message: One\n";
    let (_, found) = compose(
        &[("errors.yaml", root), ("shared.yaml", shared)],
        "errors.yaml",
    );
    assert_eq!(
        lines(&found),
        [
            "errors.yaml:4:3: error[variant-clash]: OAUTH_2_ERROR: OAUTH2_ERROR (shared.yaml:3:3) and OAUTH_2_ERROR both become the variant name Oauth2Error"
        ]
    );
}

#[test]
fn a_composed_catalog_renders_docs_with_every_entry() {
    let path = tests_path("fixtures/compose/team/errors.yaml");
    let specs = Loader::new()
        .read_files()
        .load_file(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .to_specs();
    let md = auth_errors::docs::markdown(&specs);
    for code in STANDARD_CODES.iter().chain(&[
        "BILLING_PAYMENT_REQUIRED",
        "ORDERS_NOT_FOUND",
        "ORDERS_LOCKED",
    ]) {
        assert!(md.contains(code), "{code} missing from the docs:\n{md}");
    }
    // Included entries are documented with the team's realm.
    assert!(md.contains(r#"realm="orders""#), "{md}");
    assert!(!md.contains(r#"realm="api""#), "{md}");
}
