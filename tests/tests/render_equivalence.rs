//! The one-pass renderers of the response path (`ChallengeSpec::header_value`,
//! `ErrorSpec::render_body_with`) against the renderers they replace there
//! (`ChallengeSpec::build` + `to_header_value`, `template::render` + `render_body`):
//! the same text and the same first error for any parameter value.

use auth_errors::error::{ChallengeSpec, ErrorSpec};
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

#[test]
fn header_value_is_sized_exactly() {
    let lookup = lookup("orders:write", "x");
    for spec in CHALLENGES.iter().take(5) {
        if let Ok(v) = spec.header_value(lookup) {
            assert_eq!(v.len(), v.capacity(), "{v}");
        }
    }
}
