//! Issue 15 end to end: both demo servers on 127.0.0.1, asked through a real HTTP client
//! with assorted `Accept-Language` values, answer in the negotiated language: the body,
//! `Content-Language` and `Vary`; the challenge is byte-identical to the default
//! locale's; axum and actix-web agree byte for byte. Two requests in different languages
//! on one worker thread never swap them.
#![cfg(feature = "locale")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::time::Duration;

use reqwest::blocking::Client;

/// The parts of an answer the issue names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Answer {
    status: u16,
    content_language: Option<String>,
    vary: Vec<String>,
    challenge: Option<String>,
    body: String,
}

fn ask(client: &Client, url: &str, accept_language: Option<&str>) -> Answer {
    let mut request = client.get(url);
    if let Some(value) = accept_language {
        request = request.header("accept-language", value);
    }
    let response = request.send().unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    Answer {
        status: response.status().as_u16(),
        content_language: header("content-language"),
        // As a set of lower-case names: the CORS layers (tower-http's, actix-cors) add
        // theirs in their own spelling and order, which is theirs, not the catalog's.
        vary: {
            let mut names: Vec<String> = response
                .headers()
                .get_all("vary")
                .iter()
                .flat_map(|v| v.to_str().unwrap().split(','))
                .map(|v| v.trim().to_ascii_lowercase())
                .collect();
            names.sort();
            names
        },
        challenge: header("www-authenticate"),
        body: response.text().unwrap(),
    }
}

const EN_MISSING: &str = r#"{"code":"TOKEN_MISSING","message":"Authentication required"}"#;

#[test]
fn both_servers_answer_in_the_negotiated_language() {
    let client = Client::new();
    let [axum, actix] = common::servers(Duration::from_secs(60));
    // The French and Chinese text, read from the demo's locale files rather than copied
    // from a response: what the layer must have chosen.
    let fr =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/fr.yaml")).unwrap();
    let zh =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/zh.yaml")).unwrap();
    let message = |file: &str, code: &str| -> String {
        let value: serde_json::Value = serde_saphyr_json(file);
        value["messages"][code]["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let fr_missing = format!(
        r#"{{"code":"TOKEN_MISSING","message":{}}}"#,
        serde_json::to_string(&message(&fr, "TOKEN_MISSING")).unwrap()
    );
    let zh_missing = format!(
        r#"{{"code":"TOKEN_MISSING","message":{}}}"#,
        serde_json::to_string(&message(&zh, "TOKEN_MISSING")).unwrap()
    );
    assert_ne!(fr_missing, EN_MISSING);

    let cases: &[(Option<&str>, &str, &str)] = &[
        // RFC 9110 §12.5.4: fr-CH falls back to fr (RFC 4647 lookup), de is not offered.
        (Some("fr-CH;q=0.9, de;q=0.8"), "fr", &fr_missing),
        (Some("zh-Hans-CN, en;q=0.5"), "zh", &zh_missing),
        // `*`: any language, so the catalog's own.
        (Some("*"), "en", EN_MISSING),
        // en excluded: the next acceptable one the catalog has.
        (Some("en;q=0, fr;q=0.1"), "fr", &fr_missing),
        // Malformed: ignored, never a 400.
        (Some("fr;q=2, ;;"), "en", EN_MISSING),
        (Some("de"), "en", EN_MISSING),
        (None, "en", EN_MISSING),
    ];
    for base in [&axum, &actix] {
        let url = format!("{base}/orders");
        let default = ask(&client, &url, None);
        for (accept, tag, body) in cases {
            let answer = ask(&client, &url, *accept);
            assert_eq!(answer.status, 401, "{base} {accept:?}");
            assert_eq!(answer.body, *body, "{base} {accept:?}");
            assert_eq!(
                answer.content_language.as_deref(),
                Some(*tag),
                "{base} {accept:?}"
            );
            assert_eq!(
                answer
                    .vary
                    .iter()
                    .filter(|v| *v == "accept-language")
                    .count(),
                1,
                "{base} {accept:?}: {:?}",
                answer.vary
            );
            // The challenge never changes with the language (RFC 6750 keeps it ASCII).
            assert_eq!(answer.challenge, default.challenge, "{base} {accept:?}");
            assert!(answer.challenge.as_deref().unwrap().is_ascii());
        }
    }
    // axum = actix, byte for byte in body and challenge, for each case.
    for (accept, _, _) in cases {
        let a = ask(&client, &format!("{axum}/orders"), *accept);
        let b = ask(&client, &format!("{actix}/orders"), *accept);
        assert_eq!(a, b, "{accept:?}");
    }
}

#[test]
fn a_translation_with_params_fills_them_and_keeps_the_scope_challenge() {
    let client = Client::new();
    let [axum, actix] = common::servers(Duration::from_secs(60));
    for base in [&axum, &actix] {
        // A reader's token creating an order: INSUFFICIENT_SCOPE names `orders:write`.
        let login = client
            .post(format!("{base}/login"))
            .json(&serde_json::json!({"user": "reader"}))
            .send()
            .unwrap();
        assert_eq!(login.status(), 200, "{base}");
        let token = login.json::<serde_json::Value>().unwrap()["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        let ask = |lang: Option<&str>| {
            let mut r = client.post(format!("{base}/orders")).bearer_auth(&token);
            if let Some(lang) = lang {
                r = r.header("accept-language", lang);
            }
            let r = r.send().unwrap();
            let challenge = r.headers()["www-authenticate"].to_str().unwrap().to_owned();
            let language = r.headers()["content-language"].to_str().unwrap().to_owned();
            (r.status().as_u16(), challenge, language, r.text().unwrap())
        };
        let (status, en_challenge, en_lang, en_body) = ask(None);
        assert_eq!((status, en_lang.as_str()), (403, "en"), "{base}");
        let (status, fr_challenge, fr_lang, fr_body) = ask(Some("fr"));
        assert_eq!((status, fr_lang.as_str()), (403, "fr"), "{base}");
        assert_eq!(fr_challenge, en_challenge);
        let en: serde_json::Value = serde_json::from_str(&en_body).unwrap();
        let fr: serde_json::Value = serde_json::from_str(&fr_body).unwrap();
        assert_eq!(en["code"], "INSUFFICIENT_SCOPE");
        assert_eq!(fr["code"], "INSUFFICIENT_SCOPE");
        let scope = en_challenge
            .split("scope=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap();
        assert!(en["message"].as_str().unwrap().contains(scope), "{en_body}");
        let fr_message = fr["message"].as_str().unwrap();
        assert!(fr_message.contains(scope), "{fr_body}");
        assert_ne!(fr_message, en["message"].as_str().unwrap());
    }
}

#[test]
fn concurrent_requests_on_one_worker_thread_keep_their_languages() {
    let client = Client::new();
    let [axum, actix] = common::servers(Duration::from_secs(60));
    for base in [&axum, &actix] {
        let url = format!("{base}/orders");
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..40)
                .map(|i| {
                    let (client, url) = (&client, &url);
                    s.spawn(move || {
                        let lang = ["fr", "zh", "en"][i % 3];
                        (lang, ask(client, url, Some(lang)))
                    })
                })
                .collect();
            for handle in handles {
                let (lang, answer) = handle.join().unwrap();
                assert_eq!(answer.content_language.as_deref(), Some(lang), "{base}");
                let en = answer.body == EN_MISSING;
                assert_eq!(en, lang == "en", "{base} {lang}: {}", answer.body);
            }
        });
    }
}

/// A YAML document as JSON.
fn serde_saphyr_json(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).unwrap()
}
