//! The demo on axum: `cargo run --example server` (PORT, DEMO_TOKEN_TTL_SECS).

use std::sync::Arc;

use auth_errors_demo::{Demo, axum_app, banner, port_from_env};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "auth_errors=debug,info".into()),
        )
        .init();
    let port = port_from_env();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let port = listener.local_addr()?.port();
    print!("{}", banner("axum", port));
    axum_app::serve(listener, Arc::new(Demo::from_env())).await
}
