//! utoipa 6: every generated or derived enum implements `IntoResponses` (when this
//! crate's `utoipa` feature is on), so a route's docs list its error responses
//! without writing a status twice.
//!
//! ```
//! use auth_errors::oauth::OAuthError;
//! use utoipa::IntoResponses;
//!
//! let responses = OAuthError::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["400", "401", "403", "500", "503"]);
//! ```
//!
//! With utoipa's path macro: `#[utoipa::path(get, path = "/orders", responses((status
//! = 200, body = [Order]), ApiError))]`.

use std::collections::BTreeMap;

use utoipa::openapi::RefOr;
use utoipa::openapi::response::{Response, ResponseBuilder};

use crate::ErrorSpec;

/// The responses of a table of entries, one per status, each listing its codes with an
/// example per code. What the generated `IntoResponses` returns.
pub fn responses(specs: &[ErrorSpec]) -> BTreeMap<String, RefOr<Response>> {
    crate::__private::status_responses(specs)
        .into_iter()
        .map(|(status, value)| {
            // The renderer's objects follow the OpenAPI schema utoipa's types read; should
            // one not, the status is still listed rather than dropped.
            let description = value["description"].as_str().unwrap_or_default().to_owned();
            let response = serde_json::from_value(value)
                .unwrap_or_else(|_| ResponseBuilder::new().description(description).build());
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}
