//! `auth-errors probe URL`

use std::process::ExitCode;
use std::time::Duration;

use auth_errors::probe::{Options, ProbeError, run as probe};

/// How to print the report.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum Format {
    /// One line per rule.
    #[default]
    Text,
    /// `{"target", "failed", "findings": [...]}`.
    Json,
}

/// The probe's arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The endpoint to check, such as http://127.0.0.1:3000/orders.
    url: String,
    /// The method of every request.
    #[arg(long, short = 'X', default_value = "GET")]
    method: String,
    /// A valid token (expects 2xx).
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// An expired token (expects 401 invalid_token).
    #[arg(long, value_name = "TOKEN")]
    expired_token: Option<String>,
    /// A valid token lacking the endpoint's scope (expects 403 insufficient_scope).
    #[arg(long, value_name = "TOKEN")]
    forbidden_token: Option<String>,
    /// A page origin, to check CORS for it (preflight, exposed WWW-Authenticate).
    #[arg(long, value_name = "ORIGIN")]
    origin: Option<String>,
    /// An extra header for every request, as 'Name: value' (repeatable).
    #[arg(long = "header", short = 'H', value_name = "NAME: VALUE")]
    headers: Vec<String>,
    /// Seconds each request may take.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

/// Runs the probe and prints its report: exit 0 when nothing fails, 1 when a rule
/// fails, 2 when the URL cannot be reached or an argument is invalid.
pub fn run(args: &Args) -> ExitCode {
    let mut options = Options::new(&args.url)
        .method(&args.method)
        .timeout(Duration::from_secs(args.timeout.max(1)));
    for (token, set) in [
        (
            &args.token,
            Options::token as fn(Options, String) -> Options,
        ),
        (&args.expired_token, Options::expired_token),
        (&args.forbidden_token, Options::forbidden_token),
    ] {
        if let Some(t) = token {
            options = set(options, t.clone());
        }
    }
    if let Some(o) = &args.origin {
        options = options.origin(o);
    }
    for h in &args.headers {
        let Some((name, value)) = h.split_once(':') else {
            eprintln!("error: --header {h:?} is not 'Name: value'");
            return ExitCode::from(2);
        };
        options = options.header(name.trim(), value.trim());
    }
    match probe(&options) {
        Ok(report) => {
            match args.format {
                Format::Text => print!("{}", report.to_text()),
                Format::Json => println!("{}", report.to_json()),
            }
            if report.failed() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e @ (ProbeError::Unreachable(_) | ProbeError::Input(_))) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
