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
pub fn is_param_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Splits a template into its pieces, or says where it is malformed.
pub fn pieces(template: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut out = Vec::new();
    let bytes = template.as_bytes();
    let (mut i, mut text_start) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b @ (b'{' | b'}') if bytes.get(i + 1) == Some(&b) => {
                push_text(&mut out, &template[text_start..i]);
                out.push(Piece::Text(&template[i..i + 1]));
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
                push_text(&mut out, &template[text_start..i]);
                out.push(Piece::Param(name));
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
    push_text(&mut out, &template[text_start..]);
    Ok(out)
}

fn push_text<'a>(out: &mut Vec<Piece<'a>>, text: &'a str) {
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
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
    !template.contains(['{', '}'])
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
