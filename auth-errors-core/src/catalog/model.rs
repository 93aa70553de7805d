//! The catalog model: what a catalog file says, with where it says it.

use crate::__private::{challenge_spec, header_spec, param_spec};
use crate::body::BodyFormat;
use crate::spec::{ClientAction, ErrorSpec, HeaderSpec, ParamSpec, ParamType, SpecParts};

use super::diagnostic::Location;

/// A value and where it stands in the catalog file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where the value (not its key) starts.
    pub at: Location,
}

impl<T> Spanned<T> {
    /// Pairs a value with its location.
    pub const fn new(value: T, at: Location) -> Self {
        Spanned { value, at }
    }
}

impl Spanned<String> {
    /// The value as a string slice.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// A loaded and validated catalog.
///
/// When the file includes others (`include:`), this is the composed catalog: `entries`
/// holds the included files' entries first (in `include:` order, each file's in file
/// order), then the file's own; each entry names the file it comes from in
/// [`Entry::origin`]. The `defaults` are the including (root) file's and apply to every
/// entry: one API has one scheme, realm and body format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// The file name given to the loader.
    pub file: String,
    /// The format version (1).
    pub version: u32,
    /// Values every entry inherits.
    pub defaults: Defaults,
    /// The entries in order, included ones first.
    pub entries: Vec<Entry>,
    /// The file's `include:` list as written (`std`, or paths relative to the file).
    pub includes: Vec<Spanned<String>>,
    /// The `prefix:` every code the file itself defines carries.
    pub prefix: Option<Spanned<String>>,
    /// The retired codes of the file and of every file it includes: none may be defined.
    pub retired: Vec<Retired>,
}

impl Catalog {
    /// Every entry as an [`ErrorSpec`], for the renderers.
    ///
    /// The specs' text is leaked to make it `'static`: call this once per process (a
    /// CLI run, a build script), not per request.
    pub fn to_specs(&self) -> Vec<ErrorSpec> {
        let mut leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
        self.entries
            .iter()
            .map(|e| e.to_spec(&self.defaults, &mut leak))
            .collect()
    }

    /// The entry with this code.
    pub fn get(&self, code: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.code.value == code)
    }
}

/// A code listed under `retired:`: removed for good, never to be defined again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retired {
    /// The code, where the list names it.
    pub code: Spanned<String>,
    /// The file whose `retired:` list names it.
    pub origin: String,
}

/// The `defaults` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defaults {
    /// The auth-scheme of challenges (`Bearer`).
    pub scheme: Spanned<String>,
    /// The realm every challenge carries, if any.
    pub realm: Option<Spanned<String>>,
    /// The body format.
    pub body: BodyFormat,
    /// A URL template (`https://docs.example.com/errors/{code}`) for documentation links and
    /// the problem `type`.
    pub docs_url: Option<Spanned<String>>,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            scheme: Spanned::new("Bearer".to_owned(), Location::default()),
            realm: None,
            body: BodyFormat::Json,
            docs_url: None,
        }
    }
}

impl Defaults {
    /// The documentation URL of a code, if the catalog has a `docs_url`.
    pub fn docs_url_for(&self, code: &str) -> Option<String> {
        self.docs_url
            .as_ref()
            .map(|u| u.value.replace("{code}", code))
    }
}

/// One catalog entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The catalog file that defines the entry, as named to the loader (`std` for the
    /// standard catalog); every location of the entry is in this file.
    pub origin: String,
    /// The code, located at its key.
    pub code: Spanned<String>,
    /// The HTTP status.
    pub status: Spanned<u16>,
    /// The message template.
    pub message: Spanned<String>,
    /// A short title.
    pub title: Option<Spanned<String>>,
    /// Markdown documentation.
    pub docs: Option<Spanned<String>>,
    /// Why the entry is deprecated (empty when it says only `true`).
    pub deprecated: Option<Spanned<String>>,
    /// The version that introduced it.
    pub since: Option<Spanned<String>>,
    /// Extra response headers, name and value template.
    pub headers: Vec<(Spanned<String>, Spanned<String>)>,
    /// What a client should do, when the entry says.
    pub client: Option<Spanned<ClientAction>>,
    /// Whether the message reaches the body.
    pub expose: Spanned<bool>,
    /// The declared parameters in order.
    pub params: Vec<Param>,
    /// The challenge, if any.
    pub challenge: Option<ChallengeDef>,
}

impl Entry {
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
                    self.challenge
                        .as_ref()
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

    /// The entry as an [`ErrorSpec`], its text made `'static` by `intern` and its message,
    /// header and body compiled.
    pub fn to_spec(
        &self,
        defaults: &Defaults,
        intern: &mut dyn FnMut(&str) -> &'static str,
    ) -> ErrorSpec {
        crate::render::compile::spec(self.to_parts(defaults, intern))
    }

    /// The entry's spec before compiling, its text made `'static` by `intern`: what the
    /// macros compile and emit as literals.
    pub fn to_parts(
        &self,
        defaults: &Defaults,
        intern: &mut dyn FnMut(&str) -> &'static str,
    ) -> SpecParts {
        let mut opt = |s: &Option<Spanned<String>>| s.as_ref().map(|s| intern(&s.value));
        let title = opt(&self.title);
        let docs = opt(&self.docs);
        let deprecated = opt(&self.deprecated);
        let since = opt(&self.since);
        let type_uri = defaults.docs_url_for(&self.code.value).map(|u| intern(&u));
        let challenge = self.challenge.as_ref().map(|c| {
            let params: Vec<(&'static str, &'static str)> = c
                .attributes(defaults)
                .into_iter()
                .map(|(n, v)| (intern(n), intern(&v.value)))
                .collect();
            challenge_spec(intern(&c.scheme(defaults).value), Vec::leak(params))
        });
        let params: Vec<ParamSpec> = self
            .params
            .iter()
            .map(|p| param_spec(intern(&p.name.value), p.ty.value))
            .collect();
        let headers: Vec<HeaderSpec> = self
            .headers
            .iter()
            .map(|(n, v)| header_spec(intern(&n.value), intern(&v.value)))
            .collect();
        SpecParts {
            code: intern(&self.code.value),
            status: self.status.value,
            title,
            message: intern(&self.message.value),
            docs,
            deprecated,
            since,
            client: self.client_action(),
            expose: self.expose.value,
            body: defaults.body,
            type_uri,
            challenge,
            params: Vec::leak(params),
            headers: Vec::leak(headers),
        }
    }
}

/// The variant name of a code: heck's UpperCamelCase.
pub fn variant_name(code: &str) -> String {
    heck::ToUpperCamelCase::to_upper_camel_case(code)
}

/// A declared parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// Its name.
    pub name: Spanned<String>,
    /// Its type.
    pub ty: Spanned<ParamType>,
}

/// An entry's `challenge` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeDef {
    /// Where the `challenge` key stands.
    pub at: Location,
    /// A scheme overriding the default.
    pub scheme: Option<Spanned<String>>,
    /// A realm overriding the default.
    pub realm: Option<Spanned<String>>,
    /// `error` (RFC 6750 §3).
    pub error: Option<Spanned<String>>,
    /// `error_description` (RFC 6750 §3).
    pub error_description: Option<Spanned<String>>,
    /// `error_uri` (RFC 6750 §3).
    pub error_uri: Option<Spanned<String>>,
    /// `scope` (RFC 6750 §3).
    pub scope: Option<Spanned<String>>,
    /// Extension auth-params (DPoP `algs`, RFC 9470 `acr_values`, RFC 9728
    /// `resource_metadata`, …) in order.
    pub params: Vec<(Spanned<String>, Spanned<String>)>,
}

impl ChallengeDef {
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
