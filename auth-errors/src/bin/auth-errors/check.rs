//! `auth-errors check FILE...`

use std::path::PathBuf;
use std::process::ExitCode;

use auth_errors::catalog::Loader;

/// Loads every file, prints every diagnostic to stderr, and fails if any file has an
/// error; warnings are printed and do not fail, unless `strict` makes them errors
/// (`require_complete`: an untranslated entry in a locale file).
pub fn run(files: &[PathBuf], strict: bool, require_complete: bool) -> ExitCode {
    let mut failed = false;
    for path in files {
        match Loader::new()
            .read_files()
            .strict(strict)
            .require_complete(require_complete)
            .load_file(path)
        {
            Ok(cat) => {
                for w in cat.warnings() {
                    eprintln!("{w}");
                }
                let n = cat.entries().len();
                let noun = if n == 1 { "entry" } else { "entries" };
                println!("{}: ok ({n} {noun})", path.display());
            }
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
