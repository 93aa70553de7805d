//! [`Key`]: one verification key with what it may verify, and the rule that picks the
//! key for a token.

use jsonwebtoken::{Algorithm, DecodingKey};

/// A verification key: its `kid`, the algorithm it is pinned to (a JWK's `alg`), and the
/// key itself. Which algorithms it verifies comes from the key's type and the
/// verifier's configuration, never from a token.
#[derive(Clone)]
pub(crate) struct Key {
    pub(crate) kid: Option<String>,
    pub(crate) alg: Option<Algorithm>,
    pub(crate) key: DecodingKey,
}

impl Key {
    /// Whether this key may verify a token signed with `alg`: same family (so an
    /// RSA public key is never used as an HMAC secret), and the key's own `alg` if
    /// it names one.
    pub(crate) fn verifies(&self, alg: Algorithm) -> bool {
        self.key.family() == alg.family() && self.alg.is_none_or(|a| a == alg)
    }
}

/// The index of the key for a token with header `kid` and `alg`: the key with that
/// `kid`, or, for a token without one, the only key that could verify it.
pub(crate) fn pick(keys: &[Key], kid: Option<&str>, alg: Algorithm) -> Option<usize> {
    match kid {
        Some(kid) => keys
            .iter()
            .position(|k| k.kid.as_deref() == Some(kid) && k.verifies(alg)),
        None => {
            let mut candidates = keys
                .iter()
                .enumerate()
                .filter(|(_, k)| k.verifies(alg))
                .map(|(i, _)| i);
            let first = candidates.next()?;
            candidates.next().is_none().then_some(first)
        }
    }
}
