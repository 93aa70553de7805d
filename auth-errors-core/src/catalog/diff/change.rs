//! What a diff reports: each [`Change`], the [`Site`] it stands at, and the whole
//! [`Diff`], with their text, Markdown and JSON forms; and [`Changes`], the collector the
//! comparisons write to.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::kind::ChangeKind;
use super::words::Words;
use crate::catalog::diagnostic::Location;
use crate::catalog::model::{Catalog, Entry};

/// Where a changed value stands: a file of the old or the new catalog, and the line and
/// column when the value has one (the body format, a default, has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    file: String,
    location: Option<Location>,
}

impl Site {
    /// A place in `file`.
    pub(super) fn new(file: &str, location: Option<Location>) -> Self {
        Site {
            file: file.to_owned(),
            location,
        }
    }

    /// A place in the file that defines `entry`.
    pub(super) fn of(entry: &Entry, at: Option<Location>) -> Self {
        Site::new(&entry.origin, at)
    }

    /// The file, as named to the loader (`std` for the standard catalog).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The line and column, when the value has them.
    pub fn location(&self) -> Option<Location> {
        self.location
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        match self.location {
            Some(at) => write!(f, ":{at}"),
            None => Ok(()),
        }
    }
}

impl Serialize for Site {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Site", 3)?;
        st.serialize_field("file", &self.file)?;
        st.serialize_field("line", &self.location.map(Location::line))?;
        st.serialize_field("column", &self.location.map(Location::column))?;
        st.end()
    }
}

/// One change between two catalogs.
///
/// Its `Display` is the line `auth-errors diff` prints, in the form of a diagnostic:
/// `errors.yaml:4:13: breaking: TOKEN_EXPIRED: status changed from 401 to 400`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    kind: ChangeKind,
    code: Option<String>,
    from: Option<String>,
    to: Option<String>,
    old: Option<Site>,
    new: Option<Site>,
    words: Words,
}

impl Change {
    /// What changed.
    pub const fn kind(&self) -> ChangeKind {
        self.kind
    }

    /// Whether the change breaks clients ([`ChangeKind::is_breaking`]).
    pub const fn is_breaking(&self) -> bool {
        self.kind.is_breaking()
    }

    /// The code, unless the change is to the whole catalog (the body format).
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The old value, when one value changed (a status, a message).
    pub fn from(&self) -> Option<&str> {
        self.from.as_deref()
    }

    /// The new value, when one value changed.
    pub fn to(&self) -> Option<&str> {
        self.to.as_deref()
    }

    /// Where the old catalog says it; `None` for an added code.
    pub fn old_site(&self) -> Option<&Site> {
        self.old.as_ref()
    }

    /// Where the new catalog says it; `None` for a removed code.
    pub fn new_site(&self) -> Option<&Site> {
        self.new.as_ref()
    }

    /// The change in words, values quoted: `status changed from 401 to 400`.
    pub fn summary(&self) -> &str {
        &self.words.plain
    }

    /// Sets the values a change of one value records (`from` only for a removed one,
    /// `to` only for an added one).
    pub(super) fn set_values(&mut self, from: Option<String>, to: Option<String>) {
        (self.from, self.to) = (from, to);
    }

    /// The change as one Markdown list item, without the leading `- `.
    pub fn to_markdown(&self) -> String {
        match &self.code {
            Some(code) => format!("`{code}`: {}", self.words.markdown),
            None => self.words.markdown.clone(),
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(site) = self.new.as_ref().or(self.old.as_ref()) {
            write!(f, "{site}: ")?;
        }
        f.write_str(if self.is_breaking() {
            "breaking: "
        } else {
            "non-breaking: "
        })?;
        if let Some(code) = &self.code {
            write!(f, "{code}: ")?;
        }
        f.write_str(self.summary())
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Change", 8)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("breaking", &self.is_breaking())?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("summary", self.summary())?;
        st.serialize_field("from", &self.from)?;
        st.serialize_field("to", &self.to)?;
        st.serialize_field("old", &self.old)?;
        st.serialize_field("new", &self.new)?;
        st.end()
    }
}

/// Every change between two catalogs: catalog-wide ones first, then by code in the old
/// catalog's order, then added codes in the new one's, then `retired:` changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    old: String,
    new: String,
    changes: Vec<Change>,
}

impl Diff {
    /// The old catalog's file.
    pub fn old_file(&self) -> &str {
        &self.old
    }

    /// The new catalog's file.
    pub fn new_file(&self) -> &str {
        &self.new
    }

    /// The changes, in the order above.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether any change is breaking.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }

    /// The breaking changes.
    pub fn breaking(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.is_breaking())
    }

    /// A changelog section: `## Error catalog changes`, then a `### Breaking` and a
    /// `### Non-breaking` list (each only when it has items).
    ///
    /// ```
    /// use auth_errors_core::catalog;
    ///
    /// let old = catalog::load("version: 1\nerrors:\n  GONE:\n    status: 410\n    message: Gone\n", "old.yaml")?;
    /// let new = catalog::load("version: 1\nerrors:\n  GONE:\n    status: 410\n    message: Gone for good\n", "new.yaml")?;
    /// assert_eq!(
    ///     catalog::diff(&old, &new).to_markdown(),
    ///     "## Error catalog changes\n\n### Non-breaking\n\n- `GONE`: message changed from `Gone` to `Gone for good`\n",
    /// );
    /// # Ok::<(), catalog::Diagnostics>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("## Error catalog changes\n");
        if self.changes.is_empty() {
            out.push_str("\nNo changes.\n");
            return out;
        }
        for (title, breaking) in [("Breaking", true), ("Non-breaking", false)] {
            let items: Vec<String> = self
                .changes
                .iter()
                .filter(|c| c.is_breaking() == breaking)
                .map(|c| format!("- {}\n", c.to_markdown()))
                .collect();
            if !items.is_empty() {
                out.push_str(&format!("\n### {title}\n\n"));
                out.extend(items);
            }
        }
        out
    }
}

impl fmt::Display for Diff {
    /// One line per change.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.changes.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl Serialize for Diff {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Diff", 4)?;
        st.serialize_field("old", &self.old)?;
        st.serialize_field("new", &self.new)?;
        st.serialize_field("breaking", &self.is_breaking())?;
        st.serialize_field("changes", &self.changes)?;
        st.end()
    }
}

/// One side of a change of one value: the value as a summary shows it, and where its
/// catalog says it.
pub(super) struct Side {
    value: Option<String>,
    quoted: bool,
    site: Site,
}

impl Side {
    /// A number or a name, bare in text: `status changed from 401 to 400`.
    pub(super) fn bare(value: impl fmt::Display, site: Site) -> Self {
        Side {
            value: Some(value.to_string()),
            quoted: false,
            site,
        }
    }

    /// Catalog text, quoted in text (`message changed from 'Gone' to …`); `none` when
    /// the value is absent.
    pub(super) fn quoted(value: Option<&str>, site: Site) -> Self {
        Side {
            value: value.map(str::to_owned),
            quoted: true,
            site,
        }
    }

    fn write(&self, w: &mut Words) {
        match &self.value {
            Some(v) if self.quoted => w.value(v),
            Some(v) => w.bare(v),
            None => w.text("none"),
        };
    }
}

/// The changes found so far between two catalogs, in the order they are reported.
pub(super) struct Changes<'c> {
    pub(super) old: &'c Catalog,
    pub(super) new: &'c Catalog,
    list: Vec<Change>,
}

impl<'c> Changes<'c> {
    pub(super) fn new(old: &'c Catalog, new: &'c Catalog) -> Self {
        Changes {
            old,
            new,
            list: Vec::new(),
        }
    }

    /// Records a change of `code` (`None`: of the whole catalog) that `words` describe,
    /// standing at `old` in the old catalog and `new` in the new one.
    pub(super) fn push(
        &mut self,
        kind: ChangeKind,
        code: Option<&str>,
        old: Option<Site>,
        new: Option<Site>,
        words: Words,
    ) -> &mut Change {
        self.list.push(Change {
            kind,
            code: code.map(str::to_owned),
            from: None,
            to: None,
            old,
            new,
            words,
        });
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    /// Records that one value changed: "`what` from `old` to `new`", each side located,
    /// its value kept as the change's `from` and `to`. Returns the summary's words, for
    /// what the change means (`: every error body changes`).
    pub(super) fn changed(
        &mut self,
        kind: ChangeKind,
        code: Option<&str>,
        mut what: Words,
        old: Side,
        new: Side,
    ) -> &mut Words {
        what.text(" from ");
        old.write(&mut what);
        what.text(" to ");
        new.write(&mut what);
        let change = self.push(kind, code, Some(old.site), Some(new.site), what);
        change.set_values(old.value, new.value);
        &mut change.words
    }

    /// The diff of everything recorded.
    pub(super) fn finish(self) -> Diff {
        Diff {
            old: self.old.file.clone(),
            new: self.new.file.clone(),
            changes: self.list,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{cat, diff};
    use super::*;

    const GONE: &str = "  GONE:\n    status: 410\n    message: Gone\n";
    const KEPT: &str = "  KEPT:\n    status: 400\n    message: Kept\n";

    #[test]
    fn a_change_reads_as_a_diagnostic_line() {
        let d = diff(&cat("", GONE), &cat("", &GONE.replace("410", "404")));
        let [c] = d.changes() else { panic!("{d}") };
        assert_eq!(c.kind(), ChangeKind::Status);
        assert_eq!((c.from(), c.to()), (Some("410"), Some("404")));
        assert_eq!(
            c.old_site().map(Site::to_string),
            Some("old.yaml:4:13".into())
        );
        assert_eq!(c.new_site().map(Site::file), Some("new.yaml"));
        assert_eq!(
            c.to_string(),
            "new.yaml:4:13: breaking: GONE: status changed from 410 to 404"
        );
        assert_eq!(
            c.to_markdown(),
            "`GONE`: status changed from `410` to `404`"
        );
        assert_eq!((d.old_file(), d.new_file()), ("old.yaml", "new.yaml"));
    }

    #[test]
    fn a_catalog_wide_change_names_a_file_and_no_code() {
        let d = diff(&cat("", GONE), &cat("defaults:\n  body: problem\n", GONE));
        let [c] = d.changes() else { panic!("{d}") };
        assert_eq!(c.code(), None);
        assert_eq!(c.new_site().map(Site::location), Some(None));
        assert_eq!(
            c.to_string(),
            "new.yaml: breaking: body format changed from json to problem: every error body changes"
        );
    }

    #[test]
    fn markdown_lists_breaking_changes_first() {
        let old = cat("", GONE);
        let new = cat(
            "",
            &GONE.replace("410", "404").replace("Gone\n", "Gone away\n"),
        );
        let d = diff(&old, &new);
        assert_eq!(
            d.to_markdown(),
            "## Error catalog changes\n\n\
             ### Breaking\n\n- `GONE`: status changed from `410` to `404`\n\n\
             ### Non-breaking\n\n- `GONE`: message changed from `Gone` to `Gone away`\n"
        );
        assert_eq!(d.breaking().count(), 1);
        assert_eq!(
            d.to_string(),
            "new.yaml:4:13: breaking: GONE: status changed from 410 to 404\n\
             new.yaml:5:14: non-breaking: GONE: message changed from 'Gone' to 'Gone away'"
        );
    }

    #[test]
    fn json_carries_every_field() {
        let d = diff(&cat("", &format!("{GONE}{KEPT}")), &cat("", KEPT));
        let json = serde_json::to_value(&d).unwrap_or_default();
        assert_eq!(json["old"], "old.yaml");
        assert_eq!(json["breaking"], true);
        let c = &json["changes"][0];
        assert_eq!(c["kind"], "removed");
        assert_eq!(c["breaking"], true);
        assert_eq!(c["code"], "GONE");
        assert_eq!(c["from"], serde_json::Value::Null);
        assert_eq!(c["old"]["file"], "old.yaml");
        assert_eq!(
            (c["old"]["line"].clone(), c["old"]["column"].clone()),
            (3.into(), 3.into())
        );
        assert_eq!(c["new"], serde_json::Value::Null);
    }
}
