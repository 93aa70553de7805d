//! The generated enum of `#[catalog]`: one variant per entry, its fields typed by the
//! entry's params, its docs from the entry.

use auth_errors_core::catalog::{Catalog, Entry, Partial};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

use crate::model::field_ident;
use crate::tokens::Paths;

/// One variant of the generated enum, documented with its message, status, code and
/// challenge, and the entry's docs.
pub fn variant_tokens(entry: &Entry, catalog: &Catalog<Partial>, paths: &Paths) -> TokenStream {
    let ident = Ident::new(&entry.variant_name(), Span::call_site());
    let mut docs = vec![format!(" {}", entry.message().value())];
    let status = entry.status().value();
    let mut line = format!(" `{status}` · `{}`", entry.code().value());
    if let Some(c) = entry.challenge() {
        let attrs: Vec<String> = c
            .attributes(catalog.defaults())
            .iter()
            .map(|(n, v)| format!("{n}=\"{}\"", v.value()))
            .collect();
        let scheme = c.scheme(catalog.defaults()).value();
        if attrs.is_empty() {
            line.push_str(&format!(" · `WWW-Authenticate: {scheme}`"));
        } else {
            line.push_str(&format!(
                " · `WWW-Authenticate: {scheme} {}`",
                attrs.join(", ")
            ));
        }
    }
    docs.push(String::new());
    docs.push(line);
    if let Some(d) = entry.docs() {
        docs.push(String::new());
        docs.extend(d.value().lines().map(|l| format!(" {l}")));
    }
    let deprecated = entry.deprecated().map(|d| {
        if d.value().is_empty() {
            quote!(#[deprecated])
        } else {
            let reason = d.value();
            quote!(#[deprecated = #reason])
        }
    });
    let fields = entry.params().iter().map(|p| {
        let name = field_ident(p.name().value());
        let doc = format!(
            " The `{{{}}}` param ({}).",
            p.name().value(),
            p.ty().value()
        );
        let ty = paths.field_type(*p.ty().value());
        quote!(#[doc = #doc] #name: #ty,)
    });
    let body = if entry.params().is_empty() {
        quote!()
    } else {
        quote!({ #(#fields)* })
    };
    quote! {
        #(#[doc = #docs])*
        #deprecated
        #ident #body,
    }
}
