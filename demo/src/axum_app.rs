//! The demo on axum 0.8.

use std::sync::Arc;

use auth_errors::bearer::Bearer;
use axum::body::Body;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};

use crate::{Demo, LoginRequest, OAuthError, RefreshRequest, Stats, TokenResponse};

type AppState = State<Arc<Demo>>;

async fn login(
    State(demo): AppState,
    body: Result<Json<LoginRequest>, JsonRejection>,
) -> Result<Json<TokenResponse>, OAuthError> {
    let Json(req) = body.map_err(|_| OAuthError::InvalidRequest)?;
    demo.login(&req.user).map(Json)
}

async fn token(
    State(demo): AppState,
    body: Result<Json<RefreshRequest>, JsonRejection>,
) -> Result<Json<TokenResponse>, OAuthError> {
    let Json(req) = body.map_err(|_| OAuthError::InvalidRequest)?;
    demo.refresh(&req.refresh_token).map(Json)
}

async fn list_orders(
    State(demo): AppState,
    token: Bearer,
) -> Result<Json<serde_json::Value>, OAuthError> {
    demo.authorize(token.token(), "orders:read")?;
    Ok(Json(crate::orders()))
}

/// `GET /handwritten/orders`: `GET /orders` with its `TOKEN_EXPIRED` response written
/// by hand, as an expert would without auth-errors (`HeaderValue::from_static`, a
/// pre-serialised body). `scripts/load.sh` measures the two routes against each other;
/// they answer with the same bytes.
async fn list_orders_handwritten(State(demo): AppState, token: Bearer) -> Response {
    match demo.authorize(token.token(), "orders:read") {
        Ok(()) => Json(crate::orders()).into_response(),
        Err(OAuthError::TokenExpired) => token_expired_by_hand(),
        Err(e) => e.into_response(),
    }
}

fn token_expired_by_hand() -> Response {
    let mut response = Response::new(Body::from(
        r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#,
    ));
    *response.status_mut() = StatusCode::UNAUTHORIZED;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(
        WWW_AUTHENTICATE,
        HeaderValue::from_static(
            r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#,
        ),
    );
    response
}

async fn create_order(
    State(demo): AppState,
    token: Bearer,
) -> Result<Json<serde_json::Value>, OAuthError> {
    demo.authorize(token.token(), "orders:write")?;
    Ok(Json(serde_json::json!({"id": 3, "status": "created"})))
}

async fn admin(
    State(demo): AppState,
    token: Bearer,
) -> Result<Json<serde_json::Value>, OAuthError> {
    demo.admin(token.token())?;
    Ok(Json(serde_json::json!({})))
}

async fn stats(State(demo): AppState) -> Json<Stats> {
    Json(demo.stats())
}

async fn cors(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    for (name, value) in crate::CORS_HEADERS {
        response
            .headers_mut()
            .insert(name, HeaderValue::from_static(value));
    }
    response
}

/// The demo's routes.
pub fn router(demo: Arc<Demo>) -> Router {
    Router::new()
        .route("/login", post(login))
        .route("/token", post(token))
        .route("/orders", get(list_orders).post(create_order))
        .route("/handwritten/orders", get(list_orders_handwritten))
        .route("/admin", get(admin))
        .route("/stats", get(stats))
        .layer(middleware::from_fn(cors))
        .with_state(demo)
}

/// Serves the demo on an already bound listener until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, demo: Arc<Demo>) -> std::io::Result<()> {
    axum::serve(listener, router(demo)).await
}
