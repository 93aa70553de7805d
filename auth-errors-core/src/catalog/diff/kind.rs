//! The vocabulary of changes and the breaking policy: which kinds a client of the old
//! catalog can misread.

use std::fmt;

use serde::ser::{Serialize, Serializer};

/// The kinds of change, each breaking or not.
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

#[cfg(test)]
mod tests {
    use super::ChangeKind::{self, *};

    /// Every kind with its id and whether it breaks, as the policy table above states it.
    const TABLE: [(ChangeKind, &str, bool); 19] = [
        (Removed, "removed", true),
        (Status, "status", true),
        (ChallengeError, "challenge-error", true),
        (Scheme, "scheme", true),
        (ParamRemoved, "param-removed", true),
        (ParamRenamed, "param-renamed", true),
        (ParamType, "param-type", true),
        (BodyFormat, "body-format", true),
        (TypeUri, "type-uri", true),
        (Unretired, "unretired", true),
        (Added, "added", false),
        (ParamAdded, "param-added", false),
        (Message, "message", false),
        (Docs, "docs", false),
        (Deprecated, "deprecated", false),
        (Challenge, "challenge", false),
        (Headers, "headers", false),
        (Client, "client", false),
        (Retired, "retired", false),
    ];

    #[test]
    fn every_kind_breaks_as_the_policy_table_says() {
        for (kind, id, breaking) in TABLE {
            assert_eq!(kind.id(), id);
            assert_eq!(kind.to_string(), id);
            assert_eq!(kind.is_breaking(), breaking, "{id}");
        }
    }

    #[test]
    fn a_kind_serializes_as_its_id() {
        for (kind, id, _) in TABLE {
            assert_eq!(serde_json::to_value(kind).ok(), Some(id.into()));
        }
    }
}
