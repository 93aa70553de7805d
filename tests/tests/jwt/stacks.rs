//! The tower layers in front of the two other stacks the docs name: a plain hyper
//! service (`service_fn`, a `Full` body) and tonic's server (`Server::layer`, tonic's
//! own body, HTTP/2). Over HTTP they answer as the axum router does: the same status,
//! challenge and body bytes. A gRPC call gets the same answer in gRPC's form, which
//! tonic's own client reads: the code from `google/rpc/code.proto`'s HTTP mapping
//! (401 → UNAUTHENTICATED, 403 → PERMISSION_DENIED), the catalog's message, and the
//! challenge in `www-authenticate` metadata.

use std::convert::Infallible;

use auth_errors::jwt::{Algorithm, Claims, DecodingKey, EncodingKey, ValidateJwtLayer, Verifier};
use bytes::Bytes;
use http_body_util::Full;
use serde_json::{Value, json};
use tower::ServiceBuilder;

use super::keys::*;
use super::*;

fn verifier() -> Verifier {
    Verifier::builder()
        .algorithms([Algorithm::ES256])
        .issuer(ISS)
        .audience(AUD)
        .key(DecodingKey::from_ec_pem(EC_A_PUBLIC.as_bytes()).unwrap())
        .build()
        .unwrap()
}

fn token(scope: &str) -> String {
    mint(
        Algorithm::ES256,
        None,
        &good_claims(scope),
        &EncodingKey::from_ec_pem(EC_A_PRIVATE.as_bytes()).unwrap(),
    )
}

fn expired() -> String {
    mint(
        Algorithm::ES256,
        None,
        &claims_with("orders:write", json!({ "exp": now() - 600 })),
        &EncodingKey::from_ec_pem(EC_A_PRIVATE.as_bytes()).unwrap(),
    )
}

/// The hyper service: the claims the validation layer put in the extensions.
async fn hyper_handler(
    request: http::Request<hyper::body::Incoming>,
) -> Result<http::Response<Full<Bytes>>, Infallible> {
    let sub = match request.extensions().get::<Claims<Value>>() {
        Some(claims) => format!("sub={}", claims.claims["sub"].as_str().unwrap_or("-")),
        None => "no claims".to_owned(),
    };
    Ok(http::Response::new(Full::new(Bytes::from(sub))))
}

/// A hyper server (HTTP/1.1 and HTTP/2) whose one service is the handler behind
/// `ValidateJwtLayer` and `RequireScopeLayer::all(["orders:write"])`.
fn hyper_server(verifier: Verifier) -> String {
    serve_tokio(move |listener| async move {
        let service = ServiceBuilder::new()
            .layer(ValidateJwtLayer::<Value>::new(verifier))
            .layer(scope_write())
            .service(tower::service_fn(hyper_handler));
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let service = hyper_util::service::TowerToHyperService::new(service.clone());
            tokio::spawn(async move {
                let builder = hyper_util::server::conn::auto::Builder::new(
                    hyper_util::rt::TokioExecutor::new(),
                );
                let _ = builder
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

/// The same requests to the hyper server and to the axum router's `/layer/write`
/// (the same two layers): the same answers, byte for byte, each the expected one.
#[test]
fn the_layers_answer_in_front_of_a_hyper_service_as_in_axum() {
    let verifier = verifier();
    let hyper = hyper_server(verifier.clone());
    let servers = Servers::start(&verifier, None);
    let cases = [
        ("no token", vec![], Want::Missing),
        ("malformed", vec!["Bearer a b".to_owned()], Want::Malformed),
        ("not a JWT", vec![bearer("not-a-jwt")], Want::Invalid),
        ("expired", vec![bearer(&expired())], Want::Expired),
        (
            "without the scope",
            vec![bearer(&token("orders:read"))],
            Want::Scope("orders:write"),
        ),
        ("with it", vec![bearer(&token("orders:write"))], Want::Ok),
    ];
    for (name, authorization, want) in cases {
        let authorization: Vec<&str> = authorization.iter().map(String::as_str).collect();
        let from_hyper = send(&hyper, "/", &authorization, &[]);
        check(&from_hyper, want, None, &format!("hyper, {name}"));
        let from_axum = send(&servers.axum, "/layer/write", &authorization, &[]);
        if want == Want::Ok {
            assert_eq!(from_hyper.body, from_axum.body, "{name}");
        } else {
            assert_eq!(from_hyper, from_axum, "hyper and axum differ: {name}");
        }
    }
}

/// A tonic server with the layers in `Server::layer`, in front of tonic-health's
/// service, called by tonic's own client over HTTP/2.
#[test]
fn the_layers_answer_in_front_of_a_tonic_server() {
    use tonic_health::pb::HealthCheckRequest;
    use tonic_health::pb::health_client::HealthClient;

    let verifier = verifier();
    // The HTTP answers, for the messages the gRPC answers must carry.
    let http = hyper_server(verifier.clone());
    let message = |authorization: &[&str]| -> String {
        let body: Value =
            serde_json::from_slice(&send(&http, "/", authorization, &[]).body).unwrap();
        body["message"].as_str().unwrap().to_owned()
    };
    let expired_token = expired();
    let read_token = token("orders:read");
    let messages = [
        message(&[]),
        message(&[&bearer(&expired_token)]),
        message(&[&bearer(&read_token)]),
    ];
    let base = serve_tokio(move |listener| async move {
        let (_reporter, health) = tonic_health::server::health_reporter();
        tonic::transport::Server::builder()
            .layer(ValidateJwtLayer::<Value>::new(verifier))
            .layer(scope_write())
            .add_service(health)
            .serve_with_incoming(tonic::transport::server::TcpIncoming::from(listener))
            .await
            .unwrap();
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let channel = tonic::transport::Channel::from_shared(base)
            .unwrap()
            .connect()
            .await
            .unwrap();
        let mut client = HealthClient::new(channel);
        let call = |authorization: Option<String>| {
            let mut request = tonic::Request::new(HealthCheckRequest {
                service: String::new(),
            });
            if let Some(value) = authorization {
                request
                    .metadata_mut()
                    .insert("authorization", value.parse().unwrap());
            }
            request
        };
        let challenge = |status: &tonic::Status| {
            status
                .metadata()
                .get("www-authenticate")
                .map(|v| v.to_str().unwrap().to_owned())
        };

        let missing = client.check(call(None)).await.unwrap_err();
        assert_eq!(missing.code(), tonic::Code::Unauthenticated, "{missing:?}");
        assert_eq!(missing.message(), messages[0]);
        let (scheme, params) = parse_challenge(&challenge(&missing).unwrap());
        assert_eq!(scheme, "Bearer");
        assert_eq!(param(&params, "realm"), Some("api"));
        assert_eq!(
            param(&params, "error"),
            None,
            "no error code without a token (RFC 6750 §3.1)"
        );

        let expired = client
            .check(call(Some(bearer(&expired_token))))
            .await
            .unwrap_err();
        assert_eq!(expired.code(), tonic::Code::Unauthenticated);
        assert_eq!(expired.message(), messages[1]);
        let (scheme, params) = parse_challenge(&challenge(&expired).unwrap());
        assert_eq!(scheme, "Bearer");
        assert_eq!(param(&params, "error"), Some("invalid_token"));
        assert_eq!(
            param(&params, "error_description"),
            Some(EXPIRED_DESCRIPTION)
        );

        let lacking = client
            .check(call(Some(bearer(&read_token))))
            .await
            .unwrap_err();
        assert_eq!(lacking.code(), tonic::Code::PermissionDenied, "{lacking:?}");
        assert_eq!(lacking.message(), messages[2]);
        let (_, params) = parse_challenge(&challenge(&lacking).unwrap());
        assert_eq!(param(&params, "error"), Some("insufficient_scope"));
        assert_eq!(param(&params, "scope"), Some("orders:write"));

        let malformed = client
            .check(call(Some("Bearer a b".to_owned())))
            .await
            .unwrap_err();
        assert_eq!(
            malformed.code(),
            tonic::Code::InvalidArgument,
            "a 400 is INVALID_ARGUMENT, not INTERNAL"
        );
        let (_, params) = parse_challenge(&challenge(&malformed).unwrap());
        assert_eq!(param(&params, "error"), Some("invalid_request"));

        let served = client
            .check(call(Some(bearer(&token("orders:write")))))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(
            served.status,
            tonic_health::pb::health_check_response::ServingStatus::Serving as i32
        );
    });
}
