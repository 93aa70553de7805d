//! The rules a probe checks: one table, driving the checks, the report and the docs.

/// One rule of the probe: a stable id, the standard it comes from, and what it asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The stable id, as printed and in the JSON report (`no-credentials-status`).
    pub id: &'static str,
    /// Where the rule comes from (`RFC 6750 §3.1`).
    pub source: &'static str,
    /// What the rule asks of the API, in a sentence.
    pub asks: &'static str,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $source:literal, $asks:literal;)+) => {
        $(
            #[doc = $asks]
            pub const $name: Rule = Rule { id: $id, source: $source, asks: $asks };
        )+
        /// Every rule, in the order the report lists them.
        pub const ALL: &[Rule] = &[$($name),+];
    };
}

rules! {
    NO_CREDENTIALS_STATUS = "no-credentials-status", "RFC 9110 §15.5.2, RFC 6750 §3.1",
        "A request without credentials is answered 401 (not 2xx, not a redirect, not 403).";
    NO_CREDENTIALS_CHALLENGE = "no-credentials-challenge", "RFC 9110 §11.6.1, §15.5.2",
        "The 401 carries a WWW-Authenticate header that parses, with a Bearer challenge.";
    NO_CREDENTIALS_NO_ERROR = "no-credentials-no-error", "RFC 6750 §3.1",
        "The challenge to a request without credentials has no error attribute.";
    MALFORMED_AUTHORIZATION = "malformed-authorization", "RFC 6750 §3.1",
        "A malformed Authorization header is answered 400 invalid_request (or 401).";
    GARBAGE_TOKEN = "garbage-token", "RFC 6750 §3.1",
        "A token that is not valid is answered 401 with error=\"invalid_token\".";
    EXPIRED_TOKEN = "expired-token", "RFC 6750 §3.1",
        "An expired token is answered 401 with error=\"invalid_token\".";
    VALID_TOKEN = "valid-token", "RFC 9110 §15.3",
        "A valid token is answered 2xx.";
    FORBIDDEN_TOKEN = "forbidden-token", "RFC 6750 §3.1",
        "A valid token without the needed scope is answered 403 insufficient_scope, naming the scope.";
    NO_ERROR_IN_2XX = "no-error-in-2xx", "RFC 9110 §15.3",
        "No 2xx response carries an error code in its body (the \"200 wraps the error\" pattern).";
    NO_LOGIN_REDIRECT = "no-login-redirect", "RFC 9110 §15.5.2",
        "An API request is never redirected (to a login page): it is answered with a status.";
    JSON_ERROR_BODY = "json-error-body", "RFC 9457 §3",
        "Error bodies are JSON with a code field (a warning when not).";
    CORS_PREFLIGHT = "cors-preflight", "Fetch standard, CORS protocol",
        "A preflight from the origin succeeds and allows the Authorization header.";
    CORS_EXPOSES_CHALLENGE = "cors-exposes-challenge", "Fetch standard, CORS protocol",
        "Cross-origin 401s expose WWW-Authenticate to the page's script.";
}
