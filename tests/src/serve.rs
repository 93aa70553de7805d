//! Servers for the suites: each on a fresh 127.0.0.1 port, from its own thread and
//! runtime, bound before the function returns (a request sent at once is queued, not
//! refused). Feature `servers`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::future::Future;

/// Serves `serve` from a two-worker tokio runtime; returns the base URL.
pub fn tokio<F, Fut>(serve: F) -> String
where
    F: FnOnce(::tokio::net::TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = ()>,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a 127.0.0.1 port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = ::tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(
            async move { serve(::tokio::net::TcpListener::from_std(listener).unwrap()).await },
        );
    });
    base
}

/// Serves `serve` from an actix-web system; returns the base URL.
pub fn actix<F, Fut>(serve: F) -> String
where
    F: FnOnce(std::net::TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = std::io::Result<()>>,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a 127.0.0.1 port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        ::actix_web::rt::System::new()
            .block_on(serve(listener))
            .unwrap();
    });
    base
}
