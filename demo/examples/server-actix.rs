//! The demo on actix-web: `cargo run --example server-actix` (PORT, DEMO_TOKEN_TTL_SECS).

use std::sync::Arc;

use auth_errors_demo::{Demo, actix_app, banner, port_from_env};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "auth_errors=debug,info".into()),
        )
        .init();
    let port = port_from_env();
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
    let port = listener.local_addr()?.port();
    print!("{}", banner("actix-web", port));
    actix_app::serve(listener, Arc::new(Demo::from_env())).await
}
