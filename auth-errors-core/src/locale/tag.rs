//! [`LanguageTag`]: a well-formed BCP 47 language tag (RFC 5646 §2.1), checked when made.

use std::fmt;

/// A well-formed BCP 47 language tag (RFC 5646 §2.1): `fr`, `de-CH`, `zh-Hans-CN`,
/// `sr-Latn-RS`, `en-US-x-twain`, or one of the grandfathered tags (§2.2.8).
///
/// Well-formed, not valid: the subtags' syntax is checked, not their presence in the
/// IANA registry, so a tag of a language added to the registry later is accepted.
/// Compared without regard to case (§2.1.1), kept as written.
///
/// ```
/// use auth_errors_core::locale::LanguageTag;
///
/// assert_eq!(LanguageTag::new("de-CH")?.as_str(), "de-CH");
/// assert!(LanguageTag::new("de_CH").is_err());
/// assert!(LanguageTag::new("fr-").is_err());
/// # Ok::<(), auth_errors_core::locale::TagError>(())
/// ```
#[derive(Clone, Eq)]
pub struct LanguageTag(Box<str>);

/// Why a text is not a well-formed language tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TagError {
    /// Empty, or a subtag empty (`fr-`, `fr--CH`).
    Empty,
    /// A character other than ASCII letters, digits and `-` (`de_CH`, `fr CH`).
    Character,
    /// A subtag longer than 8 characters, the limit of every subtag (§2.1).
    Length,
    /// The subtags are not in the order or of the forms §2.1 allows (`CH-de`, `fr-1`).
    Syntax,
}

impl fmt::Display for TagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TagError::Empty => "a language tag and each of its subtags must not be empty",
            TagError::Character => {
                "a language tag has only ASCII letters, digits and '-' (RFC 5646 §2.1)"
            }
            TagError::Length => "a subtag has at most 8 characters (RFC 5646 §2.1)",
            TagError::Syntax => {
                "the subtags are not language[-script][-region][-variant][-extension][-x-private] (RFC 5646 §2.1)"
            }
        })
    }
}

impl std::error::Error for TagError {}

/// The grandfathered tags of RFC 5646 §2.2.8 (irregular and regular): well-formed as
/// they are, though most do not follow the grammar.
const GRANDFATHERED: &[&str] = &[
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

impl LanguageTag {
    /// The tag, if `text` is a well-formed BCP 47 language tag.
    pub fn new(text: &str) -> Result<LanguageTag, TagError> {
        check(text)?;
        Ok(LanguageTag(text.into()))
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this tag is `other`, without regard to case.
    pub fn is(&self, other: &str) -> bool {
        self.0.eq_ignore_ascii_case(other)
    }
}

impl AsRef<str> for LanguageTag {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq for LanguageTag {
    fn eq(&self, other: &Self) -> bool {
        self.is(&other.0)
    }
}

impl std::hash::Hash for LanguageTag {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for byte in self.0.bytes() {
            state.write_u8(byte.to_ascii_lowercase());
        }
    }
}

impl fmt::Debug for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for LanguageTag {
    type Err = TagError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        LanguageTag::new(text)
    }
}

/// Where in the tag the next subtag may be (RFC 5646 §2.1's order).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// After a 2- or 3-letter language: up to three extlangs may follow.
    Extlang(u8),
    Script,
    Region,
    Variant,
    /// After a singleton: at least one 2- to 8-character subtag.
    ExtensionFirst,
    Extension,
    /// After `x`: 1- to 8-character subtags to the end.
    PrivateFirst,
    Private,
}

fn check(text: &str) -> Result<(), TagError> {
    if text.is_empty() {
        return Err(TagError::Empty);
    }
    if !text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(TagError::Character);
    }
    if GRANDFATHERED.iter().any(|g| g.eq_ignore_ascii_case(text)) {
        return Ok(());
    }
    let mut subtags = text.split('-');
    let first = subtags.next().unwrap_or_default();
    check_lengths(text)?;
    let mut place = if first.eq_ignore_ascii_case("x") {
        // A private-use tag alone (`x-whatever`).
        Place::PrivateFirst
    } else if first.bytes().all(|b| b.is_ascii_alphabetic()) {
        match first.len() {
            2 | 3 => Place::Extlang(0),
            4..=8 => Place::Script,
            _ => return Err(TagError::Syntax),
        }
    } else {
        return Err(TagError::Syntax);
    };
    for subtag in subtags {
        place = next(place, subtag)?;
    }
    match place {
        Place::ExtensionFirst | Place::PrivateFirst => Err(TagError::Syntax),
        _ => Ok(()),
    }
}

fn check_lengths(text: &str) -> Result<(), TagError> {
    for subtag in text.split('-') {
        match subtag.len() {
            0 => return Err(TagError::Empty),
            1..=8 => {}
            _ => return Err(TagError::Length),
        }
    }
    Ok(())
}

/// The place after `subtag`, read at `place`.
fn next(place: Place, subtag: &str) -> Result<Place, TagError> {
    let alpha = subtag.bytes().all(|b| b.is_ascii_alphabetic());
    let digits = subtag.bytes().all(|b| b.is_ascii_digit());
    let len = subtag.len();
    let is_variant = (5..=8).contains(&len) || (len == 4 && subtag.as_bytes()[0].is_ascii_digit());
    let singleton = len == 1;
    match place {
        Place::PrivateFirst | Place::Private => Ok(Place::Private),
        Place::ExtensionFirst => {
            if len >= 2 {
                Ok(Place::Extension)
            } else {
                Err(TagError::Syntax)
            }
        }
        Place::Extension if len >= 2 => Ok(Place::Extension),
        _ if singleton => {
            if subtag.eq_ignore_ascii_case("x") {
                Ok(Place::PrivateFirst)
            } else if place == Place::Extension || place <= Place::Variant {
                Ok(Place::ExtensionFirst)
            } else {
                Err(TagError::Syntax)
            }
        }
        Place::Extlang(n) if alpha && len == 3 && n < 3 => Ok(Place::Extlang(n + 1)),
        Place::Extlang(_) | Place::Script if alpha && len == 4 => Ok(Place::Region),
        Place::Extlang(_) | Place::Script | Place::Region
            if (alpha && len == 2) || (digits && len == 3) =>
        {
            Ok(Place::Variant)
        }
        Place::Extlang(_) | Place::Script | Place::Region | Place::Variant if is_variant => {
            Ok(Place::Variant)
        }
        _ => Err(TagError::Syntax),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{LanguageTag, TagError};

    /// RFC 5646 Appendix A's well-formed examples, and the issue's locales.
    #[test]
    fn well_formed_tags() {
        for tag in [
            "de",
            "fr",
            "ja",
            "i-enochian",
            "zh-Hant",
            "zh-Hans",
            "sr-Cyrl",
            "sr-Latn",
            "zh-cmn-Hans-CN",
            "cmn-Hans-CN",
            "zh-yue-HK",
            "yue-HK",
            "zh-Hans-CN",
            "sr-Latn-RS",
            "sl-rozaj",
            "sl-rozaj-biske",
            "sl-nedis",
            "de-CH-1901",
            "sl-IT-nedis",
            "hy-Latn-IT-arevela",
            "de-DE",
            "en-US",
            "es-419",
            "de-CH-x-phonebk",
            "az-Arab-x-AZE-derbend",
            "x-whatever",
            "qaa-Qaaa-QM-x-southern",
            "de-Qaaa",
            "sr-Latn-QM",
            "sr-Qaaa-RS",
            "en-US-u-islamcal",
            "zh-CN-a-myext-x-private",
            "en-a-myext-b-another",
            "de-CH",
            "fr-CH",
            "zh-CN",
            "EN-us",
        ] {
            assert!(
                LanguageTag::new(tag).is_ok(),
                "{tag}: {:?}",
                LanguageTag::new(tag)
            );
        }
    }

    /// RFC 5646 Appendix A's "some invalid tags" that are not well-formed, and more.
    #[test]
    fn tags_that_are_not_well_formed() {
        for (tag, why) in [
            ("", TagError::Empty),
            ("fr-", TagError::Empty),
            ("fr--CH", TagError::Empty),
            ("de_CH", TagError::Character),
            ("fr CH", TagError::Character),
            ("fr-ç", TagError::Character),
            ("abcdefghi", TagError::Length),
            ("a-DE", TagError::Syntax),
            ("de-419-DE", TagError::Syntax),
            ("1de", TagError::Syntax),
            ("en-x", TagError::Syntax),
            ("en-a", TagError::Syntax),
            ("en-a-b", TagError::Syntax),
            ("en-US-Latn", TagError::Syntax),
        ] {
            assert_eq!(LanguageTag::new(tag).map(|_| ()), Err(why), "{tag:?}");
        }
    }

    #[test]
    fn compared_without_regard_to_case() {
        assert_eq!(LanguageTag::new("de-CH"), LanguageTag::new("DE-ch"));
        assert_eq!(
            LanguageTag::new("DE-ch").map(|t| t.to_string()).as_deref(),
            Ok("DE-ch")
        );
    }
}
