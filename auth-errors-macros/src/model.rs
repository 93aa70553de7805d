//! The resolved model the expansion works from: one variant, its entry and its field bindings,
//! and its compiled forms.

use auth_errors_core::__private::{CompiledText, SpecParts, compile};
use quote::format_ident;
use syn::{Ident, Member, Type};

/// The field of a param: param names are snake_case, and a keyword (`type`) becomes a
/// raw identifier.
pub fn field_ident(name: &str) -> Ident {
    match name {
        // Cannot be raw identifiers; the catalog validator rejects them as param names,
        // and this keeps the expansion from panicking before that error is seen.
        "self" | "super" | "crate" | "Self" => format_ident!("{}_", name),
        _ => syn::parse_str::<Ident>(name).unwrap_or_else(|_| format_ident!("r#{}", name)),
    }
}

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
    pub spec: SpecParts,
    pub bindings: Vec<Binding>,
    pub unit: bool,
    pub source: Option<Member>,
    pub from: Option<(Member, Type)>,
}

/// The spec of a variant that did not resolve: a 500 with no message, never built
/// because the crate does not compile past the error reported for it.
pub fn stand_in(code: &'static str) -> SpecParts {
    SpecParts::new(code, 500, "")
}

/// The variant's message, header and body compiled by the runtime's own writers.
pub fn compiled(spec: &SpecParts) -> CompiledText {
    compile(spec)
}

impl Resolved {
    /// The params that are `Scope` fields the catalog macro generated: their values were
    /// checked when built, so their holes are trusted.
    pub fn scope_fields(&self) -> Vec<&'static str> {
        self.bindings
            .iter()
            .filter(|b| matches!(b.conv, Conv::Scope))
            .map(|b| b.param)
            .collect()
    }
}
