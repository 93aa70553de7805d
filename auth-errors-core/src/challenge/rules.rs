//! The character-set and syntax rules of RFC 9110 §11 and RFC 6750 §3, and the rules
//! the `Basic` (RFC 7617) and OAuth (RFC 6750, RFC 9470) schemes add.
//!
//! These functions are the only copy of each rule: the challenge formatter, the
//! parser and the catalog validator all call them.

use std::fmt;

/// A rule a `WWW-Authenticate` value can break.
///
/// Each rule names the standard it comes from, so an error message can say
/// which text to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// The auth-scheme must be a `token` (RFC 9110 §11.1).
    SchemeToken,
    /// An auth-param name must be a `token` (RFC 9110 §11.2).
    ParamNameToken,
    /// An attribute may appear at most once per challenge (RFC 6750 §3, RFC 9110 §11.2).
    DuplicateParam,
    /// `error` must be non-empty and use `%x20-21 / %x23-5B / %x5D-7E` (RFC 6750 §3).
    ErrorCharset,
    /// `error_description` must use `%x20-21 / %x23-5B / %x5D-7E` (RFC 6750 §3).
    DescriptionCharset,
    /// `scope` is scope-tokens (`%x21 / %x23-5B / %x5D-7E`) separated by single spaces (RFC 6750 §3, RFC 6749 §3.3).
    ScopeSyntax,
    /// `error_uri` must be a URI-reference (RFC 6750 §3, RFC 3986 §4.1).
    UriReference,
    /// A parameter value must fit a quoted-string: no control characters, ASCII only (RFC 9110 §5.6.4).
    QuotedString,
    /// A token68 is `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="` (RFC 9110 §11.2).
    Token68Syntax,
    /// A challenge carries either a token68 or auth-params, never both (RFC 9110 §11.2).
    Token68WithParams,
    /// A `Bearer` challenge carries one or more auth-params (RFC 6750 §3).
    BearerAuthParam,
    /// A `Basic` challenge carries a `realm` (RFC 7617 §2).
    BasicRealm,
    /// The `charset` of a `Basic` challenge is `UTF-8`, matched case-insensitively (RFC 7617 §2.1).
    BasicCharset,
    /// `max_age` is a non-negative integer of seconds: digits only (RFC 9470 §3).
    MaxAge,
    /// `Retry-After` is `HTTP-date / delay-seconds`, and a sender writes an HTTP-date as
    /// an IMF-fixdate (RFC 9110 §10.2.3, §5.6.7). Not a challenge rule: a header's.
    RetryAfter,
    /// A `DPoP-Nonce` value is `1*NQCHAR` (RFC 9449 §8.1). A header's rule too.
    DpopNonce,
}

impl Rule {
    /// A short, stable identifier of the rule (`scope-syntax`, …), for tools and tests.
    pub const fn id(self) -> &'static str {
        match self {
            Rule::SchemeToken => "scheme-token",
            Rule::ParamNameToken => "param-name-token",
            Rule::DuplicateParam => "duplicate-param",
            Rule::ErrorCharset => "error-charset",
            Rule::DescriptionCharset => "description-charset",
            Rule::ScopeSyntax => "scope-syntax",
            Rule::UriReference => "uri-reference",
            Rule::QuotedString => "quoted-string",
            Rule::Token68Syntax => "token68-syntax",
            Rule::Token68WithParams => "token68-with-params",
            Rule::BearerAuthParam => "bearer-auth-param",
            Rule::BasicRealm => "basic-realm",
            Rule::BasicCharset => "basic-charset",
            Rule::MaxAge => "max-age",
            Rule::RetryAfter => "retry-after",
            Rule::DpopNonce => "dpop-nonce",
        }
    }

    /// The section of the standard that states the rule.
    pub const fn citation(self) -> &'static str {
        match self {
            Rule::SchemeToken => "RFC 9110 §11.1",
            Rule::ParamNameToken | Rule::Token68Syntax | Rule::Token68WithParams => {
                "RFC 9110 §11.2"
            }
            Rule::DuplicateParam
            | Rule::BearerAuthParam
            | Rule::ErrorCharset
            | Rule::DescriptionCharset
            | Rule::ScopeSyntax
            | Rule::UriReference => "RFC 6750 §3",
            Rule::QuotedString => "RFC 9110 §5.6.4",
            Rule::BasicRealm => "RFC 7617 §2",
            Rule::BasicCharset => "RFC 7617 §2.1",
            Rule::MaxAge => "RFC 9470 §3",
            Rule::RetryAfter => "RFC 9110 §10.2.3",
            Rule::DpopNonce => "RFC 9449 §8.1",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A value broke a rule: which rule, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The rule that was broken.
    pub rule: Rule,
    /// What was wrong, in words (`may not contain '"'`).
    pub reason: String,
}

impl Violation {
    fn new(rule: Rule, reason: impl Into<String>) -> Self {
        Violation {
            rule,
            reason: reason.into(),
        }
    }

    fn bad_char(rule: Rule, c: char) -> Self {
        Violation::new(rule, format!("may not contain {}", describe_char(c)))
    }
}

/// `'"'`, `U+000A (control)`, `U+00E9 'é' (non-ASCII)`: a character named so that a
/// reader sees it even when it is invisible.
pub fn describe_char(c: char) -> String {
    if c.is_ascii_control() {
        format!("U+{:04X} (a control character)", c as u32)
    } else if !c.is_ascii() {
        format!("U+{:04X} '{c}' (non-ASCII)", c as u32)
    } else if c == ' ' {
        "a space".to_owned()
    } else {
        format!("'{c}'")
    }
}

/// The first character of `s` that is not ASCII or whose byte fails `ok`. Scans bytes:
/// `ok` holds for ASCII bytes only, so the first failing byte is an ASCII character or
/// the first byte of a non-ASCII one, and the character found is the one a scan of
/// `chars()` finds.
fn first_bad(s: &str, ok: impl Fn(u8) -> bool) -> Option<char> {
    let i = s.bytes().position(|b| !(b.is_ascii() && ok(b)))?;
    s[i..].chars().next()
}

/// `tchar` of RFC 9110 §5.6.2.
pub const fn is_tchar(b: u8) -> bool {
    matches!(b,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_'
        | b'`' | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
}

/// A token68 character other than the trailing `=` (RFC 9110 §11.2).
pub const fn is_token68_char(b: u8) -> bool {
    matches!(b, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'+' | b'/')
}

/// `qdtext` or a byte a `quoted-pair` can carry, restricted to ASCII: HTAB, SP and VCHAR.
/// Values the library emits never use obs-text (RFC 9110 §5.5 discourages it).
pub const fn is_quotable(b: u8) -> bool {
    b == b'\t' || (b >= 0x20 && b < 0x7f)
}

/// RFC 6750 §3 character set of `error` and `error_description`: `%x20-21 / %x23-5B / %x5D-7E`.
pub const fn is_nqschar(b: u8) -> bool {
    matches!(b, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E)
}

/// RFC 6749 §3.3 `NQCHAR` of a scope-token: `%x21 / %x23-5B / %x5D-7E`.
pub const fn is_nqchar(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x5B | 0x5D..=0x7E)
}

/// Whether `s` is a non-empty `token` (RFC 9110 §5.6.2); the rule [`check_token`] reports.
pub const fn is_token(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !is_tchar(b[i]) {
            return false;
        }
        i += 1;
    }
    !b.is_empty()
}

/// Whether every byte of `s` fits a quoted-string or a field value without obs-text:
/// HTAB, SP and VCHAR.
pub const fn is_quotable_str(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !is_quotable(b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `s` is a `scope` value: scope-tokens of [`is_nqchar`] separated by single
/// spaces (RFC 6749 §3.3); the rule [`check_scope`] reports.
pub const fn is_scope(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let mut prev_space = true;
    while i < b.len() {
        let space = b[i] == b' ';
        if (space && prev_space) || !(space || is_nqchar(b[i])) {
            return false;
        }
        prev_space = space;
        i += 1;
    }
    !prev_space
}

/// Whether `b` is a token68 (RFC 9110 §11.2), the syntax of RFC 6750 §2.1's `b64token`:
/// `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
pub const fn is_token68(b: &[u8]) -> bool {
    let mut end = b.len();
    while end > 0 && b[end - 1] == b'=' {
        end -= 1;
    }
    let mut i = 0;
    while i < end {
        if !is_token68_char(b[i]) {
            return false;
        }
        i += 1;
    }
    end > 0
}

/// Whether `s` is a catalog code: `SCREAMING_SNAKE_CASE`, `[A-Z][A-Z0-9]*(_[A-Z0-9]+)*`.
pub const fn is_screaming_snake(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_uppercase() {
        return false;
    }
    let mut i = 1;
    let mut prev_underscore = false;
    while i < b.len() {
        let underscore = b[i] == b'_';
        if underscore && prev_underscore {
            return false;
        }
        if !(underscore || b[i].is_ascii_uppercase() || b[i].is_ascii_digit()) {
            return false;
        }
        prev_underscore = underscore;
        i += 1;
    }
    !prev_underscore
}

/// ASCII case-insensitive equality, for `const` checks of header and attribute names.
pub const fn eq_ignore_ascii_case(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// The headers the library sets itself, which an entry's `headers:` may not set.
pub const RESERVED_HEADERS: [&str; 3] = ["www-authenticate", "content-type", "content-length"];

/// Whether an entry may not set the header `name` ([`RESERVED_HEADERS`]).
pub const fn is_reserved_header(name: &str) -> bool {
    let mut i = 0;
    while i < RESERVED_HEADERS.len() {
        if eq_ignore_ascii_case(RESERVED_HEADERS[i], name) {
            return true;
        }
        i += 1;
    }
    false
}

/// Checks that `s` is a `token` (RFC 9110 §5.6.2).
pub fn check_token(s: &str, rule: Rule) -> Result<(), Violation> {
    if s.is_empty() {
        return Err(Violation::new(rule, "must not be empty"));
    }
    match first_bad(s, is_tchar) {
        Some(c) => Err(Violation::new(
            rule,
            format!("must be a token and may not contain {}", describe_char(c)),
        )),
        None => Ok(()),
    }
}

/// Checks an auth-scheme (RFC 9110 §11.1).
pub fn check_scheme(s: &str) -> Result<(), Violation> {
    check_token(s, Rule::SchemeToken)
}

/// Checks an auth-param name (RFC 9110 §11.2).
pub fn check_param_name(s: &str) -> Result<(), Violation> {
    check_token(s, Rule::ParamNameToken)
}

/// Checks a token68 (RFC 9110 §11.2).
pub fn check_token68(s: &str) -> Result<(), Violation> {
    let body = s.trim_end_matches('=');
    if body.is_empty() {
        return Err(Violation::new(
            Rule::Token68Syntax,
            "must start with at least one character other than '='",
        ));
    }
    match first_bad(body, is_token68_char) {
        Some(c) => Err(Violation::bad_char(Rule::Token68Syntax, c)),
        None => Ok(()),
    }
}

/// Checks that a value fits a quoted-string without obs-text or control characters.
pub fn check_quotable(s: &str) -> Result<(), Violation> {
    match first_bad(s, is_quotable) {
        Some(c) => Err(Violation::bad_char(Rule::QuotedString, c)),
        None => Ok(()),
    }
}

/// Checks the `error` attribute: `1*( %x20-21 / %x23-5B / %x5D-7E )` (RFC 6750 §3).
pub fn check_error_code(s: &str) -> Result<(), Violation> {
    if s.is_empty() {
        return Err(Violation::new(Rule::ErrorCharset, "must not be empty"));
    }
    check_nqs(s, Rule::ErrorCharset)
}

/// Checks the `error_description` attribute: `1*( %x20-21 / %x23-5B / %x5D-7E )` (RFC 6750 §3).
pub fn check_error_description(s: &str) -> Result<(), Violation> {
    if s.is_empty() {
        return Err(Violation::new(
            Rule::DescriptionCharset,
            "must not be empty",
        ));
    }
    check_nqs(s, Rule::DescriptionCharset)
}

fn check_nqs(s: &str, rule: Rule) -> Result<(), Violation> {
    match first_bad(s, is_nqschar) {
        Some(c) => Err(Violation::bad_char(rule, c)),
        None => Ok(()),
    }
}

/// Checks `max_age`: the allowable elapsed time in seconds since the last active
/// authentication, a non-negative integer (RFC 9470 §3), so `1*DIGIT`. No sign, no
/// fraction, no unit; the RFC sets no upper bound, so neither does this check.
pub fn check_max_age(s: &str) -> Result<(), Violation> {
    if s.is_empty() {
        return Err(Violation::new(Rule::MaxAge, "must not be empty"));
    }
    match first_bad(s, |b| b.is_ascii_digit()) {
        Some(c) => Err(Violation::new(
            Rule::MaxAge,
            format!(
                "must be a non-negative integer (seconds) and may not contain {}",
                describe_char(c)
            ),
        )),
        None => Ok(()),
    }
}

/// Checks a `Retry-After` value: `delay-seconds` (`1*DIGIT`) or an IMF-fixdate
/// (RFC 9110 §10.2.3, §5.6.7), the day name matching the date.
pub fn check_retry_after(s: &str) -> Result<(), Violation> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    if s.parse::<crate::HttpDate>().is_ok() {
        return Ok(());
    }
    Err(Violation::new(
        Rule::RetryAfter,
        format!(
            "must be delay-seconds (digits only, such as '120') or an IMF-fixdate (such as 'Sun, 06 Nov 1994 08:49:37 GMT'), not '{}'",
            s.escape_debug()
        ),
    ))
}

/// Checks a `DPoP-Nonce` value: `nonce = 1*NQCHAR`, NQCHAR `%x21 / %x23-5B / %x5D-7E`
/// (RFC 9449 §8.1).
pub fn check_dpop_nonce(s: &str) -> Result<(), Violation> {
    if s.is_empty() {
        return Err(Violation::new(Rule::DpopNonce, "must not be empty"));
    }
    match first_bad(s, is_nqchar) {
        Some(c) => Err(Violation::bad_char(Rule::DpopNonce, c)),
        None => Ok(()),
    }
}

/// The rule a response header's value meets beyond being a field value: `Retry-After`'s
/// ([`check_retry_after`]) and `DPoP-Nonce`'s ([`check_dpop_nonce`]); other headers pass.
/// Names are case-insensitive.
pub fn check_header_value(name: &str, value: &str) -> Result<(), Violation> {
    check_quotable(value)?;
    if name.eq_ignore_ascii_case("retry-after") {
        check_retry_after(value)?;
    } else if name.eq_ignore_ascii_case("dpop-nonce") {
        check_dpop_nonce(value)?;
    }
    Ok(())
}

/// Whether `scheme` is `Basic`; schemes are case-insensitive (RFC 9110 §11.1).
fn is_basic(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("Basic")
}

/// Checks the `charset` of a `Basic` challenge: the only allowed value is `UTF-8`,
/// matched case-insensitively (RFC 7617 §2.1).
pub fn check_basic_charset(s: &str) -> Result<(), Violation> {
    if s.eq_ignore_ascii_case("UTF-8") {
        Ok(())
    } else {
        Err(Violation::new(
            Rule::BasicCharset,
            "must be \"UTF-8\", in any letter case, in a Basic challenge",
        ))
    }
}

/// Whether the scheme adds a rule for the auth-param `name` ([`check_scheme_param`]).
/// Names are compared case-insensitively (RFC 9110 §11.2).
pub fn has_scheme_param_rule(scheme: &str, name: &str) -> bool {
    is_basic(scheme) && name.eq_ignore_ascii_case("charset")
}

/// The rule a scheme adds for one auth-param, given the name and value: `charset` in a
/// `Basic` challenge (RFC 7617 §2.1). A name no scheme rule covers passes.
pub fn check_scheme_param(scheme: &str, name: &str, value: &str) -> Result<(), Violation> {
    if has_scheme_param_rule(scheme, name) {
        return check_basic_charset(value);
    }
    Ok(())
}

/// The rules a scheme sets for the challenge as a whole, given its auth-param names:
/// a `Bearer` challenge carries one or more auth-params, a token68 being none (RFC 6750
/// §3); a `Basic` challenge carries `realm` (RFC 7617 §2).
///
/// A builder adds params one at a time, so this runs once the challenge is complete:
/// where its header value is written, and where a catalog entry is validated.
pub fn check_scheme_params<'a>(
    scheme: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Result<(), Violation> {
    let mut names = names.into_iter().peekable();
    if scheme.eq_ignore_ascii_case("Bearer") && names.peek().is_none() {
        return Err(Violation::new(
            Rule::BearerAuthParam,
            format!("{scheme} must be followed by one or more auth-params"),
        ));
    }
    if is_basic(scheme) && !names.any(|n| n.eq_ignore_ascii_case("realm")) {
        return Err(Violation::new(
            Rule::BasicRealm,
            "is required in a Basic challenge",
        ));
    }
    Ok(())
}

/// Checks a `scope` value: scope-tokens separated by single spaces (RFC 6750 §3, RFC 6749 §3.3).
pub fn check_scope(s: &str) -> Result<(), Violation> {
    if s.is_empty() {
        return Err(Violation::new(
            Rule::ScopeSyntax,
            "must hold at least one scope-token",
        ));
    }
    // One pass: the first character outside the set, and whether two spaces meet.
    let (mut double_space, mut prev_space) = (false, false);
    let bad = s.bytes().position(|b| {
        let space = b == b' ';
        double_space |= space && prev_space;
        prev_space = space;
        !(space || is_nqchar(b))
    });
    if let Some(c) = bad.and_then(|i| s[i..].chars().next()) {
        return Err(Violation::bad_char(Rule::ScopeSyntax, c));
    }
    if s.starts_with(' ') || s.ends_with(' ') {
        return Err(Violation::new(
            Rule::ScopeSyntax,
            "may not start or end with a space",
        ));
    }
    if double_space {
        return Err(Violation::new(
            Rule::ScopeSyntax,
            "must separate scope-tokens by single spaces",
        ));
    }
    Ok(())
}

/// Checks the `error_uri` attribute: a URI-reference (RFC 3986 §4.1) in the RFC 6750 §3
/// character set `%x21 / %x23-5B / %x5D-7E`.
pub fn check_error_uri(s: &str) -> Result<(), Violation> {
    if s.is_empty() {
        return Err(Violation::new(Rule::UriReference, "must not be empty"));
    }
    if let Some(c) = first_bad(s, is_nqchar) {
        return Err(Violation::bad_char(Rule::UriReference, c));
    }
    check_uri_reference(s)
}

/// RFC 3986 §4.1: `URI-reference = URI / relative-ref`, checked for its character classes,
/// percent-encodings, scheme syntax and the place of `[`, `]`, `?` and `#`.
fn check_uri_reference(s: &str) -> Result<(), Violation> {
    let bad = |why: &str| Err(Violation::new(Rule::UriReference, why.to_owned()));
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return bad("has a '%' that is not followed by two hex digits");
            }
            i += 3;
            continue;
        }
        let unreserved = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        let reserved = matches!(
            b,
            b':' | b'/'
                | b'?'
                | b'#'
                | b'['
                | b']'
                | b'@'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
        );
        if !(unreserved || reserved) {
            return Err(Violation::new(
                Rule::UriReference,
                format!(
                    "may not contain {} unless percent-encoded (RFC 3986 §2)",
                    describe_char(b as char)
                ),
            ));
        }
        i += 1;
    }
    let (before_fragment, fragment) = match s.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (s, None),
    };
    if fragment.is_some_and(|f| f.contains('#')) {
        return bad("may contain '#' only once");
    }
    let hier = before_fragment
        .split_once('?')
        .map_or(before_fragment, |(h, _)| h);
    // A ':' before the first '/' makes the prefix a scheme (RFC 3986 §4.2).
    let first_slash = hier.find('/').unwrap_or(hier.len());
    let rest = match hier[..first_slash].find(':') {
        Some(colon) => {
            let scheme = &hier[..colon];
            let mut chars = scheme.bytes();
            let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'));
            if !valid {
                return bad(
                    "has a scheme that is not ALPHA *( ALPHA / DIGIT / \"+\" / \"-\" / \".\" )",
                );
            }
            &hier[colon + 1..]
        }
        None => hier,
    };
    // '[' and ']' belong only to an IP-literal host in the authority.
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => after.split_at(after.find('/').unwrap_or(after.len())),
        None => ("", rest),
    };
    if path.contains(['[', ']'])
        || s[before_fragment.len()..].contains(['[', ']'])
        || before_fragment[hier.len()..].contains(['[', ']'])
    {
        return bad("may contain '[' and ']' only around an IP-literal host");
    }
    if authority.contains(['[', ']']) {
        let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let well_placed = host.starts_with('[')
            && host.matches('[').count() == 1
            && host.matches(']').count() == 1
            && host.find(']').is_some_and(|end| {
                let tail = &host[end + 1..];
                tail.is_empty() || tail.starts_with(':')
            });
        if !well_placed {
            return bad("may contain '[' and ']' only around an IP-literal host");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_code_charset_is_rfc6750() {
        assert!(check_error_code("invalid_token").is_ok());
        assert!(check_error_code("a b!#[]^~").is_ok());
        assert_eq!(
            check_error_code("say \"hi\"").map_err(|v| v.rule),
            Err(Rule::ErrorCharset)
        );
        assert!(check_error_code("back\\slash").is_err());
        assert!(check_error_code("").is_err());
        assert!(check_error_code("caf\u{e9}").is_err());
    }

    #[test]
    fn scope_needs_single_spaces() {
        assert!(check_scope("orders:read orders:write").is_ok());
        assert!(check_scope("a  b").is_err());
        assert!(check_scope(" a").is_err());
        assert!(check_scope("a\"b").is_err());
    }

    #[test]
    fn max_age_is_digits_only() {
        for ok in ["0", "300", "007", "18446744073709551616"] {
            assert!(check_max_age(ok).is_ok(), "{ok}");
        }
        for bad in ["", "-1", "1.5", "+5", "300s", " 300", "1e3", "\u{661}"] {
            assert_eq!(
                check_max_age(bad).map_err(|v| v.rule),
                Err(Rule::MaxAge),
                "{bad}"
            );
        }
        assert_eq!(
            check_max_age("-1").map_err(|v| v.reason),
            Err("must be a non-negative integer (seconds) and may not contain '-'".to_owned())
        );
    }

    #[test]
    fn basic_charset_is_utf8_in_any_case() {
        for ok in ["UTF-8", "utf-8", "Utf-8"] {
            assert!(check_scheme_param("Basic", "charset", ok).is_ok(), "{ok}");
        }
        for bad in ["ISO-8859-1", "UTF8", "utf-16", "", "UTF-8 "] {
            assert_eq!(
                check_scheme_param("basic", "CHARSET", bad).map_err(|v| v.rule),
                Err(Rule::BasicCharset),
                "{bad}"
            );
        }
        // RFC 7617 defines `charset` for Basic only.
        assert!(check_scheme_param("Newauth", "charset", "ISO-8859-1").is_ok());
        assert!(check_scheme_param("Basic", "realm", "ISO-8859-1").is_ok());
    }

    #[test]
    fn basic_needs_realm() {
        assert!(check_scheme_params("Basic", ["realm"]).is_ok());
        assert!(check_scheme_params("BASIC", ["charset", "Realm"]).is_ok());
        for names in [&[][..], &["charset"]] {
            assert_eq!(
                check_scheme_params("basic", names.iter().copied()).map_err(|v| v.rule),
                Err(Rule::BasicRealm)
            );
        }
        assert!(check_scheme_params("Newauth", []).is_ok());
    }

    #[test]
    fn bearer_needs_an_auth_param() {
        for scheme in ["Bearer", "bearer", "BEARER"] {
            assert_eq!(
                check_scheme_params(scheme, []).map_err(|v| v.rule),
                Err(Rule::BearerAuthParam),
                "{scheme}"
            );
        }
        assert!(check_scheme_params("Bearer", ["realm"]).is_ok());
        assert!(check_scheme_params("Bearer", ["x"]).is_ok());
        // The rule is RFC 6750's: other schemes may stand alone (RFC 9110 §11.3).
        assert!(check_scheme_params("DPoP", []).is_ok());
    }

    #[test]
    fn uri_reference() {
        for ok in [
            "https://docs.example.com/errors#token",
            "/errors/TOKEN_EXPIRED",
            "urn:ietf:params:oauth:error",
            "http://[::1]:8080/x?y=z",
            "errors?q=%20",
        ] {
            assert!(check_error_uri(ok).is_ok(), "{ok}");
        }
        for bad in [
            "https://x/ y",
            "1http://x",
            "https://x/%zz",
            "a#b#c",
            "/a[b]",
            "https://x/{code}",
        ] {
            assert!(check_error_uri(bad).is_err(), "{bad}");
        }
    }
}
