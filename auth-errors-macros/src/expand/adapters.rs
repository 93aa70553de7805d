//! What the facade's adapters get: the fixed variants for compile-time responses, through
//! its `__impl_adapters!`, and `From<BearerRejection>`.

use auth_errors_core::__private::{CompiledForm, CompiledText};
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

use super::pattern;
use crate::model::Resolved;
use crate::tokens::Paths;

/// `__impl_adapters!` with every variant whose response is fixed: the adapters build it
/// in a `const`.
pub fn adapters(
    ident: &Ident,
    paths: &Paths,
    resolved: &[Resolved],
    compiled: &[CompiledText],
) -> TokenStream {
    let statics = resolved.iter().zip(compiled).filter_map(|(r, c)| {
        if !r.spec.headers.is_empty() {
            return None;
        }
        let challenge = match &c.header {
            CompiledForm::Absent => quote!(::core::option::Option::None),
            CompiledForm::Fixed(v) => quote!(::core::option::Option::Some(#v)),
            _ => return None,
        };
        let CompiledForm::Fixed(body) = &c.body else {
            return None;
        };
        let pat = pattern(r, &[]);
        let status = r.spec.status;
        let format = paths.body_format(r.spec.body);
        Some(quote!(#pat => (#status, #format, #challenge, #body)))
    });
    let impl_adapters = paths.impl_adapters();
    quote!(#impl_adapters!(#ident; #(#statics),*);)
}

/// A bearer extractor's rejection becomes this enum when it has the two codes.
pub fn bearer(ident: &Ident, paths: &Paths, resolved: &[Resolved]) -> TokenStream {
    let unit_code = |code: &str| {
        resolved
            .iter()
            .find(|r| r.unit && r.spec.code == code)
            .map(|r| &r.ident)
    };
    let rejection = paths.bearer_rejection();
    match (unit_code("TOKEN_MISSING"), unit_code("INVALID_REQUEST")) {
        (Some(missing), Some(invalid)) => quote! {
            #[automatically_derived]
            impl ::core::convert::From<#rejection> for #ident {
                fn from(rejection: #rejection) -> Self {
                    match rejection {
                        #rejection::Missing => Self::#missing,
                        #rejection::Malformed
                        | #rejection::Multiple => Self::#invalid,
                    }
                }
            }
        },
        _ => quote!(),
    }
}
