//! [`BareStatusLayer`]: a tower layer that gives the bare statuses of an inner
//! service (a 401 without a challenge, an empty 404 or 405) the catalog's answers.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http::header::{ALLOW, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, WWW_AUTHENTICATE};
use http::{Request, Response, StatusCode};
use tower_layer::Layer;
use tower_service::Service;

use crate::AuthError;
use crate::oauth::OAuthError;
use crate::request::RequestError;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// The response for `err`, in the inner service's body type.
pub(crate) fn reject<B: From<Bytes>>(err: &dyn AuthError) -> Response<B> {
    crate::http::build(err, B::from)
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
    R: From<Bytes> + Send + 'static,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Response<R>, S::Error>>;

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
                _ => return Ok(response),
            };
            let (parts, _) = response.into_parts();
            let mut answer: Response<R> = reject(&*error);
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
