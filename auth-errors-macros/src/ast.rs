//! What the user wrote: the enum, its variants and their fields.

use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, Member, Type};

use crate::attr::{self, EnumAttrs, VariantAttrs};
use crate::ctxt::Errors;

pub struct Input<'a> {
    pub attrs: EnumAttrs,
    pub variants: Vec<Variant<'a>>,
    /// The user derives thiserror (`#[error]` present): `Display`, `Error` and `From` are theirs.
    pub brings_display: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Unit,
    Named,
    Tuple,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: VariantAttrs,
    pub style: Style,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub original: &'a syn::Field,
    pub member: Member,
    pub ty: &'a Type,
    /// `#[source]` or `#[from]`: logged through `Error::source`, never in a response.
    pub source: bool,
    pub from: bool,
}

impl<'a> Input<'a> {
    pub fn from_syn(node: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let syn::Data::Enum(data) = &node.data else {
            errors.push(syn::Error::new(
                node.ident.span(),
                "auth-errors works on enums: one variant per catalog entry",
            ));
            return None;
        };
        if !node.generics.params.is_empty() {
            errors.push(syn::Error::new(
                node.generics.span(),
                "an auth-errors enum cannot be generic",
            ));
        }
        let attrs = attr::enum_attrs(&node.attrs, errors);
        let mut brings_display = attr::has_error_attr(&node.attrs);
        let variants = data
            .variants
            .iter()
            .map(|v| {
                brings_display |= attr::has_error_attr(&v.attrs);
                Variant::from_syn(v, errors)
            })
            .collect();
        Some(Input {
            attrs,
            variants,
            brings_display,
        })
    }
}

impl<'a> Variant<'a> {
    fn from_syn(node: &'a syn::Variant, errors: &mut Errors) -> Self {
        let style = match &node.fields {
            syn::Fields::Unit => Style::Unit,
            syn::Fields::Named(_) => Style::Named,
            syn::Fields::Unnamed(_) => Style::Tuple,
        };
        let fields = node
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let from = f.attrs.iter().any(|a| a.path().is_ident("from"));
                let source = from || f.attrs.iter().any(|a| a.path().is_ident("source"));
                Field {
                    original: f,
                    member: f
                        .ident
                        .clone()
                        .map_or_else(|| Member::Unnamed(i.into()), Member::Named),
                    ty: &f.ty,
                    source,
                    from,
                }
            })
            .collect();
        Variant {
            ident: &node.ident,
            attrs: attr::variant_attrs(&node.attrs, errors),
            style,
            fields,
        }
    }

    /// The fields that can fill placeholders: all but `#[source]` / `#[from]`.
    pub fn param_fields(&self) -> impl Iterator<Item = &Field<'a>> {
        self.fields.iter().filter(|f| !f.source)
    }
}

impl Field<'_> {
    pub fn name(&self) -> Option<&Ident> {
        self.original.ident.as_ref()
    }
}
