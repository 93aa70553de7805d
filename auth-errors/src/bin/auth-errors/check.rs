//! `auth-errors check FILE...`

use std::path::PathBuf;
use std::process::ExitCode;

use auth_errors::catalog::Loader;

/// Loads every file, prints every diagnostic to stderr, and fails if any file has one.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match Loader::new().read_files().load_file(path) {
            Ok(cat) => println!("{}: ok ({} entries)", path.display(), cat.entries().len()),
            Err(diagnostics) => {
                failed = true;
                for d in &diagnostics {
                    eprintln!("{d}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
