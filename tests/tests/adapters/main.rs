//! The framework adapters, served: the two-framework contract over TCP, utoipa routes,
//! the demo's hand-written route, the README's demo transcript, the DPoP, concealed
//! and Retry-After answers of issue 17 (`faces`), the `ErrorInfo` extension read by
//! outer layers (issue 12, `--features extension`), and the demo's JWT validation of
//! issue 11 (`jwt_demo`).

mod contract;
#[cfg(feature = "extension")]
mod extension;
mod faces;
mod handwritten;
mod jwt_demo;
mod readme_demo;
mod utoipa;

use std::future::Future;

/// Serves `serve` on a fresh 127.0.0.1 port from its own thread and one-worker tokio
/// runtime; returns the base URL. The listener is bound before this returns, so a
/// request sent at once is queued, not refused.
#[allow(clippy::unwrap_used)]
fn serve_tokio<F, Fut>(serve: F) -> String
where
    F: FnOnce(tokio::net::TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = ()>,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(
            async move { serve(tokio::net::TcpListener::from_std(listener).unwrap()).await },
        );
    });
    base
}

/// Serves `serve` on a fresh 127.0.0.1 port from its own thread and actix-web system;
/// returns the base URL.
#[allow(clippy::unwrap_used)]
fn serve_actix<F, Fut>(serve: F) -> String
where
    F: FnOnce(std::net::TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = std::io::Result<()>>,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        actix_web::rt::System::new()
            .block_on(serve(listener))
            .unwrap();
    });
    base
}
