//! What the facade's `__impl_adapters!` gets: the table of static responses (each row's
//! class, each distinct head once: status, content type, fixed challenge) and the variant
//! each bearer rejection becomes (read from core's rejection table, so this crate names
//! neither the rejection type nor a code).

use std::collections::HashMap;

use auth_errors_core::__private::{BEARER_REJECTIONS, STATIC_DYNAMIC, STATIC_FIRST_HEAD};
use auth_errors_core::__private::{CompiledForm, CompiledText};
use auth_errors_core::BodyFormat;
use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use syn::Ident;

use crate::model::Resolved;
use crate::tokens::Paths;

/// `__impl_adapters!` with the table of static responses (each distinct head once, then
/// each row's class), then the variant each bearer rejection becomes.
pub fn adapters(
    ident: &Ident,
    paths: &Paths,
    resolved: &[Resolved],
    compiled: &[CompiledText],
) -> TokenStream {
    let mut heads = Heads::default();
    let classes: Vec<Literal> = resolved
        .iter()
        .zip(compiled)
        .map(|(r, c)| Literal::u16_unsuffixed(static_class(r, c, &mut heads)))
        .collect();
    let heads = heads.order.iter().map(|&(head, class)| {
        let class = Literal::u16_unsuffixed(class);
        let status = Literal::u16_unsuffixed(head.status);
        let format = paths.body_format(head.format);
        let challenge = match head.challenge {
            Some(text) => quote!(::core::option::Option::Some(#text)),
            None => quote!(::core::option::Option::None),
        };
        quote!(#class => (#status, #format, #challenge))
    });
    let bearer = bearer(resolved);
    let impl_adapters = paths.impl_adapters();
    quote! {
        #impl_adapters!(
            #ident;
            heads: [#(#heads),*];
            statics: [#(#classes),*];
            bearer: #(#bearer),*
        );
    }
}

/// A row's class: dynamic unless its body is compiled text, its challenge is absent or
/// compiled text, and it has no extra headers; else its head's class. The response is the
/// public face's: a concealed entry's head is its target's (status, format, challenge),
/// and its compiled forms are the target's (see `compile`).
fn static_class<'c>(r: &Resolved, c: &'c CompiledText, heads: &mut Heads<'c>) -> u16 {
    let (status, headers, format) = match r.spec.conceal_as {
        Some(t) => (t.status(), t.headers(), t.body_format()),
        None => (r.spec.status, r.spec.headers, r.spec.body),
    };
    if !headers.is_empty() || !matches!(c.body, CompiledForm::Fixed(_)) {
        return STATIC_DYNAMIC;
    }
    let challenge = match &c.header {
        CompiledForm::Absent => None,
        CompiledForm::Fixed(text) => Some(text.as_str()),
        _ => return STATIC_DYNAMIC,
    };
    heads.class(Head {
        status,
        format,
        challenge,
    })
}

/// What a static response has before its body: one `const` per distinct head.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Head<'c> {
    status: u16,
    format: BodyFormat,
    challenge: Option<&'c str>,
}

/// The distinct heads in the order first met, each with its class.
#[derive(Default)]
struct Heads<'c> {
    classes: HashMap<Head<'c>, u16>,
    order: Vec<(Head<'c>, u16)>,
}

impl<'c> Heads<'c> {
    /// The class of `head`; past u16's classes a row answers at run time.
    fn class(&mut self, head: Head<'c>) -> u16 {
        if let Some(&class) = self.classes.get(&head) {
            return class;
        }
        let next = u16::try_from(self.order.len())
            .ok()
            .and_then(|n| STATIC_FIRST_HEAD.checked_add(n));
        let Some(class) = next else {
            return STATIC_DYNAMIC;
        };
        self.classes.insert(head, class);
        self.order.push((head, class));
        class
    }
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
