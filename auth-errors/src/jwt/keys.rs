//! [`Key`]: one verification key with what it may verify, and the rule that picks the
//! key for a token.

use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey, DecodingKeyKind};

/// A verification key: its `kid`, the algorithm it is pinned to (a JWK's `alg`), and the
/// key itself. Which algorithms it verifies comes from the key's type and the
/// verifier's configuration, never from a token.
#[derive(Clone)]
pub(crate) struct Key {
    pub(crate) kid: Option<String>,
    pub(crate) alg: Option<Algorithm>,
    pub(crate) key: DecodingKey,
    /// The key material does not parse as its type says (see [`check`]): a token that
    /// picks it is answered `AUTH_SERVER_ERROR`, never judged with it.
    pub(crate) broken: bool,
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

/// Whether `key` is usable key material for its family. `jsonwebtoken` parses keys only
/// when it verifies, and its RustCrypto backend reports a broken RSA key as a bad
/// signature and panics on an Ed25519 key of the wrong length: both are caught here,
/// before a token is judged with the key.
pub(crate) fn check(key: &DecodingKey) -> Result<(), &'static str> {
    match key.family() {
        AlgorithmFamily::Hmac => Ok(()),
        AlgorithmFamily::Rsa => match key.kind() {
            DecodingKeyKind::SecretOrDer(der) => {
                <rsa::PublicKey as rsa::pkcs1::DecodeRsaPublicKey>::from_pkcs1_der(der)
                    .map(drop)
                    .map_err(|_| "not an RSA public key in PKCS#1 DER")
            }
            DecodingKeyKind::RsaModulusExponent { n, e } => rsa::PublicKey::new(
                rsa::BoxedUint::from_be_slice_vartime(n),
                rsa::BoxedUint::from_be_slice_vartime(e),
            )
            .map(drop)
            .map_err(|_| "RSA modulus or exponent out of range"),
        },
        // Checks the EC point's encoding and the Ed25519 key's length.
        AlgorithmFamily::Ec | AlgorithmFamily::Ed => {
            jsonwebtoken::jwk::Jwk::from_decoding_key(key, None)
                .map(drop)
                .map_err(|_| "not a usable elliptic-curve public key")
        }
    }
}
