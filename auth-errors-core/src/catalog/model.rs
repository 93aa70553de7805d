//! The catalog model: what a catalog file says, with where it says it.

use crate::body::BodyFormat;
use crate::spec::{ClientAction, GrpcCode, ParamType};

use std::marker::PhantomData;

use super::diagnostic::{Diagnostic, Location};

/// A value and where it stands in the catalog file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) at: Option<Location>,
}

impl<T> Spanned<T> {
    /// Pairs a value with where it stands; `None` for a value stated outside a file.
    pub(crate) const fn new(value: T, at: Option<Location>) -> Self {
        Spanned { value, at }
    }

    /// The value.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// Where the value (not its key) starts; `None` for a value with no place in a file
    /// (a built-in default, an entry stated in code).
    pub fn at(&self) -> Option<Location> {
        self.at
    }
}

impl<T: Copy> Spanned<T> {
    /// The value, copied (a status, a flag, a type).
    pub fn get(&self) -> T {
        self.value
    }
}

impl Spanned<String> {
    /// The value as a string slice.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// The state of a [`Catalog`] that loaded with no mistake: the only state a
/// [`load`](super::load) returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Valid {}

/// The state of a [`Catalog`] that a partial load returns: what loaded of a text that
/// may have mistakes. Its entries are the ones that loaded, each checked by the rules
/// but kept whatever they found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partial {}

/// A loaded catalog: validated (`Catalog`, that is `Catalog<Valid>`), or as far as a
/// partial load got (`Catalog<Partial>`). Only the loader makes one, and nothing can
/// change it after.
///
/// When the file includes others (`include:`), this is the composed catalog:
/// [`entries`](Catalog::entries) holds the included files' entries first (in `include:`
/// order, each file's in file order), then the file's own; each entry names the file it
/// comes from in [`Entry::origin`]. The [`defaults`](Catalog::defaults) are the including
/// (root) file's and apply to every entry: one API has one scheme, realm and body format.
#[derive(Debug, Clone)]
pub struct Catalog<S = Valid> {
    pub(crate) file: String,
    pub(crate) top: Top,
    pub(crate) entries: Vec<Entry>,
    pub(crate) retired: Vec<Retired>,
    pub(crate) locales: Vec<LocaleFile>,
    warnings: Vec<Diagnostic>,
    state: PhantomData<S>,
}

/// What a file's top-level keys say, besides its entries and its retired codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Top {
    pub(crate) version: u32,
    pub(crate) defaults: Defaults,
    pub(crate) includes: Vec<Spanned<String>>,
    pub(crate) prefix: Option<Spanned<String>>,
    pub(crate) locales: Vec<Spanned<String>>,
}

impl Catalog<Partial> {
    /// The catalog composed from the root file named `file` (its `top`), every entry and
    /// every retired code of it and of the files it includes.
    pub(crate) fn new(
        file: String,
        top: Top,
        entries: Vec<Entry>,
        retired: Vec<Retired>,
        locales: Vec<LocaleFile>,
    ) -> Self {
        Catalog {
            file,
            top,
            entries,
            retired,
            locales,
            warnings: Vec::new(),
            state: PhantomData,
        }
    }

    /// The same catalog with the warnings its load found.
    pub(crate) fn with_warnings(mut self, warnings: Vec<Diagnostic>) -> Self {
        self.warnings = warnings;
        self
    }

    /// The same catalog, valid: for the loader, when it found no mistake.
    pub(crate) fn into_valid(self) -> Catalog<Valid> {
        Catalog {
            file: self.file,
            top: self.top,
            entries: self.entries,
            retired: self.retired,
            locales: self.locales,
            warnings: self.warnings,
            state: PhantomData,
        }
    }
}

impl<S> Catalog<S> {
    /// The file name given to the loader.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The format version (1).
    pub fn version(&self) -> u32 {
        self.top.version
    }

    /// Values every entry inherits.
    pub fn defaults(&self) -> &Defaults {
        &self.top.defaults
    }

    /// The entries in order, included ones first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The file's `include:` list as written (`std`, or paths relative to the file).
    pub fn includes(&self) -> &[Spanned<String>] {
        &self.top.includes
    }

    /// The `prefix:` every code the file itself defines carries.
    pub fn prefix(&self) -> Option<&Spanned<String>> {
        self.top.prefix.as_ref()
    }

    /// The retired codes of the file and of every file it includes: none may be defined.
    pub fn retired(&self) -> &[Retired] {
        &self.retired
    }

    /// The tag of the language the catalog's own text is in (`defaults.locale`, else `en`),
    /// then one per locale file, in `locales:` order: what a request's `Accept-Language`
    /// is negotiated against ([`locale::negotiate`](crate::locale::negotiate)).
    pub fn locale_tags(&self) -> Vec<&str> {
        std::iter::once(self.top.defaults.locale())
            .chain(self.locales.iter().map(|l| l.tag.as_str()))
            .collect()
    }

    /// The locale files (`locales:` of the root file), in order: each entry's message,
    /// title and docs in another language.
    pub fn locales(&self) -> &[LocaleFile] {
        &self.locales
    }

    /// The locale file with this tag (compared case-insensitively, as BCP 47 tags are).
    pub fn locale(&self, tag: &str) -> Option<&LocaleFile> {
        self.locales
            .iter()
            .find(|l| l.tag.value.eq_ignore_ascii_case(tag))
    }

    /// What the load found that does not stop the catalog from loading (a 429 without
    /// `Retry-After`), in file order; empty for a strict load, which makes them errors.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The entry with this code.
    pub fn get(&self, code: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.code.value == code)
    }
}

/// Two catalogs are equal when they hold the same model, whichever their state.
impl<A, B> PartialEq<Catalog<B>> for Catalog<A> {
    fn eq(&self, other: &Catalog<B>) -> bool {
        self.file == other.file
            && self.top == other.top
            && self.entries == other.entries
            && self.retired == other.retired
            && self.locales == other.locales
    }
}

impl<S> Eq for Catalog<S> {}

/// A code listed under `retired:`: removed for good, never to be defined again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retired {
    pub(crate) code: Spanned<String>,
    pub(crate) origin: String,
}

impl Retired {
    /// The code, where the list names it.
    pub fn code(&self) -> &Spanned<String> {
        &self.code
    }

    /// The file whose `retired:` list names it.
    pub fn origin(&self) -> &str {
        &self.origin
    }
}

/// The `defaults` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defaults {
    pub(crate) scheme: Spanned<String>,
    pub(crate) realm: Option<Spanned<String>>,
    pub(crate) body: BodyFormat,
    pub(crate) docs_url: Option<Spanned<String>>,
    pub(crate) domain: Option<Spanned<String>>,
    pub(crate) locale: Option<Spanned<String>>,
}

/// What a catalog without a `defaults` section has: `Bearer` challenges without a
/// realm, `json` bodies, no documentation URL, no gRPC error domain. The scheme stands
/// nowhere in a file.
impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            scheme: Spanned::new("Bearer".to_owned(), None),
            realm: None,
            body: BodyFormat::Json,
            docs_url: None,
            domain: None,
            locale: None,
        }
    }
}

impl Defaults {
    /// The auth-scheme of challenges (`Bearer`).
    pub fn scheme(&self) -> &Spanned<String> {
        &self.scheme
    }

    /// The realm every challenge carries, if any.
    pub fn realm(&self) -> Option<&Spanned<String>> {
        self.realm.as_ref()
    }

    /// The body format.
    pub fn body(&self) -> BodyFormat {
        self.body
    }

    /// A URL template (`https://docs.example.com/errors/{code}`) for documentation links
    /// and the problem `type`.
    pub fn docs_url(&self) -> Option<&Spanned<String>> {
        self.docs_url.as_ref()
    }

    /// The gRPC error domain (AIP-193 `ErrorInfo.domain`: the logical grouping the codes,
    /// as `reason`s, belong to, such as `orders.example.com`), if the catalog names one.
    /// Without it, the macros use the name of the crate that compiles the catalog, so a
    /// domain is never empty.
    pub fn domain(&self) -> Option<&Spanned<String>> {
        self.domain.as_ref()
    }

    /// The BCP 47 tag of the language the catalog's own messages are written in:
    /// `defaults.locale`, else [`DEFAULT_LOCALE`].
    pub fn locale(&self) -> &str {
        self.locale.as_ref().map_or(DEFAULT_LOCALE, |l| l.as_str())
    }

    /// `defaults.locale` as written, if the catalog states it.
    pub fn own_locale(&self) -> Option<&Spanned<String>> {
        self.locale.as_ref()
    }

    /// The documentation URL of a code, if the catalog has a `docs_url`.
    pub fn docs_url_for(&self, code: &str) -> Option<String> {
        self.docs_url
            .as_ref()
            .map(|u| u.value.replace("{code}", code))
    }
}

/// The language of a catalog that does not name one (`defaults.locale`).
pub const DEFAULT_LOCALE: &str = "en";

/// A locale file: the message, title and docs of the catalog's entries in one language.
///
/// Listed under the root catalog's `locales:`, each path relative to it:
///
/// ```yaml
/// version: 1
/// locale: fr
/// messages:
///   TOKEN_EXPIRED:
///     message: Le jeton d'accès a expiré
///     title: Jeton expiré
/// ```
///
/// A translation uses the placeholders of its entry's message, all of them and no
/// other; a code the file does not translate answers in the catalog's own language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleFile {
    pub(crate) file: String,
    pub(crate) tag: Spanned<String>,
    pub(crate) messages: Vec<Translation>,
}

impl LocaleFile {
    /// The file, as named in diagnostics.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Its BCP 47 tag (`locale:`), as written.
    pub fn tag(&self) -> &Spanned<String> {
        &self.tag
    }

    /// Its translations, in file order.
    pub fn messages(&self) -> &[Translation] {
        &self.messages
    }

    /// The translation of a code, if the file has one.
    pub fn get(&self, code: &str) -> Option<&Translation> {
        self.messages.iter().find(|t| t.code.value == code)
    }
}

/// One entry's text in a locale file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub(crate) code: Spanned<String>,
    pub(crate) message: Spanned<String>,
    pub(crate) title: Option<Spanned<String>>,
    pub(crate) docs: Option<Spanned<String>>,
}

impl Translation {
    /// The code it translates, located at its key.
    pub fn code(&self) -> &Spanned<String> {
        &self.code
    }

    /// The message template (the entry's placeholders, in this language).
    pub fn message(&self) -> &Spanned<String> {
        &self.message
    }

    /// The title, if translated.
    pub fn title(&self) -> Option<&Spanned<String>> {
        self.title.as_ref()
    }

    /// The Markdown docs, if translated.
    pub fn docs(&self) -> Option<&Spanned<String>> {
        self.docs.as_ref()
    }
}

/// One catalog entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub(crate) origin: String,
    pub(crate) code: Spanned<String>,
    pub(crate) status: Spanned<u16>,
    pub(crate) message: Spanned<String>,
    pub(crate) title: Option<Spanned<String>>,
    pub(crate) docs: Option<Spanned<String>>,
    pub(crate) deprecated: Option<Spanned<String>>,
    pub(crate) since: Option<Spanned<String>>,
    pub(crate) headers: Vec<(Spanned<String>, Spanned<String>)>,
    pub(crate) client: Option<Spanned<ClientAction>>,
    pub(crate) grpc: Option<Spanned<GrpcCode>>,
    pub(crate) expose: Spanned<bool>,
    pub(crate) params: Vec<Param>,
    pub(crate) challenges: Vec<ChallengeDef>,
    pub(crate) conceal_as: Option<Spanned<String>>,
    pub(crate) alert: Option<AlertDef>,
}

impl Entry {
    /// The catalog file that defines the entry, as named to the loader (`std` for the
    /// standard catalog, `inline` for an entry stated in code); every location of the
    /// entry is in this file.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The code, located at its key.
    pub fn code(&self) -> &Spanned<String> {
        &self.code
    }

    /// The HTTP status.
    pub fn status(&self) -> &Spanned<u16> {
        &self.status
    }

    /// The message template.
    pub fn message(&self) -> &Spanned<String> {
        &self.message
    }

    /// A short title.
    pub fn title(&self) -> Option<&Spanned<String>> {
        self.title.as_ref()
    }

    /// Markdown documentation.
    pub fn docs(&self) -> Option<&Spanned<String>> {
        self.docs.as_ref()
    }

    /// Why the entry is deprecated (empty when it says only `true`).
    pub fn deprecated(&self) -> Option<&Spanned<String>> {
        self.deprecated.as_ref()
    }

    /// The version that introduced it.
    pub fn since(&self) -> Option<&Spanned<String>> {
        self.since.as_ref()
    }

    /// Extra response headers, name and value template.
    pub fn headers(&self) -> &[(Spanned<String>, Spanned<String>)] {
        &self.headers
    }

    /// What a client should do, when the entry says ([`client_action`](Entry::client_action)
    /// says it in every case).
    pub fn client(&self) -> Option<&Spanned<ClientAction>> {
        self.client.as_ref()
    }

    /// The gRPC code, when the entry says (`grpc:`); [`grpc_code`](Entry::grpc_code)
    /// says it wherever the status derives one.
    pub fn grpc(&self) -> Option<&Spanned<GrpcCode>> {
        self.grpc.as_ref()
    }

    /// The gRPC code: the entry's `grpc:`, else what its status derives
    /// ([`GrpcCode::derive`]); `None` for a status that needs a choice and has none (a
    /// mistake a valid catalog does not have).
    pub fn grpc_code(&self) -> Option<GrpcCode> {
        self.grpc
            .as_ref()
            .map_or_else(|| GrpcCode::derive(self.status.value), |g| Some(g.value))
    }

    /// Whether the message reaches the body.
    pub fn expose(&self) -> &Spanned<bool> {
        &self.expose
    }

    /// The declared parameters in order.
    pub fn params(&self) -> &[Param] {
        &self.params
    }

    /// The first challenge, if any: the only one of an entry with `challenge:`.
    pub fn challenge(&self) -> Option<&ChallengeDef> {
        self.challenges.first()
    }

    /// Every challenge in the order it is sent: one for `challenge:`, one per item of
    /// `challenges:` (a resource that accepts several schemes, RFC 9110 §11.6.1), none
    /// without either.
    pub fn challenges(&self) -> &[ChallengeDef] {
        &self.challenges
    }

    /// The code of the entry whose response this one answers with (`conceal_as:`): a
    /// 404 in place of a 403 that would say a private resource exists. The entry keeps
    /// its own code, status and message for logs, metrics and docs.
    pub fn conceal_as(&self) -> Option<&Spanned<String>> {
        self.conceal_as.as_ref()
    }

    /// The entry's `alert:` block as written, if any ([`alert_rule`](Entry::alert_rule)
    /// gives the rule it makes, defaults applied).
    pub fn alert(&self) -> Option<&AlertDef> {
        self.alert.as_ref()
    }

    /// The alert rule this entry's series gets: the `alert:` block over the defaults of
    /// its kind, or `None` when it has none (see [`AlertKind::of`]).
    pub fn alert_rule(&self) -> Option<AlertRule> {
        let error = self
            .challenges
            .first()
            .and_then(|c| c.error.as_ref())
            .map(|e| e.value.as_str());
        let kind = AlertKind::of(self.status.value, error);
        let def = self.alert.as_ref();
        if !def.map_or(kind.on_by_default(), |d| d.enabled.value) {
            return None;
        }
        let (above, window, for_, severity) = kind.defaults();
        let own =
            |f: fn(&AlertDef) -> Option<&Spanned<String>>| def.and_then(f).map(|v| v.value.clone());
        Some(AlertRule {
            kind,
            above: own(|d| d.above.as_ref()).unwrap_or_else(|| above.to_owned()),
            window: own(|d| d.window.as_ref()).unwrap_or_else(|| window.to_owned()),
            for_: own(|d| d.for_.as_ref()).unwrap_or_else(|| for_.to_owned()),
            severity: own(|d| d.severity.as_ref()).unwrap_or_else(|| severity.to_owned()),
        })
    }

    /// The variant name a macro generates for this code (`TOKEN_EXPIRED` → `TokenExpired`).
    pub fn variant_name(&self) -> String {
        variant_name(&self.code.value)
    }

    /// What a client should do: the entry's `client`, else derived from status and challenge.
    pub fn client_action(&self) -> ClientAction {
        self.client.as_ref().map_or_else(
            || {
                ClientAction::derive(
                    self.status.value,
                    self.challenges
                        .first()
                        .and_then(|c| c.error.as_ref())
                        .map(|e| e.value.as_str()),
                )
            },
            |c| c.value,
        )
    }

    /// The declared param with this name.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name.value == name)
    }
}

/// The variant name of a code: heck's UpperCamelCase.
fn variant_name(code: &str) -> String {
    heck::ToUpperCamelCase::to_upper_camel_case(code)
}

/// A declared parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub(crate) name: Spanned<String>,
    pub(crate) ty: Spanned<ParamType>,
}

impl Param {
    /// Its name.
    pub fn name(&self) -> &Spanned<String> {
        &self.name
    }

    /// Its type.
    pub fn ty(&self) -> &Spanned<ParamType> {
        &self.ty
    }
}

/// An entry's `challenge` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeDef {
    pub(crate) at: Option<Location>,
    pub(crate) scheme: Option<Spanned<String>>,
    pub(crate) realm: Option<Spanned<String>>,
    pub(crate) error: Option<Spanned<String>>,
    pub(crate) error_description: Option<Spanned<String>>,
    pub(crate) error_uri: Option<Spanned<String>>,
    pub(crate) scope: Option<Spanned<String>>,
    pub(crate) params: Vec<(Spanned<String>, Spanned<String>)>,
}

impl ChallengeDef {
    /// Where the `challenge` key stands.
    pub fn at(&self) -> Option<Location> {
        self.at
    }

    /// The challenge's own scheme, overriding the default ([`scheme`](ChallengeDef::scheme)
    /// gives the one it uses).
    pub fn own_scheme(&self) -> Option<&Spanned<String>> {
        self.scheme.as_ref()
    }

    /// The challenge's own realm, overriding the default.
    pub fn own_realm(&self) -> Option<&Spanned<String>> {
        self.realm.as_ref()
    }

    /// `error` (RFC 6750 §3).
    pub fn error(&self) -> Option<&Spanned<String>> {
        self.error.as_ref()
    }

    /// `error_description` (RFC 6750 §3).
    pub fn error_description(&self) -> Option<&Spanned<String>> {
        self.error_description.as_ref()
    }

    /// `error_uri` (RFC 6750 §3).
    pub fn error_uri(&self) -> Option<&Spanned<String>> {
        self.error_uri.as_ref()
    }

    /// `scope` (RFC 6750 §3).
    pub fn scope(&self) -> Option<&Spanned<String>> {
        self.scope.as_ref()
    }

    /// Extension auth-params (DPoP `algs`, RFC 9470 `acr_values`, RFC 9728
    /// `resource_metadata`, …) in order.
    pub fn params(&self) -> &[(Spanned<String>, Spanned<String>)] {
        &self.params
    }

    /// The scheme: the challenge's own, else the catalog default.
    pub fn scheme<'a>(&'a self, defaults: &'a Defaults) -> &'a Spanned<String> {
        self.scheme.as_ref().unwrap_or(&defaults.scheme)
    }

    /// Every attribute in the order it is sent: `realm` (own or default), `error`,
    /// `error_description`, `error_uri`, `scope`, then the extension params. Values are
    /// templates.
    pub fn attributes<'a>(&'a self, defaults: &'a Defaults) -> Vec<(&'a str, &'a Spanned<String>)> {
        let standard = [
            ("realm", self.realm.as_ref().or(defaults.realm.as_ref())),
            ("error", self.error.as_ref()),
            ("error_description", self.error_description.as_ref()),
            ("error_uri", self.error_uri.as_ref()),
            ("scope", self.scope.as_ref()),
        ];
        standard
            .into_iter()
            .filter_map(|(name, value)| value.map(|v| (name, v)))
            .chain(self.params.iter().map(|(n, v)| (n.value.as_str(), v)))
            .collect()
    }
}

/// An entry's `alert:` block: `false` (no rule), `true` (the defaults of its kind), or a
/// mapping that overrides some of them (`above`, `window`, `for`, `severity`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertDef {
    pub(crate) at: Option<Location>,
    pub(crate) enabled: Spanned<bool>,
    pub(crate) above: Option<Spanned<String>>,
    pub(crate) window: Option<Spanned<String>>,
    pub(crate) for_: Option<Spanned<String>>,
    pub(crate) severity: Option<Spanned<String>>,
}

impl AlertDef {
    /// Where the `alert` key stands.
    pub fn at(&self) -> Option<Location> {
        self.at
    }

    /// Whether the entry gets a rule (`alert: false` says no).
    pub fn enabled(&self) -> &Spanned<bool> {
        &self.enabled
    }

    /// The share of all requests above which the rule fires (`0.05`), as written.
    pub fn above(&self) -> Option<&Spanned<String>> {
        self.above.as_ref()
    }

    /// The rate window, a Prometheus duration (`5m`).
    pub fn window(&self) -> Option<&Spanned<String>> {
        self.window.as_ref()
    }

    /// How long the share must stay above before the alert fires (`10m`).
    pub fn for_duration(&self) -> Option<&Spanned<String>> {
        self.for_.as_ref()
    }

    /// The `severity` label (`warning`, `critical`).
    pub fn severity(&self) -> Option<&Spanned<String>> {
        self.severity.as_ref()
    }
}

/// What a rise in an entry's series means, which sets its alert's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlertKind {
    /// A 401 with `error="invalid_token"`: the auth system is in trouble (keys, JWKS,
    /// clock, forged tokens). On by default.
    Auth,
    /// A 403: a permission policy changed. On by default.
    Policy,
    /// A 5xx: the server (or the auth backend) is failing. On by default.
    Server,
    /// Any other 4xx (a 401 without `invalid_token`: anonymous traffic, step-up, DPoP
    /// nonces; a 400, a 429): the client's doing. Off by default (`alert: true` turns it on).
    Client,
}

impl AlertKind {
    /// The kind of an entry with this status and challenge `error`.
    ///
    /// ```
    /// use auth_errors_core::catalog::AlertKind;
    ///
    /// assert_eq!(AlertKind::of(401, Some("invalid_token")), AlertKind::Auth);
    /// assert_eq!(AlertKind::of(401, None), AlertKind::Client);
    /// assert_eq!(AlertKind::of(403, Some("insufficient_scope")), AlertKind::Policy);
    /// assert_eq!(AlertKind::of(503, None), AlertKind::Server);
    /// ```
    pub fn of(status: u16, error: Option<&str>) -> AlertKind {
        match (status, error) {
            (401, Some("invalid_token")) => AlertKind::Auth,
            (403, _) => AlertKind::Policy,
            (500.., _) => AlertKind::Server,
            _ => AlertKind::Client,
        }
    }

    /// Whether an entry of this kind gets a rule without an `alert:` block.
    pub const fn on_by_default(self) -> bool {
        !matches!(self, AlertKind::Client)
    }

    /// The defaults: share of all requests, window, `for` and severity.
    pub const fn defaults(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            AlertKind::Auth | AlertKind::Policy | AlertKind::Client => {
                ("0.05", "5m", "10m", "warning")
            }
            AlertKind::Server => ("0.01", "5m", "5m", "critical"),
        }
    }

    /// The name in rule labels: `auth`, `policy`, `server`, `client`.
    pub const fn name(self) -> &'static str {
        match self {
            AlertKind::Auth => "auth",
            AlertKind::Policy => "policy",
            AlertKind::Server => "server",
            AlertKind::Client => "client",
        }
    }

    /// What a firing alert of this kind suggests, for its description.
    pub const fn meaning(self) -> &'static str {
        match self {
            AlertKind::Auth => {
                "the auth system may be in trouble (signing keys, JWKS fetches, clock skew, forged tokens)"
            }
            AlertKind::Policy => "a permission policy or scope mapping may have changed",
            AlertKind::Server => "the service or its auth backend is failing",
            AlertKind::Client => "clients are sending requests this API refuses",
        }
    }
}

/// The alert rule of an entry, defaults applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRule {
    /// What a rise means.
    pub kind: AlertKind,
    /// The share of all requests above which it fires, as written (`0.05`).
    pub above: String,
    /// The rate window (`5m`).
    pub window: String,
    /// How long before it fires (`10m`).
    pub for_: String,
    /// The `severity` label.
    pub severity: String,
}
