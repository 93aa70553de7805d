//! The words of a change's summary, written once and rendered twice: as plain text for
//! the terminal and the JSON `summary`, and as Markdown for a changelog.

use std::fmt;

/// The words of a summary: text, quoted values and bare values, rendered once as plain
/// text and once as Markdown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Words {
    pub(super) plain: String,
    pub(super) markdown: String,
}

impl Words {
    /// Words that start with `s`.
    pub(super) fn of(s: &str) -> Self {
        let mut w = Words::default();
        w.text(s);
        w
    }

    /// The summary's own words (no Markdown syntax in them).
    pub(super) fn text(&mut self, s: &str) -> &mut Self {
        self.plain.push_str(s);
        self.markdown.push_str(s);
        self
    }

    /// A value from the catalog: `'value'` in text, a code span in Markdown.
    pub(super) fn value(&mut self, v: &str) -> &mut Self {
        self.plain.push_str(&format!("'{v}'"));
        self.markdown.push_str(&code_span(v));
        self
    }

    /// A number or a name that reads well bare in text: a code span in Markdown.
    pub(super) fn bare(&mut self, v: impl fmt::Display) -> &mut Self {
        let v = v.to_string();
        self.plain.push_str(&v);
        self.markdown.push_str(&code_span(&v));
        self
    }

    /// Values separated by `, `.
    pub(super) fn list(&mut self, values: &[String]) -> &mut Self {
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.text(", ");
            }
            self.bare(v);
        }
        self
    }
}

/// A Markdown code span holding `v` on one line, fenced with more backticks than `v` has
/// in a row.
fn code_span(v: &str) -> String {
    let v = v.replace(['\r', '\n'], " ");
    if v.is_empty() {
        return "`\u{a0}`".to_owned();
    }
    let longest = v
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest + 1);
    if longest > 0 || v.starts_with(' ') || v.ends_with(' ') {
        format!("{fence} {v} {fence}")
    } else {
        format!("{fence}{v}{fence}")
    }
}

#[cfg(test)]
mod tests {
    use super::{Words, code_span};

    #[test]
    fn code_spans_hold_any_value() {
        assert_eq!(code_span("401"), "`401`");
        assert_eq!(code_span("a `b` c"), "`` a `b` c ``");
        assert_eq!(code_span("two\nlines"), "`two lines`");
        assert_eq!(code_span(" pad"), "`  pad `");
        // An empty span is not valid Markdown; a no-break space stands in.
        assert_eq!(code_span(""), "`\u{a0}`");
    }

    #[test]
    fn values_are_quoted_in_text_and_code_spans_in_markdown() {
        let mut w = Words::of("message changed from ");
        w.value("Gone").text(" to ").bare(404).text(": ");
        w.list(&["realm".to_owned(), "scope".to_owned()]);
        assert_eq!(w.plain, "message changed from 'Gone' to 404: realm, scope");
        assert_eq!(
            w.markdown,
            "message changed from `Gone` to `404`: `realm`, `scope`"
        );
    }
}
