//! utoipa 6: an axum route returning `Result<_, ApiError>` lists every error response
//! of the enum in the OpenAPI document, without writing a status twice.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use utoipa::OpenApi;

#[auth_errors::catalog("../auth-errors/examples/errors.yaml")]
#[derive(Debug)]
pub enum ApiError {}

/// List the orders.
#[utoipa::path(
    get,
    path = "/orders",
    responses((status = 200, description = "The orders", body = [String]), ApiError)
)]
async fn list_orders() -> Result<axum::Json<Vec<String>>, ApiError> {
    Ok(axum::Json(Vec::new()))
}

#[derive(OpenApi)]
#[openapi(paths(list_orders))]
struct Doc;

#[test]
fn every_error_response_is_in_the_document() {
    // The handler is a real axum handler.
    let _router: axum::Router =
        axum::Router::new().route("/orders", axum::routing::get(list_orders));
    let doc = serde_json::to_value(Doc::openapi()).unwrap();
    let responses = &doc["paths"]["/orders"]["get"]["responses"];
    let statuses: Vec<&str> = responses
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(statuses, ["200", "400", "401", "403"]);
    // Every code of the enum is an example under its status.
    for spec in ApiError::SPECS {
        let group = &responses[spec.status().to_string()];
        let example = &group["content"]["application/json"]["examples"][spec.code()]["value"];
        assert_eq!(example["code"], spec.code(), "{}", spec.code());
    }
    let unauthorized = &responses["401"];
    assert!(
        unauthorized["headers"]["WWW-Authenticate"].is_object(),
        "{unauthorized}"
    );
    assert_eq!(
        unauthorized["content"]["application/json"]["examples"]["TOKEN_EXPIRED"]["value"],
        serde_json::json!({"code": "TOKEN_EXPIRED", "message": "Access token expired"})
    );
    // The 403 example fills the scope param with a sample value.
    assert_eq!(
        responses["403"]["content"]["application/json"]["examples"]["INSUFFICIENT_SCOPE"]["value"]
            ["message"],
        "This action needs the example:read scope"
    );
}
