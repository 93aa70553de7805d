//! Composing catalogs: a file `include:`s others (`std`, or paths relative to itself).
//!
//! Each file is loaded and checked on its own, with its diagnostics naming it; then the
//! rules across entries (a code defined twice, a variant clash, a retired code defined
//! again) run over the composed catalog. Included entries come first, in `include:`
//! order, then the file's own. A file reached twice (two files both include `std`) is
//! composed once; a cycle is a diagnostic at the `include:` that closes it.

use super::diagnostic::{CatalogRule, Diagnostic, Sink};
use super::model::{Catalog, Entry, Retired};
use super::{load, valid, yaml};

/// The standard catalog (`schema/auth-errors.yaml`): what `include: [std]` composes.
///
/// ```
/// let std = auth_errors_core::catalog::load(
///     auth_errors_core::catalog::STANDARD_CATALOG,
///     "std",
/// )?;
/// assert!(std.get("TOKEN_EXPIRED").is_some());
/// # Ok::<(), auth_errors_core::catalog::Diagnostics>(())
/// ```
pub const STANDARD_CATALOG: &str = include_str!("../../std/auth-errors.yaml");

/// The name `include:` gives the standard catalog, and the origin of its entries.
pub const STD: &str = "std";

/// The longest chain of includes followed (a guard against symlink loops, whose names
/// never repeat).
const MAX_INCLUDE_DEPTH: usize = 16;

/// Reads an included file by its name (a path relative to where the root was named).
pub(crate) type Read<'r> = dyn FnMut(&str) -> Result<String, String> + 'r;

/// Loads `text` as the catalog named `file`, composing every file it includes.
pub(crate) fn compose(
    text: &str,
    file: &str,
    read: &mut Read<'_>,
) -> (Option<Catalog>, Vec<Diagnostic>) {
    let mut composer = Composer {
        read,
        stack: Vec::new(),
        order: Vec::new(),
        entries: Vec::new(),
        retired: Vec::new(),
    };
    let (root, mut found) = composer.file(text, file);
    let catalog = root.map(|mut root| {
        let mut sink = Sink::new(file);
        valid::composed(&mut composer.entries, &composer.retired, &mut sink);
        found.append(&mut sink.found);
        root.entries = composer.entries;
        root.retired = composer.retired;
        root
    });
    // File by file in the order they were read (the root first), and in file order
    // within each; the sort is stable, so mistakes at one place keep their order.
    let order = composer.order;
    found.sort_by_key(|d| {
        let rank = order
            .iter()
            .position(|f| *f == d.file)
            .unwrap_or(usize::MAX);
        (rank, d.location)
    });
    (catalog, found)
}

struct Composer<'a, 'r> {
    read: &'a mut Read<'r>,
    /// The files being loaded, root first: an include of one of them is a cycle.
    stack: Vec<String>,
    /// Every file read, in the order it was first read.
    order: Vec<String>,
    /// The composed entries so far.
    entries: Vec<Entry>,
    /// Every file's retired codes.
    retired: Vec<Retired>,
}

impl Composer<'_, '_> {
    /// Loads and checks one file, then the files it includes; appends the includes'
    /// entries and then its own to `self.entries`. Returns the file's catalog (its
    /// entries moved out) and every diagnostic of it and its includes.
    fn file(&mut self, text: &str, name: &str) -> (Option<Catalog>, Vec<Diagnostic>) {
        self.order.push(name.to_owned());
        let root = match yaml::parse(text, name) {
            Ok(root) => root,
            Err(d) => return (None, vec![d]),
        };
        let mut sink = Sink::new(name);
        let Some(mut catalog) = load::catalog(&root, &mut sink) else {
            return (None, sink.found);
        };
        valid::file(&catalog, &mut sink);
        let mut found = Vec::new();
        self.stack.push(name.to_owned());
        for include in &catalog.includes {
            let child = if include.value == STD {
                STD.to_owned()
            } else {
                include_path(name, &include.value)
            };
            if let Some(start) = self.stack.iter().position(|f| *f == child) {
                let mut chain = self.stack[start..].to_vec();
                chain.push(child);
                sink.push(
                    include.at,
                    None,
                    CatalogRule::Include,
                    format!(
                        "include cycle: {}; a catalog may not include itself",
                        chain.join(" → ")
                    ),
                );
                continue;
            }
            if self.order.contains(&child) {
                continue;
            }
            if self.stack.len() >= MAX_INCLUDE_DEPTH {
                sink.push(
                    include.at,
                    None,
                    CatalogRule::Include,
                    format!(
                        "includes nest deeper than {MAX_INCLUDE_DEPTH} files at '{child}' (is a symbolic link looping?)"
                    ),
                );
                continue;
            }
            let text = if child == STD {
                Ok(STANDARD_CATALOG.to_owned())
            } else {
                (self.read)(&child)
            };
            match text {
                Ok(text) => found.append(&mut self.file(&text, &child).1),
                Err(e) => sink.push(
                    include.at,
                    None,
                    CatalogRule::Include,
                    format!("cannot read the included catalog '{child}': {e}"),
                ),
            }
        }
        self.stack.pop();
        self.entries.append(&mut catalog.entries);
        self.retired.extend(catalog.retired.iter().cloned());
        sink.found.append(&mut found);
        (Some(catalog), sink.found)
    }
}

/// The name of a file included by `including`: the include's path taken relative to the
/// including file's folder, with `.` and `..` resolved, separated by `/`. It is the name
/// [`load_with`](super::load_with) asks its reader for.
///
/// ```
/// use auth_errors_core::catalog::include_path;
///
/// assert_eq!(include_path("api/errors.yaml", "../shared/base.yaml"), "shared/base.yaml");
/// assert_eq!(include_path("errors.yaml", "./teams/a.yaml"), "teams/a.yaml");
/// ```
pub fn include_path(including: &str, include: &str) -> String {
    let mut parts: Vec<&str> = including.split(['/', '\\']).collect();
    parts.pop();
    let absolute = parts.first() == Some(&"");
    let mut out: Vec<&str> = Vec::new();
    if absolute {
        out.push("");
    }
    for part in parts.into_iter().chain(include.split(['/', '\\'])) {
        match part {
            "" | "." => {}
            ".." => match out.last() {
                Some(&last) if last != ".." && !last.is_empty() => {
                    out.pop();
                }
                Some(&"") => {}
                _ => out.push(".."),
            },
            part => out.push(part),
        }
    }
    if out == [""] {
        return "/".to_owned();
    }
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::include_path;

    #[test]
    fn include_names_are_relative_to_the_including_file() {
        let cases = [
            ("errors.yaml", "team.yaml", "team.yaml"),
            ("api/errors.yaml", "team.yaml", "api/team.yaml"),
            ("api/errors.yaml", "../shared/std.yaml", "shared/std.yaml"),
            ("./errors.yaml", "./a/./b.yaml", "a/b.yaml"),
            ("errors.yaml", "../up.yaml", "../up.yaml"),
            ("../x/errors.yaml", "../../y.yaml", "../../y.yaml"),
            ("/srv/api/errors.yaml", "../base.yaml", "/srv/base.yaml"),
            ("/errors.yaml", "../../base.yaml", "/base.yaml"),
            ("C:\\api\\errors.yaml", "base.yaml", "C:/api/base.yaml"),
        ];
        for (including, include, want) in cases {
            assert_eq!(
                include_path(including, include),
                want,
                "{including} + {include}"
            );
        }
    }
}
