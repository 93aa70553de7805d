//! [`negotiate`]: the locale a request's `Accept-Language` (RFC 9110 §12.5.4) picks among
//! the catalog's, by RFC 4647 §3.4's lookup.

/// The most language ranges read from one header; a longer header is ignored as a
/// malformed one is (browsers send a handful).
const MAX_RANGES: usize = 32;

/// One language range and its weight, in thousandths (`q=0.8` is 800).
#[derive(Clone, Copy)]
struct Range<'a> {
    range: &'a str,
    q: u16,
    /// Its place in the header, which breaks ties between equal weights.
    order: u8,
}

/// The index in `available` (tags: [`LanguageTag`](super::LanguageTag)s, or the `&str`s of a catalog's
/// checked tags) of the locale `accept_language` picks, or `default` when
/// it picks none: the header absent, malformed (it is then ignored, as RFC 9110
/// §12.5.4 lets a server do, never answered with a 400), or naming nothing available.
///
/// The ranges are tried by weight, highest first (the header's order breaks ties); each
/// by lookup (RFC 4647 §3.4): `fr-CH` picks `fr-CH`, else `fr`. `*` picks `default`,
/// or the first locale the header does not exclude. A range of weight 0 excludes every
/// locale it matches (`en;q=0` excludes `en` and `en-GB`; `*;q=0` all but those named);
/// an excluded locale is never picked, unless as the `default` of a header that
/// accepts nothing available. Matching ignores case.
///
/// Allocates nothing: the header is read in place, at most 32 ranges.
///
/// ```
/// use auth_errors_core::locale::{LanguageTag, negotiate};
///
/// let locales = ["en", "fr", "zh"].map(|t| LanguageTag::new(t).unwrap());
/// assert_eq!(negotiate(Some(b"fr-CH;q=0.9, de;q=0.8"), &locales, 0), 1);
/// assert_eq!(negotiate(Some(b"de, *;q=0.5"), &locales, 0), 0);
/// assert_eq!(negotiate(Some(b"en;q=0, *"), &locales, 0), 1);
/// assert_eq!(negotiate(Some(b"fr;q=2"), &locales, 0), 0, "malformed: ignored");
/// assert_eq!(negotiate(None, &locales, 0), 0);
/// ```
pub fn negotiate<T: AsRef<str>>(
    accept_language: Option<&[u8]>,
    available: &[T],
    default: usize,
) -> usize {
    let Some(header) = accept_language.and_then(|h| std::str::from_utf8(h).ok()) else {
        return default;
    };
    let mut ranges = [Range {
        range: "",
        q: 0,
        order: 0,
    }; MAX_RANGES];
    let Some(count) = parse(header, &mut ranges) else {
        return default;
    };
    let ranges = &mut ranges[..count];
    // Highest weight first, the header's order among equals (an unstable sort does not
    // allocate; the order in the key keeps it stable).
    ranges.sort_unstable_by_key(|r| (std::cmp::Reverse(r.q), r.order));
    let excluded = |tag: &T| {
        let tag = tag.as_ref();
        let named = ranges
            .iter()
            .any(|r| r.range != "*" && matches(r.range, tag));
        ranges.iter().any(|r| {
            r.q == 0
                && if r.range == "*" {
                    !named
                } else {
                    matches(r.range, tag)
                }
        })
    };
    for range in ranges.iter().filter(|r| r.q > 0) {
        if range.range == "*" {
            if available.get(default).is_some_and(|tag| !excluded(tag)) {
                return default;
            }
            if let Some(i) = available.iter().position(|tag| !excluded(tag)) {
                return i;
            }
            continue;
        }
        // RFC 4647 §3.4: the range, then shorter and shorter prefixes of it.
        let mut prefix = range.range;
        loop {
            if let Some(i) = available
                .iter()
                .position(|tag| tag.as_ref().eq_ignore_ascii_case(prefix) && !excluded(tag))
            {
                return i;
            }
            match prefix.rfind('-') {
                Some(at) => {
                    prefix = &prefix[..at];
                    // A single-letter subtag left at the end goes with the one after it.
                    if prefix.len() >= 2 && prefix.as_bytes()[prefix.len() - 2] == b'-' {
                        prefix = &prefix[..prefix.len() - 2];
                    }
                }
                None => break,
            }
        }
    }
    default
}

/// Whether `range` matches `tag` by basic filtering (RFC 4647 §3.3.1): equal, or a
/// prefix of it ending at a `-`.
fn matches(range: &str, tag: &str) -> bool {
    tag.len() >= range.len()
        && tag.as_bytes()[..range.len()].eq_ignore_ascii_case(range.as_bytes())
        && (tag.len() == range.len() || tag.as_bytes()[range.len()] == b'-')
}

/// The header's ranges into `out`, and how many; `None` if any element is malformed
/// or there are more than `out` holds. Empty elements (`a,,b`) are allowed (RFC 9110
/// §5.6.1).
fn parse<'a>(header: &'a str, out: &mut [Range<'a>; MAX_RANGES]) -> Option<usize> {
    let mut count = 0;
    for element in header.split(',') {
        let element = element.trim_matches(is_ows);
        if element.is_empty() {
            continue;
        }
        let (range, q) = match element.split_once(';') {
            Some((range, weight)) => (range.trim_matches(is_ows), qvalue(weight)?),
            None => (element, 1000),
        };
        if !is_range(range) {
            return None;
        }
        *out.get_mut(count)? = Range {
            range,
            q,
            order: u8::try_from(count).ok()?,
        };
        count += 1;
    }
    Some(count)
}

/// `OWS "q=" qvalue` after the `;` (RFC 9110 §12.4.2): `0`, `0.` and up to three
/// digits, `1`, or `1.` and up to three zeros, in thousandths. The `q` is
/// case-insensitive.
fn qvalue(weight: &str) -> Option<u16> {
    let weight = weight.trim_matches(is_ows);
    let value = weight
        .strip_prefix("q=")
        .or_else(|| weight.strip_prefix("Q="))?;
    let (whole, fraction) = match value.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (value, ""),
    };
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// RFC 4647 §2.1's `language-range`: `1*8ALPHA *("-" 1*8alphanum)`, or `*`.
fn is_range(range: &str) -> bool {
    if range == "*" {
        return true;
    }
    let mut subtags = range.split('-');
    let first = subtags.next().unwrap_or_default();
    (1..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn is_ows(c: char) -> bool {
    c == ' ' || c == '\t'
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::negotiate;
    use crate::locale::LanguageTag;

    fn tags(list: &[&str]) -> Vec<LanguageTag> {
        list.iter().map(|t| LanguageTag::new(t).unwrap()).collect()
    }

    fn pick(header: &str, list: &[&str]) -> String {
        let available = tags(list);
        available[negotiate(Some(header.as_bytes()), &available, 0)].to_string()
    }

    #[test]
    fn weights_and_lookup() {
        let locales = ["en", "fr", "zh", "de-CH"];
        // The issue's cases: fr-CH falls back to fr; `*` is the default; en;q=0.
        assert_eq!(pick("fr-CH;q=0.9, de;q=0.8", &locales), "fr");
        assert_eq!(pick("*", &locales), "en");
        assert_eq!(
            pick("en;q=0", &locales),
            "en",
            "nothing acceptable: the default"
        );
        assert_eq!(pick("en;q=0, *;q=0.1", &locales), "fr");
        // Weights over order; the order among equal weights.
        assert_eq!(pick("de;q=0.1, zh;q=0.7, fr;q=0.5", &locales), "zh");
        assert_eq!(pick("zh, fr", &locales), "zh");
        assert_eq!(pick("fr, zh", &locales), "fr");
        // Lookup never widens a range: `de` does not pick `de-CH`; `de-CH-1996` does.
        assert_eq!(pick("de", &locales), "en");
        assert_eq!(pick("de-CH-1996", &locales), "de-CH");
        // RFC 4647 §3.4's example: a single-letter subtag goes with the next one.
        assert_eq!(
            pick("zh-Hant-CN-x-private1-private2", &["en", "zh-Hant-CN"]),
            "zh-Hant-CN"
        );
        assert_eq!(pick("zh-Hant-CN-x-private1", &["en", "zh-Hant"]), "zh-Hant");
        // Case does not matter.
        assert_eq!(pick("FR-ch", &locales), "fr");
        // q=0 excludes what it matches, prefixes included.
        assert_eq!(pick("fr;q=0, fr-CH", &locales), "en");
        assert_eq!(pick("*;q=0, zh;q=0.2", &locales), "zh");
        // Weights at their bounds, OWS, empty elements.
        assert_eq!(pick("fr;q=0.001,zh;q=1.000", &locales), "zh");
        assert_eq!(pick(" ,fr ; q=0.5 ,, zh;Q=0.4", &locales), "fr");
    }

    #[test]
    fn a_malformed_header_is_ignored() {
        let locales = ["en", "fr"];
        for header in [
            "fr;q=2",
            "fr;q=1.5",
            "fr;q=0.1234",
            "fr;q=",
            "fr;level=1",
            "fr_CH",
            "français",
            "fr-",
            "123",
            "fr;q=0.5;q=0.4",
        ] {
            assert_eq!(pick(header, &locales), "en", "{header:?}");
        }
        let many = vec!["fr"; 33].join(",");
        assert_eq!(pick(&many, &locales), "en", "more than 32 ranges");
        let available = tags(&locales);
        assert_eq!(negotiate(Some(b"fr\xff"), &available, 0), 0, "not UTF-8");
        assert_eq!(negotiate(None, &available, 1), 1);
    }
}
