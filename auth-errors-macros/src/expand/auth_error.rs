//! The spec table and `impl AuthError`: `SPECS`, one match from variant to its row
//! (`__index`), `code()`, and `spec` and `param`. Every other method of `AuthError`
//! renders from the row's compiled forms.

use auth_errors_core::__private::CompiledText;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Ident, Member};

use super::{catch_all, pattern, scrutinee};
use crate::model::{Conv, Resolved};
use crate::tokens::Paths;

/// `SPECS`, `__index` and `code()`.
pub fn inherent(
    ident: &Ident,
    paths: &Paths,
    resolved: &[Resolved],
    compiled: &[CompiledText],
) -> TokenStream {
    let specs = resolved
        .iter()
        .zip(compiled)
        .map(|(r, c)| paths.spec(&r.spec, c, &r.scope_fields()));
    let index_arms = resolved.iter().enumerate().map(|(i, r)| {
        let pat = pattern(r, &[]);
        quote!(#pat => #i,)
    });
    let error_spec = paths.error_spec();
    let scrutinee = scrutinee(resolved);
    quote! {
        #[automatically_derived]
        impl #ident {
            /// The catalog entries of this enum, one per variant, in catalog order.
            pub const SPECS: &'static [#error_spec] = &[#(#specs),*];

            /// The business code of this error (`TOKEN_EXPIRED`).
            pub const fn code(&self) -> &'static str {
                Self::SPECS[self.__index()].code()
            }

            /// The row of `SPECS` this variant is.
            const fn __index(&self) -> usize {
                match #scrutinee {
                    #(#index_arms)*
                }
            }
        }
    }
}

/// `impl AuthError`: the row of `SPECS`, and each param's value from its field.
pub fn auth_error(ident: &Ident, paths: &Paths, resolved: &[Resolved]) -> TokenStream {
    let cow = paths.cow();
    let display_param = paths.display_param();
    let param_arms = resolved.iter().filter(|r| !r.bindings.is_empty()).map(|r| {
        let binds: Vec<(Member, Ident)> = r
            .bindings
            .iter()
            .enumerate()
            .map(|(i, b)| (b.member.clone(), format_ident!("__p{}", i)))
            .collect();
        let pat = pattern(r, &binds);
        let arms = r.bindings.iter().zip(&binds).map(|(b, (_, v))| {
            let name = b.param;
            let value = match b.conv {
                Conv::AsStr | Conv::Scope => quote!(#cow::Borrowed(#v.as_str())),
                Conv::Display => quote!(#display_param(#v)),
            };
            quote!(#name => ::core::option::Option::Some(#value),)
        });
        quote!(#pat => match name { #(#arms)* _ => ::core::option::Option::None },)
    });
    let param_catch_all = catch_all(resolved, quote!(::core::option::Option::None));
    let scrutinee = scrutinee(resolved);
    let auth_error = paths.auth_error();
    let error_spec = paths.error_spec();
    quote! {
        #[automatically_derived]
        impl #auth_error for #ident {
            fn spec(&self) -> &'static #error_spec {
                &Self::SPECS[self.__index()]
            }

            fn param(&self, name: &str) -> ::core::option::Option<#cow<'_, str>> {
                let _ = name;
                match #scrutinee {
                    #(#param_arms)*
                    #param_catch_all
                }
            }
        }
    }
}
