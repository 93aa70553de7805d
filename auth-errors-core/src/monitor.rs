//! The vocabulary monitoring shares between the runtime's counters and the alert rules
//! written from a catalog: the counter's name and the `class` of a status.

/// The counter every error response increments (the `metrics` feature of
/// `auth-errors`), labelled `code`, `status`, `error` and `class`; the alert rules
/// written by `docs::prometheus_rules` (feature `docs`) read it.
pub const METRIC: &str = "auth_errors_responses_total";

/// The class of a status, the `class` label of the counter: what kind of trouble a rise
/// in it means.
///
/// ```
/// use auth_errors_core::monitor::Class;
///
/// assert_eq!(Class::of(403), Class::Auth);
/// assert_eq!(Class::of(429).name(), "client");
/// assert_eq!(Class::of(503).name(), "server");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// 401 or 403: the auth system (keys, JWKS, clock) or a permission policy.
    Auth,
    /// Another 4xx: the client.
    Client,
    /// A 5xx: the server.
    Server,
}

impl Class {
    /// The class of a status.
    pub const fn of(status: u16) -> Class {
        match status {
            401 | 403 => Class::Auth,
            500.. => Class::Server,
            _ => Class::Client,
        }
    }

    /// The label value: `auth`, `client` or `server`.
    pub const fn name(self) -> &'static str {
        match self {
            Class::Auth => "auth",
            Class::Client => "client",
            Class::Server => "server",
        }
    }
}
