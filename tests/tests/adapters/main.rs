//! The framework adapters, served: the two-framework contract over TCP, utoipa routes,
//! the demo's hand-written route, the README's demo transcript, the DPoP, concealed
//! and Retry-After answers of issue 17 (`faces`), the `ErrorInfo` extension read by
//! outer layers (issue 12, `--features extension`), the demo's JWT validation of
//! issue 11 (`jwt_demo`), and the `RequestLocale` extractor of issue 15 (`--features locale`).

mod contract;
#[cfg(feature = "extension")]
mod extension;
mod faces;
mod handwritten;
mod jwt_demo;
#[cfg(feature = "locale")]
mod locale;
mod readme_demo;
mod utoipa;

use auth_errors_tests::serve::{actix as serve_actix, tokio as serve_tokio};
