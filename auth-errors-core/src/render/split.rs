//! Filling a split: literal text with each param's value escaped between.

use super::{Measure, Out};
use crate::spec::compiled::Split;

/// How many holes a split may have: each value is looked up once and kept.
pub(crate) const MAX_HOLES: usize = 4;

/// The value of each hole's param, looked up once (a `Display` param allocates per lookup).
pub(crate) fn values<F, V>(split: &Split, mut lookup: F) -> [Option<V>; MAX_HOLES]
where
    F: FnMut(&str) -> Option<V>,
{
    let mut values = [const { None }; MAX_HOLES];
    for (slot, hole) in values.iter_mut().zip(split.holes) {
        *slot = lookup(hole.param);
    }
    values
}

/// Writes the split with each value escaped by `escape` (`{param}` as written when the
/// param has no value).
fn write<O: Out, V: AsRef<str>>(
    out: &mut O,
    split: &Split,
    values: &[Option<V>],
    escape: fn(&mut O, &str),
) {
    let mut text = split.text.iter();
    out.push(text.next().copied().unwrap_or_default());
    for ((hole, value), t) in split.holes.iter().zip(values).zip(text) {
        match value {
            Some(v) => escape(out, v.as_ref()),
            None => {
                out.push("{");
                out.push(hole.param);
                out.push("}");
            }
        }
        out.push(t);
    }
}

/// The split filled in, in one exactly sized allocation: `measure` and `escape` are the
/// same escaping over the two sinks.
pub(crate) fn fill<V: AsRef<str>>(
    split: &Split,
    values: &[Option<V>],
    measure: fn(&mut Measure, &str),
    escape: fn(&mut String, &str),
) -> String {
    let mut m = Measure(0);
    write(&mut m, split, values, measure);
    let mut out = String::with_capacity(m.0);
    write(&mut out, split, values, escape);
    debug_assert_eq!(out.len(), m.0);
    out
}
