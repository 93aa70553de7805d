//! What an entry's message, header and body are before any param value is known: the
//! forms generated code computes when it is expanded, so that at run time only param
//! values are checked, escaped and copied.
//!
//! Reached by generated code through `__private`; a user never builds one.

/// The compiled forms of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compiled {
    /// The message, when it has no placeholders (escaped braces resolved).
    pub(crate) message: Option<&'static str>,
    /// The `WWW-Authenticate` value.
    pub(crate) header: Form,
    /// The body text.
    pub(crate) body: Form,
}

impl Compiled {
    /// Nothing known in advance: every output renders from the spec at run time.
    pub const RUNTIME: Compiled = Compiled {
        message: None,
        header: Form::Runtime,
        body: Form::Runtime,
    };

    /// The compiled forms, as `__private::compile` computed them.
    pub const fn new(message: Option<&'static str>, header: Form, body: Form) -> Compiled {
        Compiled {
            message,
            header,
            body,
        }
    }
}

/// One output of an entry, before param values are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// No output: the entry has no challenge.
    Absent,
    /// The final text.
    Fixed(&'static str),
    /// Literal text around the values of params.
    Split(Split),
    /// Rendered from the spec at run time (a template that mixes text and placeholders
    /// inside one attribute, or more holes than a split keeps).
    Runtime,
}

/// Literal text with a hole between each two pieces; `text.len() == holes.len() + 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub(crate) text: &'static [&'static str],
    pub(crate) holes: &'static [Hole],
}

impl Split {
    /// A split; panics (a compile error in a `const`) unless there is one more piece of
    /// text than holes.
    pub const fn new(text: &'static [&'static str], holes: &'static [Hole]) -> Split {
        assert!(
            text.len() == holes.len() + 1,
            "a split has one more text than holes"
        );
        Split { text, holes }
    }
}

/// Where a param's value goes in a split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hole {
    /// The param whose value fills the hole.
    pub(crate) param: &'static str,
    /// For a header, the challenge attribute whose rule the value must meet; `None` in a
    /// body, where the value is JSON-escaped.
    pub(crate) attr: Option<&'static str>,
    /// The value is a generated `Scope` field: checked against RFC 6749 §3.3 when it was
    /// built, so it meets the `scope` rule and holds nothing a quoted-string or JSON escapes.
    pub(crate) trusted: bool,
}

impl Hole {
    /// A hole for `param`, inside the attribute `attr` of a challenge, or in a body.
    pub const fn new(param: &'static str, attr: Option<&'static str>) -> Hole {
        Hole {
            param,
            attr,
            trusted: false,
        }
    }

    /// A hole whose value is a generated `Scope` field, which needs no check and no escape
    /// in a body or in the `scope` attribute. Generated code marks only such holes.
    pub const fn trusted(param: &'static str, attr: Option<&'static str>) -> Hole {
        assert!(
            match attr {
                Some(attr) => crate::challenge::rules::eq_ignore_ascii_case(attr, "scope"),
                None => true,
            },
            "only a body or the scope attribute can trust a Scope"
        );
        Hole {
            param,
            attr,
            trusted: true,
        }
    }
}
