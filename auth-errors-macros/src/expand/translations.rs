//! `TRANSLATIONS`: the catalog's messages in each of its languages, one row per row of
//! `SPECS`, each text chosen at run time by index. A translated message with no param
//! carries its whole body, compiled here by the runtime's own writer.

use auth_errors_core::__private::translated_body;
use auth_errors_core::catalog::{Catalog, DEFAULT_LOCALE, Partial};
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

use crate::model::Resolved;
use crate::tokens::Paths;

/// `pub const TRANSLATIONS`: the catalog's own language alone for an enum without a
/// catalog, or whose catalog lists no locale file.
pub fn translations(
    ident: &Ident,
    paths: &Paths,
    resolved: &[Resolved],
    catalog: Option<&Catalog<Partial>>,
) -> TokenStream {
    let translations = paths.locale("Translations");
    let text = paths.locale("Text");
    let tags: Vec<&str> = catalog.map_or_else(|| vec![DEFAULT_LOCALE], |c| c.locale_tags());
    let locales = catalog.map_or(&[][..], |c| c.locales());
    let rows: Vec<TokenStream> = if locales.is_empty() {
        Vec::new()
    } else {
        resolved
            .iter()
            .map(|r| {
                let texts = locales.iter().map(|locale| {
                    let Some(t) = locale.get(r.spec.code) else {
                        return quote!(::core::option::Option::None);
                    };
                    let message = t.message().as_str();
                    let title = t.title().map(|t| t.as_str());
                    let body = translated_body(&r.spec, message, title);
                    let title = option(title);
                    let body = option(body.as_deref());
                    quote!(::core::option::Option::Some(#text::new(#message, #title, #body)))
                });
                quote!(&[#(#texts),*])
            })
            .collect()
    };
    quote! {
        #[automatically_derived]
        impl #ident {
            /// The catalog's messages in each of its languages (its own first, then one
            /// per locale file): what the locale layers negotiate and answer from.
            pub const TRANSLATIONS: #translations =
                #translations::new(&[#(#tags),*], Self::SPECS, &[#(#rows),*]);
        }
    }
}

fn option(value: Option<&str>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}
