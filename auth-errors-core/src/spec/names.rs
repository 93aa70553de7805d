//! One table per closed vocabulary of the catalog (`client`, `body`, param types).
//!
//! A vocabulary is declared once with `vocabulary!`: the enum, its catalog names and its
//! Rust variant names stand in one table, which drives [`Vocabulary::name`], `FromStr`,
//! the "expected one of" list of [`UnknownName`], the macros' tokens and the TypeScript
//! unions (as serde's `RENAME_RULES` drives both parsing and its error message).
//!
//! ```
//! use auth_errors_core::spec::Vocabulary;
//! use auth_errors_core::ClientAction;
//!
//! assert_eq!("refresh".parse::<ClientAction>(), Ok(ClientAction::Refresh));
//! assert_eq!(ClientAction::Refresh.rust_ident(), "Refresh");
//! let err = "later".parse::<ClientAction>().unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "unknown client action 'later' (expected refresh, reauthenticate, forbidden, retry or none)",
//! );
//! ```

use std::fmt;

/// A closed vocabulary of the catalog: every value with its catalog name and Rust ident.
pub trait Vocabulary: Copy + Eq + fmt::Debug + 'static {
    /// What the vocabulary is called in messages (`client action`).
    const KIND: &'static str;
    /// Every value, in catalog order, with its catalog name and its Rust variant ident.
    const TABLE: &'static [(Self, &'static str, &'static str)];

    /// The name used in a catalog.
    fn name(self) -> &'static str {
        Self::TABLE
            .iter()
            .find(|(v, _, _)| *v == self)
            .map_or("", |&(_, name, _)| name)
    }

    /// The Rust variant identifier, for generated code.
    fn rust_ident(self) -> &'static str {
        Self::TABLE
            .iter()
            .find(|(v, _, _)| *v == self)
            .map_or("", |&(_, _, ident)| ident)
    }

    /// The value with this catalog name.
    fn from_name(name: &str) -> Result<Self, UnknownName> {
        Self::TABLE
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|&(v, _, _)| v)
            .ok_or_else(|| UnknownName::new(Self::KIND, name, Self::names()))
    }

    /// Every catalog name, in order.
    fn names() -> Vec<&'static str> {
        Self::TABLE.iter().map(|&(_, n, _)| n).collect()
    }
}

/// A name that is not in a vocabulary (or a code that names no variant).
///
/// Its `Display` reads `unknown body format 'xml' (expected json or problem)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    kind: &'static str,
    given: String,
    expected: Vec<&'static str>,
}

impl UnknownName {
    /// A name of `kind` that is none of `expected` (an empty list names none).
    pub fn new(kind: &'static str, given: &str, expected: Vec<&'static str>) -> Self {
        UnknownName {
            kind,
            given: given.to_owned(),
            expected,
        }
    }

    /// What was given.
    pub fn given(&self) -> &str {
        &self.given
    }

    /// The names that would have been accepted, in order.
    pub fn expected(&self) -> &[&'static str] {
        &self.expected
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} '{}'", self.kind, self.given)?;
        if let Some((last, rest)) = self.expected.split_last() {
            f.write_str(" (expected ")?;
            if !rest.is_empty() {
                write!(f, "{} or ", rest.join(", "))?;
            }
            write!(f, "{last})")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownName {}

/// Declares a vocabulary enum, its table and its `Display` / `FromStr`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $ty:ident ($kind:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $name:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $ty {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $ty {
            /// Every value, in catalog order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The name used in a catalog.
            pub const fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }

        impl $crate::spec::names::Vocabulary for $ty {
            const KIND: &'static str = $kind;
            const TABLE: &'static [($ty, &'static str, &'static str)] =
                &[$(($ty::$variant, $name, stringify!($variant))),+];
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::spec::names::UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty as $crate::spec::names::Vocabulary>::from_name(s)
            }
        }
    };
}

pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BodyFormat, ClientAction, ParamType};

    fn round_trips<V: Vocabulary + std::str::FromStr<Err = UnknownName>>() {
        for &(value, name, ident) in V::TABLE {
            assert_eq!(value.name(), name);
            assert_eq!(value.rust_ident(), ident);
            assert_eq!(name.parse::<V>(), Ok(value));
        }
        let err = "nope".parse::<V>().err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains(V::TABLE[0].1)));
    }

    #[test]
    fn every_table_drives_parse_and_names() {
        round_trips::<ClientAction>();
        round_trips::<BodyFormat>();
        round_trips::<ParamType>();
    }

    #[test]
    fn messages_list_the_table() {
        assert_eq!(
            "xml"
                .parse::<BodyFormat>()
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some("unknown body format 'xml' (expected json or problem)"),
        );
        assert_eq!(
            UnknownName::new("error code", "NOPE", Vec::new()).to_string(),
            "unknown error code 'NOPE'"
        );
    }
}
