//! What the generated code names, as tokens: every runtime path in one place
//! ([`Paths`]), each closed vocabulary's values (from core's vocabulary tables), and
//! `ErrorSpec` expressions.
//!
//! When an item moves in the runtime, its path changes here and nowhere else.

use auth_errors_core::__private::{CompiledForm, CompiledText, SpecParts, compile, parts};
use auth_errors_core::ChallengeSpec;
use auth_errors_core::spec::Vocabulary;
use auth_errors_core::{BodyFormat, ClientAction, GrpcCode, ParamType};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

/// The paths of the runtime items the generated code names, under the facade
/// (`::auth_errors`, or the path given as `crate = "…"`).
pub struct Paths {
    krate: TokenStream,
}

impl Paths {
    pub fn new(krate: Option<&syn::Path>) -> Self {
        Paths {
            krate: match krate {
                Some(p) => quote!(#p),
                None => quote!(::auth_errors),
            },
        }
    }

    fn at(&self, rest: TokenStream) -> TokenStream {
        let krate = &self.krate;
        quote!(#krate::#rest)
    }

    /// What only generated code names.
    fn private(&self, rest: TokenStream) -> TokenStream {
        self.at(quote!(__private::#rest))
    }

    /// The trait every enum implements.
    pub fn auth_error(&self) -> TokenStream {
        self.at(quote!(AuthError))
    }

    /// A path in the `locale` module (`Translations`, `Text`).
    pub fn locale(&self, name: &str) -> TokenStream {
        let name = syn::Ident::new(name, proc_macro2::Span::call_site());
        self.at(quote!(locale::#name))
    }

    pub fn error_spec(&self) -> TokenStream {
        self.at(quote!(ErrorSpec))
    }

    /// `FromStr`'s error.
    pub fn unknown_name(&self) -> TokenStream {
        self.at(quote!(spec::UnknownName))
    }

    pub fn cow(&self) -> TokenStream {
        self.private(quote!(Cow))
    }

    /// A param value from a field of any displayable type.
    pub fn display_param(&self) -> TokenStream {
        self.private(quote!(display_param))
    }

    /// `#[source]` fields as `&dyn Error`.
    pub fn as_dyn_error(&self) -> TokenStream {
        self.private(quote!(AsDynError))
    }

    /// The facade's macro that implements the framework traits its features enable.
    pub fn impl_adapters(&self) -> TokenStream {
        self.at(quote!(__impl_adapters))
    }

    /// A `ClientAction` value.
    pub fn client_action(&self, action: ClientAction) -> TokenStream {
        let variant = ident(action.rust_ident());
        self.at(quote!(ClientAction::#variant))
    }

    /// A `BodyFormat` value.
    pub fn body_format(&self, format: BodyFormat) -> TokenStream {
        let variant = ident(format.rust_ident());
        self.at(quote!(BodyFormat::#variant))
    }

    /// A `ParamType` value.
    pub fn param_type(&self, ty: ParamType) -> TokenStream {
        let variant = ident(ty.rust_ident());
        self.at(quote!(ParamType::#variant))
    }

    /// A `GrpcCode` value, or none.
    pub fn grpc_code(&self, code: Option<GrpcCode>) -> TokenStream {
        match code {
            Some(code) => {
                let variant = ident(code.rust_ident());
                let code = self.at(quote!(GrpcCode::#variant));
                quote!(::core::option::Option::Some(#code))
            }
            None => quote!(::core::option::Option::None),
        }
    }

    /// The Rust type of a generated param field.
    pub fn field_type(&self, ty: ParamType) -> TokenStream {
        match ty {
            ParamType::String => quote!(::std::string::String),
            ParamType::Scope => self.at(quote!(Scope)),
            ParamType::Integer | ParamType::Seconds => quote!(u64),
            ParamType::HttpDate => self.at(quote!(HttpDate)),
        }
    }

    /// A compiled form; a hole whose param is one of `scopes` (a generated `Scope` field)
    /// is trusted where a `Scope` needs no check (a body, the `scope` attribute).
    fn form(&self, form: &CompiledForm, scopes: &[&str]) -> TokenStream {
        let p = self.at(quote!(__private));
        match form {
            CompiledForm::Absent => quote!(#p::Form::Absent),
            CompiledForm::Fixed(text) => quote!(#p::Form::Fixed(#text)),
            CompiledForm::Split { text, holes } => {
                let holes = holes.iter().map(|(param, attr)| {
                    let trusted = scopes.contains(param)
                        && attr.is_none_or(|a| a.eq_ignore_ascii_case("scope"));
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

    /// An `ErrorSpec` expression: the validated parts and their compiled forms, in the
    /// short form (`entry`) when the entry has nothing but a code, status, message, client
    /// action and challenge (each expression in `SPECS` costs compile time).
    pub fn spec(&self, spec: &SpecParts, compiled: &CompiledText, scopes: &[&str]) -> TokenStream {
        self.entry(spec, compiled, scopes)
            .unwrap_or_else(|| self.full_spec(spec, compiled, scopes))
    }

    /// The short form, when it applies.
    fn entry(
        &self,
        spec: &SpecParts,
        compiled: &CompiledText,
        scopes: &[&str],
    ) -> Option<TokenStream> {
        let SpecParts {
            code,
            status,
            message,
            client,
            challenge,
            ..
        } = *spec;
        // The rest must be what `SpecParts::new` gives, which `entry` starts from.
        let short = SpecParts {
            client,
            challenge,
            ..SpecParts::new(code, status, message)
        };
        let message_fixed = match compiled.message.as_deref() {
            None => false,
            Some(fixed) if fixed == message => true,
            // Escaped braces: the compiled text differs from the template.
            Some(_) => return None,
        };
        if short != *spec {
            return None;
        }
        let p = self.at(quote!(__private));
        let client = self.client_action(client);
        let (scheme, attributes) = match challenge {
            Some(c) => {
                let scheme = c.scheme();
                let attributes = c.params().iter().map(|(n, v)| quote!((#n, #v)));
                (
                    quote!(::core::option::Option::Some(#scheme)),
                    quote!(&[#(#attributes),*]),
                )
            }
            None => (quote!(::core::option::Option::None), quote!(&[])),
        };
        let header = self.form(&compiled.header, scopes);
        let body = self.form(&compiled.body, scopes);
        Some(quote! {
            #p::entry(#code, #status, #message, #client, #scheme, #attributes, #message_fixed, #header, #body)
        })
    }

    /// The long form: every part and the compiled forms.
    fn full_spec(&self, spec: &SpecParts, compiled: &CompiledText, scopes: &[&str]) -> TokenStream {
        let p = self.at(quote!(__private));
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
        let client = self.client_action(spec.client);
        let body = self.body_format(spec.body);
        let grpc = self.grpc_code(spec.grpc);
        let challenge_spec = |c: &ChallengeSpec| {
            let scheme = c.scheme();
            let params = c.params().iter().map(|(n, v)| quote!((#n, #v)));
            quote!(#p::challenge_spec(#scheme, &[#(#params),*]))
        };
        let challenge = match &spec.challenge {
            Some(c) => {
                let c = challenge_spec(c);
                quote!(::core::option::Option::Some(#c))
            }
            None => quote!(::core::option::Option::None),
        };
        let more_challenges = spec.more_challenges.iter().map(challenge_spec);
        // The target's spec, emitted again: a `const` promotes the reference to `'static`.
        let conceal_as = match spec.conceal_as {
            Some(target) => {
                let parts = parts(target);
                let target = self.spec(&parts, &compile(&parts), &[]);
                quote!(::core::option::Option::Some(&#target))
            }
            None => quote!(::core::option::Option::None),
        };
        let params = spec.params.iter().map(|param| {
            let name = param.name();
            let ty = self.param_type(param.ty());
            quote!(#p::param_spec(#name, #ty))
        });
        let headers = spec.headers.iter().map(|h| {
            let (name, value) = (h.name(), h.value());
            quote!(#p::header_spec(#name, #value))
        });
        let fixed_message = opt(compiled.message.as_deref());
        let header = self.form(&compiled.header, scopes);
        let body_form = self.form(&compiled.body, scopes);
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
                    client: #client,
                    expose: #expose,
                    body: #body,
                    type_uri: #type_uri,
                    grpc: #grpc,
                    challenge: #challenge,
                    more_challenges: &[#(#more_challenges),*],
                    conceal_as: #conceal_as,
                    params: &[#(#params),*],
                    headers: &[#(#headers),*],
                },
                #p::Compiled::new(#fixed_message, #header, #body_form),
            )
        }
    }
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

fn opt(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    }
}
