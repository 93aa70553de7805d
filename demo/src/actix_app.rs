//! The demo on actix-web 4.

use std::sync::Arc;

use actix_web::middleware::DefaultHeaders;
use actix_web::{HttpResponse, web};
use auth_errors::bearer::Bearer;

use crate::{Demo, LoginRequest, OAuthError, RefreshRequest};

type AppState = web::Data<Arc<Demo>>;

async fn login(
    demo: AppState,
    body: Result<web::Json<LoginRequest>, actix_web::Error>,
) -> Result<HttpResponse, OAuthError> {
    let req = body.map_err(|_| OAuthError::InvalidRequest)?;
    Ok(HttpResponse::Ok().json(demo.login(&req.user)?))
}

async fn token(
    demo: AppState,
    body: Result<web::Json<RefreshRequest>, actix_web::Error>,
) -> Result<HttpResponse, OAuthError> {
    let req = body.map_err(|_| OAuthError::InvalidRequest)?;
    Ok(HttpResponse::Ok().json(demo.refresh(&req.refresh_token)?))
}

async fn list_orders(demo: AppState, token: Bearer) -> Result<HttpResponse, OAuthError> {
    demo.authorize(token.token(), "orders:read")?;
    Ok(HttpResponse::Ok().json(crate::orders()))
}

async fn create_order(demo: AppState, token: Bearer) -> Result<HttpResponse, OAuthError> {
    demo.authorize(token.token(), "orders:write")?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"id": 3, "status": "created"})))
}

async fn admin(demo: AppState, token: Bearer) -> Result<HttpResponse, OAuthError> {
    demo.admin(token.token())?;
    Ok(HttpResponse::Ok().json(serde_json::json!({})))
}

async fn stats(demo: AppState) -> HttpResponse {
    HttpResponse::Ok().json(demo.stats())
}

/// The CORS headers every response carries.
pub fn cors() -> DefaultHeaders {
    crate::CORS_HEADERS
        .into_iter()
        .fold(DefaultHeaders::new(), |h, header| h.add(header))
}

/// The demo's routes; wrap the app in [`cors`] and give it `web::Data<Arc<Demo>>`.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::post().to(login))
        .route("/token", web::post().to(token))
        .service(
            web::resource("/orders")
                .route(web::get().to(list_orders))
                .route(web::head().to(list_orders))
                .route(web::post().to(create_order)),
        )
        .service(
            web::resource("/admin")
                .route(web::get().to(admin))
                .route(web::head().to(admin)),
        )
        .service(
            web::resource("/stats")
                .route(web::get().to(stats))
                .route(web::head().to(stats)),
        );
}

/// Serves the demo on an already bound listener until the system stops.
pub async fn serve(listener: std::net::TcpListener, demo: Arc<Demo>) -> std::io::Result<()> {
    actix_web::HttpServer::new(move || {
        actix_web::App::new()
            .app_data(web::Data::new(demo.clone()))
            .wrap(cors())
            .configure(routes)
    })
    .workers(2)
    .listen(listener)?
    .run()
    .await
}
