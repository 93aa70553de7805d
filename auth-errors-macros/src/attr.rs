//! The attributes: `#[auth_errors::catalog("…")]`'s arguments and `#[auth_error(…)]`.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr, Token};

use crate::ctxt::Ctxt;

/// The arguments of `#[auth_errors::catalog("errors.yaml", crate = "…")]` (or `std` for the path).
pub struct CatalogArgs {
    pub source: CatalogSource,
    pub krate: Option<syn::Path>,
    /// `require_complete`: an entry a locale file leaves untranslated is an error.
    pub require_complete: bool,
}

/// Where a catalog comes from: a file (`"errors.yaml"`), or the name of a catalog core
/// embeds (`std`, `http`), read with no file.
pub enum CatalogSource {
    File(LitStr),
    Embedded(syn::Ident),
}

impl Parse for CatalogSource {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let is_embedded = input.peek(syn::Ident)
            && input.fork().parse::<syn::Ident>().is_ok_and(|ident| {
                auth_errors_core::catalog::embedded(&ident.to_string()).is_some()
            });
        if is_embedded {
            return input.parse().map(CatalogSource::Embedded);
        }
        input.parse().map(CatalogSource::File)
    }
}

impl Parse for CatalogArgs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(
                input.error("expected the catalog path: #[auth_errors::catalog(\"errors.yaml\")]")
            );
        }
        let source: CatalogSource = input.parse()?;
        let mut krate = None;
        let mut require_complete = false;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: syn::Ident = input.call(syn::ext::IdentExt::parse_any)?;
            if key == "require_complete" {
                require_complete = true;
                continue;
            }
            if key != "crate" {
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown argument `{key}`: expected `crate = \"…\"` or `require_complete`"
                    ),
                ));
            }
            input.parse::<Token![=]>()?;
            let lit: LitStr = input.parse()?;
            krate = Some(lit.parse::<syn::Path>()?);
        }
        Ok(CatalogArgs {
            source,
            krate,
            require_complete,
        })
    }
}

/// `#[auth_error(catalog = "…", exhaustive, crate = "…")]` on the enum (`catalog = std` too).
#[derive(Default)]
pub struct EnumAttrs {
    pub catalog: Option<CatalogSource>,
    pub exhaustive: Option<Span>,
    pub krate: Option<syn::Path>,
    /// `require_complete`: an entry a locale file leaves untranslated is an error.
    pub require_complete: Option<Span>,
}

/// `challenge(error = "…", …)` inside a variant's `#[auth_error]`.
#[derive(Default)]
pub struct ChallengeAttrs {
    pub scheme: Option<LitStr>,
    pub realm: Option<LitStr>,
    pub error: Option<LitStr>,
    pub error_description: Option<LitStr>,
    pub error_uri: Option<LitStr>,
    pub scope: Option<LitStr>,
}

/// `#[auth_error(…)]` on a variant.
#[derive(Default)]
pub struct VariantAttrs {
    /// The span of the whole attribute, for errors about the inline spec.
    pub span: Option<Span>,
    pub code: Option<LitStr>,
    pub status: Option<LitInt>,
    pub message: Option<LitStr>,
    pub title: Option<LitStr>,
    pub docs: Option<LitStr>,
    pub deprecated: Option<LitStr>,
    pub client: Option<LitStr>,
    pub grpc: Option<LitStr>,
    pub challenge: Option<ChallengeAttrs>,
}

impl VariantAttrs {
    /// Whether the variant states its entry inline rather than naming a catalog entry.
    pub fn is_inline(&self) -> bool {
        self.status.is_some() || self.message.is_some() || self.challenge.is_some()
    }
}

/// Whether any attribute is thiserror's `#[error(…)]`: the user brings `Display`.
pub fn has_error_attr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("error"))
}

fn set<T>(slot: &mut Option<T>, value: T, span: Span, name: &str, cx: &Ctxt) {
    if slot.is_some() {
        cx.push(syn::Error::new(
            span,
            format!("duplicate `{name}` in #[auth_error]"),
        ));
    } else {
        *slot = Some(value);
    }
}

/// Records an unknown key and skips its value (`= …` or `(…)`), so the keys after it
/// are still read: one mistake gives one error.
fn unknown(meta: &syn::meta::ParseNestedMeta, message: &str, cx: &Ctxt) -> syn::Result<()> {
    cx.push(meta.error(message));
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
        meta.input.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

/// Whether the next token is an empty `()`.
fn empty_parens(input: ParseStream) -> bool {
    match input.fork().parse::<proc_macro2::TokenTree>() {
        Ok(proc_macro2::TokenTree::Group(g)) => {
            g.delimiter() == proc_macro2::Delimiter::Parenthesis && g.stream().is_empty()
        }
        _ => false,
    }
}

pub fn enum_attrs(attrs: &[Attribute], cx: &Ctxt) -> EnumAttrs {
    let mut out = EnumAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("auth_error")) {
        let result = attr.parse_nested_meta(|meta| {
            let span = meta.path.span();
            if meta.path.is_ident("catalog") {
                let source: CatalogSource = meta.value()?.parse()?;
                set(&mut out.catalog, source, span, "catalog", cx);
            } else if meta.path.is_ident("exhaustive") {
                set(&mut out.exhaustive, span, span, "exhaustive", cx);
            } else if meta.path.is_ident("crate") {
                let lit: LitStr = meta.value()?.parse()?;
                set(&mut out.krate, lit.parse::<syn::Path>()?, span, "crate", cx);
            } else if meta.path.is_ident("require_complete") {
                set(&mut out.require_complete, span, span, "require_complete", cx);
            } else {
                unknown(
                    &meta,
                    "unknown enum attribute: expected `catalog = \"…\"`, `exhaustive`, `require_complete` or `crate = \"…\"`",
                    cx,
                )?;
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.push(e);
        }
    }
    out
}

pub fn variant_attrs(attrs: &[Attribute], cx: &Ctxt) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("auth_error")) {
        // The path (`auth_error`) spans a real token on stable, unlike the whole attribute.
        out.span = Some(attr.path().span());
        let result = attr.parse_nested_meta(|meta| {
            let span = meta.path.span();
            let name = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            match name.as_str() {
                "code" => set(&mut out.code, meta.value()?.parse()?, span, "code", cx),
                "status" => set(&mut out.status, meta.value()?.parse()?, span, "status", cx),
                "message" => {
                    set(&mut out.message, meta.value()?.parse()?, span, "message", cx)
                }
                "title" => set(&mut out.title, meta.value()?.parse()?, span, "title", cx),
                "docs" => set(&mut out.docs, meta.value()?.parse()?, span, "docs", cx),
                "deprecated" => set(
                    &mut out.deprecated,
                    meta.value()?.parse()?,
                    span,
                    "deprecated",
                    cx,
                ),
                "client" => set(&mut out.client, meta.value()?.parse()?, span, "client", cx),
                "grpc" => set(&mut out.grpc, meta.value()?.parse()?, span, "grpc", cx),
                "challenge" => {
                    let mut c = ChallengeAttrs::default();
                    if empty_parens(meta.input) {
                        meta.input.parse::<proc_macro2::TokenTree>()?;
                    } else if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                        meta.parse_nested_meta(|inner| {
                            let span = inner.path.span();
                            let key = inner
                                .path
                                .get_ident()
                                .map(ToString::to_string)
                                .unwrap_or_default();
                            let slot = match key.as_str() {
                                "scheme" => &mut c.scheme,
                                "realm" => &mut c.realm,
                                "error" => &mut c.error,
                                "error_description" => &mut c.error_description,
                                "error_uri" => &mut c.error_uri,
                                "scope" => &mut c.scope,
                                _ => {
                                    return unknown(
                                        &inner,
                                        "unknown challenge attribute: expected `scheme`, `realm`, `error`, `error_description`, `error_uri` or `scope`",
                                        cx,
                                    );
                                }
                            };
                            let lit: LitStr = inner.value()?.parse()?;
                            set(slot, lit, span, &key, cx);
                            Ok(())
                        })?;
                    }
                    set(&mut out.challenge, c, span, "challenge", cx);
                }
                _ => unknown(
                    &meta,
                    "unknown variant attribute: expected `code`, `status`, `message`, `title`, `docs`, `deprecated`, `client`, `grpc` or `challenge(…)`",
                    cx,
                )?,
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.push(e);
        }
    }
    out
}
