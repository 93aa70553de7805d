//! Composing catalogs: a file `include:`s others (`std`, or paths relative to itself).
//!
//! Each file is loaded and checked on its own, with its diagnostics naming it. Its
//! entries join the composed ones after those of the files it includes (in `include:`
//! order), each code once: a second definition is reported where it stands and left out.
//! The rules across entries (a variant clash, a retired code defined again) then run over
//! the composed entries, and the catalog is made once, from the root file's settings and
//! everything composed. A file reached twice (two files both include `std`) is composed
//! once; a cycle is a diagnostic at the `include:` that closes it.

use std::collections::HashMap;

use super::diagnostic::{CatalogRule, Diagnostic, Sink};
use super::model::{Catalog, Entry, Partial, Retired, Top};
use super::{load, locales, valid, yaml};

/// The standard catalog (`std/auth-errors.yaml`, its only copy): what `include: [std]`
/// composes and `#[auth_errors::catalog(std)]` generates.
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

/// The catalog of generic HTTP failures (`std/http-errors.yaml`): a malformed body, an
/// unknown path or method, a body too large or of the wrong type. No challenges: none
/// is an authentication failure. What `include: [http]` composes and
/// `#[auth_errors::catalog(http)]` generates.
pub const HTTP_CATALOG: &str = include_str!("../../std/http-errors.yaml");

/// The name `include:` gives the catalog of generic HTTP failures.
pub const HTTP: &str = "http";

/// The catalogs core embeds, by the name `include:` and the macros give them; an
/// `include:` of one of these names reads no file.
pub const EMBEDDED: &[(&str, &str)] = &[(STD, STANDARD_CATALOG), (HTTP, HTTP_CATALOG)];

/// The text of the embedded catalog called `name`.
pub fn embedded(name: &str) -> Option<&'static str> {
    EMBEDDED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, text)| text)
}

/// The longest chain of includes followed (a guard against symlink loops, whose names
/// never repeat).
const MAX_INCLUDE_DEPTH: usize = 16;

/// Reads an included file by its name (a path relative to where the root was named).
pub(crate) type Read<'r> = dyn FnMut(&str) -> Result<String, String> + 'r;

/// The name a file is shown under (in diagnostics and the model), from the name it is
/// read by.
pub(crate) type Show<'r> = dyn Fn(&str) -> String + 'r;

/// Loads `text` as the catalog named `file`, composing every file it includes; each file
/// is read by `read` and shown as `show` names it.
pub(crate) fn compose(
    text: &str,
    file: &str,
    read: &mut Read<'_>,
    show: &Show<'_>,
) -> (Option<Catalog<Partial>>, Vec<Diagnostic>) {
    let mut composer = Composer {
        read,
        show,
        stack: Vec::new(),
        order: Vec::new(),
        read_names: Vec::new(),
        entries: Vec::new(),
        codes: HashMap::new(),
        retired: Vec::new(),
    };
    let (root, mut found) = composer.file(text, file);
    let shown = composer.shown(file);
    let catalog = root.map(|top| {
        let mut sink = Sink::new(&shown);
        valid::composed(&composer.entries, &composer.retired, &mut sink);
        let (locales, mut in_locales) = locales::read_all(
            file,
            &top.locales,
            (&top.defaults, &composer.entries, &composer.retired),
            &mut *composer.read,
            composer.show,
            &mut sink,
        );
        found.append(&mut sink.finish());
        for (name, mut diagnostics) in in_locales.drain(..) {
            composer.order.push(name);
            found.append(&mut diagnostics);
        }
        Catalog::new(shown, top, composer.entries, composer.retired, locales)
    });
    // File by file in the order they were read (the root first), and in file order
    // within each; the sort is stable, so mistakes at one place keep their order.
    let order = composer.order;
    found.sort_by_key(|d| {
        let rank = order
            .iter()
            .position(|f| f == d.file())
            .unwrap_or(usize::MAX);
        (rank, d.location())
    });
    (catalog, found)
}

struct Composer<'a, 'r> {
    read: &'a mut Read<'r>,
    show: &'a Show<'r>,
    /// The files being loaded, root first: an include of one of them is a cycle.
    stack: Vec<String>,
    /// Every file read, in the order it was first read, as it is shown.
    order: Vec<String>,
    /// Every file read, by the name it is read by.
    read_names: Vec<String>,
    /// The composed entries so far, each code once.
    entries: Vec<Entry>,
    /// Where each code of `entries` stands in it.
    codes: HashMap<String, usize>,
    /// Every file's retired codes.
    retired: Vec<Retired>,
}

impl Composer<'_, '_> {
    /// The name a file is shown under; an embedded catalog is not a file and keeps its
    /// name.
    fn shown(&self, name: &str) -> String {
        if embedded(name).is_some() {
            name.to_owned()
        } else {
            (self.show)(name)
        }
    }

    /// Loads and checks one file, then the files it includes; adds the includes' entries
    /// and then its own to the composed ones. Returns the file's top-level settings and
    /// every diagnostic of it and its includes.
    fn file(&mut self, text: &str, name: &str) -> (Option<Top>, Vec<Diagnostic>) {
        let shown = self.shown(name);
        self.read_names.push(name.to_owned());
        self.order.push(shown.clone());
        let root = match yaml::parse(text, &shown) {
            Ok(root) => root,
            Err(d) => return (None, vec![d]),
        };
        let mut sink = Sink::new(&shown);
        let Some(file) = load::file(&root, &mut sink) else {
            return (None, sink.finish());
        };
        valid::file(&file, &mut sink);
        let mut found = Vec::new();
        self.stack.push(name.to_owned());
        for include in &file.top.includes {
            let child = if embedded(&include.value).is_some() {
                include.value.clone()
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
            if self.read_names.contains(&child) {
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
            let text = match embedded(&child) {
                Some(text) => Ok(text.to_owned()),
                None => (self.read)(&child),
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
        let load::File {
            top,
            entries,
            retired,
        } = file;
        for entry in entries {
            self.add(entry, &mut sink);
        }
        self.retired.extend(retired);
        let mut all = sink.finish();
        all.append(&mut found);
        (Some(top), all)
    }

    /// Adds an entry to the composed ones, unless its code is there already: then it is
    /// reported where it stands and left out, so the catalog holds each code once.
    fn add(&mut self, entry: Entry, sink: &mut Sink) {
        match self.codes.get(&entry.code.value) {
            Some(&first) => valid::duplicate_code(&entry, &self.entries[first], sink),
            None => {
                self.codes
                    .insert(entry.code.value.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }
}

/// The name of a file included by `including`: the include's path taken relative to the
/// including file's folder, with `.` and `..` resolved, separated by `/`. It is the name
/// a [`Loader`](super::Loader) asks its reader for (and the CLI's name of a path given
/// from a folder of a git repository, through `__private`).
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
    use crate::catalog::Loader;

    const A: &str = "version: 1\nerrors:\n  SHARED:\n    status: 409\n    message: From A\n";
    const B: &str = "version: 1\ninclude: [std, a.yaml]\nerrors:\n  SHARED:\n    status: 410\n    message: From B\n  B_CODE:\n    status: 400\n    message: B\n";

    #[test]
    fn a_code_defined_twice_keeps_its_first_definition() {
        let (catalog, found) = Loader::new()
            .read(|name| match name {
                "a.yaml" => Ok(A.to_owned()),
                other => Err(other.to_owned()),
            })
            .load_partial(B, "b.yaml");
        let lines: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "b.yaml:4:3: error[duplicate-code]: SHARED: already defined at a.yaml:3:3; a code may be defined by only one of the composed catalog files"
            ]
        );
        let catalog = catalog.unwrap_or_else(|| panic!("nothing loaded"));
        let shared = catalog
            .get("SHARED")
            .map(|e| (e.origin(), e.status().get()));
        assert_eq!(shared, Some(("a.yaml", 409)));
        let std_entries = Loader::new()
            .load(super::STANDARD_CATALOG, super::STD)
            .map(|c| c.entries().len())
            .unwrap_or_default();
        assert_eq!(catalog.entries().len(), std_entries + 2);
    }

    #[test]
    fn files_are_shown_as_the_loader_names_them_and_read_by_their_own_names() {
        let mut read = Vec::new();
        let result = Loader::new()
            .read(|name| {
                read.push(name.to_owned());
                Ok(A.to_owned())
            })
            .show_names(|name| format!("HEAD:{name}"))
            .load(B, "api/b.yaml");
        // The duplicate is reported in the file it stands in, both files shown by revision.
        let Err(found) = result else {
            panic!("the duplicate code loaded")
        };
        assert_eq!(
            found.to_string(),
            "HEAD:api/b.yaml:4:3: error[duplicate-code]: SHARED: already defined at HEAD:api/a.yaml:3:3; a code may be defined by only one of the composed catalog files"
        );
        assert_eq!(read, ["api/a.yaml"]);

        let Ok(catalog) = Loader::new()
            .read(|_| Ok(A.to_owned()))
            .show_names(|name| format!("HEAD:{name}"))
            .load(
                "version: 1\ninclude: [std, a.yaml]\nretired: [GONE]\n",
                "api/b.yaml",
            )
        else {
            panic!("did not load")
        };
        assert_eq!(catalog.file(), "HEAD:api/b.yaml");
        let origins: Vec<&str> = catalog.entries().iter().map(|e| e.origin()).collect();
        assert_eq!(origins.first(), Some(&"std"));
        assert_eq!(origins.last(), Some(&"HEAD:api/a.yaml"));
        assert_eq!(catalog.retired()[0].origin(), "HEAD:api/b.yaml");
    }

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
