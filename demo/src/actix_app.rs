//! The demo on actix-web 4.

use std::sync::Arc;

use actix_cors::Cors;
use actix_web::http::header;
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use auth_errors::actix::{json_config, method_not_allowed, not_found, query_config};
use auth_errors::bearer::Bearer;
use auth_errors::jwt::Rejection;
use auth_errors::jwt::actix::{add_resource_metadata, metadata_handler};

use crate::{BusyQuery, CorsOrigins, Demo, LoginRequest, OAuthError, RefreshRequest};

type AppState = web::Data<Arc<Demo>>;

// A body that does not parse is answered by `auth_errors::actix::json_config` (the app's
// data) with the `http` catalog: 400 BAD_REQUEST_BODY, 422, 415 or 413.
async fn login(demo: AppState, req: web::Json<LoginRequest>) -> Result<HttpResponse, OAuthError> {
    Ok(HttpResponse::Ok().json(demo.login(&req.user, req.mfa)?))
}

async fn token(demo: AppState, req: web::Json<RefreshRequest>) -> Result<HttpResponse, OAuthError> {
    Ok(HttpResponse::Ok().json(demo.refresh(&req.refresh_token)?))
}

/// A resource whose other methods answer `405 METHOD_NOT_ALLOWED` with `allow`, as axum's
/// method router lists them (`GET,HEAD,POST`), so both servers send the same bytes.
fn resource(path: &str, allow: &'static str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(method_not_allowed(allow)))
}

/// `GET /.well-known/jwks.json`: the demo's public key.
async fn jwks(demo: AppState) -> HttpResponse {
    match demo.jwks() {
        Some(jwks) => HttpResponse::Ok()
            .content_type("application/json")
            .body(jwks.to_owned()),
        None => HttpResponse::NotFound().finish(),
    }
}

async fn list_orders(demo: AppState, token: Bearer) -> Result<HttpResponse, Rejection> {
    demo.authorize(token.token(), "orders:read").await?;
    Ok(HttpResponse::Ok().json(crate::orders()))
}

async fn create_order(demo: AppState, token: Bearer) -> Result<HttpResponse, Rejection> {
    demo.authorize(token.token(), "orders:write").await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"id": 3, "status": "created"})))
}

async fn admin(demo: AppState, token: Bearer) -> Result<HttpResponse, Rejection> {
    demo.admin(token.token()).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({})))
}

async fn stats(demo: AppState) -> HttpResponse {
    HttpResponse::Ok().json(demo.stats())
}

async fn busy(
    demo: AppState,
    key: web::Path<String>,
    query: web::Query<BusyQuery>,
) -> Result<HttpResponse, actix_web::Error> {
    match demo.busy(&key, &query) {
        Ok(body) => Ok(HttpResponse::Ok().json(body)),
        Err(later) => {
            let mut response = later.error.error_response();
            if let Some(value) = later
                .date
                .and_then(|d| header::HeaderValue::from_str(&d).ok())
            {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            Ok(response)
        }
    }
}

async fn dpop(demo: AppState, request: HttpRequest) -> Result<HttpResponse, actix_web::Error> {
    let proof = request.headers().get("dpop").and_then(|v| v.to_str().ok());
    demo.dpop(proof)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"dpop": "ok"})))
}

/// actix-cors for the demo's origins: preflights answered 200 with the allowed
/// methods and headers, every other response with the exposed headers.
pub fn cors(origins: &CorsOrigins) -> Cors {
    let cors = match origins {
        CorsOrigins::Any => Cors::default().allow_any_origin().send_wildcard(),
        CorsOrigins::List(list) => list
            .iter()
            .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin)),
    };
    cors.allowed_methods(crate::ALLOWED_METHODS)
        .allowed_headers(crate::ALLOWED_HEADERS)
        .expose_headers(crate::EXPOSED_HEADERS)
        .max_age(Some(crate::PREFLIGHT_MAX_AGE_SECS as usize))
}

/// The demo's routes for `App::configure`: `/login`, `/token` and
/// `/.well-known/jwks.json` only when the demo mints its tokens, and the RFC 9728
/// metadata at its well-known path. Wrap the app in [`cors`], then in
/// `from_fn(add_resource_metadata(url))`, and give it `web::Data<Arc<Demo>>`; [`serve`]
/// does all that.
pub fn routes(demo: &Demo) -> impl FnOnce(&mut web::ServiceConfig) + use<> {
    let mints = demo.mints();
    let metadata = demo.metadata().clone();
    move |cfg| {
        if mints {
            cfg.service(resource("/login", "POST").route(web::post().to(login)))
                .service(resource("/token", "POST").route(web::post().to(token)))
                .service(
                    resource("/.well-known/jwks.json", "GET,HEAD")
                        .route(web::get().to(jwks))
                        .route(web::head().to(jwks)),
                );
        }
        cfg.service(web::resource(metadata.well_known_path()).to(metadata_handler(&metadata)));
        other_routes(cfg);
    }
}

fn other_routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        resource("/orders", "GET,HEAD,POST")
            .route(web::get().to(list_orders))
            .route(web::head().to(list_orders))
            .route(web::post().to(create_order)),
    )
    .service(
        resource("/admin", "GET,HEAD")
            .route(web::get().to(admin))
            .route(web::head().to(admin)),
    )
    .service(
        resource("/stats", "GET,HEAD")
            .route(web::get().to(stats))
            .route(web::head().to(stats)),
    )
    .service(
        resource("/busy/{key}", "GET,HEAD,POST")
            .route(web::get().to(busy))
            .route(web::head().to(busy))
            .route(web::post().to(busy)),
    )
    .service(
        resource("/dpop", "GET,HEAD")
            .route(web::get().to(dpop))
            .route(web::head().to(dpop)),
    );
    #[cfg(feature = "monitoring")]
    cfg.service(
        resource("/metrics", "GET,HEAD")
            .route(web::get().to(|| async { crate::monitoring::render() }))
            .route(web::head().to(|| async { crate::monitoring::render() })),
    );
}

/// Serves the demo on an already bound listener until the system stops.
pub async fn serve(listener: std::net::TcpListener, demo: Arc<Demo>) -> std::io::Result<()> {
    let metadata_url = demo.metadata().metadata_url();
    #[cfg(feature = "monitoring")]
    crate::monitoring::install();
    actix_web::HttpServer::new(move || {
        let app = actix_web::App::new().app_data(web::Data::new(demo.clone()));
        // Counts every request in `http_requests_total`, inside the CORS layer as on axum.
        #[cfg(feature = "monitoring")]
        let app = app.wrap_fn(|request, service| {
            crate::monitoring::count_request();
            actix_web::dev::Service::call(service, request)
        });
        // Every error answer in the request's language, inside CORS as on axum.
        #[cfg(feature = "locale")]
        let app = app.wrap(auth_errors::localize::Localize::new(
            &crate::ApiError::TRANSLATIONS,
        ));
        app.wrap(cors(demo.cors_origins()))
            // The last `wrap` is outermost: the challenge of every 401, CORS' included.
            .wrap(from_fn(add_resource_metadata(metadata_url.clone())))
            // Bodies, queries and unknown paths answer with the `http` catalog.
            .app_data(json_config())
            .app_data(query_config())
            .configure(routes(&demo))
            .default_service(web::to(not_found))
    })
    .workers(2)
    .listen(listener)?
    .run()
    .await
}
