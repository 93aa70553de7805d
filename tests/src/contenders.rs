//! The contenders of the response benches: one error enum each, with the same two
//! cases, a static one (`TOKEN_EXPIRED`) and a dynamic one (`INSUFFICIENT_SCOPE` with a
//! scope known only at run time).
//!
//! - [`auth_errors`]: the standard catalog's `OAuthError`, through the generated impls.
//! - [`handwritten`]: the best an expert writes by hand: `HeaderValue::from_static` and a
//!   pre-serialised `&'static` body for the static case, one `format!` each for the
//!   header and the body of the dynamic case, the response built directly.
//! - [`typical`]: what most code does: thiserror, `format!` and `serde_json::json!`.
//! - [`problem`]: `http-api-problem`, with the challenge added to its response.
//! - [`thiserror_derive`]: `axum_thiserror`, which sets the status and serialises the enum
//!   as the body; it cannot set `WWW-Authenticate`, so it does less than the others.
//!
//! Used by the benches and by `tests/tests/perf/` (`bench_cases.rs` checks that the
//! contenders answer with the same bytes wherever they can express them). The functions a
//! bench times are `#[inline]`, so they are compiled into the bench as when this module
//! was part of it: a call across crates would handicap the hand-written contenders only.

/// The scope of the dynamic case.
pub const SCOPE: &str = "orders:write";

/// `TOKEN_EXPIRED`'s challenge.
pub const STATIC_CHALLENGE: &str =
    r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#;
/// `TOKEN_EXPIRED`'s body.
pub const STATIC_BODY: &str = r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#;

/// `INSUFFICIENT_SCOPE`'s challenge for [`SCOPE`].
#[inline]
pub fn dynamic_challenge(scope: &str) -> String {
    format!(
        r#"Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scope this request needs", scope="{scope}""#
    )
}

/// `INSUFFICIENT_SCOPE`'s body for [`SCOPE`].
pub fn dynamic_body(scope: &str) -> String {
    format!(r#"{{"code":"INSUFFICIENT_SCOPE","message":"This action needs the {scope} scope"}}"#)
}

/// [`SCOPE`] as a value the compiler cannot see through: it lives on the heap, made at
/// run time, and is leaked so every contender can hold it as cheaply as a `&'static str`
/// (cloning an error to build a response then costs no allocation in any contender).
pub fn runtime_scope() -> &'static str {
    Box::leak(std::hint::black_box(String::from(SCOPE)).into_boxed_str())
}

/// auth-errors: the standard catalog's generated enum.
pub mod auth_errors {
    /// The error type of this contender.
    pub use auth_errors::oauth::OAuthError as Error;

    use auth_errors::Scope;

    /// The static case, `TOKEN_EXPIRED`.
    pub fn static_error() -> Error {
        Error::TokenExpired
    }

    /// The dynamic case, `INSUFFICIENT_SCOPE` for `scope`.
    pub fn dynamic_error(scope: &'static str) -> Error {
        Error::InsufficientScope {
            scope: Scope::new(scope).unwrap_or(Scope::from_static("invalid")),
        }
    }
}

/// The best an expert writes by hand.
pub mod handwritten {
    use axum::body::Body;
    use axum::http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
    use axum::http::{HeaderValue, StatusCode};
    use axum::response::{IntoResponse, Response};

    use super::{STATIC_BODY, STATIC_CHALLENGE};

    /// The error type of this contender.
    #[derive(Debug, Clone, Copy)]
    pub enum Error {
        /// `TOKEN_EXPIRED`.
        TokenExpired,
        /// `INSUFFICIENT_SCOPE` for `scope`.
        InsufficientScope {
            /// The scope the request needs.
            scope: &'static str,
        },
    }

    /// The static case, `TOKEN_EXPIRED`.
    pub fn static_error() -> Error {
        Error::TokenExpired
    }

    /// The dynamic case, `INSUFFICIENT_SCOPE` for `scope`.
    pub fn dynamic_error(scope: &'static str) -> Error {
        Error::InsufficientScope { scope }
    }

    #[inline]
    fn dynamic(scope: &str) -> (String, String) {
        (
            format!(
                r#"Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scope this request needs", scope="{scope}""#
            ),
            format!(
                r#"{{"code":"INSUFFICIENT_SCOPE","message":"This action needs the {scope} scope"}}"#
            ),
        )
    }

    impl IntoResponse for Error {
        #[inline]
        fn into_response(self) -> Response {
            match self {
                Error::TokenExpired => {
                    let mut response = Response::new(Body::from(STATIC_BODY));
                    *response.status_mut() = StatusCode::UNAUTHORIZED;
                    let headers = response.headers_mut();
                    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                    headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static(STATIC_CHALLENGE));
                    response
                }
                Error::InsufficientScope { scope } => {
                    let (challenge, body) = dynamic(scope);
                    let mut response = Response::new(Body::from(body));
                    *response.status_mut() = StatusCode::FORBIDDEN;
                    let headers = response.headers_mut();
                    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                    if let Ok(value) = HeaderValue::try_from(challenge) {
                        headers.insert(WWW_AUTHENTICATE, value);
                    }
                    response
                }
            }
        }
    }

    /// The same by hand as a plain `http::Response<Bytes>`.
    #[inline]
    pub fn to_http(err: Error) -> http::Response<bytes::Bytes> {
        match err {
            Error::TokenExpired => {
                let mut response =
                    http::Response::new(bytes::Bytes::from_static(STATIC_BODY.as_bytes()));
                *response.status_mut() = StatusCode::UNAUTHORIZED;
                let headers = response.headers_mut();
                headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static(STATIC_CHALLENGE));
                response
            }
            Error::InsufficientScope { scope } => {
                let (challenge, body) = dynamic(scope);
                let mut response = http::Response::new(bytes::Bytes::from(body));
                *response.status_mut() = StatusCode::FORBIDDEN;
                let headers = response.headers_mut();
                headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                if let Ok(value) = HeaderValue::try_from(challenge) {
                    headers.insert(WWW_AUTHENTICATE, value);
                }
                response
            }
        }
    }

    impl std::fmt::Display for Error {
        #[inline]
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            match self {
                Error::TokenExpired => f.write_str("Access token expired"),
                Error::InsufficientScope { scope } => {
                    write!(f, "This action needs the {scope} scope")
                }
            }
        }
    }

    impl actix_web::ResponseError for Error {
        #[inline]
        fn status_code(&self) -> actix_web::http::StatusCode {
            match self {
                Error::TokenExpired => actix_web::http::StatusCode::UNAUTHORIZED,
                Error::InsufficientScope { .. } => actix_web::http::StatusCode::FORBIDDEN,
            }
        }

        #[inline]
        fn error_response(&self) -> actix_web::HttpResponse {
            use actix_web::http::header::{self, HeaderValue};
            match *self {
                Error::TokenExpired => {
                    let mut response = actix_web::HttpResponse::with_body(
                        actix_web::http::StatusCode::UNAUTHORIZED,
                        STATIC_BODY,
                    );
                    let headers = response.headers_mut();
                    headers.insert(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/json"),
                    );
                    headers.insert(
                        header::WWW_AUTHENTICATE,
                        HeaderValue::from_static(STATIC_CHALLENGE),
                    );
                    response.map_into_boxed_body()
                }
                Error::InsufficientScope { scope } => {
                    let (challenge, body) = dynamic(scope);
                    let mut response = actix_web::HttpResponse::with_body(
                        actix_web::http::StatusCode::FORBIDDEN,
                        body,
                    );
                    let headers = response.headers_mut();
                    headers.insert(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/json"),
                    );
                    if let Ok(value) = HeaderValue::try_from(challenge) {
                        headers.insert(header::WWW_AUTHENTICATE, value);
                    }
                    response.map_into_boxed_body()
                }
            }
        }
    }
}

/// What most code does: thiserror, `format!` and `serde_json::json!`.
pub mod typical {
    use axum::Json;
    use axum::http::StatusCode;
    use axum::http::header::WWW_AUTHENTICATE;
    use axum::response::{IntoResponse, Response};

    /// The error type of this contender.
    #[derive(Debug, Clone, Copy, thiserror::Error)]
    pub enum Error {
        /// `TOKEN_EXPIRED`.
        #[error("Access token expired")]
        TokenExpired,
        /// `INSUFFICIENT_SCOPE` for `scope`.
        #[error("This action needs the {scope} scope")]
        InsufficientScope {
            /// The scope the request needs.
            scope: &'static str,
        },
    }

    /// The static case, `TOKEN_EXPIRED`.
    pub fn static_error() -> Error {
        Error::TokenExpired
    }

    /// The dynamic case, `INSUFFICIENT_SCOPE` for `scope`.
    pub fn dynamic_error(scope: &'static str) -> Error {
        Error::InsufficientScope { scope }
    }

    impl Error {
        #[inline]
        fn parts(&self) -> (u16, &'static str, String) {
            match self {
                Error::TokenExpired => (
                    401,
                    "TOKEN_EXPIRED",
                    format!(
                        "Bearer realm=\"{}\", error=\"{}\", error_description=\"{}\"",
                        "api", "invalid_token", "The access token expired"
                    ),
                ),
                Error::InsufficientScope { scope } => (
                    403,
                    "INSUFFICIENT_SCOPE",
                    format!(
                        "Bearer realm=\"{}\", error=\"{}\", error_description=\"{}\", scope=\"{}\"",
                        "api",
                        "insufficient_scope",
                        "The access token lacks the scope this request needs",
                        scope
                    ),
                ),
            }
        }
    }

    impl IntoResponse for Error {
        #[inline]
        fn into_response(self) -> Response {
            let (status, code, challenge) = self.parts();
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let body = serde_json::json!({ "code": code, "message": self.to_string() });
            (status, [(WWW_AUTHENTICATE, challenge)], Json(body)).into_response()
        }
    }

    impl actix_web::ResponseError for Error {
        #[inline]
        fn status_code(&self) -> actix_web::http::StatusCode {
            let (status, _, _) = self.parts();
            actix_web::http::StatusCode::from_u16(status)
                .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
        }

        #[inline]
        fn error_response(&self) -> actix_web::HttpResponse {
            let (status, code, challenge) = self.parts();
            let status = actix_web::http::StatusCode::from_u16(status)
                .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR);
            actix_web::HttpResponse::build(status)
                .insert_header((actix_web::http::header::WWW_AUTHENTICATE, challenge))
                .json(serde_json::json!({ "code": code, "message": self.to_string() }))
        }
    }
}

/// `http-api-problem`, with the challenge added to its response.
pub mod problem {
    use axum::http::header::WWW_AUTHENTICATE;
    use axum::http::{HeaderValue, StatusCode};
    use axum::response::{IntoResponse, Response};
    use http_api_problem::HttpApiProblem;

    use super::STATIC_CHALLENGE;

    /// The error type of this contender.
    #[derive(Debug, Clone, Copy)]
    pub enum Error {
        /// `TOKEN_EXPIRED`.
        TokenExpired,
        /// `INSUFFICIENT_SCOPE` for `scope`.
        InsufficientScope {
            /// The scope the request needs.
            scope: &'static str,
        },
    }

    /// The static case, `TOKEN_EXPIRED`.
    pub fn static_error() -> Error {
        Error::TokenExpired
    }

    /// The dynamic case, `INSUFFICIENT_SCOPE` for `scope`.
    pub fn dynamic_error(scope: &'static str) -> Error {
        Error::InsufficientScope { scope }
    }

    impl std::fmt::Display for Error {
        #[inline]
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("auth error")
        }
    }

    impl Error {
        /// The problem and the challenge: the crate has no notion of a challenge, so the
        /// header is written by hand (statically where it can be).
        #[inline]
        fn problem(&self) -> (HttpApiProblem, Option<HeaderValue>) {
            match self {
                Error::TokenExpired => (
                    HttpApiProblem::new(StatusCode::UNAUTHORIZED)
                        .title("Access token expired")
                        .detail("Access token expired")
                        .value("code", &"TOKEN_EXPIRED"),
                    Some(HeaderValue::from_static(STATIC_CHALLENGE)),
                ),
                Error::InsufficientScope { scope } => (
                    HttpApiProblem::new(StatusCode::FORBIDDEN)
                        .title("Insufficient scope")
                        .detail(format!("This action needs the {scope} scope"))
                        .value("code", &"INSUFFICIENT_SCOPE"),
                    HeaderValue::try_from(super::dynamic_challenge(scope)).ok(),
                ),
            }
        }
    }

    impl IntoResponse for Error {
        #[inline]
        fn into_response(self) -> Response {
            let (problem, challenge) = self.problem();
            let mut response = problem.into_response();
            if let Some(value) = challenge {
                response.headers_mut().insert(WWW_AUTHENTICATE, value);
            }
            response
        }
    }

    impl actix_web::ResponseError for Error {
        #[inline]
        fn status_code(&self) -> actix_web::http::StatusCode {
            match self {
                Error::TokenExpired => actix_web::http::StatusCode::UNAUTHORIZED,
                Error::InsufficientScope { .. } => actix_web::http::StatusCode::FORBIDDEN,
            }
        }

        #[inline]
        fn error_response(&self) -> actix_web::HttpResponse {
            use actix_web::http::header::{self, HeaderValue};
            let (problem, _) = self.problem();
            let mut response = problem.to_actix_response();
            let challenge = match self {
                Error::TokenExpired => Some(HeaderValue::from_static(STATIC_CHALLENGE)),
                Error::InsufficientScope { scope } => {
                    HeaderValue::try_from(super::dynamic_challenge(scope)).ok()
                }
            };
            if let Some(value) = challenge {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, value);
            }
            response
        }
    }
}

/// `axum_thiserror`: the status and the serialised enum, no challenge.
pub mod thiserror_derive {
    use axum::http::StatusCode;
    use axum_thiserror::ErrorStatus;
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    /// The error type of this contender.
    #[derive(Debug, Clone, Copy, thiserror::Error, ErrorStatus)]
    pub enum Error {
        /// `TOKEN_EXPIRED`.
        #[error("Access token expired")]
        #[status(StatusCode::UNAUTHORIZED)]
        TokenExpired,
        /// `INSUFFICIENT_SCOPE` for `scope`.
        #[error("This action needs the {scope} scope")]
        #[status(StatusCode::FORBIDDEN)]
        InsufficientScope {
            /// The scope the request needs.
            scope: &'static str,
        },
    }

    /// The static case, `TOKEN_EXPIRED`.
    pub fn static_error() -> Error {
        Error::TokenExpired
    }

    /// The dynamic case, `INSUFFICIENT_SCOPE` for `scope`.
    pub fn dynamic_error(scope: &'static str) -> Error {
        Error::InsufficientScope { scope }
    }

    /// The message through `Display`, serialised without an intermediate `String`.
    struct Message<'a>(&'a Error);

    impl Serialize for Message<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self.0)
        }
    }

    /// `{"code","message"}`, the body the other contenders send.
    impl Serialize for Error {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let code = match self {
                Error::TokenExpired => "TOKEN_EXPIRED",
                Error::InsufficientScope { .. } => "INSUFFICIENT_SCOPE",
            };
            let mut s = serializer.serialize_struct("Error", 2)?;
            s.serialize_field("code", code)?;
            s.serialize_field("message", &Message(self))?;
            s.end()
        }
    }
}
