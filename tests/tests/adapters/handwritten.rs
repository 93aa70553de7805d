//! The demo's `GET /handwritten/orders`, which `scripts/load.sh` measures against
//! `GET /orders`, answers an expired token with the same bytes as the generated route,
//! and behaves as `/orders` otherwise.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use auth_errors_demo::{Demo, axum_app};

fn serve() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            let demo = Arc::new(Demo::new(Duration::from_secs(60)));
            axum_app::serve(listener, demo).await.unwrap();
        });
    });
    base
}

fn get(url: &str, token: &str) -> (u16, Vec<(String, String)>, String) {
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let response = client
        .get(url)
        .header("authorization", format!("Bearer {token}"))
        .send()
        .unwrap();
    let status = response.status().as_u16();
    let mut headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "date")
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
        .collect();
    headers.sort();
    (status, headers, response.text().unwrap())
}

#[test]
fn handwritten_route_answers_as_the_generated_one() {
    let base = serve();
    for token in ["expired", "revoked", "unknown"] {
        let generated = get(&format!("{base}/orders"), token);
        let handwritten = get(&format!("{base}/handwritten/orders"), token);
        assert_eq!(generated.0, 401, "{token}");
        assert_eq!(handwritten, generated, "{token}");
    }
}
