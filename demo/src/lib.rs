//! The auth-errors demo: one token contract, served by axum ([`axum_app`]) and by
//! actix-web ([`actix_app`]), both answering with the standard catalog
//! ([`OAuthError`]).
//!
//! - `POST /login` with `{"user": "reader"}` or `{"user": "writer"}` gives
//!   `{"access_token", "refresh_token", "expires_in"}`; access tokens live
//!   `DEMO_TOKEN_TTL_SECS` seconds (default 60). `reader` has `orders:read`,
//!   `writer` has `orders:read orders:write`.
//! - `POST /token` with `{"refresh_token": "…"}` gives a new pair; the refresh token
//!   is used up. An unknown or used one is 401 `TOKEN_INVALID`.
//! - `GET /orders` needs `orders:read`, `POST /orders` needs `orders:write`
//!   (403 `INSUFFICIENT_SCOPE` with `scope="orders:write"`).
//! - `GET /admin` asks for step-up authentication (401
//!   `INSUFFICIENT_USER_AUTHENTICATION`, RFC 9470).
//! - Fixed tokens: `expired` (TOKEN_EXPIRED) and `revoked` (TOKEN_REVOKED); any
//!   other unknown token is TOKEN_INVALID.
//! - `GET /stats` gives `{"refreshes": N, "logins": N}`.
//!
//! Two routes answer with the demo's own entries ([`DemoError`], `demo/errors.yaml`),
//! for the client pack's tests:
//!
//! - `GET|POST /busy/{key}`: the first request for a key answers 429 `RATE_LIMITED`
//!   (503 `SERVICE_BUSY` with `?status=503`) with `Retry-After: N` (`?retry_after=N`,
//!   default 1; `?date=1` sends it as an HTTP-date). A request before the delay has
//!   passed gets the same answer; one after it gets `{"key", "attempts"}`.
//! - `GET /dpop`: 401 `USE_DPOP_NONCE` (`WWW-Authenticate: DPoP
//!   error="use_dpop_nonce"`, `DPoP-Nonce`) unless the `DPoP` header is a proof
//!   whose `nonce` claim is the server's nonce (RFC 9449 §9). The demo reads the
//!   claim without checking the proof's signature.
//!
//! With the `monitoring` feature (on by default), `GET /metrics` gives the Prometheus
//! text of every `auth_errors_responses_total` series and of `http_requests_total`
//! ([`monitoring`]).
//!
//! CORS is answered by the frameworks' own layers (tower-http's `CorsLayer`,
//! `actix-cors`), configured from [`CorsOrigins`] (`DEMO_CORS_ORIGINS`): preflights
//! allow `authorization`, `content-type` and `dpop`, and every response carries
//! `Access-Control-Expose-Headers` for `WWW-Authenticate`, `Retry-After` and
//! `DPoP-Nonce`: without it a browser's script cannot read the challenge of a
//! cross-origin response.

pub mod actix_app;
pub mod axum_app;
#[cfg(feature = "monitoring")]
pub mod monitoring;

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use base64::Engine as _;

use auth_errors::Scope;
pub use auth_errors::oauth::OAuthError;
use serde::{Deserialize, Serialize};

/// `POST /login` body.
#[derive(Debug, Deserialize)]
pub struct LoginRequest {
    /// `reader` or `writer`.
    pub user: String,
}

/// `POST /token` body.
#[derive(Debug, Deserialize)]
pub struct RefreshRequest {
    /// A refresh token from `/login` or an earlier `/token`.
    pub refresh_token: String,
}

/// A token pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    /// The bearer token to send.
    pub access_token: String,
    /// The token to trade for a new pair, once.
    pub refresh_token: String,
    /// Seconds the access token lives.
    pub expires_in: u64,
}

/// `GET /stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stats {
    /// Refreshes served.
    pub refreshes: u64,
    /// Logins served.
    pub logins: u64,
}

/// The response headers a page's script may read on a cross-origin response: the
/// challenge, the retry delay and the DPoP nonce. Without this list a browser hides
/// them, and a client sees a 401 but not why.
pub const EXPOSED_HEADERS: [&str; 3] = ["www-authenticate", "retry-after", "dpop-nonce"];

/// The request headers a page may send cross-origin. They are named: a `*` in
/// `Access-Control-Allow-Headers` never covers `Authorization` (Fetch standard).
pub const ALLOWED_HEADERS: [&str; 3] = ["authorization", "content-type", "dpop"];

/// The methods a page may use cross-origin.
pub const ALLOWED_METHODS: [&str; 6] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

/// How long a browser may cache a preflight answer.
pub const PREFLIGHT_MAX_AGE_SECS: u32 = 600;

/// The origins whose pages may call the demo: `DEMO_CORS_ORIGINS`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CorsOrigins {
    /// Any origin (`Access-Control-Allow-Origin: *`): the default. The demo uses
    /// bearer tokens, not cookies, so no credentials mode is needed.
    #[default]
    Any,
    /// Only these origins (`scheme://host[:port]`), echoed back when they match.
    List(Vec<String>),
}

impl CorsOrigins {
    /// Reads a comma- or space-separated list of origins; empty or `*` is any origin.
    /// An entry that is not `http(s)://host[:port]` is skipped and named in the
    /// returned list of rejected entries.
    pub fn parse(value: &str) -> (Self, Vec<String>) {
        let entries: Vec<&str> = value
            .split(|c: char| c == ',' || c.is_ascii_whitespace())
            .filter(|e| !e.is_empty())
            .collect();
        if entries.is_empty() || entries == ["*"] {
            return (CorsOrigins::Any, Vec::new());
        }
        let (good, bad): (Vec<&str>, Vec<&str>) = entries.into_iter().partition(|e| is_origin(e));
        (
            CorsOrigins::List(good.into_iter().map(str::to_owned).collect()),
            bad.into_iter().map(str::to_owned).collect(),
        )
    }

    /// `DEMO_CORS_ORIGINS`, unset meaning any origin; rejected entries go to stderr.
    pub fn from_env() -> Self {
        let Ok(value) = std::env::var("DEMO_CORS_ORIGINS") else {
            return CorsOrigins::Any;
        };
        let (origins, rejected) = CorsOrigins::parse(&value);
        for entry in rejected {
            eprintln!(
                "DEMO_CORS_ORIGINS: {entry:?} is not an origin (http(s)://host[:port]); skipped"
            );
        }
        origins
    }
}

/// `http(s)://host[:port]` with nothing after it, as a browser sends in `Origin`.
fn is_origin(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("http://")
        .or_else(|| s.strip_prefix("https://"))
    else {
        return false;
    };
    !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

/// The demo's own catalog entries (`demo/errors.yaml`), for the routes the client
/// pack's tests use: a retry delay and a DPoP nonce.
#[auth_errors::catalog("errors.yaml")]
#[derive(Debug)]
pub enum DemoError {}

/// `GET|POST /busy/{key}` query.
#[derive(Debug, Default, Deserialize)]
pub struct BusyQuery {
    /// 429 (default) or 503.
    pub status: Option<u16>,
    /// The delay in seconds (default 1).
    pub retry_after: Option<u64>,
    /// Send the delay as an HTTP-date rather than delta-seconds.
    pub date: Option<u8>,
}

/// `GET|POST /busy/{key}` success body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusyResponse {
    /// The key of the path.
    pub key: String,
    /// Requests seen for this key, this one included.
    pub attempts: u64,
}

/// `GET|POST /busy/{key}` told to retry later.
#[derive(Debug)]
pub struct RetryLater {
    /// The answer, with `Retry-After` in delta-seconds.
    pub error: DemoError,
    /// With `?date=1`: the HTTP-date to send as `Retry-After` instead. The catalog
    /// models only delta-seconds, so the servers replace the header.
    pub date: Option<String>,
}

struct Busy {
    attempts: u64,
    not_before: SystemTime,
    /// The HTTP-date sent, for `?date=1`.
    date: Option<String>,
}

struct AccessToken {
    scopes: &'static [&'static str],
    expires: Instant,
}

#[derive(Default)]
struct State {
    access: HashMap<String, AccessToken>,
    refresh: HashMap<String, &'static [&'static str]>,
    busy: HashMap<String, Busy>,
    stats: Stats,
}

/// The in-memory token service behind both servers.
pub struct Demo {
    ttl: Duration,
    state: Mutex<State>,
    random: RandomState,
    cors: CorsOrigins,
    dpop_nonce: String,
}

const READER: &[&str] = &["orders:read"];
const WRITER: &[&str] = &["orders:read", "orders:write"];

impl Demo {
    /// A service whose access tokens live `ttl`.
    pub fn new(ttl: Duration) -> Self {
        let random = RandomState::new();
        let dpop_nonce = format!("n-{:016x}", random.hash_one(("dpop", Instant::now())));
        Demo {
            ttl,
            state: Mutex::new(State::default()),
            random,
            cors: CorsOrigins::Any,
            dpop_nonce,
        }
    }

    /// The same service, with pages from `origins` allowed to call it.
    pub fn with_cors_origins(mut self, origins: CorsOrigins) -> Self {
        self.cors = origins;
        self
    }

    /// A service configured from `DEMO_TOKEN_TTL_SECS` (default 60) and
    /// `DEMO_CORS_ORIGINS` (default any origin).
    pub fn from_env() -> Self {
        let secs = std::env::var("DEMO_TOKEN_TTL_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(60);
        Demo::new(Duration::from_secs(secs)).with_cors_origins(CorsOrigins::from_env())
    }

    /// The origins whose pages may call the service.
    pub fn cors_origins(&self) -> &CorsOrigins {
        &self.cors
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain maps behind: keep serving.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn token(&self, kind: &str, n: u64) -> String {
        let a = self.random.hash_one((kind, n, Instant::now()));
        let b = self.random.hash_one((n, a));
        format!("{kind}-{a:016x}{b:016x}")
    }

    fn issue(&self, state: &mut State, scopes: &'static [&'static str]) -> TokenResponse {
        let n = (state.access.len() + state.refresh.len()) as u64
            + state.stats.logins
            + state.stats.refreshes;
        let access_token = self.token("at", n);
        let refresh_token = self.token("rt", n);
        state.access.insert(
            access_token.clone(),
            AccessToken {
                scopes,
                expires: Instant::now() + self.ttl,
            },
        );
        state.refresh.insert(refresh_token.clone(), scopes);
        TokenResponse {
            access_token,
            refresh_token,
            expires_in: self.ttl.as_secs(),
        }
    }

    /// `POST /login`.
    pub fn login(&self, user: &str) -> Result<TokenResponse, OAuthError> {
        let scopes = match user {
            "reader" => READER,
            "writer" => WRITER,
            _ => return Err(OAuthError::InvalidRequest),
        };
        let mut state = self.state();
        state.stats.logins += 1;
        Ok(self.issue(&mut state, scopes))
    }

    /// `POST /token`: trades a refresh token, once, for a new pair.
    pub fn refresh(&self, refresh_token: &str) -> Result<TokenResponse, OAuthError> {
        let mut state = self.state();
        let scopes = state
            .refresh
            .remove(refresh_token)
            .ok_or(OAuthError::TokenInvalid)?;
        state.stats.refreshes += 1;
        Ok(self.issue(&mut state, scopes))
    }

    /// Checks a bearer token for a scope.
    pub fn authorize(&self, token: &str, scope: &'static str) -> Result<(), OAuthError> {
        match token {
            "expired" => return Err(OAuthError::TokenExpired),
            "revoked" => return Err(OAuthError::TokenRevoked),
            _ => {}
        }
        let state = self.state();
        let access = state.access.get(token).ok_or(OAuthError::TokenInvalid)?;
        if access.expires <= Instant::now() {
            return Err(OAuthError::TokenExpired);
        }
        if !access.scopes.contains(&scope) {
            return Err(OAuthError::InsufficientScope {
                scope: Scope::from_static(scope),
            });
        }
        Ok(())
    }

    /// `GET /admin`: any valid token, then a step-up demand (RFC 9470).
    pub fn admin(&self, token: &str) -> Result<(), OAuthError> {
        self.authorize(token, "orders:read")?;
        Err(OAuthError::InsufficientUserAuthentication {
            acr_values: "urn:example:mfa".to_owned(),
            max_age: 300,
        })
    }

    /// `GET /stats`.
    pub fn stats(&self) -> Stats {
        self.state().stats
    }

    /// `GET|POST /busy/{key}`: the first request for a key, and any request before
    /// the delay it was given has passed, is told to retry later.
    pub fn busy(&self, key: &str, query: &BusyQuery) -> Result<BusyResponse, RetryLater> {
        let now = SystemTime::now();
        let mut state = self.state();
        let entry = state.busy.entry(key.to_owned()).or_insert_with(|| {
            let secs = query.retry_after.unwrap_or(1).min(86_400);
            let not_before = now + Duration::from_secs(secs);
            if query.date == Some(1) {
                // An HTTP-date has whole seconds: the delay ends at the date sent.
                let date = httpdate::fmt_http_date(not_before);
                Busy {
                    attempts: 0,
                    not_before: httpdate::parse_http_date(&date).unwrap_or(not_before),
                    date: Some(date),
                }
            } else {
                Busy {
                    attempts: 0,
                    not_before,
                    date: None,
                }
            }
        });
        entry.attempts += 1;
        if entry.attempts == 1 || now < entry.not_before {
            let left = entry.not_before.duration_since(now).unwrap_or_default();
            // Whole seconds, rounded up: a client that waits them is not too early.
            let retry_after = left.as_secs() + u64::from(left.subsec_nanos() > 0);
            let error = if query.status == Some(503) {
                DemoError::ServiceBusy { retry_after }
            } else {
                DemoError::RateLimited { retry_after }
            };
            return Err(RetryLater {
                error,
                date: entry.date.clone(),
            });
        }
        Ok(BusyResponse {
            key: key.to_owned(),
            attempts: entry.attempts,
        })
    }

    /// `GET /dpop`: accepts a `DPoP` header whose proof carries the server's nonce.
    pub fn dpop(&self, proof: Option<&str>) -> Result<(), DemoError> {
        if proof.and_then(proof_nonce).as_deref() == Some(self.dpop_nonce.as_str()) {
            return Ok(());
        }
        Err(DemoError::UseDpopNonce {
            nonce: self.dpop_nonce.clone(),
        })
    }
}

/// The `nonce` claim of a compact JWS's payload (RFC 9449 §4.2), unverified.
fn proof_nonce(proof: &str) -> Option<String> {
    let payload = proof.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    claims.get("nonce")?.as_str().map(str::to_owned)
}

/// The demo's orders.
pub fn orders() -> serde_json::Value {
    serde_json::json!([{"id": 1, "item": "coffee"}, {"id": 2, "item": "tea"}])
}

/// Logs to stderr, `auth_errors=debug` unless `RUST_LOG` says otherwise, so every
/// error response's event (code, status, source) shows.
pub fn init_tracing() {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "auth_errors=debug,info".into()),
        )
        .init();
}

/// The port from `PORT` (default 3000).
pub fn port_from_env() -> u16 {
    std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3000)
}

/// The lines printed on start: what to try with curl.
pub fn banner(framework: &str, port: u16) -> String {
    let base = format!("http://127.0.0.1:{port}");
    format!(
        "auth-errors demo ({framework}) listening on {base}\n\
         Try:\n\
         \x20 curl -i {base}/orders\n\
         \x20 curl -i -H 'Authorization: Bearer expired' {base}/orders\n\
         \x20 curl -i -H 'Authorization: Bearer revoked' {base}/orders\n\
         \x20 curl -i -H 'Authorization: Bearer' {base}/orders\n\
         \x20 curl -i -X POST -H 'Content-Type: application/json' -d '{{\"user\": \"reader\"}}' {base}/login\n\
         \x20 curl -i -X POST -H 'Authorization: Bearer <reader access_token>' {base}/orders\n\
         \x20 curl -i -X POST -H 'Content-Type: application/json' -d '{{\"refresh_token\": \"<refresh_token>\"}}' {base}/token\n\
         \x20 curl -i {base}/stats\n\
         \x20 curl {base}/metrics\n"
    )
}
