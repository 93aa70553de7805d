//! What the demo's end-to-end suites share: both servers on 127.0.0.1.
#![allow(clippy::unwrap_used, dead_code)]

use std::sync::Arc;
use std::time::Duration;

use auth_errors_demo::{Demo, actix_app, axum_app};

/// Starts both servers, each with its own demo whose tokens live `ttl`; their base
/// URLs, axum's first (axum on one worker thread).
pub fn servers(ttl: Duration) -> [String; 2] {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let axum_base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let demo = Arc::new(Demo::new(ttl));
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum_app::serve(listener, demo).await.unwrap();
        });
    });
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let actix_base = format!("http://{}", listener.local_addr().unwrap());
    let demo = Arc::new(Demo::new(ttl));
    std::thread::spawn(move || {
        actix_web::rt::System::new()
            .block_on(actix_app::serve(listener, demo))
            .unwrap();
    });
    [axum_base, actix_base]
}
