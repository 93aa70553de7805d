//! The demo on actix-web: `cargo run --example server-actix` (PORT, DEMO_TOKEN_TTL_SECS, DEMO_CORS_ORIGINS,
//! AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, AUTH_RESOURCE: see the crate docs).

use std::sync::Arc;

use auth_errors_demo::{Demo, actix_app, banner, init_tracing, port_from_env};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    init_tracing();
    let port = port_from_env();
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
    let port = listener.local_addr()?.port();
    // The issuer and the resource name the bound port (`PORT=0` picks one).
    let demo = match Demo::from_env(port) {
        Ok(demo) => demo,
        Err(e) => {
            eprintln!("auth-errors demo: {e}");
            std::process::exit(2);
        }
    };
    print!("{}", banner("actix-web", port, &demo));
    actix_app::serve(listener, Arc::new(demo)).await
}
