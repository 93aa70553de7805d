//! Tower layers, for axum, tonic's HTTP stack and hyper: [`ValidateJwt`] checks the
//! bearer token, [`RequireScope`] the scopes it grants, [`ValidateBearer`] a fixed
//! token (tower-http's `ValidateRequestHeaderLayer::bearer`, answering with the
//! challenge), and [`AddResourceMetadata`] names the RFC 9728 metadata in every 401
//! challenge.
//!
//! Their responses have a [`ResponseBody`](crate::layer::ResponseBody): the catalog's
//! answer or the inner body untouched, so they work in front of any body type. A gRPC
//! call (`content-type: application/grpc…`, as tonic's server gets) is answered in
//! gRPC's form: HTTP 200 with `grpc-status` (the code `google/rpc/code.proto` maps the
//! entry's status to: 401 `UNAUTHENTICATED`, 403 `PERMISSION_DENIED`, 400
//! `INVALID_ARGUMENT`, 500 `INTERNAL`, 503 `UNAVAILABLE`), the entry's message in
//! `grpc-message`, and the same `WWW-Authenticate` and `Retry-After`, which a tonic
//! client finds in the status's metadata.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use http::{HeaderValue, Request, Response, StatusCode};
use serde::de::DeserializeOwned;
use tower_layer::Layer;
use tower_service::Service;

use crate::Scope;
use crate::bearer::from_authorization;
use crate::challenge::{Challenge, parse_lines};
use crate::jwt::{Rejection, Scopes, Verifier};
use crate::layer::{ResponseBody, pass, reject_for};
use crate::oauth::OAuthError;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// Checks the request's bearer token with a [`Verifier`]; on success the claims
/// ([`Claims<T>`](crate::jwt::Claims)) and the [`Scopes`] go into the request's extensions for the
/// handler, a [`RequireScope`] and the [`Jwt`](crate::jwt::Jwt) extractor, else the
/// request is answered with the rejection's entry.
#[derive(Clone)]
pub struct ValidateJwtLayer<T> {
    verifier: Verifier,
    claims: PhantomData<fn() -> T>,
}

impl<T> ValidateJwtLayer<T> {
    /// A layer checking tokens with `verifier`, reading claims as `T`.
    pub fn new(verifier: Verifier) -> Self {
        ValidateJwtLayer {
            verifier,
            claims: PhantomData,
        }
    }
}

impl<S, T> Layer<S> for ValidateJwtLayer<T> {
    type Service = ValidateJwt<S, T>;
    fn layer(&self, inner: S) -> Self::Service {
        ValidateJwt {
            inner,
            verifier: self.verifier.clone(),
            claims: PhantomData,
        }
    }
}

/// The service of [`ValidateJwtLayer`].
pub struct ValidateJwt<S, T> {
    inner: S,
    verifier: Verifier,
    claims: PhantomData<fn() -> T>,
}

impl<S: Clone, T> Clone for ValidateJwt<S, T> {
    fn clone(&self) -> Self {
        ValidateJwt {
            inner: self.inner.clone(),
            verifier: self.verifier.clone(),
            claims: PhantomData,
        }
    }
}

impl<S, T, B, R> Service<Request<B>> for ValidateJwt<S, T>
where
    S: Service<Request<B>, Response = Response<R>> + Clone + Send + 'static,
    S::Future: Send,
    T: DeserializeOwned + Clone + Send + Sync + 'static,
    B: Send + 'static,
    R: Send + 'static,
{
    type Response = Response<ResponseBody<R>>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Response<ResponseBody<R>>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        // The clone that was made ready is the one that is called.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let verifier = self.verifier.clone();
        Box::pin(async move {
            let values = request.headers().get_all(AUTHORIZATION);
            let checked = match from_authorization(values.iter().map(|v| v.as_bytes())) {
                Ok(token) => verifier.verify::<T>(token).await,
                Err(rejection) => Err(Rejection::from(rejection)),
            };
            match checked {
                Ok(claims) => {
                    request.extensions_mut().insert(claims.scopes().clone());
                    request.extensions_mut().insert(claims);
                    inner.call(request).await.map(pass)
                }
                Err(rejection) => Ok(reject_for(&request, &rejection)),
            }
        })
    }
}

/// Which scopes a [`RequireScope`] asks for.
#[derive(Debug, Clone)]
enum Needs {
    All(Arc<[Scope]>),
    Any(Arc<[Scope]>),
}

/// Answers `403 INSUFFICIENT_SCOPE` with `scope="<what the route requires>"` unless the
/// token grants the scopes; the [`Scopes`] come from a [`ValidateJwtLayer`] placed
/// outside it. Without them (no validation layer ran) the request is a server
/// misconfiguration: `500 AUTH_SERVER_ERROR`, logged, never passed on.
///
/// ```
/// use auth_errors::jwt::RequireScopeLayer;
///
/// let orders = RequireScopeLayer::all(["orders:read"])?;
/// let either = RequireScopeLayer::any(["orders:write", "admin"])?;
/// # let _ = (orders, either);
/// # Ok::<(), auth_errors::ChallengeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct RequireScopeLayer {
    needs: Needs,
}

impl RequireScopeLayer {
    /// Every one of `scopes` is needed; the challenge names them all.
    pub fn all<I, S>(scopes: I) -> Result<Self, crate::ChallengeError>
    where
        I: IntoIterator<Item = S>,
        S: Into<std::borrow::Cow<'static, str>>,
    {
        Ok(RequireScopeLayer {
            needs: Needs::All(scopes_of(scopes)?),
        })
    }

    /// One of `scopes` is enough; the challenge names them all (RFC 6750 §3: the
    /// scopes "necessary to access the requested resource").
    pub fn any<I, S>(scopes: I) -> Result<Self, crate::ChallengeError>
    where
        I: IntoIterator<Item = S>,
        S: Into<std::borrow::Cow<'static, str>>,
    {
        Ok(RequireScopeLayer {
            needs: Needs::Any(scopes_of(scopes)?),
        })
    }
}

impl RequireScopeLayer {
    /// `Ok` when `granted` satisfies this guard; else `403 INSUFFICIENT_SCOPE`.
    pub(crate) fn check(&self, granted: &Scopes) -> Result<(), Rejection> {
        self.needs.check(granted)
    }
}

fn scopes_of<I, S>(scopes: I) -> Result<Arc<[Scope]>, crate::ChallengeError>
where
    I: IntoIterator<Item = S>,
    S: Into<std::borrow::Cow<'static, str>>,
{
    // An entry with spaces is several scope-tokens (RFC 6749 §3.3): split, since the
    // token's grant is compared token by token.
    let mut out = Vec::new();
    for entry in scopes {
        let entry = entry.into();
        for token in entry.split(' ').filter(|t| !t.is_empty()) {
            out.push(Scope::new(token.to_owned())?);
        }
    }
    Ok(out.into())
}

impl Needs {
    /// `Ok` when `granted` satisfies the need; else the scope value to name.
    fn check(&self, granted: &Scopes) -> Result<(), Rejection> {
        let (list, ok) = match self {
            Needs::All(list) => (list, list.iter().all(|s| granted.contains(s.as_str()))),
            Needs::Any(list) => (list, list.iter().any(|s| granted.contains(s.as_str()))),
        };
        if ok {
            return Ok(());
        }
        let joined = list.iter().map(Scope::as_str).collect::<Vec<_>>().join(" ");
        // Scope-tokens joined by single spaces are a scope (RFC 6749 §3.3).
        let scope = Scope::new(joined).map_err(|_| Rejection::new(OAuthError::AuthServerError))?;
        Err(Rejection::insufficient_scope(scope))
    }
}

impl<S> Layer<S> for RequireScopeLayer {
    type Service = RequireScope<S>;
    fn layer(&self, inner: S) -> Self::Service {
        RequireScope {
            inner,
            needs: self.needs.clone(),
        }
    }
}

/// The service of [`RequireScopeLayer`].
#[derive(Debug, Clone)]
pub struct RequireScope<S> {
    inner: S,
    needs: Needs,
}

impl<S, B, R> Service<Request<B>> for RequireScope<S>
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
        let checked = match request.extensions().get::<Scopes>() {
            Some(granted) => self.needs.check(granted),
            None => {
                tracing::error!(
                    "RequireScope ran on a request no ValidateJwt layer checked: place ValidateJwtLayer outside it"
                );
                Err(Rejection::new(OAuthError::AuthServerError))
            }
        };
        match checked {
            Ok(()) => {
                let future = self.inner.call(request);
                Box::pin(async move { future.await.map(pass) })
            }
            Err(rejection) => {
                let response = reject_for(&request, &rejection);
                Box::pin(async move { Ok(response) })
            }
        }
    }
}

/// A drop-in for tower-http's `ValidateRequestHeaderLayer::bearer`: one fixed token,
/// compared in constant time, and every failure answered with the standard catalog's
/// challenge (`TOKEN_MISSING`, `INVALID_REQUEST`, `TOKEN_INVALID`) instead of a bare 401.
#[derive(Clone)]
pub struct ValidateBearerLayer {
    token: Arc<[u8]>,
}

impl ValidateBearerLayer {
    /// Accepts requests carrying `Authorization: Bearer <token>`.
    pub fn token(token: &str) -> Self {
        ValidateBearerLayer {
            token: token.as_bytes().into(),
        }
    }
}

impl std::fmt::Debug for ValidateBearerLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ValidateBearerLayer(<redacted>)")
    }
}

impl<S> Layer<S> for ValidateBearerLayer {
    type Service = ValidateBearer<S>;
    fn layer(&self, inner: S) -> Self::Service {
        ValidateBearer {
            inner,
            token: self.token.clone(),
        }
    }
}

/// The service of [`ValidateBearerLayer`].
#[derive(Clone)]
pub struct ValidateBearer<S> {
    inner: S,
    token: Arc<[u8]>,
}

/// Equal bytes, in time that depends on the lengths only.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

impl<S, B, R> Service<Request<B>> for ValidateBearer<S>
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
        let values = request.headers().get_all(AUTHORIZATION);
        let checked = match from_authorization(values.iter().map(|v| v.as_bytes())) {
            Ok(token) if same(token.as_bytes(), &self.token) => Ok(()),
            Ok(_) => Err(Rejection::new(OAuthError::TokenInvalid)),
            Err(rejection) => Err(Rejection::from(rejection)),
        };
        match checked {
            Ok(()) => {
                let future = self.inner.call(request);
                Box::pin(async move { future.await.map(pass) })
            }
            Err(rejection) => {
                let response = reject_for(&request, &rejection);
                Box::pin(async move { Ok(response) })
            }
        }
    }
}

/// Adds `resource_metadata="<url>"` (RFC 9728 §5.1) to every challenge of every 401
/// response passing through, so a client can find the protected resource metadata.
/// Values it cannot parse, and challenges that carry a token68 or already name it, are
/// left as they are.
#[derive(Clone)]
pub struct AddResourceMetadata<S = ()> {
    inner: S,
    url: Arc<str>,
}

impl AddResourceMetadata {
    /// The layer, for the metadata at `url` (see
    /// [`ProtectedResource::metadata_url`](crate::jwt::ProtectedResource::metadata_url)).
    pub fn layer(url: impl Into<Arc<str>>) -> AddResourceMetadata {
        AddResourceMetadata {
            inner: (),
            url: url.into(),
        }
    }
}

impl<S> Layer<S> for AddResourceMetadata {
    type Service = AddResourceMetadata<S>;
    fn layer(&self, inner: S) -> Self::Service {
        AddResourceMetadata {
            inner,
            url: self.url.clone(),
        }
    }
}

/// The `WWW-Authenticate` value of `lines` with `resource_metadata` in each challenge,
/// or `None` to leave the header as it is.
pub(crate) fn with_resource_metadata<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    url: &str,
) -> Option<String> {
    let parsed = parse_lines(lines).ok()?;
    let mut challenges = Vec::with_capacity(parsed.len());
    for p in &parsed {
        let mut c = Challenge::new(p.scheme().to_owned()).ok()?;
        if let Some(t) = p.token68() {
            c = c.token68(t.to_owned()).ok()?;
        } else {
            for (name, value) in p.params() {
                c = c.param(name.to_owned(), value.to_owned()).ok()?;
            }
            if p.param("resource_metadata").is_none() {
                c = c.param("resource_metadata", url.to_owned()).ok()?;
            }
        }
        challenges.push(c);
    }
    crate::challenge::format_list(&challenges).ok()
}

impl<S, B, R> Service<Request<B>> for AddResourceMetadata<S>
where
    S: Service<Request<B>, Response = Response<R>>,
    S::Future: Send + 'static,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Response<R>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let future = self.inner.call(request);
        let url = self.url.clone();
        Box::pin(async move {
            let mut response = future.await?;
            if response.status() == StatusCode::UNAUTHORIZED {
                let headers = response.headers_mut();
                let lines = headers
                    .get_all(WWW_AUTHENTICATE)
                    .iter()
                    .map(|v| v.to_str())
                    .collect::<Result<Vec<_>, _>>();
                let value = lines
                    .ok()
                    .filter(|l| !l.is_empty())
                    .and_then(|l| with_resource_metadata(l, &url))
                    .and_then(|v| HeaderValue::from_str(&v).ok());
                if let Some(value) = value {
                    headers.insert(WWW_AUTHENTICATE, value);
                }
            }
            Ok(response)
        })
    }
}
