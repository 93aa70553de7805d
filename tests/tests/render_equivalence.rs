//! The one-pass renderers of the response path (`ChallengeSpec::header_value`,
//! `ErrorSpec::render_body_with`, and the split templates generated code renders with
//! `render_split_header` / `render_split_body`) against the renderers they replace there
//! (`ChallengeSpec::build` + `to_header_value`, `template::render` + `render_body`):
//! the same text and the same first error for any parameter value.

#![allow(clippy::unwrap_used)]

use auth_errors::error::{self, ChallengeSpec, ErrorSpec};
use auth_errors::oauth::OAuthError;
use auth_errors::{BodyFormat, template};
use proptest::prelude::*;

static CHALLENGES: &[ChallengeSpec] = &[
    ChallengeSpec {
        scheme: "Bearer",
        params: &[],
    },
    ChallengeSpec {
        scheme: "Bearer",
        params: &[("realm", "api"), ("error", "invalid_token")],
    },
    ChallengeSpec {
        scheme: "Bearer",
        params: &[("realm", "{a}"), ("scope", "{b}"), ("error", "{a}_{b}")],
    },
    ChallengeSpec {
        scheme: "Bearer",
        params: &[("error_description", "Needs {a} and {b} ({{literal}})")],
    },
    ChallengeSpec {
        scheme: "Bearer",
        params: &[("error_uri", "https://example.com/{a}"), ("x", "{unknown}")],
    },
    ChallengeSpec {
        scheme: "Newauth",
        params: &[("realm", "{a}"), ("REALM", "again")],
    },
    ChallengeSpec {
        scheme: "Bad scheme",
        params: &[("realm", "{a}")],
    },
    ChallengeSpec {
        scheme: "DPoP",
        params: &[("bad name", "{a}")],
    },
    ChallengeSpec {
        scheme: "Bearer",
        params: &[
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
    },
    ChallengeSpec {
        scheme: "Bearer",
        params: &[("x", "{a}{b}{a}{b}{a}{b}{a}{b}{a}{b}")],
    },
];

fn specs() -> Vec<ErrorSpec> {
    let base = ErrorSpec {
        code: "SOME_CODE",
        status: 403,
        message: "Needs {a} then {b}",
        ..ErrorSpec::EMPTY
    };
    let mut specs = vec![
        base,
        ErrorSpec {
            message: "{a}",
            ..base
        },
        ErrorSpec {
            message: "no params {{at all}}",
            ..base
        },
        ErrorSpec {
            message: "bad {",
            ..base
        },
        ErrorSpec {
            message: "{unknown} and {a}",
            ..base
        },
        ErrorSpec {
            expose: false,
            ..base
        },
        ErrorSpec {
            body: BodyFormat::Problem,
            type_uri: Some("https://example.com/errors/SOME_CODE"),
            title: Some("Some \"title\""),
            ..base
        },
        ErrorSpec {
            body: BodyFormat::Problem,
            status: 599,
            message: "{b}{a}{b}{a}{b}{a}{b}{a}{b}{a}",
            ..base
        },
    ];
    specs.extend(OAuthError::SPECS.iter().copied());
    specs
}

fn lookup<'v>(a: &'v str, b: &'v str) -> impl Fn(&str) -> Option<&'v str> + Copy {
    move |name| match name {
        "a" | "scope" | "acr_values" | "max_age" => Some(a),
        "b" => Some(b),
        _ => None,
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn header_value_is_build_then_format(a in value(), b in value()) {
        let lookup = lookup(&a, &b);
        for spec in CHALLENGES.iter().chain(specs().iter().filter_map(|s| s.challenge.as_ref())) {
            let old = spec.build(lookup).map(|c| c.to_header_value());
            prop_assert_eq!(spec.header_value(lookup), old, "{:?}", spec);
        }
    }

    #[test]
    fn split_header_is_header_value(a in value(), b in value()) {
        let lookup = lookup(&a, &b);
        for spec in CHALLENGES.iter().chain(specs().iter().filter_map(|s| s.challenge.as_ref())) {
            if let Some((text, attrs)) = spec.split() {
                let text: Vec<&'static str> = text.into_iter().map(leak).collect();
                let values: Vec<String> = attrs
                    .iter()
                    .map(|&(_, p)| lookup(p).map_or_else(|| format!("{{{p}}}"), str::to_owned))
                    .collect();
                let values: Vec<error::SplitValue<'_>> = attrs
                    .iter()
                    .zip(&values)
                    .map(|(&(attr, _), value)| error::SplitValue { attr, value, checked: false })
                    .collect();
                let split = error::render_split_header(&text, &values);
                prop_assert_eq!(split, spec.header_value(lookup), "{:?}", spec);
            }
        }
    }

    #[test]
    fn split_body_is_render_body_with(a in value(), b in value()) {
        let lookup = lookup(&a, &b);
        for spec in specs() {
            if let Some((text, params)) = spec.split_body() {
                let text: Vec<&'static str> = text.into_iter().map(leak).collect();
                let values: Vec<String> = params
                    .iter()
                    .map(|&p| lookup(p).map_or_else(|| format!("{{{p}}}"), str::to_owned))
                    .collect();
                let values: Vec<(&str, bool)> = values.iter().map(|v| (v.as_str(), false)).collect();
                let split = error::render_split_body(&text, &values);
                prop_assert_eq!(&split, &spec.render_body_with(lookup), "{:?}", spec);
                prop_assert_eq!(split.len(), split.capacity());
            }
        }
    }

    #[test]
    fn render_body_with_is_render_then_body(a in value(), b in value()) {
        let lookup = lookup(&a, &b);
        for spec in specs() {
            let old = spec.render_body(&template::render(spec.message, lookup));
            let new = spec.render_body_with(lookup);
            prop_assert_eq!(&new, &old, "{:?}", spec);
            if matches!(spec.body, BodyFormat::Json) {
                prop_assert_eq!(new.len(), new.capacity(), "the JSON body is sized exactly");
            }
        }
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Which specs split, so the split renderers are exercised on the cases that matter.
#[test]
fn the_standard_dynamic_entries_split() {
    let scope = OAuthError::SPECS
        .iter()
        .find(|s| s.code == "INSUFFICIENT_SCOPE")
        .unwrap();
    assert!(scope.challenge.unwrap().split().is_some());
    assert!(scope.split_body().is_some());
    assert!(CHALLENGES[1].split().is_some(), "literal only");
    assert!(CHALLENGES[2].split().is_none(), "a mixed value");
    assert!(CHALLENGES[5].split().is_none(), "a repeated name");
    assert!(CHALLENGES[6].split().is_none(), "a bad scheme");
    assert!(specs()[6].split_body().is_some(), "a problem body");
    assert!(specs()[5].split_body().is_none(), "expose: false");
    assert!(specs()[3].split_body().is_none(), "a malformed message");
}

proptest! {
    /// A checked value (a generated `Scope` in the `scope` attribute) skips the check and
    /// the escapes: the same text as unchecked for every valid scope.
    #[test]
    fn checked_scopes_render_as_unchecked(scope in "[!#-\\[\\]-~]{1,8}( [!#-\\[\\]-~]{1,8}){0,3}") {
        let spec = OAuthError::SPECS.iter().find(|s| s.code == "INSUFFICIENT_SCOPE").unwrap();
        let (text, attrs) = spec.challenge.unwrap().split().unwrap();
        let text: Vec<&'static str> = text.into_iter().map(leak).collect();
        let value = |checked| attrs
            .iter()
            .map(|&(attr, _)| error::SplitValue { attr, value: &scope, checked })
            .collect::<Vec<_>>();
        prop_assert_eq!(
            error::render_split_header(&text, &value(true)),
            error::render_split_header(&text, &value(false))
        );
        let (body, _) = spec.split_body().unwrap();
        let body: Vec<&'static str> = body.into_iter().map(leak).collect();
        prop_assert_eq!(
            error::render_split_body(&body, &[(&scope, true)]),
            error::render_split_body(&body, &[(&scope, false)])
        );
    }
}

#[test]
fn header_value_is_sized_exactly() {
    let lookup = lookup("orders:write", "x");
    for spec in CHALLENGES.iter().take(5) {
        if let Ok(v) = spec.header_value(lookup) {
            assert_eq!(v.len(), v.capacity(), "{v}");
        }
    }
}
