//! The probe against both demo servers, with tokens from the demo's own `/login`:
//! every rule passes.

use std::sync::Arc;
use std::time::Duration;

use auth_errors::probe::{Options, Outcome, run};
use auth_errors_demo::{Demo, actix_app, axum_app};

fn login(base: &str, user: &str) -> String {
    let response = reqwest::blocking::Client::new()
        .post(format!("{base}/login"))
        .header("content-type", "application/json")
        .body(format!(r#"{{"user": "{user}"}}"#))
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = serde_json::from_str(&response.text().unwrap()).unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

fn axum_demo() -> String {
    let demo = Arc::new(Demo::new(Duration::from_secs(60)));
    auth_errors_tests::serve::tokio(move |listener| async move {
        axum_app::serve(listener, demo).await.unwrap();
    })
}

fn actix_demo() -> String {
    let demo = Arc::new(Demo::new(Duration::from_secs(60)));
    auth_errors_tests::serve::actix(move |listener| actix_app::serve(listener, demo))
}

#[test]
fn both_demo_servers_pass_every_rule() {
    for base in [axum_demo(), actix_demo()] {
        // POST /orders needs orders:write: the writer is let in, the reader is not.
        let options = Options::new(format!("{base}/orders"))
            .method("POST")
            .token(login(&base, "writer"))
            .forbidden_token(login(&base, "reader"))
            .expired_token("expired")
            .origin("http://localhost:5173");
        let report = run(&options).unwrap();
        for f in &report.findings {
            assert_eq!(f.outcome, Outcome::Pass, "{base}\n{}", report.to_text());
        }
    }
}
