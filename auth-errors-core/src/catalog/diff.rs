//! What changed between two versions of a catalog, and which changes break clients.
//!
//! See [`diff()`][crate::catalog::diff()] for what is breaking.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::body::BodyFormat;

use super::diagnostic::Location;
use super::model::{Catalog, Entry};

/// The kinds of change, each breaking or not (see the table at [`diff()`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// A code is gone. Always breaking, deprecated or not.
    Removed,
    /// A code's HTTP status changed.
    Status,
    /// A challenge's `error` changed, or was added or removed.
    ChallengeError,
    /// A challenge's auth-scheme changed.
    Scheme,
    /// A param is gone.
    ParamRemoved,
    /// A param at the same place has a new name.
    ParamRenamed,
    /// A param's type changed.
    ParamType,
    /// The body format changed: every body changes.
    BodyFormat,
    /// `docs_url` of a `problem` catalog changed: every problem `type` changes.
    TypeUri,
    /// A code is no longer listed under `retired:`, so it may be reused.
    Unretired,
    /// A new code.
    Added,
    /// A new param.
    ParamAdded,
    /// Message wording, or whether the message reaches the body.
    Message,
    /// Documentation: `title`, `docs`, `since`, a deprecation reason, a `json` catalog's `docs_url`.
    Docs,
    /// A code newly deprecated, or no longer deprecated.
    Deprecated,
    /// Challenge attributes other than `error`.
    Challenge,
    /// Extra response headers.
    Headers,
    /// What a client should do.
    Client,
    /// A code newly listed under `retired:`.
    Retired,
}

impl ChangeKind {
    /// A short, stable identifier (`removed`, `challenge-error`, …).
    pub const fn id(self) -> &'static str {
        match self {
            ChangeKind::Removed => "removed",
            ChangeKind::Status => "status",
            ChangeKind::ChallengeError => "challenge-error",
            ChangeKind::Scheme => "scheme",
            ChangeKind::ParamRemoved => "param-removed",
            ChangeKind::ParamRenamed => "param-renamed",
            ChangeKind::ParamType => "param-type",
            ChangeKind::BodyFormat => "body-format",
            ChangeKind::TypeUri => "type-uri",
            ChangeKind::Unretired => "unretired",
            ChangeKind::Added => "added",
            ChangeKind::ParamAdded => "param-added",
            ChangeKind::Message => "message",
            ChangeKind::Docs => "docs",
            ChangeKind::Deprecated => "deprecated",
            ChangeKind::Challenge => "challenge",
            ChangeKind::Headers => "headers",
            ChangeKind::Client => "client",
            ChangeKind::Retired => "retired",
        }
    }

    /// Whether a client of the old catalog can misread a response of the new one.
    ///
    /// ```
    /// use auth_errors_core::catalog::ChangeKind;
    ///
    /// assert!(ChangeKind::Removed.is_breaking());
    /// assert!(!ChangeKind::Deprecated.is_breaking());
    /// ```
    pub const fn is_breaking(self) -> bool {
        matches!(
            self,
            ChangeKind::Removed
                | ChangeKind::Status
                | ChangeKind::ChallengeError
                | ChangeKind::Scheme
                | ChangeKind::ParamRemoved
                | ChangeKind::ParamRenamed
                | ChangeKind::ParamType
                | ChangeKind::BodyFormat
                | ChangeKind::TypeUri
                | ChangeKind::Unretired
        )
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for ChangeKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// Where a changed value stands: a file of the old or the new catalog, and the line and
/// column when the value has one (the body format, a default, has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The file, as named to the loader (`std` for the standard catalog).
    pub file: String,
    /// The line and column.
    pub location: Option<Location>,
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
        st.serialize_field("line", &self.location.map(|l| l.line))?;
        st.serialize_field("column", &self.location.map(|l| l.column))?;
        st.end()
    }
}

/// One change between two catalogs.
///
/// Its `Display` is the line `auth-errors diff` prints, in the form of a diagnostic:
/// `errors.yaml:4:13: breaking: TOKEN_EXPIRED: status changed from 401 to 400`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// The code, unless the change is to the whole catalog (the body format).
    pub code: Option<String>,
    /// The old value, when one value changed (a status, a message).
    pub from: Option<String>,
    /// The new value, when one value changed.
    pub to: Option<String>,
    /// Where the old catalog says it; `None` for an added code.
    pub old: Option<Site>,
    /// Where the new catalog says it; `None` for a removed code.
    pub new: Option<Site>,
    /// The change in words, values quoted.
    pub summary: String,
    /// The same words as Markdown, values as code spans.
    markdown: String,
}

impl Change {
    /// Whether the change breaks clients ([`ChangeKind::is_breaking`]).
    pub const fn is_breaking(&self) -> bool {
        self.kind.is_breaking()
    }

    /// The change as one Markdown list item, without the leading `- `.
    pub fn to_markdown(&self) -> String {
        match &self.code {
            Some(code) => format!("`{code}`: {}", self.markdown),
            None => self.markdown.clone(),
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
        f.write_str(&self.summary)
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Change", 8)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("breaking", &self.is_breaking())?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("summary", &self.summary)?;
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
    /// The old catalog's file.
    pub old: String,
    /// The new catalog's file.
    pub new: String,
    /// The changes.
    pub changes: Vec<Change>,
}

impl Diff {
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

/// Classifies every change from `old` to `new` (both loaded, composed and valid).
///
/// Codes are matched by name across the composed catalogs, whichever file defines them.
///
/// Error codes are an API: frontends switch on them, monitoring alerts on them. A change
/// is *breaking* when a client that worked against the old catalog can misread a
/// response of the new one:
///
/// | kind | breaking | what changed |
/// |---|---|---|
/// | `removed` | yes | a code is gone (always breaking, deprecated or not; its summary says when it is not listed under `retired:`) |
/// | `status` | yes | the HTTP status of a code |
/// | `challenge-error` | yes | the challenge's `error` (RFC 6750 §3), added or removed |
/// | `scheme` | yes | the challenge's auth-scheme |
/// | `param-removed`, `param-renamed`, `param-type` | yes | a param, which clients read from messages and challenges |
/// | `body-format` | yes | `json` ↔ `problem`: every body |
/// | `type-uri` | yes | `docs_url` of a `problem` catalog: every problem `type` |
/// | `unretired` | yes | a code dropped from `retired:`, so it may be reused |
/// | `added` | no | a new code |
/// | `param-added` | no | a new param (the generated variant gains a field) |
/// | `message` | no | message wording, or whether the message is exposed |
/// | `docs` | no | `title`, `docs`, `since`, a deprecation reason, `docs_url` of a `json` catalog |
/// | `deprecated` | no | a code newly deprecated, or no longer |
/// | `challenge` | no | other challenge attributes (`realm`, `error_description`, `scope`, extensions) |
/// | `headers` | no | extra response headers |
/// | `client` | no | what a client should do |
/// | `retired` | no | a code newly listed under `retired:` |
///
/// ```
/// use auth_errors_core::catalog::{self, ChangeKind};
///
/// let old = catalog::load("version: 1\nerrors:\n  GONE:\n    status: 410\n    message: Gone\n", "old.yaml")?;
/// let new = catalog::load("version: 1\nerrors:\n  GONE:\n    status: 404\n    message: Gone\n", "new.yaml")?;
/// let diff = catalog::diff(&old, &new);
/// assert!(diff.is_breaking());
/// assert_eq!(diff.changes[0].kind, ChangeKind::Status);
/// assert_eq!(
///     diff.to_string(),
///     "new.yaml:4:13: breaking: GONE: status changed from 410 to 404",
/// );
/// # Ok::<(), catalog::Diagnostics>(())
/// ```
pub fn diff(old: &Catalog, new: &Catalog) -> Diff {
    let mut out = Changes {
        old,
        new,
        list: Vec::new(),
    };
    out.catalog_wide();
    for o in &old.entries {
        match new.get(&o.code.value) {
            Some(n) => out.entry(o, n),
            None => out.removed(o),
        }
    }
    for n in &new.entries {
        if old.get(&n.code.value).is_none() {
            let mut w = Words::default();
            w.text("added (status ").bare(n.status.value).text(")");
            out.push(
                ChangeKind::Added,
                Some(n),
                None,
                Some(site(n, n.code.at)),
                w,
            );
        }
    }
    out.retired();
    Diff {
        old: old.file.clone(),
        new: new.file.clone(),
        changes: out.list,
    }
}

/// The words of a summary: text, quoted values and bare values, rendered once as plain
/// text and once as Markdown.
#[derive(Default)]
struct Words {
    plain: String,
    markdown: String,
}

impl Words {
    /// The summary's own words (no Markdown syntax in them).
    fn text(&mut self, s: &str) -> &mut Self {
        self.plain.push_str(s);
        self.markdown.push_str(s);
        self
    }

    /// A value from the catalog: `'value'` in text, a code span in Markdown.
    fn value(&mut self, v: &str) -> &mut Self {
        self.plain.push_str(&format!("'{v}'"));
        self.markdown.push_str(&code_span(v));
        self
    }

    /// A number or a name that reads well bare in text: a code span in Markdown.
    fn bare(&mut self, v: impl fmt::Display) -> &mut Self {
        let v = v.to_string();
        self.plain.push_str(&v);
        self.markdown.push_str(&code_span(&v));
        self
    }

    /// Values separated by `, `.
    fn list(&mut self, values: &[String]) -> &mut Self {
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.text(", ");
            }
            self.bare(v);
        }
        self
    }
}

/// A Markdown code span holding `v` on one line, fenced with more backticks than `v` has
/// in a row.
fn code_span(v: &str) -> String {
    let v = v.replace(['\r', '\n'], " ");
    if v.is_empty() {
        return "`\u{a0}`".to_owned();
    }
    let longest = v
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest + 1);
    if longest > 0 || v.starts_with(' ') || v.ends_with(' ') {
        format!("{fence} {v} {fence}")
    } else {
        format!("{fence}{v}{fence}")
    }
}

fn site(entry: &Entry, at: Location) -> Site {
    Site {
        file: entry.origin.clone(),
        location: Some(at),
    }
}

struct Changes<'c> {
    old: &'c Catalog,
    new: &'c Catalog,
    list: Vec<Change>,
}

impl Changes<'_> {
    fn push(
        &mut self,
        kind: ChangeKind,
        code: Option<&Entry>,
        old: Option<Site>,
        new: Option<Site>,
        w: Words,
    ) {
        self.push_values(kind, code, old, new, w, None, None);
    }

    #[allow(clippy::too_many_arguments)]
    fn push_values(
        &mut self,
        kind: ChangeKind,
        code: Option<&Entry>,
        old: Option<Site>,
        new: Option<Site>,
        w: Words,
        from: Option<String>,
        to: Option<String>,
    ) {
        self.list.push(Change {
            kind,
            code: code.map(|e| e.code.value.clone()),
            from,
            to,
            old,
            new,
            summary: w.plain,
            markdown: w.markdown,
        });
    }

    fn catalog_wide(&mut self) {
        let (old, new) = (&self.old.defaults, &self.new.defaults);
        let file_site = |c: &Catalog| Site {
            file: c.file.clone(),
            location: None,
        };
        if old.body != new.body {
            let mut w = Words::default();
            w.text("body format changed from ")
                .bare(old.body.name())
                .text(" to ")
                .bare(new.body.name())
                .text(": every error body changes");
            self.push_values(
                ChangeKind::BodyFormat,
                None,
                Some(file_site(self.old)),
                Some(file_site(self.new)),
                w,
                Some(old.body.name().to_owned()),
                Some(new.body.name().to_owned()),
            );
        }
        let (from, to) = (
            old.docs_url.as_ref().map(|u| u.value.as_str()),
            new.docs_url.as_ref().map(|u| u.value.as_str()),
        );
        if from != to {
            let problem = old.body == BodyFormat::Problem && new.body == BodyFormat::Problem;
            let mut w = Words::default();
            w.bare("docs_url").text(" changed from ");
            match from {
                Some(u) => w.value(u),
                None => w.text("none"),
            };
            w.text(" to ");
            match to {
                Some(u) => w.value(u),
                None => w.text("none"),
            };
            if problem {
                w.text(": the problem type of every error changes");
            }
            let at = |c: &Catalog| Site {
                file: c.file.clone(),
                location: c.defaults.docs_url.as_ref().map(|u| u.at),
            };
            let kind = if problem {
                ChangeKind::TypeUri
            } else {
                ChangeKind::Docs
            };
            self.push_values(
                kind,
                None,
                Some(at(self.old)),
                Some(at(self.new)),
                w,
                from.map(str::to_owned),
                to.map(str::to_owned),
            );
        }
    }

    fn removed(&mut self, o: &Entry) {
        let mut w = Words::default();
        w.text("removed (status ").bare(o.status.value).text(")");
        if let Some(reason) = &o.deprecated {
            w.text(" after its deprecation");
            if !reason.value.is_empty() {
                w.text(" (").value(&reason.value).text(")");
            }
        }
        if self
            .new
            .retired
            .iter()
            .any(|r| r.code.value == o.code.value)
        {
            w.text("; it is retired, so it can never be reused");
        } else {
            w.text("; it is not listed under ")
                .value("retired:")
                .text(", so a later catalog could reuse it: add it there");
        }
        self.push(
            ChangeKind::Removed,
            Some(o),
            Some(site(o, o.code.at)),
            None,
            w,
        );
    }

    fn entry(&mut self, o: &Entry, n: &Entry) {
        let (od, nd) = (&self.old.defaults, &self.new.defaults);
        let sites = |o_at: Location, n_at: Location| (Some(site(o, o_at)), Some(site(n, n_at)));

        if o.status.value != n.status.value {
            let (so, sn) = sites(o.status.at, n.status.at);
            let mut w = Words::default();
            w.text("status changed from ")
                .bare(o.status.value)
                .text(" to ")
                .bare(n.status.value);
            self.push_values(
                ChangeKind::Status,
                Some(n),
                so,
                sn,
                w,
                Some(o.status.value.to_string()),
                Some(n.status.value.to_string()),
            );
        }

        let error_of = |e: &Entry| {
            e.challenge
                .as_ref()
                .and_then(|c| c.error.as_ref())
                .map(|v| (v.value.clone(), v.at))
        };
        let (eo, en) = (error_of(o), error_of(n));
        if eo.as_ref().map(|e| &e.0) != en.as_ref().map(|e| &e.0) {
            let at = |e: &Entry, v: &Option<(String, Location)>| {
                v.as_ref()
                    .map(|v| v.1)
                    .or(e.challenge.as_ref().map(|c| c.at))
                    .unwrap_or(e.code.at)
            };
            let (so, sn) = sites(at(o, &eo), at(n, &en));
            let mut w = Words::default();
            match (&eo, &en) {
                (Some((a, _)), Some((b, _))) => {
                    w.text("challenge error changed from ")
                        .value(a)
                        .text(" to ")
                        .value(b);
                }
                (None, Some((b, _))) => {
                    w.text("challenge error ").value(b).text(" added");
                }
                (Some((a, _)), None) => {
                    w.text("challenge error ").value(a).text(" removed");
                }
                (None, None) => {}
            }
            self.push_values(
                ChangeKind::ChallengeError,
                Some(n),
                so,
                sn,
                w,
                eo.map(|e| e.0),
                en.map(|e| e.0),
            );
        }

        if let (Some(co), Some(cn)) = (&o.challenge, &n.challenge) {
            let (so_, sn_) = (co.scheme(od), cn.scheme(nd));
            if !so_.value.eq_ignore_ascii_case(&sn_.value) {
                let (so, sn) = sites(co.at, cn.at);
                let mut w = Words::default();
                w.text("challenge scheme changed from ")
                    .bare(&so_.value)
                    .text(" to ")
                    .bare(&sn_.value);
                self.push_values(
                    ChangeKind::Scheme,
                    Some(n),
                    so,
                    sn,
                    w,
                    Some(so_.value.clone()),
                    Some(sn_.value.clone()),
                );
            }
        }

        self.params(o, n);

        if o.message.value != n.message.value {
            let (so, sn) = sites(o.message.at, n.message.at);
            let mut w = Words::default();
            w.text("message changed from ")
                .value(&o.message.value)
                .text(" to ")
                .value(&n.message.value);
            self.push_values(
                ChangeKind::Message,
                Some(n),
                so,
                sn,
                w,
                Some(o.message.value.clone()),
                Some(n.message.value.clone()),
            );
        }
        if o.expose.value != n.expose.value {
            let (so, sn) = sites(o.expose.at, n.expose.at);
            let mut w = Words::default();
            w.text(if n.expose.value {
                "the message now reaches the body (expose: true)"
            } else {
                "the message no longer reaches the body (expose: false)"
            });
            self.push(ChangeKind::Message, Some(n), so, sn, w);
        }

        if let (Some(co), Some(cn)) = (&o.challenge, &n.challenge) {
            let attributes = |c: &crate::catalog::ChallengeDef, d| -> Vec<(String, String)> {
                c.attributes(d)
                    .into_iter()
                    .filter(|(name, _)| !name.eq_ignore_ascii_case("error"))
                    .map(|(name, v)| (name.to_owned(), v.value.clone()))
                    .collect()
            };
            let changed = changed_names(&attributes(co, od), &attributes(cn, nd));
            if !changed.is_empty() {
                let (so, sn) = sites(co.at, cn.at);
                let mut w = Words::default();
                w.text("challenge attributes changed: ").list(&changed);
                self.push(ChangeKind::Challenge, Some(n), so, sn, w);
            }
        }

        let headers = |e: &Entry| -> Vec<(String, String)> {
            e.headers
                .iter()
                .map(|(name, v)| (name.value.clone(), v.value.clone()))
                .collect()
        };
        let changed = changed_names(&headers(o), &headers(n));
        if !changed.is_empty() {
            let (so, sn) = sites(o.code.at, n.code.at);
            let mut w = Words::default();
            w.text("extra headers changed: ").list(&changed);
            self.push(ChangeKind::Headers, Some(n), so, sn, w);
        }

        // What a client should do follows from the status and the challenge error, whose
        // changes are reported already; an entry's own `client:` is a change of its own.
        let (ao, an) = (o.client_action(), n.client_action());
        let explicit = |e: &Entry| e.client.as_ref().map(|c| c.value);
        if ao != an && explicit(o) != explicit(n) {
            let at = |e: &Entry| e.client.as_ref().map_or(e.code.at, |c| c.at);
            let (so, sn) = sites(at(o), at(n));
            let mut w = Words::default();
            w.text("client action changed from ")
                .bare(ao.name())
                .text(" to ")
                .bare(an.name());
            self.push_values(
                ChangeKind::Client,
                Some(n),
                so,
                sn,
                w,
                Some(ao.name().to_owned()),
                Some(an.name().to_owned()),
            );
        }

        match (&o.deprecated, &n.deprecated) {
            (None, Some(reason)) => {
                let (so, sn) = sites(o.code.at, reason.at);
                let mut w = Words::default();
                w.text("deprecated");
                if !reason.value.is_empty() {
                    w.text(": ").value(&reason.value);
                }
                self.push(ChangeKind::Deprecated, Some(n), so, sn, w);
            }
            (Some(reason), None) => {
                let (so, sn) = sites(reason.at, n.code.at);
                let mut w = Words::default();
                w.text("no longer deprecated");
                self.push(ChangeKind::Deprecated, Some(n), so, sn, w);
            }
            _ => {}
        }

        let text =
            |v: &Option<crate::catalog::Spanned<String>>| v.as_ref().map(|v| v.value.clone());
        let docs: Vec<String> = [
            ("title", text(&o.title) != text(&n.title)),
            ("docs", text(&o.docs) != text(&n.docs)),
            ("since", text(&o.since) != text(&n.since)),
            (
                "deprecated",
                o.deprecated.is_some()
                    && n.deprecated.is_some()
                    && text(&o.deprecated) != text(&n.deprecated),
            ),
        ]
        .into_iter()
        .filter(|(_, changed)| *changed)
        .map(|(name, _)| name.to_owned())
        .collect();
        if !docs.is_empty() {
            let (so, sn) = sites(o.code.at, n.code.at);
            let mut w = Words::default();
            w.text("documentation changed: ").list(&docs);
            self.push(ChangeKind::Docs, Some(n), so, sn, w);
        }
    }

    /// Params by name: one gone and one new at the same place is a rename.
    fn params(&mut self, o: &Entry, n: &Entry) {
        for (i, p) in o.params.iter().enumerate() {
            match n.param(&p.name.value) {
                Some(q) if q.ty.value != p.ty.value => {
                    let mut w = Words::default();
                    w.text("param ")
                        .value(&p.name.value)
                        .text(" changed type from ")
                        .bare(p.ty.value)
                        .text(" to ")
                        .bare(q.ty.value);
                    self.push_values(
                        ChangeKind::ParamType,
                        Some(n),
                        Some(site(o, p.ty.at)),
                        Some(site(n, q.ty.at)),
                        w,
                        Some(p.ty.value.to_string()),
                        Some(q.ty.value.to_string()),
                    );
                }
                Some(_) => {}
                None => {
                    let renamed = n.params.get(i).filter(|q| o.param(&q.name.value).is_none());
                    let mut w = Words::default();
                    w.text("param ").value(&p.name.value);
                    match renamed {
                        Some(q) => {
                            w.text(" renamed to ").value(&q.name.value);
                            self.push_values(
                                ChangeKind::ParamRenamed,
                                Some(n),
                                Some(site(o, p.name.at)),
                                Some(site(n, q.name.at)),
                                w,
                                Some(p.name.value.clone()),
                                Some(q.name.value.clone()),
                            );
                        }
                        None => {
                            w.text(" removed");
                            self.push(
                                ChangeKind::ParamRemoved,
                                Some(n),
                                Some(site(o, p.name.at)),
                                Some(site(n, n.code.at)),
                                w,
                            );
                        }
                    }
                }
            }
        }
        for (i, q) in n.params.iter().enumerate() {
            let renamed = o
                .params
                .get(i)
                .is_some_and(|p| n.param(&p.name.value).is_none());
            if o.param(&q.name.value).is_none() && !renamed {
                let mut w = Words::default();
                w.text("param ")
                    .value(&q.name.value)
                    .text(" added (")
                    .bare(q.ty.value)
                    .text("); code that builds this error must now set it");
                self.push(
                    ChangeKind::ParamAdded,
                    Some(n),
                    Some(site(o, o.code.at)),
                    Some(site(n, q.name.at)),
                    w,
                );
            }
        }
    }

    fn retired(&mut self) {
        let (old, new) = (self.old, self.new);
        for r in &old.retired {
            if !new.retired.iter().any(|q| q.code.value == r.code.value) {
                let mut w = Words::default();
                w.text("no longer listed under ")
                    .value("retired:")
                    .text(", so the code may be reused with another meaning");
                self.list
                    .push(retired_change(ChangeKind::Unretired, r, false, w));
            }
        }
        for r in &new.retired {
            let was_retired = old.retired.iter().any(|q| q.code.value == r.code.value);
            // A code removed in this diff is retired in its `removed` change.
            let removed_now = old.get(&r.code.value).is_some() && new.get(&r.code.value).is_none();
            if !was_retired && !removed_now {
                let mut w = Words::default();
                w.text("retired: the code may never be defined again");
                self.list
                    .push(retired_change(ChangeKind::Retired, r, true, w));
            }
        }
    }
}

/// A change to a `retired:` list; `in_new` when the item stands in the new catalog.
fn retired_change(kind: ChangeKind, r: &super::model::Retired, in_new: bool, w: Words) -> Change {
    let at = Site {
        file: r.origin.clone(),
        location: Some(r.code.at),
    };
    let (old, new) = if in_new {
        (None, Some(at))
    } else {
        (Some(at), None)
    };
    Change {
        kind,
        code: Some(r.code.value.clone()),
        from: None,
        to: None,
        old,
        new,
        summary: w.plain,
        markdown: w.markdown,
    }
}

/// The names (case-insensitive, as header and auth-param names are) whose value differs
/// between two name → value lists, or that only one has: in the new list's order and
/// spelling, then the names only the old list has.
fn changed_names(old: &[(String, String)], new: &[(String, String)]) -> Vec<String> {
    let value = |list: &[(String, String)], name: &str| {
        list.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let mut out: Vec<String> = Vec::new();
    for (name, _) in new.iter().chain(old) {
        if value(old, name) != value(new, name) && !out.iter().any(|n| n.eq_ignore_ascii_case(name))
        {
            out.push(name.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::code_span;

    #[test]
    fn code_spans_hold_any_value() {
        assert_eq!(code_span("401"), "`401`");
        assert_eq!(code_span("a `b` c"), "`` a `b` c ``");
        assert_eq!(code_span("two\nlines"), "`two lines`");
        assert_eq!(code_span(" pad"), "`  pad `");
    }
}
