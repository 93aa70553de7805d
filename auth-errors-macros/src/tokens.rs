//! `ErrorSpec`s as tokens.

use auth_errors_core::__private::{CompiledForm, CompiledText, SpecParts};
use auth_errors_core::spec::Vocabulary;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

fn opt(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    }
}

fn ident(name: &str) -> Ident {
    Ident::new(name, proc_macro2::Span::call_site())
}

/// A compiled form; a hole whose param is one of `scopes` (a generated `Scope` field) is
/// trusted where a `Scope` needs no check (a body, the `scope` attribute).
fn form(form: &CompiledForm, scopes: &[&str], krate: &TokenStream) -> TokenStream {
    let p = quote!(#krate::__private);
    match form {
        CompiledForm::Absent => quote!(#p::Form::Absent),
        CompiledForm::Fixed(text) => quote!(#p::Form::Fixed(#text)),
        CompiledForm::Split { text, holes } => {
            let holes = holes.iter().map(|(param, attr)| {
                let trusted =
                    scopes.contains(param) && attr.is_none_or(|a| a.eq_ignore_ascii_case("scope"));
                let attr = opt(*attr);
                if trusted {
                    quote!(#p::Hole::trusted(#param, #attr))
                } else {
                    quote!(#p::Hole::new(#param, #attr))
                }
            });
            quote!(#p::Form::Split(#p::Split::new(&[#(#text),*], &[#(#holes),*])))
        }
        CompiledForm::Runtime => quote!(#p::Form::Runtime),
    }
}

/// An `ErrorSpec` expression: the validated parts and their compiled forms.
pub fn tokens(
    spec: &SpecParts,
    compiled: &CompiledText,
    scopes: &[&str],
    krate: &TokenStream,
) -> TokenStream {
    let p = quote!(#krate::__private);
    let SpecParts {
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
    let client = ident(spec.client.rust_ident());
    let body = ident(spec.body.rust_ident());
    let challenge = match spec.challenge {
        Some(c) => {
            let scheme = c.scheme();
            let params = c.params().iter().map(|(n, v)| quote!((#n, #v)));
            quote!(::core::option::Option::Some(#p::challenge_spec(#scheme, &[#(#params),*])))
        }
        None => quote!(::core::option::Option::None),
    };
    let params = spec.params.iter().map(|param| {
        let name = param.name();
        let ty = ident(param.ty().rust_ident());
        quote!(#p::param_spec(#name, #krate::ParamType::#ty))
    });
    let headers = spec.headers.iter().map(|h| {
        let (name, value) = (h.name(), h.value());
        quote!(#p::header_spec(#name, #value))
    });
    let fixed_message = opt(compiled.message.as_deref());
    let header = form(&compiled.header, scopes, krate);
    let body_form = form(&compiled.body, scopes, krate);
    quote! {
        #p::spec(
            #p::SpecParts {
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
            },
            #p::Compiled::new(#fixed_message, #header, #body_form),
        )
    }
}
