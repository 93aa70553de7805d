//! The `auth-errors` command: check catalogs, render their docs, and explain
//! `WWW-Authenticate` values.

mod alerts;
mod check;
mod diff;
mod docs;
mod explain;
mod probe;
mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Check error catalogs, and explain what a `WWW-Authenticate` challenge asks a client to do.
#[derive(Debug, Parser)]
#[command(name = "auth-errors", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate catalog files; print every mistake as FILE:LINE:COL: error[RULE]: … and exit 1.
    /// Warnings (FILE:LINE:COL: warning[RULE]: …) are printed and do not fail, unless --strict.
    Check {
        /// The catalog files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<std::path::PathBuf>,
        /// Treat warnings (a 429 or 503 without Retry-After) as errors.
        #[arg(long)]
        strict: bool,
        /// Make a locale file that leaves an entry untranslated (locale-incomplete) an
        /// error, not a warning.
        #[arg(long)]
        require_complete: bool,
    },
    /// Compare two versions of a catalog; list every change, breaking or not, and exit 1 on a breaking one.
    #[command(after_help = diff::EXIT_STATUS)]
    Diff {
        /// The old catalog: a file, or git:REV:PATH.
        old: String,
        /// The new catalog: a file, or git:REV:PATH.
        new: String,
        /// Exit 0 even when a change is breaking (a breaking release).
        #[arg(long)]
        allow_breaking: bool,
        /// How to print the changes.
        #[arg(long, value_enum, default_value_t)]
        format: diff::Format,
    },
    /// Render a catalog as Markdown, an OpenAPI 3.1 document or the TypeScript client pack.
    Docs {
        /// The catalog file.
        file: std::path::PathBuf,
        /// What to render.
        #[arg(long, value_enum)]
        format: docs::Format,
        /// Write to this file instead of stdout.
        #[arg(long, value_name = "PATH")]
        out: Option<std::path::PathBuf>,
        /// The document title (OpenAPI).
        #[arg(long, default_value = "API errors")]
        title: String,
        /// The language of the Markdown reference: the tag of one of the catalog's locale
        /// files (or its own). The TypeScript pack always carries every language.
        #[arg(long, value_name = "TAG")]
        locale: Option<String>,
    },
    /// Check a live API endpoint against the 401/403 rules (RFC 6750, RFC 9110); exit 0
    /// when nothing fails, 1 when a rule fails, 2 when the URL cannot be reached.
    Probe(probe::Args),
    /// Write alerting rules from a catalog: one per entry whose rise should alert (a 401
    /// invalid_token, a 403, a 5xx, or an entry's own `alert:` block), each comparing
    /// the entry's rate of auth_errors_responses_total with the rate of all requests.
    Alerts {
        /// The catalog file.
        file: std::path::PathBuf,
        /// What to write.
        #[arg(long, value_enum)]
        format: alerts::Format,
        /// Where the Markdown reference (`auth-errors docs --format markdown`) is
        /// published: each rule's runbook_url is this URL and the entry's anchor.
        #[arg(long, value_name = "URL")]
        docs_url: Option<String>,
        /// The application's counter of all requests, the rules' denominator.
        #[arg(long, value_name = "METRIC", default_value = "http_requests_total")]
        requests: String,
        /// Write to this file instead of stdout.
        #[arg(long, value_name = "PATH")]
        out: Option<std::path::PathBuf>,
    },
    /// Parse a WWW-Authenticate value and say what a client should do.
    Explain {
        /// The header value; read from stdin when absent.
        value: Option<String>,
        /// Read a raw HTTP response head from stdin instead (status line and headers).
        #[arg(long, conflicts_with = "value")]
        response: bool,
        /// Print exactly the parsed challenges as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            files,
            strict,
            require_complete,
        } => check::run(&files, strict, require_complete),
        Command::Diff {
            old,
            new,
            allow_breaking,
            format,
        } => diff::run(&old, &new, allow_breaking, format),
        Command::Docs {
            file,
            format,
            out,
            title,
            locale,
        } => docs::run(&file, format, out.as_deref(), &title, locale.as_deref()),
        Command::Probe(args) => probe::run(&args),
        Command::Alerts {
            file,
            format,
            docs_url,
            requests,
            out,
        } => {
            let mut options = auth_errors::docs::RuleOptions::new().with_requests(requests);
            if let Some(url) = docs_url {
                options = options.with_docs_url(url);
            }
            alerts::run(&file, format, options, out.as_deref())
        }
        Command::Explain {
            value,
            response,
            json,
        } => explain::run(value, response, json),
    }
}
