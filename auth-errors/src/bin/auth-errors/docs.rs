//! `auth-errors docs FILE --format markdown|openapi|openapi-yaml|proto|typescript [--out PATH]`,
//! `auth-errors docs FILE --format markdown --locale TAG`,
//! `auth-errors docs FILE --format typescript-package --out DIR`

use std::path::Path;
use std::process::ExitCode;

use auth_errors::docs;

use crate::report;

/// What `docs` renders.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// A Markdown reference: a summary table and a section per entry.
    Markdown,
    /// An OpenAPI 3.1 document (JSON) with the catalog's components.
    Openapi,
    /// The same OpenAPI 3.1 document as YAML.
    OpenapiYaml,
    /// The gRPC reasons as a `.proto` enum (the `google/api/error_reason.proto`
    /// pattern), with each reason's metadata keys in comments.
    Proto,
    /// The TypeScript client pack, as one `.ts` file.
    Typescript,
    /// The TypeScript client pack as an npm package (needs `--out DIR`): sources,
    /// `package.json` and `tsconfig.json`; `npm pack` builds ESM and `.d.ts` with tsc.
    TypescriptPackage,
}

/// Loads the catalog (reporting every mistake, as `check` does) and renders it, the
/// Markdown reference in `locale` when one is given.
pub fn run(
    file: &Path,
    format: Format,
    out: Option<&Path>,
    title: &str,
    locale: Option<&str>,
) -> ExitCode {
    let Some(cat) = report::load(file) else {
        return ExitCode::FAILURE;
    };
    let specs = cat.to_specs();
    let locales = docs::Locales::of(&cat);
    if let (Some(_), false) = (locale, matches!(format, Format::Markdown)) {
        eprintln!(
            "error: --locale renders the Markdown reference in one language (--format markdown); the TypeScript pack carries every language of the catalog"
        );
        return ExitCode::FAILURE;
    }
    if let Format::TypescriptPackage = format {
        return write_package(file, &specs, locales, out);
    }
    let text = match format {
        Format::Markdown => match locale {
            None => docs::markdown(&specs),
            Some(tag) if tag.eq_ignore_ascii_case(locales.own_tag()) => docs::markdown(&specs),
            Some(tag) => match cat.locale(tag) {
                Some(file) => docs::markdown_in(&specs, file),
                None => {
                    eprintln!(
                        "error: the catalog has no locale '{tag}': its languages are {}",
                        cat.locale_tags().join(", ")
                    );
                    return ExitCode::FAILURE;
                }
            },
        },
        Format::Openapi => docs::openapi_json(&specs, title),
        Format::OpenapiYaml => docs::openapi_yaml(&specs, title),
        Format::Proto => match cat.defaults().domain() {
            Some(domain) => docs::proto(&specs, domain.as_str()),
            // Without one, the domain is the name of the crate that compiles the
            // catalog, which this command cannot know.
            None => {
                eprintln!(
                    "error: --format proto names the reasons' domain: set 'domain' under 'defaults:' (AIP-193 ErrorInfo.domain, such as orders.example.com)"
                );
                return ExitCode::FAILURE;
            }
        },
        Format::Typescript | Format::TypescriptPackage => docs::typescript_in(&specs, locales),
    };
    report::write(out, &text)
}

/// Writes the npm package form into `out`, named after the catalog's file stem.
fn write_package(
    file: &Path,
    specs: &[auth_errors::ErrorSpec],
    locales: docs::Locales<'_>,
    out: Option<&Path>,
) -> ExitCode {
    let Some(dir) = out else {
        eprintln!("error: --format typescript-package writes a folder: give it with --out DIR");
        return ExitCode::FAILURE;
    };
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let name = docs::typescript::package_name(&stem);
    for (path, contents) in docs::typescript::typescript_package_in(specs, locales, &name) {
        let target = dir.join(path);
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, contents));
        if let Err(e) = written {
            eprintln!("error: cannot write {}: {e}", target.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "wrote the npm package {name} to {}; build it with: npm install && npm pack",
        dir.display()
    );
    ExitCode::SUCCESS
}
