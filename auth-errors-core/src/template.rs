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

/// How many placeholder values a [`Filled`] keeps from its first pass.
const KEPT: usize = 4;

/// A template whose placeholder values were looked up once, so a renderer can measure
/// the text in one pass and write it in a second without asking `lookup` again (a
/// `Display` param costs an allocation per lookup). Renders exactly as [`render`] does.
pub(crate) struct Filled<'t, V> {
    template: &'t str,
    /// `false` for a literal or malformed template, which stands as its own text.
    has_params: bool,
    values: [Option<V>; KEPT],
}

impl<'t, V: AsRef<str>> Filled<'t, V> {
    /// Looks up the template's placeholders (the first [`KEPT`] are kept).
    pub(crate) fn new<F: FnMut(&str) -> Option<V>>(template: &'t str, lookup: &mut F) -> Self {
        let mut values = [const { None }; KEPT];
        let mut has_params = false;
        if !is_literal(template) {
            let mut k = 0;
            has_params = walk(template, |p| {
                if let Piece::Param(name) = p {
                    if let Some(slot) = values.get_mut(k) {
                        *slot = lookup(name);
                    }
                    k += 1;
                }
            })
            .is_ok();
        }
        Filled {
            template,
            has_params,
            values,
        }
    }

    /// The filled-in text when it is one piece: the literal template, or a template that is
    /// exactly one known placeholder. `None` when pieces must be joined.
    pub(crate) fn as_single(&self) -> Option<&str> {
        if !self.has_params {
            return Some(self.template);
        }
        let inner = self.template.strip_prefix('{')?.strip_suffix('}')?;
        if is_param_name(inner) {
            self.values[0].as_ref().map(AsRef::as_ref)
        } else {
            None
        }
    }

    /// Calls `f` with each piece of the filled-in text; `lookup` answers for placeholders
    /// past the kept ones.
    pub(crate) fn for_each<F: FnMut(&str) -> Option<V>>(
        &self,
        lookup: &mut F,
        mut f: impl FnMut(&str),
    ) {
        if !self.has_params {
            f(self.template);
            return;
        }
        let mut k = 0;
        // The template walked without error in `new`.
        let _ = walk(self.template, |p| match p {
            Piece::Text(t) => f(t),
            Piece::Param(name) => {
                let looked;
                let value = match self.values.get(k) {
                    Some(kept) => kept.as_ref().map(AsRef::as_ref),
                    None => {
                        looked = lookup(name);
                        looked.as_ref().map(AsRef::as_ref)
                    }
                };
                k += 1;
                match value {
                    Some(v) => f(v),
                    None => {
                        f("{");
                        f(name);
                        f("}");
                    }
                }
            }
        });
    }
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

    #[test]
    fn filled_renders_as_render_does() {
        let lookup = |n: &str| (n != "unknown").then(|| format!("<{n}>"));
        for t in [
            "",
            "plain",
            "{a}",
            "{unknown}",
            "x {a} y {b}",
            "{{a}} {a}",
            "{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}",
            "{a}{b}{c}{d}",
            "{a}{b}{c}{d}{e}",
            "bad {",
            "bad }",
            "{Bad}",
        ] {
            let mut joined = String::new();
            let mut lookup = lookup;
            let filled = Filled::new(t, &mut lookup);
            filled.for_each(&mut lookup, |p| joined.push_str(p));
            let expected = render(t, lookup);
            assert_eq!(joined, expected, "{t}");
            if let Some(single) = filled.as_single() {
                assert_eq!(single, expected, "{t}");
            }
        }
    }
}
