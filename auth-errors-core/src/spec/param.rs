//! [`ParamSpec`] and [`ParamType`]: the typed params of an entry.

use crate::spec::names::vocabulary;
use crate::template;

vocabulary! {
    /// The type of an entry's parameter, which decides the field type a macro generates.
    pub enum ParamType ("param type") {
        /// Free text (`String`).
        String = "string",
        /// One OAuth scope-token, checked against RFC 6749 §3.3 (a `Scope`).
        Scope = "scope",
        /// A non-negative integer (`u64`).
        Integer = "integer",
        /// A delay in seconds, `delta-seconds` of `Retry-After` (RFC 9110 §10.2.3): a
        /// non-negative integer (`u64`).
        Seconds = "seconds",
        /// A point in time, an IMF-fixdate (RFC 9110 §5.6.7): an [`HttpDate`](crate::HttpDate).
        HttpDate = "http_date",
    }
}

/// One declared parameter of an entry: its name, as used in `{placeholders}`, and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamSpec {
    name: &'static str,
    ty: ParamType,
}

impl ParamSpec {
    /// A param. The name must be a `snake_case` placeholder name (`[a-z][a-z0-9_]*`); in a
    /// `const` a bad name is a compile error, elsewhere a panic, as
    /// `http::HeaderValue::from_static` does.
    pub const fn new(name: &'static str, ty: ParamType) -> ParamSpec {
        assert!(
            template::is_param_name(name),
            "a param name is snake_case: [a-z][a-z0-9_]*"
        );
        ParamSpec { name, ty }
    }

    /// A param from a validated catalog, not checked again.
    pub(crate) const fn new_unchecked(name: &'static str, ty: ParamType) -> ParamSpec {
        ParamSpec { name, ty }
    }

    /// The name, as used in `{placeholders}`.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The type.
    pub const fn ty(&self) -> ParamType {
        self.ty
    }
}
