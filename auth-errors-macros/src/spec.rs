//! The resolved model the expansion works from, and `ErrorSpec`s as tokens.

use auth_errors_core::ErrorSpec;
use auth_errors_core::template::{self, Piece};
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Ident, Member, Type};

/// How a field's value becomes placeholder text.
#[derive(Clone, Copy)]
pub enum Conv {
    /// `String` or `Scope`: borrowed with `.as_str()`.
    AsStr,
    /// A `Scope` field the catalog macro generated: borrowed with `.as_str()`, and known
    /// to meet RFC 6749 §3.3, which `Scope` checks when it is built.
    Scope,
    /// Anything else: through `Display`.
    Display,
}

pub struct Binding {
    pub param: &'static str,
    pub member: Member,
    pub conv: Conv,
}

/// One variant with everything the expansion needs.
pub struct Resolved {
    pub ident: Ident,
    pub spec: ErrorSpec,
    pub bindings: Vec<Binding>,
    pub unit: bool,
    pub source: Option<Member>,
    pub from: Option<(Member, Type)>,
}

/// The message when it has no placeholders (escaped braces resolved).
pub fn static_message(spec: &ErrorSpec) -> Option<String> {
    let pieces = template::pieces(spec.message).ok()?;
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Param(_) => return None,
        }
    }
    Some(out)
}

fn has_placeholders(t: &str) -> bool {
    template::placeholders(t).next().is_some()
}

/// The header value when no attribute uses a placeholder: `Some(None)` for an entry
/// without a challenge. Rendered by the runtime's own builder, so it is checked too.
pub fn static_challenge(spec: &ErrorSpec) -> Option<Option<String>> {
    let Some(challenge) = spec.challenge else {
        return Some(None);
    };
    if challenge.params.iter().any(|(_, v)| has_placeholders(v)) {
        return None;
    }
    challenge
        .build(|_| None::<&str>)
        .ok()
        .map(|c| Some(c.to_header_value()))
}

/// The body when the message is fixed (or hidden by `expose: false`).
pub fn static_body(spec: &ErrorSpec) -> Option<String> {
    if !spec.expose {
        return Some(spec.render_body(""));
    }
    static_message(spec).map(|m| spec.render_body(&m))
}

fn opt(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    }
}

/// An `ErrorSpec` literal.
pub fn tokens(spec: &ErrorSpec, krate: &TokenStream) -> TokenStream {
    let ErrorSpec {
        code,
        status,
        message,
        expose,
        ..
    } = *spec;
    let title = opt(spec.title);
    let docs = opt(spec.docs);
    let deprecated = opt(spec.deprecated);
    let since = opt(spec.since);
    let type_uri = opt(spec.type_uri);
    let client = Ident::new(
        match spec.client {
            auth_errors_core::ClientAction::Refresh => "Refresh",
            auth_errors_core::ClientAction::Reauthenticate => "Reauthenticate",
            auth_errors_core::ClientAction::Forbidden => "Forbidden",
            auth_errors_core::ClientAction::Retry => "Retry",
            auth_errors_core::ClientAction::None => "None",
        },
        proc_macro2::Span::call_site(),
    );
    let body = Ident::new(
        match spec.body {
            auth_errors_core::BodyFormat::Json => "Json",
            auth_errors_core::BodyFormat::Problem => "Problem",
        },
        proc_macro2::Span::call_site(),
    );
    let challenge = match spec.challenge {
        Some(c) => {
            let scheme = c.scheme;
            let params = c.params.iter().map(|(n, v)| quote!((#n, #v)));
            quote!(::core::option::Option::Some(#krate::error::ChallengeSpec {
                scheme: #scheme,
                params: &[#(#params),*],
            }))
        }
        None => quote!(::core::option::Option::None),
    };
    let params = spec.params.iter().map(|p| {
        let name = p.name;
        let ty = Ident::new(
            match p.ty {
                auth_errors_core::error::ParamType::String => "String",
                auth_errors_core::error::ParamType::Scope => "Scope",
                auth_errors_core::error::ParamType::Integer => "Integer",
            },
            proc_macro2::Span::call_site(),
        );
        quote!(#krate::error::ParamSpec { name: #name, ty: #krate::error::ParamType::#ty })
    });
    let headers = spec.headers.iter().map(|h| {
        let (name, value) = (h.name, h.value);
        quote!(#krate::error::HeaderSpec { name: #name, value: #value })
    });
    quote! {
        #krate::ErrorSpec {
            code: #code,
            status: #status,
            title: #title,
            message: #message,
            docs: #docs,
            deprecated: #deprecated,
            since: #since,
            client: #krate::ClientAction::#client,
            expose: #expose,
            body: #krate::BodyFormat::#body,
            type_uri: #type_uri,
            challenge: #challenge,
            params: &[#(#params),*],
            headers: &[#(#headers),*],
        }
    }
}
