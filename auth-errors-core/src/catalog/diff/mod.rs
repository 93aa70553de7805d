//! What changed between two versions of a catalog, and which changes break clients.
//!
//! [`diff()`] is the driver: it lists the comparisons in the order their changes are
//! reported. Each comparison is a small function under the rule it states, in `entry`
//! (values of an entry and of the defaults), `params` and `retired`; [`ChangeKind`]
//! holds the breaking policy, and `change` the output.

mod change;
mod entry;
mod kind;
mod params;
mod retired;
mod words;

pub use change::{Change, Diff, Site};
pub use kind::ChangeKind;

use super::model::{Catalog, Entry};
use change::Changes;

/// The comparisons of the whole catalog, reported first.
const CATALOG_WIDE: &[fn(&mut Changes<'_>)] = &[entry::body_format, entry::docs_url];

/// The comparisons of a code both catalogs define, in the order they are reported.
const PER_ENTRY: &[fn(&mut Changes<'_>, &Entry, &Entry)] = &[
    entry::status,
    entry::challenge_error,
    entry::scheme,
    params::compare,
    entry::message,
    entry::expose,
    entry::challenge_attributes,
    entry::headers,
    entry::client,
    entry::deprecated,
    entry::docs,
];

/// Classifies every change from `old` to `new` (both loaded, composed and valid), each
/// breaking or not as [`ChangeKind`]'s table says.
///
/// Codes are matched by name across the composed catalogs, whichever file defines them.
///
/// ```
/// use auth_errors_core::catalog::{self, ChangeKind};
///
/// let old = catalog::load("version: 1\nerrors:\n  GONE:\n    status: 410\n    message: Gone\n", "old.yaml")?;
/// let new = catalog::load("version: 1\nerrors:\n  GONE:\n    status: 404\n    message: Gone\n", "new.yaml")?;
/// let diff = catalog::diff(&old, &new);
/// assert!(diff.is_breaking());
/// assert_eq!(diff.changes()[0].kind(), ChangeKind::Status);
/// assert_eq!(
///     diff.to_string(),
///     "new.yaml:4:13: breaking: GONE: status changed from 410 to 404",
/// );
/// # Ok::<(), catalog::Diagnostics>(())
/// ```
pub fn diff(old: &Catalog, new: &Catalog) -> Diff {
    let mut changes = Changes::new(old, new);
    for compare in CATALOG_WIDE {
        compare(&mut changes);
    }
    for o in old.entries() {
        match new.get(&o.code.value) {
            Some(n) => PER_ENTRY
                .iter()
                .for_each(|compare| compare(&mut changes, o, n)),
            None => entry::removed(&mut changes, o),
        }
    }
    for n in new.entries() {
        if old.get(&n.code.value).is_none() {
            entry::added(&mut changes, n);
        }
    }
    retired::compare(&mut changes);
    changes.finish()
}

/// Catalogs from text for the tests of the comparisons.
#[cfg(test)]
mod test_support {
    use super::{Diff, diff as diff_catalogs};
    use crate::catalog::{self, Catalog};

    /// A catalog of the given top-level lines and `errors:` body.
    pub(super) fn cat(top: &str, errors: &str) -> String {
        format!("version: 1\n{top}errors:\n{errors}")
    }

    pub(super) fn load(text: &str, file: &str) -> Catalog {
        catalog::load(text, file).unwrap_or_else(|e| panic!("{file}:\n{e}"))
    }

    /// The diff of two catalog texts, named `old.yaml` and `new.yaml`.
    pub(super) fn diff(old: &str, new: &str) -> Diff {
        diff_catalogs(&load(old, "old.yaml"), &load(new, "new.yaml"))
    }

    /// Each change as (kind, breaking, summary).
    pub(super) fn kinds(d: &Diff) -> Vec<(&'static str, bool, &str)> {
        d.changes()
            .iter()
            .map(|c| (c.kind().id(), c.is_breaking(), c.summary()))
            .collect()
    }
}
