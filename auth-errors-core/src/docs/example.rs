//! An example response of an entry, with sample values for its params.

use crate::ErrorSpec;
use crate::body;
use crate::catalog::Translation;
use crate::render::{self, message::Message};
use crate::spec::ParamType;
use crate::template;
use std::borrow::Cow;

/// An example response: what a client receives for an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The status.
    pub status: u16,
    /// The `WWW-Authenticate` value, if any.
    pub www_authenticate: Option<String>,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// The content type.
    pub content_type: &'static str,
    /// The body.
    pub body: String,
}

impl Example {
    /// The response written out as HTTP/1.1.
    pub fn to_http(&self) -> String {
        let reason = body::reason_phrase(self.status).unwrap_or("");
        let mut out = format!("HTTP/1.1 {} {reason}\n", self.status);
        out.push_str(&format!("Content-Type: {}\n", self.content_type));
        if let Some(c) = &self.www_authenticate {
            out.push_str(&format!("WWW-Authenticate: {c}\n"));
        }
        for (n, v) in &self.headers {
            out.push_str(&format!("{n}: {v}\n"));
        }
        out.push('\n');
        out.push_str(&self.body);
        out
    }
}

/// A sample value for a param: `example:read` for a scope, `60` for an integer, the
/// param's name for text.
fn sample(spec: &ErrorSpec, name: &str) -> Option<&'static str> {
    let p = spec.params().iter().find(|p| p.name() == name)?;
    Some(match p.ty() {
        ParamType::Scope => "example:read",
        ParamType::Integer | ParamType::Seconds => "60",
        ParamType::HttpDate => "Sun, 06 Nov 1994 08:49:37 GMT",
        ParamType::String => p.name(),
    })
}

/// The example response of an entry, rendered by the runtime's own writers.
/// A concealed entry's example is its public face's: what a client receives.
pub fn example(spec: &ErrorSpec) -> Example {
    let spec = spec.public();
    let lookup = |n: &str| sample(spec, n).map(Cow::Borrowed);
    let message = render::message::of(spec, &lookup);
    let www_authenticate = render::header::lenient(spec, &lookup);
    Example {
        status: spec.status(),
        www_authenticate,
        headers: render::extra::of(spec, &lookup)
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value.into_owned()))
            .collect(),
        content_type: spec.body_format().content_type(),
        body: render::body::text(spec, &message),
    }
}

/// The example response of an entry in another language, as the locale layers send it:
/// the translated message (filled with the same samples) and title, `Content-Language`
/// and `Vary: Accept-Language`. The challenge and headers stay the catalog's bytes.
pub(crate) fn example_in(spec: &ErrorSpec, translation: &Translation, tag: &str) -> Example {
    let mut out = example(spec);
    let spec = spec.public();
    let lookup = |n: &str| sample(spec, n).map(Cow::Borrowed);
    let message = template::render(translation.message().value(), lookup);
    let title = translation
        .title()
        .map_or(spec.problem_title(), |t| t.value().as_str());
    out.body = render::body::text_in(spec, title, &Message::Text(&message), None);
    out.headers
        .push(("Content-Language".to_owned(), tag.to_owned()));
    out.headers
        .push(("Vary".to_owned(), "Accept-Language".to_owned()));
    out
}
