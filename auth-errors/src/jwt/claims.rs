//! [`Claims`]: a validated token's claims, typed by the application, with the scopes
//! and the authentication context read beside them.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

use base64::Engine as _;
use serde::Deserialize;

use crate::Scope;
use crate::oauth::OAuthError;

/// The claims of a validated token: `T`, the application's own claims struct, and the
/// scopes and `acr` of the token, read from the same payload when first asked for (a
/// route that checks no scope does not pay for reading them).
pub struct Claims<T> {
    /// The application's claims.
    pub claims: T,
    /// The token's payload segment (base64url), read for the scopes and `acr`.
    payload: Box<str>,
    /// Boxed, so the claims stay small where they are moved (a verifier's outcome).
    extra: OnceLock<Box<Extra>>,
}

impl<T> Claims<T> {
    /// The claims `T` of the validated `token`.
    pub(crate) fn new(claims: T, token: &str) -> Claims<T> {
        let payload = token.split('.').nth(1).unwrap_or_default();
        Claims {
            claims,
            payload: payload.into(),
            extra: OnceLock::new(),
        }
    }

    fn extra(&self) -> &Extra {
        self.extra.get_or_init(|| Box::new(extra(&self.payload)))
    }

    /// The scopes the token grants.
    pub fn scopes(&self) -> &Scopes {
        &self.extra().scopes
    }

    /// The `acr` claim (RFC 9068 §2.2.1, the authentication context class), if any.
    pub fn acr(&self) -> Option<&str> {
        self.extra().acr.as_deref()
    }

    /// `Ok` when the token grants `scope`; else `403 INSUFFICIENT_SCOPE` naming it, for
    /// checks inside a handler (`?` turns it into any enum with `From<OAuthError>`).
    /// `scope` is a literal scope-token; one breaking RFC 6749 §3.3 panics, as
    /// `HeaderValue::from_static` does.
    pub fn require_scope(&self, scope: &'static str) -> Result<(), OAuthError> {
        self.scopes().require(scope)
    }
}

impl<T: Clone> Clone for Claims<T> {
    fn clone(&self) -> Self {
        Claims {
            claims: self.claims.clone(),
            payload: self.payload.clone(),
            extra: self.extra.clone(),
        }
    }
}

/// Equal when the application's claims, the scopes and `acr` are.
impl<T: PartialEq> PartialEq for Claims<T> {
    fn eq(&self, other: &Self) -> bool {
        self.claims == other.claims && self.extra() == other.extra()
    }
}

impl<T: Eq> Eq for Claims<T> {}

/// Claims often hold personal data: `Debug` prints the scopes and `acr` only.
impl<T> fmt::Debug for Claims<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Claims")
            .field("scopes", self.scopes())
            .field("acr", &self.acr())
            .finish_non_exhaustive()
    }
}

/// The scopes a token grants: the space-separated `scope` claim (RFC 8693 §4.2, RFC
/// 9068) and the `scp` array many issuers send, together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes(BTreeSet<String>);

impl Scopes {
    /// Scopes from their names.
    pub fn new<I, S>(scopes: I) -> Scopes
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Scopes(scopes.into_iter().map(Into::into).collect())
    }

    /// Whether `scope` is granted.
    pub fn contains(&self, scope: &str) -> bool {
        self.0.contains(scope)
    }

    /// Every scope, in sorted order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// `Ok` when `scope` is granted; else `403 INSUFFICIENT_SCOPE` naming it (a literal
    /// scope-token, as for [`Claims::require_scope`]).
    pub fn require(&self, scope: &'static str) -> Result<(), OAuthError> {
        if self.contains(scope) {
            Ok(())
        } else {
            Err(OAuthError::InsufficientScope {
                scope: Scope::from_static(scope),
            })
        }
    }
}

/// The claims read beside the application's: borrowed, everything else skipped.
#[derive(Deserialize)]
struct Wire<'a> {
    #[serde(borrow, default)]
    scope: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    scp: Option<Scp<'a>>,
    #[serde(borrow, default)]
    acr: Option<std::borrow::Cow<'a, str>>,
}

/// `scp` as an array (the usual form) or a space-separated string (some issuers).
#[derive(Deserialize)]
#[serde(untagged)]
enum Scp<'a> {
    List(#[serde(borrow)] Vec<std::borrow::Cow<'a, str>>),
    Text(#[serde(borrow)] std::borrow::Cow<'a, str>),
}

/// What a validated token carries beside the application's claims: its scopes and
/// `acr`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Extra {
    scopes: Scopes,
    acr: Option<String>,
}

/// The [`Extra`] of a validated token's `payload` segment. A payload that parsed once
/// parses again; one that does not gives nothing.
fn extra(payload: &str) -> Extra {
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload) else {
        return Extra::default();
    };
    let Ok(extra) = serde_json::from_slice::<Wire<'_>>(&bytes) else {
        return Extra::default();
    };
    let mut scopes = BTreeSet::new();
    if let Some(scope) = &extra.scope {
        scopes.extend(
            scope
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
    }
    match &extra.scp {
        Some(Scp::List(list)) => scopes.extend(list.iter().map(|s| s.to_string())),
        Some(Scp::Text(text)) => {
            scopes.extend(text.split(' ').filter(|s| !s.is_empty()).map(str::to_owned))
        }
        None => {}
    }
    Extra {
        scopes: Scopes(scopes),
        acr: extra.acr.map(|a| a.into_owned()),
    }
}
