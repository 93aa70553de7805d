//! The `WWW-Authenticate` value, written once: from a [`Challenge`], from an entry's
//! [`ChallengeSpec`] filled with param values, or from a compiled split.
//!
//! [`Challenge`]: crate::challenge::Challenge
//! [`ChallengeSpec`]: crate::spec::ChallengeSpec

use std::borrow::Cow;

use super::split;
use super::{Measure, Out, Params, quoted};
use crate::challenge::{self, ChallengeError};
use crate::spec::ErrorSpec;
use crate::spec::compiled::{Form, Split};
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

/// One challenge with its values filled and checked: the scheme and each attribute.
type Filled<'v> = (&'static str, Vec<(&'static str, Cow<'v, str>)>);

/// What stands between two challenges of one value: `#challenge` is a comma-separated
/// list (RFC 9110 §11.6.1, §5.6.1).
pub(crate) const SEPARATOR: &str = ", ";

/// The value of an entry's challenges, each with its templates filled through `lookup`
/// and every value checked, written as one comma-separated list (RFC 9110 §11.6.1).
/// Strict: the first value that breaks a rule is the error, and then the rules about each
/// challenge as a whole. Lenient: such a value is left out (and the first such error
/// returned beside the text), so a response always carries its challenges: well-formed
/// ones, even when what is left breaks a rule about the whole (a `Basic` challenge whose
/// realm was left out). `None` for no challenge.
pub(crate) fn from_spec(
    spec: &ErrorSpec,
    lookup: Params<'_, '_>,
    lenient: bool,
) -> Result<Option<(String, Option<ChallengeError>)>, ChallengeError> {
    let mut first = None;
    let mut filled: Vec<Filled<'_>> = Vec::new();
    for spec in spec.challenges() {
        let mut values = Vec::with_capacity(spec.params().len());
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
        filled.push((spec.scheme(), values));
    }
    if filled.is_empty() {
        return Ok(None);
    }
    let mut m = Measure(0);
    write_filled(&mut m, &filled);
    let mut text = String::with_capacity(m.0);
    write_filled(&mut text, &filled);
    Ok(Some((text, first)))
}

/// Filled challenges, each a scheme and its checked values, as one list.
fn write_filled<O: Out>(out: &mut O, filled: &[Filled<'_>]) {
    for (i, (scheme, values)) in filled.iter().enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        write(
            out,
            scheme,
            None,
            values.iter().map(|(n, v)| (*n, Value::Text(v))),
        );
    }
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
/// from the spec. A spec's compiled forms are its public face's (see `compile`).
pub(crate) fn of(
    spec: &ErrorSpec,
    lookup: Params<'_, '_>,
) -> Result<Option<Cow<'static, str>>, ChallengeError> {
    match spec.compiled().header {
        Form::Absent => Ok(None),
        Form::Fixed(text) => Ok(Some(Cow::Borrowed(text))),
        Form::Split(split) => fill(&split, lookup).map(|v| Some(Cow::Owned(v))),
        // A concealed entry answers with its target's challenges, which use no param.
        Form::Runtime => match spec.concealed_as() {
            Some(public) => from_spec(public, &|_| None, false),
            None => from_spec(spec, lookup, false),
        }
        .map(|v| v.map(|(v, _)| Cow::Owned(v))),
    }
}

/// The header with every attribute that breaks a rule left out, for a response that
/// must still go out (a concealed entry's: its target's); `None` without a challenge.
pub(crate) fn lenient(spec: &ErrorSpec, lookup: Params<'_, '_>) -> Option<String> {
    let found = match spec.concealed_as() {
        Some(public) => from_spec(public, &|_| None, true),
        None => from_spec(spec, lookup, true),
    };
    found.ok().flatten().map(|(v, _)| v)
}

/// Every challenge of the entry's public face (its target's, for a concealed entry) as a
/// checked [`Challenge`], its attributes filled, in the order the header lists them.
///
/// [`Challenge`]: crate::challenge::Challenge
pub(crate) fn challenges(
    spec: &ErrorSpec,
    lookup: Params<'_, '_>,
) -> Result<Vec<challenge::Challenge>, ChallengeError> {
    spec.public()
        .challenges()
        .map(|spec| {
            let mut challenge = challenge::Challenge::new(spec.scheme())?;
            for &(name, value) in spec.params() {
                let value = template::render(value, lookup);
                challenge = challenge.param(name, value.into_owned())?;
            }
            challenge.check()?;
            Ok(challenge)
        })
        .collect()
}
