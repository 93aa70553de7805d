//! `auth-errors alerts FILE --format prometheus [--docs-url URL] [--requests METRIC] [--out PATH]`

use std::path::Path;
use std::process::ExitCode;

use auth_errors::docs::{self, RuleOptions};

use crate::report;

/// What `alerts` writes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// A Prometheus rules file (`promtool check rules` accepts it).
    Prometheus,
}

/// Loads the catalog (reporting every mistake, as `check` does) and writes its rules.
pub fn run(file: &Path, format: Format, options: RuleOptions, out: Option<&Path>) -> ExitCode {
    let Some(cat) = report::load(file) else {
        return ExitCode::FAILURE;
    };
    let text = match format {
        Format::Prometheus => docs::prometheus_rules(&cat, &options),
    };
    report::write(out, &text)
}
