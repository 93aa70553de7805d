//! The compile step: an entry's message, header and body written once with each param's
//! value as a hole, by the same writers the run time uses. The macros run it when they
//! expand (and emit its text as literals); `Catalog::to_specs` runs it when it builds specs.

use super::header::{self, Value};
use super::message::Message;
use super::split::MAX_HOLES;
use super::{Out, body};
use crate::challenge;
use crate::spec::compiled::{Compiled, Form, Hole, Split};
use crate::spec::{ChallengeSpec, ErrorSpec, SpecParts};
use crate::template::{self, Piece};

/// One compiled output with owned text, before it becomes literals or leaked `'static`s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompiledForm {
    /// No output (no challenge).
    Absent,
    /// The final text.
    Fixed(String),
    /// Literal text around holes: `text.len() == holes.len() + 1`; each hole is the param
    /// and, in a header, the attribute whose rule its value must meet.
    Split {
        /// The literal pieces.
        text: Vec<String>,
        /// The holes between them.
        holes: Vec<(&'static str, Option<&'static str>)>,
    },
    /// Rendered at run time.
    Runtime,
}

/// An entry's compiled forms with owned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledText {
    /// The message when it has no placeholders.
    pub message: Option<String>,
    /// The `WWW-Authenticate` value.
    pub header: CompiledForm,
    /// The body.
    pub body: CompiledForm,
}

/// Records what a writer writes as literal pieces between holes.
struct Splitter {
    text: Vec<String>,
    holes: Vec<(&'static str, Option<&'static str>)>,
}

impl Splitter {
    fn new() -> Self {
        Splitter {
            text: vec![String::new()],
            holes: Vec::new(),
        }
    }

    fn finish(mut self) -> CompiledForm {
        match self.holes.len() {
            0 => CompiledForm::Fixed(self.text.pop().unwrap_or_default()),
            n if n <= MAX_HOLES => CompiledForm::Split {
                text: self.text,
                holes: self.holes,
            },
            _ => CompiledForm::Runtime,
        }
    }
}

impl Out for Splitter {
    fn push(&mut self, s: &str) {
        if let Some(last) = self.text.last_mut() {
            last.push_str(s);
        }
    }

    fn hole(&mut self, param: &'static str, attr: Option<&'static str>) {
        self.holes.push((param, attr));
        self.text.push(String::new());
    }
}

/// Compiles an entry whose parts came from a validated catalog. The header and body are
/// the public face's: a concealed entry's are its target's, so both answer with the same
/// bytes; the message (for logs) stays the entry's own.
pub fn compile(parts: &SpecParts) -> CompiledText {
    let own = ErrorSpec::from_parts(*parts, Compiled::RUNTIME);
    let public = own.public();
    CompiledText {
        message: fixed_message(parts.message),
        header: compile_header(public),
        body: compile_body(public),
    }
}

/// The message when it has no placeholders (escaped braces resolved).
fn fixed_message(template: &str) -> Option<String> {
    let mut out = String::new();
    for piece in template::pieces(template).ok()? {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Param(_) => return None,
        }
    }
    Some(out)
}

fn compile_header(spec: &ErrorSpec) -> CompiledForm {
    let mut out = Splitter::new();
    let mut any = false;
    for (i, challenge) in spec.challenges().enumerate() {
        let Some(values) = challenge_values(&challenge) else {
            return CompiledForm::Runtime;
        };
        if i > 0 {
            out.push(header::SEPARATOR);
        }
        any = true;
        header::write(
            &mut out,
            challenge.scheme(),
            None,
            values.iter().map(|(name, literal, param)| {
                let value = match (literal, param) {
                    (Some(text), _) => Value::Text(text),
                    (None, Some(param)) => Value::Hole(param, name),
                    (None, None) => Value::Text(""),
                };
                (*name, value)
            }),
        );
    }
    if !any {
        return CompiledForm::Absent;
    }
    out.finish()
}

/// One attribute of a challenge before param values are known: its name, its literal
/// text or the param that fills it.
type AttrForm = (&'static str, Option<String>, Option<&'static str>);

/// The attributes of one challenge, each a literal or a hole; `None` when the challenge
/// must be rendered at run time.
fn challenge_values(challenge: &ChallengeSpec) -> Option<Vec<AttrForm>> {
    let scheme = challenge.scheme();
    // A challenge that breaks a rule about the whole is rendered (and reported) at run time.
    challenge::check_complete(scheme, challenge.params().iter().map(|&(n, _)| n)).ok()?;
    let mut values = Vec::with_capacity(challenge.params().len());
    for &(name, template) in challenge.params() {
        let pieces = template::pieces(template).ok()?;
        match pieces.as_slice() {
            // A hole meets its attribute's rule; one the scheme adds (the charset of
            // Basic) is checked at run time.
            [Piece::Param(_)] if challenge::rules::has_scheme_param_rule(scheme, name) => {
                return None;
            }
            [Piece::Param(param)] => values.push((name, None, Some(*param))),
            _ if pieces.iter().all(|p| matches!(p, Piece::Text(_))) => {
                let literal = template::render(template, |_| None::<&str>).into_owned();
                // A literal that breaks its rule is rendered (and reported) at run time.
                challenge::check_value_for(scheme, name, &literal).ok()?;
                values.push((name, Some(literal), None));
            }
            // Text and placeholders in one value: rendered at run time.
            _ => return None,
        }
    }
    Some(values)
}

fn compile_body(spec: &ErrorSpec) -> CompiledForm {
    if spec.expose() && template::pieces(spec.message()).is_err() {
        return CompiledForm::Runtime;
    }
    let mut out = Splitter::new();
    body::write(&mut out, spec, &Message::Holes(spec.message()));
    out.finish()
}

impl CompiledForm {
    /// The form with its text leaked to `'static`: for specs made at run time from a
    /// catalog, which live as long as the program.
    fn leak(self) -> Form {
        match self {
            CompiledForm::Absent => Form::Absent,
            CompiledForm::Fixed(text) => Form::Fixed(leak_str(text)),
            CompiledForm::Split { text, holes } => {
                let text: Vec<&'static str> = text.into_iter().map(leak_str).collect();
                let holes: Vec<Hole> = holes.into_iter().map(|(p, a)| Hole::new(p, a)).collect();
                Form::Split(Split::new(text.leak(), holes.leak()))
            }
            CompiledForm::Runtime => Form::Runtime,
        }
    }
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl CompiledText {
    /// The compiled forms with their text leaked to `'static`.
    pub fn leak(self) -> Compiled {
        Compiled::new(
            self.message.map(leak_str),
            self.header.leak(),
            self.body.leak(),
        )
    }
}

/// A spec made at run time from validated parts, compiled, its text leaked.
#[cfg(feature = "catalog")]
pub(crate) fn spec(parts: SpecParts) -> ErrorSpec {
    ErrorSpec::from_parts(parts, compile(&parts).leak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::Rule;
    use crate::spec::ChallengeSpec;
    use std::borrow::Cow;

    fn parts(challenge: ChallengeSpec) -> SpecParts {
        SpecParts {
            challenge: Some(challenge),
            ..SpecParts::new("SIGN_IN", 401, "Sign in")
        }
    }

    /// The header of `challenge` with every param `value`: compiled, then rendered.
    fn header(challenge: ChallengeSpec, value: &str) -> (CompiledForm, Result<String, Rule>) {
        let parts = parts(challenge);
        let spec = ErrorSpec::from_parts(parts, Compiled::RUNTIME);
        let runtime = header::from_spec(&spec, &|_| Some(Cow::Borrowed(value)), false)
            .map(|v| v.map(|(v, _)| v).unwrap_or_default())
            .map_err(|e| e.rule());
        (compile(&parts).header, runtime)
    }

    #[test]
    fn scheme_rules_leave_the_header_to_run_time() {
        // Rules about the whole: nothing to compile, the run time reports them.
        const BARE: ChallengeSpec = ChallengeSpec::new("Bearer", &[]);
        assert_eq!(
            header(BARE, ""),
            (CompiledForm::Runtime, Err(Rule::BearerAuthParam))
        );
        const NO_REALM: ChallengeSpec = ChallengeSpec::new("Basic", &[("charset", "UTF-8")]);
        assert_eq!(
            header(NO_REALM, ""),
            (CompiledForm::Runtime, Err(Rule::BasicRealm))
        );
        // A hole whose rule is the scheme's (the charset of Basic) is filled at run time.
        const CHARSET: ChallengeSpec =
            ChallengeSpec::new("Basic", &[("realm", "staff"), ("charset", "{cs}")]);
        assert_eq!(
            header(CHARSET, "latin1"),
            (CompiledForm::Runtime, Err(Rule::BasicCharset))
        );
        assert_eq!(
            header(CHARSET, "utf-8").1,
            Ok(r#"Basic realm="staff", charset="utf-8""#.to_owned())
        );
        // max_age is the attribute's own rule: a hole like any other.
        const STEP_UP: ChallengeSpec =
            ChallengeSpec::new("Bearer", &[("realm", "api"), ("max_age", "{max_age}")]);
        let (compiled, runtime) = header(STEP_UP, "-1");
        assert!(
            matches!(compiled, CompiledForm::Split { .. }),
            "{compiled:?}"
        );
        assert_eq!(runtime, Err(Rule::MaxAge));
    }
}
