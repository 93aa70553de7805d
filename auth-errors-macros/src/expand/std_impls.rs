//! The standard traits: `Display` (the message), `Error::source`, `From` for `#[from]`
//! fields, and `FromStr` from a unit variant's code.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use super::{catch_all, pattern, scrutinee};
use crate::model::Resolved;
use crate::tokens::Paths;

/// `FromStr`: the unit variant with a code.
pub fn from_str(ident: &Ident, paths: &Paths, resolved: &[Resolved]) -> TokenStream {
    let unknown_name = paths.unknown_name();
    let unit_arms = resolved.iter().filter(|r| r.unit).map(|r| {
        let code = r.spec.code;
        let v = &r.ident;
        quote!(#code => ::core::result::Result::Ok(Self::#v),)
    });
    quote! {
        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = #unknown_name;

            /// The unit variant with this code.
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                match s {
                    #(#unit_arms)*
                    _ => ::core::result::Result::Err(#unknown_name::new("error code", s, ::std::vec::Vec::new())),
                }
            }
        }
    }
}

/// `Display`, `Error` and the `From`s, unless thiserror brings them (`brings_display`).
pub fn display_error_from(
    ident: &Ident,
    paths: &Paths,
    resolved: &[Resolved],
    brings_display: bool,
) -> TokenStream {
    if brings_display {
        return quote!();
    }
    let as_dyn_error = paths.as_dyn_error();
    let auth_error = paths.auth_error();
    let source_arms = resolved.iter().filter_map(|r| {
        let m = r.source.clone()?;
        let pat = pattern(r, &[(m, format_ident!("__source"))]);
        Some(quote!(#pat => {
            // Method syntax, so a boxed `dyn Error` reaches its impl by deref.
            use #as_dyn_error as _;
            ::core::option::Option::Some(__source.as_dyn_error())
        },))
    });
    let src_catch_all = catch_all(resolved, quote!(::core::option::Option::None));
    let froms = resolved.iter().filter_map(|r| {
        let (member, ty) = r.from.clone()?;
        let v = &r.ident;
        Some(quote! {
            #[automatically_derived]
            impl ::core::convert::From<#ty> for #ident {
                fn from(source: #ty) -> Self {
                    Self::#v { #member: source }
                }
            }
        })
    });
    let scrutinee = scrutinee(resolved);
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(&#auth_error::message(self))
            }
        }
        #[automatically_derived]
        impl ::std::error::Error for #ident {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                match #scrutinee {
                    #(#source_arms)*
                    #src_catch_all
                }
            }
        }
        #(#froms)*
    }
}
