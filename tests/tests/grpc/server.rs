//! A tonic server on 127.0.0.1 answers every entry; a tonic client decodes each status
//! with `tonic_types::StatusExt::get_error_details()`, field by field.
//!
//! The expected values come from the texts: the code from `google/rpc/code.proto`'s
//! HTTP mapping; the `error` values from RFC 6750 §3.1, RFC 9470 §3 and RFC 9449 §7.1 /
//! §8; no `error` without a token (RFC 6750 §3.1); AIP-193's `ErrorInfo` (`reason` the
//! code, `domain` the catalog's, metadata keys `[a-z][a-zA-Z0-9-_]+`); the message the
//! body carries (the generic one for a redacted 5xx).

use std::collections::HashMap;

use tokio::net::TcpListener;
use tonic::transport::{Channel, Server};
use tonic::{Code, Request, Response, Status};
use tonic_types::StatusExt;

use super::proto::orders_client::OrdersClient;
use super::proto::orders_server::{Orders, OrdersServer};
use super::proto::{FailReply, FailRequest};
use super::{ApiError, sample, samples};

/// Answers `Fail` with the sample of the code asked for.
#[derive(Debug, Default)]
pub struct Failing;

#[tonic::async_trait]
impl Orders for Failing {
    async fn fail(&self, request: Request<FailRequest>) -> Result<Response<FailReply>, Status> {
        match sample(&request.get_ref().code) {
            Some(error) => Err(error.into()),
            None => Err(Status::invalid_argument("no such code")),
        }
    }
}

/// A server on a free port of 127.0.0.1, and a client connected to it.
pub async fn serve() -> OrdersClient<Channel> {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
    tokio::spawn(
        Server::builder()
            .add_service(OrdersServer::new(Failing))
            .serve_with_incoming(incoming),
    );
    OrdersClient::connect(format!("http://{addr}"))
        .await
        .unwrap()
}

/// What one entry answers over gRPC.
struct Expect {
    code: &'static str,
    grpc: Code,
    message: &'static str,
    reason: &'static str,
    metadata: &'static [(&'static str, &'static str)],
    retry_seconds: Option<u64>,
}

const DOMAIN: &str = "orders.example.com";

fn expectations() -> Vec<Expect> {
    let e = |code, grpc, message, metadata, retry_seconds| Expect {
        code,
        grpc,
        message,
        reason: code,
        metadata,
        retry_seconds,
    };
    vec![
        // RFC 6750 §3.1: no credentials, no `error`.
        e(
            "TOKEN_MISSING",
            Code::Unauthenticated,
            "Authentication required",
            &[],
            None,
        ),
        e(
            "TOKEN_EXPIRED",
            Code::Unauthenticated,
            "Access token expired",
            &[
                ("error", "invalid_token"),
                ("error_description", "The access token expired"),
            ],
            None,
        ),
        e(
            "TOKEN_INVALID",
            Code::Unauthenticated,
            "Access token is invalid",
            &[
                ("error", "invalid_token"),
                (
                    "error_description",
                    "The access token is malformed or its signature does not verify",
                ),
            ],
            None,
        ),
        e(
            "TOKEN_REVOKED",
            Code::Unauthenticated,
            "Access token has been revoked",
            &[
                ("error", "invalid_token"),
                ("error_description", "The access token has been revoked"),
            ],
            None,
        ),
        e(
            "INSUFFICIENT_SCOPE",
            Code::PermissionDenied,
            "This action needs the orders:read scope",
            &[
                ("error", "insufficient_scope"),
                ("scope", "orders:read"),
                (
                    "error_description",
                    "The access token lacks the scope this request needs",
                ),
            ],
            None,
        ),
        e(
            "INVALID_REQUEST",
            Code::InvalidArgument,
            "Malformed Authorization header",
            &[
                ("error", "invalid_request"),
                ("error_description", "The Authorization header is malformed"),
            ],
            None,
        ),
        e(
            "INSUFFICIENT_USER_AUTHENTICATION",
            Code::Unauthenticated,
            "This action needs a stronger or more recent sign-in",
            &[
                ("error", "insufficient_user_authentication"),
                (
                    "error_description",
                    "A different authentication level is required",
                ),
                ("acr_values", "urn:mace:incommon:iap:silver"),
                ("max_age", "300"),
            ],
            None,
        ),
        e(
            "DPOP_PROOF_INVALID",
            Code::Unauthenticated,
            "The DPoP proof is missing, malformed or invalid",
            &[
                ("error", "invalid_dpop_proof"),
                (
                    "error_description",
                    "The DPoP proof is missing, malformed or invalid",
                ),
                ("algs", "ES256 PS256"),
            ],
            None,
        ),
        e(
            "DPOP_NONCE_REQUIRED",
            Code::Unauthenticated,
            "The DPoP proof must carry the server's nonce",
            &[
                ("error", "use_dpop_nonce"),
                (
                    "error_description",
                    "Resource server requires nonce in DPoP proof",
                ),
                ("nonce", "eyJ7S_zG.eyJH0-Z.HX4w-7v"),
            ],
            None,
        ),
        // Two challenges, neither with an `error`: no credentials at all.
        e(
            "BEARER_OR_DPOP_REQUIRED",
            Code::Unauthenticated,
            "Authentication required",
            &[("algs", "ES256")],
            None,
        ),
        e(
            "AUTH_UNAVAILABLE",
            Code::Unavailable,
            "Token validation is temporarily unavailable; retry later",
            &[("retry_after", "30")],
            Some(30),
        ),
        e(
            "AUTH_SERVER_ERROR",
            Code::Internal,
            "The server could not validate the access token",
            &[],
            None,
        ),
        // `expose: false`: the generic message, and no param that would tell the text.
        e(
            "LEDGER_CORRUPT",
            Code::DataLoss,
            "An internal error occurred",
            &[],
            None,
        ),
        e(
            "ORDER_EXISTS",
            Code::AlreadyExists,
            "Order 42 exists already",
            &[("order_id", "42")],
            None,
        ),
        e("ORDER_GONE", Code::NotFound, "No such order", &[], None),
        // Concealed as ORDER_GONE: its target's face, code and reason.
        Expect {
            reason: "ORDER_GONE",
            ..e("ORDER_HIDDEN", Code::NotFound, "No such order", &[], None)
        },
        e(
            "RATE_LIMITED",
            Code::ResourceExhausted,
            "Too many requests",
            &[("wait", "7")],
            Some(7),
        ),
        e(
            "RESOURCE_TOKEN_MISSING",
            Code::Unauthenticated,
            "Authentication required",
            &[(
                "resource_metadata",
                "https://orders.example.com/.well-known/oauth-protected-resource",
            )],
            None,
        ),
    ]
}

#[tokio::test]
async fn every_entry_answers_over_grpc_with_its_details() {
    let mut client = serve().await;
    let expected = expectations();
    assert_eq!(
        expected.len(),
        samples().len(),
        "one expectation per variant"
    );
    for want in &expected {
        let request = FailRequest {
            code: want.code.to_owned(),
        };
        let status = client.fail(request).await.unwrap_err();
        let code = want.code;
        assert_eq!(status.code(), want.grpc, "{code}");
        assert_eq!(status.message(), want.message, "{code}");

        let details = status.get_error_details();
        let info = details
            .error_info()
            .unwrap_or_else(|| panic!("{code}: no ErrorInfo"));
        assert_eq!(info.reason, want.reason, "{code}");
        assert_eq!(info.domain, DOMAIN, "{code}");
        let metadata: HashMap<&str, &str> = want.metadata.iter().copied().collect();
        let got: HashMap<&str, &str> = info
            .metadata
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(got, metadata, "{code}");
        for key in info.metadata.keys() {
            assert!(auth_errors::grpc::is_metadata_key(key), "{code}: key {key}");
        }

        // Help: the docs link of the reason's entry (docs_url).
        let help = details.help().unwrap_or_else(|| panic!("{code}: no Help"));
        let urls: Vec<&str> = help.links.iter().map(|l| l.url.as_str()).collect();
        let url = format!("https://docs.example.com/errors/{}", want.reason);
        assert_eq!(urls, [url.as_str()], "{code}");

        let retry = details
            .retry_info()
            .and_then(|r| r.retry_delay)
            .map(|d| d.as_secs());
        assert_eq!(retry, want.retry_seconds, "{code}");
        assert!(details.debug_info().is_none(), "{code}: no DebugInfo");
        assert!(details.localized_message().is_none(), "{code}");

        // The challenge, byte for byte what the HTTP response carries.
        let error = sample(code).unwrap();
        let http = auth_errors::response::plan(&error).www_authenticate;
        let grpc = status
            .metadata()
            .get("www-authenticate")
            .map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(grpc.as_deref(), http.as_deref(), "{code}");
    }
}

#[tokio::test]
async fn the_challenge_metadata_is_the_rfc_6750_header() {
    let mut client = serve().await;
    for (code, header) in [
        ("TOKEN_MISSING", r#"Bearer realm="api""#),
        (
            "TOKEN_EXPIRED",
            r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#,
        ),
        (
            "INSUFFICIENT_SCOPE",
            r#"Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scope this request needs", scope="orders:read""#,
        ),
    ] {
        let request = FailRequest {
            code: code.to_owned(),
        };
        let status = client.fail(request).await.unwrap_err();
        let value = status
            .metadata()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok());
        assert_eq!(value, Some(header), "{code}");
    }
    // No challenge, no entry.
    let status = client
        .fail(FailRequest {
            code: "ORDER_GONE".into(),
        })
        .await
        .unwrap_err();
    assert!(status.metadata().get("www-authenticate").is_none());
}

#[test]
fn a_redacted_entry_keeps_its_code_but_not_its_text() {
    let status = Status::from(ApiError::LedgerCorrupt { page: 12 });
    assert_eq!(status.code(), Code::DataLoss);
    let details = format!("{:?} {:?}", status.message(), status.get_error_details());
    assert!(
        !details.contains("damaged") && !details.contains("12"),
        "{details}"
    );
}
