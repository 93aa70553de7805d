//! The auth-errors demo: one token contract, served by axum ([`axum_app`]) and by
//! actix-web ([`actix_app`]) with the same bytes, validating real JWTs with
//! [`auth_errors::jwt`] and answering with the standard catalog ([`OAuthError`]).
//!
//! # The environment
//!
//! [`Settings::from_env`] reads it; both example servers (`cargo run --example server`,
//! `--example server-actix`) use it.
//!
//! - **`AUTH_JWKS_URL` unset: the demo is its own issuer**, `http://127.0.0.1:$PORT`.
//!   A 2048-bit RSA key is made at start. `POST /login` with `{"user": "reader"}`
//!   (scope `orders:read`) or `{"user": "writer"}` (`orders:read orders:write`) gives
//!   `{"access_token", "refresh_token", "expires_in"}`: an RS256 JWT whose header
//!   names the key's `kid` (its RFC 7638 thumbprint), with `iss`, `sub`, `aud` =
//!   [`AUDIENCE`], `iat`, `exp` (now + `DEMO_TOKEN_TTL_SECS`, default 60, rounded up
//!   to a whole second, so a token lives at least that long), `jti` and `scope`; `"mfa": true` adds `acr` = [`MFA_ACR`].
//!   `GET /.well-known/jwks.json` serves the public key (`kty`, `n`, `e`, `kid`, `alg`,
//!   `use`). `POST /token` with `{"refresh_token": "…"}` gives a new pair with the
//!   same grant; the refresh token (opaque, in memory) is used up, and an unknown or
//!   used one is 401 `TOKEN_INVALID`. The verifier allows RS256 only, requires that
//!   `iss` and audience `api`, and allows no clock leeway.
//! - **`AUTH_JWKS_URL`, `AUTH_ISSUER` and `AUTH_AUDIENCE` set: an external issuer.**
//!   Its tokens are validated with the keys of its JWKS (RS256, ES256, EdDSA; cached
//!   by [`Jwks`]; `https://`, or `http://` to a loopback host); the demo mints none,
//!   and `/login`, `/token` and `/.well-known/jwks.json` are not served (404). Some of
//!   the three without the others is an error at start.
//! - **`AUTH_RESOURCE`** (default `http://127.0.0.1:$PORT`): the RFC 9728 resource
//!   identifier. `GET /.well-known/oauth-protected-resource` (plus the identifier's
//!   path) serves its metadata (`resource`, `authorization_servers`: the issuer,
//!   `scopes_supported`, `bearer_methods_supported`), and every 401 challenge names it
//!   in `resource_metadata`. It comes from the configuration, never from `Host`.
//! - `DEMO_CORS_ORIGINS`: see below. `PORT`: the port (default 3000; 0 picks one).
//!
//! [`Demo::new`] is the self-issued demo for tests, which make it before they know the
//! port: its issuer and resource are `http://127.0.0.1`.
//!
//! # The routes
//!
//! - `GET /orders` needs `orders:read`, `POST /orders` needs `orders:write`
//!   (403 `INSUFFICIENT_SCOPE` with `scope="orders:write"`).
//! - `GET /admin` needs `acr` = [`MFA_ACR`], else 401
//!   `INSUFFICIENT_USER_AUTHENTICATION` with `acr_values="urn:example:mfa"` and
//!   `max_age` (RFC 9470).
//! - Fixed tokens, for curl: `expired` (TOKEN_EXPIRED) and `revoked` (TOKEN_REVOKED).
//!   Any other token is checked as a JWT, and what the verifier refuses answers per
//!   the [`auth_errors::jwt`] table (a token that is no JWT is TOKEN_INVALID).
//! - A token over [`MAX_TOKEN_LEN`] (8 KiB) is 400 `INVALID_REQUEST`, before it is
//!   decoded; a malformed `Authorization` header is 400 `INVALID_REQUEST` too.
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

use auth_errors::jwt::{
    Algorithm, Claims, DecodingKey, EncodingKey, Header, Jwks, ProtectedResource, Rejection,
    Verifier,
};
pub use auth_errors::oauth::OAuthError;
use rsa::pkcs1::EncodeRsaPrivateKey as _;
use rsa::sha2::Digest as _;
use rsa::traits::PublicKeyParts as _;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

/// `POST /login` body.
#[derive(Debug, Deserialize)]
pub struct LoginRequest {
    /// `reader` or `writer`.
    pub user: String,
    /// Whether the user "passed" a second factor: the token gets `acr` =
    /// [`MFA_ACR`], which `GET /admin` asks for.
    #[serde(default)]
    pub mfa: bool,
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

/// The catalog the locale layers answer from (`demo/api.yaml`): the standard catalog
/// and the demo's own entries, with French and Chinese files (`demo/locales/`). Errors
/// of [`OAuthError`] and [`DemoError`] are translated by their codes.
#[auth_errors::catalog("api.yaml")]
#[derive(Debug)]
pub enum ApiError {}

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

/// What a refresh token stands for: the user's grant, as at login.
#[derive(Clone, Copy)]
struct Grant {
    user: &'static str,
    scopes: &'static str,
    mfa: bool,
}

#[derive(Default)]
struct State {
    refresh: HashMap<String, Grant>,
    busy: HashMap<String, Busy>,
    stats: Stats,
    /// Tokens minted so far, for unique ids.
    minted: u64,
}

/// The longest bearer token the demo reads (8 KiB). A longer one is answered
/// `400 INVALID_REQUEST` before it is decoded: no issuer sends tokens that large, and
/// decoding one costs memory and time for nothing.
pub const MAX_TOKEN_LEN: usize = 8 * 1024;

/// The audience of the tokens the demo mints and, unless `AUTH_AUDIENCE` says
/// otherwise, accepts.
pub const AUDIENCE: &str = "api";

/// The `acr` value (RFC 9068 §2.2.1) of a login with `"mfa": true`, which `GET /admin`
/// asks for (RFC 9470).
pub const MFA_ACR: &str = "urn:example:mfa";

/// How long ago the authentication behind a token may be for `GET /admin`: the
/// `max_age` of its step-up challenge.
pub const ADMIN_MAX_AGE_SECS: u64 = 300;

/// The scopes the demo's routes ask for, in its metadata document.
pub const SCOPES: [&str; 2] = ["orders:read", "orders:write"];

/// The demo as its own issuer: the RSA key it made at start, and what it signs with.
struct Issuer {
    iss: String,
    kid: String,
    key: EncodingKey,
    /// `GET /.well-known/jwks.json`, serialised once.
    jwks: String,
}

/// The claims the demo mints.
#[derive(Serialize)]
struct Minted<'a> {
    iss: &'a str,
    sub: &'a str,
    aud: &'a str,
    iat: u64,
    exp: u64,
    jti: &'a str,
    scope: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    acr: Option<&'a str>,
}

/// Where the demo's tokens come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tokens {
    /// The demo is the issuer `iss`: `POST /login` and `POST /token` mint RS256 JWTs
    /// with a key made at start, `GET /.well-known/jwks.json` publishes it.
    SelfIssued {
        /// The `iss` of the tokens, and the one accepted.
        iss: String,
    },
    /// Tokens of an external issuer, validated with the keys of its JWKS (RS256, ES256,
    /// EdDSA); the demo mints none, and serves no `/login`, `/token` or JWKS.
    External {
        /// The issuer's JWKS URL (`AUTH_JWKS_URL`).
        jwks_url: String,
        /// The accepted `iss` (`AUTH_ISSUER`).
        issuer: String,
        /// The accepted `aud` (`AUTH_AUDIENCE`).
        audience: String,
    },
}

/// The demo's settings: what the environment says (see [`Settings::from_env`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Access-token lifetime (`DEMO_TOKEN_TTL_SECS`, default 60 s).
    pub ttl: Duration,
    /// Where tokens come from.
    pub tokens: Tokens,
    /// The RFC 9728 resource identifier (`AUTH_RESOURCE`).
    pub resource: String,
    /// The origins whose pages may call the demo (`DEMO_CORS_ORIGINS`).
    pub cors: CorsOrigins,
}

impl Settings {
    /// The settings of a demo on `port`, from the environment:
    ///
    /// - `AUTH_JWKS_URL` unset: the demo is its own issuer, `http://127.0.0.1:$PORT`.
    /// - `AUTH_JWKS_URL`, `AUTH_ISSUER` and `AUTH_AUDIENCE` set: the demo validates
    ///   that issuer's tokens. One of them set without the others is an error.
    /// - `AUTH_RESOURCE`: the resource identifier (default `http://127.0.0.1:$PORT`).
    /// - `DEMO_TOKEN_TTL_SECS` (default 60) and `DEMO_CORS_ORIGINS` (default any).
    pub fn from_env(port: u16) -> Result<Settings, String> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let origin = format!("http://127.0.0.1:{port}");
        let secs = match var("DEMO_TOKEN_TTL_SECS") {
            Some(s) => s
                .parse()
                .map_err(|_| format!("DEMO_TOKEN_TTL_SECS: {s:?} is not a number of seconds"))?,
            None => 60,
        };
        let tokens = match (
            var("AUTH_JWKS_URL"),
            var("AUTH_ISSUER"),
            var("AUTH_AUDIENCE"),
        ) {
            (None, None, None) => Tokens::SelfIssued {
                iss: origin.clone(),
            },
            (Some(jwks_url), Some(issuer), Some(audience)) => Tokens::External {
                jwks_url,
                issuer,
                audience,
            },
            _ => {
                return Err(
                    "set AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE together (an external issuer), or none of them (the demo is its own issuer)"
                        .to_owned(),
                );
            }
        };
        Ok(Settings {
            ttl: Duration::from_secs(secs),
            tokens,
            resource: var("AUTH_RESOURCE").unwrap_or(origin),
            cors: CorsOrigins::from_env(),
        })
    }
}

/// The demo's token service and state, behind both servers.
pub struct Demo {
    ttl: Duration,
    state: Mutex<State>,
    random: RandomState,
    cors: CorsOrigins,
    dpop_nonce: String,
    verifier: Verifier,
    /// `Some` when the demo mints its own tokens.
    issuer: Option<Issuer>,
    metadata: ProtectedResource,
    /// Logged at start: where the keys come from.
    describe: String,
}

impl Issuer {
    /// The issuer `iss` with a new 2048-bit RSA key; its `kid` is the key's RFC 7638
    /// thumbprint.
    fn generate(iss: &str) -> Result<Issuer, String> {
        let private = rsa::PrivateKey::new(&mut getrandom::SysRng, 2048)
            .map_err(|e| format!("making the RSA key: {e}"))?;
        let der = private
            .to_pkcs1_der()
            .map_err(|e| format!("encoding the RSA key: {e}"))?;
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let n = b64(&private.n_bytes());
        let e = b64(&private.e_bytes());
        // RFC 7638 §3.2: the required members, sorted, no whitespace.
        let thumbprint = format!(r#"{{"e":"{e}","kty":"RSA","n":"{n}"}}"#);
        let kid = b64(&rsa::sha2::Sha256::digest(thumbprint.as_bytes()));
        let jwks = serde_json::json!({"keys": [{
            "kty": "RSA",
            "use": "sig",
            "alg": "RS256",
            "kid": kid,
            "n": n,
            "e": e,
        }]})
        .to_string();
        Ok(Issuer {
            iss: iss.to_owned(),
            kid,
            key: EncodingKey::from_rsa_der(der.as_bytes()),
            jwks,
        })
    }

    /// The public key, from the `n` and `e` the JWKS publishes.
    fn decoding_key(&self) -> Result<DecodingKey, String> {
        let doc: serde_json::Value =
            serde_json::from_str(&self.jwks).map_err(|e| format!("the JWKS: {e}"))?;
        let jwk = &doc["keys"][0];
        DecodingKey::from_rsa_components(
            jwk["n"].as_str().unwrap_or_default(),
            jwk["e"].as_str().unwrap_or_default(),
        )
        .map_err(|e| format!("the public key: {e}"))
    }
}

const READER: &str = "orders:read";
const WRITER: &str = "orders:read orders:write";

/// Seconds since the Unix epoch.
fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Demo {
    /// A demo that is its own issuer `http://127.0.0.1` (also its resource
    /// identifier), whose access tokens live `ttl`: for tests, which make the demo
    /// before they know its port. [`Demo::with_settings`] names the port.
    pub fn new(ttl: Duration) -> Self {
        let settings = Settings {
            ttl,
            tokens: Tokens::SelfIssued {
                iss: "http://127.0.0.1".to_owned(),
            },
            resource: "http://127.0.0.1".to_owned(),
            cors: CorsOrigins::Any,
        };
        #[allow(clippy::expect_used)]
        // The settings are constants that build; only the OS random source can fail.
        Demo::with_settings(settings).expect("the demo's own issuer starts")
    }

    /// A demo with these settings: makes the RSA key when it is its own issuer, or
    /// prepares the JWKS cache (nothing is fetched until a token needs a key).
    pub fn with_settings(settings: Settings) -> Result<Self, String> {
        let random = RandomState::new();
        let dpop_nonce = format!("n-{:016x}", random.hash_one(("dpop", Instant::now())));
        let algorithms: &[Algorithm] = match settings.tokens {
            Tokens::SelfIssued { .. } => &[Algorithm::RS256],
            Tokens::External { .. } => &[Algorithm::RS256, Algorithm::ES256, Algorithm::EdDSA],
        };
        let builder = Verifier::builder()
            .algorithms(algorithms.iter().copied())
            .leeway(Duration::ZERO);
        let (verifier, issuer, iss, describe) = match &settings.tokens {
            Tokens::SelfIssued { iss } => {
                let issuer = Issuer::generate(iss)?;
                let verifier = builder
                    .issuer(iss.clone())
                    .audience(AUDIENCE)
                    .key_with_id(issuer.kid.clone(), issuer.decoding_key()?)
                    .build()
                    .map_err(|e| format!("the verifier: {e}"))?;
                let describe = format!(
                    "Issuer: {iss} (RS256, kid {}, keys at {iss}/.well-known/jwks.json), audience {AUDIENCE}",
                    issuer.kid
                );
                (verifier, Some(issuer), iss.clone(), describe)
            }
            Tokens::External {
                jwks_url,
                issuer,
                audience,
            } => {
                let jwks = Jwks::builder(jwks_url.clone())
                    .build()
                    .map_err(|e| format!("AUTH_JWKS_URL: {e}"))?;
                let verifier = builder
                    .issuer(issuer.clone())
                    .audience(audience.clone())
                    .jwks(jwks)
                    .build()
                    .map_err(|e| format!("the verifier: {e}"))?;
                let describe = format!(
                    "Issuer: {issuer} (RS256, ES256, EdDSA keys from {jwks_url}), audience {audience}; this demo mints no tokens (no /login, /token)"
                );
                (verifier, None, issuer.clone(), describe)
            }
        };
        let metadata = ProtectedResource::new(settings.resource.clone())
            .map_err(|e| format!("AUTH_RESOURCE: {e}"))?
            .authorization_server(iss)
            .scopes_supported(SCOPES);
        Ok(Demo {
            ttl: settings.ttl,
            state: Mutex::new(State::default()),
            random,
            cors: settings.cors,
            dpop_nonce,
            verifier,
            issuer,
            metadata,
            describe,
        })
    }

    /// The same service, with pages from `origins` allowed to call it.
    pub fn with_cors_origins(mut self, origins: CorsOrigins) -> Self {
        self.cors = origins;
        self
    }

    /// A service configured from the environment, for a server on `port` (see
    /// [`Settings::from_env`]).
    pub fn from_env(port: u16) -> Result<Self, String> {
        Demo::with_settings(Settings::from_env(port)?)
    }

    /// The origins whose pages may call the service.
    pub fn cors_origins(&self) -> &CorsOrigins {
        &self.cors
    }

    /// Whether the demo mints tokens (`/login`, `/token`, `/.well-known/jwks.json`).
    pub fn mints(&self) -> bool {
        self.issuer.is_some()
    }

    /// The RFC 9728 metadata of the demo's resource.
    pub fn metadata(&self) -> &ProtectedResource {
        &self.metadata
    }

    /// `GET /.well-known/jwks.json`: the public key, when the demo is its own issuer.
    pub fn jwks(&self) -> Option<&str> {
        self.issuer.as_ref().map(|i| i.jwks.as_str())
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain maps behind: keep serving.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn random_id(&self, kind: &str, n: u64) -> String {
        let a = self.random.hash_one((kind, n, Instant::now()));
        let b = self.random.hash_one((n, a));
        format!("{kind}-{a:016x}{b:016x}")
    }

    fn issue(&self, state: &mut State, grant: Grant) -> Result<TokenResponse, OAuthError> {
        let Some(issuer) = &self.issuer else {
            return Err(OAuthError::InvalidRequest);
        };
        state.minted += 1;
        let n = state.minted;
        let jti = self.random_id("at", n);
        let iat = now_secs();
        // Rounded up: the token is refused from its `exp` second on (RFC 7519 §4.1.4, no
        // leeway here), so an `exp` rounded down would live less than `expires_in` says.
        let exp = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(iat, |d| d.as_secs() + u64::from(d.subsec_nanos() > 0))
            + self.ttl.as_secs();
        let claims = Minted {
            iss: &issuer.iss,
            sub: grant.user,
            aud: AUDIENCE,
            iat,
            exp,
            jti: &jti,
            scope: grant.scopes,
            acr: grant.mfa.then_some(MFA_ACR),
        };
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(issuer.kid.clone());
        let access_token = auth_errors::jwt::jsonwebtoken::encode(&header, &claims, &issuer.key)
            .map_err(|e| {
                eprintln!("signing a token failed: {e}");
                OAuthError::AuthServerError
            })?;
        let refresh_token = self.random_id("rt", n);
        state.refresh.insert(refresh_token.clone(), grant);
        Ok(TokenResponse {
            access_token,
            refresh_token,
            expires_in: self.ttl.as_secs(),
        })
    }

    /// `POST /login`: `reader` or `writer`; `mfa` adds `acr` = [`MFA_ACR`].
    pub fn login(&self, user: &str, mfa: bool) -> Result<TokenResponse, OAuthError> {
        let (user, scopes) = match user {
            "reader" => ("reader", READER),
            "writer" => ("writer", WRITER),
            _ => return Err(OAuthError::InvalidRequest),
        };
        let mut state = self.state();
        let pair = self.issue(&mut state, Grant { user, scopes, mfa })?;
        state.stats.logins += 1;
        Ok(pair)
    }

    /// `POST /token`: trades a refresh token, once, for a new pair.
    pub fn refresh(&self, refresh_token: &str) -> Result<TokenResponse, OAuthError> {
        let mut state = self.state();
        let grant = state
            .refresh
            .remove(refresh_token)
            .ok_or(OAuthError::TokenInvalid)?;
        let pair = self.issue(&mut state, grant)?;
        state.stats.refreshes += 1;
        Ok(pair)
    }

    /// The claims of a bearer token, or why it is not accepted: over
    /// [`MAX_TOKEN_LEN`] is `INVALID_REQUEST`, the fixed tokens `expired` and
    /// `revoked` are `TOKEN_EXPIRED` and `TOKEN_REVOKED`, anything else is checked by
    /// the verifier (see the [`auth_errors::jwt`] table).
    pub async fn validate(&self, token: &str) -> Result<Claims<IgnoredAny>, Rejection> {
        if token.len() > MAX_TOKEN_LEN {
            return Err(Rejection::with_source(
                OAuthError::InvalidRequest,
                "the bearer token is over 8 KiB",
            ));
        }
        match token {
            "expired" => return Err(Rejection::new(OAuthError::TokenExpired)),
            "revoked" => return Err(Rejection::new(OAuthError::TokenRevoked)),
            _ => {}
        }
        self.verifier.verify(token).await
    }

    /// Checks a bearer token for a scope: `GET /orders` needs `orders:read`, `POST
    /// /orders` `orders:write`.
    pub async fn authorize(&self, token: &str, scope: &'static str) -> Result<(), Rejection> {
        self.validate(token)
            .await?
            .require_scope(scope)
            .map_err(Rejection::new)
    }

    /// `GET /admin`: a valid token from a login with MFA (`acr` = [`MFA_ACR`]), else a
    /// step-up demand (RFC 9470).
    pub async fn admin(&self, token: &str) -> Result<(), Rejection> {
        let claims = self.validate(token).await?;
        if claims.acr() == Some(MFA_ACR) {
            return Ok(());
        }
        Err(Rejection::new(OAuthError::InsufficientUserAuthentication {
            acr_values: MFA_ACR.to_owned(),
            max_age: ADMIN_MAX_AGE_SECS,
        }))
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

/// The lines printed on start, ending with an empty line: where the tokens come from,
/// the resource, and what to try with curl. The first line is
/// `auth-errors demo (<framework>) listening on http://127.0.0.1:<port>`.
pub fn banner(framework: &str, port: u16, demo: &Demo) -> String {
    let base = format!("http://127.0.0.1:{port}");
    let metadata = demo.metadata();
    let json = "-X POST -H 'Content-Type: application/json' -d";
    let mut lines = vec![
        format!("auth-errors demo ({framework}) listening on {base}"),
        demo.describe.clone(),
        format!(
            "Resource: {} (metadata at {})",
            metadata.resource(),
            metadata.metadata_url()
        ),
        "Try:".to_owned(),
        format!("curl -i {base}/orders"),
        format!("curl -i -H 'Authorization: Bearer expired' {base}/orders"),
        format!("curl -i -H 'Authorization: Bearer revoked' {base}/orders"),
        format!("curl -i -H 'Authorization: Bearer' {base}/orders"),
        format!("curl -i -H 'Accept-Language: fr' {base}/orders"),
        format!(
            "curl -i -H 'Accept-Language: zh-CN, en;q=0.5' -H 'Authorization: Bearer expired' {base}/orders"
        ),
    ];
    if demo.mints() {
        lines.extend([
            format!(r#"curl -i {json} '{{"user": "reader"}}' {base}/login"#),
            format!(
                "curl -i -X POST -H 'Authorization: Bearer <reader access_token>' {base}/orders"
            ),
            format!("curl -i -H 'Authorization: Bearer <reader access_token>' {base}/admin"),
            format!(r#"curl -i {json} '{{"user": "writer", "mfa": true}}' {base}/login"#),
            format!("curl -i -H 'Authorization: Bearer <mfa access_token>' {base}/admin"),
            format!(r#"curl -i {json} '{{"refresh_token": "<refresh_token>"}}' {base}/token"#),
            format!("curl -i {base}/.well-known/jwks.json"),
        ]);
    } else {
        lines.extend([
            format!("curl -i -H 'Authorization: Bearer <a token of the issuer>' {base}/orders"),
            format!("curl -i -H 'Authorization: Bearer <a token of the issuer>' {base}/admin"),
        ]);
    }
    lines.extend([
        format!("curl -i {base}{}", metadata.well_known_path()),
        format!("curl -i {base}/stats"),
    ]);
    #[cfg(feature = "monitoring")]
    lines.push(format!("curl {base}/metrics"));
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 3 {
            out.push_str("  ");
        }
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}
