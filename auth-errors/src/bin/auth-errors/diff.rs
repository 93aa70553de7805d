//! `auth-errors diff OLD NEW [--allow-breaking] [--format text|markdown|json]`

use std::process::{Command, ExitCode};

use auth_errors::__private::include_path;
use auth_errors::catalog::{self, Catalog, Diagnostic, Loader};

/// The exit status when a change is breaking and `--allow-breaking` is absent.
const BREAKING: u8 = 1;
/// The exit status of a usage mistake, an unreadable or an invalid catalog.
const USAGE: u8 = 2;

/// What the exit status means, for `--help`.
pub const EXIT_STATUS: &str = "\
Exit status: 0 when no change is breaking (or with --allow-breaking), 1 when a change is \
breaking, 2 on a usage mistake or when a catalog cannot be read or is invalid.

OLD and NEW are catalog files, or git:REV:PATH for a file at a git revision, read with \
`git show REV:PATH` in the current directory's repository (PATH from the repository root, \
or ./PATH from the current directory). In CI: auth-errors diff git:origin/main:errors.yaml errors.yaml";

/// How `diff` prints the changes.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum Format {
    /// One line per change: FILE:LINE:COL: breaking|non-breaking: CODE: what changed.
    #[default]
    Text,
    /// A changelog section: breaking and non-breaking lists.
    Markdown,
    /// The changes as JSON, for tools.
    Json,
}

/// Loads both catalogs, prints every change, and fails on a breaking one unless allowed.
pub fn run(old: &str, new: &str, allow_breaking: bool, format: Format) -> ExitCode {
    let (old, new) = match (load(old, "OLD"), load(new, "NEW")) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for e in [old.err(), new.err()].into_iter().flatten() {
                eprintln!("{e}");
            }
            return ExitCode::from(USAGE);
        }
    };
    let diff = catalog::diff(&old, &new);
    match format {
        Format::Text if diff.changes().is_empty() => println!("no changes"),
        Format::Text => {
            println!("{diff}");
            let breaking = diff.breaking().count();
            println!(
                "{breaking} breaking, {} non-breaking",
                diff.changes().len() - breaking
            );
        }
        Format::Markdown => print!("{}", diff.to_markdown()),
        Format::Json => match serde_json::to_string_pretty(&diff) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("error: cannot write the changes as JSON: {e}");
                return ExitCode::from(USAGE);
            }
        },
    }
    if diff.is_breaking() && !allow_breaking {
        let n = diff.breaking().count();
        let s = if n == 1 { "" } else { "s" };
        eprintln!(
            "error: {n} breaking change{s}: clients of the old catalog can misread the new one; release them as a breaking release and pass --allow-breaking"
        );
        return ExitCode::from(BREAKING);
    }
    ExitCode::SUCCESS
}

/// Loads a catalog argument (`which` is `OLD` or `NEW`); `Err` is what to print.
fn load(arg: &str, which: &str) -> Result<Catalog, String> {
    let Some(spec) = arg.strip_prefix("git:") else {
        return Loader::new()
            .read_files()
            .load_file(arg)
            .map_err(|d| invalid(which, arg, d.as_slice()));
    };
    let Some((rev, path)) = spec
        .split_once(':')
        .filter(|(rev, path)| !rev.is_empty() && !path.is_empty())
    else {
        return Err(format!(
            "error: {which} '{arg}' must be git:REV:PATH, as in git:origin/main:errors.yaml"
        ));
    };
    if rev.starts_with('-') {
        return Err(format!(
            "error: {which} '{arg}': a revision may not start with '-'"
        ));
    }
    // `git show REV:./x` is relative to the current folder; make the name relative to the
    // repository root, as the names of included files are.
    let name = if path.starts_with("./") || path.starts_with("../") {
        let prefix = git(&["rev-parse", "--show-prefix"])
            .map_err(|e| format!("error: cannot read {which} '{arg}': {e}"))?;
        include_path(&format!("{}.", prefix.trim()), path)
    } else {
        path.to_owned()
    };
    let text = show(rev, &name).map_err(|e| format!("error: cannot read {which} '{arg}': {e}"))?;
    // Files are named by revision, as git does (`origin/main:errors.yaml`), so a change's
    // place says which version it is in.
    Loader::new()
        .read(|name| show(rev, name))
        .show_names(|name| format!("{rev}:{name}"))
        .load(&text, &name)
        .map_err(|d| invalid(which, arg, d.as_slice()))
}

fn invalid(which: &str, arg: &str, found: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in found {
        out.push_str(&format!("{d}\n"));
    }
    out.push_str(&format!(
        "error: {which} '{arg}' is not a valid catalog; `auth-errors check` reports the same"
    ));
    out
}

/// `git show REV:PATH`.
fn show(rev: &str, path: &str) -> Result<String, String> {
    git(&["show", &format!("{rev}:{path}")])
}

/// Runs git in the current directory; `Err` says why it failed, in git's words.
fn git(args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(format!("git {} failed: {}", args.join(" "), stderr.trim()));
    }
    String::from_utf8(out.stdout)
        .map_err(|_| format!("git {} printed no UTF-8 text", args.join(" ")))
}
