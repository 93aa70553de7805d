//! The demo on axum: `cargo run --example server` (PORT, DEMO_TOKEN_TTL_SECS).

use std::sync::Arc;

use auth_errors_demo::{Demo, axum_app, banner, init_tracing, port_from_env};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    init_tracing();
    let port = port_from_env();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let port = listener.local_addr()?.port();
    print!("{}", banner("axum", port));
    axum_app::serve(listener, Arc::new(Demo::from_env())).await
}
