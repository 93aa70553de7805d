//! The client side: an RFC 9110 §11.6.1 `WWW-Authenticate` list parser.
//!
//! ```text
//! WWW-Authenticate = #challenge
//! challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//! auth-param  = token BWS "=" BWS ( token / quoted-string )
//! token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
//! ```
//!
//! The list rule (RFC 9110 §5.6.1) lets empty elements stand anywhere, and
//! commas separate both challenges and the auth-params inside one, so the
//! parser looks ahead: a token followed by `=` is a parameter of the current
//! challenge, any other token starts the next challenge.

use std::fmt;

use super::rules::{is_tchar, is_token68_char};

/// One challenge as a client received it.
///
/// The scheme is kept as sent; parameter names are lowercased (they are
/// case-insensitive, RFC 9110 §11.2) and values are unescaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedChallenge {
    scheme: String,
    token68: Option<String>,
    params: Vec<(String, String)>,
}

impl ParsedChallenge {
    /// The auth-scheme as sent.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// Whether the scheme is `scheme`, compared case-insensitively (RFC 9110 §11.1).
    pub fn scheme_is(&self, scheme: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(scheme)
    }

    /// The token68, if the challenge carries one.
    pub fn token68(&self) -> Option<&str> {
        self.token68.as_deref()
    }

    /// The parameters in the order received: lowercased names, unescaped values.
    pub fn params(&self) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.params.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The value of a parameter, by case-insensitive name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What was wrong with a `WWW-Authenticate` value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// A list element does not start with an auth-scheme token.
    ExpectedScheme,
    /// An auth-param name is not followed by `=`.
    ExpectedEquals,
    /// `=` is not followed by a token or a quoted-string.
    ExpectedValue,
    /// A quoted-string has no closing `"`.
    UnterminatedQuotedString,
    /// A byte that may not stand in a quoted-string (a control character).
    InvalidQuotedChar,
    /// Something other than `,` follows a complete element.
    ExpectedComma,
    /// An auth-scheme is followed by its auth-params without the `1*SP` between
    /// (`Basic, realm="x"`, RFC 9110 §11.3); the offset is where the space belongs.
    ExpectedSpace,
    /// A parameter name appears twice in one challenge (RFC 6750 §3).
    DuplicateParam(String),
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseErrorKind::ExpectedScheme => f.write_str("expected an auth-scheme token"),
            ParseErrorKind::ExpectedEquals => f.write_str("expected '=' after the parameter name"),
            ParseErrorKind::ExpectedValue => {
                f.write_str("expected a token or a quoted-string after '='")
            }
            ParseErrorKind::UnterminatedQuotedString => {
                f.write_str("quoted-string has no closing '\"'")
            }
            ParseErrorKind::InvalidQuotedChar => {
                f.write_str("control character inside a quoted-string")
            }
            ParseErrorKind::ExpectedComma => f.write_str("expected ',' or the end of the value"),
            ParseErrorKind::ExpectedSpace => {
                f.write_str("expected a space between the auth-scheme and its auth-params")
            }
            ParseErrorKind::DuplicateParam(name) => {
                write!(
                    f,
                    "parameter '{name}' appears more than once in one challenge"
                )
            }
        }
    }
}

/// A malformed `WWW-Authenticate` value: what was wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Which header line (0 for the first, and for [`parse`]).
    pub line: usize,
    /// The byte offset within that line.
    pub offset: usize,
    /// What was wrong.
    pub kind: ParseErrorKind,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "header line {}, ", self.line + 1)?;
        }
        write!(f, "byte {}: {}", self.offset, self.kind)
    }
}

impl std::error::Error for ParseError {}

/// Parses one `WWW-Authenticate` field value into its challenges.
///
/// ```
/// let c = auth_errors_core::challenge::parse(r#"Bearer realm="api", error="invalid_token""#)?;
/// assert_eq!(c[0].param("error"), Some("invalid_token"));
/// # Ok::<(), auth_errors_core::challenge::ParseError>(())
/// ```
pub fn parse(value: &str) -> Result<Vec<ParsedChallenge>, ParseError> {
    let mut out = Vec::new();
    Parser::new(value, 0).list(&mut out)?;
    Ok(out)
}

/// Parses several `WWW-Authenticate` header lines as the one list they form
/// (RFC 9110 §5.3).
///
/// The lines are read as if joined by `", "`, so an auth-param on one line can
/// continue the challenge of the line before; an error still names the line and the
/// byte offset within it.
pub fn parse_lines<'a>(
    lines: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<ParsedChallenge>, ParseError> {
    let mut joined = String::new();
    // Where each line starts in `joined`.
    let mut starts = Vec::new();
    for (i, value) in lines.into_iter().enumerate() {
        if i > 0 {
            joined.push_str(", ");
        }
        starts.push(joined.len());
        joined.push_str(value);
    }
    let mut out = Vec::new();
    Parser::new(&joined, 0).list(&mut out).map_err(|mut e| {
        let line = starts.partition_point(|&s| s <= e.offset).saturating_sub(1);
        e.line = line;
        e.offset -= starts.get(line).copied().unwrap_or(0);
        e
    })?;
    Ok(out)
}

struct Parser<'a> {
    s: &'a str,
    i: usize,
    line: usize,
}

/// HTAB, SP, VCHAR or obs-text: what a quoted-string may hold (RFC 9110 §5.6.4). Only
/// ASCII controls are excluded; U+0080–U+009F arrive as obs-text bytes.
const fn is_qchar(c: char) -> bool {
    c == '\t' || !c.is_ascii_control()
}

const fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

impl<'a> Parser<'a> {
    fn new(s: &'a str, line: usize) -> Self {
        Parser { s, i: 0, line }
    }

    fn err<T>(&self, offset: usize, kind: ParseErrorKind) -> Result<T, ParseError> {
        Err(ParseError {
            line: self.line,
            offset,
            kind,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn peek_at(&self, i: usize) -> Option<u8> {
        self.s.as_bytes().get(i).copied()
    }

    fn skip_ws_from(&self, mut i: usize) -> usize {
        while self.peek_at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn token_end(&self, mut i: usize) -> usize {
        while self.peek_at(i).is_some_and(is_tchar) {
            i += 1;
        }
        i
    }

    /// Skips OWS and empty list elements.
    fn skip_separators(&mut self) {
        while self.peek().is_some_and(|b| is_ws(b) || b == b',') {
            self.i += 1;
        }
    }

    fn list(&mut self, out: &mut Vec<ParsedChallenge>) -> Result<(), ParseError> {
        loop {
            self.skip_separators();
            if self.i >= self.s.len() {
                return Ok(());
            }
            out.push(self.challenge()?);
        }
    }

    fn challenge(&mut self) -> Result<ParsedChallenge, ParseError> {
        let start = self.i;
        let end = self.token_end(start);
        if end == start {
            return self.err(start, ParseErrorKind::ExpectedScheme);
        }
        let mut challenge = ParsedChallenge {
            scheme: self.s[start..end].to_owned(),
            token68: None,
            params: Vec::new(),
        };
        // `1*SP` separates the scheme from its token68 or auth-params; any other
        // whitespace can only be list OWS before a comma.
        let mut sp_end = end;
        while self.peek_at(sp_end) == Some(b' ') {
            sp_end += 1;
        }
        let after = self.skip_ws_from(end);
        match self.peek_at(after) {
            None => {
                self.i = after;
                return Ok(challenge);
            }
            Some(b',') => {
                self.i = after;
                // An empty element may open the auth-param list (`Bearer , realm="x"`),
                // after the `1*SP`: without it (`Basic, realm="x"`) the scheme stands
                // alone and the param cannot start the next challenge.
                if !self.continues_with_param() {
                    return Ok(challenge);
                }
                if sp_end == end {
                    return self.err(end, ParseErrorKind::ExpectedSpace);
                }
            }
            Some(_) if sp_end == end || sp_end != after => {
                return self.err(after, ParseErrorKind::ExpectedComma);
            }
            Some(_) => {
                self.i = after;
                if let Some(t68_end) = self.token68_end(self.i) {
                    challenge.token68 = Some(self.s[self.i..t68_end].to_owned());
                    self.i = t68_end;
                    return Ok(challenge);
                }
            }
        }
        loop {
            self.param(&mut challenge)?;
            self.i = self.skip_ws_from(self.i);
            match self.peek() {
                None => return Ok(challenge),
                Some(b',') => {}
                Some(_) => return self.err(self.i, ParseErrorKind::ExpectedComma),
            }
            if !self.continues_with_param() {
                return Ok(challenge);
            }
        }
    }

    /// At a `,`: whether, past empty list elements, a `token BWS "="` follows, which makes
    /// it a parameter of the current challenge rather than the next challenge's scheme.
    /// When it does, moves to that token.
    fn continues_with_param(&mut self) -> bool {
        let mut next = self.i;
        while self.peek_at(next).is_some_and(|b| is_ws(b) || b == b',') {
            next += 1;
        }
        let name_end = self.token_end(next);
        let is_param = name_end > next && self.peek_at(self.skip_ws_from(name_end)) == Some(b'=');
        if is_param {
            self.i = next;
        }
        is_param
    }

    /// Where a token68 starting at `i` ends, if what stands there is a token68 that
    /// closes the element (followed by OWS and `,` or the end).
    fn token68_end(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while self.peek_at(j).is_some_and(is_token68_char) {
            j += 1;
        }
        if j == i {
            return None;
        }
        while self.peek_at(j) == Some(b'=') {
            j += 1;
        }
        match self.peek_at(self.skip_ws_from(j)) {
            None | Some(b',') => Some(j),
            Some(_) => None,
        }
    }

    fn param(&mut self, challenge: &mut ParsedChallenge) -> Result<(), ParseError> {
        let start = self.i;
        let name_end = self.token_end(start);
        if name_end == start {
            return self.err(start, ParseErrorKind::ExpectedScheme);
        }
        let name = self.s[start..name_end].to_ascii_lowercase();
        let eq = self.skip_ws_from(name_end);
        if self.peek_at(eq) != Some(b'=') {
            return self.err(eq, ParseErrorKind::ExpectedEquals);
        }
        let value_start = self.skip_ws_from(eq + 1);
        self.i = value_start;
        let value = match self.peek() {
            Some(b'"') => self.quoted_string()?,
            Some(b) if is_tchar(b) => {
                let end = self.token_end(value_start);
                self.i = end;
                self.s[value_start..end].to_owned()
            }
            _ => return self.err(value_start, ParseErrorKind::ExpectedValue),
        };
        if challenge.params.iter().any(|(n, _)| *n == name) {
            return self.err(start, ParseErrorKind::DuplicateParam(name));
        }
        challenge.params.push((name, value));
        Ok(())
    }

    /// Reads a quoted-string at `self.i` and returns it unescaped (RFC 9110 §5.6.4).
    fn quoted_string(&mut self) -> Result<String, ParseError> {
        let open = self.i;
        let mut out = String::new();
        let mut chars = self.s[open + 1..].char_indices();
        while let Some((rel, c)) = chars.next() {
            let at = open + 1 + rel;
            match c {
                '"' => {
                    self.i = at + 1;
                    return Ok(out);
                }
                '\\' => match chars.next() {
                    Some((_, escaped)) if is_qchar(escaped) => out.push(escaped),
                    Some((rel2, _)) => {
                        return self.err(open + 1 + rel2, ParseErrorKind::InvalidQuotedChar);
                    }
                    None => break,
                },
                c if is_qchar(c) => out.push(c),
                _ => return self.err(at, ParseErrorKind::InvalidQuotedChar),
            }
        }
        self.err(open, ParseErrorKind::UnterminatedQuotedString)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> ParsedChallenge {
        match parse(s) {
            Ok(mut v) if v.len() == 1 => v.remove(0),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn token68_versus_param() {
        assert_eq!(one("Negotiate abc==").token68(), Some("abc=="));
        assert_eq!(one("Foo a=b").param("a"), Some("b"));
        assert_eq!(one("Foo a = \"b\"").param("a"), Some("b"));
    }

    #[test]
    fn offsets() {
        let e = parse("Bearer realm=\"a\" error=\"b\"").err();
        assert_eq!(
            e.map(|e| (e.offset, e.kind)),
            Some((17, ParseErrorKind::ExpectedComma))
        );
        let e = parse("Bearer realm=\"abc").err();
        assert_eq!(
            e.map(|e| (e.offset, e.kind)),
            Some((13, ParseErrorKind::UnterminatedQuotedString))
        );
    }

    #[test]
    fn auth_params_need_the_space_after_the_scheme() {
        for (input, offset) in [
            ("Basic, realm=\"x\"", 5),
            ("Basic,realm=\"x\"", 5),
            ("Basic\t, realm=\"x\"", 5),
            ("Bearer realm=\"a\", Basic, realm=\"x\"", 23),
        ] {
            let e = parse(input).err();
            assert_eq!(
                e.map(|e| (e.offset, e.kind)),
                Some((offset, ParseErrorKind::ExpectedSpace)),
                "{input}"
            );
        }
        assert_eq!(one("Basic , realm=\"x\"").param("realm"), Some("x"));
        assert_eq!(one("Basic \t, realm=\"x\"").param("realm"), Some("x"));
        // A bare scheme followed by another challenge is fine (RFC 9449 §7.2).
        assert_eq!(parse("Bearer, DPoP algs=\"ES256\"").map(|c| c.len()), Ok(2));
    }
}
