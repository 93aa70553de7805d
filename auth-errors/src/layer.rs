//! [`BareStatusLayer`]: a tower layer that gives the bare statuses of an inner
//! service (a 401 without a challenge, an empty 404 or 405) the catalog's answers.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http::header::{ALLOW, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, WWW_AUTHENTICATE};
use http::{HeaderValue, Request, Response, StatusCode};
use tower_layer::Layer;
use tower_service::Service;

use crate::AuthError;
use crate::oauth::OAuthError;
use crate::request::RequestError;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// The response for `err`, in the body type of the layers' responses.
pub(crate) fn reject<B>(err: &dyn AuthError) -> Response<ResponseBody<B>> {
    crate::http::build(err, ResponseBody::answer)
}

/// The answer for `err` to `request`: the catalog's HTTP response, or for a gRPC call
/// the same in gRPC's form ([`grpc_answer`]).
#[cfg_attr(
    not(feature = "jwt"),
    allow(dead_code, reason = "only the jwt layers answer gRPC calls")
)]
pub(crate) fn reject_for<B, R>(
    request: &Request<B>,
    err: &dyn AuthError,
) -> Response<ResponseBody<R>> {
    let response = reject(err);
    if is_grpc(request) {
        grpc_answer(response, err)
    } else {
        response
    }
}

/// Whether `request` is a gRPC call: `content-type` `application/grpc`, alone or with
/// a `+format` or `;params` suffix (gRPC over HTTP/2, "Content-Type").
#[cfg_attr(
    not(feature = "jwt"),
    allow(dead_code, reason = "only the jwt layers answer gRPC calls")
)]
fn is_grpc<B>(request: &Request<B>) -> bool {
    const GRPC: &[u8] = b"application/grpc";
    request.headers().get(CONTENT_TYPE).is_some_and(|value| {
        let value = value.as_bytes();
        value.len() >= GRPC.len()
            && value[..GRPC.len()].eq_ignore_ascii_case(GRPC)
            && matches!(value.get(GRPC.len()), None | Some(b'+' | b';'))
    })
}

/// The catalog's response recast for a gRPC client, which reads a status from
/// `grpc-status`, not from the HTTP status, and would take a JSON body for a message
/// frame: a trailers-only response (HTTP 200, `grpc-status`, `grpc-message`, no
/// body), keeping `WWW-Authenticate` and `Retry-After` so a gateway can answer an HTTP
/// client with them.
#[cfg_attr(
    not(feature = "jwt"),
    allow(dead_code, reason = "only the jwt layers answer gRPC calls")
)]
fn grpc_answer<R>(
    mut response: Response<ResponseBody<R>>,
    err: &dyn AuthError,
) -> Response<ResponseBody<R>> {
    // The code and message `From<E> for tonic::Status` sends: one plan for both.
    let plan = crate::grpc::plan(err);
    *response.status_mut() = StatusCode::OK;
    *response.body_mut() = ResponseBody::empty();
    let headers = response.headers_mut();
    headers.remove(CONTENT_LENGTH);
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/grpc"));
    headers.insert("grpc-status", HeaderValue::from(plan.code.number()));
    if let Ok(message) = HeaderValue::try_from(grpc_message(&plan.message)) {
        headers.insert("grpc-message", message);
    }
    response
}

/// `message` percent-encoded as gRPC's `grpc-message` requires: every byte outside
/// printable ASCII, and `%` itself, as `%XX`.
#[cfg_attr(
    not(feature = "jwt"),
    allow(dead_code, reason = "only the jwt layers answer gRPC calls")
)]
fn grpc_message(message: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(message.len());
    for &byte in message.as_bytes() {
        if (0x20..=0x7e).contains(&byte) && byte != b'%' {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out
}

/// The inner service's response, its body passed on untouched.
pub(crate) fn pass<B>(response: Response<B>) -> Response<ResponseBody<B>> {
    response.map(ResponseBody::new)
}

pin_project_lite::pin_project! {
    /// The body of a response from this crate's tower layers: the catalog's answer
    /// when a layer answered, else the inner service's body, untouched.
    ///
    /// So the layers answer in front of any body type (axum's, tonic's, a hyper
    /// service's `Full` or `BoxBody`), as tower-http's body limit does; axum's
    /// `Router::layer`, tonic's `Server::layer` and hyper take it as any other body.
    pub struct ResponseBody<B> {
        #[pin]
        kind: Kind<B>,
    }
}

pin_project_lite::pin_project! {
    #[project = KindProjection]
    enum Kind<B> {
        Answer { bytes: Option<Bytes> },
        Inner { #[pin] body: B },
    }
}

impl<B> ResponseBody<B> {
    /// The inner service's body, passed on untouched.
    pub fn new(body: B) -> Self {
        ResponseBody {
            kind: Kind::Inner { body },
        }
    }

    /// A body that ends at once (a gRPC trailers-only answer).
    #[cfg_attr(
        not(feature = "jwt"),
        allow(dead_code, reason = "only the jwt layers answer gRPC calls")
    )]
    pub(crate) fn empty() -> Self {
        ResponseBody {
            kind: Kind::Answer { bytes: None },
        }
    }

    /// A layer's answer: the catalog's body text.
    pub(crate) fn answer(bytes: Bytes) -> Self {
        ResponseBody {
            kind: Kind::Answer { bytes: Some(bytes) },
        }
    }
}

impl<B: http_body::Body<Data = Bytes>> http_body::Body for ResponseBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, B::Error>>> {
        match self.project().kind.project() {
            KindProjection::Answer { bytes } => {
                Poll::Ready(bytes.take().map(|bytes| Ok(http_body::Frame::data(bytes))))
            }
            KindProjection::Inner { body } => body.poll_frame(cx),
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.kind {
            Kind::Answer { bytes } => bytes.is_none(),
            Kind::Inner { body } => body.is_end_stream(),
        }
    }

    fn size_hint(&self) -> http_body::SizeHint {
        match &self.kind {
            Kind::Answer { bytes } => {
                http_body::SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64))
            }
            Kind::Inner { body } => body.size_hint(),
        }
    }
}

impl<B> std::fmt::Debug for ResponseBody<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            Kind::Answer { bytes } => f.debug_tuple("ResponseBody::Answer").field(bytes).finish(),
            Kind::Inner { .. } => f.write_str("ResponseBody::Inner"),
        }
    }
}

/// Gives the bare statuses of an inner service the catalog's answers, so everything a
/// service sends has one format:
///
/// - a 401 without `WWW-Authenticate` (tower-http's bearer check, a hand-written guard)
///   gets the standard catalog's, with the challenge RFC 9110 §15.5.2 requires:
///   `TOKEN_MISSING` when the request sent no `Authorization`, `TOKEN_INVALID` when it did;
/// - a 404 or a 405 without a `Content-Type` (axum's router for an unknown path or
///   method) gets `NOT_FOUND` or `METHOD_NOT_ALLOWED` from the `http` catalog, the
///   405 keeping the inner `Allow` (with `Router::layer`, axum's method router adds
///   `Allow` to the answer itself).
///
/// Other responses pass unchanged; a replaced one keeps the inner response's other
/// headers.
#[derive(Debug, Clone, Copy, Default)]
pub struct BareStatusLayer;

impl<S> Layer<S> for BareStatusLayer {
    type Service = BareStatus<S>;
    fn layer(&self, inner: S) -> Self::Service {
        BareStatus { inner }
    }
}

/// The service of [`BareStatusLayer`].
#[derive(Debug, Clone)]
pub struct BareStatus<S> {
    inner: S,
}

impl<S, B, R> Service<Request<B>> for BareStatus<S>
where
    S: Service<Request<B>, Response = Response<R>>,
    S::Future: Send + 'static,
    R: Send + 'static,
{
    type Response = Response<ResponseBody<R>>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Response<ResponseBody<R>>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let sent_credentials = request.headers().contains_key(AUTHORIZATION);
        let future = self.inner.call(request);
        Box::pin(async move {
            let response = future.await?;
            let headers = response.headers();
            let bare = !headers.contains_key(CONTENT_TYPE);
            let allow = headers
                .get(ALLOW)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let error: Box<dyn AuthError + Send> = match response.status() {
                StatusCode::UNAUTHORIZED if !headers.contains_key(WWW_AUTHENTICATE) => {
                    if sent_credentials {
                        Box::new(OAuthError::TokenInvalid)
                    } else {
                        Box::new(OAuthError::TokenMissing)
                    }
                }
                StatusCode::NOT_FOUND if bare => Box::new(RequestError::NotFound),
                StatusCode::METHOD_NOT_ALLOWED if bare => {
                    Box::new(RequestError::MethodNotAllowed {
                        allow: allow.clone().unwrap_or_default(),
                    })
                }
                _ => return Ok(pass(response)),
            };
            let (parts, _) = response.into_parts();
            let mut answer: Response<ResponseBody<R>> = reject(&*error);
            // No `Allow` from the inner service: none rather than an empty one (which
            // would say no method is allowed). Inside an axum router the method router
            // adds its own after this layer has answered.
            if allow.is_none() {
                answer.headers_mut().remove(ALLOW);
            }
            let ours: Vec<http::HeaderName> = answer.headers().keys().cloned().collect();
            for (name, value) in &parts.headers {
                if name != CONTENT_LENGTH && !ours.contains(name) {
                    answer.headers_mut().append(name.clone(), value.clone());
                }
            }
            Ok(answer)
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{grpc_message, is_grpc};

    #[test]
    fn grpc_calls_by_content_type() {
        let with = |content_type: &str| {
            let request = http::Request::builder()
                .header("content-type", content_type)
                .body(())
                .unwrap();
            is_grpc(&request)
        };
        for yes in [
            "application/grpc",
            "application/grpc+proto",
            "Application/GRPC;charset=utf-8",
        ] {
            assert!(with(yes), "{yes}");
        }
        for no in [
            "application/json",
            "application/grpc-web",
            "application/grpcx",
            "application/grp",
        ] {
            assert!(!with(no), "{no}");
        }
        assert!(!is_grpc(&http::Request::new(())));
    }

    #[test]
    fn grpc_message_is_percent_encoded_outside_printable_ascii() {
        // gRPC over HTTP/2, "Status-Message": percent-encoding of the UTF-8 bytes.
        assert_eq!(
            grpc_message("The access token expired"),
            "The access token expired"
        );
        assert_eq!(grpc_message("100% sûr\n"), "100%25 s%C3%BBr%0A");
    }
}
