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
//! Every response carries `Access-Control-Expose-Headers: WWW-Authenticate`:
//! without it a browser's script cannot read the challenge of a cross-origin
//! response.

pub mod actix_app;
pub mod axum_app;

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

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

/// The headers every demo response carries, so browsers can read the challenge.
pub const CORS_HEADERS: [(&str, &str); 2] = [
    ("access-control-allow-origin", "*"),
    ("access-control-expose-headers", "WWW-Authenticate"),
];

struct AccessToken {
    scopes: &'static [&'static str],
    expires: Instant,
}

#[derive(Default)]
struct State {
    access: HashMap<String, AccessToken>,
    refresh: HashMap<String, &'static [&'static str]>,
    stats: Stats,
}

/// The in-memory token service behind both servers.
pub struct Demo {
    ttl: Duration,
    state: Mutex<State>,
    random: RandomState,
}

const READER: &[&str] = &["orders:read"];
const WRITER: &[&str] = &["orders:read", "orders:write"];

impl Demo {
    /// A service whose access tokens live `ttl`.
    pub fn new(ttl: Duration) -> Self {
        Demo {
            ttl,
            state: Mutex::new(State::default()),
            random: RandomState::new(),
        }
    }

    /// A service configured from `DEMO_TOKEN_TTL_SECS` (default 60).
    pub fn from_env() -> Self {
        let secs = std::env::var("DEMO_TOKEN_TTL_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(60);
        Demo::new(Duration::from_secs(secs))
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
         \x20 curl -i {base}/stats\n"
    )
}
