//! `auth-errors docs FILE --format markdown|openapi|openapi-yaml|typescript [--out PATH]`

use std::path::Path;
use std::process::ExitCode;

use auth_errors::catalog::Loader;
use auth_errors::docs;

/// What `docs` renders.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// A Markdown reference: a summary table and a section per entry.
    Markdown,
    /// An OpenAPI 3.1 document (JSON) with the catalog's components.
    Openapi,
    /// The same OpenAPI 3.1 document as YAML.
    OpenapiYaml,
    /// The TypeScript client pack.
    Typescript,
}

/// Loads the catalog (reporting every mistake, as `check` does) and renders it.
pub fn run(file: &Path, format: Format, out: Option<&Path>, title: &str) -> ExitCode {
    let cat = match Loader::new().read_files().load_file(file) {
        Ok(cat) => cat,
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{d}");
            }
            return ExitCode::FAILURE;
        }
    };
    let specs = cat.to_specs();
    let text = match format {
        Format::Markdown => docs::markdown(&specs),
        Format::Openapi => docs::openapi_json(&specs, title),
        Format::OpenapiYaml => docs::openapi_yaml(&specs, title),
        Format::Typescript => docs::typescript(&specs),
    };
    match out {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                ExitCode::FAILURE
            }
        },
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
    }
}
