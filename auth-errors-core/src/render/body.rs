//! The response body: `{"code","message"}` or an RFC 9457 problem, written once.

use std::borrow::Cow;

use super::message::Message;
use super::{Measure, Out, Params, json};
use crate::body::BodyFormat;
use crate::spec::compiled::{Form, Split};
use crate::spec::{ErrorSpec, GENERIC_MESSAGE};

/// Writes the body of `spec` carrying `message`, or the generic message when the entry
/// does not expose its own (the one place `expose: false` is applied).
pub(crate) fn write<O: Out>(out: &mut O, spec: &ErrorSpec, message: &Message<'_>) {
    write_in(out, spec, spec.problem_title(), message, None);
}

/// [`write`] with a problem `title` of the caller's (a translated one) and, with
/// `beside`, a translation of the message beside it: `"localized_message":{"locale",
/// "message"}` (AIP-193's `LocalizedMessage`), for clients that switch on the message.
pub(crate) fn write_in<O: Out>(
    out: &mut O,
    spec: &ErrorSpec,
    title: &str,
    message: &Message<'_>,
    beside: Option<(&str, &str)>,
) {
    let message = if spec.expose() {
        message
    } else {
        &Message::Text(GENERIC_MESSAGE)
    };
    match spec.body_format() {
        BodyFormat::Json => {
            out.push("{\"code\":");
            json::string(out, spec.code());
            out.push(",\"message\":\"");
            message.write(out, json::escaped);
            out.push("\"");
        }
        BodyFormat::Problem => {
            out.push("{");
            if let Some(type_uri) = spec.type_uri() {
                out.push("\"type\":");
                json::string(out, type_uri);
                out.push(",");
            }
            out.push("\"title\":");
            json::string(out, title);
            out.push(",\"status\":");
            out.push(status_text(&mut [0; 3], spec.status()));
            out.push(",\"detail\":\"");
            message.write(out, json::escaped);
            out.push("\",\"code\":");
            json::string(out, spec.code());
        }
    }
    if let Some((locale, translated)) = beside {
        out.push(",\"localized_message\":{\"locale\":");
        json::string(out, locale);
        out.push(",\"message\":");
        json::string(out, translated);
        out.push("}");
    }
    out.push("}");
}

/// A status (100–999) as its three digits.
fn status_text(buf: &mut [u8; 3], status: u16) -> &str {
    let status = status.clamp(100, 999);
    buf[0] = b'0' + (status / 100) as u8;
    buf[1] = b'0' + (status / 10 % 10) as u8;
    buf[2] = b'0' + (status % 10) as u8;
    std::str::from_utf8(buf).unwrap_or("500")
}

/// The body of `spec` carrying `message`, in one exactly sized allocation.
pub(crate) fn text(spec: &ErrorSpec, message: &str) -> String {
    let message = Message::Text(message);
    let mut measure = Measure(0);
    write(&mut measure, spec, &message);
    let mut out = String::with_capacity(measure.0);
    write(&mut out, spec, &message);
    out
}

/// [`text`] with a problem `title` of the caller's and a translation `beside` the
/// message ([`write_in`]), in one exactly sized allocation: a body in another language.
pub(crate) fn text_in(
    spec: &ErrorSpec,
    title: &str,
    message: &Message<'_>,
    beside: Option<(&str, &str)>,
) -> String {
    let mut measure = Measure(0);
    write_in(&mut measure, spec, title, message, beside);
    let mut out = String::with_capacity(measure.0);
    write_in(&mut out, spec, title, message, beside);
    out
}

/// An entry's body: the compiled text, the split filled with its params' values, or
/// rendered from the spec.
/// A concealed entry's body is its target's (the public face's).
pub(crate) fn of(spec: &ErrorSpec, lookup: Params<'_, '_>) -> Cow<'static, str> {
    if let Some(public) = spec.concealed_as() {
        // The target's body (its compiled forms are the spec's): it uses no param.
        return match spec.compiled().body {
            Form::Fixed(text) => Cow::Borrowed(text),
            _ => Cow::Owned(text(public, &super::message::of(public, &|_| None))),
        };
    }
    match spec.compiled().body {
        Form::Fixed(text) => Cow::Borrowed(text),
        Form::Split(split) => Cow::Owned(fill(&split, lookup)),
        Form::Absent | Form::Runtime => Cow::Owned(text(spec, &super::message::of(spec, lookup))),
    }
}

/// A body split filled with its params' values, JSON-escaped.
pub(crate) fn fill(split: &Split, lookup: Params<'_, '_>) -> String {
    let values = super::split::values(split, lookup);
    super::split::fill::<super::split::Json>(split, &values)
}
