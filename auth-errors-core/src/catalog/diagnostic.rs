//! Catalog errors: where, which entry, which rule.

use std::fmt;

/// A 1-based line and column in a catalog file (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location {
    /// The line, from 1.
    pub line: u64,
    /// The column, from 1.
    pub column: u64,
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
/// Its `Display` is the line the CLI prints and the macro reports:
/// `errors.yaml:8:13: error: TOKEN_EXPIRED: error_description may not contain '"' (RFC 6750 §3)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The catalog file, as named to the loader.
    pub file: String,
    /// Where in the file; `None` when the file could not be read at all.
    pub location: Option<Location>,
    /// The entry's code, when the mistake is inside an entry.
    pub code: Option<String>,
    /// The rule that was broken.
    pub rule: CatalogRule,
    /// What is wrong, naming the rule.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(at) = self.location {
            write!(f, ":{at}")?;
        }
        f.write_str(": error: ")?;
        if let Some(code) = &self.code {
            write!(f, "{code}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// Every mistake found in a catalog, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

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

/// Collects diagnostics for one file.
#[derive(Debug)]
pub(crate) struct Sink {
    pub(crate) file: String,
    pub(crate) found: Vec<Diagnostic>,
}

impl Sink {
    pub(crate) fn new(file: &str) -> Self {
        Sink {
            file: file.to_owned(),
            found: Vec::new(),
        }
    }

    pub(crate) fn push(
        &mut self,
        at: Location,
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
        at: Location,
        code: Option<&str>,
        rule: CatalogRule,
        message: impl Into<String>,
    ) {
        self.found.push(Diagnostic {
            file: file.to_owned(),
            location: Some(at),
            code: code.map(str::to_owned),
            rule,
            message: message.into(),
        });
    }
}
