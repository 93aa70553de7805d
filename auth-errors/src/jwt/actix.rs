//! actix-web 4: the [`Jwt`] extractor, a scope guard and the RFC 9728 handler.
//!
//! actix-web 4 uses `http` 0.2, so this module has its own twins of the tower layers:
//! [`require_scope`] for `middleware::from_fn`, and [`add_resource_metadata`].

use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError, web};
use serde::de::DeserializeOwned;

use crate::jwt::{Claims, Jwt, ProtectedResource, Rejection, Scopes, Verifier, answer, claims_of};
use crate::oauth::OAuthError;

/// `Jwt<T, E>` in a handler: the [`Verifier`] from `web::Data<Verifier>`.
impl<T, E> FromRequest for Jwt<T, E>
where
    T: DeserializeOwned + 'static,
    E: From<OAuthError> + ResponseError + 'static,
{
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let checked = req.extensions_mut().remove::<Claims<T>>();
            let verifier = req.app_data::<web::Data<Verifier>>().cloned();
            let values = req.headers().get_all(header::AUTHORIZATION);
            let claims = claims_of(
                verifier.as_deref().map(|v| &**v),
                values.map(|v| v.as_bytes()),
                checked,
            )
            .await;
            match claims {
                Ok(claims) => {
                    req.extensions_mut().insert(claims.scopes().clone());
                    Ok(Jwt(claims, std::marker::PhantomData))
                }
                Err(rejection) => Err(actix_web::Error::from(answer::<E>(rejection))),
            }
        })
    }
}

impl ResponseError for Rejection {
    fn status_code(&self) -> actix_web::http::StatusCode {
        crate::actix::status_code(self)
    }

    /// The entry's own response (a static variant's compile-time head and body); the
    /// cause goes to a debug event first.
    fn error_response(&self) -> HttpResponse {
        self.log_cause();
        self.error().error_response()
    }
}

/// What a guard's middleware function returns: the inner response, or the rejection's.
pub type Guarded<B> = Pin<
    Box<
        dyn Future<
            Output = Result<ServiceResponse<actix_web::body::EitherBody<B>>, actix_web::Error>,
        >,
    >,
>;

/// What a response-rewriting middleware function returns.
pub type Passed<B> = Pin<Box<dyn Future<Output = Result<ServiceResponse<B>, actix_web::Error>>>>;

/// Validates the bearer token with the app's `web::Data<Verifier>` and puts the
/// [`Claims<T>`] and [`Scopes`] in the request's extensions; the twin of
/// [`ValidateJwtLayer`](crate::jwt::ValidateJwtLayer), for
/// `actix_web::middleware::from_fn(validate_jwt::<T>)`.
pub async fn validate_jwt<T, B>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<actix_web::body::EitherBody<B>>, actix_web::Error>
where
    T: DeserializeOwned + 'static,
    B: MessageBody + 'static,
{
    let verifier = req.app_data::<web::Data<Verifier>>().cloned();
    let values = req.headers().get_all(header::AUTHORIZATION);
    let checked = claims_of::<T, _>(
        verifier.as_deref().map(|v| &**v),
        values.map(|v| v.as_bytes()),
        None,
    )
    .await;
    match checked {
        Ok(claims) => {
            req.extensions_mut().insert(claims.scopes().clone());
            req.extensions_mut().insert(claims);
            next.call(req)
                .await
                .map(ServiceResponse::map_into_left_body)
        }
        Err(rejection) => Ok(req
            .into_response(crate::actix::error_response(&rejection))
            .map_into_right_body()),
    }
}

/// A scope guard for `actix_web::middleware::from_fn`: the twin of
/// [`RequireScopeLayer`](crate::jwt::RequireScopeLayer), reading the [`Scopes`] a
/// [`validate_jwt`] middleware or a [`Jwt`] extractor put in the request.
pub fn require_scope<B: MessageBody + 'static>(
    guard: crate::jwt::RequireScopeLayer,
) -> impl Fn(ServiceRequest, Next<B>) -> Guarded<B> + Clone {
    move |req: ServiceRequest, next: Next<B>| {
        let checked = match req.extensions().get::<Scopes>() {
            Some(granted) => guard.check(granted),
            None => {
                tracing::error!(
                    "require_scope ran on a request validate_jwt did not check: wrap it inside validate_jwt"
                );
                Err(Rejection::new(OAuthError::AuthServerError))
            }
        };
        Box::pin(async move {
            match checked {
                Ok(()) => next
                    .call(req)
                    .await
                    .map(ServiceResponse::map_into_left_body),
                Err(rejection) => Ok(req
                    .into_response(crate::actix::error_response(&rejection))
                    .map_into_right_body()),
            }
        })
    }
}

/// Adds `resource_metadata="<url>"` to every challenge of 401 responses, for
/// `actix_web::middleware::from_fn(add_resource_metadata(url))`: the twin of
/// [`AddResourceMetadata`](crate::jwt::AddResourceMetadata).
pub fn add_resource_metadata<B: MessageBody + 'static>(
    url: impl Into<std::sync::Arc<str>>,
) -> impl Fn(ServiceRequest, Next<B>) -> Passed<B> + Clone {
    let url: std::sync::Arc<str> = url.into();
    move |req: ServiceRequest, next: Next<B>| {
        let url = url.clone();
        Box::pin(async move {
            let mut response = next.call(req).await?;
            if response.status().as_u16() == 401 {
                let headers = response.headers_mut();
                let lines = headers
                    .get_all(header::WWW_AUTHENTICATE)
                    .map(|v| v.to_str())
                    .collect::<Result<Vec<_>, _>>();
                let value = lines
                    .ok()
                    .filter(|l| !l.is_empty())
                    .and_then(|l| super::layer::with_resource_metadata(l, &url))
                    .and_then(|v| header::HeaderValue::from_str(&v).ok());
                if let Some(value) = value {
                    headers.insert(header::WWW_AUTHENTICATE, value);
                }
            }
            Ok(response)
        })
    }
}

/// The metadata document as an actix-web handler: mount it with
/// `web::resource(metadata.well_known_path()).to(metadata_handler(&metadata))`.
pub fn metadata_handler(
    metadata: &ProtectedResource,
) -> impl Fn() -> std::future::Ready<HttpResponse> + Clone + 'static {
    let body = bytes::Bytes::from(metadata.to_json());
    move || {
        std::future::ready(
            HttpResponse::Ok()
                .content_type("application/json")
                .body(body.clone()),
        )
    }
}
