//! What the facade's `__impl_adapters!` gets: the fixed variants for the adapters'
//! compile-time responses, and the variant each bearer rejection becomes (read from
//! core's rejection table, so this crate names neither the rejection type nor a code).

use auth_errors_core::__private::BEARER_REJECTIONS;
use auth_errors_core::__private::{CompiledForm, CompiledText};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

use super::pattern;
use crate::model::Resolved;
use crate::tokens::Paths;

/// `__impl_adapters!` with every variant whose response is fixed (the adapters build it
/// in a `const`), then the variant each bearer rejection becomes.
pub fn adapters(
    ident: &Ident,
    paths: &Paths,
    resolved: &[Resolved],
    compiled: &[CompiledText],
) -> TokenStream {
    let statics = resolved.iter().zip(compiled).filter_map(|(r, c)| {
        // The response is the public face's: a concealed entry's target's.
        let (status, headers, body_format) = match r.spec.conceal_as {
            Some(t) => (t.status(), t.headers(), t.body_format()),
            None => (r.spec.status, r.spec.headers, r.spec.body),
        };
        if !headers.is_empty() {
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
        let format = paths.body_format(body_format);
        Some(quote!(#pat => (#status, #format, #challenge, #body)))
    });
    let bearer = bearer(resolved);
    let impl_adapters = paths.impl_adapters();
    quote!(#impl_adapters!(#ident; #(#statics),*; bearer: #(#bearer),*);)
}

/// `Rejection => Variant` for each row of core's rejection table, when the enum has a
/// unit variant for every code in it; none otherwise (no `From<BearerRejection>`).
fn bearer(resolved: &[Resolved]) -> Vec<TokenStream> {
    BEARER_REJECTIONS
        .iter()
        .map(|&(rejection, code)| {
            let variant = &resolved
                .iter()
                .find(|r| r.unit && r.spec.code == code)?
                .ident;
            let rejection = Ident::new(rejection, Span::call_site());
            Some(quote!(#rejection => #variant))
        })
        .collect::<Option<_>>()
        .unwrap_or_default()
}
