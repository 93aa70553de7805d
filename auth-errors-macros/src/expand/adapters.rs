//! What the facade's `__impl_adapters!` gets: the table of static responses (each row's
//! class, each distinct head once: status, content type, fixed challenge), the variant
//! each bearer rejection becomes (read from core's rejection table, so this crate names
//! neither the rejection type nor a code), and the variant each standard entry becomes
//! (read from the standard catalog itself).

use std::collections::HashMap;

use auth_errors_core::__private::{BEARER_REJECTIONS, STATIC_DYNAMIC, STATIC_FIRST_HEAD};
use auth_errors_core::__private::{CompiledForm, CompiledText};
use auth_errors_core::BodyFormat;
use auth_errors_core::ParamType;
use auth_errors_core::catalog::{Loader, STANDARD_CATALOG, STD};
use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use syn::Ident;

use crate::model::{Resolved, field_ident};
use crate::tokens::Paths;

/// `__impl_adapters!` with the table of static responses (each distinct head once, then
/// each row's class), the variant each bearer rejection becomes, and, when `oauth`, the
/// variant each standard entry becomes.
pub fn adapters(
    ident: &Ident,
    paths: &Paths,
    resolved: &[Resolved],
    compiled: &[CompiledText],
    oauth: bool,
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
    let oauth = if oauth {
        standard(resolved)
    } else {
        Vec::new()
    };
    let impl_adapters = paths.impl_adapters();
    quote! {
        #impl_adapters!(
            #ident;
            heads: [#(#heads),*];
            statics: [#(#classes),*];
            bearer: #(#bearer),*;
            oauth: #(#oauth),*
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

/// One entry of the standard catalog: its `OAuthError` variant, code and params.
struct Standard {
    variant: String,
    code: String,
    params: Vec<(String, ParamType)>,
}

/// The standard catalog's entries, read once per compiler process.
fn standard_entries() -> &'static [Standard] {
    static ENTRIES: std::sync::OnceLock<Vec<Standard>> = std::sync::OnceLock::new();
    ENTRIES.get_or_init(|| {
        let (catalog, _) = Loader::new().load_partial(STANDARD_CATALOG, STD);
        catalog
            .map(|c| {
                c.entries()
                    .iter()
                    .map(|e| Standard {
                        variant: e.variant_name(),
                        code: e.code().value().clone(),
                        params: e
                            .params()
                            .iter()
                            .map(|p| (p.name().value().to_owned(), *p.ty().value()))
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// `Std { fields } => Variant` for each standard entry, when the enum has a variant for
/// each with the same code and the same params (names and types, so the generated fields
/// match); none otherwise (no `From<OAuthError>`).
fn standard(resolved: &[Resolved]) -> Vec<TokenStream> {
    let entries = standard_entries();
    if entries.is_empty() {
        return Vec::new();
    }
    entries
        .iter()
        .map(|std| {
            let r = resolved.iter().find(|r| r.spec.code == std.code)?;
            let same = r.spec.params.len() == std.params.len()
                && r.spec
                    .params
                    .iter()
                    .zip(&std.params)
                    .all(|(a, (name, ty))| a.name() == name && a.ty() == *ty);
            if !same {
                return None;
            }
            let from = Ident::new(&std.variant, Span::call_site());
            let to = &r.ident;
            let fields = std.params.iter().map(|(name, _)| field_ident(name));
            Some(quote!(#from { #(#fields),* } => #to))
        })
        .collect::<Option<_>>()
        .unwrap_or_default()
}
