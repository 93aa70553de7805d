//! Filling a split: literal text with each param's value escaped between.

use std::borrow::Cow;

use super::{Measure, Out, Params};
use crate::spec::compiled::Split;

/// How many holes a split may have: each value is looked up once and kept.
pub(crate) const MAX_HOLES: usize = 4;

/// The value of each hole's param, looked up once (a `Display` param allocates per lookup).
pub(crate) fn values<'v>(
    split: &Split,
    lookup: Params<'_, 'v>,
) -> [Option<Cow<'v, str>>; MAX_HOLES] {
    let mut values = [const { None }; MAX_HOLES];
    for (slot, hole) in values.iter_mut().zip(split.holes) {
        *slot = lookup(hole.param);
    }
    values
}

/// How a value is escaped where a hole stands.
pub(crate) trait Escape {
    /// Writes `s` escaped.
    fn escape<O: Out>(out: &mut O, s: &str);
}

/// Inside a quoted-string (RFC 9110 §5.6.4).
pub(crate) struct Quoted;

impl Escape for Quoted {
    #[inline]
    fn escape<O: Out>(out: &mut O, s: &str) {
        super::quoted::escaped(out, s);
    }
}

/// Inside a JSON string (RFC 8259 §7).
pub(crate) struct Json;

impl Escape for Json {
    #[inline]
    fn escape<O: Out>(out: &mut O, s: &str) {
        super::json::escaped(out, s);
    }
}

/// Writes the split with each value escaped by `E` (`{param}` as written when the param
/// has no value); a trusted hole's value needs no escape.
#[inline]
fn write<O: Out, E: Escape>(out: &mut O, split: &Split, values: &[Option<Cow<'_, str>>]) {
    let mut text = split.text.iter();
    out.push(text.next().copied().unwrap_or_default());
    for ((hole, value), t) in split.holes.iter().zip(values).zip(text) {
        match value {
            Some(v) if hole.trusted => out.push(v.as_ref()),
            Some(v) => E::escape(out, v.as_ref()),
            None => {
                out.push("{");
                out.push(hole.param);
                out.push("}");
            }
        }
        out.push(t);
    }
}

/// The split filled in, each value escaped by `E`, in one exactly sized allocation.
pub(crate) fn fill<E: Escape>(split: &Split, values: &[Option<Cow<'_, str>>]) -> String {
    let mut m = Measure(0);
    write::<_, E>(&mut m, split, values);
    let mut out = String::with_capacity(m.0);
    write::<_, E>(&mut out, split, values);
    debug_assert_eq!(out.len(), m.0);
    out
}
