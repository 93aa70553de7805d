//! The actix-web middleware: negotiate per request, answer the adapters' error
//! responses in the language negotiated.

use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::rc::Rc;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Payload, Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use actix_web::http::header::{self, HeaderValue};
use actix_web::{Error, FromRequest, HttpMessage, HttpRequest};
use bytes::Bytes;

use super::{Answered, RequestLocale, vary_with_accept_language};
use crate::locale::{Shape, Translations};
use crate::request::RequestError;

/// An actix-web middleware that negotiates each request's [`Locale`](super::Locale)
/// from `Accept-Language`, puts it in the request's extensions, and answers the error
/// responses the adapters built in it, with `Content-Language` and `Vary:
/// Accept-Language`: [`LocaleLayer`](super::LocaleLayer)'s twin, byte for byte.
///
/// ```
/// use actix_web::{App, web};
/// use auth_errors::localize::Localize;
/// use auth_errors::oauth::OAuthError;
///
/// #[auth_errors::catalog("../demo/api.yaml")]
/// #[derive(Debug)]
/// enum ApiError {}
///
/// async fn orders() -> Result<&'static str, OAuthError> {
///     Err(OAuthError::TokenExpired)
/// }
///
/// let app = App::new()
///     .wrap(Localize::new(&ApiError::TRANSLATIONS))
///     .route("/orders", web::get().to(orders));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Localize {
    translations: &'static Translations,
    shape: Shape,
}

impl Localize {
    /// A middleware answering from `translations` (an enum's `TRANSLATIONS`).
    pub const fn new(translations: &'static Translations) -> Localize {
        Localize {
            translations,
            shape: Shape::Replace,
        }
    }

    /// Keeps the message in the catalog's language and adds the translation beside it
    /// (AIP-193's `LocalizedMessage`).
    pub const fn beside(mut self) -> Localize {
        self.shape = Shape::Beside;
        self
    }
}

impl<S, B> Transform<S, ServiceRequest> for Localize
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = LocalizeService<S>;
    type InitError = ();
    type Future = Ready<Result<LocalizeService<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(LocalizeService {
            service: Rc::new(service),
            with: *self,
        }))
    }
}

/// The service [`Localize`] makes.
#[derive(Debug)]
pub struct LocalizeService<S> {
    service: Rc<S>,
    with: Localize,
}

impl<S, B> Service<ServiceRequest> for LocalizeService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Error>>>>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let accept = request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .map(HeaderValue::as_bytes);
        let locale = self.with.translations.negotiate(accept);
        request.extensions_mut().insert(locale);
        let with = self.with;
        let service = Rc::clone(&self.service);
        Box::pin(async move {
            let response = service.call(request).await?;
            Ok(localize(response, with, locale))
        })
    }
}

/// The response in `locale`, when the adapters built it; else untouched.
fn localize<B>(
    mut response: ServiceResponse<B>,
    with: Localize,
    locale: super::Locale,
) -> ServiceResponse<EitherBody<B>> {
    let body = {
        let extensions = response.response().extensions();
        let Some(answered) = extensions.get::<Answered>() else {
            drop(extensions);
            return response.map_into_left_body();
        };
        answered.localize(with.translations, locale, with.shape)
    };
    let language = if body.is_some() {
        locale.tag()
    } else {
        with.translations.default_locale().tag()
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(language) {
        headers.insert(header::CONTENT_LANGUAGE, value);
    }
    let vary = vary_with_accept_language(headers.get_all(header::VARY).map(HeaderValue::as_bytes));
    if let Some(value) = vary.and_then(|v| HeaderValue::try_from(v).ok()) {
        headers.insert(header::VARY, value);
    }
    match body {
        Some(text) => {
            response.headers_mut().remove(header::CONTENT_LENGTH);
            let bytes = match text {
                std::borrow::Cow::Borrowed(s) => Bytes::from_static(s.as_bytes()),
                std::borrow::Cow::Owned(s) => Bytes::from(s),
            };
            response.map_body(|_, _| EitherBody::right(BoxBody::new(bytes)))
        }
        None => response.map_into_left_body(),
    }
}

impl FromRequest for RequestLocale {
    type Error = RequestError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(super::from_extensions(request.extensions().get()))
    }
}
