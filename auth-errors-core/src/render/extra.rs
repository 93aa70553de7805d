//! The extra headers an entry declares (`Retry-After`, …), their templates filled.

use std::borrow::Cow;

use super::Params;
use crate::spec::ErrorSpec;
use crate::template;

/// Each extra header's name and value, placeholders filled; the caller checks the values.
pub(crate) fn of<'v>(
    spec: &ErrorSpec,
    lookup: Params<'_, 'v>,
) -> Vec<(&'static str, Cow<'v, str>)> {
    spec.headers()
        .iter()
        .map(|h| (h.name(), template::render(h.value(), lookup)))
        .collect()
}
