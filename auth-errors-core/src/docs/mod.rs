//! Renderers: from a table of [`ErrorSpec`]s to Markdown, OpenAPI 3.1, a `.proto` enum
//! of gRPC reasons and a TypeScript client pack; from a catalog to Prometheus alerting rules ([`alerts`]).
//!
//! Every renderer reads the same model: a compiled enum's `SPECS` table, or a loaded
//! catalog through [`Catalog::to_specs`](crate::catalog::Catalog::to_specs). The CLI's
//! `auth-errors docs` calls the same functions.
//!
//! ```
//! use auth_errors_core::{catalog, docs};
//!
//! let text = "version: 1\ndefaults:\n  realm: api\nerrors:\n  TOKEN_MISSING:\n    status: 401\n    message: Sign in\n    challenge: {}\n";
//! let specs = catalog::load(text, "errors.yaml")?.to_specs();
//! let markdown = docs::markdown(&specs);
//! assert!(markdown.contains("| [`TOKEN_MISSING`](#token_missing) | 401 |"));
//! let openapi = docs::openapi_json(&specs, "Example API");
//! assert!(openapi.contains("\"openapi\": \"3.1.0\""));
//! let ts = docs::typescript(&specs);
//! assert!(ts.contains("export type ErrorCode = \"TOKEN_MISSING\";"));
//! # Ok::<(), catalog::Diagnostics>(())
//! ```

pub mod alerts;
mod example;
mod locales;
mod markdown;
pub(crate) mod openapi;
mod proto;
pub mod typescript;

pub use alerts::{RuleOptions, prometheus_rules};
pub use example::{Example, example};
pub use locales::Locales;
pub use markdown::{markdown, markdown_in};
pub use openapi::{openapi, openapi_json, openapi_yaml};
pub use proto::proto;
pub use typescript::{typescript, typescript_in};

use crate::{BodyFormat, ErrorSpec};

/// The body format of a table: one catalog has one format (its `defaults.body`), which
/// every entry carries; an empty table renders as `json`.
pub(crate) fn body_format(specs: &[ErrorSpec]) -> BodyFormat {
    specs
        .first()
        .map_or(BodyFormat::Json, ErrorSpec::body_format)
}

/// The status groups of a table, in order of first appearance: each status with its
/// entries, so several codes can share one response (`Unauthorized`).
pub(crate) fn by_status(specs: &[ErrorSpec]) -> Vec<(u16, Vec<&ErrorSpec>)> {
    let mut groups: Vec<(u16, Vec<&ErrorSpec>)> = Vec::new();
    // A concealed entry's response is its target's, which is listed under its own code.
    for spec in specs.iter().filter(|s| !s.is_concealed()) {
        match groups.iter_mut().find(|(s, _)| *s == spec.status()) {
            Some((_, list)) => list.push(spec),
            None => groups.push((spec.status(), vec![spec])),
        }
    }
    groups.sort_by_key(|(s, _)| *s);
    groups
}
