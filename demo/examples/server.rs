//! The demo on axum: `cargo run --example server` (PORT, DEMO_TOKEN_TTL_SECS, DEMO_CORS_ORIGINS,
//! AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, AUTH_RESOURCE: see the crate docs).

use std::sync::Arc;

use auth_errors_demo::{Demo, axum_app, banner, init_tracing, port_from_env};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    init_tracing();
    let port = port_from_env();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let port = listener.local_addr()?.port();
    // The issuer and the resource name the bound port (`PORT=0` picks one).
    let demo = match Demo::from_env(port) {
        Ok(demo) => demo,
        Err(e) => {
            eprintln!("auth-errors demo: {e}");
            std::process::exit(2);
        }
    };
    print!("{}", banner("axum", port, &demo));
    axum_app::serve(listener, Arc::new(demo)).await
}
