//! [`Jwks`]: an issuer's signing keys, fetched from its JWKS URL and cached.
//!
//! - The keys live as long as the response's `Cache-Control: max-age` says, held
//!   between a floor and a ceiling ([`JwksBuilder::min_ttl`], [`JwksBuilder::max_ttl`]),
//!   and are refetched in the background before that; past it they are still used, for
//!   [`JwksBuilder::max_stale`] more, while the issuer cannot be reached (the hard
//!   expiry).
//! - A token whose `kid` is not cached triggers one refetch, shared by every request
//!   waiting on it (single flight), and at most one per
//!   [`JwksBuilder::refetch_interval`], so a storm of forged `kid`s cannot turn into a
//!   storm of requests to the issuer.
//! - With no usable key cached and the issuer unreachable, a request is answered
//!   `503 AUTH_UNAVAILABLE` with `Retry-After`, not 401: the token was never judged,
//!   and a 401 would make every client refresh at once.

use std::sync::{Arc, RwLock, Weak};
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, Jwk, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey};

use crate::jwt::keys::{self, Key};
use crate::jwt::{ConfigError, Rejection};
use crate::oauth::OAuthError;

/// The largest JWKS document read; an issuer's key set is a few kilobytes.
const MAX_BODY: usize = 1 << 20;

/// An issuer's key set, fetched from its JWKS URL and cached; cheap to clone (clones
/// share the cache). Made by [`Jwks::builder`].
#[derive(Clone)]
pub struct Jwks {
    inner: Arc<Inner>,
}

/// The settings of a [`Jwks`].
#[derive(Debug, Clone)]
pub struct JwksBuilder {
    url: String,
    min_ttl: Duration,
    max_ttl: Duration,
    default_ttl: Duration,
    max_stale: Duration,
    refetch_interval: Duration,
    timeout: Duration,
    client: Option<reqwest::Client>,
}

struct Inner {
    url: reqwest::Url,
    settings: JwksBuilder,
    client: reqwest::Client,
    cache: RwLock<Option<Cached>>,
    /// Held by the one request (or the background task) that fetches; the others wait.
    fetch: tokio::sync::Mutex<FetchLog>,
    refresher: std::sync::Once,
}

#[derive(Clone)]
struct Cached {
    keys: Arc<[Key]>,
    /// Refetched after this.
    fresh_until: Instant,
    /// Not used after this (the hard expiry).
    usable_until: Instant,
    /// Counts successful fetches, so a request that waited knows another one fetched.
    generation: u64,
}

#[derive(Default)]
struct FetchLog {
    last_attempt: Option<Instant>,
    fetches: u64,
}

/// Why a fetch gave no keys; logged, never answered.
#[derive(Debug)]
enum FetchError {
    Http(reqwest::Error),
    Status(u16),
    TooLarge,
    Json(serde_json::Error),
    NoUsableKey,
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Http(e) => write!(f, "request failed: {e}"),
            FetchError::Status(s) => write!(f, "answered HTTP {s}"),
            FetchError::TooLarge => write!(f, "document larger than {MAX_BODY} bytes"),
            FetchError::Json(e) => write!(f, "not a JWK set: {e}"),
            FetchError::NoUsableKey => f.write_str("no usable signing key in the set"),
        }
    }
}

impl Jwks {
    /// Settings for the key set at `url`: `https://`, or `http://` for a loopback host
    /// (`127.0.0.0/8`, `[::1]`, `localhost`) only.
    pub fn builder(url: impl Into<String>) -> JwksBuilder {
        JwksBuilder {
            url: url.into(),
            min_ttl: Duration::from_secs(60),
            max_ttl: Duration::from_secs(24 * 60 * 60),
            default_ttl: Duration::from_secs(10 * 60),
            max_stale: Duration::from_secs(60 * 60),
            refetch_interval: Duration::from_secs(30),
            timeout: Duration::from_secs(5),
            client: None,
        }
    }

    /// The number of fetches tried so far, failed ones included.
    pub async fn fetches(&self) -> u64 {
        self.inner.fetch.lock().await.fetches
    }

    /// The key for a token with header `kid` and `alg` when the cache has it and it is
    /// not due for a refetch; `None` sends the caller to [`Jwks::key`].
    pub(crate) fn cached_key(
        &self,
        kid: Option<&str>,
        alg: Algorithm,
    ) -> Option<(Arc<[Key]>, usize)> {
        self.start_refresher();
        let now = Instant::now();
        let cached = self.inner.cached(now)?;
        if now >= cached.fresh_until {
            return None;
        }
        let i = keys::pick(&cached.keys, kid, alg)?;
        Some((cached.keys, i))
    }

    /// The key for a token with header `kid` and `alg`, from the cache or a fetch.
    pub(crate) async fn key(
        &self,
        kid: Option<&str>,
        alg: Algorithm,
    ) -> Result<(Arc<[Key]>, usize), Rejection> {
        self.start_refresher();
        let now = Instant::now();
        let cached = self.inner.cached(now);
        let seen = cached.as_ref().map_or(0, |c| c.generation);
        if let Some(c) = &cached
            && let Some(i) = keys::pick(&c.keys, kid, alg)
        {
            if now >= c.fresh_until {
                // Not refreshed in time (no runtime for the background task): refetch
                // in line, at most once per interval, keeping these keys on failure.
                let keys = self.inner.refetch(seen).await?;
                if let Some(j) = keys::pick(&keys, kid, alg) {
                    return Ok((keys, j));
                }
            }
            return Ok((c.keys.clone(), i));
        }
        let keys = self.inner.refetch(seen).await?;
        match keys::pick(&keys, kid, alg) {
            Some(i) => Ok((keys, i)),
            None => Err(Rejection::noted(
                OAuthError::TokenInvalid,
                "no key in the issuer's JWKS matches the token's kid and alg",
            )),
        }
    }

    /// Starts the background refresh once, when a tokio runtime is there to run it.
    fn start_refresher(&self) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        self.inner.refresher.call_once(|| {
            let weak = Arc::downgrade(&self.inner);
            runtime.spawn(refresh_loop(weak));
        });
    }
}

impl JwksBuilder {
    /// The shortest time keys are cached, whatever `max-age` says (default 60 s).
    pub fn min_ttl(mut self, ttl: Duration) -> Self {
        self.min_ttl = ttl;
        self
    }

    /// The longest time keys are cached before a refetch (default 24 h).
    pub fn max_ttl(mut self, ttl: Duration) -> Self {
        self.max_ttl = ttl;
        self
    }

    /// The cache time when the response has no `max-age` (default 10 min).
    pub fn default_ttl(mut self, ttl: Duration) -> Self {
        self.default_ttl = ttl;
        self
    }

    /// How long keys past their cache time are still used while refetches fail, before
    /// requests are answered `AUTH_UNAVAILABLE` (default 1 h).
    pub fn max_stale(mut self, stale: Duration) -> Self {
        self.max_stale = stale;
        self
    }

    /// The shortest time between two refetches asked for by requests (an unknown `kid`,
    /// or no keys yet); default 30 s.
    pub fn refetch_interval(mut self, interval: Duration) -> Self {
        self.refetch_interval = interval;
        self
    }

    /// The time a fetch may take (default 5 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The HTTP client to fetch with (default: a new `reqwest` client with rustls,
    /// following no redirects).
    pub fn client(mut self, client: reqwest::Client) -> Self {
        self.client = Some(client);
        self
    }

    /// The key set; nothing is fetched until a token needs a key.
    pub fn build(self) -> Result<Jwks, ConfigError> {
        let url = reqwest::Url::parse(&self.url).map_err(|_| ConfigError::JwksUrl)?;
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&url) => {}
            _ => return Err(ConfigError::JwksUrl),
        }
        if self.min_ttl > self.max_ttl {
            return Err(ConfigError::JwksTtl);
        }
        let client = match &self.client {
            Some(client) => client.clone(),
            None => reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|_| ConfigError::HttpClient)?,
        };
        Ok(Jwks {
            inner: Arc::new(Inner {
                url,
                settings: self,
                client,
                cache: RwLock::new(None),
                fetch: tokio::sync::Mutex::new(FetchLog::default()),
                refresher: std::sync::Once::new(),
            }),
        })
    }
}

/// `http://` is accepted for these hosts only: nothing leaves the machine.
pub(crate) fn is_loopback(url: &reqwest::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

impl Inner {
    /// The cached keys, unless there are none or they are past the hard expiry.
    fn cached(&self, now: Instant) -> Option<Cached> {
        let cache = self.cache.read().unwrap_or_else(|e| e.into_inner());
        cache.as_ref().filter(|c| now < c.usable_until).cloned()
    }

    /// The keys after one fetch by whoever holds the lock: skipped when another fetch
    /// finished since the caller looked (generation `seen`), or when the last attempt was
    /// less than the interval ago. With no usable key after it,
    /// `AUTH_UNAVAILABLE` with the time until the next attempt.
    async fn refetch(&self, seen: u64) -> Result<Arc<[Key]>, Rejection> {
        let mut log = self.fetch.lock().await;
        let now = Instant::now();
        let cached = self.cached(now);
        if let Some(c) = &cached
            && c.generation != seen
        {
            return Ok(c.keys.clone());
        }
        let interval = self.settings.refetch_interval;
        if let Some(last) = log.last_attempt
            && now.duration_since(last) < interval
        {
            return match cached {
                Some(c) => Ok(c.keys),
                None => Err(unavailable(interval - now.duration_since(last))),
            };
        }
        log.last_attempt = Some(now);
        log.fetches += 1;
        match self.fetch_once().await {
            Ok((keys, max_age)) => {
                let ttl = max_age
                    .unwrap_or(self.settings.default_ttl)
                    .clamp(self.settings.min_ttl, self.settings.max_ttl);
                let fetched = Instant::now();
                let keys: Arc<[Key]> = keys.into();
                let mut cache = self.cache.write().unwrap_or_else(|e| e.into_inner());
                let generation = cache.as_ref().map_or(0, |c| c.generation) + 1;
                *cache = Some(Cached {
                    keys: keys.clone(),
                    fresh_until: fetched + ttl,
                    usable_until: fetched + ttl + self.settings.max_stale,
                    generation,
                });
                Ok(keys)
            }
            Err(error) => {
                tracing::warn!(url = %self.url, %error, "could not fetch the issuer's JWKS");
                match cached {
                    Some(c) => Ok(c.keys),
                    None => Err(Rejection::with_source(
                        OAuthError::AuthUnavailable {
                            retry_after: whole_seconds(interval),
                        },
                        error.to_string(),
                    )),
                }
            }
        }
    }

    async fn fetch_once(&self) -> Result<(Vec<Key>, Option<Duration>), FetchError> {
        let mut response = self
            .client
            .get(self.url.clone())
            .header(
                reqwest::header::ACCEPT,
                "application/jwk-set+json, application/json",
            )
            .timeout(self.settings.timeout)
            .send()
            .await
            .map_err(FetchError::Http)?;
        if !response.status().is_success() {
            return Err(FetchError::Status(response.status().as_u16()));
        }
        let max_age = response
            .headers()
            .get_all(reqwest::header::CACHE_CONTROL)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(max_age);
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(FetchError::Http)? {
            if body.len() + chunk.len() > MAX_BODY {
                return Err(FetchError::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        let keys = parse_set(&body)?;
        Ok((keys, max_age))
    }
}

/// `AUTH_UNAVAILABLE`, to try again after `wait`.
fn unavailable(wait: Duration) -> Rejection {
    Rejection::noted(
        OAuthError::AuthUnavailable {
            retry_after: whole_seconds(wait),
        },
        "the issuer's JWKS could not be fetched and no key is cached",
    )
}

/// Whole seconds, rounded up and at least 1: a client that waits them is not early.
fn whole_seconds(d: Duration) -> u64 {
    (d.as_secs() + u64::from(d.subsec_nanos() > 0)).max(1)
}

/// `max-age` of a `Cache-Control` value; `no-cache` and `no-store` are 0 (the floor).
fn max_age(value: &str) -> Option<Duration> {
    value.split(',').find_map(|directive| {
        let directive = directive.trim();
        if directive.eq_ignore_ascii_case("no-cache") || directive.eq_ignore_ascii_case("no-store")
        {
            return Some(Duration::ZERO);
        }
        let (name, secs) = directive.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("max-age") {
            return None;
        }
        secs.trim()
            .trim_matches('"')
            .parse()
            .ok()
            .map(Duration::from_secs)
    })
}

/// The signing keys of a JWK set (RFC 7517 §5). A key that does not parse, is for
/// encryption, or is symmetric is skipped, with a warning: the others stay usable.
fn parse_set(body: &[u8]) -> Result<Vec<Key>, FetchError> {
    #[derive(serde::Deserialize)]
    struct Set {
        keys: Vec<serde_json::Value>,
    }
    let set: Set = serde_json::from_slice(body).map_err(FetchError::Json)?;
    let keys: Vec<Key> = set
        .keys
        .into_iter()
        .filter_map(|value| {
            let jwk: Jwk = match serde_json::from_value(value) {
                Ok(jwk) => jwk,
                Err(error) => {
                    tracing::warn!(%error, "skipped a JWK that does not parse");
                    return None;
                }
            };
            if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption))
                || matches!(jwk.algorithm, AlgorithmParameters::OctetKey(_))
            {
                return None;
            }
            // A key pinned to an algorithm that is not a JWS signature one (RSA-OAEP)
            // is not a signing key.
            let alg = match jwk.common.key_algorithm.map(Algorithm::try_from) {
                None => None,
                Some(Ok(alg)) => Some(alg),
                Some(Err(_)) => return None,
            };
            match DecodingKey::from_jwk(&jwk) {
                Ok(key) => {
                    // Kept, marked: a token naming it is the issuer's fault, not the client's.
                    let broken = keys::check(&key).is_err();
                    if broken {
                        tracing::error!(kid = ?jwk.common.key_id, "a JWK's key material does not parse");
                    }
                    Some(Key {
                        kid: jwk.common.key_id.clone(),
                        alg,
                        key,
                        broken,
                    })
                }
                Err(error) => {
                    tracing::warn!(%error, kid = ?jwk.common.key_id, "skipped a JWK that is not a usable key");
                    None
                }
            }
        })
        .collect();
    if keys.is_empty() {
        return Err(FetchError::NoUsableKey);
    }
    Ok(keys)
}

/// Refetches the keys before they go stale, while any [`Jwks`] clone is alive: a tenth of
/// their cache time early (at least a second), within the refetch interval like any
/// refetch, so a failing issuer is asked no more often than by requests. Until the first
/// fetch (a request's) there is nothing to refresh; it looks again every second.
async fn refresh_loop(inner: Weak<Inner>) {
    loop {
        let wait = {
            let Some(inner) = inner.upgrade() else { return };
            let now = Instant::now();
            match inner.cached(now) {
                Some(c) => {
                    let left = c.fresh_until.saturating_duration_since(now);
                    left.saturating_sub(left / 10).max(Duration::from_secs(1))
                }
                None => Duration::from_secs(1),
            }
        };
        tokio::time::sleep(wait).await;
        let Some(inner) = inner.upgrade() else { return };
        let now = Instant::now();
        if let Some(c) = inner.cached(now)
            && c.fresh_until.saturating_duration_since(now) < wait
        {
            let _ = inner.refetch(c.generation).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_reads_the_directive_and_treats_no_cache_as_zero() {
        assert_eq!(
            max_age("public, max-age=300"),
            Some(Duration::from_secs(300))
        );
        assert_eq!(max_age("MAX-AGE = 12"), Some(Duration::from_secs(12)));
        assert_eq!(max_age("no-store"), Some(Duration::ZERO));
        assert_eq!(max_age("private"), None);
        assert_eq!(max_age("max-age=abc"), None);
    }

    #[test]
    fn http_is_refused_unless_the_host_is_loopback() {
        for ok in [
            "https://issuer.example/jwks",
            "http://127.0.0.1:8080/jwks",
            "http://localhost/jwks",
            "http://[::1]:9/jwks",
        ] {
            assert!(Jwks::builder(ok).build().is_ok(), "{ok}");
        }
        for bad in [
            "http://issuer.example/jwks",
            "http://10.0.0.1/jwks",
            "ftp://127.0.0.1/jwks",
            "not a url",
        ] {
            assert!(
                matches!(Jwks::builder(bad).build(), Err(ConfigError::JwksUrl)),
                "{bad}"
            );
        }
    }
}
