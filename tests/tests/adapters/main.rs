//! The framework adapters, served: the two-framework contract over TCP, utoipa routes,
//! the demo's hand-written route, the README's demo transcript, and the DPoP, concealed
//! and Retry-After answers of issue 17 (`faces`).

mod contract;
mod faces;
mod handwritten;
mod readme_demo;
mod utoipa;
