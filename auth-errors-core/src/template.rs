//! `{param}` placeholders in messages, challenge attributes and header values.
//!
//! A template is literal text with `{name}` placeholders; `{{` and `}}` stand
//! for literal braces. Names are `snake_case` identifiers.
//!
//! ```
//! use auth_errors_core::template;
//!
//! let text = template::render("This action needs the {scope} scope", |name| {
//!     (name == "scope").then_some("orders:read")
//! });
//! assert_eq!(text, "This action needs the orders:read scope");
//! ```

use std::borrow::Cow;
use std::fmt;

/// One piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Literal text (an escaped brace arrives as its own one-character piece).
    Text(&'a str),
    /// A placeholder: the name between the braces.
    Param(&'a str),
}

/// A template that does not parse: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset of the offending brace.
    pub offset: usize,
    /// What is wrong.
    pub reason: &'static str,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.reason, self.offset)
    }
}

impl std::error::Error for TemplateError {}

/// Whether `name` is a valid placeholder and param name: `[a-z][a-z0-9_]*`.
pub const fn is_param_name(name: &str) -> bool {
    let b = name.as_bytes();
    if b.is_empty() || !b[0].is_ascii_lowercase() {
        return false;
    }
    let mut i = 1;
    while i < b.len() {
        if !(b[i].is_ascii_lowercase() || b[i].is_ascii_digit() || b[i] == b'_') {
            return false;
        }
        i += 1;
    }
    true
}

/// Splits a template into its pieces, or says where it is malformed.
pub fn pieces(template: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut out = Vec::new();
    walk(template, |p| out.push(p))?;
    Ok(out)
}

/// Calls `f` with each piece of a template in order, as [`pieces`] returns them, without
/// collecting them; stops at the first malformed brace. The renderers use it on the
/// response path, where a `Vec` per template would be an allocation per response.
pub fn walk<'t>(template: &'t str, mut f: impl FnMut(Piece<'t>)) -> Result<(), TemplateError> {
    let bytes = template.as_bytes();
    let (mut i, mut text_start) = (0, 0);
    let text = |f: &mut dyn FnMut(Piece<'t>), t: &'t str| {
        if !t.is_empty() {
            f(Piece::Text(t));
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b @ (b'{' | b'}') if bytes.get(i + 1) == Some(&b) => {
                text(&mut f, &template[text_start..i]);
                f(Piece::Text(&template[i..i + 1]));
                i += 2;
                text_start = i;
            }
            b'{' => {
                let Some(len) = template[i + 1..].find('}') else {
                    return Err(TemplateError {
                        offset: i,
                        reason: "'{' has no closing '}' (write '{{' for a literal brace)",
                    });
                };
                let name = &template[i + 1..i + 1 + len];
                if !is_param_name(name) {
                    return Err(TemplateError {
                        offset: i,
                        reason: "a placeholder must be a snake_case name such as {scope} (write '{{' for a literal brace)",
                    });
                }
                text(&mut f, &template[text_start..i]);
                f(Piece::Param(name));
                i += len + 2;
                text_start = i;
            }
            b'}' => {
                return Err(TemplateError {
                    offset: i,
                    reason: "'}' has no opening '{' (write '}}' for a literal brace)",
                });
            }
            _ => i += 1,
        }
    }
    text(&mut f, &template[text_start..]);
    Ok(())
}

/// The placeholder names of a template, in order (empty for a malformed one).
pub fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    pieces(template)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match p {
            Piece::Param(name) => Some(name),
            Piece::Text(_) => None,
        })
}

/// Whether a template has no placeholders and no escaped braces, so it is its own text.
pub fn is_literal(template: &str) -> bool {
    !template.bytes().any(|b| b == b'{' || b == b'}')
}

/// Fills a template's placeholders by name. An unknown name is left as `{name}`: the
/// validator rejects such templates before they get here.
pub fn render<'t, F, V>(template: &'t str, mut lookup: F) -> Cow<'t, str>
where
    F: FnMut(&str) -> Option<V>,
    V: AsRef<str>,
{
    if is_literal(template) {
        return Cow::Borrowed(template);
    }
    let Ok(pieces) = pieces(template) else {
        return Cow::Borrowed(template);
    };
    let mut out = String::with_capacity(template.len() + 16);
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Param(name) => match lookup(name) {
                Some(v) => out.push_str(v.as_ref()),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_errors() {
        assert_eq!(
            pieces("a {{b}} {c}"),
            Ok(vec![
                Piece::Text("a "),
                Piece::Text("{"),
                Piece::Text("b"),
                Piece::Text("}"),
                Piece::Text(" "),
                Piece::Param("c"),
            ])
        );
        assert_eq!(pieces("x {").map_err(|e| e.offset), Err(2));
        assert_eq!(pieces("x }").map_err(|e| e.offset), Err(2));
        assert!(pieces("{Scope}").is_err());
        assert_eq!(render("{a}-{b}", |n| (n == "a").then_some("1")), "1-{b}");
    }
}
