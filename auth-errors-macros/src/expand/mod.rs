//! Code generation. Both entry points are short pipelines over one `Ctxt`: parse the
//! item, load the catalog, resolve variants to entries, check the rules across them,
//! generate; the errors recorded on the way follow the expansion. The derive falls back
//! to `fallback` when its input cannot expand at all.

mod adapters;
mod auth_error;
mod std_impls;
mod translations;
mod variants;

use auth_errors_core::__private::CompiledText;
use auth_errors_core::catalog::{Catalog, Partial};
use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Ident, Member};

use crate::ast::{Input, Shell};
use crate::attr::CatalogArgs;
use crate::ctxt::Ctxt;
use crate::load;
use crate::model::{self, Resolved};
use crate::resolve;
use crate::tokens::Paths;

/// `#[auth_errors::catalog("errors.yaml")]` on an empty enum: the catalog's entries
/// become its variants. Always emits the enum, so code naming it sees no second error.
pub fn catalog(args: CatalogArgs, node: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let paths = Paths::new(args.krate.as_ref());
    let shell = Shell::from_syn(&cx, node);
    let loaded = load::catalog(&cx, &args.source, args.require_complete);
    let (resolved, variants): (Vec<Resolved>, Vec<TokenStream>) = match &loaded.catalog {
        Some(c) => resolve::entries(c)
            .into_iter()
            .map(|(e, r)| (r, variants::variant_tokens(e, c, &paths)))
            .unzip(),
        None => (Vec::new(), Vec::new()),
    };
    let Shell { attrs, vis, ident } = shell;
    // Every enum with the standard entries converts from `OAuthError`, but that enum
    // itself (generated inside the facade, `crate = "crate"`).
    let oauth = !args.krate.as_ref().is_some_and(|k| k.is_ident("crate"));
    let domain = loaded
        .catalog
        .as_ref()
        .and_then(|c| c.defaults().domain())
        .map(|d| d.as_str());
    let impls = impls(
        ident,
        &paths,
        &resolved,
        (&loaded.files, loaded.catalog.as_ref()),
        (false, oauth, true),
        domain,
    );
    with_errors(
        cx,
        quote! {
            #(#attrs)*
            #vis enum #ident {
                #(#variants)*
            }
            #impls
        },
    )
}

/// `#[derive(auth_errors::AuthError)]` on a hand-written enum.
pub fn derive(node: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let expanded = try_derive(&cx, node).unwrap_or_else(fallback);
    with_errors(cx, expanded)
}

/// parse → load → resolve → check → generate; `None` when the input cannot expand.
fn try_derive(cx: &Ctxt, node: &DeriveInput) -> Option<TokenStream> {
    let input = Input::from_syn(cx, node)?;
    let complete = input.attrs.require_complete.is_some();
    let loaded = input
        .attrs
        .catalog
        .as_ref()
        .map(|p| load::catalog(cx, p, complete));
    let catalog = loaded.as_ref().and_then(|l| l.catalog.as_ref());
    let mut resolved = resolve::variants(cx, &input, loaded.as_ref());
    resolve::check(cx, &input, &mut resolved, catalog);
    let resolved = resolve::with_stand_ins(&input, resolved);
    let paths = Paths::new(input.attrs.krate.as_ref());
    let files = loaded.as_ref().map_or(&[][..], |l| &l.files[..]);
    let domain = catalog
        .and_then(|c| c.defaults().domain())
        .map(|d| d.as_str());
    Some(impls(
        input.ident,
        &paths,
        &resolved,
        (files, catalog),
        (input.brings_display, false, false),
        domain,
    ))
}

/// What the derive emits when its input cannot expand (not an enum, or a generic one):
/// nothing but the errors. An impl for such an item would only add errors to the one
/// reported.
fn fallback() -> TokenStream {
    TokenStream::new()
}

/// The expansion followed by every error recorded. The expansion (stand-ins included)
/// keeps code that uses the enum free of follow-on errors.
fn with_errors(cx: Ctxt, expanded: TokenStream) -> TokenStream {
    match cx.check() {
        Ok(()) => expanded,
        Err(errors) => {
            let errors = errors.to_compile_error();
            quote!(#expanded #errors)
        }
    }
}

fn pattern(r: &Resolved, bind: &[(Member, Ident)]) -> TokenStream {
    let ident = &r.ident;
    let fields = bind.iter().map(|(m, b)| quote!(#m: #b));
    quote!(Self::#ident { #(#fields,)* .. })
}

/// What a match on `self` is written over: `*self` when the enum has no variants, so
/// the empty match type-checks.
fn scrutinee(resolved: &[Resolved]) -> TokenStream {
    if resolved.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    }
}

/// The catch-all arm of a match that lists only some variants.
fn catch_all(resolved: &[Resolved], arm: TokenStream) -> TokenStream {
    if resolved.is_empty() {
        quote!()
    } else {
        quote!(#[allow(unreachable_patterns)] _ => #arm,)
    }
}

/// The impls every generated or derived enum gets; the flags say whether thiserror brings
/// `Display`, whether the enum converts from the embedded catalogs' enums, and whether its
/// fields are the params (a generated enum, which a gRPC status can rebuild).
pub fn impls(
    ident: &Ident,
    paths: &Paths,
    resolved: &[Resolved],
    (files, catalog): (&[String], Option<&Catalog<Partial>>),
    (brings_display, oauth, rebuild): (bool, bool, bool),
    domain: Option<&str>,
) -> TokenStream {
    let compiled: Vec<CompiledText> = resolved.iter().map(|r| model::compiled(&r.spec)).collect();
    let inherent = auth_error::inherent(ident, paths, resolved, &compiled);
    let translations = translations::translations(ident, paths, resolved, catalog);
    let auth_error = auth_error::auth_error(ident, paths, resolved);
    let from_str = std_impls::from_str(ident, paths, resolved);
    let display = std_impls::display_error_from(ident, paths, resolved, brings_display);
    let adapters = adapters::adapters(ident, paths, resolved, &compiled, oauth, domain, rebuild);
    let include = files.iter().map(|p| {
        quote!(
            const _: &str = ::core::include_str!(#p);
        )
    });
    quote! {
        #[allow(deprecated, clippy::match_single_binding)]
        const _: () = {
            #(#include)*
            #inherent
            #translations
            #auth_error
            #from_str
            #display
            #adapters
        };
    }
}
