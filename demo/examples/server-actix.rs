//! The demo on actix-web: `cargo run --example server-actix` (PORT, DEMO_TOKEN_TTL_SECS).

use std::sync::Arc;

use auth_errors_demo::{Demo, actix_app, banner, init_tracing, port_from_env};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    init_tracing();
    let port = port_from_env();
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
    let port = listener.local_addr()?.port();
    print!("{}", banner("actix-web", port));
    actix_app::serve(listener, Arc::new(Demo::from_env())).await
}
