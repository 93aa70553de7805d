//! Snapshots of the three renderers over the standard catalog and an edge-case
//! catalog (pipes, HTML, Unicode, deprecated entries, params). Run with
//! `UPDATE_SNAPSHOTS=1` to rewrite them after an intended change, then review the diff.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;

use auth_errors::{catalog, docs};
use auth_errors_tests::{snapshot, tests_path, workspace_root};

fn specs(path: &Path) -> Vec<auth_errors::ErrorSpec> {
    catalog::Loader::new()
        .read_files()
        .load_file(path)
        .unwrap_or_else(|e| panic!("{e}"))
        .to_specs()
}

/// The TypeScript pack without its static runtime, which has its own tests.
fn ts_prelude(ts: &str) -> &str {
    let runtime = docs::typescript::RUNTIME;
    assert!(ts.ends_with(runtime));
    &ts[..ts.len() - runtime.len()]
}

#[test]
fn standard_catalog_snapshots() {
    let s = specs(&workspace_root().join("auth-errors-core/std/auth-errors.yaml"));
    snapshot::check("docs/standard.md", &docs::markdown(&s));
    snapshot::check(
        "docs/standard.openapi.json",
        &docs::openapi_json(&s, "API errors"),
    );
    snapshot::check("docs/standard.ts", ts_prelude(&docs::typescript(&s)));
}

#[test]
fn edge_case_snapshots() {
    let s = specs(&tests_path("fixtures/docs/edge.yaml"));
    let md = docs::markdown(&s);
    // Table cells escape pipes, Markdown and HTML.
    assert!(
        md.contains(r"Use a \| b, not &lt;i&gt;c&lt;/i&gt; \*or\* \_d\_ \[link\](x) \`code\`"),
        "{md}"
    );
    assert!(md.contains("Accès refusé — 権限がありません 🚫"));
    assert!(md.contains("(deprecated)"));
    assert!(md.contains(r"> **Deprecated:** Use NEW\_CODE \| instead &lt;now&gt;"));
    // Docs are Markdown and stay as written, code fences included.
    assert!(md.contains("let x = \"{braces}\" < 3;"));
    // A hidden 5xx message never reaches an example.
    assert!(!md.contains("hunter2"));
    snapshot::check("docs/edge.md", &md);
    let openapi = docs::openapi_json(&s, "Edge");
    assert!(!openapi.contains("hunter2"));
    snapshot::check("docs/edge.openapi.json", &openapi);
    snapshot::check("docs/edge.openapi.yaml", &docs::openapi_yaml(&s, "Edge"));
    snapshot::check("docs/edge.ts", ts_prelude(&docs::typescript(&s)));
}

/// The WWW-Authenticate lines of a Markdown reference's examples.
fn challenges(md: &str) -> Vec<&str> {
    md.lines()
        .filter(|l| l.starts_with("WWW-Authenticate:"))
        .collect()
}

#[test]
fn localized_snapshots() {
    let cat = catalog::Loader::new()
        .read_files()
        .load_file(tests_path("fixtures/docs/localized.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let s = cat.to_specs();
    let own = docs::markdown(&s);
    let fr = docs::markdown_in(&s, cat.locale("fr").unwrap());
    let de = docs::markdown_in(&s, cat.locale("de-ch").unwrap());
    // The table and the examples in French, from tests/fixtures/docs/locales/fr.yaml;
    // the table's text escaped as every cell is.
    assert!(
        fr.contains("| Le jeton d'accès a expiré : « renouvelez-le » |"),
        "{fr}"
    );
    assert!(
        fr.contains(r"| Commande introuvable \| &lt;inconnue&gt; |"),
        "{fr}"
    );
    assert!(fr.contains("*Jeton expiré*"));
    assert!(fr.contains("Renouvelez le jeton **une fois**, puis rejouez la requête."));
    assert!(fr.contains(
        r#"{"title":"Portée requise","status":403,"detail":"Il faut example:read pour resource (limite 60)","code":"NEEDS_SCOPE"}"#
    ));
    assert!(fr.contains("Content-Language: fr\nVary: Accept-Language\n"));
    // A concealed entry's example is its target's, in French too.
    assert!(
        fr.contains(r#""detail":"Commande introuvable | <inconnue>","code":"ORDER_NOT_FOUND"}"#)
    );
    // German leaves most entries out: they show the catalog's own text, without
    // Content-Language.
    assert!(de.contains("| Das Zugriffstoken ist abgelaufen |"));
    assert!(de.contains("| Needs {scope} for {resource} (limit {limit}) |"));
    assert_eq!(de.matches("Content-Language: de-CH").count(), 1, "{de}");
    // What never changes with the language: the challenges, byte for byte.
    assert_eq!(challenges(&fr), challenges(&own));
    assert_eq!(challenges(&de), challenges(&own));
    // A hidden message stays hidden, though fr.yaml translates it.
    for md in [&own, &fr, &de] {
        assert!(!md.contains("hunter2"));
        assert!(md.contains("| An internal error occurred |"));
    }
    snapshot::check("docs/localized.fr.md", &fr);

    let ts = docs::typescript_in(&s, docs::Locales::of(&cat));
    assert!(ts.contains(r#"export const LOCALES = ["en", "fr", "de-CH"] as const;"#));
    assert!(ts.contains(
        r#""NEEDS_SCOPE": { readonly scope: string; readonly resource: string; readonly limit: number };"#
    ));
    assert!(!ts.contains("hunter2"));
    assert!(!ts.contains("ORDER_HIDDEN"));
    snapshot::check("docs/localized.ts", ts_prelude(&ts));
    // Without its catalog, a table of specs has one language, tagged en.
    assert!(docs::typescript(&s).contains(r#"export const LOCALES = ["en"] as const;"#));
}

#[test]
fn problem_bodies_render_the_problem_schema() {
    let s = specs(&tests_path("fixtures/valid/problem-bodies.yaml"));
    let openapi: serde_json::Value =
        serde_json::from_str(&docs::openapi_json(&s, "Problems")).unwrap();
    let schema = &openapi["components"]["schemas"]["Problem"];
    assert_eq!(
        schema["required"],
        serde_json::json!(["title", "status", "detail", "code"])
    );
    let first =
        &openapi["components"]["responses"][s[0].code()]["content"]["application/problem+json"];
    assert!(first.is_object(), "{openapi}");
    let ts = docs::typescript(&s);
    assert!(ts.contains("detail: string;"));
}

#[test]
fn openapi_groups_codes_by_status() {
    let s = specs(&workspace_root().join("auth-errors-core/std/auth-errors.yaml"));
    let openapi: serde_json::Value =
        serde_json::from_str(&docs::openapi_json(&s, "API errors")).unwrap();
    let unauthorized = &openapi["components"]["responses"]["Unauthorized"];
    let content = &unauthorized["content"]["application/json"];
    let titles: Vec<&str> = content["schema"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "TOKEN_MISSING",
            "TOKEN_EXPIRED",
            "TOKEN_INVALID",
            "TOKEN_REVOKED",
            "INSUFFICIENT_USER_AUTHENTICATION",
            "DPOP_PROOF_INVALID",
            "DPOP_NONCE_REQUIRED",
            "BEARER_OR_DPOP_REQUIRED",
        ]
    );
    assert_eq!(
        content["examples"]["TOKEN_EXPIRED"]["value"],
        serde_json::json!({"code": "TOKEN_EXPIRED", "message": "Access token expired"})
    );
    assert_eq!(
        unauthorized["headers"]["WWW-Authenticate"]["$ref"],
        "#/components/headers/WWW-Authenticate"
    );
    assert!(openapi["components"]["responses"]["Forbidden"].is_object());
    assert!(openapi["components"]["responses"]["BadRequest"].is_object());
    // The code schema lists every code.
    let codes = &openapi["components"]["schemas"]["Error"]["properties"]["code"]["enum"];
    assert_eq!(codes.as_array().unwrap().len(), 12);
}

#[test]
fn renderers_read_a_compiled_enum_too() {
    let s = auth_errors::oauth::OAuthError::SPECS;
    let from_catalog = specs(&workspace_root().join("auth-errors-core/std/auth-errors.yaml"));
    assert_eq!(docs::markdown(s), docs::markdown(&from_catalog));
    assert_eq!(docs::typescript(s), docs::typescript(&from_catalog));
}

#[test]
fn the_client_pack_names_no_concealed_code() {
    // The pack ships in every page; a concealed code never reaches a client, so naming it
    // there would tell anyone who reads the bundle that the hidden answer exists.
    let s = specs(&tests_path("fixtures/valid/dpop-conceal-retry.yaml"));
    assert!(
        s.iter()
            .any(|s| s.code() == "REPO_FORBIDDEN" && s.is_concealed())
    );
    let ts = docs::typescript(&s);
    let prelude = ts_prelude(&ts);
    assert!(!prelude.contains("REPO_FORBIDDEN"), "{prelude}");
    assert!(
        prelude.contains(r#""NOT_FOUND": { status: 404"#),
        "{prelude}"
    );
    for (path, text) in docs::typescript::typescript_package(&s, "errors-pack") {
        assert!(!text.contains("REPO_FORBIDDEN"), "{path}");
    }
}

/// `docs --format proto`: the reasons of a catalog with a domain, as a `.proto` enum that a
/// protobuf compiler (protox, pure Rust) accepts, one value per code a client can see.
#[test]
fn proto_of_reasons_compiles_and_lists_every_visible_code() {
    let path = tests_path("fixtures/grpc/errors.yaml");
    let cat = catalog::Loader::new()
        .read_files()
        .load_file(&path)
        .unwrap_or_else(|e| panic!("{e}"));
    let domain = cat.defaults().domain().unwrap().as_str().to_owned();
    let s = cat.to_specs();
    let proto = docs::proto(&s, &domain);
    snapshot::check("docs/grpc.proto", &proto);

    let dir = std::env::temp_dir().join(format!("auth-errors-proto-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("error_reason.proto"), &proto).unwrap();
    let files = protox::compile(["error_reason.proto"], [&dir]).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let file = &files.file[0];
    assert_eq!(file.package(), "com.example.orders");
    let values: Vec<(&str, i32)> = file.enum_type[0]
        .value
        .iter()
        .map(|v| (v.name(), v.number()))
        .collect();
    let mut want = vec![("ERROR_REASON_UNSPECIFIED", 0)];
    let visible: Vec<&str> = s
        .iter()
        .filter(|s| !s.is_concealed())
        .map(|s| s.code())
        .collect();
    assert!(!visible.contains(&"ORDER_HIDDEN"));
    want.extend(visible.iter().zip(1..).map(|(c, n)| (*c, n)));
    assert_eq!(values, want);
    // Each reason names its metadata keys: the challenge's, then the params.
    assert!(proto.contains(
        "  // Metadata keys: error, scope, error_description.\n  INSUFFICIENT_SCOPE = 5;"
    ));
}
