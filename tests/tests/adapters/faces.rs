//! Issue 17 over real TCP on 127.0.0.1, with a real HTTP client, on axum and on
//! actix-web: the DPoP entries (two challenges in one value, `DPoP-Nonce`), a concealed
//! 403 against a real 404, byte for byte, and `Retry-After` values.
//!
//! Expected values are written from RFC 9449 §7.1, §7.2, §8 and RFC 9110 §10.2.3,
//! §5.6.7, §11.6.1; every challenge is parsed by `http-auth` as well as by this
//! project's parser, and `Retry-After` is checked by a grammar written here from RFC
//! 9110's text, not by the library's own check.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::OnceLock;
use std::time::Duration;

use actix_web::HttpResponse;
use auth_errors::HttpDate;
use auth_errors::oauth::OAuthError;
use reqwest::blocking::Client;

/// The formats of issue 17: `challenges`, `conceal_as`, `seconds` and `http_date`.
#[auth_errors::catalog("fixtures/valid/dpop-conceal-retry.yaml")]
#[derive(Debug)]
pub enum Api {}

/// The nonce of RFC 9449 §8's example.
const NONCE: &str = "eyJ7S_zG.eyJH0-Z.HX4w-7v";
/// RFC 9110 §5.6.7's example date, 784111777 seconds after 1970.
const DATE: &str = "Sun, 06 Nov 1994 08:49:37 GMT";

/// Each route and the error it answers with.
fn error_for(path: &str) -> Option<Box<dyn Fn() -> Answer + Send + Sync>> {
    Some(match path {
        "/dpop/invalid" => Box::new(|| {
            Answer::OAuth(OAuthError::DpopProofInvalid {
                algs: "ES256 PS256".into(),
            })
        }),
        "/dpop/nonce" => Box::new(|| {
            Answer::OAuth(OAuthError::DpopNonceRequired {
                nonce: NONCE.into(),
            })
        }),
        "/dpop/both" => Box::new(|| {
            Answer::OAuth(OAuthError::BearerOrDpopRequired {
                algs: "ES256 PS256".into(),
            })
        }),
        "/repos/private" => Box::new(|| {
            Answer::Api(Api::RepoForbidden {
                repo: "acme/secret".into(),
            })
        }),
        "/repos/missing" => Box::new(|| Answer::Api(Api::NotFound)),
        "/limited" => Box::new(|| Answer::Api(Api::RateLimited { wait: 120 })),
        "/maintenance" => Box::new(|| {
            Answer::Api(Api::Maintenance {
                until: HttpDate::from_unix_seconds(784_111_777).unwrap(),
            })
        }),
        "/slow" => Box::new(|| Answer::Api(Api::SlowDownFixed)),
        _ => return None,
    })
}

const PATHS: [&str; 8] = [
    "/dpop/invalid",
    "/dpop/nonce",
    "/dpop/both",
    "/repos/private",
    "/repos/missing",
    "/limited",
    "/maintenance",
    "/slow",
];

enum Answer {
    OAuth(OAuthError),
    Api(Api),
}

impl axum::response::IntoResponse for Answer {
    fn into_response(self) -> axum::response::Response {
        match self {
            Answer::OAuth(e) => e.into_response(),
            Answer::Api(e) => e.into_response(),
        }
    }
}

impl Answer {
    fn actix(&self) -> HttpResponse {
        use actix_web::ResponseError;
        match self {
            Answer::OAuth(e) => e.error_response(),
            Answer::Api(e) => e.error_response(),
        }
    }
}

struct Servers {
    axum: String,
    actix: String,
}

fn servers() -> &'static Servers {
    static SERVERS: OnceLock<Servers> = OnceLock::new();
    SERVERS.get_or_init(|| {
        let axum = super::serve_tokio(|listener| async move {
            let mut router = axum::Router::new();
            for path in PATHS {
                router = router.route(
                    path,
                    axum::routing::get(move || async move { error_for(path).unwrap()() }),
                );
            }
            axum::serve(listener, router).await.unwrap();
        });
        let actix = super::serve_actix(|listener| async move {
            actix_web::HttpServer::new(|| {
                let mut app = actix_web::App::new();
                for path in PATHS {
                    app = app.route(
                        path,
                        actix_web::web::get()
                            .to(move || async move { error_for(path).unwrap()().actix() }),
                    );
                }
                app
            })
            .workers(1)
            .listen(listener)?
            .run()
            .await
        });
        Servers { axum, actix }
    })
}

/// A response as received: status, every header (name lower-cased, in order) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Received {
    status: u16,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

impl Received {
    fn all(&self, name: &str) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| String::from_utf8(v.clone()).unwrap())
            .collect()
    }

    fn one(&self, name: &str) -> String {
        let all = self.all(name);
        assert_eq!(all.len(), 1, "{name}: {all:?}");
        all[0].clone()
    }

    /// Every header but `date`, which tells the time, not the error.
    fn without_date(&self) -> Vec<(String, Vec<u8>)> {
        let mut h: Vec<(String, Vec<u8>)> = self
            .headers
            .iter()
            .filter(|(n, _)| n != "date")
            .cloned()
            .collect();
        h.sort();
        h
    }
}

fn get(base: &str, path: &str) -> Received {
    let client = Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = client.get(format!("{base}{path}")).send().expect("request");
    Received {
        status: response.status().as_u16(),
        headers: response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()))
            .collect(),
        body: response.bytes().unwrap().to_vec(),
    }
}

/// Both servers' answers to `path`.
fn both(path: &str) -> [(&'static str, Received); 2] {
    let s = servers();
    [
        ("axum", get(&s.axum, path)),
        ("actix-web", get(&s.actix, path)),
    ]
}

/// A challenge parsed by `http-auth` and by this project's parser: scheme and params
/// (names lower-cased, values unescaped), which must agree.
fn parse_both(value: &str) -> Vec<(String, Vec<(String, String)>)> {
    let theirs: Vec<(String, Vec<(String, String)>)> = http_auth::parse_challenges(value)
        .expect("http-auth parses the value")
        .iter()
        .map(|c| {
            (
                c.scheme.to_ascii_lowercase(),
                c.params
                    .iter()
                    .map(|(n, v)| (n.to_ascii_lowercase(), v.to_unescaped()))
                    .collect(),
            )
        })
        .collect();
    let ours: Vec<(String, Vec<(String, String)>)> = auth_errors::challenge::parse(value)
        .unwrap()
        .iter()
        .map(|c| {
            (
                c.scheme().to_ascii_lowercase(),
                c.params()
                    .map(|(n, v)| (n.to_ascii_lowercase(), v.to_owned()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(theirs, ours, "{value}");
    ours
}

fn params(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn dpop_proof_invalid_is_a_dpop_challenge_with_algs() {
    for (framework, r) in both("/dpop/invalid") {
        assert_eq!(r.status, 401, "{framework}");
        let challenges = parse_both(&r.one("www-authenticate"));
        // RFC 9449 §7.1.
        assert_eq!(
            challenges,
            [(
                "dpop".to_owned(),
                params(&[
                    ("realm", "api"),
                    ("error", "invalid_dpop_proof"),
                    (
                        "error_description",
                        "The DPoP proof is missing, malformed or invalid"
                    ),
                    ("algs", "ES256 PS256"),
                ])
            )],
            "{framework}"
        );
    }
}

#[test]
fn dpop_nonce_required_sends_the_nonce() {
    for (framework, r) in both("/dpop/nonce") {
        assert_eq!(r.status, 401, "{framework}");
        let challenges = parse_both(&r.one("www-authenticate"));
        // RFC 9449 §8.
        assert_eq!(challenges.len(), 1, "{framework}");
        assert_eq!(challenges[0].0, "dpop");
        assert!(
            challenges[0]
                .1
                .contains(&("error".to_owned(), "use_dpop_nonce".to_owned()))
        );
        assert_eq!(r.one("dpop-nonce"), NONCE, "{framework}");
        // RFC 9449 §8.1: nonce = 1*NQCHAR.
        assert!(
            NONCE
                .bytes()
                .all(|b| matches!(b, 0x21 | 0x23..=0x5B | 0x5D..=0x7E))
        );
    }
}

#[test]
fn a_resource_accepting_both_schemes_sends_two_challenges_in_one_value() {
    for (framework, r) in both("/dpop/both") {
        assert_eq!(r.status, 401, "{framework}");
        // One field value (RFC 9110 §11.6.1), two challenges (RFC 9449 §7.2).
        let value = r.one("www-authenticate");
        assert_eq!(
            parse_both(&value),
            [
                ("bearer".to_owned(), params(&[("realm", "api")])),
                (
                    "dpop".to_owned(),
                    params(&[("realm", "api"), ("algs", "ES256 PS256")])
                ),
            ],
            "{framework}: {value}"
        );
    }
}

#[test]
fn a_concealed_403_is_a_real_404_byte_for_byte() {
    for ((framework, concealed), (_, real)) in both("/repos/private")
        .into_iter()
        .zip(both("/repos/missing"))
    {
        assert_eq!(concealed.status, 404, "{framework}");
        assert_eq!(concealed.status, real.status, "{framework}");
        assert_eq!(concealed.without_date(), real.without_date(), "{framework}");
        assert_eq!(concealed.body, real.body, "{framework}");
        assert_eq!(
            concealed.body, br#"{"code":"NOT_FOUND","message":"Not found"}"#,
            "{framework}"
        );
        assert!(concealed.all("www-authenticate").is_empty());
    }
}

/// `Retry-After = HTTP-date / delay-seconds` (RFC 9110 §10.2.3), where a sender writes
/// `HTTP-date` as an IMF-fixdate (§5.6.7):
///
/// ```text
/// delay-seconds = 1*DIGIT
/// IMF-fixdate  = day-name "," SP date1 SP time-of-day SP GMT
/// day-name     = %s"Mon" / %s"Tue" / %s"Wed" / %s"Thu" / %s"Fri" / %s"Sat" / %s"Sun"
/// date1        = day SP month SP year      ; e.g., 02 Jun 1982
/// day          = 2DIGIT
/// month        = %s"Jan" / %s"Feb" / %s"Mar" / %s"Apr" / %s"May" / %s"Jun"
///              / %s"Jul" / %s"Aug" / %s"Sep" / %s"Oct" / %s"Nov" / %s"Dec"
/// year         = 4DIGIT
/// GMT          = %s"GMT"
/// time-of-day  = hour ":" minute ":" second  ; 00:00:00 - 23:59:60 (leap second)
/// hour = 2DIGIT, minute = 2DIGIT, second = 2DIGIT
/// ```
fn is_retry_after(value: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let Some((day_name, rest)) = value.split_once(", ") else {
        return false;
    };
    let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = rest.split(' ').collect();
    let [day, month, year, time, gmt] = parts.as_slice() else {
        return false;
    };
    let time: Vec<&str> = time.split(':').collect();
    names.contains(&day_name)
        && digits(day, 2)
        && months.contains(month)
        && digits(year, 4)
        && *gmt == "GMT"
        && time.len() == 3
        && time.iter().all(|t| digits(t, 2))
        && time[0] <= "23"
        && time[1] <= "59"
        && time[2] <= "60"
}

#[test]
fn the_grammar_check_follows_rfc_9110() {
    for good in ["0", "120", DATE, "Sat, 01 Jan 2000 23:59:60 GMT"] {
        assert!(is_retry_after(good), "{good}");
    }
    for bad in [
        "",
        "-5",
        "1.5",
        "120 ",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:49:37 GMT",
    ] {
        assert!(!is_retry_after(bad), "{bad}");
    }
}

#[test]
fn retry_after_values_meet_rfc_9110() {
    for (path, status, want) in [
        ("/limited", 429, "120"),
        ("/maintenance", 503, DATE),
        ("/slow", 429, "120"),
    ] {
        for (framework, r) in both(path) {
            assert_eq!(r.status, status, "{framework} {path}");
            let value = r.one("retry-after");
            assert!(is_retry_after(&value), "{framework} {path}: {value:?}");
            assert_eq!(value, want, "{framework} {path}");
        }
    }
}
