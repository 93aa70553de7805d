//! Every output of the response written once: measured, then written, through one sink.
//!
//! Each writer takes an [`Out`]. Run over a [`Measure`] it counts the bytes; run over a
//! `String` it writes them; run over a split builder (see [`compile`]) it records the holes
//! a param value fills. So "measure, then allocate once" and "split at compile time" are the
//! same writer, never a second copy of it.

pub(crate) mod body;
pub(crate) mod compile;
pub(crate) mod extra;
pub(crate) mod header;
pub(crate) mod json;
pub(crate) mod message;
pub(crate) mod quoted;
pub(crate) mod split;

use std::borrow::Cow;

/// A param's value by name: what every writer fills placeholders from. A trait object,
/// not a type parameter, so the writers are compiled once here and not again in every
/// crate that defines an error enum (see `scripts/macro-cost.py`).
pub(crate) type Params<'p, 'v> = &'p dyn Fn(&str) -> Option<Cow<'v, str>>;

/// Where a writer's text goes.
pub(crate) trait Out {
    /// Appends literal text.
    fn push(&mut self, s: &str);

    /// A param's value goes here: the split builder records a hole; other sinks never see
    /// this, since only the compile step writes with holes.
    fn hole(&mut self, param: &'static str, attr: Option<&'static str>) {
        let _ = (param, attr);
    }
}

impl Out for String {
    #[inline]
    fn push(&mut self, s: &str) {
        self.push_str(s);
    }
}

/// Counts the bytes a writer would write.
#[derive(Default)]
pub(crate) struct Measure(pub(crate) usize);

impl Out for Measure {
    #[inline]
    fn push(&mut self, s: &str) {
        self.0 += s.len();
    }
}
