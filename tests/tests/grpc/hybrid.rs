//! One server, two transports: axum routes and the tonic service in one router
//! (`tonic::service::Routes::into_axum_router`), and the same error answering HTTP 403
//! with its challenge and gRPC `PERMISSION_DENIED` with its `ErrorInfo`.

use auth_errors::Scope;
use axum::routing::get;
use tonic_types::StatusExt;

use super::ApiError;
use super::proto::FailRequest;
use super::proto::orders_client::OrdersClient;
use super::proto::orders_server::OrdersServer;
use super::server::Failing;

async fn list_orders() -> Result<&'static str, ApiError> {
    Err(ApiError::InsufficientScope {
        scope: Scope::new("orders:read").unwrap(),
    })
}

#[tokio::test]
async fn one_error_answers_http_403_and_grpc_permission_denied() {
    let grpc = tonic::service::Routes::new(OrdersServer::new(Failing)).into_axum_router();
    let app = axum::Router::new()
        .route("/orders", get(list_orders))
        .merge(grpc);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });

    // HTTP: RFC 6750 §3.1, 403 with error="insufficient_scope" and the scope.
    let http = reqwest::Client::new()
        .get(format!("http://{addr}/orders"))
        .send()
        .await
        .unwrap();
    assert_eq!(http.status().as_u16(), 403);
    let challenge = http
        .headers()
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .unwrap();
    assert_eq!(
        challenge,
        r#"Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scope this request needs", scope="orders:read""#
    );
    let body: serde_json::Value = serde_json::from_str(&http.text().await.unwrap()).unwrap();
    assert_eq!(body["code"], "INSUFFICIENT_SCOPE");

    // gRPC, same port: PERMISSION_DENIED (code.proto: 403), the same reason and challenge.
    let mut client = OrdersClient::connect(format!("http://{addr}"))
        .await
        .unwrap();
    let status = client
        .fail(FailRequest {
            code: "INSUFFICIENT_SCOPE".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), tonic::Code::PermissionDenied);
    assert_eq!(status.message(), "This action needs the orders:read scope");
    let info = status.get_details_error_info().unwrap();
    assert_eq!(info.reason, body["code"]);
    assert_eq!(info.domain, "orders.example.com");
    assert_eq!(
        info.metadata.get("error").map(String::as_str),
        Some("insufficient_scope")
    );
    assert_eq!(
        info.metadata.get("scope").map(String::as_str),
        Some("orders:read")
    );
    let grpc_challenge = status
        .metadata()
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok());
    assert_eq!(grpc_challenge, Some(challenge.as_str()));
}
