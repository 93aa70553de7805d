//! The compiled forms of the response path (what generated code answers with: the fixed
//! text, or literal text split around param values) against rendering the same spec at
//! run time, and against the `Challenge` builder and an independent JSON parser: the same
//! text and the same first error for any parameter value.

#![allow(clippy::unwrap_used)]

use std::borrow::Cow;

use auth_errors::__private::{self, CompiledForm, SpecParts};
use auth_errors::oauth::OAuthError;
use auth_errors::{AuthError, BodyFormat, ChallengeError, ChallengeSpec, ErrorSpec, template};
use proptest::prelude::*;

static CHALLENGES: &[ChallengeSpec] = &[
    ChallengeSpec::new("Bearer", &[("realm", "api"), ("error", "invalid_token")]),
    ChallengeSpec::new(
        "Bearer",
        &[("realm", "{a}"), ("scope", "{b}"), ("error", "{a}_{b}")],
    ),
    ChallengeSpec::new(
        "Bearer",
        &[("error_description", "Needs {a} and {b} ({{literal}})")],
    ),
    ChallengeSpec::new(
        "Bearer",
        &[("error_uri", "https://example.com/{a}"), ("x", "{unknown}")],
    ),
    ChallengeSpec::new("Newauth", &[("realm", "{a}"), ("scope", "{b}")]),
    ChallengeSpec::new(
        "Bearer",
        &[
            ("p1", "{a}"),
            ("p2", "{b}"),
            ("p3", "3"),
            ("p4", "4"),
            ("p5", "5"),
            ("p6", "6"),
            ("p7", "7"),
            ("p8", "8"),
            ("p9", "{a}{b}"),
        ],
    ),
    ChallengeSpec::new("Bearer", &[("x", "{a}{b}{a}{b}{a}{b}{a}{b}{a}{b}")]),
    ChallengeSpec::new(
        "DPoP",
        &[
            ("a1", "{a}"),
            ("a2", "{b}"),
            ("a3", "{a}"),
            ("a4", "{b}"),
            ("a5", "{a}"),
        ],
    ),
];

/// Entry shapes: the messages and bodies the renderers must agree on.
fn entries() -> Vec<ErrorSpec> {
    let base = ErrorSpec::new("SOME_CODE", 403, "Needs {a} then {b}");
    let mut specs = vec![
        base,
        ErrorSpec::new("SOME_CODE", 403, "{a}"),
        ErrorSpec::new("SOME_CODE", 403, "no params {{at all}}"),
        ErrorSpec::new("SOME_CODE", 403, "bad {"),
        ErrorSpec::new("SOME_CODE", 403, "{unknown} and {a}"),
        ErrorSpec::new("SOME_CODE", 503, "Needs {a} then {b}").with_expose(false),
        base.with_body_format(BodyFormat::Problem)
            .with_type_uri("https://example.com/errors/SOME_CODE")
            .with_title("Some \"title\""),
        ErrorSpec::new("SOME_CODE", 599, "{b}{a}{b}{a}{b}{a}{b}{a}{b}{a}")
            .with_body_format(BodyFormat::Problem),
    ];
    specs.extend(CHALLENGES.iter().map(|&c| base.with_challenge(c)));
    specs.extend(OAuthError::SPECS.iter().copied());
    specs
}

/// The parts of a spec, as generated code states them.
fn parts(spec: &ErrorSpec) -> SpecParts {
    SpecParts {
        code: spec.code(),
        status: spec.status(),
        title: spec.title(),
        message: spec.message(),
        docs: spec.docs(),
        deprecated: spec.deprecated(),
        since: spec.since(),
        client: spec.client(),
        expose: spec.expose(),
        body: spec.body_format(),
        type_uri: spec.type_uri(),
        grpc: spec.grpc(),
        challenge: spec.challenge(),
        more_challenges: auth_errors::__private::parts(spec).more_challenges,
        conceal_as: spec.concealed_as(),
        params: spec.params(),
        headers: spec.headers(),
    }
}

/// The spec as a macro emits it: its message, header and body compiled.
fn compiled(spec: &ErrorSpec) -> &'static ErrorSpec {
    let parts = parts(spec);
    Box::leak(Box::new(__private::spec(
        parts,
        __private::compile(&parts).leak(),
    )))
}

/// The spec as a hand-written one renders: everything at run time.
fn runtime(spec: &ErrorSpec) -> &'static ErrorSpec {
    let mut s = ErrorSpec::new(spec.code(), spec.status(), spec.message())
        .with_body_format(spec.body_format())
        .with_expose(spec.expose());
    let challenges: Vec<ChallengeSpec> = spec.challenges().collect();
    if !challenges.is_empty() {
        s = s.with_challenges(challenges.leak());
    }
    if let Some(t) = spec.title() {
        s = s.with_title(t);
    }
    if let Some(t) = spec.type_uri() {
        s = s.with_type_uri(t);
    }
    Box::leak(Box::new(s))
}

#[derive(Debug)]
struct Sample {
    spec: &'static ErrorSpec,
    a: String,
    b: String,
}

impl std::fmt::Display for Sample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Sample {}

impl AuthError for Sample {
    fn spec(&self) -> &'static ErrorSpec {
        self.spec
    }

    fn param(&self, name: &str) -> Option<Cow<'_, str>> {
        match name {
            "a" | "scope" | "acr_values" | "max_age" | "algs" | "nonce" => {
                Some(Cow::Borrowed(&self.a))
            }
            "b" => Some(Cow::Borrowed(&self.b)),
            _ => None,
        }
    }
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z:_]{1,12}",
        "[ -~]{0,16}",
        any::<String>(),
        Just(String::new()),
        Just("orders:read orders:write".to_owned()),
        Just("say \"hi\" \\ there".to_owned()),
        Just("line\nbreak\t\u{7}".to_owned()),
    ]
}

fn header(err: &Sample) -> Result<Option<String>, ChallengeError> {
    err.challenge_value().map(|v| v.map(Cow::into_owned))
}

/// Failing cases are saved in `render_equivalence.proptest-regressions` next to this file
/// (proptest's default would be a `proptest-regressions/` folder beside the suite's
/// `main.rs`).
fn beside_this_file() -> Box<dyn proptest::test_runner::FailurePersistence> {
    Box::new(proptest::test_runner::FileFailurePersistence::WithSource(
        "proptest-regressions",
    ))
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(beside_this_file()),
        ..ProptestConfig::with_cases(512)
    })]

    #[test]
    fn compiled_header_is_runtime_header_is_builder(a in value(), b in value()) {
        for spec in entries() {
            let sample = |spec| Sample { spec, a: a.clone(), b: b.clone() };
            let (compiled, runtime) = (sample(compiled(&spec)), sample(runtime(&spec)));
            // Several challenges are one comma-separated value (RFC 9110 §11.6.1).
            let builder = runtime.challenges().and_then(|list| {
                let values = list
                    .iter()
                    .map(|c| c.to_header_value())
                    .collect::<Result<Vec<_>, _>>()?;
                Ok((!values.is_empty()).then(|| values.join(", ")))
            });
            prop_assert_eq!(header(&compiled), header(&runtime), "{:?}", spec);
            prop_assert_eq!(header(&runtime), builder, "{:?}", spec);
        }
    }

    #[test]
    fn compiled_body_is_runtime_body_and_parses(a in value(), b in value()) {
        for spec in entries() {
            let sample = |spec| Sample { spec, a: a.clone(), b: b.clone() };
            let (compiled, runtime) = (sample(compiled(&spec)), sample(runtime(&spec)));
            prop_assert_eq!(compiled.body(), runtime.body(), "{:?}", spec);
            let body: serde_json::Value = serde_json::from_str(&compiled.body()).unwrap();
            prop_assert_eq!(&body["code"], spec.code());
            let message = if spec.expose() {
                template::render(spec.message(), |n| compiled.param(n)).into_owned()
            } else {
                auth_errors::spec::GENERIC_MESSAGE.to_owned()
            };
            let member = if spec.body_format() == BodyFormat::Problem { "detail" } else { "message" };
            prop_assert_eq!(&body[member], &message, "{:?}", spec);
            prop_assert_eq!(compiled.message(), runtime.message());
        }
    }

    #[test]
    fn filled_splits_are_sized_exactly(a in value(), b in value()) {
        for spec in entries() {
            let err = Sample { spec: compiled(&spec), a: a.clone(), b: b.clone() };
            if let Cow::Owned(body) = err.body() {
                prop_assert_eq!(body.len(), body.capacity(), "{:?}", spec);
            }
            if let Ok(Some(Cow::Owned(v))) = err.challenge_value() {
                prop_assert_eq!(v.len(), v.capacity(), "{:?}", spec);
            }
        }
    }
}

/// Which entries compile to which form, so the split paths are the ones exercised.
#[test]
fn the_standard_dynamic_entries_split() {
    let forms = |spec: &ErrorSpec| {
        let compiled = __private::compile(&parts(spec));
        (compiled.header, compiled.body)
    };
    let scope = OAuthError::SPECS
        .iter()
        .find(|s| s.code() == "INSUFFICIENT_SCOPE")
        .unwrap();
    let (header, body) = forms(scope);
    assert!(matches!(header, CompiledForm::Split { .. }), "{header:?}");
    assert!(matches!(body, CompiledForm::Split { .. }), "{body:?}");
    let expired = OAuthError::SPECS
        .iter()
        .find(|s| s.code() == "TOKEN_EXPIRED")
        .unwrap();
    assert!(matches!(
        forms(expired),
        (CompiledForm::Fixed(_), CompiledForm::Fixed(_))
    ));
    let e = entries();
    assert!(
        matches!(forms(&e[9]).0, CompiledForm::Runtime),
        "a mixed value"
    );
    assert!(
        matches!(forms(&e[15]).0, CompiledForm::Runtime),
        "more than four holes"
    );
    assert!(
        matches!(forms(&e[6]).1, CompiledForm::Split { .. }),
        "a problem body"
    );
    assert!(
        matches!(forms(&e[5]).1, CompiledForm::Fixed(_)),
        "expose: false"
    );
    assert!(
        matches!(forms(&e[3]).1, CompiledForm::Runtime),
        "a malformed message"
    );
    assert!(
        matches!(forms(&e[7]).1, CompiledForm::Runtime),
        "ten placeholders"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(beside_this_file()),
        ..ProptestConfig::default()
    })]

    /// A generated `Scope` field fills a trusted hole (no check, no escape): the same text as
    /// the spec rendered at run time with the value checked and escaped, for every valid scope.
    #[test]
    fn trusted_scopes_render_as_checked(scope in "[!#-\\[\\]-~]{1,8}( [!#-\\[\\]-~]{1,8}){0,3}") {
        let generated = OAuthError::InsufficientScope { scope: auth_errors::Scope::new(scope.clone()).unwrap() };
        let spec = OAuthError::SPECS.iter().find(|s| s.code() == "INSUFFICIENT_SCOPE").unwrap();
        let checked = Sample { spec: runtime(spec), a: scope, b: String::new() };
        prop_assert_eq!(
            generated.challenge_value().map(|v| v.map(Cow::into_owned)),
            header(&checked)
        );
        prop_assert_eq!(generated.body(), checked.body());
    }
}
