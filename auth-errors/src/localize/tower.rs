//! The tower layer: negotiate per request, answer the adapters' error responses in the
//! language negotiated.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use bytes::Bytes;
use http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_LENGTH, VARY};
use http::{HeaderValue, Request, Response};
use tower_layer::Layer;
use tower_service::Service;

use super::{Answered, Locale, vary_with_accept_language};
use crate::layer::ResponseBody;
use crate::locale::{Shape, Translations};

/// A tower layer that negotiates each request's [`Locale`] from `Accept-Language`, puts
/// it in the request's extensions, and answers the error responses the adapters built
/// in it, with `Content-Language` and `Vary: Accept-Language` (see the
/// [module](super)). Other responses pass untouched.
#[derive(Debug, Clone, Copy)]
pub struct LocaleLayer {
    translations: &'static Translations,
    shape: Shape,
}

impl LocaleLayer {
    /// A layer answering from `translations` (an enum's `TRANSLATIONS`). An error of
    /// another enum of the same catalog (`OAuthError` beside a catalog that includes
    /// `std`) is translated by its code.
    pub const fn new(translations: &'static Translations) -> LocaleLayer {
        LocaleLayer {
            translations,
            shape: Shape::Replace,
        }
    }

    /// Keeps the message in the catalog's language and adds the translation beside it
    /// (AIP-193's `LocalizedMessage`), for clients that switch on messages.
    pub const fn beside(mut self) -> LocaleLayer {
        self.shape = Shape::Beside;
        self
    }
}

impl<S> Layer<S> for LocaleLayer {
    type Service = LocaleService<S>;

    fn layer(&self, inner: S) -> LocaleService<S> {
        LocaleService {
            inner,
            layer: *self,
        }
    }
}

/// The service [`LocaleLayer`] makes.
#[derive(Debug, Clone)]
pub struct LocaleService<S> {
    inner: S,
    layer: LocaleLayer,
}

impl<S, B, R> Service<Request<B>> for LocaleService<S>
where
    S: Service<Request<B>, Response = Response<R>>,
{
    type Response = Response<ResponseBody<R>>;
    type Error = S::Error;
    type Future = LocaleFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let accept = request
            .headers()
            .get(ACCEPT_LANGUAGE)
            .map(HeaderValue::as_bytes);
        let locale = self.layer.translations.negotiate(accept);
        request.extensions_mut().insert(locale);
        LocaleFuture {
            inner: self.inner.call(request),
            layer: self.layer,
            locale,
        }
    }
}

pin_project_lite::pin_project! {
    /// The future of [`LocaleService`].
    pub struct LocaleFuture<F> {
        #[pin]
        inner: F,
        layer: LocaleLayer,
        locale: Locale,
    }
}

impl<F, R, E> Future for LocaleFuture<F>
where
    F: Future<Output = Result<Response<R>, E>>,
{
    type Output = Result<Response<ResponseBody<R>>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let response = ready!(this.inner.poll(cx))?;
        Poll::Ready(Ok(localize(response, this.layer, *this.locale)))
    }
}

/// The response in `locale`, when the adapters built it; else untouched.
fn localize<R>(
    response: Response<R>,
    layer: &LocaleLayer,
    locale: Locale,
) -> Response<ResponseBody<R>> {
    let Some(answered) = response.extensions().get::<Answered>() else {
        return response.map(ResponseBody::new);
    };
    let translations = layer.translations;
    let body = answered.localize(translations, locale, layer.shape);
    let language = if body.is_some() {
        locale.tag()
    } else {
        translations.default_locale().tag()
    };
    let (mut parts, inner) = response.into_parts();
    let body = match body {
        Some(text) => {
            parts.headers.remove(CONTENT_LENGTH);
            ResponseBody::answer(match text {
                std::borrow::Cow::Borrowed(s) => Bytes::from_static(s.as_bytes()),
                std::borrow::Cow::Owned(s) => Bytes::from(s),
            })
        }
        None => ResponseBody::new(inner),
    };
    // Tags of a loaded catalog are ASCII: the header is always valid.
    if let Ok(value) = HeaderValue::from_str(language) {
        parts.headers.insert(CONTENT_LANGUAGE, value);
    }
    let vary = vary_with_accept_language(
        parts
            .headers
            .get_all(VARY)
            .iter()
            .map(HeaderValue::as_bytes),
    );
    if let Some(value) = vary.and_then(|v| HeaderValue::try_from(v).ok()) {
        parts.headers.insert(VARY, value);
    }
    Response::from_parts(parts, body)
}
