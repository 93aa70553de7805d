//! From what was written to the model: catalog entries to variants (catalog mode); each
//! written variant to the entry it names or states inline, its fields bound to the
//! entry's params (derive), then the rules across variants. Every mistake is recorded;
//! the variants that resolve are still expanded, so one mistake gives one error.

use std::collections::{HashMap, HashSet};

use auth_errors_core::__private::{InlineChallenge, InlineEntry, nearest};
use auth_errors_core::ParamType;
use auth_errors_core::catalog::{Catalog, Defaults, Entry, Partial};
use auth_errors_core::template;
use proc_macro2::Span;
use syn::spanned::Spanned as _;
use syn::{Ident, LitStr, Member, Type};

use crate::ast::{Input, Style, Variant};
use crate::attr::VariantAttrs;
use crate::ctxt::Ctxt;
use crate::load::Loaded;
use crate::load::leak;
use crate::model::{self, Binding, Conv, Resolved, field_ident};

/// Catalog mode: each entry as a variant, its fields typed by the params. Entries whose
/// variant name is taken (a clash the catalog reported) or is not an identifier are left
/// out, so the one error is the catalog's.
pub fn entries(catalog: &Catalog<Partial>) -> Vec<(&Entry, Resolved)> {
    let mut seen = HashSet::new();
    catalog
        .entries()
        .iter()
        .filter(|e| {
            let name = e.variant_name();
            syn::parse_str::<Ident>(&name).is_ok() && seen.insert(name)
        })
        .map(|e| (e, from_entry(e, catalog)))
        .collect()
}

/// A catalog entry as a generated variant: one named field per param.
fn from_entry(entry: &Entry, catalog: &Catalog<Partial>) -> Resolved {
    let spec = catalog.parts_of(entry, &mut leak);
    let bindings = entry
        .params()
        .iter()
        .map(|p| Binding {
            param: leak(p.name().value()),
            member: Member::Named(field_ident(p.name().value())),
            conv: match p.ty().value() {
                ParamType::String => Conv::AsStr,
                ParamType::Scope => Conv::Scope,
                ParamType::Integer | ParamType::Seconds | ParamType::HttpDate => Conv::Display,
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

/// Derive: each written variant resolved to its entry, `None` where it did not (the
/// error is recorded). After a broken catalog, a code missing from what loaded may
/// be an entry that failed to load: no second error names it.
pub fn variants(cx: &Ctxt, input: &Input, loaded: Option<&Loaded>) -> Vec<Option<Resolved>> {
    let catalog = loaded.and_then(|l| l.catalog.as_ref());
    let broken = loaded.is_some_and(|l| l.broken);
    input
        .variants
        .iter()
        .map(|v| resolve_variant(cx, v, catalog, broken))
        .collect()
}

/// The rules across variants.
pub fn check(
    cx: &Ctxt,
    input: &Input,
    resolved: &mut [Option<Resolved>],
    catalog: Option<&Catalog<Partial>>,
) {
    let codes = unique_codes(cx, input, resolved);
    exhaustive(cx, input, &codes, catalog);
}

/// Each code has one variant: a second one is an error, and is not expanded.
fn unique_codes(
    cx: &Ctxt,
    input: &Input,
    resolved: &mut [Option<Resolved>],
) -> HashMap<String, String> {
    let mut codes: HashMap<String, String> = HashMap::new();
    for (variant, slot) in input.variants.iter().zip(resolved) {
        let Some(r) = slot else { continue };
        let code = r.spec.code.to_owned();
        if let Some(first) = codes.get(&code) {
            cx.error(
                variant.ident.span(),
                format!(
                    "`{}` and `{first}` both map to the code {code}: each code has one variant",
                    variant.ident
                ),
            );
            *slot = None;
            continue;
        }
        codes.insert(code, variant.ident.to_string());
    }
    codes
}

/// `exhaustive` asks for a variant for every entry of the catalog, so it needs one.
fn exhaustive(
    cx: &Ctxt,
    input: &Input,
    codes: &HashMap<String, String>,
    catalog: Option<&Catalog<Partial>>,
) {
    let Some(span) = input.attrs.exhaustive else {
        return;
    };
    if let Some(catalog) = catalog {
        let missing: Vec<&str> = catalog
            .entries()
            .iter()
            .map(|e| e.code().as_str())
            .filter(|c| !codes.contains_key(*c))
            .collect();
        if !missing.is_empty() {
            cx.error(
                span,
                format!(
                    "`exhaustive`: no variant for {} (add a variant named after each, or one with #[auth_error(code = \"…\")])",
                    missing.join(", ")
                ),
            );
        }
    } else if input.attrs.catalog.is_none() {
        cx.error(span, "`exhaustive` needs `catalog = \"…\"`");
    }
}

/// Every variant, with a stand-in where one did not resolve or was rejected, so the
/// generated matches stay exhaustive and the error recorded is the only one.
pub fn with_stand_ins(input: &Input, resolved: Vec<Option<Resolved>>) -> Vec<Resolved> {
    input
        .variants
        .iter()
        .zip(resolved)
        .map(|(v, r)| r.unwrap_or_else(|| stand_in(v)))
        .collect()
}

/// A stand-in for a variant that did not resolve: a 500 with no message, never built
/// because the crate does not compile past the error reported for it.
fn stand_in(v: &Variant) -> Resolved {
    Resolved {
        ident: v.ident.clone(),
        spec: model::stand_in(leak(&format!("__UNRESOLVED_{}", screaming_snake(v.ident)))),
        bindings: Vec::new(),
        unit: false,
        source: None,
        from: None,
    }
}

fn screaming_snake(ident: &syn::Ident) -> String {
    heck::ToShoutySnakeCase::to_shouty_snake_case(ident.to_string().trim_start_matches("r#"))
}

fn resolve_variant(
    cx: &Ctxt,
    v: &Variant,
    catalog: Option<&Catalog<Partial>>,
    catalog_broken: bool,
) -> Option<Resolved> {
    let attrs = &v.attrs;
    let code_span = attrs.code.as_ref().map_or(v.ident.span(), LitStr::span);
    let code = attrs
        .code
        .as_ref()
        .map_or_else(|| screaming_snake(v.ident), LitStr::value);
    let defaults = catalog.map(|c| c.defaults().clone()).unwrap_or_default();
    let mut from_catalog = None;
    let entry = if attrs.is_inline() {
        inline_entry(cx, v, &code, &defaults)?
    } else {
        if catalog_broken && catalog.is_none_or(|c| c.get(&code).is_none()) {
            return None;
        }
        let Some(catalog) = catalog else {
            cx.push(syn::Error::new(
                v.ident.span(),
                format!(
                    "variant `{}` has no entry: name a catalog with #[auth_error(catalog = \"errors.yaml\")] on the enum, or state it inline with #[auth_error(status = …, message = \"…\")]",
                    v.ident
                ),
            ));
            return None;
        };
        match catalog.get(&code) {
            Some(e) => {
                from_catalog = Some(catalog);
                e.clone()
            }
            None => {
                let hint = nearest_code(&code, catalog)
                    .map(|c| format!(" (did you mean {c}?)"))
                    .unwrap_or_default();
                cx.push(syn::Error::new(
                    code_span,
                    format!(
                        "no entry {code} in `{}`{hint}; name another with #[auth_error(code = \"…\")]",
                        catalog.file()
                    ),
                ));
                return None;
            }
        }
    };
    let bindings = bind_fields(cx, v, &entry)?;
    let source = v.fields.iter().filter(|f| f.source).collect::<Vec<_>>();
    if source.len() > 1 {
        cx.push(syn::Error::new(
            source[1].original.span(),
            "a variant can have only one #[source] or #[from] field",
        ));
    }
    let from = v.fields.iter().find(|f| f.from);
    if let Some(f) = from
        && v.fields.len() != 1
    {
        cx.push(syn::Error::new(
            f.original.span(),
            "#[from] needs the field to be the variant's only field",
        ));
    }
    // A `From` for a variant with other fields could not build it.
    let from = from.filter(|_| v.fields.len() == 1);
    Some(Resolved {
        ident: v.ident.clone(),
        spec: match from_catalog {
            Some(catalog) => catalog.parts_of(&entry, &mut leak),
            None => entry.to_parts(&defaults, &mut leak),
        },
        bindings,
        unit: v.style == Style::Unit,
        source: source.first().map(|f| f.member.clone()),
        from: from.map(|f| (f.member.clone(), f.ty.clone())),
    })
}

fn nearest_code<'c>(code: &str, catalog: &'c Catalog<Partial>) -> Option<&'c str> {
    let lower: Vec<String> = catalog
        .entries()
        .iter()
        .map(|e| e.code().value().to_ascii_lowercase())
        .collect();
    let names: Vec<&str> = lower.iter().map(String::as_str).collect();
    let near = nearest(code, &names)?;
    catalog
        .entries()
        .iter()
        .map(|e| e.code().as_str())
        .find(|c| c.eq_ignore_ascii_case(near))
}

/// Whether a type is a primitive integer, which makes an inline param `integer`.
fn is_integer(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.get_ident().is_some_and(|i| {
        matches!(i.to_string().as_str(), "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize")
    }))
}

/// Whether a type is `String` or `Scope`, borrowed with `.as_str()`.
fn as_str_type(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(|s| {
        s.arguments.is_empty() && (s.ident == "String" || s.ident == "Scope")
    }))
}

/// The params of a variant's fields, matched to the entry's params: by name for struct
/// variants, by position for tuple variants.
fn bind_fields(cx: &Ctxt, v: &Variant, entry: &Entry) -> Option<Vec<Binding>> {
    let mut out = Vec::new();
    let fields: Vec<_> = v.param_fields().collect();
    let mut ok = true;
    for (i, p) in entry.params().iter().enumerate() {
        let field = match v.style {
            Style::Named => fields
                .iter()
                .find(|f| f.name().is_some_and(|n| n == p.name().as_str())),
            Style::Tuple => fields.get(i),
            Style::Unit => None,
        };
        let Some(field) = field else {
            let want = match v.style {
                Style::Tuple => format!("a field at position {i}"),
                _ => format!("a field `{}`", p.name().value()),
            };
            cx.push(syn::Error::new(
                v.ident.span(),
                format!(
                    "variant `{}` needs {want} for the {{{}}} param of {}",
                    v.ident,
                    p.name().value(),
                    entry.code().value()
                ),
            ));
            ok = false;
            continue;
        };
        out.push(Binding {
            param: leak(p.name().value()),
            member: field.member.clone(),
            conv: if as_str_type(field.ty) {
                Conv::AsStr
            } else {
                Conv::Display
            },
        });
    }
    ok.then_some(out)
}

fn text(lit: &Option<LitStr>) -> Option<String> {
    lit.as_ref().map(LitStr::value)
}

/// An entry stated in `#[auth_error(…)]`, run through the catalog's own validator.
fn inline_entry(cx: &Ctxt, v: &Variant, code: &str, defaults: &Defaults) -> Option<Entry> {
    let attrs: &VariantAttrs = &v.attrs;
    let span = attrs.span.unwrap_or_else(|| v.ident.span());
    let status = match &attrs.status {
        Some(lit) => match lit.base10_parse::<u16>() {
            Ok(s) => s,
            Err(_) => {
                cx.push(syn::Error::new(
                    lit.span(),
                    "status must be an HTTP error status (400–599)",
                ));
                return None;
            }
        },
        None => {
            cx.push(syn::Error::new(
                span,
                "an inline entry needs `status = …` (and `message = \"…\"`)",
            ));
            return None;
        }
    };
    let Some(message) = text(&attrs.message) else {
        cx.push(syn::Error::new(
            span,
            "an inline entry needs `message = \"…\"`",
        ));
        return None;
    };
    let challenge = attrs.challenge.as_ref().map(|c| InlineChallenge {
        scheme: text(&c.scheme),
        realm: text(&c.realm),
        error: text(&c.error),
        error_description: text(&c.error_description),
        error_uri: text(&c.error_uri),
        scope: text(&c.scope),
    });
    let client = vocabulary(attrs.client.as_ref(), cx);
    let grpc = vocabulary(attrs.grpc.as_ref(), cx);
    // Params: the placeholders used, typed by where they stand and by the field's type.
    let challenge_templates: Vec<(String, String)> = challenge
        .as_ref()
        .map(|c| c.attributes(defaults))
        .unwrap_or_default();
    let mut names: Vec<String> = Vec::new();
    for t in
        std::iter::once(message.as_str()).chain(challenge_templates.iter().map(|(_, v)| v.as_str()))
    {
        for n in template::placeholders(t) {
            if !names.iter().any(|x| x == n) {
                names.push(n.to_owned());
            }
        }
    }
    let fields: Vec<_> = v.param_fields().collect();
    let params = names
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let field = match v.style {
                Style::Named => fields
                    .iter()
                    .find(|f| f.name().is_some_and(|n| n == name.as_str())),
                _ => fields.get(i),
            };
            let Some(field) = field else {
                let want = match v.style {
                    Style::Tuple => format!("a field at position {i}"),
                    _ => format!("a field `{name}`"),
                };
                cx.push(syn::Error::new(
                    span,
                    format!(
                        "the placeholder {{{name}}} needs {want} in variant `{}`",
                        v.ident
                    ),
                ));
                return None;
            };
            let in_scope = challenge_templates
                .iter()
                .any(|(n, t)| n == "scope" && template::placeholders(t).any(|p| p == name));
            let ty = if in_scope {
                ParamType::Scope
            } else if is_integer(field.ty) {
                ParamType::Integer
            } else {
                ParamType::String
            };
            Some((name.clone(), ty))
        })
        .collect();
    let entry = InlineEntry {
        code: code.to_owned(),
        status,
        message,
        title: text(&attrs.title),
        docs: text(&attrs.docs),
        deprecated: text(&attrs.deprecated),
        client,
        grpc,
        params,
        challenge,
    };
    match entry.check(defaults) {
        Ok(entry) => Some(entry),
        Err(found) => {
            for d in found {
                let message = match d.code() {
                    Some(code) => format!("{code}: {}", d.message()),
                    None => d.message().to_owned(),
                };
                cx.push(syn::Error::new(span, message));
            }
            None
        }
    }
}

/// A vocabulary value given as a string attribute (`client = "retry"`, `grpc =
/// "ABORTED"`); a name outside the vocabulary is an error at the literal.
fn vocabulary<T: std::str::FromStr>(lit: Option<&syn::LitStr>, cx: &Ctxt) -> Option<T>
where
    T::Err: std::fmt::Display,
{
    let lit = lit?;
    match lit.value().parse() {
        Ok(value) => Some(value),
        Err(e) => {
            cx.push(syn::Error::new(lit.span(), format!("{e}")));
            None
        }
    }
}
