//! The framework adapters, served: the two-framework contract over TCP, utoipa routes,
//! the demo's hand-written route and the README's demo transcript.

mod contract;
mod handwritten;
mod readme_demo;
mod utoipa;
