//! [`Verifier`]: validates a bearer token against configured keys and claims, and
//! answers every failure with the right standard entry.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::de::DeserializeOwned;

use crate::jwt::claims::Claims;
use crate::jwt::compact;
use crate::jwt::keys::{self, Key};
use crate::jwt::{Jwks, Rejection, classify};
use crate::oauth::OAuthError;

/// A mistake in a [`Verifier`]'s or a [`Jwks`]'s settings, found when it is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// No algorithm was allowed.
    NoAlgorithm,
    /// Neither a key nor a JWKS was given.
    NoKey,
    /// A key cannot verify any allowed algorithm (an RSA key with only `HS256`
    /// allowed), or a JWKS was given with an HMAC algorithm allowed.
    KeyAlgorithm,
    /// The JWKS URL is not `https://`, or `http://` to a loopback host.
    JwksUrl,
    /// The resource identifier is not an `https://` URL (or `http://` to a loopback
    /// host) without query and fragment (RFC 9728 §1.2).
    ResourceUrl,
    /// The JWKS floor is above its ceiling.
    JwksTtl,
    /// The HTTP client could not be built.
    HttpClient,
    /// A key's material does not parse as its type says (an RSA modulus out of range,
    /// an Ed25519 key that is not 32 bytes).
    Key,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ConfigError::NoAlgorithm => "no algorithm is allowed: call `algorithms`",
            ConfigError::NoKey => "no key: call `key`, `key_with_id` or `jwks`",
            ConfigError::KeyAlgorithm => {
                "a key cannot verify any allowed algorithm, or a JWKS is used with an HMAC algorithm"
            }
            ConfigError::JwksUrl => {
                "the JWKS URL must be https://, or http:// to 127.0.0.1, [::1] or localhost"
            }
            ConfigError::ResourceUrl => {
                "the resource identifier must be an https:// URL (http:// to a loopback host) with no query or fragment"
            }
            ConfigError::JwksTtl => "the JWKS cache floor (min_ttl) is above its ceiling (max_ttl)",
            ConfigError::HttpClient => "the HTTP client for the JWKS could not be built",
            ConfigError::Key => "a key's material does not parse as its type says",
        })
    }
}

impl std::error::Error for ConfigError {}

/// Validates bearer tokens: the signature with a configured key or one of the
/// issuer's JWKS, the algorithm against the configured list (never the token's
/// choice alone), `exp` and `nbf`, and `iss` and `aud` when configured. Cheap to clone.
///
/// ```
/// use auth_errors::jwt::{Algorithm, DecodingKey, Verifier};
///
/// let verifier = Verifier::builder()
///     .algorithms([Algorithm::HS256])
///     .issuer("https://issuer.example")
///     .audience("api")
///     .key(DecodingKey::from_secret(b"a secret of 32 bytes or more.....")?)
///     .build()?;
/// # let _ = verifier;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    inner: Arc<Inner>,
}

struct Inner {
    source: KeySource,
    /// One validation per allowed algorithm, each allowing only it.
    each: Vec<(Algorithm, Validation)>,
    /// All allowed algorithms at once, for the one-key path.
    all: Validation,
    /// The longest token judged; a longer one is a malformed request.
    max_len: usize,
}

enum KeySource {
    /// One key with no `kid`, able to verify every allowed algorithm: `jsonwebtoken`
    /// checks the header's `alg` itself, and nothing is parsed twice.
    One(DecodingKey),
    Keys(Vec<Key>),
    Jwks(Jwks),
}

/// The settings of a [`Verifier`].
pub struct VerifierBuilder {
    algorithms: Vec<Algorithm>,
    issuer: Vec<String>,
    audience: Vec<String>,
    leeway: Duration,
    max_len: usize,
    keys: Vec<Key>,
    jwks: Option<Jwks>,
}

impl Verifier {
    /// Settings with no algorithm and no key yet; `exp` required, 60 s of leeway, tokens
    /// up to 8 KiB.
    pub fn builder() -> VerifierBuilder {
        VerifierBuilder {
            algorithms: Vec::new(),
            issuer: Vec::new(),
            audience: Vec::new(),
            leeway: Duration::from_secs(60),
            max_len: 8 * 1024,
            keys: Vec::new(),
            jwks: None,
        }
    }

    /// The claims of `token` if it validates; else the entry it answers with (see the
    /// [module docs](crate::jwt#which-entry-a-token-gets)). Awaits only to fetch keys:
    /// with a configured key or a cached one the token is checked when `verify` is
    /// called, and the future is ready when first polled.
    pub fn verify<'a, T: DeserializeOwned + 'a>(
        &'a self,
        token: &'a str,
    ) -> impl Future<Output = Result<Claims<T>, Rejection>> + 'a {
        // Checked before the future exists, so polling it only hands the outcome over.
        let now = self.verify_now(token);
        async move {
            match now {
                Some(done) => done,
                // Boxed, so the future of every call stays small: the fetch's is large.
                None => Box::pin(self.verify_fetching(token)).await,
            }
        }
    }

    /// The outcome without waiting, or `None` when a key must be fetched first.
    fn verify_now<T: DeserializeOwned>(&self, token: &str) -> Option<Result<Claims<T>, Rejection>> {
        let inner = &*self.inner;
        if token.len() > inner.max_len {
            return Some(Err(Rejection::noted(
                OAuthError::InvalidRequest,
                "the token is longer than the verifier's max_token_len",
            )));
        }
        if !compact::has_header_segment(token) {
            return Some(Err(Rejection::noted(
                OAuthError::TokenInvalid,
                "the token has no JWS header segment (RFC 7515 §7.1)",
            )));
        }
        let decoded = match &inner.source {
            KeySource::One(key) => jsonwebtoken::decode::<T>(token, key, &inner.all),
            KeySource::Keys(keys) => {
                let picked = inner.header(token).and_then(|(header, validation)| {
                    let i =
                        keys::pick(keys, header.kid.as_deref(), header.alg).ok_or_else(no_key)?;
                    Ok((usable(&keys[i])?, validation))
                });
                match picked {
                    Ok((key, validation)) => jsonwebtoken::decode::<T>(token, key, validation),
                    Err(rejection) => return Some(Err(rejection)),
                }
            }
            KeySource::Jwks(jwks) => {
                let (header, validation) = match inner.header(token) {
                    Ok(found) => found,
                    Err(rejection) => return Some(Err(rejection)),
                };
                let (keys, i) = jwks.cached_key(header.kid.as_deref(), header.alg)?;
                match usable(&keys[i]) {
                    Ok(key) => jsonwebtoken::decode::<T>(token, key, validation),
                    Err(rejection) => return Some(Err(rejection)),
                }
            }
        };
        Some(inner.finish(token, decoded))
    }

    /// The JWKS path when the key is not cached (or is due for a refetch).
    async fn verify_fetching<T: DeserializeOwned>(
        &self,
        token: &str,
    ) -> Result<Claims<T>, Rejection> {
        let inner = &*self.inner;
        let KeySource::Jwks(jwks) = &inner.source else {
            return Err(Rejection::noted(
                OAuthError::AuthServerError,
                "a verifier without a JWKS was asked to fetch keys",
            ));
        };
        let (header, validation) = inner.header(token)?;
        let (keys, i) = jwks.key(header.kid.as_deref(), header.alg).await?;
        let decoded = jsonwebtoken::decode::<T>(token, usable(&keys[i])?, validation);
        inner.finish(token, decoded)
    }
}

impl Inner {
    /// The claims of a decoded token, or the entry its failure answers with.
    #[inline]
    fn finish<T>(
        &self,
        token: &str,
        decoded: jsonwebtoken::errors::Result<jsonwebtoken::TokenData<T>>,
    ) -> Result<Claims<T>, Rejection> {
        let data = decoded.map_err(classify)?;
        Ok(Claims::new(data.claims, token))
    }
}

/// The key, unless its material is broken: then the server's fault, logged.
fn usable(key: &Key) -> Result<&DecodingKey, Rejection> {
    if key.broken {
        tracing::error!(kid = ?key.kid, "a token picked a key whose material does not parse; answering AUTH_SERVER_ERROR");
        return Err(Rejection::noted(
            OAuthError::AuthServerError,
            "the key for the token's kid does not parse",
        ));
    }
    Ok(&key.key)
}

fn no_key() -> Rejection {
    Rejection::noted(
        OAuthError::TokenInvalid,
        "no configured key matches the token's kid and alg",
    )
}

impl Inner {
    /// The token's header and the validation for its `alg`, if that is allowed.
    fn header(&self, token: &str) -> Result<(jsonwebtoken::Header, &Validation), Rejection> {
        let header = jsonwebtoken::decode_header(token).map_err(classify)?;
        let validation = self
            .each
            .iter()
            .find(|(alg, _)| *alg == header.alg)
            .map(|(_, v)| v)
            .ok_or_else(|| {
                Rejection::noted(
                    OAuthError::TokenInvalid,
                    "the token's alg is not an allowed algorithm",
                )
            })?;
        Ok((header, validation))
    }
}

impl VerifierBuilder {
    /// The algorithms a token may be signed with; a token naming another is
    /// `TOKEN_INVALID`. Required.
    pub fn algorithms(mut self, algorithms: impl IntoIterator<Item = Algorithm>) -> Self {
        self.algorithms = algorithms.into_iter().collect();
        self
    }

    /// An accepted `iss`; once one is set, `iss` is required. Call again for more.
    pub fn issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuer.push(issuer.into());
        self
    }

    /// An accepted `aud`; once one is set, `aud` is required and must name one of
    /// them. Without any, `aud` is not checked. Call again for more.
    pub fn audience(mut self, audience: impl Into<String>) -> Self {
        self.audience.push(audience.into());
        self
    }

    /// The clock skew allowed for `exp` and `nbf` (default 60 s).
    pub fn leeway(mut self, leeway: Duration) -> Self {
        self.leeway = leeway;
        self
    }

    /// The longest token judged (default 8 KiB); a longer one is answered
    /// `400 INVALID_REQUEST` before anything is decoded.
    pub fn max_token_len(mut self, bytes: usize) -> Self {
        self.max_len = bytes;
        self
    }

    /// A key, for tokens with or without a `kid`.
    pub fn key(mut self, key: DecodingKey) -> Self {
        self.keys.push(Key {
            kid: None,
            alg: None,
            key,
            broken: false,
        });
        self
    }

    /// A key for tokens whose header names `kid`.
    pub fn key_with_id(mut self, kid: impl Into<String>, key: DecodingKey) -> Self {
        self.keys.push(Key {
            kid: Some(kid.into()),
            alg: None,
            key,
            broken: false,
        });
        self
    }

    /// The issuer's key set, fetched and cached (see [`Jwks`]); replaces any `key`.
    pub fn jwks(mut self, jwks: Jwks) -> Self {
        self.jwks = Some(jwks);
        self
    }

    /// The verifier, or the first mistake in its settings.
    pub fn build(self) -> Result<Verifier, ConfigError> {
        if self.algorithms.is_empty() {
            return Err(ConfigError::NoAlgorithm);
        }
        let validation = |algorithms: Vec<Algorithm>| {
            let mut v = Validation::new(algorithms[0]);
            v.algorithms = algorithms;
            v.leeway = self.leeway.as_secs();
            // RFC 7519 §4.1.4: not accepted "on or after" `exp`. `jsonwebtoken` rejects
            // `exp - this < now - leeway`; at 1 that is `now >= exp + leeway`, the RFC's
            // bound (at 0 it accepts the second of `exp + leeway`).
            v.reject_tokens_expiring_in_less_than = 1;
            v.validate_nbf = true;
            let mut required = vec!["exp"];
            if !self.issuer.is_empty() {
                v.set_issuer(&self.issuer);
                required.push("iss");
            }
            if self.audience.is_empty() {
                v.validate_aud = false;
            } else {
                v.set_audience(&self.audience);
                required.push("aud");
            }
            v.set_required_spec_claims(&required);
            v
        };
        let each = self
            .algorithms
            .iter()
            .map(|&alg| (alg, validation(vec![alg])))
            .collect();
        let source = match self.jwks {
            Some(jwks) => {
                // A JWKS publishes public keys; an HMAC secret never comes from one.
                if self
                    .algorithms
                    .iter()
                    .any(|a| a.family() == jsonwebtoken::AlgorithmFamily::Hmac)
                {
                    return Err(ConfigError::KeyAlgorithm);
                }
                KeySource::Jwks(jwks)
            }
            None => {
                if self.keys.is_empty() {
                    return Err(ConfigError::NoKey);
                }
                for key in &self.keys {
                    if !self.algorithms.iter().any(|&a| key.verifies(a)) {
                        return Err(ConfigError::KeyAlgorithm);
                    }
                    keys::check(&key.key).map_err(|_| ConfigError::Key)?;
                }
                let one = self.keys.len() == 1
                    && self.keys[0].kid.is_none()
                    && self.algorithms.iter().all(|&a| self.keys[0].verifies(a));
                let mut keys = self.keys;
                match keys.pop() {
                    Some(key) if one => KeySource::One(key.key),
                    Some(key) => {
                        keys.push(key);
                        KeySource::Keys(keys)
                    }
                    None => return Err(ConfigError::NoKey),
                }
            }
        };
        let max_len = self.max_len;
        let all = validation(self.algorithms);
        Ok(Verifier {
            inner: Arc::new(Inner {
                source,
                each,
                all,
                max_len,
            }),
        })
    }
}
