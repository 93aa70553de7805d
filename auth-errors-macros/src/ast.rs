//! What the user wrote: the enum, its variants and their fields (the derive), or the
//! empty enum `#[catalog]` fills.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, DeriveInput, Generics, Ident, Member, Type, Visibility};

use crate::attr::{self, EnumAttrs, VariantAttrs};
use crate::ctxt::Ctxt;

/// The enum `#[derive(AuthError)]` is on.
pub struct Input<'a> {
    pub ident: &'a Ident,
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

/// The enum `#[catalog]` fills: what it keeps of the item it replaces. Its variants
/// come from the catalog.
pub struct Shell<'a> {
    pub attrs: &'a [Attribute],
    pub vis: &'a Visibility,
    pub ident: &'a Ident,
}

impl<'a> Shell<'a> {
    /// Always a shell, so the enum is emitted and code naming it sees no second error.
    pub fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Self {
        match &node.data {
            syn::Data::Enum(data) => {
                if let Some(first) = data.variants.first() {
                    cx.error(
                        first.ident.span(),
                        "the enum must be empty: its variants come from the catalog (use #[derive(auth_errors::AuthError)] to write variants by hand)",
                    );
                }
            }
            _ => cx.error(
                node.ident.span(),
                "#[auth_errors::catalog] goes on an empty enum: `pub enum ApiError {}`",
            ),
        }
        // Pointed at the name: the attribute re-emits the enum without its generics.
        not_generic(cx, &node.generics, node.ident.span());
        Shell {
            attrs: &node.attrs,
            vis: &node.vis,
            ident: &node.ident,
        }
    }
}

/// An auth-errors enum cannot be generic: `SPECS` is one static table and the adapters'
/// responses are `const`s. Records the error at `at` and says whether the enum is fine.
fn not_generic(cx: &Ctxt, generics: &Generics, at: Span) -> bool {
    if generics.params.is_empty() {
        return true;
    }
    cx.error(at, "an auth-errors enum cannot be generic");
    false
}

impl<'a> Input<'a> {
    /// `None` when the derive cannot expand: not an enum, or a generic one. Attribute
    /// mistakes are still recorded.
    pub fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Option<Self> {
        let syn::Data::Enum(data) = &node.data else {
            cx.error(
                node.ident.span(),
                "auth-errors works on enums: one variant per catalog entry",
            );
            return None;
        };
        let generic = !not_generic(cx, &node.generics, node.generics.span());
        let attrs = attr::enum_attrs(&node.attrs, cx);
        let mut brings_display = attr::has_error_attr(&node.attrs);
        let variants = data
            .variants
            .iter()
            .map(|v| {
                brings_display |= attr::has_error_attr(&v.attrs);
                Variant::from_syn(v, cx)
            })
            .collect();
        (!generic).then_some(Input {
            ident: &node.ident,
            attrs,
            variants,
            brings_display,
        })
    }
}

impl<'a> Variant<'a> {
    fn from_syn(node: &'a syn::Variant, cx: &Ctxt) -> Self {
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
            attrs: attr::variant_attrs(&node.attrs, cx),
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
