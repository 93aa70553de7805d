//! The message: a template filled with param values, or split around its params.

use std::borrow::Cow;

use super::{Out, Params};
use crate::spec::ErrorSpec;
use crate::template::{self, Piece};

/// The message a body carries, as a writer sees it.
pub(crate) enum Message<'a> {
    /// Final text.
    Text(&'a str),
    /// A template whose placeholders become holes (compile step only).
    Holes(&'static str),
}

impl Message<'_> {
    /// Writes the message through `escape` (JSON), each placeholder as a hole.
    pub(crate) fn write<O: Out>(&self, out: &mut O, escape: fn(&mut O, &str)) {
        match *self {
            Message::Text(text) => escape(out, text),
            Message::Holes(template) => {
                // A malformed template is never compiled into holes (see `compile`).
                let _ = template::walk(template, |piece| match piece {
                    Piece::Text(t) => escape(out, t),
                    Piece::Param(p) => out.hole(p, None),
                });
            }
        }
    }
}

/// The message of `err` with its placeholders filled: the compiled text when it is fixed.
pub(crate) fn of<'v>(spec: &ErrorSpec, lookup: Params<'_, 'v>) -> Cow<'v, str> {
    match spec.compiled().message {
        Some(text) => Cow::Borrowed(text),
        None => template::render(spec.message(), lookup),
    }
}
