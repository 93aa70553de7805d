//! Entries stated in code, not in a file: the derive's
//! `#[auth_error(status = …, message = …)]`. They have no file and no locations, and keep
//! every rule a catalog entry keeps.

use crate::spec::{ClientAction, GrpcCode, ParamType};

use super::diagnostic::{Diagnostic, Severity, Sink};
use super::model::{ChallengeDef, Defaults, Entry, Param, Spanned};
use super::valid;

/// The file an inline entry is reported in, and its [`Entry::origin`].
pub(crate) const INLINE: &str = "inline";

/// An entry stated in code, for the derive; [`check`](InlineEntry::check) makes it an
/// [`Entry`].
#[derive(Debug, Clone, Default)]
pub struct InlineEntry {
    /// The code.
    pub code: String,
    /// The HTTP status.
    pub status: u16,
    /// The message template.
    pub message: String,
    /// A short title.
    pub title: Option<String>,
    /// Markdown documentation.
    pub docs: Option<String>,
    /// Why the entry is deprecated.
    pub deprecated: Option<String>,
    /// What a client should do, when the entry says.
    pub client: Option<ClientAction>,
    /// The gRPC code, when the entry says (`grpc = "…"`).
    pub grpc: Option<GrpcCode>,
    /// The params, name and type, in order.
    pub params: Vec<(String, ParamType)>,
    /// The challenge, if any.
    pub challenge: Option<InlineChallenge>,
}

/// The challenge of an [`InlineEntry`]: the attributes the derive takes.
#[derive(Debug, Clone, Default)]
pub struct InlineChallenge {
    /// A scheme overriding the default.
    pub scheme: Option<String>,
    /// A realm overriding the default.
    pub realm: Option<String>,
    /// `error` (RFC 6750 §3).
    pub error: Option<String>,
    /// `error_description` (RFC 6750 §3).
    pub error_description: Option<String>,
    /// `error_uri` (RFC 6750 §3).
    pub error_uri: Option<String>,
    /// `scope` (RFC 6750 §3).
    pub scope: Option<String>,
}

fn unlocated<T>(value: T) -> Spanned<T> {
    Spanned::new(value, None)
}

impl InlineChallenge {
    /// Every attribute (name, value template) in the order it is sent, the default realm
    /// included, as [`ChallengeDef::attributes`] gives them.
    pub fn attributes(&self, defaults: &Defaults) -> Vec<(String, String)> {
        self.to_def()
            .attributes(defaults)
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value.value.clone()))
            .collect()
    }

    fn to_def(&self) -> ChallengeDef {
        let text = |v: &Option<String>| v.clone().map(unlocated);
        ChallengeDef {
            at: None,
            scheme: text(&self.scheme),
            realm: text(&self.realm),
            error: text(&self.error),
            error_description: text(&self.error_description),
            error_uri: text(&self.error_uri),
            scope: text(&self.scope),
            params: Vec::new(),
        }
    }
}

impl InlineEntry {
    /// The entry, when it keeps every rule of a catalog entry under `defaults`; else every
    /// rule it breaks (in the file `inline`, with no locations).
    pub fn check(self, defaults: &Defaults) -> Result<Entry, Vec<Diagnostic>> {
        let entry = Entry {
            origin: INLINE.to_owned(),
            code: unlocated(self.code),
            status: unlocated(self.status),
            message: unlocated(self.message),
            title: self.title.map(unlocated),
            docs: self.docs.map(unlocated),
            deprecated: self.deprecated.map(unlocated),
            since: None,
            headers: Vec::new(),
            client: self.client.map(unlocated),
            grpc: self.grpc.map(unlocated),
            expose: unlocated(true),
            params: self
                .params
                .into_iter()
                .map(|(name, ty)| Param {
                    name: unlocated(name),
                    ty: unlocated(ty),
                })
                .collect(),
            challenges: self.challenge.iter().map(InlineChallenge::to_def).collect(),
            conceal_as: None,
            alert: None,
        };
        let mut sink = Sink::new(INLINE);
        valid::entry(&entry, defaults, &mut sink);
        // Warnings are not mistakes, and a derive has no way to show one: an inline entry
        // cannot state headers, so a 429 stated inline has no Retry-After to add.
        let mut found = sink.finish();
        found.retain(|d| d.severity() == Severity::Error);
        if found.is_empty() {
            Ok(entry)
        } else {
            Err(found)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{InlineChallenge, InlineEntry};
    use crate::catalog::Defaults;
    use crate::spec::ParamType;

    fn expired() -> InlineEntry {
        InlineEntry {
            code: "TOKEN_EXPIRED".to_owned(),
            status: 401,
            message: "Token for {user} expired".to_owned(),
            params: vec![("user".to_owned(), ParamType::String)],
            challenge: Some(InlineChallenge {
                error: Some("invalid_token".to_owned()),
                ..InlineChallenge::default()
            }),
            ..InlineEntry::default()
        }
    }

    #[test]
    fn a_sound_inline_entry_is_an_entry_with_no_locations() {
        let entry = expired().check(&Defaults::default());
        let Ok(entry) = entry else {
            panic!("{entry:?}")
        };
        assert_eq!(entry.origin(), "inline");
        assert_eq!(entry.code().as_str(), "TOKEN_EXPIRED");
        assert_eq!(entry.code().at(), None);
        assert_eq!(entry.params()[0].name().at(), None);
        assert_eq!(entry.challenge().and_then(|c| c.at()), None);
    }

    #[test]
    fn an_inline_entry_keeps_the_catalog_rules() {
        // RFC 6750 §3.1: invalid_token belongs on 401.
        let wrong = InlineEntry {
            status: 403,
            ..expired()
        };
        let Err(found) = wrong.check(&Defaults::default()) else {
            panic!("a 403 with invalid_token passed")
        };
        let found: Vec<(&str, Option<&str>, bool)> = found
            .iter()
            .map(|d| (d.rule().id(), d.code(), d.location().is_none()))
            .collect();
        assert_eq!(found, [("error-status", Some("TOKEN_EXPIRED"), true)]);
    }

    #[test]
    fn challenge_attributes_include_the_default_realm() {
        let defaults = crate::catalog::load(
            "version: 1\ndefaults:\n  realm: api\nerrors:\n  A:\n    status: 400\n    message: A\n",
            "e.yaml",
        )
        .map(|c| c.defaults().clone())
        .unwrap_or_default();
        let challenge = InlineChallenge {
            error: Some("invalid_token".to_owned()),
            scope: Some("{scope}".to_owned()),
            ..InlineChallenge::default()
        };
        assert_eq!(
            challenge.attributes(&defaults),
            [
                ("realm".to_owned(), "api".to_owned()),
                ("error".to_owned(), "invalid_token".to_owned()),
                ("scope".to_owned(), "{scope}".to_owned()),
            ]
        );
    }
}
