//! Catalog errors: where, which entry, which rule.

use std::fmt;

/// A 1-based line and column in a catalog file (columns count characters).
///
/// Only the loader makes one, from where the YAML parser found a value: a value with no
/// place in a file (a built-in default, an entry stated in code) has no `Location`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    line: u64,
    column: u64,
}

impl Location {
    /// The start of a file: where a mistake about the whole document is reported.
    pub(crate) const START: Location = Location { line: 1, column: 1 };

    /// A place from the parser's 1-based line and column; `None` when it does not know
    /// the place (it says 0).
    pub(crate) fn new(line: u64, column: u64) -> Option<Location> {
        (line > 0 && column > 0).then_some(Location { line, column })
    }

    /// The line, from 1.
    pub const fn line(self) -> u64 {
        self.line
    }

    /// The column, from 1.
    pub const fn column(self) -> u64 {
        self.column
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// The rules a catalog can break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CatalogRule {
    /// The file could not be read.
    Io,
    /// The text is not valid YAML.
    YamlSyntax,
    /// A mapping has the same key twice.
    DuplicateKey,
    /// A key the format does not know.
    UnknownKey,
    /// A required key is missing.
    MissingKey,
    /// A value of the wrong YAML type.
    WrongType,
    /// `version` is not a version this library reads.
    Version,
    /// The catalog has no entries.
    EmptyCatalog,
    /// A code is not `SCREAMING_SNAKE_CASE`.
    CodeCase,
    /// Two codes become the same variant name.
    VariantClash,
    /// A status outside 400–599.
    StatusRange,
    /// A 401 without a challenge (RFC 9110 §15.5.2).
    MissingChallenge,
    /// An RFC 6750 error code on the wrong status (RFC 6750 §3.1).
    ErrorStatus,
    /// A challenge on a status other than 401 without an `error`.
    ChallengeWithoutError,
    /// A challenge attribute or scheme breaks an RFC 9110 / RFC 6750 rule.
    Challenge(crate::challenge::Rule),
    /// A `{placeholder}` names no declared param.
    UnknownPlaceholder,
    /// A malformed template, or a placeholder where none may stand.
    Template,
    /// A param of the wrong type for where it is used.
    ParamType,
    /// A param name that is not `snake_case`.
    ParamName,
    /// A body format other than `json` or `problem`.
    BodyFormat,
    /// A client action other than the five known ones.
    ClientAction,
    /// `expose: false` on a status below 500.
    Expose,
    /// An extra header with a bad name or value, or one the library sets itself.
    Header,
    /// `docs_url` is not a URI-reference.
    DocsUrl,
    /// An `include:` that cannot be resolved: unreadable, absolute, or part of a cycle.
    Include,
    /// Two composed catalog files define the same code.
    DuplicateCode,
    /// A malformed `prefix:`, or a code of the file that does not carry it.
    Prefix,
    /// A retired code defined again, or a malformed `retired:` list.
    Retired,
    /// Two challenges of one entry with the same scheme, or `challenge` beside
    /// `challenges` (RFC 9110 §11.6.1: one challenge per scheme).
    Challenges,
    /// A `conceal_as` naming no entry, the entry itself, or an entry that is concealed
    /// in turn.
    ConcealTarget,
    /// A `conceal_as` target whose response uses params, which a concealed answer would
    /// have to fill (and could fill differently).
    ConcealParams,
    /// A concealed entry with a challenge or headers of its own, which its answer never
    /// sends.
    ConcealResponse,
    /// A 429 or 503 entry without `Retry-After` (a warning; an error when strict).
    RetryAfterMissing,
    /// A `grpc:` value that is not a `google.rpc.Code` name.
    GrpcCode,
    /// A `grpc:` code that `google/rpc/code.proto` maps to another HTTP status (or `OK`).
    GrpcStatus,
    /// An entry whose status derives no single gRPC code (409, or a status code.proto
    /// does not map) and that does not choose one with `grpc:` (a warning; an error when
    /// strict, and a compile error where the `tonic` feature answers over gRPC).
    GrpcChoice,
    /// A `domain` that is empty or not printable ASCII without spaces (AIP-193).
    Domain,
    /// An `alert:` block with a share outside (0, 1], a duration that is not a
    /// Prometheus duration, or a severity that is not a lower-case word.
    Alert,
    /// A `locale:` (or `defaults.locale`) that is not a well-formed BCP 47 tag (RFC 5646).
    LocaleTag,
    /// Two locale files with the same tag, or one with the catalog's own.
    LocaleDuplicate,
    /// A translation uses a `{placeholder}` its entry has no param for.
    LocalePlaceholder,
    /// A translation leaves out a placeholder its entry's message uses.
    LocaleParamMissing,
    /// A locale file translates a code the catalog does not define.
    LocaleUnknownCode,
    /// A locale file translates a retired code.
    LocaleRetiredCode,
    /// A locale file without a translation of some entry (a warning; an error when the
    /// loader requires complete locales, or is strict).
    LocaleIncomplete,
}

impl CatalogRule {
    /// A short, stable identifier of the rule (`status-range`, …).
    pub const fn id(self) -> &'static str {
        match self {
            CatalogRule::Io => "io",
            CatalogRule::YamlSyntax => "yaml-syntax",
            CatalogRule::DuplicateKey => "duplicate-key",
            CatalogRule::UnknownKey => "unknown-key",
            CatalogRule::MissingKey => "missing-key",
            CatalogRule::WrongType => "wrong-type",
            CatalogRule::Version => "version",
            CatalogRule::EmptyCatalog => "empty-catalog",
            CatalogRule::CodeCase => "code-case",
            CatalogRule::VariantClash => "variant-clash",
            CatalogRule::StatusRange => "status-range",
            CatalogRule::MissingChallenge => "missing-challenge",
            CatalogRule::ErrorStatus => "error-status",
            CatalogRule::ChallengeWithoutError => "challenge-without-error",
            CatalogRule::Challenge(rule) => rule.id(),
            CatalogRule::UnknownPlaceholder => "unknown-placeholder",
            CatalogRule::Template => "template",
            CatalogRule::ParamType => "param-type",
            CatalogRule::ParamName => "param-name",
            CatalogRule::BodyFormat => "body-format",
            CatalogRule::ClientAction => "client-action",
            CatalogRule::Expose => "expose",
            CatalogRule::Header => "header",
            CatalogRule::DocsUrl => "docs-url",
            CatalogRule::Include => "include",
            CatalogRule::DuplicateCode => "duplicate-code",
            CatalogRule::Prefix => "prefix",
            CatalogRule::Retired => "retired",
            CatalogRule::Challenges => "challenges",
            CatalogRule::ConcealTarget => "conceal-target",
            CatalogRule::ConcealParams => "conceal-params",
            CatalogRule::ConcealResponse => "conceal-response",
            CatalogRule::RetryAfterMissing => "retry-after-missing",
            CatalogRule::Alert => "alert",
            CatalogRule::GrpcCode => "grpc-code",
            CatalogRule::GrpcStatus => "grpc-status",
            CatalogRule::GrpcChoice => "grpc-choice",
            CatalogRule::Domain => "domain",
            CatalogRule::LocaleTag => "locale-tag",
            CatalogRule::LocaleDuplicate => "locale-duplicate",
            CatalogRule::LocalePlaceholder => "locale-placeholder",
            CatalogRule::LocaleParamMissing => "locale-param-missing",
            CatalogRule::LocaleUnknownCode => "locale-unknown-code",
            CatalogRule::LocaleRetiredCode => "locale-retired-code",
            CatalogRule::LocaleIncomplete => "locale-incomplete",
        }
    }

    /// How much breaking the rule matters: every rule is an error but
    /// [`RetryAfterMissing`](CatalogRule::RetryAfterMissing) and
    /// [`GrpcChoice`](CatalogRule::GrpcChoice) and
    /// [`LocaleIncomplete`](CatalogRule::LocaleIncomplete), warnings (errors for a
    /// [strict](super::Loader::strict) loader).
    pub const fn severity(self) -> Severity {
        match self {
            CatalogRule::RetryAfterMissing
            | CatalogRule::GrpcChoice
            | CatalogRule::LocaleIncomplete => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// Whether a diagnostic stops a catalog from loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The catalog does not load.
    Error,
    /// The catalog loads, and the diagnostic is kept on it
    /// ([`Catalog::warnings`](super::Catalog::warnings)); a strict loader makes it an error.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as a diagnostic line shows it.
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for CatalogRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One mistake in a catalog.
///
/// Its `Display` is the line the CLI prints and the macro reports, with the rule's
/// [id](CatalogRule::id) in brackets:
/// `errors.yaml:8:13: error[description-charset]: TOKEN_EXPIRED: error_description may not contain '"' (RFC 6750 §3)`
/// (`warning[…]:` in place of `error[…]:` for a [warning](Severity::Warning)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    file: String,
    location: Option<Location>,
    code: Option<String>,
    rule: CatalogRule,
    severity: Severity,
    message: String,
}

impl Diagnostic {
    pub(crate) fn new(
        file: &str,
        location: Option<Location>,
        code: Option<&str>,
        rule: CatalogRule,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.to_owned(),
            location,
            code: code.map(str::to_owned),
            rule,
            severity: rule.severity(),
            message: message.into(),
        }
    }

    /// The same diagnostic as an error: what a strict loader makes of a warning.
    pub(crate) fn into_error(mut self) -> Self {
        self.severity = Severity::Error;
        self
    }

    /// Whether it stops the catalog from loading.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The catalog file, as named to the loader.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Where in the file; `None` when the file could not be read at all, or the mistake
    /// is in an entry stated outside a file.
    pub fn location(&self) -> Option<Location> {
        self.location
    }

    /// The entry's code, when the mistake is inside an entry.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The rule that was broken.
    pub fn rule(&self) -> CatalogRule {
        self.rule
    }

    /// What is wrong, naming the rule.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(at) = self.location {
            write!(f, ":{at}")?;
        }
        write!(f, ": {}[{}]: ", self.severity.name(), self.rule.id())?;
        if let Some(code) = &self.code {
            write!(f, "{code}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// Every mistake found in a catalog, in file order: why it did not load, so never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// What the loader found; it makes `Diagnostics` only when it found something.
    pub(crate) fn new(found: Vec<Diagnostic>) -> Self {
        Diagnostics(found)
    }

    /// The mistakes in file order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// The mistakes as a slice.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.0
    }

    /// How many mistakes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none (never, for what a load returns).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Collects the diagnostics of one file as the loader and the rules go on, so one run
/// reports every mistake.
///
/// What it collects is taken with [`finish`](Sink::finish), which consumes it; a sink
/// dropped unfinished would lose mistakes, so that is a bug, and debug builds panic on
/// it (as serde's `Ctxt` does).
#[derive(Debug)]
pub(crate) struct Sink {
    file: String,
    /// `None` once finished.
    found: Option<Vec<Diagnostic>>,
}

impl Sink {
    pub(crate) fn new(file: &str) -> Self {
        Sink {
            file: file.to_owned(),
            found: Some(Vec::new()),
        }
    }

    /// The file the diagnostics are in, as it is shown.
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// Every diagnostic collected, in the order they were pushed.
    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        self.found.take().unwrap_or_default()
    }

    pub(crate) fn push(
        &mut self,
        at: Option<Location>,
        code: Option<&str>,
        rule: CatalogRule,
        message: impl Into<String>,
    ) {
        let file = self.file.clone();
        self.push_in(&file, at, code, rule, message);
    }

    /// Pushes a diagnostic located in another file of a composed catalog.
    pub(crate) fn push_in(
        &mut self,
        file: &str,
        at: Option<Location>,
        code: Option<&str>,
        rule: CatalogRule,
        message: impl Into<String>,
    ) {
        if let Some(found) = &mut self.found {
            found.push(Diagnostic::new(file, at, code, rule, message));
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if cfg!(debug_assertions) && self.found.is_some() && !std::thread::panicking() {
            panic!(
                "a catalog Sink for '{}' was dropped without finish(): its diagnostics would be lost",
                self.file
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CatalogRule, Location, Sink};

    #[test]
    fn a_sink_gives_back_what_it_collected_in_order() {
        let mut sink = Sink::new("e.yaml");
        sink.push(Location::new(2, 1), None, CatalogRule::Version, "first");
        sink.push_in("std", None, Some("A"), CatalogRule::DuplicateCode, "second");
        let found: Vec<String> = sink.finish().iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "e.yaml:2:1: error[version]: first",
                "std: error[duplicate-code]: A: second"
            ]
        );
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "dropped without finish()")]
    fn a_sink_dropped_unfinished_is_a_bug() {
        let sink = Sink::new("e.yaml");
        drop(sink);
    }

    #[test]
    fn a_location_is_one_based_or_none() {
        assert_eq!(Location::new(0, 0), None);
        assert_eq!(Location::new(3, 0), None);
        let at = Location::new(3, 7);
        assert_eq!(at.map(|at| (at.line(), at.column())), Some((3, 7)));
        assert_eq!(at.map(|at| at.to_string()), Some("3:7".to_owned()));
        assert_eq!(Location::START.to_string(), "1:1");
    }
}
