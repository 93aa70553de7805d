//! Code generation: the generated enum (catalog mode) and the impls every enum gets.

use auth_errors_core::catalog::{Catalog, Entry};
use auth_errors_core::error::ParamType;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{DeriveInput, Ident, Member};

use crate::ast::Input;
use crate::attr::CatalogArgs;
use crate::errors::Errors;
use crate::load::{self, leak};
use crate::spec::{self, Binding, Conv, Resolved};
use crate::valid;

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
            c.entries
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
    let resolved = valid::resolve(&input, catalog, catalog_broken, &mut errors);
    let paths = loaded.as_ref().map_or(&[][..], |l| &l.paths[..]);
    let impls = impls(&node.ident, &krate, &resolved, paths, input.brings_display);
    let compile_errors = errors.to_compile_errors();
    quote! {
        #impls
        #compile_errors
    }
}

/// A catalog entry as a generated variant, with its fields typed by the params.
fn from_entry(entry: &Entry, catalog: &Catalog) -> Resolved {
    let spec = entry.to_spec(&catalog.defaults, &mut leak);
    let bindings = entry
        .params
        .iter()
        .map(|p| Binding {
            param: leak(&p.name.value),
            member: Member::Named(field_ident(&p.name.value)),
            conv: match p.ty.value {
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

fn variant_tokens(entry: &Entry, catalog: &Catalog, krate: &TokenStream) -> TokenStream {
    let ident = Ident::new(&entry.variant_name(), Span::call_site());
    let mut docs = vec![format!(" {}", entry.message.value)];
    let status = entry.status.value;
    let mut line = format!(" `{status}` · `{}`", entry.code.value);
    if let Some(c) = &entry.challenge {
        let attrs: Vec<String> = c
            .attributes(&catalog.defaults)
            .iter()
            .map(|(n, v)| format!("{n}=\"{}\"", v.value))
            .collect();
        let scheme = &c.scheme(&catalog.defaults).value;
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
    if let Some(d) = &entry.docs {
        docs.push(String::new());
        docs.extend(d.value.lines().map(|l| format!(" {l}")));
    }
    let deprecated = entry.deprecated.as_ref().map(|d| {
        if d.value.is_empty() {
            quote!(#[deprecated])
        } else {
            let reason = &d.value;
            quote!(#[deprecated = #reason])
        }
    });
    let fields = entry.params.iter().map(|p| {
        let name = field_ident(&p.name.value);
        let doc = format!(" The `{{{}}}` param ({}).", p.name.value, p.ty.value);
        let ty = match p.ty.value {
            ParamType::String => quote!(::std::string::String),
            ParamType::Scope => quote!(#krate::error::Scope),
            ParamType::Integer => quote!(u64),
        };
        quote!(#[doc = #doc] #name: #ty,)
    });
    let body = if entry.params.is_empty() {
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

/// A pattern binding the fields behind `params` and, for each param, an expression of
/// its value as `&str`; `None` when a param has no field (the template then renders
/// through `AuthError::param`, which leaves it as written).
fn split_values(
    r: &Resolved,
    params: &[&str],
    krate: &TokenStream,
) -> Option<(TokenStream, Vec<TokenStream>)> {
    let mut binds: Vec<(Member, Ident)> = Vec::new();
    let mut values = Vec::new();
    for param in params {
        let b = r.bindings.iter().find(|b| b.param == *param)?;
        let i = match binds.iter().position(|(m, _)| *m == b.member) {
            Some(i) => i,
            None => {
                binds.push((b.member.clone(), format_ident!("__p{}", binds.len())));
                binds.len() - 1
            }
        };
        let v = &binds[i].1;
        values.push(match b.conv {
            Conv::AsStr | Conv::Scope => quote!(#v.as_str()),
            Conv::Display => quote!(&*#krate::__private::display_param(#v)),
        });
    }
    Some((pattern(r, &binds), values))
}

/// Whether `param` is a `Scope` field the catalog macro generated.
fn is_scope(r: &Resolved, param: &str) -> bool {
    r.bindings
        .iter()
        .any(|b| b.param == param && matches!(b.conv, Conv::Scope))
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
    let specs = resolved.iter().map(|r| spec::tokens(&r.spec, krate));
    let any = |r: &Resolved| pattern(r, &[]);

    let spec_arms = resolved.iter().enumerate().map(|(i, r)| {
        let pat = any(r);
        quote!(#pat => &Self::SPECS[#i],)
    });
    let code_arms = resolved.iter().map(|r| {
        let pat = any(r);
        let code = r.spec.code;
        quote!(#pat => #code,)
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
    let message_arms = resolved.iter().filter_map(|r| {
        let m = spec::static_message(&r.spec)?;
        let pat = any(r);
        Some(quote!(#pat => #cow::Borrowed(#m),))
    });
    // Each variant's fixed header and body, rendered once for the three uses below.
    let fixed: Vec<(Option<Option<String>>, Option<String>)> = resolved
        .iter()
        .map(|r| (spec::static_challenge(&r.spec), spec::static_body(&r.spec)))
        .collect();
    let challenge_arms = resolved.iter().zip(&fixed).filter_map(|(r, (fixed, _))| {
        let pat = any(r);
        let Some(value) = fixed else {
            // Split once here: at run time only the params' values are checked and copied.
            let (text, attrs) = r.spec.challenge?.split()?;
            let params: Vec<&str> = attrs.iter().map(|&(_, p)| p).collect();
            let (pat, values) = split_values(r, &params, krate)?;
            let values = attrs.iter().zip(values).map(|(&(attr, param), value)| {
                // A generated `Scope` was checked when it was built.
                let checked = attr.eq_ignore_ascii_case("scope") && is_scope(r, param);
                quote!(#krate::error::SplitValue { attr: #attr, value: #value, checked: #checked })
            });
            return Some(quote!(#pat => #krate::error::render_split_header(
                &[#(#text),*],
                &[#(#values),*],
            ).map(|v| ::core::option::Option::Some(#cow::Owned(v))),));
        };
        Some(match value {
            Some(v) => quote!(#pat => ::core::result::Result::Ok(::core::option::Option::Some(#cow::Borrowed(#v))),),
            None => quote!(#pat => ::core::result::Result::Ok(::core::option::Option::None),),
        })
    });
    let body_arms = resolved.iter().zip(&fixed).filter_map(|(r, (_, fixed))| {
        let pat = any(r);
        if let Some(body) = fixed {
            return Some(quote!(#pat => #cow::Borrowed(#body),));
        }
        // Split once here: at run time only the params' values are escaped and copied.
        let (text, params) = r.spec.split_body()?;
        let (pat, values) = split_values(r, &params, krate)?;
        // A generated `Scope` holds nothing JSON escapes.
        let values = params.iter().zip(values).map(|(&param, value)| {
            let plain = is_scope(r, param);
            quote!((#value, #plain))
        });
        Some(quote!(#pat => #cow::Owned(#krate::error::render_split_body(
            &[#(#text),*],
            &[#(#values),*],
        )),))
    });
    // Variants whose response is fixed: the adapters build it in a `const`.
    let statics = resolved
        .iter()
        .zip(&fixed)
        .filter_map(|(r, (challenge, body))| {
            if !r.spec.headers.is_empty() {
                return None;
            }
            let challenge = match challenge.as_ref()? {
                Some(v) => quote!(::core::option::Option::Some(#v)),
                None => quote!(::core::option::Option::None),
            };
            let body = body.as_ref()?;
            let pat = any(r);
            let status = r.spec.status;
            let format = Ident::new(
                match r.spec.body {
                    auth_errors_core::BodyFormat::Json => "Json",
                    auth_errors_core::BodyFormat::Problem => "Problem",
                },
                Span::call_site(),
            );
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
    let msg_fallback = fallback(quote!(#krate::error::render_message(self)));
    let ch_fallback = fallback(quote!(#krate::error::render_challenge_header(self)));
    let body_fallback = fallback(quote!(#krate::error::render_body_from_params(self)));
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
                    match #scrutinee {
                        #(#code_arms)*
                    }
                }
            }

            #[automatically_derived]
            impl #krate::AuthError for #ident {
                fn spec(&self) -> &'static #krate::ErrorSpec {
                    match #scrutinee {
                        #(#spec_arms)*
                    }
                }

                fn param(&self, name: &str) -> ::core::option::Option<#cow<'_, str>> {
                    let _ = name;
                    match #scrutinee {
                        #(#param_arms)*
                        #param_fallback
                    }
                }

                fn message(&self) -> #cow<'_, str> {
                    match #scrutinee {
                        #(#message_arms)*
                        #msg_fallback
                    }
                }

                fn challenge_value(
                    &self,
                ) -> ::core::result::Result<::core::option::Option<#cow<'static, str>>, #krate::ChallengeError> {
                    match #scrutinee {
                        #(#challenge_arms)*
                        #ch_fallback
                    }
                }

                fn body(&self) -> #cow<'static, str> {
                    match #scrutinee {
                        #(#body_arms)*
                        #body_fallback
                    }
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = #krate::error::UnknownCode;

                /// The unit variant with this code.
                fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                    match s {
                        #(#unit_arms)*
                        _ => ::core::result::Result::Err(#krate::error::UnknownCode(::std::string::ToString::to_string(s))),
                    }
                }
            }

            #display
            #bearer
            #krate::__impl_adapters!(#ident; #(#statics),*);
        };
    }
}
