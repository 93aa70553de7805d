//! The demo on axum 0.8.

use std::sync::Arc;

use auth_errors::axum::{Json as CatalogJson, Query as CatalogQuery};
use auth_errors::bearer::Bearer;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::cors::{AllowOrigin, CorsLayer};

use auth_errors::jwt::{AddResourceMetadata, Rejection};

use crate::{
    BusyQuery, BusyResponse, CorsOrigins, Demo, DemoError, LoginRequest, OAuthError,
    RefreshRequest, Stats, TokenResponse,
};

type AppState = State<Arc<Demo>>;

// A body that does not parse is answered by `auth_errors::axum::Json` with the `http`
// catalog: 400 BAD_REQUEST_BODY, 422, 415 or 413.
async fn login(
    State(demo): AppState,
    CatalogJson(req): CatalogJson<LoginRequest>,
) -> Result<Json<TokenResponse>, OAuthError> {
    demo.login(&req.user, req.mfa).map(Json)
}

async fn token(
    State(demo): AppState,
    CatalogJson(req): CatalogJson<RefreshRequest>,
) -> Result<Json<TokenResponse>, OAuthError> {
    demo.refresh(&req.refresh_token).map(Json)
}

/// `GET /.well-known/jwks.json`: the demo's public key.
async fn jwks(State(demo): AppState) -> Response {
    match demo.jwks() {
        Some(jwks) => ([(CONTENT_TYPE, "application/json")], jwks.to_owned()).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn list_orders(
    State(demo): AppState,
    token: Bearer,
) -> Result<Json<serde_json::Value>, Rejection> {
    demo.authorize(token.token(), "orders:read").await?;
    Ok(Json(crate::orders()))
}

/// `GET /handwritten/orders`: `GET /orders` with its `TOKEN_EXPIRED` response written
/// by hand, as an expert would without auth-errors (`HeaderValue::from_static`, a
/// pre-serialised body). `scripts/load.sh` measures the two routes against each other;
/// they answer with the same bytes (the router's [`AddResourceMetadata`] layer names
/// the metadata in both 401s).
async fn list_orders_handwritten(State(demo): AppState, token: Bearer) -> Response {
    match demo.authorize(token.token(), "orders:read").await {
        Ok(()) => Json(crate::orders()).into_response(),
        Err(e) if *e.error() == OAuthError::TokenExpired => token_expired_by_hand(),
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
) -> Result<Json<serde_json::Value>, Rejection> {
    demo.authorize(token.token(), "orders:write").await?;
    Ok(Json(serde_json::json!({"id": 3, "status": "created"})))
}

async fn admin(State(demo): AppState, token: Bearer) -> Result<Json<serde_json::Value>, Rejection> {
    demo.admin(token.token()).await?;
    Ok(Json(serde_json::json!({})))
}

async fn stats(State(demo): AppState) -> Json<Stats> {
    Json(demo.stats())
}

async fn busy(
    State(demo): AppState,
    Path(key): Path<String>,
    CatalogQuery(query): CatalogQuery<BusyQuery>,
) -> Result<Json<BusyResponse>, Response> {
    demo.busy(&key, &query).map(Json).map_err(|later| {
        let mut response = later.error.into_response();
        if let Some(value) = later.date.and_then(|d| HeaderValue::from_str(&d).ok()) {
            response.headers_mut().insert(RETRY_AFTER, value);
        }
        response
    })
}

async fn dpop(
    State(demo): AppState,
    headers: HeaderMap,
) -> Result<Json<serde_json::Value>, DemoError> {
    let proof = headers.get("dpop").and_then(|v| v.to_str().ok());
    demo.dpop(proof)?;
    Ok(Json(serde_json::json!({"dpop": "ok"})))
}

/// tower-http's CORS layer for the demo's origins: preflights answered 200 with the
/// allowed methods and headers, every other response with the exposed headers.
pub fn cors(origins: &CorsOrigins) -> CorsLayer {
    let allow_origin = match origins {
        CorsOrigins::Any => AllowOrigin::any(),
        CorsOrigins::List(list) => {
            AllowOrigin::list(list.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
        }
    };
    CorsLayer::new()
        .allow_origin(allow_origin)
        .allow_methods(
            crate::ALLOWED_METHODS
                .iter()
                .filter_map(|m| Method::from_bytes(m.as_bytes()).ok())
                .collect::<Vec<_>>(),
        )
        .allow_headers(crate::ALLOWED_HEADERS.map(HeaderName::from_static))
        .expose_headers(crate::EXPOSED_HEADERS.map(HeaderName::from_static))
        .max_age(std::time::Duration::from_secs(u64::from(
            crate::PREFLIGHT_MAX_AGE_SECS,
        )))
}

/// `GET /metrics`.
#[cfg(feature = "monitoring")]
async fn metrics() -> String {
    crate::monitoring::render()
}

/// Counts the request in `http_requests_total`.
#[cfg(feature = "monitoring")]
async fn count_request(request: axum::extract::Request) -> axum::extract::Request {
    crate::monitoring::count_request();
    request
}

/// The demo's routes: `/login`, `/token` and `/.well-known/jwks.json` only when the
/// demo mints its tokens; the RFC 9728 metadata at its well-known path; `/metrics` with
/// the `monitoring` feature; CORS, and `resource_metadata` added to every 401
/// challenge, outermost.
pub fn router(demo: Arc<Demo>) -> Router {
    let cors = cors(demo.cors_origins());
    #[cfg(feature = "monitoring")]
    crate::monitoring::install();
    let metadata = demo.metadata().clone();
    let mut router = Router::new();
    #[cfg(feature = "monitoring")]
    {
        router = router.route("/metrics", get(metrics));
    }
    if demo.mints() {
        router = router
            .route("/login", post(login))
            .route("/token", post(token))
            .route("/.well-known/jwks.json", get(jwks));
    }
    let router = router
        .route_service(&metadata.well_known_path(), metadata.service())
        .route("/orders", get(list_orders).post(create_order))
        .route("/handwritten/orders", get(list_orders_handwritten))
        .route("/admin", get(admin))
        .route("/stats", get(stats))
        .route("/busy/{key}", get(busy).post(busy))
        .route("/dpop", get(dpop));
    #[cfg(feature = "monitoring")]
    let router = router.layer(axum::middleware::map_request(count_request));
    let router = router
        // Unknown paths, and methods a route does not serve, answer with the `http`
        // catalog (the method router adds `Allow` to the 405).
        .fallback(auth_errors::axum::not_found)
        .layer(auth_errors::layer::BareStatusLayer);
    // Every error answer, the bare statuses' included, in the request's language.
    #[cfg(feature = "locale")]
    let router = router.layer(auth_errors::localize::LocaleLayer::new(
        &crate::ApiError::TRANSLATIONS,
    ));
    router
        .layer(cors)
        .layer(AddResourceMetadata::layer(metadata.metadata_url()))
        .with_state(demo)
}

/// Serves the demo on an already bound listener until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, demo: Arc<Demo>) -> std::io::Result<()> {
    axum::serve(listener, router(demo)).await
}
