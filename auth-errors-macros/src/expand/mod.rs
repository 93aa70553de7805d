//! Code generation: the generated enum (catalog mode) and the impls every enum gets.

use auth_errors_core::ParamType;
use auth_errors_core::catalog::{Catalog, Entry, Partial};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{DeriveInput, Ident, Member};

use crate::ast::Input;
use crate::attr::CatalogArgs;
use crate::ctxt::Errors;
use crate::load::{self, leak};
use crate::model::{self, Binding, Conv, Resolved};
use crate::{resolve, tokens};
use auth_errors_core::__private::CompiledForm;
use auth_errors_core::spec::Vocabulary;

fn krate_tokens(path: Option<&syn::Path>) -> TokenStream {
    match path {
        Some(p) => quote!(#p),
        None => quote!(::auth_errors),
    }
}

/// `#[auth_errors::catalog("errors.yaml")]` on an empty enum.
pub fn catalog(args: CatalogArgs, input: DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let krate = krate_tokens(args.krate.as_ref());
    match &input.data {
        syn::Data::Enum(data) => {
            if let Some(first) = data.variants.first() {
                errors.push(syn::Error::new(
                    first.ident.span(),
                    "the enum must be empty: its variants come from the catalog (use #[derive(auth_errors::AuthError)] to write variants by hand)",
                ));
            }
        }
        _ => errors.push(syn::Error::new(
            input.ident.span(),
            "#[auth_errors::catalog] goes on an empty enum: `pub enum ApiError {}`",
        )),
    }
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new(
            input.ident.span(),
            "an auth-errors enum cannot be generic",
        ));
    }
    let loaded = load::catalog(&args.path, &mut errors);
    // Entries whose variant name is taken (a clash already reported) or is not an
    // identifier are left out, so the one error is the catalog's.
    let mut seen = std::collections::HashSet::new();
    let entries: Vec<&Entry> = loaded
        .catalog
        .as_ref()
        .map(|c| {
            c.entries()
                .iter()
                .filter(|e| {
                    let name = e.variant_name();
                    syn::parse_str::<Ident>(&name).is_ok() && seen.insert(name)
                })
                .collect()
        })
        .unwrap_or_default();
    let (resolved, variants): (Vec<Resolved>, Vec<TokenStream>) = match &loaded.catalog {
        Some(c) => entries
            .iter()
            .map(|e| (from_entry(e, c), variant_tokens(e, c, &krate)))
            .unzip(),
        None => (Vec::new(), Vec::new()),
    };
    let DeriveInput {
        attrs, vis, ident, ..
    } = &input;
    let impls = impls(ident, &krate, &resolved, &loaded.paths, false);
    let compile_errors = errors.to_compile_errors();
    quote! {
        #(#attrs)*
        #vis enum #ident {
            #(#variants)*
        }
        #impls
        #compile_errors
    }
}

/// `#[derive(auth_errors::AuthError)]` on a hand-written enum.
pub fn derive(node: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let Some(input) = Input::from_syn(node, &mut errors) else {
        return errors.to_compile_errors();
    };
    let krate = krate_tokens(input.attrs.krate.as_ref());
    if !node.generics.params.is_empty() {
        // Impls for a generic enum would only add errors to the one reported.
        return errors.to_compile_errors();
    }
    let before = errors.len();
    let loaded = input
        .attrs
        .catalog
        .as_ref()
        .map(|path| load::catalog(path, &mut errors));
    let catalog_broken = errors.len() > before;
    let catalog = loaded.as_ref().and_then(|l| l.catalog.as_ref());
    let resolved = resolve::resolve(&input, catalog, catalog_broken, &mut errors);
    let paths = loaded.as_ref().map_or(&[][..], |l| &l.paths[..]);
    let impls = impls(&node.ident, &krate, &resolved, paths, input.brings_display);
    let compile_errors = errors.to_compile_errors();
    quote! {
        #impls
        #compile_errors
    }
}

/// A catalog entry as a generated variant, with its fields typed by the params.
fn from_entry(entry: &Entry, catalog: &Catalog<Partial>) -> Resolved {
    let spec = entry.to_parts(catalog.defaults(), &mut leak);
    let bindings = entry
        .params()
        .iter()
        .map(|p| Binding {
            param: leak(p.name().value()),
            member: Member::Named(field_ident(p.name().value())),
            conv: match p.ty().value() {
                ParamType::String => Conv::AsStr,
                ParamType::Scope => Conv::Scope,
                ParamType::Integer => Conv::Display,
            },
        })
        .collect::<Vec<_>>();
    Resolved {
        ident: Ident::new(&entry.variant_name(), Span::call_site()),
        unit: bindings.is_empty(),
        spec,
        bindings,
        source: None,
        from: None,
    }
}

fn field_ident(name: &str) -> Ident {
    // Param names are snake_case; a keyword (`type`) becomes a raw identifier.
    match name {
        // Cannot be raw identifiers; the catalog validator rejects them as param names,
        // and this keeps the expansion from panicking before that error is seen.
        "self" | "super" | "crate" | "Self" => format_ident!("{}_", name),
        _ => syn::parse_str::<Ident>(name).unwrap_or_else(|_| format_ident!("r#{}", name)),
    }
}

fn variant_tokens(entry: &Entry, catalog: &Catalog<Partial>, krate: &TokenStream) -> TokenStream {
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
        let ty = match p.ty().value() {
            ParamType::String => quote!(::std::string::String),
            ParamType::Scope => quote!(#krate::Scope),
            ParamType::Integer => quote!(u64),
        };
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

fn pattern(r: &Resolved, bind: &[(Member, Ident)]) -> TokenStream {
    let ident = &r.ident;
    let fields = bind.iter().map(|(m, b)| quote!(#m: #b));
    quote!(Self::#ident { #(#fields,)* .. })
}

/// The params of a variant that are `Scope` fields the catalog macro generated.
fn scope_fields(r: &Resolved) -> Vec<&'static str> {
    r.bindings
        .iter()
        .filter(|b| matches!(b.conv, Conv::Scope))
        .map(|b| b.param)
        .collect()
}

/// The impls every generated or derived enum gets.
pub fn impls(
    ident: &Ident,
    krate: &TokenStream,
    resolved: &[Resolved],
    include: &[String],
    brings_display: bool,
) -> TokenStream {
    let cow = quote!(#krate::__private::Cow);
    let compiled: Vec<_> = resolved.iter().map(|r| model::compiled(&r.spec)).collect();
    let specs = resolved
        .iter()
        .zip(&compiled)
        .map(|(r, c)| tokens::tokens(&r.spec, c, &scope_fields(r), krate));
    let any = |r: &Resolved| pattern(r, &[]);

    // One match from variant to its row of `SPECS`; every other method reads the row.
    let index_arms = resolved.iter().enumerate().map(|(i, r)| {
        let pat = any(r);
        quote!(#pat => #i,)
    });
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
                Conv::Display => quote!(#krate::__private::display_param(#v)),
            };
            quote!(#name => ::core::option::Option::Some(#value),)
        });
        quote!(#pat => match name { #(#arms)* _ => ::core::option::Option::None },)
    });
    // Variants whose response is fixed: the adapters build it in a `const`.
    let statics = resolved.iter().zip(&compiled).filter_map(|(r, c)| {
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
        let pat = any(r);
        let status = r.spec.status;
        let format = Ident::new(r.spec.body.rust_ident(), Span::call_site());
        Some(quote!(#pat => (#status, #krate::BodyFormat::#format, #challenge, #body)))
    });
    let unit_arms = resolved.iter().filter(|r| r.unit).map(|r| {
        let code = r.spec.code;
        let v = &r.ident;
        quote!(#code => ::core::result::Result::Ok(Self::#v),)
    });
    let empty = resolved.is_empty();
    let fallback = |t: TokenStream| {
        if empty {
            quote!()
        } else {
            quote!(#[allow(unreachable_patterns)] _ => #t,)
        }
    };
    let param_fallback = fallback(quote!(::core::option::Option::None));
    let scrutinee = if empty { quote!(*self) } else { quote!(self) };

    let display = if brings_display {
        quote!()
    } else {
        let source_arms = resolved.iter().filter_map(|r| {
            let m = r.source.clone()?;
            let pat = pattern(r, &[(m, format_ident!("__source"))]);
            Some(quote!(#pat => {
                // Method syntax, so a boxed `dyn Error` reaches its impl by deref.
                use #krate::__private::AsDynError as _;
                ::core::option::Option::Some(__source.as_dyn_error())
            },))
        });
        let src_fallback = fallback(quote!(::core::option::Option::None));
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
        quote! {
            #[automatically_derived]
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(&#krate::AuthError::message(self))
                }
            }
            #[automatically_derived]
            impl ::std::error::Error for #ident {
                fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                    match #scrutinee {
                        #(#source_arms)*
                        #src_fallback
                    }
                }
            }
            #(#froms)*
        }
    };
    let include = include.iter().map(|p| {
        quote!(
            const _: &str = ::core::include_str!(#p);
        )
    });
    // A bearer extractor's rejection becomes this enum when it has the two codes.
    let unit_code = |code: &str| {
        resolved
            .iter()
            .find(|r| r.unit && r.spec.code == code)
            .map(|r| &r.ident)
    };
    let bearer = match (unit_code("TOKEN_MISSING"), unit_code("INVALID_REQUEST")) {
        (Some(missing), Some(invalid)) => quote! {
            #[automatically_derived]
            impl ::core::convert::From<#krate::bearer::BearerRejection> for #ident {
                fn from(rejection: #krate::bearer::BearerRejection) -> Self {
                    match rejection {
                        #krate::bearer::BearerRejection::Missing => Self::#missing,
                        #krate::bearer::BearerRejection::Malformed
                        | #krate::bearer::BearerRejection::Multiple => Self::#invalid,
                    }
                }
            }
        },
        _ => quote!(),
    };

    quote! {
        #[allow(deprecated, clippy::match_single_binding)]
        const _: () = {
            #(#include)*

            #[automatically_derived]
            impl #ident {
                /// The catalog entries of this enum, one per variant, in catalog order.
                pub const SPECS: &'static [#krate::ErrorSpec] = &[#(#specs),*];

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

            #[automatically_derived]
            impl #krate::AuthError for #ident {
                fn spec(&self) -> &'static #krate::ErrorSpec {
                    &Self::SPECS[self.__index()]
                }

                fn param(&self, name: &str) -> ::core::option::Option<#cow<'_, str>> {
                    let _ = name;
                    match #scrutinee {
                        #(#param_arms)*
                        #param_fallback
                    }
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = #krate::spec::UnknownName;

                /// The unit variant with this code.
                fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                    match s {
                        #(#unit_arms)*
                        _ => ::core::result::Result::Err(#krate::spec::UnknownName::new("error code", s, ::std::vec::Vec::new())),
                    }
                }
            }

            #display
            #bearer
            #krate::__impl_adapters!(#ident; #(#statics),*);
        };
    }
}
