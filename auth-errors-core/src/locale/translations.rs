//! [`Translations`]: a catalog's messages in each of its languages, made in a `const` by
//! the macros from the catalog's locale files, and the bodies they give.

use std::borrow::Cow;

use super::accept;
use crate::AuthError;
use crate::render::{Params, body, message::Message};
use crate::spec::compiled::Compiled;
use crate::spec::{ErrorSpec, SpecParts};
use crate::template;

/// One entry's text in one language, from a locale file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    message: &'static str,
    title: Option<&'static str>,
    body: Option<&'static str>,
}

impl Text {
    /// The text of a validated translation: its message template, its title and, when
    /// the message uses no param, the whole body it gives (compiled by the macros, so a
    /// translated static response is chosen, not rendered).
    #[doc(hidden)]
    pub const fn new(
        message: &'static str,
        title: Option<&'static str>,
        body: Option<&'static str>,
    ) -> Text {
        Text {
            message,
            title,
            body,
        }
    }

    /// The message template, in the entry's placeholders.
    pub const fn message(&self) -> &'static str {
        self.message
    }

    /// The title, if the locale file translates it.
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }
}

/// A language of a catalog, picked for one request: its place among the catalog's
/// [tags](Translations::tags) (0 for the catalog's own) and its tag.
///
/// Made by [`Translations::negotiate`] or [`Translations::locale`], and held by the
/// request (its extensions), never by a global: two requests never share one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale {
    index: usize,
    tag: &'static str,
}

impl Locale {
    /// The tag, as the catalog writes it: what `Content-Language` says.
    pub const fn tag(&self) -> &'static str {
        self.tag
    }

    /// Its place among the catalog's tags; 0 is the catalog's own language.
    pub const fn index(&self) -> usize {
        self.index
    }

    /// Whether it is the catalog's own language.
    pub const fn is_default(&self) -> bool {
        self.index == 0
    }
}

/// How a translated body carries the translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// The message (and a problem's `title`) in the request's language.
    #[default]
    Replace,
    /// The message stays in the catalog's language, for clients that switch on it, and
    /// the translation goes beside it as AIP-193's `LocalizedMessage`:
    /// `"localized_message":{"locale":"fr","message":"…"}`.
    Beside,
}

/// A body and the language it is in: the request's, or the catalog's own when the
/// request's has no translation of the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    /// The body text.
    pub body: Cow<'static, str>,
    /// The language of its text: what `Content-Language` says.
    pub locale: Locale,
}

/// A catalog's messages in each of its languages: the catalog's own (from its entries)
/// and one per locale file. The catalog macros make one in a `const` for every enum
/// (`Enum::TRANSLATIONS`; only the catalog's own language when it lists no locale file).
///
/// It picks a language for a request ([`negotiate`](Translations::negotiate)) and gives
/// an error's body in it ([`body`](Translations::body)); the code, the status, the
/// problem `type` and the `WWW-Authenticate` challenge never change with the language.
///
/// ```
/// use auth_errors_core::locale::{Translations, Text};
/// use auth_errors_core::{AuthError, ErrorSpec};
/// # #[derive(Debug)] struct Expired;
/// # impl std::fmt::Display for Expired { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("expired") } }
/// # impl std::error::Error for Expired {}
/// static SPECS: [ErrorSpec; 1] = [ErrorSpec::new("TOKEN_EXPIRED", 401, "Access token expired")];
/// # impl AuthError for Expired { fn spec(&self) -> &'static ErrorSpec { &SPECS[0] } }
/// static TRANSLATIONS: Translations = Translations::new(
///     &["en", "fr"],
///     &SPECS,
///     &[&[Some(Text::new("Le jeton d'accès a expiré", None, None))]],
/// );
///
/// let fr = TRANSLATIONS.negotiate(Some(b"fr-CH;q=0.9, de;q=0.8"));
/// assert_eq!(fr.tag(), "fr");
/// let body = TRANSLATIONS.body(&Expired, fr);
/// assert_eq!(body.body, r#"{"code":"TOKEN_EXPIRED","message":"Le jeton d'accès a expiré"}"#);
/// assert_eq!(TRANSLATIONS.negotiate(Some(b"de")).tag(), "en");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Translations {
    tags: &'static [&'static str],
    specs: &'static [ErrorSpec],
    rows: &'static [&'static [Option<Text>]],
}

impl Translations {
    /// The translations of a catalog: its tags (its own language first), its specs in
    /// order, and per spec one text per tag after the first (`None` where the locale
    /// leaves the entry in the catalog's language). `rows` may be empty: no translation.
    ///
    /// The tags are checked by the catalog loader (well-formed BCP 47, each once); here
    /// only the shape is, in `const` evaluation.
    pub const fn new(
        tags: &'static [&'static str],
        specs: &'static [ErrorSpec],
        rows: &'static [&'static [Option<Text>]],
    ) -> Translations {
        assert!(!tags.is_empty(), "a catalog has its own language");
        assert!(
            rows.is_empty() || rows.len() == specs.len(),
            "one row of texts per spec"
        );
        let mut i = 0;
        while i < rows.len() {
            assert!(rows[i].len() + 1 == tags.len(), "one text per locale");
            i += 1;
        }
        Translations { tags, specs, rows }
    }

    /// The tags of the catalog's languages, its own first.
    pub const fn tags(&self) -> &'static [&'static str] {
        self.tags
    }

    /// The catalog's own language.
    pub const fn default_locale(&self) -> Locale {
        Locale {
            index: 0,
            tag: self.tags[0],
        }
    }

    /// The language with this tag (compared case-insensitively), if the catalog has it.
    pub fn locale(&self, tag: &str) -> Option<Locale> {
        let index = self.tags.iter().position(|t| t.eq_ignore_ascii_case(tag))?;
        Some(Locale {
            index,
            tag: self.tags[index],
        })
    }

    /// The language a request's `Accept-Language` value picks ([`negotiate`](super::negotiate):
    /// q-values, `q=0` excludes, `*`, `fr-CH` falls back to `fr`); the catalog's own for
    /// none, a malformed value or one naming no language the catalog has.
    pub fn negotiate(&self, accept_language: Option<&[u8]>) -> Locale {
        let index = accept::negotiate(accept_language, self.tags, 0);
        Locale {
            index,
            tag: self.tags[index],
        }
    }

    /// The text of `spec`'s response in `locale`: its public face's (a concealed entry
    /// answers with its target's text). `None` in the catalog's own language, for an
    /// entry the locale leaves untranslated, for a locale of another catalog, and for an
    /// entry whose message never reaches the body (`expose: false`).
    pub fn text(&self, spec: &ErrorSpec, locale: Locale) -> Option<&'static Text> {
        let public = spec.public();
        if locale.index == 0 || !public.expose() || self.tags.get(locale.index) != Some(&locale.tag)
        {
            return None;
        }
        let row = self.row(public)?;
        self.rows.get(row)?.get(locale.index - 1)?.as_ref()
    }

    /// The row of a spec: by where it stands in `specs` when it is one of them (no
    /// search), else by its code (a spec of another enum of the same catalog).
    fn row(&self, spec: &ErrorSpec) -> Option<usize> {
        let start = self.specs.as_ptr() as usize;
        let at = spec as *const ErrorSpec as usize;
        let size = size_of::<ErrorSpec>();
        if at >= start && at < start + size_of_val(self.specs) {
            return Some((at - start) / size);
        }
        self.specs.iter().position(|s| s.code() == spec.code())
    }

    /// `err`'s body in `locale`, or in the catalog's own language when the locale has
    /// no translation of it: the framework-free form of what the locale layers send.
    pub fn body(&self, err: &dyn AuthError, locale: Locale) -> Localized {
        self.body_with(err.spec(), locale, &|name| err.param(name), Shape::Replace)
            .unwrap_or_else(|| Localized {
                body: err.body(),
                locale: self.default_locale(),
            })
    }

    /// The body of `spec`'s response in `locale`, its params read by `lookup`, in
    /// `shape`; `None` when the locale has no translation of it (the body is then the
    /// default one). A translated message with no param, replacing the message, is the
    /// text the macros compiled: chosen, not rendered.
    pub fn body_with(
        &self,
        spec: &ErrorSpec,
        locale: Locale,
        lookup: Params<'_, '_>,
        shape: Shape,
    ) -> Option<Localized> {
        let text = self.text(spec, locale)?;
        let public = spec.public();
        let body = match (shape, text.body) {
            (Shape::Replace, Some(fixed)) => Cow::Borrowed(fixed),
            (Shape::Replace, None) => {
                let message = template::render(text.message, |name| lookup(name));
                let title = text.title.unwrap_or(public.problem_title());
                Cow::Owned(body::text_in(public, title, &Message::Text(&message), None))
            }
            (Shape::Beside, _) => {
                let own = crate::render::message::of(public, lookup);
                let translated = template::render(text.message, |name| lookup(name));
                Cow::Owned(body::text_in(
                    public,
                    public.problem_title(),
                    &Message::Text(&own),
                    Some((locale.tag, &translated)),
                ))
            }
        };
        Some(Localized { body, locale })
    }
}

/// The body of an entry whose translated message uses no param, in its language: what
/// the macros compile into [`Text::new`]'s `body`. `None` when the message uses a param
/// (or escapes a brace), or the entry does not expose its message.
pub(crate) fn fixed_body(parts: &SpecParts, message: &str, title: Option<&str>) -> Option<String> {
    let spec = ErrorSpec::from_parts(*parts, Compiled::RUNTIME);
    if !spec.expose() || !template::is_literal(message) {
        return None;
    }
    let title = title.unwrap_or(spec.problem_title());
    Some(body::text_in(&spec, title, &Message::Text(message), None))
}
