//! What the facade's `__impl_adapters!` gets: the table of static responses (each row's
//! class, each distinct head once: status, content type, fixed challenge), the variant
//! each bearer rejection becomes (read from core's rejection table, so this crate names
//! neither the rejection type nor a code), and the variant each standard entry becomes
//! (read from the standard catalog itself).

use std::collections::HashMap;

use auth_errors_core::__private::FACADE_ENUMS;
use auth_errors_core::__private::{BEARER_REJECTIONS, STATIC_DYNAMIC, STATIC_FIRST_HEAD};
use auth_errors_core::__private::{CompiledForm, CompiledText};
use auth_errors_core::BodyFormat;
use auth_errors_core::ParamType;
use auth_errors_core::catalog::{Loader, embedded};
use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use syn::Ident;

use crate::model::{Resolved, field_ident};
use crate::tokens::Paths;

/// `__impl_adapters!` with the table of static responses (each distinct head once, then
/// each row's class), the variant each bearer rejection becomes, and, when `oauth`, the
/// variant each entry of an embedded catalog becomes, for those it has all of; with
/// `rebuild` (a generated enum, whose fields are the params), how each code rebuilds its
/// variant from a gRPC status.
pub fn adapters(
    ident: &Ident,
    paths: &Paths,
    resolved: &[Resolved],
    compiled: &[CompiledText],
    oauth: bool,
    domain: Option<&str>,
    rebuild: bool,
) -> TokenStream {
    let mut heads = Heads::default();
    let classes: Vec<u16> = resolved
        .iter()
        .zip(compiled)
        .map(|(r, c)| static_class(r, c, &mut heads))
        .collect();
    let unit = unit_statics(resolved, &classes);
    let classes = classes.into_iter().map(Literal::u16_unsuffixed);
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
    let conversions = if oauth {
        embedded_conversions(resolved)
    } else {
        Vec::new()
    };
    let impl_adapters = paths.impl_adapters();
    // The catalog's domain, else the name of the crate that compiles it: never empty.
    let domain = match domain {
        Some(d) => quote!(#d),
        None => quote!(::core::env!("CARGO_PKG_NAME")),
    };
    let missing = grpc_missing(resolved);
    let rebuild = if rebuild {
        let arms = resolved.iter().map(|r| {
            let code = r.spec.code;
            let variant = &r.ident;
            let fields = r.spec.params.iter().map(|p| {
                let field = field_ident(p.name());
                let name = p.name();
                quote!(#field: #name)
            });
            quote!(#code => #variant { #(#fields),* })
        });
        quote!([#(#arms),*])
    } else {
        quote!(none)
    };
    quote! {
        #impl_adapters!(
            #ident;
            heads: [#(#heads),*];
            statics: [#(#classes),*], #unit;
            bearer: #(#bearer),*;
            embedded: [#(#conversions),*];
            grpc: #domain, [#(#missing),*], #rebuild
        );
    }
}

/// Whether the enum has static rows and every one is a unit variant: then its axum
/// response skips the value's drop glue (nothing to drop) and it may not implement `Drop`.
fn unit_statics(resolved: &[Resolved], classes: &[u16]) -> bool {
    let mut statics = resolved
        .iter()
        .zip(classes)
        .filter(|&(_, &class)| class != STATIC_DYNAMIC)
        .peekable();
    statics.peek().is_some() && statics.all(|(r, _)| r.unit)
}

/// The entries that answer over gRPC with no code of their own (a 409, or a status
/// `google/rpc/code.proto` does not map, without `grpc:`): what the `tonic` feature
/// reports as compile errors. A concealed entry answers with its target's code.
fn grpc_missing(resolved: &[Resolved]) -> Vec<String> {
    resolved
        .iter()
        .filter(|r| r.spec.grpc.is_none() && r.spec.conceal_as.is_none())
        .map(|r| {
            format!(
                "{}: {}",
                r.spec.code,
                auth_errors_core::grpc::missing_code(r.spec.status)
            )
        })
        .collect()
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

/// One entry of an embedded catalog: its variant in the facade's enum, code and params.
struct Embedded {
    variant: String,
    code: String,
    params: Vec<(String, ParamType)>,
}

/// The entries of each embedded catalog that has an enum in the facade, read once per
/// compiler process, beside that enum's path in the facade.
fn embedded_entries() -> &'static [(&'static str, &'static str, Vec<Embedded>)] {
    static ENTRIES: std::sync::OnceLock<Vec<(&str, &str, Vec<Embedded>)>> =
        std::sync::OnceLock::new();
    ENTRIES.get_or_init(|| {
        FACADE_ENUMS
            .iter()
            .map(|&(name, module, ty)| {
                let text = embedded(name).unwrap_or_default();
                let (catalog, _) = Loader::new().load_partial(text, name);
                let entries = catalog
                    .map(|c| {
                        c.entries()
                            .iter()
                            .map(|e| Embedded {
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
                    .unwrap_or_default();
                (module, ty, entries)
            })
            .collect()
    })
}

/// `module::Enum { Std { fields } => Variant, … }` for each embedded catalog whose every
/// entry the enum has, with the same code and the same params (names and types, so the
/// generated fields match); the facade implements `From<module::Enum>` from it.
fn embedded_conversions(resolved: &[Resolved]) -> Vec<TokenStream> {
    embedded_entries()
        .iter()
        .filter(|(_, _, entries)| !entries.is_empty())
        .filter_map(|(module, ty, entries)| {
            let arms = entries
                .iter()
                .map(|e| {
                    let r = resolved.iter().find(|r| r.spec.code == e.code)?;
                    let same = r.spec.params.len() == e.params.len()
                        && r.spec
                            .params
                            .iter()
                            .zip(&e.params)
                            .all(|(a, (name, ty))| a.name() == name && a.ty() == *ty);
                    if !same {
                        return None;
                    }
                    let from = Ident::new(&e.variant, Span::call_site());
                    let to = &r.ident;
                    let fields = e.params.iter().map(|(name, _)| field_ident(name));
                    Some(quote!(#from { #(#fields),* } => #to))
                })
                .collect::<Option<Vec<_>>>()?;
            let module = Ident::new(module, Span::call_site());
            let ty = Ident::new(ty, Span::call_site());
            Some(quote!(#module::#ty { #(#arms),* }))
        })
        .collect()
}
