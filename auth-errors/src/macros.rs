//! The `macro_rules!` of this crate: the framework impls the catalog macros ask for, each
//! a pair of twins for a feature on and off (as `axum-core/src/macros.rs` has), and the
//! conversions shared by the two `http` crate versions the adapters speak.

/// Implements the framework traits this crate's features enable for a generated or
/// derived enum; the macros call it, so a user never repeats a feature.
///
/// The type has `SPECS` and `const fn __index(&self) -> usize` (its row). After `heads:`
/// come the distinct heads of its static variants (status, body format, fixed
/// `WWW-Authenticate` value or none), each with its class (`STATIC_FIRST_HEAD` on); after
/// `statics:`, each row's class (`STATIC_DYNAMIC` for a row answered at run time). A
/// static variant's response is its head, made in a `const` once per distinct head, and
/// its spec's compiled body: nothing is checked or copied at run time, and nothing is
/// emitted per variant but its class. After the classes, `true` when there are static
/// rows and every one is a unit variant: their axum response then skips the value's
/// drop glue (there is nothing to drop), and the type may not implement `Drop`. Then,
/// after `bearer:`, how each `BearerRejection` maps to a variant, when the enum has the
/// entries the standard catalog answers them with; after `embedded:`, how each variant
/// of a facade enum of an embedded catalog (`OAuthError`, `RequestError`) maps to one,
/// for each whose entries the enum has all; after `grpc:`, the gRPC error domain, why
/// each entry without a gRPC code needs one, and how each code rebuilds its variant from
/// `ErrorInfo` metadata (`none` for a derived enum, whose fields may have any type).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_adapters {
    ($ty:ty) => {
        $crate::__impl_adapters!($ty; heads: []; statics: [], false; bearer:; embedded: []; grpc: ::core::env!("CARGO_PKG_NAME"), [], none);
    };
    (
        $ty:ty;
        heads: [$($class:literal => ($status:literal, $format:expr, $challenge:expr)),* $(,)?];
        statics: [$($static:literal),* $(,)?], $unit:tt;
        bearer: $($rejection:ident => $variant:ident),* $(,)?;
        embedded: [$($module:ident :: $enum:ident { $($std:ident { $($field:ident),* } => $to:ident),* }),* $(,)?];
        grpc: $domain:expr, [$($missing:literal),* $(,)?], $rebuild:tt
    ) => {
        $crate::__impl_axum!($ty; [$($class => ($status, $format, $challenge)),*]; [$($static),*]; $unit);
        $crate::__impl_actix!($ty; [$($class => ($status, $format, $challenge)),*]; [$($static),*]);
        $crate::__impl_utoipa!($ty);
        $crate::__impl_tonic!($ty; $domain; [$($missing),*]; $rebuild);
        $crate::__impl_bearer!($ty; $($rejection => $variant),*);
        $($crate::__impl_embedded!($ty; $module::$enum; $($std { $($field),* } => $to),*);)*
        #[automatically_derived]
        impl $crate::monitor::Specs for $ty {
            const SPECS: &'static [$crate::ErrorSpec] = <$ty>::SPECS;
        }
    };
}

/// `From<BearerRejection>` for an enum that has a variant for every rejection.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_bearer {
    ($ty:ty;) => {};
    ($ty:ty; $($rejection:ident => $variant:ident),+) => {
        #[automatically_derived]
        impl ::core::convert::From<$crate::bearer::BearerRejection> for $ty {
            fn from(rejection: $crate::bearer::BearerRejection) -> Self {
                match rejection {
                    $($crate::bearer::BearerRejection::$rejection => Self::$variant,)+
                }
            }
        }
    };
}

/// `From<module::Enum>` for an enum that has every entry of that embedded catalog with
/// the same params (`From<OAuthError>`, `From<RequestError>`): what the `jwt` extractors
/// and guards answer through.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_embedded {
    ($ty:ty; $module:ident :: $enum:ident; $($std:ident { $($field:ident),* } => $to:ident),+) => {
        #[automatically_derived]
        impl ::core::convert::From<$crate::$module::$enum> for $ty {
            fn from(error: $crate::$module::$enum) -> Self {
                match error {
                    $($crate::$module::$enum::$std { $($field),* } => Self::$to { $($field),* },)+
                }
            }
        }
    };
}

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($ty:ty) => {
        #[automatically_derived]
        impl $crate::__private::utoipa::IntoResponses for $ty {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::utoipa::responses(<$ty>::SPECS)
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($ty:ty) => {};
}

/// Each row of `$ty::SPECS` as its static head's class and its body, made once in a
/// `const`: `(STATIC_DYNAMIC, "")` for a row answered at run time (or whose body is not
/// fixed text), so answering a static variant is one lookup and one jump.
#[cfg(any(feature = "axum", feature = "actix"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __static_rows {
    ($ty:ty; [$($static:literal),*]) => {{
        const STATICS: &[u16] = &[$($static),*];
        const N: usize = <$ty>::SPECS.len();
        const ROWS: [(u16, &str); N] = {
            let mut rows = [($crate::__private::STATIC_DYNAMIC, ""); N];
            let mut i = 0;
            while i < N && i < STATICS.len() {
                if let ::core::option::Option::Some(body) =
                    $crate::__private::fixed_body(&<$ty>::SPECS[i])
                {
                    rows[i] = (STATICS[i], body);
                }
                i += 1;
            }
            rows
        };
        &ROWS
    }};
}

/// `From<E> for tonic::Status`, the codes in `$domain`, and for a generated enum
/// `TryFrom<&Status>`; an entry with no gRPC code is a compile error here, where it would
/// answer over gRPC.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ($ty:ty; $domain:expr; [$($missing:literal),*]; $rebuild:tt) => {
        $(::core::compile_error!($missing);)*
        #[automatically_derived]
        impl ::core::convert::From<$ty> for $crate::__private::tonic::Status {
            fn from(error: $ty) -> Self {
                $crate::tonic::status(&error, $domain)
            }
        }
        #[automatically_derived]
        impl ::core::convert::From<&$ty> for $crate::__private::tonic::Status {
            fn from(error: &$ty) -> Self {
                $crate::tonic::status(error, $domain)
            }
        }
        $crate::__impl_tonic_back!($ty; $domain; $rebuild);
    };
}

/// `TryFrom<&tonic::Status>` for a generated enum: `(domain, reason)` names the variant,
/// and the `ErrorInfo` metadata its fields (each parsed with its type's `FromStr`).
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic_back {
    ($ty:ty; $domain:expr; none) => {};
    ($ty:ty; $domain:expr; [$($code:literal => $variant:ident { $($field:ident : $param:literal),* }),* $(,)?]) => {
        #[automatically_derived]
        impl ::core::convert::TryFrom<&$crate::__private::tonic::Status> for $ty {
            type Error = $crate::tonic::FromStatusError;

            fn try_from(
                status: &$crate::__private::tonic::Status,
            ) -> ::core::result::Result<Self, Self::Error> {
                let info = $crate::tonic::error_info(status, $domain)?;
                let metadata = &info.metadata;
                match info.reason.as_str() {
                    $($code => ::core::result::Result::Ok(Self::$variant {
                        $($field: $crate::tonic::param(metadata, $code, $param)?,)*
                    }),)*
                    _ => ::core::result::Result::Err($crate::tonic::FromStatusError::reason(&info.reason)),
                }
            }
        }
    };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ($($tt:tt)*) => {};
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($ty:ty; [$($class:literal => ($status:literal, $format:expr, $challenge:expr)),*]; [$($static:literal),*]; $unit:tt) => {
        #[automatically_derived]
        impl $crate::__private::axum_core::response::IntoResponse for $ty {
            #[inline]
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                let rows: &[(u16, &'static str)] = $crate::__static_rows!($ty; [$($static),*]);
                match rows.get(self.__index()) {
                    $(::core::option::Option::Some(&($class, body)) => {
                        const HEAD: $crate::__private::HttpHead =
                            $crate::__private::HttpHead::new($status, $format, $challenge);
                        // With `$unit` the variant is a unit one, with nothing to
                        // drop: not dropping it spares the response the whole enum's
                        // drop glue (decoding the variant again after the call).
                        let this = ::core::mem::ManuallyDrop::new(self);
                        let response = $crate::__private::axum_static(&*this, HEAD, body);
                        if !$unit {
                            // Dropped here, at the end of this block.
                            let _owned = ::core::mem::ManuallyDrop::into_inner(this);
                        }
                        response
                    })*
                    _ => $crate::__private::axum_response(&self),
                }
            }
        }
        $crate::__no_drop_impl!($ty; $unit);
    };
}

/// With `true`: a compile error if `$ty` implements `Drop`, whose body the axum
/// response of a static variant would skip. The two impls below overlap exactly when
/// it does (the check `pin-project` makes).
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __no_drop_impl {
    ($ty:ty; false) => {};
    ($ty:ty; true) => {
        const _: () = {
            #[allow(dead_code, reason = "it exists for its impls")]
            trait CatalogEnumsMustNotImplementDrop {}
            #[allow(drop_bounds, reason = "the impl exists to overlap with a Drop impl")]
            impl<T: ::core::ops::Drop> CatalogEnumsMustNotImplementDrop for T {}
            impl CatalogEnumsMustNotImplementDrop for $ty {}
        };
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($tt:tt)*) => {};
}

#[cfg(feature = "actix")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    ($ty:ty; [$($class:literal => ($status:literal, $format:expr, $challenge:expr)),*]; [$($static:literal),*]) => {
        #[automatically_derived]
        impl $crate::__private::actix_web::ResponseError for $ty {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix::status_code(self)
            }

            #[inline]
            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                let rows: &[(u16, &'static str)] = $crate::__static_rows!($ty; [$($static),*]);
                match rows.get(self.__index()) {
                    $(::core::option::Option::Some(&($class, body)) => {
                        const HEAD: $crate::__private::ActixHead =
                            $crate::__private::ActixHead::new($status, $format, $challenge);
                        $crate::__private::actix_static(self, HEAD, body)
                    })*
                    _ => $crate::actix::error_response(self),
                }
            }
        }
    };
}

#[cfg(not(feature = "actix"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    ($($tt:tt)*) => {};
}

/// The conversions from a response plan to one `http` crate version's header types, and
/// the compile-time response of a static variant in those types. Written once, expanded
/// for `http` 1 (axum, tower, hyper) and for `http` 0.2 (actix-web 4).
#[cfg(any(feature = "http", feature = "actix"))]
macro_rules! header_conversions {
    ($($header:ident)::+, $status_ty:ty, $status:path) => {
        use $($header)::+::{HeaderName, HeaderValue};

        /// The content types of the two body formats, validated once, at compile time.
        const JSON: HeaderValue = HeaderValue::from_static("application/json");
        const PROBLEM: HeaderValue = HeaderValue::from_static("application/problem+json");

        /// The content type of a body format as a header value.
        const fn content_type(format: $crate::BodyFormat) -> HeaderValue {
            match format {
                $crate::BodyFormat::Json => JSON,
                $crate::BodyFormat::Problem => PROBLEM,
            }
        }

        /// A header value from the plan: a `'static` one is checked, then used without a copy.
        fn header_value(value: ::std::borrow::Cow<'static, str>) -> Option<HeaderValue> {
            match value {
                // Checked first, so `from_static` cannot panic.
                ::std::borrow::Cow::Borrowed(s) if $crate::__private::is_quotable_str(s) => {
                    Some(HeaderValue::from_static(s))
                }
                ::std::borrow::Cow::Borrowed(_) => None,
                ::std::borrow::Cow::Owned(s) => HeaderValue::try_from(s).ok(),
            }
        }

        /// The plan's extra headers, each already a valid field value.
        fn extra_headers(
            headers: Vec<(&'static str, String)>,
        ) -> impl Iterator<Item = (HeaderName, HeaderValue)> {
            headers.into_iter().filter_map(|(name, value)| {
                Some((
                    HeaderName::from_bytes(name.as_bytes()).ok()?,
                    HeaderValue::try_from(value).ok()?,
                ))
            })
        }

        /// The body as bytes: a static body is borrowed, not copied.
        fn body_bytes(body: ::std::borrow::Cow<'static, str>) -> ::bytes::Bytes {
            match body {
                ::std::borrow::Cow::Borrowed(s) => ::bytes::Bytes::from_static(s.as_bytes()),
                ::std::borrow::Cow::Owned(s) => ::bytes::Bytes::from(s),
            }
        }

        /// The status line and headers of a static variant's response: its status, its
        /// body format's content type and its `WWW-Authenticate` value (if any). Generated
        /// code makes one in a `const` per distinct head (the header value checked by
        /// `HeaderValue::from_static` during constant evaluation), so a static response
        /// validates and copies nothing at run time; the body is the spec's compiled text.
        #[doc(hidden)]
        #[derive(Debug, Clone)]
        pub struct StaticHead {
            status: $status_ty,
            content_type: HeaderValue,
            challenge: Option<HeaderValue>,
        }

        impl StaticHead {
            /// What generated code evaluates in a `const`.
            pub const fn new(
                status: u16,
                format: $crate::BodyFormat,
                challenge: Option<&'static str>,
            ) -> StaticHead {
                StaticHead {
                    status: $status(status),
                    content_type: content_type(format),
                    challenge: match challenge {
                        Some(value) => Some(HeaderValue::from_static(value)),
                        None => None,
                    },
                }
            }
        }
    };
}
