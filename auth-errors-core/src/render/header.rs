//! The `WWW-Authenticate` value, written once: from a [`Challenge`], from an entry's
//! [`ChallengeSpec`] filled with param values, or from a compiled split.
//!
//! [`Challenge`]: crate::challenge::Challenge

use std::borrow::Cow;

use super::split;
use super::{Measure, Out, Params, quoted};
use crate::challenge::{self, ChallengeError};
use crate::spec::compiled::{Form, Split};
use crate::spec::{ChallengeSpec, ErrorSpec};
use crate::template;

/// One attribute value as the writer sees it.
pub(crate) enum Value<'a> {
    /// Text already checked against the attribute's rule.
    Text(&'a str),
    /// The value of a param goes here, and must meet the rule of the attribute (compile
    /// step only): `(param, attribute)`.
    Hole(&'static str, &'static str),
}

/// Writes a challenge: the scheme, then a token68 or the attributes as `name="value"`.
pub(crate) fn write<'a, O: Out>(
    out: &mut O,
    scheme: &str,
    token68: Option<&str>,
    params: impl Iterator<Item = (&'a str, Value<'a>)>,
) {
    out.push(scheme);
    if let Some(token68) = token68 {
        out.push(" ");
        out.push(token68);
    }
    for (i, (name, value)) in params.enumerate() {
        out.push(if i == 0 { " " } else { ", " });
        out.push(name);
        out.push("=");
        match value {
            Value::Text(text) => quoted::quoted(out, text),
            Value::Hole(param, attr) => {
                out.push("\"");
                out.hole(param, Some(attr));
                out.push("\"");
            }
        }
    }
}

/// The text of a challenge, in one exactly sized allocation.
pub(crate) fn text<'a, I>(scheme: &str, token68: Option<&str>, params: I) -> String
where
    I: Iterator<Item = (&'a str, &'a str)> + Clone,
{
    let mut m = Measure(0);
    write(
        &mut m,
        scheme,
        token68,
        params.clone().map(|(n, v)| (n, Value::Text(v))),
    );
    let mut out = String::with_capacity(m.0);
    write(
        &mut out,
        scheme,
        token68,
        params.map(|(n, v)| (n, Value::Text(v))),
    );
    out
}

/// The value of an entry's challenge with its templates filled through `lookup`, every
/// value checked. Strict: the first value that breaks a rule is the error, and then the
/// rules about the challenge as a whole. Lenient: such a value is left out (and the first
/// such error returned beside the text), so a response always carries a challenge: a
/// well-formed one, even when what is left breaks a rule about the whole (a `Basic`
/// challenge whose realm was left out).
pub(crate) fn from_spec(
    spec: &ChallengeSpec,
    lookup: Params<'_, '_>,
    lenient: bool,
) -> Result<(String, Option<ChallengeError>), ChallengeError> {
    let mut first = None;
    let mut values: Vec<(&str, Cow<'_, str>)> = Vec::with_capacity(spec.params().len());
    for &(name, template) in spec.params() {
        let value = template::render(template, lookup);
        match challenge::check_value_for(spec.scheme(), name, &value) {
            Ok(()) => values.push((name, value)),
            Err(e) if lenient => {
                first.get_or_insert(e);
            }
            Err(e) => return Err(e),
        }
    }
    if !lenient {
        challenge::check_complete(spec.scheme(), spec.params().iter().map(|&(n, _)| n))?;
    }
    let text = text(
        spec.scheme(),
        None,
        values.iter().map(|(n, v)| (*n, v.as_ref())),
    );
    Ok((text, first))
}

/// A header split filled with its params' values, each checked against its attribute's
/// rule and escaped.
pub(crate) fn fill(split: &Split, lookup: Params<'_, '_>) -> Result<String, ChallengeError> {
    let values = split::values(split, lookup);
    for (hole, value) in split.holes.iter().zip(&values) {
        if hole.trusted && value.is_some() {
            continue;
        }
        let text = value.as_deref().unwrap_or(hole.param);
        challenge::check_value(hole.attr.unwrap_or_default(), text)?;
    }
    Ok(split::fill::<split::Quoted>(split, &values))
}

/// An entry's `WWW-Authenticate` value: the compiled text, the split filled, or rendered
/// from the spec.
pub(crate) fn of(
    spec: &ErrorSpec,
    lookup: Params<'_, '_>,
) -> Result<Option<Cow<'static, str>>, ChallengeError> {
    match spec.compiled().header {
        Form::Absent => Ok(None),
        Form::Fixed(text) => Ok(Some(Cow::Borrowed(text))),
        Form::Split(split) => fill(&split, lookup).map(|v| Some(Cow::Owned(v))),
        Form::Runtime => match spec.challenge() {
            Some(c) => from_spec(&c, lookup, false).map(|(v, _)| Some(Cow::Owned(v))),
            None => Ok(None),
        },
    }
}

/// The header with every attribute that breaks a rule left out, for a response that
/// must still go out; `None` without a challenge.
pub(crate) fn lenient(spec: &ErrorSpec, lookup: Params<'_, '_>) -> Option<String> {
    let c = spec.challenge()?;
    from_spec(&c, lookup, true).ok().map(|(v, _)| v)
}

/// The entry's challenge as a checked [`Challenge`], its attributes filled.
///
/// [`Challenge`]: crate::challenge::Challenge
pub(crate) fn challenge(
    spec: &ErrorSpec,
    lookup: Params<'_, '_>,
) -> Result<Option<challenge::Challenge>, ChallengeError> {
    let Some(spec) = spec.challenge() else {
        return Ok(None);
    };
    let mut challenge = challenge::Challenge::new(spec.scheme())?;
    for &(name, value) in spec.params() {
        let value = template::render(value, lookup);
        challenge = challenge.param(name, value.into_owned())?;
    }
    challenge.check()?;
    Ok(Some(challenge))
}
